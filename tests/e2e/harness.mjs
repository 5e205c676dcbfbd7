// Shared browser-test harness: a static server for dist/ on 127.0.0.1 under a sub-path (so relative
// URLs are proven), Debian's headless Chromium through playwright-core, and a page that records
// every console error, page error and failed request.
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
export const DIST = process.env.DOSSIER_DIST ?? join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
/** The page is served below this sub-path to prove dist/ uses relative URLs only. */
export const BASE_PATH = '/some/sub/path/';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Serves `dir` at http://127.0.0.1:<random port><BASE_PATH>; everything else is a 404. */
export async function serveDist(dir = DIST) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(BASE_PATH)) { res.writeHead(404).end(); return; }
    let rel = decodeURIComponent(url.pathname.slice(BASE_PATH.length)) || 'index.html';
    const file = normalize(join(dir, rel));
    if (!file.startsWith(normalize(dir))) { res.writeHead(403).end(); return; }
    try {
      const target = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target);
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${BASE_PATH}`, close: () => new Promise((r) => server.close(r)) };
}

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Debian's Chromium (never a downloaded one); playwright gives it a fresh user-data-dir. */
export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** A new page that records problems; `problems()` lists them so a test can assert there are none. */
/** An init script (for `openPage`'s `initScript`, or `addInitScript`): keeps the wasm instance's
 * memory as `window.__wasmMemory` (wasm-bindgen's glue instantiates through one of these two). */
export const KEEP_WASM_MEMORY = () => {
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
    if (instance?.exports?.memory instanceof WebAssembly.Memory) window.__wasmMemory = instance.exports.memory;
    return result;
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = (...a) => instantiate.apply(WebAssembly, a).then(keep);
  WebAssembly.instantiateStreaming = (...a) => instantiateStreaming.apply(WebAssembly, a).then(keep);
};

/** `serviceWorkers: 'block'` for tests that route the page's own files: the service worker's
 * fetches would bypass the routes. */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, colorScheme = 'light', initScript, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, serviceWorkers });
  // Runs before the page's own scripts (to observe what it does from the start).
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`failed request: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  await page.goto(url);
  // The app has mounted when its main landmark is there (some views and URLs show no result list).
  await page.getByTestId('main').waitFor();
  return { page, context, problems: () => problems };
}

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** Runs axe-core on the page; returns every violation but the minor ones (id, impact, targets). */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Evaluated through DevTools, which the page's CSP (no inline scripts) rightly does not allow
    // a <script> tag to do; the page itself stays under its real policy.
    await page.evaluate(await readFile(AXE, 'utf8'));
  }
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact !== 'minor')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
