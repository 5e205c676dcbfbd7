// node --test tests/bench/: the scale benchmark's pure helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  percentile, median, latencySummary, brotliSize, compressedSizes, sumSizes, scaleSizes, judgedQueries,
} from './scale-lib.mjs';

test('nearest-rank percentiles are real measurements', () => {
  const sorted = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
  assert.equal(percentile(sorted, 50), 50);
  assert.equal(percentile(sorted, 95), 95);
  assert.equal(percentile(sorted, 99), 99);
  assert.equal(percentile(sorted, 100), 100);
  assert.equal(percentile([7], 99), 7);
  assert.equal(percentile([1, 2, 3], 0), 1);
  assert.throws(() => percentile([], 50));
});

test('median of odd and even counts, input left unsorted', () => {
  const values = [5, 1, 3];
  assert.equal(median(values), 3);
  assert.deepEqual(values, [5, 1, 3]);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.throws(() => median([]));
});

test('latency summary counts queries of one frame or more', () => {
  const summary = latencySummary([20, 1, 16, 15.9, 3]);
  assert.deepEqual(summary, { count: 5, p50: 15.9, p95: 20, p99: 20, max: 20, overFrame: 2 });
});

test('a window that spans a repeat compresses it; the sizes cover every encoding', () => {
  // 40 kB of noise, twice: the copy is beyond a 32 kB window (lgwin 15) but inside 64 kB (16),
  // the same effect as a corpus copy beyond brotli's default 4 MB but inside 16 MB (lgwin 24).
  const blocks = [];
  for (let i = 0; blocks.length * 32 < 40_000; i += 1) blocks.push(createHash('sha256').update(String(i)).digest());
  const block = Buffer.concat(blocks);
  const bytes = Buffer.concat([block, block]);
  assert.ok(brotliSize(bytes, 16) < brotliSize(bytes, 15) * 0.6);
  const sizes = compressedSizes(bytes);
  assert.equal(sizes.raw, bytes.length);
  assert.ok(sizes.gzip > sizes.raw * 0.9, JSON.stringify(sizes)); // gzip: 32 kB window, misses it
  assert.ok(sizes.brotliLargeWindow <= sizes.brotli && sizes.brotli < sizes.raw * 0.6, JSON.stringify(sizes));
});

test('sizes add up per file and scale', () => {
  const a = { raw: 10, gzip: 5, brotli: 4, brotliLargeWindow: 3 };
  const b = { raw: 1, gzip: 1, brotli: 1, brotliLargeWindow: 1 };
  assert.deepEqual(sumSizes([a, b]), { raw: 11, gzip: 6, brotli: 5, brotliLargeWindow: 4 });
  assert.deepEqual(scaleSizes(a, 10), { raw: 100, gzip: 50, brotli: 40, brotliLargeWindow: 30 });
});

test('judged queries: only those in the qrels, in queries-file order, either id field', () => {
  const queries = '{"id": "3", "text": "three"}\n{"_id": "1", "text": "one"}\n{"id": "2", "text": "two"}\n';
  const qrels = 'query-id\tcorpus-id\tscore\n1\t10\t1\n3\t11\t1\n3\t12\t1\n';
  assert.deepEqual(judgedQueries(queries, qrels), [{ id: '3', text: 'three' }, { id: '1', text: 'one' }]);
  assert.throws(() => judgedQueries(queries, 'query-id\tcorpus-id\tscore\n9\t1\t1\n'), /missing/);
});
