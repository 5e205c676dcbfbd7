// Your own files in the page: ingested, indexed and clustered in the browser, nothing uploaded,
// bad input named by file and line while the rest loads, the embedded corpus one click away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { serveDist, launchBrowser, openPage, KEEP_WASM_MEMORY } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const FILES = [
  {
    name: 'mine.jsonl',
    mimeType: 'application/json',
    buffer: Buffer.from([
      JSON.stringify({ title: 'Harbour authority approves new container terminal', text: 'The harbour authority approved a terminal for container ships on Monday.', date: '2021-03-01' }),
      '{"title": "broken line',
      JSON.stringify({ title: 'Lighthouse keepers return to the northern cape', text: 'Keepers returned to the lighthouse on the northern cape after ten years.', date: '2022-07-15' }),
    ].join('\n')),
  },
  { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: Field notes on tidal energy\ndate: 2023-05-02\n---\n\nTidal turbines were tested in the estuary this spring.\n') },
  { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
];

test('loaded files replace the corpus on screen, problems are named, nothing is uploaded', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByTestId('result').first().waitFor();
  assert.equal(await page.getByTestId('result').count(), 10);
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));

  await page.getByTestId('load-files').setInputFiles(FILES);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 3, null, { timeout: 20_000 });
  const titles = await page.getByTestId('result').allTextContents();
  assert.ok(titles.some((t) => t.includes('Lighthouse keepers return')), titles.join(' | '));
  assert.equal((await page.getByTestId('result-count').textContent()).trim(), '3 articles in your files', 'the page says whose articles these are');
  // The worker ends with its load (its memory goes with it).
  for (let waited = 0; page.workers().length > 0 && waited < 5_000; waited += 50) await page.waitForTimeout(50);
  assert.equal(page.workers().length, 0, 'no loader worker left running');
  assert.ok(titles.some((t) => t.includes('Field notes on tidal energy')), titles.join(' | '));

  // Three unrelated articles make no topic: no chip with an empty name, and the topics view says why.
  assert.equal(await page.getByTestId('topic-chip').count(), 0);
  await page.getByTestId('view-topics').click();
  await page.getByTestId('no-topics').waitFor();
  await page.getByTestId('view-results').click();
  const messages = await page.getByTestId('load-messages').textContent();
  assert.match(messages, /mine\.jsonl:2: /, 'the malformed line is named by file and line');
  assert.match(messages, /empty\.txt/, 'the empty file is named');
  assert.doesNotMatch(messages, /replace/, 'the embedded corpus is one click away: replacing it needs no word');

  await page.getByTestId('search-input').fill('lighthouse');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 1);
  // A search says of how many loaded articles: one kept from before a load said "0 articles".
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.trim() === '1 of 3 articles in your files for \u201clighthouse\u201d');
  // A load fetches the loader worker, one of the page's own files, and nothing else.
  const loaderFiles = ['loader-worker.js', 'dossier-loader.js', 'dossier-loader_bg.wasm'].map((f) => new URL(f, server.url).href);
  assert.deepEqual(requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:')), loaderFiles, 'loading files must not touch the network');

  await page.getByTestId('search-input').fill('');
  await page.getByTestId('use-embedded').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 10);
  assert.equal((await page.getByTestId('result-count').textContent()).trim(), '10 articles');

  // Loading again and going back: each load is indexed once, the embedded corpus only at start-up.
  await page.getByTestId('load-files').setInputFiles(FILES);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 3, null, { timeout: 20_000 });
  await page.getByTestId('use-embedded').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 10);
  assert.deepEqual([...new Set(requests)], loaderFiles, 'each load starts the worker from the page\'s own files, nothing else');
  const indexed = await page.evaluate(() => performance.getEntriesByName('dossier corpus indexed', 'mark').length);
  assert.equal(indexed, 3, 'the embedded corpus once, each load once');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a second load says that it replaces the files loaded before', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByTestId('result').first().waitFor();
  await page.getByTestId('load-files').setInputFiles(FILES);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 3, null, { timeout: 20_000 });
  await page.getByTestId('load-files').setInputFiles(FILES.filter((f) => f.name === 'notes.md'));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 1, null, { timeout: 20_000 });
  assert.match(await page.getByTestId('load-messages').textContent(), /These files replace the 3 articles loaded before: to see both, load them together\./);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a later load that shows nothing new keeps what loading the files on screen said', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { serviceWorkers: 'block' });
  await page.getByTestId('result').first().waitFor();
  await page.getByTestId('load-files').setInputFiles(FILES);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 3, null, { timeout: 20_000 });
  const messages = () => page.getByTestId('load-messages').locator('li').allTextContents();
  const first = await messages();
  assert.ok(first.some((m) => /^mine\.jsonl:2: /.test(m)), first.join(' | '));

  // A load of nothing Dossier reads: its own message, then the first load's again.
  await page.getByTestId('load-files').setInputFiles([{ name: 'memo.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004') }]);
  await page.waitForFunction(() => /memo\.docx/.test(document.querySelector('[data-testid=load-messages]')?.textContent ?? ''), null, { timeout: 20_000 });
  await page.getByTestId('load-progress').waitFor({ state: 'detached' });
  let now = await messages();
  assert.match(now[0], /memo\.docx/, now.join(' | '));
  assert.deepEqual(now.slice(-first.length - 1), ['Loading the files on screen said:', ...first]);
  assert.equal(await page.getByTestId('result').count(), 3, 'the files on screen stay');

  // A cancelled load: the same.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/loader-worker.js', async (route) => { await held; await route.continue(); });
  await page.getByTestId('load-files').setInputFiles(FILES);
  await page.getByTestId('load-progress').waitFor();
  await page.getByTestId('load-cancel').click();
  await page.getByTestId('load-progress').waitFor({ state: 'detached' });
  now = await messages();
  assert.deepEqual(now, ['Loading cancelled. The corpus on screen is unchanged.', 'Loading the files on screen said:', ...first]);
  release();

  // Back to the embedded corpus: nothing loaded is on screen, nothing to say.
  await page.getByTestId('use-embedded').click();
  await page.getByTestId('load-messages').waitFor({ state: 'detached' });
  assert.deepEqual(problems().filter((p) => !p.includes('loader-worker.js')), []);
  await context.close();
});

