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
        ("Emmanuel Macron", 1),
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
