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

/// A filter typed after the last word narrows what the word found, as the same filter ticked
/// does: "cyber year:2023" found nothing, since only "cyber" alone reached "cybercrime".
#[test]
fn a_typed_filter_narrows_as_a_ticked_one() {
    use dossier_engine::index::facets::FacetKey;
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let report = ingest_path(&corpus).expect("the seed corpus is readable");
    let index = SearchIndex::build(&report.articles, &[]);
    let ids = |request: SearchRequest| {
        let mut ids: Vec<String> = index
            .search(&report.articles, &request)
            .hits
            .into_iter()
            .map(|hit| hit.id)
            .collect();
        ids.sort();
        ids
    };
    let ticked = |query: &str, key: FacetKey, value: &str| {
        let mut request = SearchRequest::new(query);
        request
            .filters
            .insert(key, vec![value.to_string()].into_iter().collect());
        ids(request)
    };
    let typed = |query: &str| ids(SearchRequest::new(query));
    let in_2023 = ticked("cyber", FacetKey::Year, "2023");
    assert!(!in_2023.is_empty());
    assert_eq!(typed("cyber year:2023"), in_2023);
    assert_eq!(
        typed("cyber kind:press-release"),
        ticked("cyber", FacetKey::Kind, "press-release")
    );
    // An exclusion of a word no article has takes nothing away.
    assert_eq!(typed("terror -zzzz"), typed("terror"));
}