test('a list in a loaded page reads as a list, its names still marked where they stand', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByTestId('result').first().waitFor();
  const html = '<html><body><article><h1>Budget talks stall in the capital</h1>'
    + '<p>The ministry listed three demands on Monday, officials said after the meeting ended late.</p>'
    + '<ul><li>Raise the tax base by a tenth</li><li>Open an office in Islamabad</li><li>Publish the audit</li></ul>'
    + '<ol><li>Table the bill</li><li>Vote on it</li></ol><p>Talks resume next week.</p></article></body></html>';
  await page.getByTestId('load-files').setInputFiles([{ name: 'budget.html', mimeType: 'text/html', buffer: Buffer.from(html) }]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 1, null, { timeout: 20_000 });
  await page.getByTestId('result-link').first().click();
  const text = page.getByTestId('reader-text');
  await text.waitFor();
  // Before, each item was a paragraph of its own, and nothing said they were a list.
  assert.deepEqual(await text.locator('ul.reader-list:not(.numbered) > li').allTextContents(),
    ['Raise the tax base by a tenth', 'Open an office in Islamabad', 'Publish the audit']);
  // A numbered list is one too, its numbers as written (a short item was drawn as a subheading).
  assert.deepEqual(await text.locator('ul.reader-list.numbered > li').allTextContents(), ['1. Table the bill', '2. Vote on it']);
  assert.deepEqual(await text.locator('p').allTextContents(), [
    'The ministry listed three demands on Monday, officials said after the meeting ended late.',
    'Talks resume next week.',
  ]);
  assert.equal(await text.locator('h3').count(), 0);
  // The bullet is the list's, not the text's: the place is marked on its own word.
  assert.equal(await text.locator('ul.reader-list [data-testid=mention]').textContent(), 'Islamabad');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the reader links a loaded article to where it was published, only by a web address', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByTestId('result').first().waitFor();
  const records = [
    { title: 'Harbour authority approves new container terminal', text: 'The harbour authority approved a terminal for container ships on Monday.', url: 'https://example.org/harbour', section: 'Ports' },
    { title: 'Lighthouse keepers return to the northern cape', text: 'Keepers returned to the lighthouse on the northern cape after ten years.', url: 'javascript:alert(1)' },
  ];
  await page.getByTestId('load-files').setInputFiles([{ name: 'linked.jsonl', mimeType: 'application/json', buffer: Buffer.from(records.map((r) => JSON.stringify(r)).join('\n')) }]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 2, null, { timeout: 20_000 });
  await page.getByTestId('search-input').fill('harbour');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 1);
  await page.getByTestId('result-link').first().click();
  const link = page.getByTestId('reader-url');
  await link.waitFor();
  // A citation needs the address; the page only showed the file it was read from.
  assert.equal(await link.evaluate((a) => a.tagName), 'A');
  assert.equal(await link.getAttribute('href'), 'https://example.org/harbour');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.equal((await page.getByTestId('reader-section').textContent()).trim(), 'Ports');
  await page.keyboard.press('Escape');
  await page.getByTestId('search-input').fill('lighthouse');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 1);
  await page.getByTestId('result-link').first().click();
  await page.getByTestId('reader-url').waitFor();
  // Any other address is shown as text, never as a link the reader would run.
  assert.equal(await page.getByTestId('reader-url').getAttribute('href'), null);
  assert.equal((await page.getByTestId('reader-url').textContent()).trim(), 'javascript:alert(1)');
  assert.equal(await page.locator('[data-testid=reader] a[href^="javascript"]').count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('at 360 px the way back to the embedded corpus has a row of its own, the header fits, the messages leave it in reach', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 360, height: 740 } });
  await page.getByTestId('result').first().waitFor();
  await page.getByTestId('load-files').setInputFiles(FILES);
  const back = page.getByTestId('use-embedded');
  await back.waitFor({ timeout: 20_000 });
  const [box, search, views] = await Promise.all([back.boundingBox(), page.getByTestId('search-input').boundingBox(), page.locator('nav.views, .views').first().boundingBox()]);
  assert.ok(box.height < 40, `one line (${box.height}px)`);
  assert.ok(box.y >= search.y + search.height && box.y + box.height <= views.y + 1, `below the search box, above the tabs: ${JSON.stringify({ box, search, views })}`);
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'no horizontal scrolling');
  // The files' problems are said at the foot, leaving the header in reach.
  const messages = await page.getByTestId('load-messages').boundingBox();
  assert.ok(messages.y >= views.y + views.height, `messages below the header: ${JSON.stringify(messages)}`);
  await back.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 10);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a reload drops loaded files and says so, once; after the way back it says nothing', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?q=lighthouse`);
  await page.getByTestId('load-files').setInputFiles(FILES);
  await page.getByTestId('use-embedded').waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 1);
  const gone = /The files you loaded are not kept when the page reloads: this is the embedded corpus\./;
  await page.reload();
  await page.getByTestId('main').waitFor();
  assert.match(await page.getByTestId('load-messages').textContent(), gone);
  assert.equal(await page.getByTestId('use-embedded').count(), 0, 'the embedded corpus is on screen');
  await page.reload();
  await page.getByTestId('main').waitFor();
  assert.equal(await page.getByTestId('load-messages').count(), 0, 'said once');
  await page.getByTestId('load-files').setInputFiles(FILES);
  await page.getByTestId('use-embedded').click();
  await page.reload();
  await page.getByTestId('main').waitFor();
  assert.equal(await page.getByTestId('load-messages').count(), 0, 'nothing went: nothing said');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('many problems: the same one on many lines is said once, the panel lists 50 and saves all, covers no control, and Esc folds it away without losing it', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByTestId('result').first().waitFor();
  const good = JSON.stringify({ title: 'Harbour authority approves new container terminal', text: 'The harbour authority approved a terminal for container ships on Monday.' });
  const files = [
    { name: 'rows.jsonl', mimeType: 'application/json', buffer: Buffer.from([good, ...Array(30).fill('{"title": "broken line')].join('\n')) },
    ...Array.from({ length: 60 }, (_, i) => ({ name: `empty-${String(i).padStart(2, '0')}.txt`, mimeType: 'text/plain', buffer: Buffer.alloc(0) })),
  ];
  await page.getByTestId('load-files').setInputFiles(files);
  const panel = page.getByTestId('load-messages');
  await panel.waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 1, null, { timeout: 20_000 });
  assert.match(await panel.locator('.load-messages-head h2').textContent(), /^61 messages about the files you loaded$/);
  const items = await panel.locator('li').allTextContents();
  assert.equal(items.length, 51, 'fifty messages and how many more');
  assert.match(items[0], /^rows\.jsonl: .* \(lines 2, 3, 4, 5, 6 and 25 more\)$/, 'thirty broken lines, one message');
  assert.equal(items.at(-1).trim(), 'and 11 more: Save all keeps every one');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('load-messages-all').click()]);
  const { readFile } = await import('node:fs/promises');
  const saved = (await readFile(await download.path(), 'utf8')).split('\n');
  assert.equal(saved.length, 61);
  assert.ok(saved.includes('empty-59.txt: empty file skipped'), saved.slice(-3).join(' | '));
  // In the page's flow: Sort and the exports stay in reach (a fixed panel hid them).
  for (const id of ['sort', 'export-csv', 'export-json']) {
    const box = await page.getByTestId(id).boundingBox();
    const hit = await page.evaluate(([x, y, id]) => document.elementFromPoint(x, y)?.closest(`[data-testid=${id}]`) !== null, [box.x + box.width / 2, box.y + box.height / 2, id]);
    assert.ok(hit, `${id} is not covered`);
  }
  // Esc (or Hide) folds the list to its one line; Show brings every message back.
  const toggle = page.getByTestId('load-messages-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  // An open reader is in front of them: Esc closes it first.
  await page.getByTestId('result-link').first().click();
  await page.getByTestId('reader').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('reader').waitFor({ state: 'detached' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'the messages stay open');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('#load-messages-list').hidden);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.match(await panel.locator('h2').textContent(), /^61 messages about the files you loaded$/);
  const folded = await panel.boundingBox();
  assert.ok(folded.height < 60, `one line when folded (${folded.height}px)`);
  await toggle.click();
  assert.equal(await panel.locator('li').count(), 51, 'nothing was lost');
  await toggle.click();
  await page.waitForFunction(() => document.querySelector('#load-messages-list').hidden);
  // The next load's messages are news: shown, not folded away.
  await page.getByTestId('load-files').setInputFiles([{ name: 'blank.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }]);
  await page.waitForFunction(() => { const list = document.querySelector('#load-messages-list'); return list && !list.hidden && list.textContent.includes('blank.txt'); }, null, { timeout: 20_000 });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('beside the open reader the messages take a few lines of the results column, not the column', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
  await page.getByTestId('result').first().waitFor();
  const good = (i) => JSON.stringify({ title: `Harbour authority report ${i}`, text: `The harbour authority met on day ${i} to discuss the terminal.` });
  const files = [
    { name: 'rows.jsonl', mimeType: 'application/json', buffer: Buffer.from([good(1), good(2), good(3)].join('\n')) },
    ...Array.from({ length: 40 }, (_, i) => ({ name: `an-empty-file-with-a-long-name-${String(i).padStart(2, '0')}.txt`, mimeType: 'text/plain', buffer: Buffer.alloc(0) })),
  ];
  await page.getByTestId('load-files').setInputFiles(files);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 3, null, { timeout: 20_000 });
  await page.getByTestId('load-messages').waitFor();
  await page.getByTestId('result-link').first().click();
  await page.getByTestId('reader').waitFor();
  const [messages, first] = await Promise.all([page.getByTestId('load-messages').boundingBox(), page.getByTestId('result').first().boundingBox()]);
  // The column is narrow (18rem and up): the whole list took 40% of the window there, and
  // pushed the results below it.
  assert.ok(messages.height <= 200, `the messages take a few lines (${messages.height}px)`);
  assert.ok(first.y + first.height <= 800, `the first result is in sight: ${JSON.stringify({ messages, first })}`);
  assert.equal(await page.locator('#load-messages-list').isHidden(), false, 'the list is still there, scrolled in its box');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('while files load, the foot of the page makes room for the progress bar: the last result is not under it', async () => {
  // On a phone the bar takes two lines and the page's foot has little padding.
  const { page, context, problems } = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
  await page.getByTestId('result').first().waitFor();
  const many = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ title: `Harbour report ${i}`, text: `The harbour authority met on day ${i} to discuss the terminal, the tides and the ships.` })).join('\n');
  await page.getByTestId('load-files').setInputFiles([{ name: 'many.jsonl', mimeType: 'application/json', buffer: Buffer.from(many) }]);
  // Measured in one go while the bar is up: scrolled to the foot, the embedded corpus's last
  // result and the pages' links end above the bar.
  const seen = await page.waitForFunction(() => {
    const bar = document.querySelector('[data-testid=load-progress]');
    if (!bar) return null;
    window.scrollTo(0, document.documentElement.scrollHeight);
    const top = bar.getBoundingClientRect().top;
    const results = document.querySelectorAll('[data-testid=result]');
    const last = results[results.length - 1].getBoundingClientRect().bottom;
    const pages = document.querySelector('[data-testid=pagination]')?.getBoundingClientRect().bottom ?? 0;
    return { top, last, pages };
  }, null, { polling: 'raf', timeout: 20_000 });
  const { top, last, pages } = await seen.jsonValue();
  assert.ok(last <= top && pages <= top, `the bar covers the foot of the results: ${JSON.stringify({ top, last, pages })}`);
  await page.getByTestId('load-progress').waitFor({ state: 'detached', timeout: 30_000 });
  assert.deepEqual(problems(), []);
  await context.close();
});

test('switching corpus drops the filters and the open article of the one left, keeps the query', async () => {
  const { page, context, problems } = await openPage(browser, server.url + '?person=Ishaq+Dar&view=results');
  await page.getByTestId('result').first().waitFor();
  await page.getByTestId('result-link').first().click();
  await page.getByTestId('reader').waitFor();
  const before = new URL(page.url()).searchParams;
  assert.equal(before.get('person'), 'Ishaq Dar');
  assert.ok(before.get('article'));

  await page.getByTestId('load-files').setInputFiles(FILES);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 3, null, { timeout: 20_000 });
  let params = new URL(page.url()).searchParams;
  assert.equal(params.get('person'), null, 'the embedded corpus\'s filter is gone');
  assert.equal(params.get('article'), null, 'its article is closed');
  assert.equal(await page.getByTestId('reader').count(), 0);
  assert.equal(await page.locator('[data-testid=sidebar] input:checked').count(), 0);

  // An article of the loaded files, then back to the embedded corpus: no "Article not found".
  await page.getByTestId('search-input').fill('lighthouse');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 1);
  // A search says of how many loaded articles: one kept from before a load said "0 articles".
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.trim() === '1 of 3 articles in your files for \u201clighthouse\u201d');
  await page.getByTestId('result-link').first().click();
  await page.getByTestId('reader').waitFor();
  await page.getByTestId('use-embedded').click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('article'));
  assert.equal(await page.getByTestId('reader-missing').count(), 0);
  params = new URL(page.url()).searchParams;
  assert.equal(params.get('q'), 'lighthouse', 'the query stays');
  assert.equal(await page.getByTestId('search-input').inputValue(), 'lighthouse');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a load shows its progress, dropped files load too, and the page keeps answering', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByTestId('result').first().waitFor();
  // Every label the progress bar shows, in order.
  await page.evaluate(() => {
    window.__progressLabels = [];
    new MutationObserver(() => {
      const label = document.querySelector('[data-testid=load-progress] span')?.textContent;
      if (label && window.__progressLabels.at(-1) !== label) window.__progressLabels.push(label);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const dropped = await page.evaluate(() => {
    const files = new DataTransfer();
    for (let i = 1; i <= 60; i += 1) {
      const text = `---\ntitle: Dropped report number ${i} on estuary salinity\n---\n\nSalinity in the estuary was measured at station ${i}.\n`;
      files.items.add(new File([text], `report-${i}.md`, { type: 'text/markdown' }));
    }
    const taken = !document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
    // A second drop while the first loads is not loaded, and the page says so.
    const late = new DataTransfer();
    late.items.add(new File(['---\ntitle: Too late\n---\n\nText.\n'], 'late.md', { type: 'text/markdown' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: late, bubbles: true, cancelable: true }));
    return taken;
  });
  assert.equal(dropped, true, 'the page takes the drop (the browser does not open the files)');
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('60 articles'), null, { timeout: 30_000 });
  const labels = await page.evaluate(() => window.__progressLabels);
  assert.ok(labels.some((l) => /^Reading \d+ of 60: report-\d+\.md$/.test(l)), labels.join(' | '));
  assert.ok(labels.includes('Finding topics, people and quotations'), labels.join(' | '));
  // The analytics say where they are, step by step, in order (the native tests of
  // file_load.rs check every step, clustering included).
  const steps = [
    (l) => l === 'Finding topics: weighing the words',
    (l) => l === 'Placing the articles on the topic map, finding related articles',
    (l) => l === 'Finding people, places and quotations: 0 of 60 articles',
  ].map((isStep) => labels.findIndex(isStep));
  assert.ok(steps.every((at, i) => at > (i === 0 ? 0 : steps[i - 1])), `${steps}: ${labels.join(' | ')}`);
  assert.equal(await page.getByTestId('load-progress').count(), 0, 'the bar goes away when done');
  assert.match(await page.getByTestId('load-messages').textContent(), /1 file not loaded: the files before them are still loading/);
  await page.getByTestId('search-input').fill('station 17');
  await page.waitForFunction(() => document.querySelector('[data-testid=result-link]')?.textContent.includes('number 17 '));
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a dropped folder is walked: its files load, named by their path, hidden ones left out', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByTestId('result').first().waitFor();
  await page.evaluate(() => {
    // The browser's entries for a dropped folder (File and Directory Entries API), as Chromium
    // gives them: a folder's entries come in batches until an empty one.
    const file = (path, text) => ({
      isFile: true, isDirectory: false, name: path.split('/').at(-1), fullPath: `/${path}`,
      file: (ok, fail) => (text === null ? fail(new DOMException('locked', 'NotReadableError')) : ok(new File([text], path.split('/').at(-1)))),
    });
    const folder = (path, children) => ({
      isFile: false, isDirectory: true, name: path.split('/').at(-1), fullPath: `/${path}`,
      createReader: () => {
        let next = 0;
        return { readEntries: (ok) => { const batch = children.slice(next, next + 2); next += batch.length; setTimeout(() => ok(batch)); } };
      },
    });
    const md = (title, body) => `---\ntitle: ${title}\ndate: 2024-03-0${title.length % 9 + 1}\n---\n\n${body}\n`;
    const corpus = folder('corpus', [
      folder('corpus/2023', [
        file('corpus/2023/a.md', md('Ferry timetable changes for the winter', 'The ferry will sail twice a day.')),
        file('corpus/2023/b.md', md('New lighthouse lens installed', 'The lens came from a foundry in Leith.')),
      ]),
      folder('corpus/2024', [
        file('corpus/2024/c.md', md('Harbour dredging begins in spring', 'Dredgers arrive in April.')),
        folder('corpus/2024/sub', [
          file('corpus/2024/sub/d.jsonl', `${JSON.stringify({ title: 'Fishing quotas set for the bay', text: 'Quotas fell by a tenth.' })}\n{"title": "broken`),
        ]),
      ]),
      folder('corpus/.git', [file('corpus/.git/HEAD', 'ref: refs/heads/main')]),
      file('corpus/.DS_Store', 'binary'),
      file('corpus/photo.png', 'not an image really'),
      file('corpus/locked.md', null),
      file('corpus/notes.md', md('Notes on tidal energy', 'Turbines were tested in the estuary.')),
    ]);
    const loose = file('loose.md', md('Coastal path reopens after storm', 'The path reopened on Monday.'));
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true });
    const items = [corpus, loose].map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry }));
    Object.defineProperty(drop, 'dataTransfer', { value: { items, files: [] } });
    document.body.dispatchEvent(drop);
  });
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('6 articles'), null, { timeout: 30_000 });
  const titles = await page.getByTestId('result-link').allTextContents();
  for (const title of ['Ferry timetable', 'New lighthouse lens', 'Harbour dredging', 'Fishing quotas', 'Notes on tidal energy', 'Coastal path reopens']) {
    assert.ok(titles.some((t) => t.includes(title)), `${title} in ${titles.join(' | ')}`);
  }
  const messages = await page.getByTestId('load-messages').textContent();
  assert.match(messages, /corpus\/2024\/sub\/d\.jsonl:2: /, 'a problem names the file by its path in the drop');
  assert.match(messages, /corpus\/photo\.png: not a type Dossier reads/);
  assert.match(messages, /2 files and folders not read: hidden \(the name starts with a dot\): corpus\/\.DS_Store, corpus\/\.git/);
  assert.match(messages, /corpus\/locked\.md: the browser could not read this; skipped/);
  assert.doesNotMatch(messages, /HEAD/, 'nothing inside a hidden folder is read');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('Cancel while dropped folders are looked through: a later drop loads, the cancelled one never does', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByTestId('result').first().waitFor();
  await page.evaluate(() => {
    const md = (title) => `---\ntitle: ${title}\n---\n\nText about ${title.toLowerCase()}.\n`;
    const file = (path, title) => ({ isFile: true, isDirectory: false, name: path.split('/').at(-1), fullPath: `/${path}`, file: (ok) => ok(new File([md(title)], path.split('/').at(-1))) });
    // A folder whose entries arrive only when the test says so (a slow disk).
    const folder = (path, children, gate) => ({
      isFile: false, isDirectory: true, name: path, fullPath: `/${path}`,
      createReader: () => {
        let given = false;
        return { readEntries: (ok) => gate.then(() => { ok(given ? [] : children); given = true; }) };
      },
    });
    const gate = () => { let open; const opened = new Promise((resolve) => { open = resolve; }); return { opened, open }; };
    const slow = gate();
    const fast = gate();
    window.__open = { slow: slow.open, fast: fast.open };
    window.__dropFolder = (entry) => {
      const drop = new DragEvent('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(drop, 'dataTransfer', { value: { items: [{ kind: 'file', webkitGetAsEntry: () => entry }], files: [] } });
      document.body.dispatchEvent(drop);
    };
    window.__slowFolder = folder('slow', [file('slow/a.md', 'Slow folder article one'), file('slow/b.md', 'Slow folder article two')], slow.opened);
    window.__fastFolder = folder('fast', [file('fast/c.md', 'Fast folder article')], fast.opened);
  });
  const looking = () => page.waitForFunction(() => document.querySelector('[data-testid=load-progress] span')?.textContent === 'Looking through the dropped folders');
  await page.evaluate(() => window.__dropFolder(window.__slowFolder));
  await looking();
  await page.getByTestId('load-cancel').click();
  await page.getByTestId('load-progress').waitFor({ state: 'detached' });
  await page.evaluate(() => window.__dropFolder(window.__fastFolder));
  await looking();
  // The cancelled walk ends first, while the second is still looking: it must not load.
  await page.evaluate(() => window.__open.slow());
  await page.waitForTimeout(500);
  await page.evaluate(() => window.__open.fast());
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('1 article'), null, { timeout: 30_000 });
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId('load-progress').count(), 0);
  assert.deepEqual(await page.getByTestId('result-link').allTextContents(), ['Fast folder article']);
  const indexed = await page.evaluate(() => performance.getEntriesByName('dossier corpus indexed', 'mark').length);
  assert.equal(indexed, 2, 'the embedded corpus and the second drop; the cancelled drop was never loaded');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('"Load folder" loads every file of a picked folder, named by its path, hidden ones left out', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-folder-'));
  const write = (path, text) => { mkdirSync(dirname(join(dir, path)), { recursive: true }); writeFileSync(join(dir, path), text); };
  write('reports/2023/ferry.md', '---\ntitle: Ferry timetable changes for the winter\n---\n\nThe ferry will sail twice a day.\n');
  write('reports/2024/quotas.jsonl', `${JSON.stringify({ title: 'Fishing quotas set for the bay', text: 'Quotas fell by a tenth.' })}\n{"title": "broken`);
  write('reports/.git/HEAD', 'ref: refs/heads/main\n');
  write('reports/.git/config', '[core]\n');
  write('reports/scan.pdf', '%PDF-1.4');
  try {
    const { page, context, problems } = await openPage(browser, server.url);
    await page.getByTestId('result').first().waitFor();
    await page.getByTestId('load-folder').setInputFiles(join(dir, 'reports'));
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('2 articles'), null, { timeout: 30_000 });
    const messages = await page.getByTestId('load-messages').textContent();
    assert.match(messages, /reports\/2024\/quotas\.jsonl:2: /, 'a problem names the file by its path in the folder');
    assert.match(messages, /reports\/scan\.pdf: not a type Dossier reads/);
    assert.match(messages, /1 file or folder not read: hidden \(the name starts with a dot\): reports\/\.git/);
    assert.deepEqual(problems(), []);
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A JSONL file of `count` distinct articles of about 120 words each. */
function manyArticles(count) {
  const words = ['harbour', 'river', 'council', 'budget', 'school', 'railway', 'drought', 'election', 'treaty', 'factory', 'museum', 'vaccine', 'bridge', 'market', 'festival', 'court'];
  const lines = [];
  for (let i = 0; i < count; i += 1) {
    const text = Array.from({ length: 120 }, (_, k) => `${words[(i * 7 + k * 3) % words.length]}${k % 5 === 0 ? ` item${(i * 31 + k) % 997}` : ''}`).join(' ');
    lines.push(JSON.stringify({ id: `big-${i}`, title: `Bulletin ${i} on the ${words[i % words.length]}`, text, date: `20${10 + (i % 12)}-0${1 + (i % 9)}-1${i % 10}` }));
  }
  return { name: 'big.jsonl', mimeType: 'application/json', buffer: Buffer.from(lines.join('\n')) };
}

test('results past the first page are reached with Next and Previous, and the address keeps the page', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByTestId('result').first().waitFor();
  await page.getByTestId('load-files').setInputFiles([manyArticles(35)]);
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('35 articles'));
  await page.getByTestId('sort').selectOption('oldest');
  const titles = async () => page.getByTestId('result-link').allTextContents();
  const first = await titles();
  assert.equal(first.length, 10);
  const next = page.getByTestId('page-next');
  const prev = page.getByTestId('page-prev');
  assert.equal(await page.getByTestId('pagination').locator('span').textContent(), 'Page 1 of 4');
  assert.equal(await next.textContent(), 'Next →');
  assert.ok(await next.isEnabled());
  assert.ok(await prev.isDisabled());
  const seen = new Set(first);
  for (const expected of [2, 3, 4]) {
    await next.click();
    await page.waitForFunction((n) => new URL(location.href).searchParams.get('page') === String(n), expected);
    assert.equal(await page.getByTestId('pagination').locator('span').textContent(), `Page ${expected} of 4`);
    for (const title of await titles()) {
      assert.ok(!seen.has(title), `each page shows new results: ${title}`);
      seen.add(title);
    }
  }
  assert.equal(seen.size, 35, 'the four pages together hold every result once');
  assert.ok(await next.isDisabled());
  await prev.click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '3');
  assert.ok(await next.isEnabled());
  // An export made on page 3 holds every match, each linking to the reader beside the page
  // listing it (every row carried page 3).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const { readFile } = await import('node:fs/promises');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.results.length, 35);
  const pageOf = (row) => new URL(row.reader).searchParams.get('page');
  assert.deepEqual([0, 9, 10, 34].map((i) => pageOf(exported.results[i])), [null, null, '2', '4']);
  // In the reader, j reads on from a page's last result to the next page's first, k back.
  await page.getByTestId('result-link').last().click();
  await page.getByTestId('reader').waitFor();
  await page.keyboard.press('j');
  await page.waitForFunction((id) => new URL(location.href).searchParams.get('article') === id, exported.results[30].id);
  assert.equal(new URL(page.url()).searchParams.get('page'), '4');
  await page.getByTestId('result').first().waitFor();
  assert.equal(await page.locator('[data-testid=result].open [data-testid=result-link]').textContent(), exported.results[30].title);
  await page.keyboard.press('k');
  await page.waitForFunction((id) => new URL(location.href).searchParams.get('article') === id, exported.results[29].id);
  assert.equal(new URL(page.url()).searchParams.get('page'), '3');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a large load is read and indexed a slice at a time, and Cancel stops it while indexing', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByTestId('result').first().waitFor();
  // Large enough that indexing it takes several 30 ms slices on a fast, idle machine (there,
  // about 1,300 of these articles are indexed per slice).
  const big = manyArticles(6_000);
  // Every label the progress bar shows, in order; with `__cancelWhileIndexing`, Cancel is
  // clicked as soon as some but not all articles are indexed (between two slices).
  await page.evaluate(() => {
    window.__progressLabels = [];
    new MutationObserver(() => {
      const label = document.querySelector('[data-testid=load-progress] span')?.textContent;
      if (label && window.__progressLabels.at(-1) !== label) window.__progressLabels.push(label);
      if (window.__cancelWhileIndexing && /^Indexing [1-9]/.test(label ?? '')) {
        window.__cancelWhileIndexing = false;
        document.querySelector('[data-testid=load-cancel]').click();
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });

  await page.getByTestId('load-files').setInputFiles([big]);
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('6,000 articles'), null, { timeout: 60_000 });
  const labels = await page.evaluate(() => window.__progressLabels);
  // A label part-way through means a task ended before indexing did: between two, the page
  // painted and could answer (one long task would show none).
  const partWay = labels.filter((l) => /^Indexing [1-9][\d,]* of 6,000 articles$/.test(l) && !l.startsWith('Indexing 6,000'));
  assert.ok(partWay.length >= 1, labels.join(' | '));
  // Then the index is finished in slices of its own (a 200 ms task at 50,000 articles before).
  const finishing = labels.indexOf('Finishing the index');
  assert.ok(finishing > labels.findLastIndex((l) => l.startsWith('Indexing')), labels.join(' | '));
  await page.getByTestId('search-input').fill('bulletin 5999');
  await page.waitForFunction(() => document.querySelector('[data-testid=result-link]')?.textContent.includes('Bulletin 5999 '));
  await page.getByTestId('search-input').fill('');

  // The same load again, cancelled while indexing: the corpus on screen stays, and nothing of
  // the cancelled load arrives later.
  await page.getByTestId('use-embedded').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 10);
  await page.evaluate(() => { window.__cancelWhileIndexing = true; });
  await page.getByTestId('load-files').setInputFiles([big]);
  await page.waitForFunction(() => document.querySelector('[data-testid=load-messages]')?.textContent.includes('Loading cancelled'), null, { timeout: 60_000 });
  assert.equal(await page.getByTestId('load-progress').count(), 0);
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId('result').count(), 10, 'the embedded corpus stays on screen');
  const indexed = await page.evaluate(() => performance.getEntriesByName('dossier corpus indexed', 'mark').length);
  assert.equal(indexed, 2, 'the embedded corpus and the first load; the cancelled one never finished');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('the quotes view lists the quotations of every match, beyond the results list\'s first 1,000, a step at a time', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByTestId('result').first().waitFor();
  // 1,400 articles, every fourth with a quotation: 350 in all, 100 of them in articles past the
  // first 1,000 (the most the results list holds).
  const lines = [];
  for (let i = 0; i < 1_400; i += 1) {
    const quote = i % 4 === 0 ? `\n\n“We will rebuild the harbour wall before the storms, section ${i} first,” said Ada Quill, the harbour master.` : '';
    lines.push(JSON.stringify({ id: `q-${i}`, title: `Harbour bulletin ${i}`, text: `The harbour council met on day ${i} to discuss the sea wall and the budget.${quote}` }));
  }
  await page.getByTestId('load-files').setInputFiles([{ name: 'quotes.jsonl', mimeType: 'application/json', buffer: Buffer.from(lines.join('\n')) }]);
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('1,400 articles'), null, { timeout: 60_000 });
  await page.getByTestId('view-quotes').click();
  await page.getByTestId('quotes-view').waitFor();
  assert.equal((await page.getByTestId('quote-count').textContent()).trim(), '350 quotations');
  const quotes = page.getByTestId('quote');
  assert.equal(await quotes.count(), 200, 'the first step of the list');
  assert.match(await page.getByTestId('quotes-more').textContent(), /^Show 150 more$/);
  await page.getByTestId('quotes-more').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=quote]').length === 350);
  assert.equal(await page.getByTestId('quotes-more').count(), 0, 'nothing left to show');
  const texts = await quotes.locator('blockquote').allTextContents();
  assert.ok(texts.some((t) => t.includes('section 1396 first')), 'a quotation of the last article is listed');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a loaded corpus is freed once replaced: loading again and again does not grow the page', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { initScript: KEEP_WASM_MEMORY });
  await page.getByTestId('result').first().waitFor();
  const big = manyArticles(2_000);
  const megabytes = () => page.evaluate(() => window.__wasmMemory.buffer.byteLength / 1e6);
  const before = await megabytes();
  const after = [];
  for (let load = 1; load <= 4; load += 1) {
    await page.getByTestId('load-files').setInputFiles([big]);
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('2,000 articles'), null, { timeout: 60_000 });
    // Read in the loaded corpus (reader, quotes) so the views hold it too, then leave it.
    await page.getByTestId('result-link').first().click();
    await page.getByTestId('reader').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('use-embedded').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 10);
    after.push(await megabytes());
  }
  // Wasm memory never shrinks, so it shows the high-water mark: a kept corpus adds its whole size
  // with each load, a freed one lets the next load reuse its memory.
  const first = after[0] - before;
  const later = after[3] - after[0];
  assert.ok(first > 4, `a load of 2,000 articles takes memory (${first.toFixed(1)} MB)`);
  assert.ok(later < first / 2, `three more loads grew the page by ${later.toFixed(1)} MB after ${first.toFixed(1)} MB for the first: ${after.map((m) => m.toFixed(1))}`);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('a loader that cannot start is reported and the corpus stays', async () => {
  const { page, context } = await openPage(browser, server.url, { serviceWorkers: 'block' });
  await context.route('**/loader-worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("broken loader");' }));
  await page.getByTestId('result').first().waitFor();
  await page.getByTestId('load-files').setInputFiles(FILES);
  const messages = page.getByTestId('load-messages');
  await messages.waitFor();
  assert.match(await messages.textContent(), /the file loader stopped: .*broken loader.*The corpus on screen is unchanged\./);
  assert.equal(await page.getByTestId('result').count(), 10, 'the embedded corpus is still on screen');
  assert.equal(await page.getByTestId('load-progress').count(), 0);
  // The next try starts a new worker (here it fails the same way, and says so again).
  await page.getByTestId('load-files').setInputFiles(FILES);
  await page.waitForFunction(() => document.querySelector('[data-testid=load-messages]')?.textContent.includes('broken loader'));
  await context.close();
});

