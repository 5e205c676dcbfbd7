// Pure helpers of the scale benchmark (tests/bench/scale.mjs): percentiles, latency summaries,
// compressed sizes and the SciFact test queries. No browser, no server: tested by scale-lib.test.mjs.
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';

/** One frame at 60 Hz: the latency budget for every query. */
export const FRAME_MS = 16;

/**
 * Nearest-rank percentile (the smallest value with at least p% of the values at or below it),
 * so every reported number is a real measurement. `sorted` must be ascending and non-empty.
 */
export function percentile(sorted, p) {
  if (sorted.length === 0) throw new Error('percentile of no values');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Median of any number of values (mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** p50/p95/p99/max of latencies in ms, and how many reached one frame (>= 16 ms). */
export function latencySummary(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    overFrame: sorted.filter((ms) => ms >= FRAME_MS).length,
  };
}

/** The brotli window of `brotli -q 11 -w 24`: the largest the standard format allows (16 MB). */
export const BROTLI_LARGEST_WINDOW = 24;

/** Bytes of `bytes` compressed with brotli quality 11, with window `lgwin` (null: brotli's default, 22). */
export function brotliSize(bytes, lgwin = null) {
  const params = { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length };
  if (lgwin !== null) params[zlib.BROTLI_PARAM_LGWIN] = lgwin;
  return brotliCompressSync(bytes, { params }).length;
}

/**
 * Transfer sizes of one file: raw, gzip -9, brotli q11 with the default window (4 MB, lgwin 22)
 * and brotli q11 with the largest standard window (lgwin 24), as a static host serving
 * precompressed `.br` files could.
 */
export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliSize(bytes),
    brotliLargeWindow: brotliSize(bytes, BROTLI_LARGEST_WINDOW),
  };
}

/** Adds up per-file sizes (each file is compressed on its own, as a server sends it). */
export function sumSizes(sizes) {
  const total = { raw: 0, gzip: 0, brotli: 0, brotliLargeWindow: 0 };
  for (const size of sizes) for (const key of Object.keys(total)) total[key] += size[key];
  return total;
}

/** Multiplies every size by `factor` (the "one copy x 10" estimate of a non-replicated corpus). */
export function scaleSizes(size, factor) {
  return Object.fromEntries(Object.entries(size).map(([key, value]) => [key, value * factor]));
}

/**
 * The SciFact test queries that have judgements, in the order of `queries.jsonl`:
 * `queriesJsonl` is BEIR's queries file, `qrelsTsv` its test qrels (header, then
 * `query-id<TAB>corpus-id<TAB>score`). A judged query missing from the queries file is an error.
 */
export function judgedQueries(queriesJsonl, qrelsTsv) {
  const judged = new Set();
  for (const [i, line] of qrelsTsv.split('\n').entries()) {
    const [id] = line.trim().split('\t');
    if (i === 0 || !id) continue; // header
    judged.add(id);
  }
  const texts = new Map();
  for (const line of queriesJsonl.split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line);
    texts.set(String(row._id ?? row.id), String(row.text ?? ''));
  }
  const missing = [...judged].filter((id) => !texts.has(id));
  if (missing.length) throw new Error(`qrels name queries missing from queries.jsonl: ${missing.slice(0, 5).join(', ')}`);
  return [...texts].filter(([id]) => judged.has(id)).map(([id, text]) => ({ id, text }));
}
