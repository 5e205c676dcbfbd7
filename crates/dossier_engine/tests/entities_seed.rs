//! Entities of the seed corpus, reviewed by eye in the snapshot.

mod common;

use dossier_engine::entities::{extract_entities, EntityKind};

#[test]
fn seed_entities_snapshot() {
    let articles = common::seed_articles();
    let report = extract_entities(&articles);
    insta::assert_json_snapshot!("seed_entity_articles", report.articles);
    insta::assert_json_snapshot!("seed_entities", report.entities);
}

#[test]
fn officials_acronyms_and_surnames_are_resolved() {
    let articles = common::seed_articles();
    let report = extract_entities(&articles);
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
    let report = extract_entities(&articles);
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

/// What is named alongside an entity, counted by brute force from the articles' lists: every
/// entity over the whole corpus and over a subset, in the order the page shows.
#[test]
fn named_with_counts_the_articles_naming_both_in_the_given_set() {
    let articles = common::seed_articles();
    let report = extract_entities(&articles);
    let names = |i: usize, kind: EntityKind| report.articles[i].of_kind(kind).to_vec();
    let everything: Vec<usize> = (0..report.articles.len()).collect();
    // Every other article, and indexes past the end (skipped).
    let some: Vec<usize> = (0..report.articles.len() + 3).step_by(2).collect();
    let mut listed_any = false;
    for set in [&everything, &some] {
        for entity in &report.entities {
            let got = report.named_with(entity.kind, &entity.name, set.iter().copied());
            let naming: Vec<usize> = set
                .iter()
                .copied()
                .filter(|&i| {
                    i < report.articles.len() && names(i, entity.kind).contains(&entity.name)
                })
                .collect();
            assert_eq!(got.articles, naming.len(), "{}", entity.name);
            if set == &everything {
                assert_eq!(got.articles, entity.articles, "{}", entity.name);
            }
            for other in &got.others {
                assert!((other.kind, other.name.as_str()) != (entity.kind, entity.name.as_str()));
                let both = naming
                    .iter()
                    .filter(|&&i| names(i, other.kind).contains(&other.name))
                    .count();
                assert_eq!(other.articles, both, "{} with {}", entity.name, other.name);
                assert!(both > 0);
            }
            // Nothing named in those articles is left out.
            let named: usize = naming
                .iter()
                .map(|&i| {
                    EntityKind::ALL
                        .iter()
                        .map(|&k| names(i, k).len())
                        .sum::<usize>()
                        - 1
                })
                .sum();
            assert_eq!(got.others.iter().map(|o| o.articles).sum::<usize>(), named);
            assert!(got.others.windows(2).all(|w| {
                (std::cmp::Reverse(w[0].articles), &w[0].name)
                    <= (std::cmp::Reverse(w[1].articles), &w[1].name)
            }));
            listed_any |= !got.others.is_empty();
        }
    }
    assert!(listed_any);
    // An entity that no article names, and an empty set.
    assert!(report
        .named_with(EntityKind::Person, "Nobody At All", everything.clone())
        .others
        .is_empty());
    let first = &report.entities[0];
    assert_eq!(report.named_with(first.kind, &first.name, []).articles, 0);
}

/// The corpus-wide pairs (for the command line) agree with `named_with` over the whole corpus.
#[test]
fn pairs_are_ordered_and_agree_with_named_with() {
    let articles = common::seed_articles();
    let report = extract_entities(&articles);
    let pairs = report.pairs();
    assert!(pairs.len() > 1);
    assert!(pairs.iter().all(|p| p.a < p.b));
    assert!(pairs.windows(2).all(|w| {
        (std::cmp::Reverse(w[0].articles), &w[0].a, &w[0].b)
            <= (std::cmp::Reverse(w[1].articles), &w[1].a, &w[1].b)
    }));
    let everything = 0..report.articles.len();
    for entity in &report.entities {
        let alongside = report.named_with(entity.kind, &entity.name, everything.clone());
        for other in &alongside.others {
            let (a, b) = if entity.name < other.name {
                (&entity.name, &other.name)
            } else {
                (&other.name, &entity.name)
            };
            let pair = pairs
                .iter()
                .find(|p| (&p.a, &p.b) == (a, b))
                .expect("every pair is listed");
            assert!(pair.articles >= other.articles, "{a} + {b}");
        }
    }
}
