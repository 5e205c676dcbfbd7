// `cargo xtask dist --single-file` writes one HTML file that works opened straight from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, launchBrowser } from './harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('dist-single/dossier.html opens by file URL, searches and loads files', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
  page.on('pageerror', (err) => problems.push(err.message));
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  const url = pathToFileURL(join(ROOT, 'dist-single', 'dossier.html')).href;
  await page.goto(url);
  await page.getByTestId('result').first().waitFor();
  const before = await page.getByTestId('result').count();
  assert.equal(await page.locator('#boot').count(), 0, 'the loading line is gone once the app runs');
  assert.ok(before >= 5, `expected the seed articles, saw ${before}`);
  await page.getByTestId('search-input').fill('Macron');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=result]').length < n, before);

  // Load files works from disk too: the worker is inlined and started from a blob: URL.
  await page.getByTestId('search-input').fill('');
  await page.getByTestId('load-files').setInputFiles({
    name: 'mine.md', mimeType: 'text/markdown',
    buffer: Buffer.from('---\ntitle: Lighthouse keepers return to the northern cape\n---\n\nKeepers returned after ten years.\n'),
  });
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('1 article'), null, { timeout: 20_000 });
  assert.match(await page.getByTestId('result').first().textContent(), /Lighthouse keepers/);
  assert.deepEqual(requests.filter((r) => r !== url && !r.startsWith('data:') && !r.startsWith('blob:')), [], 'the single file must load nothing else');
  assert.deepEqual(problems, []);
  await context.close();
});
