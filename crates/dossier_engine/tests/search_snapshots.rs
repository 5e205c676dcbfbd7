//! Ranked ids for a fixed query set over the seed corpus, as insta snapshots: a ranking change
//! shows up as a reviewed diff. Ids (not titles) are snapshotted, with the top score rounded.

use std::path::Path;

use dossier_engine::index::SearchIndex;
use dossier_engine::ingest::ingest_path;
use dossier_engine::search::{MatchOptions, SearchRequest};

const QUERIES: &[&str] = &[
    "indus waters treaty",
    "pakistan",
    "cybersecurity",
    "\"world bank\"",
    "india -pakistan",
    "water OR treaty",
    "pakistn",
    "kind:news",
    "the of and",
];

#[test]
fn seed_corpus_rankings() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let report = ingest_path(&corpus).expect("the seed corpus is readable");
    let index = SearchIndex::build(&report.articles, &[]);
    let mut out = String::new();
    for query in QUERIES {
        let request = SearchRequest {
            query: query.to_string(),
            page_size: 10,
            options: MatchOptions {
                prefix_last_word: false,
                ..MatchOptions::default()
            },
            ..SearchRequest::default()
        };
        let response = index.search(&report.articles, &request);
        out.push_str(&format!("{query}  ->  {} total\n", response.total));
        for hit in &response.hits {
            out.push_str(&format!("    {}\n", hit.id));
        }
        for notice in &response.notices {
            out.push_str(&format!("    ! {:?}\n", notice.kind));
        }
    }
    insta::assert_snapshot!(out);
}
