//! Search benchmarks on SciFact (5,183 abstracts) and on SciFact replicated 10x (51,830
//! documents with distinct ids): index build throughput, JSON (de)serialisation of the index
//! (to decide build-at-start-up vs embedding), and full-request query latency (parse, match,
//! rank, facet counts over every key, snippets for a page of 10).
//!
//! Reads `<workspace>/../shared/eval/scifact`; skips with a message when it is absent.
//! Run: `cargo bench -p dossier_engine --bench search`.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dossier_engine::eval::{replicate, BeirCollection, Split};
use dossier_engine::index::facets::{DocFacets, FacetKey};
use dossier_engine::index::SearchIndex;
use dossier_engine::ingest::ingest_path;
use dossier_engine::search::SearchRequest;
use dossier_engine::Article;

fn scifact() -> Option<Vec<Article>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/scifact");
    match BeirCollection::load(&dir, Split::Test) {
        Ok(collection) => Some(collection.articles),
        Err(error) => {
            eprintln!("skipping SciFact benches: {error}");
            None
        }
    }
}

/// Synthetic analytics facets on every key, so facet counting does real work.
fn synthetic_facets(count: usize) -> Vec<DocFacets> {
    (0..count)
        .map(|i| {
            let mut facets = DocFacets::new();
            facets.insert(FacetKey::Topic, vec![format!("topic {}", i % 24)]);
            facets.insert(
                FacetKey::Place,
                vec![format!("place {}", i % 97), format!("place {}", i % 13)],
            );
            facets.insert(FacetKey::Person, vec![format!("person {}", i % 211)]);
            facets.insert(FacetKey::Org, vec![format!("org {}", i % 53)]);
            facets.insert(FacetKey::Country, vec![format!("country {}", i % 31)]);
            facets
        })
        .collect()
}

const QUERIES: &[(&str, &str)] = &[
    ("one_term", "microbiome "),
    ("three_terms", "vitamin deficiency risk "),
    ("phrase", "\"gene expression\""),
    ("fuzzy_term", "mircobiome "),
    ("typing_prefix", "stem cell differ"),
    ("all_facets_filtered", "cancer topic:\"topic 3\" "),
];

/// Criterion needs at least 10 runs of the build; for the 50k collection that takes minutes,
/// so `bench_build` is false there and the build is timed once instead.
fn bench_collection(c: &mut Criterion, name: &str, articles: &[Article], bench_build: bool) {
    let facets = synthetic_facets(articles.len());
    if bench_build {
        let mut build = c.benchmark_group(format!("build/{name}"));
        build.sample_size(10);
        build.throughput(Throughput::Elements(articles.len() as u64));
        build.bench_function("index", |b| {
            b.iter(|| SearchIndex::build(articles, &facets))
        });
        build.finish();
    }
    let started = std::time::Instant::now();
    let index = SearchIndex::build(articles, &facets);
    eprintln!(
        "{name}: one build of {} documents took {:?}",
        articles.len(),
        started.elapsed()
    );
    let mut group = c.benchmark_group(format!("query/{name}"));
    for (label, query) in QUERIES {
        let mut request = SearchRequest::new(*query);
        request.page_size = 10;
        if *label == "all_facets_filtered" {
            request.filters.insert(
                FacetKey::Place,
                vec!["place 1".to_string(), "place 2".to_string()],
            );
        }
        let response = index.search(articles, &request);
        eprintln!("{name} {label}: {} hits", response.total);
        group.bench_with_input(BenchmarkId::from_parameter(label), &request, |b, r| {
            b.iter(|| index.search(articles, r))
        });
    }
    // As the page asks (`UrlState::search_request`): every hit up to the list's cap, in order,
    // without snippets (it marks the ten it shows itself). A broad query fills the whole page.
    let mut as_the_page = SearchRequest::new("cell");
    as_the_page.page_size = dossier_engine::search::MAX_PAGE_SIZE;
    as_the_page.options.snippets = false;
    let response = index.search(articles, &as_the_page);
    eprintln!("{name} as_the_page: {} hits", response.total);
    group.bench_with_input(
        BenchmarkId::from_parameter("as_the_page"),
        &as_the_page,
        |b, r| b.iter(|| index.search(articles, r)),
    );
    group.finish();
}

fn benches(c: &mut Criterion) {
    // The seed corpus: what the page builds at start-up today.
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    if let Ok(report) = ingest_path(&seed) {
        c.bench_function("build/seed_corpus", |b| {
            b.iter(|| SearchIndex::build(&report.articles, &[]))
        });
    }

    let Some(articles) = scifact() else {
        return;
    };
    bench_collection(c, "scifact", &articles, true);

    // Embedding instead of building: what parsing the serialised index would cost.
    let index = SearchIndex::build(&articles, &[]);
    let json = serde_json::to_string(&index).unwrap_or_default();
    let text_bytes: usize = articles
        .iter()
        .map(|a| a.title.len() + a.body.iter().map(|p| p.len()).sum::<usize>())
        .sum();
    eprintln!(
        "scifact: index JSON {} bytes vs article text {} bytes",
        json.len(),
        text_bytes
    );
    let mut serde = c.benchmark_group("serde/scifact");
    serde.sample_size(10);
    serde.bench_function("deserialize_index_json", |b| {
        b.iter(|| serde_json::from_str::<SearchIndex>(&json).ok())
    });
    serde.finish();

    // Each copy gets its own year, so date facets and sorting see ten distinct years.
    let mut replicated = replicate(&articles, 10);
    for (i, article) in replicated.iter_mut().enumerate() {
        article.date = Some(format!("{}-01-01", 2015 + i / articles.len()));
    }
    bench_collection(c, "scifact_x10", &replicated, false);
}

criterion_group!(search, benches);
criterion_main!(search);
