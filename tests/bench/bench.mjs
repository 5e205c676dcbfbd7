// The benchmark page: one case (engine x corpus size) per fresh page, so each engine's memory is
// measured alone. run.mjs serves this folder at /bench/, the wasm-bindgen output at /pkg/,
// MiniSearch's ES build at /minisearch/ and the SciFact folder at /data/ (never committed).
//
// Both engines get the same text and the same queries. What is timed:
//  - build: parse corpus.jsonl (+ replicate) and build the index, performance.now() around the calls;
//  - each query: one engine call, after one warm-up round, over `rounds` rounds of all queries.

/** MiniSearch options: its defaults, fields title + text, prefix on the last term, fuzzy 0.2. */
export const MINISEARCH_INDEX_OPTIONS = { fields: ['title', 'text'], idField: 'id' };
export const MINISEARCH_SEARCH_OPTIONS = {
  prefix: (_term, i, terms) => i === terms.length - 1,
  fuzzy: 0.2,
};

async function fetchText(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

/** SciFact's test queries: queries.jsonl rows whose id has a relevant document in qrels.tsv. */
async function loadQueries() {
  const qrels = await fetchText('../data/qrels.tsv');
  const judged = new Set();
  for (const line of qrels.split('\n').slice(1)) {
    const [qid, , score] = line.split('\t');
    if (qid && Number(score) > 0) judged.add(qid);
  }
  return (await fetchText('../data/queries.jsonl'))
    .split('\n').filter((l) => l.trim())
    .map((l) => JSON.parse(l)).filter((q) => judged.has(String(q.id ?? q._id)))
    .map((q) => q.text);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)];
}

function settleHeap() {
  // gc is exposed by --js-flags=--expose-gc; without it the heap figure includes garbage.
  if (typeof globalThis.gc === 'function') { globalThis.gc(); globalThis.gc(); }
  return performance.memory ? performance.memory.usedJSHeapSize : NaN;
}

async function dossierEngine(corpusText, copies) {
  const { default: init, Bench } = await import('../pkg/dossier_bench_web.js');
  const wasm = await init();
  const t0 = performance.now();
  let bench = Bench.load(corpusText, copies);
  const t1 = performance.now();
  bench.build_index();
  const t2 = performance.now();
  return {
    parseMs: t1 - t0, indexMs: t2 - t1, docs: bench.doc_count(),
    search: (q) => bench.search(q),
    wasmBytes: () => wasm.memory.buffer.byteLength,
  };
}

async function miniSearchEngine(corpusText, copies) {
  const { default: MiniSearch } = await import('../minisearch/index.js');
  const t0 = performance.now();
  const originals = corpusText.split('\n').filter((l) => l.trim()).map((l) => {
    const d = JSON.parse(l);
    return { id: String(d._id ?? d.id), title: d.title ?? '', text: d.text ?? '' };
  });
  let docs = originals;
  if (copies > 1) {
    docs = [];
    for (let copy = 0; copy < copies; copy += 1) {
      for (const d of originals) docs.push(copy === 0 ? d : { ...d, id: `${d.id}~${copy}` });
    }
  }
  const t1 = performance.now();
  const mini = new MiniSearch(MINISEARCH_INDEX_OPTIONS);
  mini.addAll(docs);
  const t2 = performance.now();
  return {
    parseMs: t1 - t0, indexMs: t2 - t1, docs: mini.documentCount,
    // Checksum: all matches + the first page of 10, like Dossier's total + hits.
    search: (q) => { const r = mini.search(q, MINISEARCH_SEARCH_OPTIONS); return r.length + Math.min(r.length, 10); },
    wasmBytes: () => 0,
  };
}

/** Runs one case; returns plain numbers for run.mjs. */
window.benchCase = async function benchCase({ engine, copies, rounds }) {
  const queries = await loadQueries();
  let corpusText = await fetchText('../data/corpus.jsonl');
  const heapBefore = settleHeap();
  const make = engine === 'dossier' ? dossierEngine : miniSearchEngine;
  const built = await make(corpusText, copies);
  corpusText = null; // only the engine keeps the corpus from here on
  const heapAfterBuild = settleHeap();

  let checksum = 0;
  for (const q of queries) checksum += built.search(q); // warm-up round
  const samples = [];
  const perQueryMax = new Array(queries.length).fill(0);
  for (let round = 0; round < rounds; round += 1) {
    queries.forEach((q, i) => {
      const t = performance.now();
      checksum += built.search(q);
      const ms = performance.now() - t;
      samples.push(ms);
      if (ms > perQueryMax[i]) perQueryMax[i] = ms;
    });
  }
  samples.sort((a, b) => a - b);
  const heapAfterQueries = settleHeap();
  const wasmBytes = built.wasmBytes();
  document.querySelector('[data-testid=status]').textContent = 'done';
  return {
    engine, copies, docs: built.docs, queries: queries.length, rounds,
    parseMs: built.parseMs, indexMs: built.indexMs, buildMs: built.parseMs + built.indexMs,
    p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99),
    max: samples[samples.length - 1],
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    queriesOver16ms: perQueryMax.filter((m) => m >= 16).length,
    jsHeapBytes: heapAfterBuild - heapBefore,
    jsHeapAfterQueriesBytes: heapAfterQueries - heapBefore,
    wasmMemoryBytes: wasmBytes,
    timerResolutionHint: crossOriginIsolated ? '5us (cross-origin isolated)' : '100us',
    checksum,
  };
};
document.querySelector('[data-testid=status]').textContent = 'ready';