test('a loader whose wasm cannot be fetched is reported too', async () => {
  const { page, context } = await openPage(browser, server.url, { serviceWorkers: 'block' });
  await context.route('**/dossier-loader_bg.wasm', (route) => route.abort());
  await page.getByTestId('result').first().waitFor();
  await page.getByTestId('load-files').setInputFiles(FILES);
  await page.getByTestId('load-messages').waitFor({ timeout: 10_000 });
  assert.match(await page.getByTestId('load-messages').textContent(), /the file loader stopped: .*The corpus on screen is unchanged\./);
  assert.equal(await page.getByTestId('load-progress').count(), 0);
  assert.equal(await page.getByTestId('result').count(), 10);
  await context.close();
});

test('a load can be cancelled and the next one still works', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { serviceWorkers: 'block' });
  await page.getByTestId('result').first().waitFor();
  // Hold the worker's script back, so the first load is still starting when Cancel is clicked.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let firstRequest = true;
  await context.route('**/loader-worker.js', async (route) => {
    if (firstRequest) { firstRequest = false; await held; }
    await route.continue();
  });
  await page.getByTestId('load-files').setInputFiles(FILES);
  await page.getByTestId('load-progress').waitFor();
  assert.equal(await page.getByTestId('load-progress').locator('span').textContent(), 'Starting the file loader');
  await page.getByTestId('load-cancel').click();
  await page.getByTestId('load-progress').waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('load-messages').textContent(), /Loading cancelled\. The corpus on screen is unchanged\./);
  assert.equal(await page.getByTestId('result').count(), 10);
  release();
  // The next load starts a new worker and completes.
  await page.getByTestId('load-files').setInputFiles(FILES);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 3, null, { timeout: 20_000 });
  assert.doesNotMatch(await page.getByTestId('load-messages').textContent(), /cancelled/, 'a new load starts with fresh messages');
  assert.deepEqual(problems().filter((p) => !p.includes('loader-worker.js')), []);
  await context.close();
});

