// Keyboard, screen reader and small-screen use, from an accessibility audit of the release
// build: what an overlay covers is out of Tab's reach, every view says what a search matches
// once typing pauses, and the help fits a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage, axeViolations } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const PHONE = { viewport: { width: 360, height: 740 } };

test('at 360 px Tab stays in the open filter drawer, not on the results hidden behind it', async () => {
  const { page, context, problems } = await openPage(browser, server.url, PHONE);
  await page.getByTestId('result').first().waitFor();
  await page.getByTestId('filters-button').click();
  await page.getByTestId('sidebar').waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'drawer-close');
  const outside = [];
  for (let i = 0; i < 70; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const e = document.activeElement;
      // Past the drawer's last control Tab leaves the document (the body), then comes back.
      return !e || e === document.body || e.closest('[data-testid=sidebar]') ? null : `${e.tagName} ${e.textContent?.trim().slice(0, 40)}`;
    });
    if (where) outside.push(where);
  }
  assert.deepEqual(outside, [], 'every Tab stop is in the drawer');
  // Closed by its backdrop, focus goes back to the button that opened it.
  await page.mouse.click(350, 400);
  await page.getByTestId('sidebar').waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'filters-button');
  assert.equal(await page.getByTestId('main').evaluate((m) => m.inert), false, 'the page is back in reach');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the open reader sits beside the results on a wide screen and, on a narrower one, takes them out of reach', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?q=kashmir`);
  await page.getByTestId('result-link').first().click();
  await page.getByTestId('reader').waitFor();
  // 1280 px: nothing of the results is under the reader (Tab reached Sort and the exports there).
  const reader = await page.getByTestId('reader').boundingBox();
  for (const id of ['sort', 'export-json']) {
    const box = await page.getByTestId(id).boundingBox();
    assert.ok(box.x + box.width <= reader.x + 1, `${id} (right edge ${box.x + box.width}) is left of the reader (${reader.x})`);
  }
  assert.equal(await page.getByTestId('main').evaluate((m) => m.inert), false);
  await page.close();
  // 1000 px: the reader covers the results, which are then inert.
  const narrow = await context.newPage();
  await narrow.setViewportSize({ width: 1000, height: 800 });
  await narrow.goto(`${server.url}?q=kashmir`);
  await narrow.getByTestId('result-link').first().click();
  await narrow.getByTestId('reader').waitFor();
  assert.equal(await narrow.getByTestId('main').evaluate((m) => m.inert), true, 'the covered results are out of reach');
  assert.equal(await narrow.getByTestId('sidebar').evaluate((s) => s.inert), false, 'the filters beside it are not');
  await narrow.keyboard.press('Escape');
  await narrow.getByTestId('reader').waitFor({ state: 'detached' });
  assert.equal(await narrow.getByTestId('main').evaluate((m) => m.inert), false);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('every view says what a search matches once typing pauses, not at each keystroke', async () => {
  for (const view of ['topics', 'results']) {
    const { page, context, problems } = await openPage(browser, `${server.url}?view=${view}`);
    await page.getByTestId(`${view}-view`).or(page.locator('#results-heading')).first().waitFor();
    const announcer = page.getByTestId('announcer');
    assert.equal(await announcer.getAttribute('role'), 'status');
    assert.equal((await announcer.textContent()).trim(), '', 'opening the page announces nothing');
    // Every text the live region is given, as it is given.
    await page.evaluate(() => {
      window.announced = [];
      const region = document.querySelector('[data-testid=announcer]');
      new MutationObserver(() => window.announced.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
    });
    await page.getByTestId('search-input').pressSequentially('kashmir', { delay: 40 });
    await page.waitForFunction(() => window.announced.length > 0);
    await page.waitForTimeout(600);
    const announced = await page.evaluate(() => window.announced.filter((t) => t.trim()));
    assert.equal(announced.length, 1, `one announcement, not one per key: ${JSON.stringify(announced)}`);
    assert.match(announced[0], /^\d+ articles? for “kashmir”/);
    // A filter ticked is said too.
    await page.getByTestId('facet-kind').getByTestId('facet-option').first().check();
    await page.waitForFunction(() => /, 1 filter on$/.test(window.announced.at(-1)));
    assert.deepEqual(problems(), []);
    await context.close();
  }
});

test('at 360 px the help fits the screen: no example or its meaning runs past the edge', async () => {
  const { page, context, problems } = await openPage(browser, server.url, PHONE);
  await page.getByTestId('result').first().waitFor();
  // `?` works from a checkbox as from a link (it went to the checkbox as typing).
  await page.getByTestId('facet-option').first().focus();
  await page.keyboard.press('?');
  const help = page.getByTestId('help');
  await help.waitFor();
  const overflow = await help.evaluate((dialog) => ({ scroll: dialog.scrollWidth, client: dialog.clientWidth }));
  assert.ok(overflow.scroll <= overflow.client, `the help scrolls sideways: ${JSON.stringify(overflow)}`);
  const box = await help.boundingBox();
  const texts = await help.locator('dd').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
  assert.ok(texts.every((right) => right <= box.x + box.width), 'every meaning ends inside the dialog');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a search that finds nothing has nothing to export, and the timeline says which periods are in the date filter', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?q=zzqxv`);
  await page.getByTestId('no-results').waitFor();
  assert.equal(await page.getByTestId('export-csv').isDisabled(), true);
  assert.equal(await page.getByTestId('export-json').isDisabled(), true);
  await page.goto(`${server.url}?view=timeline`);
  const bars = page.getByTestId('timeline-bar');
  await bars.first().waitFor();
  const tallest = await bars.evaluateAll((els) => els.reduce((best, e, i, all) => Number(e.getAttribute('height')) > Number(all[best].getAttribute('height')) ? i : best, 0));
  await bars.nth(tallest).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.has('from'));
  const labels = await bars.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.match(labels[tallest], /, in the date filter$/);
  assert.equal(labels.filter((l) => l.endsWith(', in the date filter')).length, 1, labels.join(' | '));
  assert.deepEqual(problems(), []);
  await context.close();
});

