//! Entities of the seed corpus, reviewed by eye in the snapshot.

mod common;

use dossier_engine::entities::{extract_entities, EntityConfig};

#[test]
fn seed_entities_snapshot() {
    let articles = common::seed_articles();
    let report = extract_entities(&articles, &EntityConfig::default());
    insta::assert_json_snapshot!("seed_entity_articles", report.articles);
    insta::assert_json_snapshot!("seed_entities", report.entities);
}

#[test]
fn officials_acronyms_and_surnames_are_resolved() {
    let articles = common::seed_articles();
    let report = extract_entities(&articles, &EntityConfig::default());
    let people = |id: &str| {
        report
            .articles
            .iter()
            .find(|a| a.article == id)
            .unwrap()
            .people
            .clone()
    };
    assert_eq!(people("un-cyber-framework"), vec!["Munir Akram"]);
    for name in [
        "Hafeez Ur Rehman",
        "Muhammad Iqbal Choudhary",
        "Sun Xiaofei",
    ] {
        assert!(
            people("oic-cyber-centre").contains(&name.to_string()),
            "{name}"
        );
    }
    for name in [
        "Nasir Ayyaz",
        "Muhammad Shafique",
        "Huma Baqai",
        "Shahid Nadeem Baloch",
    ] {
        assert!(
            people("pakistan-cybercrime-law").contains(&name.to_string()),
            "{name}"
        );
    }
    assert!(people("paris-call").contains(&"Emmanuel Macron".to_string()));
    let pta = report
        .entities
        .iter()
        .find(|e| e.name == "Pakistan Telecommunication Authority")
        .unwrap();
    assert_eq!(pta.aliases, vec!["PTA"]);
    assert_eq!(pta.articles, 2);
}

#[test]
fn extractor_rebuilt_from_the_report_finds_the_same_mentions() {
    use dossier_engine::entities::EntityExtractor;
    let articles = common::seed_articles();
    let report = extract_entities(&articles, &EntityConfig::default());
    let learnt = EntityExtractor::new(&articles);
    let rebuilt = EntityExtractor::from_report(&report);
    // The seed corpus defines acronyms ("... (OIC)"), so this compares more than plain names.
    assert!(report.entities.iter().any(|e| !e.aliases.is_empty()));
    for article in &articles {
        assert_eq!(
            rebuilt.mentions(article),
            learnt.mentions(article),
            "{}",
            article.id
        );
    }
    // And without the report's aliases the acronyms are lost: the comparison above can fail.
    let without_aliases = EntityExtractor::default();
    assert!(articles
        .iter()
        .any(|a| without_aliases.mentions(a) != learnt.mentions(a)));
}

/// The page lists one entity's pairs in the report's order (most shared first, then by the
/// other's name) without sorting them again: that holds because each pair names `a` before `b`
/// and the report is sorted by shared articles, then `a`, then `b`.
#[test]
fn co_occurrence_pairs_are_ordered_names_most_shared_first() {
    let articles = common::seed_articles();
    let report = extract_entities(&articles, &EntityConfig::default());
    assert!(report.co_occurrence.len() > 1);
    assert!(report.co_occurrence.iter().all(|p| p.a < p.b));
    assert!(report.co_occurrence.windows(2).all(|w| {
        (std::cmp::Reverse(w[0].articles), &w[0].a, &w[0].b)
            <= (std::cmp::Reverse(w[1].articles), &w[1].a, &w[1].b)
    }));
    // One entity's pairs, as the page lists them.
    let name = &report.co_occurrence[0].a;
    let listed: Vec<(&str, usize)> = report
        .co_occurrence
        .iter()
        .filter_map(|p| {
            (p.a == *name)
                .then_some((p.b.as_str(), p.articles))
                .or((p.b == *name).then_some((p.a.as_str(), p.articles)))
        })
        .collect();
    let mut sorted = listed.clone();
    sorted.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    assert_eq!(listed, sorted);
}