test('the undated articles of loaded files can be listed on their own', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.getByTestId('result').first().waitFor();
  const records = [
    { title: 'Harbour authority approves new container terminal', text: 'The harbour authority approved a terminal for container ships.', date: '2021-03-01' },
    { title: 'Lighthouse keepers return to the northern cape', text: 'Keepers returned to the lighthouse on the northern cape.' },
    { title: 'Ferry timetable changes for the islands', text: 'The ferry to the islands now leaves earlier.' },
  ];
  await page.getByTestId('load-files').setInputFiles([{ name: 'undated.jsonl', mimeType: 'application/json', buffer: Buffer.from(records.map((r) => JSON.stringify(r)).join('\n')) }]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 3, null, { timeout: 20_000 });
  const dated = page.getByTestId('result').filter({ hasText: 'Harbour authority' });
  assert.equal(await dated.getByTestId('undated').count(), 0);
  assert.equal(await page.getByTestId('result').getByTestId('undated').count(), 2);
  // The timeline counts them and could not show them before.
  await page.getByTestId('view-timeline').click();
  const note = page.getByTestId('timeline-undated');
  await note.waitFor();
  assert.match(await note.textContent(), /^2 matching articles have no date/);
  await page.getByTestId('timeline-list-undated').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 2);
  assert.equal(new URL(page.url()).searchParams.get('year'), 'Undated');
  assert.deepEqual((await page.getByTestId('result-link').allTextContents()).sort(),
    ['Ferry timetable changes for the islands', 'Lighthouse keepers return to the northern cape']);
  // Each says it is undated, in the list and in the reader, where there was no date at all.
  assert.equal(await page.getByTestId('result').getByTestId('undated').count(), 2);
  await page.getByTestId('result-link').first().click();
  await page.getByTestId('reader').getByTestId('undated').waitFor();
  // The Year facet lists them after the years, ticked.
  const years = page.getByTestId('facet-year').getByTestId('facet-option');
  assert.deepEqual(await years.evaluateAll((els) => els.map((e) => [e.value, e.checked])), [['2021', false], ['Undated', true]]);
  // Files with no dates at all: saying of each article that it is undated would tell nothing.
  await page.goto(server.url);
  await page.getByTestId('result').first().waitFor();
  await page.getByTestId('load-files').setInputFiles([{ name: 'notes.jsonl', mimeType: 'application/json', buffer: Buffer.from(records.slice(1).map((r) => JSON.stringify(r)).join('\n')) }]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 2, null, { timeout: 20_000 });
  assert.equal(await page.getByTestId('undated').count(), 0);
  assert.deepEqual(problems(), []);
  await context.close();
});
