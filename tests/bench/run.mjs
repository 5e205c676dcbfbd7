// Browser benchmark runner (driven by `cargo xtask bench-web`, which first builds target/bench-web/pkg).
// Serves the page, the wasm, MiniSearch and SciFact on 127.0.0.1 only, runs every case in a fresh
// page of Debian's headless Chromium, prints ONE JSON line with all numbers, and rewrites the
// "Browser benchmark" section of docs/benchmarks.md (between its marker comments). Exits by itself.
//
// usage: node tests/bench/run.mjs [--rounds N] [--copies-large N] [--no-docs]
import { createServer } from 'node:http';
import { readFile, writeFile, stat } from 'node:fs/promises';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import os from 'node:os';
import { chromium } from 'playwright-core';

const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
const DATA = normalize(join(ROOT, '..', 'shared', 'eval', 'scifact'));
const PKG = join(ROOT, 'target', 'bench-web', 'pkg');
const MINISEARCH = join(ROOT, 'node_modules', 'minisearch', 'dist', 'es');
const DOCS = join(ROOT, 'docs', 'benchmarks.md');
const START = '<!-- bench-web:start (written by `cargo xtask bench-web`; edits here are overwritten) -->';
const END = '<!-- bench-web:end -->';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const ROUNDS = option('--rounds', 5);
const COPIES_LARGE = option('--copies-large', 10);
const WRITE_DOCS = !args.includes('--no-docs');

const MOUNTS = { '/bench/': join(ROOT, 'tests', 'bench'), '/pkg/': PKG, '/minisearch/': MINISEARCH, '/data/': DATA };
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.jsonl': 'text/plain; charset=utf-8', '.tsv': 'text/plain; charset=utf-8' };

function serve() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    const mount = Object.keys(MOUNTS).find((m) => path.startsWith(m));
    if (!mount) { res.writeHead(404).end(); return; }
    const dir = MOUNTS[mount];
    const file = normalize(join(dir, path.slice(mount.length) || 'index.html'));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      // Cross-origin isolation gives performance.now() 5 us resolution instead of 100 us.
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp',
        'cache-control': 'no-store',
      }).end(body);
    } catch { res.writeHead(404).end(); }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function payload(files) {
  let raw = 0; let gzip = 0; let brotli = 0;
  for (const file of files) {
    const bytes = await readFile(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gzip, brotli };
}

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-precise-memory-info', '--js-flags=--expose-gc',
];

async function main() {
  for (const [what, path] of [['SciFact', join(DATA, 'corpus.jsonl')], ['bench wasm', join(PKG, 'dossier_bench_web_bg.wasm')]]) {
    await stat(path).catch(() => { throw new Error(`${what} missing: ${path}`); });
  }
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}/bench/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  const cases = [];
  try {
    for (const copies of [1, COPIES_LARGE]) {
      for (const engine of ['dossier', 'minisearch']) {
        // A case that crashes the page (e.g. out of memory) is recorded as failed; the others still run.
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          const errors = [];
          page.on('pageerror', (e) => errors.push(e.message));
          await page.goto(base);
          await page.getByText('ready').waitFor();
          page.setDefaultTimeout(0);
          const result = await page.evaluate((c) => window.benchCase(c), { engine, copies, rounds: ROUNDS });
          if (errors.length) throw new Error(errors.join('; '));
          cases.push(result);
          process.stderr.write(`bench-web: ${engine} x${copies}: ${result.docs} docs, build ${result.buildMs.toFixed(0)} ms, p50 ${result.p50.toFixed(3)} ms\n`);
        } catch (e) {
          cases.push({ engine, copies, error: String(e.message ?? e).split('\n')[0] });
          process.stderr.write(`bench-web: ${engine} x${copies} FAILED: ${e.message}\n`);
        } finally {
          await context.close().catch(() => {});
        }
      }
    }
    const find = (engine, copies) => cases.find((c) => c.engine === engine && c.copies === copies && !c.error);
    const ratios = [1, COPIES_LARGE].filter((copies) => find('dossier', copies) && find('minisearch', copies)).map((copies) => {
      const d = find('dossier', copies); const m = find('minisearch', copies);
      return { copies, docs: d.docs, p50Ratio: d.p50 / m.p50, buildRatio: d.buildMs / m.buildMs, indexOnlyRatio: d.indexMs / m.indexMs };
    });
    const large = find('dossier', COPIES_LARGE) ?? { queriesOver16ms: NaN, max: NaN, jsHeapBytes: NaN, wasmMemoryBytes: NaN };
    const largeMemory = large.jsHeapBytes + large.wasmMemoryBytes;
    const report = {
      benchmark: 'bench-web',
      date: new Date().toISOString(),
      machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 1e9), os: `${os.type()} ${os.release()}`, chromium: browser.version(), node: process.version },
      payload: {
        dossier: await payload([join(PKG, 'dossier_bench_web_bg.wasm'), join(PKG, 'dossier_bench_web.js')]),
        minisearch: await payload([join(MINISEARCH, 'index.js')]),
      },
      cases, ratios,
      targets: {
        p50Half: ratios.map((r) => ({ copies: r.copies, met: r.p50Ratio <= 0.5 })),
        buildHalf: ratios.map((r) => ({ copies: r.copies, met: r.buildRatio <= 0.5 })),
        large: { everyQueryUnder16ms: large.queriesOver16ms === 0, maxMs: large.max, memoryUnder300MB: largeMemory < 300e6, memoryBytes: largeMemory },
      },
    };
    console.log(JSON.stringify(report));
    if (WRITE_DOCS) await writeDocs(report);
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

