// The page renders the embedded corpus, the search box narrows it, and nothing goes wrong on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage, screenshot } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('renders the embedded articles from a sub-path, with no errors or failed requests', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const results = page.getByTestId('result');
  await results.first().waitFor();
  const count = await results.count();
  assert.equal(count, 10, 'the seed corpus holds ten articles');
  // Each title a heading under the results' own (h3 under h2: screen readers list them so).
  const titles = await results.locator('h3').allTextContents();
  assert.ok(titles.some((t) => /cyber/i.test(t)), `no cyber article among ${titles.join(' | ')}`);
  await screenshot(page, 'home');
  assert.equal(await page.locator('#boot').count(), 0, 'the loading line is gone once the app runs');
  assert.deepEqual(problems(), []);
  await context.close();
});

test('says it is loading until the app runs, and why when it cannot start', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Hold the wasm back: the loading line shows meanwhile; then let it fail.
  let fail;
  const failed = new Promise((resolve) => { fail = resolve; });
  await page.route('**/dossier-web_bg.wasm', async (route) => { await failed; await route.abort(); });
  await page.goto(server.url);
  const boot = page.locator('#boot');
  assert.match(await boot.textContent(), /Loading Dossier/);
  assert.equal(await boot.getAttribute('role'), 'status');
  fail();
  await page.waitForFunction(() => document.getElementById('boot')?.getAttribute('role') === 'alert');
  assert.match(await boot.textContent(), /^Dossier could not start: .+\. Reload the page to try again\.$/);
  await context.close();
});

test('typing in the search box narrows the list', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const results = page.getByTestId('result');
  await results.first().waitFor();
  const before = await results.count();
  await page.getByTestId('search-input').fill('Macron');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=result]').length < n, before);
  const after = await results.count();
  assert.ok(after >= 1 && after < before, `search should narrow ${before} results, got ${after}`);
  const text = await results.first().textContent();
  assert.match(text, /Paris Call/);
  await page.getByTestId('search-input').fill('zzzqqqnotaword');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 0);
  assert.deepEqual(problems(), []);
  await context.close();
});
