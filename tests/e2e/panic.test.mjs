// A panic never leaves a dead page: the error panel says so and offers a reload that restores the view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a panic shows the error panel, and its reload link brings the same view back', async () => {
  const { page, context } = await openPage(browser, `${server.url}?q=treaty`);
  await page.getByTestId('result').first().waitFor();
  assert.equal(await page.getByTestId('error-panel').count(), 0);
  // The test-only export panics inside the wasm; the trap surfaces in JS as an exception.
  await page.evaluate(async () => {
    const app = await import(new URL('dossier-web.js', document.baseURI).href);
    try { app.__dossier_test_panic(); } catch { /* the wasm trap after the panic */ }
  });
  const panel = page.getByTestId('error-panel');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('role'), 'alert');
  assert.match(await panel.textContent(), /stopped working/);
  const reload = page.getByTestId('error-reload');
  assert.equal(await reload.getAttribute('href'), page.url());
  await reload.click();
  await page.getByTestId('result').first().waitFor();
  assert.equal(await page.getByTestId('error-panel').count(), 0);
  assert.equal(await page.getByTestId('search-input').inputValue(), 'treaty');
  await context.close();
});
