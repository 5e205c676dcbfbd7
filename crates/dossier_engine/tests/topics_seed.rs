//! Topic modelling on the seed corpus (the ten articles of `corpus/`).

mod common;

use dossier_engine::topics::{analyse_topics, TopicConfig};

const CYBER: &[&str] = &[
    "un-cyber-framework",
    "oic-cyber-centre",
    "un-cybercrime-convention",
    "pakistan-cybercrime-law",
    "paris-call",
];
const CRISIS: &[&str] = &["kashmir-attack", "indus-treaty"];

fn topic_of(analysis: &dossier_engine::topics::TopicAnalysis, id: &str) -> Option<usize> {
    analysis
        .model
        .assignments
        .iter()
        .find(|a| a.article == id)
        .unwrap()
        .topic
}

#[test]
fn fixture_has_the_ten_articles() {
    let articles = common::seed_articles();
    assert_eq!(articles.len(), 10);
    assert!(articles.iter().all(|a| a.body.len() >= 3), "{articles:#?}");
}

#[test]
fn cyber_pieces_share_a_topic_and_the_crisis_pieces_share_a_topic() {
    let articles = common::seed_articles();
    let analysis = analyse_topics(&articles, &TopicConfig::default());
    let cyber = topic_of(&analysis, CYBER[0]);
    assert!(cyber.is_some(), "{:#?}", analysis.model);
    for id in CYBER {
        assert_eq!(
            topic_of(&analysis, id),
            cyber,
            "{id}: {:#?}",
            analysis.model
        );
    }
    let crisis = topic_of(&analysis, CRISIS[0]);
    assert!(crisis.is_some());
    assert_eq!(
        topic_of(&analysis, CRISIS[1]),
        crisis,
        "{:#?}",
        analysis.model
    );
}

#[test]
fn no_label_is_furniture_or_a_stop_word() {
    let articles = common::seed_articles();
    let analysis = analyse_topics(&articles, &TopicConfig::default());
    let banned = [
        "said",
        "mr",
        "new",
        "year",
        "says",
        "told",
        "updated",
        "follow",
        "url",
        "the",
        "and",
        "pakistan forward",
        "arab news",
        "reuters",
    ];
    for topic in &analysis.model.topics {
        for word in topic.label.split(", ").flat_map(|p| p.split(' ')) {
            assert!(
                !banned.contains(&word.to_lowercase().as_str()),
                "label {:?} contains {word:?}",
                topic.label
            );
        }
        let words = topic
            .label
            .split([' ', ','])
            .filter(|w| !w.is_empty())
            .count();
        assert!((2..=4).contains(&words), "label {:?}", topic.label);
    }
}

#[test]
fn seed_topics_snapshot() {
    let articles = common::seed_articles();
    let analysis = analyse_topics(&articles, &TopicConfig::default());
    insta::assert_json_snapshot!("seed_topics", analysis.model);
}

#[test]
fn two_runs_give_identical_output() {
    let articles = common::seed_articles();
    let config = TopicConfig::default();
    let a = serde_json::to_string(&analyse_topics(&articles, &config)).unwrap();
    let b = serde_json::to_string(&analyse_topics(&articles, &config)).unwrap();
    assert_eq!(a, b);
}
