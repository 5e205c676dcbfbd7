// Your own files in the page: ingested, indexed and clustered in the browser, nothing uploaded,
// bad input named by file and line while the rest loads, the embedded corpus one click away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage } from './harness.mjs';

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
  assert.ok(titles.some((t) => t.includes('Field notes on tidal energy')), titles.join(' | '));

  const messages = await page.getByTestId('load-messages').textContent();
  assert.match(messages, /mine\.jsonl:2: /, 'the malformed line is named by file and line');
  assert.match(messages, /empty\.txt/, 'the empty file is named');

  await page.getByTestId('search-input').fill('lighthouse');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 1);
  assert.deepEqual(requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:')), [], 'loading files must not touch the network');

  await page.getByTestId('search-input').fill('');
  await page.getByTestId('use-embedded').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 10);

  // Loading again and going back: each load is indexed once, the embedded corpus only at start-up.
  await page.getByTestId('load-files').setInputFiles(FILES);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 3, null, { timeout: 20_000 });
  await page.getByTestId('use-embedded').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=result]').length === 10);
  const indexed = await page.evaluate(() => performance.getEntriesByName('dossier corpus indexed', 'mark').length);
  assert.equal(indexed, 3, 'the embedded corpus once, each load once');
  assert.deepEqual(problems(), []);
  await context.close();
});
