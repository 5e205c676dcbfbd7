// Writes SciFact x10 (distinct ids and titles) as a JSONL corpus the ingest accepts, for the 50k-article page
// build of issue 7 item 6:  node tests/bench/make-50k.mjs [copies] [folder]
//   ->  <folder, default target/corpus-50k>/scifact-x<copies>.jsonl
// `cargo xtask bench-scale` runs it, builds the pages and measures them.
// Prints the corpus size raw/gzip/brotli: the floor of a page that ships the full text.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
const copies = Number(process.argv[2] ?? 10);
const corpus = join(ROOT, '..', 'shared', 'eval', 'scifact', 'corpus.jsonl');
if (!existsSync(corpus)) {
  console.error(`make-50k: SciFact is missing: ${corpus} (the evaluation data lives in ../shared/eval/scifact beside the workspace)`);
  process.exit(1);
}
if (!(Number.isInteger(copies) && copies >= 1)) {
  console.error(`make-50k: copies must be a whole number of at least 1, got ${process.argv[2]}`);
  process.exit(2);
}
const source = readFileSync(corpus, 'utf8');
const docs = source.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const lines = [];
for (let copy = 0; copy < copies; copy += 1) {
  for (const d of docs) {
    const sourceId = String(d._id ?? d.id);
    const id = copy === 0 ? sourceId : `${sourceId}~${copy}`;
    // The ingest merges articles with the same title and text (with a warning), so every copy
    // after the first gets a marker in its title: 10 copies really are 10x the articles.
    const title = copy === 0 ? d.title ?? '' : `${d.title ?? ''} (copy ${copy + 1})`;
    lines.push(JSON.stringify({ id, title, text: d.text ?? '' }));
  }
}
const out = process.argv[3] ?? join(ROOT, 'target', 'corpus-50k');
mkdirSync(out, { recursive: true });
const bytes = Buffer.from(`${lines.join('\n')}\n`);
writeFileSync(join(out, `scifact-x${copies}.jsonl`), bytes);
console.log(JSON.stringify({
  articles: lines.length, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length,
}));
