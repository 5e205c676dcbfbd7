//! Native twin of the browser benchmark's workload: builds the index over SciFact (optionally
//! replicated) and runs every test query as the page does (`SearchRequest { page_size: 10 }`:
//! search-as-you-type defaults, facet counts, snippets). Prints build time and p50/p95/p99/max.
//!
//! Run: `cargo run --release -p dossier_engine --example query_latency -- [DIR] [COPIES] [QUERY]`
//! (with QUERY, that one query is timed 300 times instead of the test queries). `PAGE_SIZE=1000
//! SNIPPETS=0` asks what the page asks for; `TYPOS=0` turns typo tolerance off. `TYPED=1` types
//! each query a char at a time, a search per keystroke as the page runs them, and times every
//! keystroke (one round). `ENTITIES=1` indexes as the page does (`IndexedBundle`: the
//! analytics' topics and entities as facets, names' other forms found by a search). `SLOWEST=N`
//! also lists the N slowest queries (their best time of the rounds) with their match counts.
//! For profiling: `perf record -g target/release/examples/query_latency`.

use std::path::PathBuf;
use std::time::Instant;

use dossier_engine::bundle::{Bundle, IndexedBundle};
use dossier_engine::eval::{replicate, BeirCollection, Split};
use dossier_engine::index::SearchIndex;
use dossier_engine::search::{MatchOptions, SearchRequest};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/scifact")
    });
    let copies: usize = args.next().and_then(|c| c.parse().ok()).unwrap_or(1);
    let only_query = args.next();
    let collection = match BeirCollection::load(&dir, Split::Test) {
        Ok(collection) => collection,
        Err(error) => {
            eprintln!("cannot load {}: {error}", dir.display());
            std::process::exit(1);
        }
    };
    let mut articles = replicate(&collection.articles, copies);
    let entities = std::env::var("ENTITIES").is_ok_and(|v| v == "1");
    // The fastest of three builds: the least disturbed by other work on a shared machine.
    let mut build = std::time::Duration::MAX;
    let mut built = None;
    for _ in 0..if entities { 1 } else { 3 } {
        let started = Instant::now();
        let index = if entities {
            let indexed = IndexedBundle::build(Bundle::build(articles.clone(), Vec::new()), |_| ());
            articles = indexed.bundle.articles;
            indexed.index
        } else {
            SearchIndex::build(&articles, &[])
        };
        build = build.min(started.elapsed());
        built = Some(index);
    }
    let Some(index) = built else {
        return;
    };
    println!(
        "{} docs, {} terms: build {:.1} ms (fastest of 3)",
        index.doc_count(),
        index.term_count(),
        build.as_secs_f64() * 1e3
    );
    let queries: Vec<String> = match only_query {
        Some(query) => vec![query; 300],
        None => collection.queries.iter().map(|(_, q)| q.clone()).collect(),
    };
    // PAGE_SIZE=1000 mimics the page, which asks for every hit (see docs/benchmarks.md).
    let page_size: usize = std::env::var("PAGE_SIZE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    // SNIPPETS=0: what the page asks for (it marks only the hits it shows).
    let snippets = std::env::var("SNIPPETS").map_or(true, |v| v != "0");
    // TYPOS=0: what typo tolerance costs (the page always has it on).
    let typo_tolerance = std::env::var("TYPOS").map_or(true, |v| v != "0");
    // TYPED=1: every prefix of each query, in typing order.
    let typed = std::env::var("TYPED").is_ok_and(|v| v == "1");
    let queries: Vec<String> = if typed {
        queries
            .iter()
            .flat_map(|q| {
                q.char_indices()
                    .map(|(i, c)| q[..i + c.len_utf8()].to_string())
            })
            .collect()
    } else {
        queries
    };
    let rounds = if typed { 1 } else { 3 };
    let mut times = Vec::new();
    // Per query: its best time over the rounds and its match count, for SLOWEST.
    let mut per_query = vec![(f64::MAX, 0usize); queries.len()];
    for round in 0..=rounds {
        for (position, query) in queries.iter().enumerate() {
            let started = Instant::now();
            let response = index.search(
                &articles,
                &SearchRequest {
                    page_size,
                    options: MatchOptions {
                        snippets,
                        typo_tolerance,
                        ..MatchOptions::default()
                    },
                    ..SearchRequest::new(query.as_str())
                },
            );
            let elapsed = started.elapsed().as_secs_f64() * 1e3;
            let total = std::hint::black_box(response).total;
            if round > 0 {
                times.push(elapsed);
                let best = &mut per_query[position];
                *best = (best.0.min(elapsed), total);
            }
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| {
        times
            .get(((times.len() as f64 - 1.0) * q) as usize)
            .copied()
            .unwrap_or(0.0)
    };
    println!(
        "{} queries: p50 {:.3} ms, p95 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        at(0.5),
        at(0.95),
        at(0.99),
        at(1.0)
    );
    let slowest: usize = std::env::var("SLOWEST")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut order: Vec<usize> = (0..queries.len()).collect();
    order.sort_by(|&a, &b| per_query[b].0.total_cmp(&per_query[a].0));
    for &position in order.iter().take(slowest) {
        let (best, total) = per_query[position];
        println!("{best:8.3} ms {total:6} matches  {}", queries[position]);
    }
}
