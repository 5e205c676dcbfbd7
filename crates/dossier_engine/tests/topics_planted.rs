//! Planted topics: documents drawn from disjoint vocabularies must be recovered exactly, with
//! k found automatically.

use dossier_engine::topics::metrics::normalized_mutual_information;
use dossier_engine::topics::{analyse_topics, TopicConfig, TopicCount};
use dossier_engine::Article;

/// A deterministic word list: syllable pairs, disjoint per topic.
fn vocabulary(topic: usize) -> Vec<String> {
    let onsets = [
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
    ];
    let vowels = ["a", "e", "i", "o", "u"];
    (0..12)
        .map(|i| {
            let o = onsets[(topic * 3 + i) % onsets.len()];
            let v = vowels[i % vowels.len()];
            format!(
                "{o}{v}{}{}x{}",
                onsets[i % onsets.len()],
                vowels[topic % 5],
                "q".repeat(topic + 1)
            )
        })
        .collect()
}

fn article(id: String, words: Vec<String>) -> Article {
    Article {
        id,
        title: words[..3].join(" ").into(),
        kind: "news".into(),
        file: "planted".into(),
        body: vec![words.join(" ").into()],
        ..Article::default()
    }
}

fn planted(topics: usize, per_topic: usize) -> (Vec<Article>, Vec<usize>) {
    let mut articles = Vec::new();
    let mut gold = Vec::new();
    for doc in 0..per_topic {
        for topic in 0..topics {
            let vocab = vocabulary(topic);
            // Each document uses a window of 8 of its topic's 12 words: neighbours overlap, so
            // a topic has no sub-structure of its own.
            let words: Vec<String> = (0..8)
                .map(|j| vocab[(doc * 5 + j) % vocab.len()].clone())
                .collect();
            articles.push(article(format!("t{topic}-d{doc}"), words));
            gold.push(topic);
        }
    }
    (articles, gold)
}

#[test]
fn planted_topics_are_recovered_exactly_with_automatic_k() {
    let (articles, gold) = planted(4, 8);
    let analysis = analyse_topics(&articles, &TopicConfig::default());
    let predicted: Vec<usize> = analysis
        .model
        .assignments
        .iter()
        .map(|a| a.topic.unwrap_or(99))
        .collect();
    assert_eq!(analysis.model.k, 4, "{:?}", analysis.model.k_scores);
    assert!(analysis.model.other.is_empty());
    assert!((normalized_mutual_information(&gold, &predicted) - 1.0).abs() < 1e-9);
    // Every article's related articles come from its own topic.
    for (related, topic) in analysis.related.iter().zip(&gold) {
        assert_eq!(related.related.len(), 5);
        for r in &related.related {
            assert!(r.article.starts_with(&format!("t{topic}-")), "{related:?}");
        }
    }
}

#[test]
fn fixed_k_is_respected_and_small_clusters_go_to_other() {
    let (articles, _) = planted(3, 6);
    let config = TopicConfig {
        topics: TopicCount::Fixed(3),
        ..TopicConfig::default()
    };
    let analysis = analyse_topics(&articles, &config);
    assert_eq!(analysis.model.topics.len(), 3);
    // One unrelated article cannot form a topic of its own.
    let mut with_stray = articles.clone();
    with_stray.push(article("stray".into(), vocabulary(7)));
    let config = TopicConfig {
        topics: TopicCount::Fixed(4),
        ..TopicConfig::default()
    };
    let analysis = analyse_topics(&with_stray, &config);
    assert_eq!(analysis.model.other, vec!["stray".to_string()]);
    assert_eq!(analysis.model.topics.len(), 3);
}

#[test]
fn empty_and_tiny_corpora_do_not_panic() {
    let config = TopicConfig::default();
    let empty = analyse_topics(&[], &config);
    assert!(empty.model.topics.is_empty());
    let (articles, _) = planted(1, 2);
    let tiny = analyse_topics(&articles, &config);
    assert_eq!(tiny.model.assignments.len(), 2);
    let blank = analyse_topics(&[article("blank".into(), vec!["the".into(); 3])], &config);
    assert_eq!(blank.model.other, vec!["blank".to_string()]);
}

