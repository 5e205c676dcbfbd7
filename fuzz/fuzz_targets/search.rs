//! Search end to end over a fixed small index (the seed corpus): any query returns results or an
//! empty result with a reason, never a panic.
#![no_main]

use std::sync::OnceLock;

use dossier_engine::index::SearchIndex;
use dossier_engine::ingest::{ingest_bytes, Format};
use dossier_engine::search::SearchRequest;
use dossier_engine::Article;
use libfuzzer_sys::fuzz_target;

const SEEDS: [&str; 2] = [
    include_str!("../../corpus/001_cf3c7df7cdba6336.txt"),
    include_str!("../../corpus/003_d02b8e5f7cc315a6.txt"),
];

fn fixture() -> &'static (Vec<Article>, SearchIndex) {
    static FIXTURE: OnceLock<(Vec<Article>, SearchIndex)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let articles: Vec<Article> = SEEDS
            .iter()
            .enumerate()
            .flat_map(|(i, text)| ingest_bytes(&format!("seed{i}.txt"), text.as_bytes(), Some(Format::Txt)).articles)
            .collect();
        let index = SearchIndex::build(&articles, &[]);
        (articles, index)
    })
}

fuzz_target!(|data: &[u8]| {
    let (articles, index) = fixture();
    let request = SearchRequest { query: String::from_utf8_lossy(data).into_owned(), ..SearchRequest::default() };
    let _ = index.search(articles, &request);
});