test('loading files: the messages pass axe, the progress covers no header control, focus is never dropped', async () => {
  const { page, context, problems } = await openPage(browser, server.url, PHONE);
  await page.getByTestId('result').first().waitFor();
  const files = [
    { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: Field notes on tidal energy\ndate: 2023-05-02\n---\n\nTidal turbines were tested in the estuary.\n') },
    { name: 'broken.jsonl', mimeType: 'application/json', buffer: Buffer.from('{"title": "broken line\n') },
    // Enough to be seen loading.
    { name: 'many.jsonl', mimeType: 'application/json', buffer: Buffer.from(Array.from({ length: 3000 }, (_, i) => JSON.stringify({ title: `Harbour report ${i}`, text: `The harbour authority met on day ${i} to discuss the terminal, the tides and the ships.` })).join('\n')) },
  ];
  await page.getByTestId('load-files').focus();
  await page.getByTestId('load-files').setInputFiles(files);
  const progress = page.getByTestId('load-progress');
  await progress.waitFor();
  const bar = await progress.boundingBox();
  for (const id of ['search-input', 'filters-button', 'help-button']) {
    const box = await page.getByTestId(id).boundingBox();
    const overlaps = box && !(box.y + box.height <= bar.y || bar.y + bar.height <= box.y || box.x + box.width <= bar.x || bar.x + bar.width <= box.x);
    assert.ok(!overlaps, `the progress covers ${id}`);
  }
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'load-files', 'focus stays while loading');
  await page.getByTestId('use-embedded').waitFor({ timeout: 30_000 });
  await page.getByTestId('load-messages').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the messages are a list with a polite heading');
  assert.equal(await page.locator('#load-messages-list').getAttribute('role'), null);
  await page.getByTestId('use-embedded').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 10);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'load-files', 'focus moves to the button beside the one that went');
  assert.deepEqual(problems(), []);
  await context.close();
});
