//! Quotations of the seed corpus, reviewed by eye in the snapshot.

mod common;

use dossier_engine::quotes::extract_quotes;

#[test]
fn seed_quotes_snapshot() {
    let quotes = extract_quotes(&common::seed_articles());
    insta::assert_json_snapshot!("seed_quotes", quotes);
}

#[test]
fn the_officials_are_quoted() {
    let quotes = extract_quotes(&common::seed_articles());
    let count = |speaker: &str| {
        quotes
            .iter()
            .filter(|q| q.speaker.as_deref() == Some(speaker))
            .count()
    };
    for (speaker, at_least) in [
        ("Munir Akram", 2),
        ("Hafeez Ur Rehman", 4),
        ("Muhammad Iqbal Choudhary", 1),
        ("Sun Xiaofei", 2),
        ("Asim Iftikhar Ahmad", 3),
        ("Nasir Ayyaz", 3),
        ("Muhammad Shafique", 2),
        ("Huma Baqai", 1),
        ("Shahid Nadeem Baloch", 1),
        // "The office of President Macron released a statement …, saying": his office.
        ("Office of Emmanuel Macron", 1),
        ("Awais Leghari", 2),
        ("Khawaja Asif", 1),
        ("Ishaq Dar", 1),
    ] {
        assert!(count(speaker) >= at_least, "{speaker}: {quotes:#?}");
    }
}

/// "“Senator Aurangzeb thanked H.E. Aljadaan …,” the finance ministry said in a statement".
#[test]
fn an_unnamed_institution_is_the_speaker_as_written() {
    let quotes = extract_quotes(&common::seed_articles());
    let thanked = quotes
        .iter()
        .find(|q| q.text.starts_with("Senator Aurangzeb thanked"))
        .expect("the statement is quoted");
    assert_eq!(thanked.speaker.as_deref(), Some("Finance ministry"));
    assert_eq!(thanked.speaker_kind, None);
}

/// A person quoted is one of the people the article names, even one the entity rules found
/// only next to the quotation.
#[test]
fn every_quoted_person_is_named_in_the_article() {
    use dossier_engine::entities::{extract_entities, EntityKind};
    let articles = common::seed_articles();
    let report = extract_entities(&articles);
    for quote in extract_quotes(&articles) {
        let (Some(speaker), Some(EntityKind::Person)) = (&quote.speaker, quote.speaker_kind) else {
            continue;
        };
        let named = report
            .articles
            .iter()
            .find(|a| a.article == quote.article)
            .expect("the article has entities");
        assert!(
            named.people.contains(speaker),
            "{speaker} in {}",
            quote.article
        );
    }
}
