//! The analytics aggregate on the seed corpus: facets, timeline, determinism, bundle.

mod common;

use dossier_engine::analytics::{analyse, AnalyticsConfig};
use dossier_engine::Bundle;

#[test]
fn facets_and_timeline() {
    let articles = common::seed_articles();
    let analytics = analyse(&articles, &AnalyticsConfig::default());
    assert_eq!(analytics.facets.len(), 10);
    let paris = analytics
        .facets
        .iter()
        .find(|f| f.article == "paris-call")
        .unwrap();
    assert!(paris.countries.contains(&"France".to_string()));
    assert!(paris.people.contains(&"Emmanuel Macron".to_string()));
    assert!(!paris.topic_label.is_empty());
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