const ms = (x) => (x < 10 ? x.toFixed(3) : x.toFixed(1));
const mb = (x) => (x / 1e6).toFixed(1);
const kb = (x) => (x / 1e3).toFixed(1);
const yes = (b) => (b ? 'met' : '**missed**');

function section(r) {
  const rows = r.cases.map((c) => c.error ? `| ${c.engine} x${c.copies} | - | **failed**: ${c.error} | | | | | | | |` : `| ${c.engine === 'dossier' ? 'Dossier (wasm)' : 'MiniSearch'} | ${c.docs} | ${ms(c.buildMs)} (${ms(c.parseMs)} parse + ${ms(c.indexMs)} index) | ${ms(c.p50)} | ${ms(c.p95)} | ${ms(c.p99)} | ${ms(c.max)} | ${c.queriesOver16ms} | ${mb(c.jsHeapBytes)} | ${c.engine === 'dossier' ? mb(c.wasmMemoryBytes) : '-'} |`);
  const ratioRows = r.ratios.map((x) => `| ${x.docs} | ${x.p50Ratio.toFixed(2)} (${yes(x.p50Ratio <= 0.5)}) | ${x.buildRatio.toFixed(2)} (${yes(x.buildRatio <= 0.5)}) | ${x.indexOnlyRatio.toFixed(2)} |`);
  const p = r.payload;
  const t = r.targets.large;
  return `${START}
## Browser benchmark: Dossier vs MiniSearch

Run: \`cargo xtask bench-web\` (${r.date}). Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGB} GB,
${r.machine.os}; Chromium ${r.machine.chromium} headless; Node ${r.machine.node}. One run on a shared, noisy
machine: read the ratios, not the absolute numbers.

Same page, same SciFact text (\`../shared/eval/scifact/corpus.jsonl\`, then 10 copies with distinct ids), same
${r.cases.find((c) => !c.error)?.queries} SciFact test queries; each case in a fresh page; ${ROUNDS} timed rounds after one warm-up round.

- **Dossier**: \`SearchIndex::search\` with \`SearchRequest { page_size: 10, ..SearchRequest::new(q) }\`: the app's
  search-as-you-type defaults (all words must match, with any-word fallback; prefix on the last word; typo
  tolerance 1 edit at 5+ chars, 2 at 9+; snippets and highlights for the 10 hits) **and facet counts** over all matches.
- **MiniSearch** ${'7.2.0'}: \`new MiniSearch({ fields: ['title', 'text'], idField: 'id' })\`, \`addAll\`, then
  \`search(q, { prefix: (t, i, terms) => i === terms.length - 1, fuzzy: 0.2 })\`; otherwise defaults
  (OR of terms, BM25+), all matches returned and scored, no facets, no snippets.
- Build = parse JSONL (+ replicate) + build the index, timed with \`performance.now()\` in the page.
- Memory = JS heap growth (\`performance.memory.usedJSHeapSize\`, \`--enable-precise-memory-info\`, after \`gc()\`)
  from before loading to after the build, with the corpus text released; plus wasm linear memory for Dossier
  (it holds the articles' full text for snippets; linear memory never shrinks, so this is its peak).

| engine | docs | build ms | p50 ms | p95 ms | p99 ms | max ms | queries >= 16 ms | JS heap MB | wasm memory MB |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Targets (Dossier / MiniSearch):

| docs | query p50 ratio (target <= 0.5) | build ratio (target <= 0.5) | index-only ratio |
|---|---|---|---|
${ratioRows.join('\n')}

${COPIES_LARGE}x corpus (Dossier): every query under 16 ms: ${yes(t.everyQueryUnder16ms)} (slowest ${ms(t.maxMs)} ms);
memory under 300 MB: ${yes(t.memoryUnder300MB)} (${mb(t.memoryBytes)} MB = JS heap + wasm memory).

Engine payload (code only, no corpus): Dossier bench wasm + JS glue ${kb(p.dossier.raw)} kB raw, ${kb(p.dossier.gzip)} kB gzip,
${kb(p.dossier.brotli)} kB brotli; MiniSearch \`dist/es/index.js\` as published (unminified, with comments)
${kb(p.minisearch.raw)} kB raw, ${kb(p.minisearch.gzip)} kB gzip, ${kb(p.minisearch.brotli)} kB brotli.
${END}`;
}

async function writeDocs(report) {
  let text = await readFile(DOCS, 'utf8').catch(() => '# Benchmarks\n');
  const start = text.indexOf(START.slice(0, 25));
  const end = text.indexOf(END);
  const body = section(report);
  if (start >= 0 && end > start) text = text.slice(0, start) + body + text.slice(end + END.length);
  else text = `${text.trimEnd()}\n\n${body}\n`;
  await writeFile(DOCS, text);
}

main().catch((e) => { console.error(`bench-web: ${e.stack ?? e}`); process.exit(1); });