#[test]
fn a_topic_that_would_be_the_whole_corpus_is_no_topic() {
    // Two unrelated articles (what a reader may load): one cluster holding both, and no word that
    // tells it apart from the corpus. It used to be a topic with an empty label.
    let articles = vec![
        article(
            "harbour".into(),
            "harbour authority approves container terminal ships monday"
                .split(' ')
                .map(String::from)
                .collect(),
        ),
        article(
            "lighthouse".into(),
            "lighthouse keepers return northern cape after ten years"
                .split(' ')
                .map(String::from)
                .collect(),
        ),
    ];
    let analysis = analyse_topics(&articles, &TopicConfig::default());
    assert!(
        analysis.model.topics.is_empty(),
        "{:#?}",
        analysis.model.topics
    );
    assert_eq!(analysis.model.other, ["harbour", "lighthouse"]);
    assert!(analysis
        .model
        .assignments
        .iter()
        .all(|a| a.topic.is_none() && a.label == "Other"));
    assert!(analysis.layout.topics.is_empty());
}

#[test]
fn layout_is_in_the_unit_square_and_stable() {
    let (articles, _) = planted(4, 5);
    let a = analyse_topics(&articles, &TopicConfig::default());
    let b = analyse_topics(&articles, &TopicConfig::default());
    assert_eq!(a.layout, b.layout);
    assert!(a
        .layout
        .articles
        .iter()
        .all(|p| p.x.abs() <= 1.0 && p.y.abs() <= 1.0));
    assert_eq!(a.layout.topics.len(), a.model.topics.len());
}

/// Wire briefs of two kinds, written to a template as agencies file them.
fn briefs() -> Vec<Article> {
    let cities = [
        "Karachi", "Lahore", "Quetta", "Multan", "Peshawar", "Sukkur", "Gwadar", "Sialkot",
    ];
    let topics = [
        "trade",
        "energy",
        "security",
        "investment",
        "water",
        "education",
        "health",
        "transport",
    ];
    let districts = [
        "Swat", "Dadu", "Thatta", "Jhang", "Chitral", "Badin", "Kasur", "Tank",
    ];
    let mut articles = Vec::new();
    for (i, (city, topic)) in cities.iter().zip(topics.iter().cycle()).enumerate() {
        for day in 0..3 {
            let text = format!(
                "Ishaq Dar visited {city} on day {day} and met business leaders to discuss {topic} ties, officials said. Ishaq Dar visited the port before he left."
            );
            articles.push(Article {
                id: format!("visit-{i}-{day}"),
                title: format!("Ishaq Dar visited {city} for {topic} talks").into(),
                body: vec![text.into()],
                ..Article::default()
            });
        }
    }
    for (i, district) in districts.iter().enumerate() {
        for day in 0..3 {
            let text = format!(
                "Monsoon floods hit {district} district on day {day}; rescue teams moved families to relief camps as river levels rose and crops were lost."
            );
            articles.push(Article {
                id: format!("flood-{i}-{day}"),
                title: format!("Monsoon floods hit {district} district").into(),
                body: vec![text.into()],
                ..Article::default()
            });
        }
    }
    articles
}

#[test]
fn topic_names_keep_names_whole_and_list_each_word_once() {
    // Briefs loaded in the page named a topic "Dar visited, Ishaq", and listed "Complete row,
    // Complete, row" as its terms.
    let analysis = analyse_topics(&briefs(), &TopicConfig::default());
    let topics = &analysis.model.topics;
    assert!(!topics.is_empty());
    for topic in topics {
        assert!(
            !topic.label.contains("Dar visited") && !topic.label.contains("visited Ishaq"),
            "{}",
            topic.label
        );
        let mut words: Vec<String> = topic
            .terms
            .iter()
            .flat_map(|t| t.term.split(' ').map(str::to_lowercase))
            .collect();
        let listed = words.len();
        words.sort();
        words.dedup();
        assert_eq!(words.len(), listed, "a word twice in {:?}", topic.terms);
    }
    let visits = topics
        .iter()
        .find(|t| t.articles.iter().any(|a| a.starts_with("visit-")))
        .expect("a topic of the visits");
    assert!(visits.label.contains("Ishaq Dar"), "{}", visits.label);
}
