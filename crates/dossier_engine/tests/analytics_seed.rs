//! The analytics aggregate on the seed corpus: facets, timeline, determinism, bundle.

mod common;

use dossier_engine::analytics::{analyse, AnalyticsConfig};
use dossier_engine::Bundle;

#[test]
fn facets_and_timeline() {
    let articles = common::seed_articles();
    let analytics = analyse(&articles, &AnalyticsConfig::default());
    use dossier_engine::index::facets::FacetKey;
    let facets: Vec<_> = analytics.doc_facets().collect();
    assert_eq!(facets.len(), 10);
    let paris_at = articles.iter().position(|a| a.id == "paris-call").unwrap();
    let paris = &facets[paris_at];
    assert!(paris[&FacetKey::Country].contains(&"France".to_string()));
    assert!(paris[&FacetKey::Person].contains(&"Emmanuel Macron".to_string()));
    // Every topic value is the article's own assignment; "Other" articles carry none.
    for (i, assignment) in analytics.topics.assignments.iter().enumerate() {
        assert_eq!(
            facets[i].get(&FacetKey::Topic),
            assignment
                .topic
                .map(|_| vec![assignment.label.clone()])
                .as_ref(),
            "{}",
            assignment.article
        );
    }
    assert!(facets.iter().any(|f| f.contains_key(&FacetKey::Topic)));
    insta::assert_json_snapshot!("seed_timeline", analytics.timeline);
    assert_eq!(analytics.related.len(), 10);
    assert!(analytics.related.iter().all(|r| r.related.len() <= 5));
}

#[test]
fn two_runs_serialise_identically() {
    let articles = common::seed_articles();
    let config = AnalyticsConfig::default();
    let a = serde_json::to_string(&analyse(&articles, &config)).unwrap();
    let b = serde_json::to_string(&analyse(&articles, &config)).unwrap();
    assert_eq!(a, b);
}

#[test]
fn bundle_carries_analytics_and_round_trips() {
    let bundle = Bundle::build(common::seed_articles(), vec![]);
    assert_eq!(bundle.analytics.topics.assignments.len(), 10);
    let json = serde_json::to_string(&bundle).unwrap();
    let back: Bundle = serde_json::from_str(&json).unwrap();
    assert_eq!(back.analytics, bundle.analytics);
}

#[test]
fn the_seed_bundle_in_json_parts_reads_back_the_same() {
    use dossier_engine::bundle::BundleFromParts;
    let bundle = Bundle::build(common::seed_articles(), Vec::new());
    assert!(!bundle.analytics.related.is_empty() && !bundle.analytics.layout.articles.is_empty());
    let whole = serde_json::to_string(&bundle).unwrap();
    // From an article per part to all in one; the seed articles are 2 to 20 kB of JSON each.
    for part_bytes in [1, 10_000, 30_000, usize::MAX] {
        let parts = bundle.to_json_parts(part_bytes).unwrap();
        let mut read = BundleFromParts::default();
        for part in parts {
            read.add(Box::leak(part.into_boxed_str())).unwrap();
        }
        let back = serde_json::to_string(&read.finish().unwrap()).unwrap();
        assert!(
            back == whole,
            "parts of {part_bytes} bytes read back differently"
        );
    }
}
