// The adversarial corpus (tests/fixtures/adversarial, built by `cargo xtask build --corpus ...
// --dist dist-adversarial`): every payload shows as text and nothing in it ever runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, serveDist, launchBrowser } from './harness.mjs';

const DIST = process.env.DOSSIER_ADVERSARIAL_DIST ?? join(ROOT, 'dist-adversarial');
let server, browser;
before(async () => { server = await serveDist(DIST); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Elements no corpus text may ever create. */
const INJECTED = 'script:not([src]), img[onerror], svg[onload], iframe, [onclick], [onmouseover], a[href^="javascript:" i]';

async function openTrapped() {
  const context = await browser.newContext();
  // The payloads all write window.__pwned; a setter records any attempt, even a failed one.
  await context.addInitScript(() => {
    Object.defineProperty(window, '__pwned', { configurable: false, get: () => undefined, set: (v) => { window.__pwnedAttempts = (window.__pwnedAttempts ?? 0) + 1; window.__pwnedLast = String(v); } });
  });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(server.url);
  await page.getByTestId('result').first().waitFor({ timeout: 60_000 });
  return { page, context, dialogs, errors };
}

async function assertNothingRan(page, dialogs) {
  assert.deepEqual(dialogs, [], 'no dialog may fire');
  assert.equal(await page.evaluate(() => window.__pwnedAttempts ?? 0), 0, 'window.__pwned must never be written');
  assert.equal(await page.locator(INJECTED).count(), 0, 'no injected element may exist');
}

test('payload titles show as text and nothing executes', async () => {
  const { page, context, dialogs, errors } = await openTrapped();
  const search = page.getByTestId('search-input');
  for (const [query, expected] of [
    ['newsroom', '<script>window.__pwned = \'title\'</script>Cyber attack on'],
    ['JSONL title', '<img src=x onerror="window.__pwned=\'jsonl\'">JSONL title'],
    ['CSV title', '<script>window.__pwned=\'csv\'</script>CSV title'],
  ]) {
    await search.fill(query);
    await page.waitForFunction((text) => [...document.querySelectorAll('[data-testid=result]')].some((r) => r.textContent.includes(text)), expected, { timeout: 10_000 });
    await assertNothingRan(page, dialogs);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('right-to-left, combining marks and emoji titles render as text', async () => {
  const { page, context, dialogs } = await openTrapped();
  await page.getByTestId('search-input').fill('باكستان');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=result]')].some((r) => r.textContent.includes('الأمن السيبراني')), null, { timeout: 10_000 });
  await page.getByTestId('search-input').fill('Zalgo emoji');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=result]')].some((r) => r.textContent.includes('🛡️')), null, { timeout: 10_000 });
  await assertNothingRan(page, dialogs);
  await context.close();
});

test('the ten-thousand-article file loads and is searchable', async () => {
  const { page, context, dialogs } = await openTrapped();
  // The count is every article, not the 1,000 the list holds; the page says the list holds the first 1,000.
  const count = Number((await page.getByTestId('result-count').textContent()).replace(/[^0-9]/g, ''));
  assert.ok(count > 10_000, `the count should be every article, saw ${count}`);
  assert.match(await page.getByTestId('list-cap').textContent(), /The list and its exports hold the first 1,000 in this order/);
  // The timeline counts every dated article too, not only the listed ones.
  await page.getByTestId('view-timeline').click();
  await page.getByTestId('timeline-view').waitFor();
  const dated = await page.getByTestId('timeline-bar').evaluateAll((bars) => bars
    .map((b) => Number(b.getAttribute('aria-label').split(': ')[1].replace(/[^0-9]/g, '')))
    .reduce((a, b) => a + b, 0));
  assert.ok(dated > 1_000, `the timeline should count every dated article, counted ${dated}`);
  await page.getByTestId('view-results').click();
  await page.getByTestId('search-input').fill('"Bulk article 9999"');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=result]')].some((r) => r.textContent.includes('Bulk article 9999')), null, { timeout: 10_000 });
  await assertNothingRan(page, dialogs);
  await context.close();
});
