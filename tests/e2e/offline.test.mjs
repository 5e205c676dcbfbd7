// Dossier's promise: no server, no network. After its own files the page requests nothing, it runs
// under a strict Content-Security-Policy, and once loaded over http it reloads offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('makes no request after start-up while searching, filtering and reading', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForLoadState('networkidle');
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  for (const q of ['cyber', 'Pakistan', 'treaty', '']) {
    await page.getByTestId('search-input').fill(q);
    await page.waitForTimeout(50);
  }
  // A filter, the reader, back, and every view.
  await page.getByTestId('facet-option').first().check();
  await page.getByTestId('result-link').first().click();
  await page.getByTestId('reader').waitFor();
  await page.getByTestId('reader-close').click();
  await page.goBack();
  for (const view of ['topics', 'timeline', 'entities', 'quotes', 'results']) {
    await page.getByTestId(`view-${view}`).click();
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(500);
  assert.deepEqual(requests, []);
  assert.deepEqual(problems(), []);
  await context.close();
});

test('declares a strict CSP and violates none of it', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('result').first().waitFor();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "object-src 'none'"]) {
    assert.ok(csp.includes(directive), `CSP lacks ${directive}: ${csp}`);
  }
  assert.ok(!/script-src[^;]*unsafe-inline/.test(csp), 'inline scripts must stay forbidden');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await context.close();
});

test('reloads offline from the service worker cache, Load files included', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The first load happened before the worker existed; wait until it controls the page.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('result').first().waitFor({ timeout: 10_000 });
  assert.ok((await page.getByTestId('result').count()) >= 5);
  // Load files too: its worker was cached with the shell.
  await page.getByTestId('load-files').setInputFiles({
    name: 'offline.md', mimeType: 'text/markdown',
    buffer: Buffer.from('---\ntitle: Notes written on a train without signal\n---\n\nNo network here.\n'),
  });
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent.startsWith('1 article'), null, { timeout: 20_000 });
  assert.match(await page.getByTestId('result').first().textContent(), /without signal/);
  await context.close();
});
