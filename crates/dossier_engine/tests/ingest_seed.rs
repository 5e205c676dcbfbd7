//! The seed corpus's ingest: the product's ground truth. The snapshot is reviewed line by line;
//! the assertions below state the facts a reviewer checked, so a snapshot update cannot quietly
//! undo them.

use std::path::PathBuf;

use dossier_engine::ingest::{ingest_path, IngestReport};
use dossier_engine::Article;

fn seed_report() -> IngestReport {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    ingest_path(&corpus).unwrap()
}

#[test]
fn seed_corpus_snapshot() {
    let report = seed_report();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    insta::assert_json_snapshot!("seed_corpus", report.articles);
}

fn by_title<'a>(articles: &'a [Article], start: &str) -> &'a Article {
    articles
        .iter()
        .find(|a| a.title.starts_with(start))
        .unwrap_or_else(|| panic!("no article titled {start:?}"))
}

#[test]
fn seed_corpus_has_ten_articles_in_five_files() {
    let report = seed_report();
    assert_eq!(report.files, 5);
    let per_file: Vec<(&str, usize)> = ["000", "001", "002", "003", "004"]
        .into_iter()
        .map(|prefix| {
            let count = report
                .articles
                .iter()
                .filter(|a| a.file.starts_with(prefix))
                .count();
            (prefix, count)
        })
        .collect();
    assert_eq!(
        per_file,
        [("000", 1), ("001", 6), ("002", 1), ("003", 1), ("004", 1)]
    );
    let mut ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 10, "ids are unique");
}

#[test]
fn seed_dates_are_stated_inferred_or_null() {
    let report = seed_report();
    let articles = &report.articles;
    let date = |start: &str| {
        let a = by_title(articles, start);
        (a.date.as_deref(), a.date_text.as_deref(), a.date_inferred)
    };
    assert_eq!(
        date("Pakistan Advocates"),
        (Some("2024-06-20"), Some("June 20, 2024"), false)
    );
    assert_eq!(
        date("Pakistan proposes"),
        (Some("2024-12-17"), Some("17 December 2024"), false)
    );
    assert_eq!(date("Punjab to track"), (None, Some("13 sec ago"), false));
    assert_eq!(
        date("Pakistan calls for revival"),
        (Some("2025-04-24"), Some("24 April 2025"), false)
    );
    assert_eq!(
        date("Press release on"),
        (Some("2023-01-23"), Some("23 January 2023 19:05"), false)
    );
    assert_eq!(date("Pakistan takes major"), (None, None, false));
    assert_eq!(
        date("Emmanuel Macron"),
        (
            Some("2018-11-12"),
            Some("This past Monday(November 12)"),
            true
        )
    );
}

#[test]
fn seed_structure() {
    let report = seed_report();
    let articles = &report.articles;

    let release = by_title(articles, "Pakistan Advocates");
    assert_eq!(release.kind, "press-release");
    assert_eq!(release.dateline.as_deref(), Some("New York"));

    let datelines: Vec<Option<&str>> = articles
        .iter()
        .filter(|a| a.file.starts_with("001"))
        .map(|a| a.dateline.as_deref())
        .collect();
    assert_eq!(
        datelines,
        [
            Some("Islamabad"),
            Some("Islamabad"),
            Some("Islamabad"),
            Some("Mumbai"),
            Some("Islamabad"),
            Some("Karachi")
        ]
    );
    for article in articles.iter().filter(|a| a.file.starts_with("001")) {
        assert_eq!(article.summary.len(), 2, "{}", article.title);
    }
    assert_eq!(by_title(articles, "Pakistan proposes").captions.len(), 1);

    let russian = by_title(articles, "Press release on");
    assert_eq!(russian.kind, "press-release");
    // GlobalSecurity.org is named only by the republisher's newsletter prompt, not as publisher.
    assert_eq!(russian.source, None);
    assert!(!russian.body.iter().any(|p| p.contains("86-23-01-2023")));

    let forward = by_title(articles, "Pakistan takes major");
    assert_eq!(forward.section.as_deref(), Some("Crime & Justice"));
    assert_eq!(forward.byline.as_deref(), Some("Javed Mahmood"));
    assert_eq!(forward.dateline.as_deref(), Some("Karachi"));
    assert_eq!(forward.captions.len(), 1);
    assert!(forward.captions[0].ends_with("[AAMIR QURESHI / AFP]"));
    assert_eq!(forward.comments.len(), 1);
    assert!(forward.comments[0].starts_with("Greetings."));
    assert!(forward.body.iter().any(|p| p == "A growing problem"));

    let paris = by_title(articles, "Emmanuel Macron");
    assert_eq!(
        paris.subtitle.as_deref(),
        Some("The initiative has been supported by 51 states and a number of well-known tech companies")
    );
    assert_eq!(paris.byline.as_deref(), Some("TR Pakistan"));
}

/// Page furniture that must not survive anywhere in a title, subtitle, summary or body.
const FURNITURE: &[&str] = &[
    "Short Url",
    "Follow",
    "Updated ",
    "Do you like this article?",
    "Comment(s)",
    "Comment Policy",
    "Reply",
    "NEWSLETTER",
    "mailing list",
    "Related posts",
    "Read more:",
    "Global Editions",
    "**",
    "\\*",
    "•",
    "Press Release",
];

#[test]
fn seed_text_has_no_furniture() {
    let report = seed_report();
    for article in &report.articles {
        let mut texts: Vec<&str> = vec![article.title.as_str()];
        texts.extend(article.subtitle.as_deref());
        texts.extend(article.summary.iter().map(|p| p.as_str()));
        texts.extend(article.body.iter().map(|p| p.as_str()));
        for text in texts {
            for furniture in FURNITURE {
                assert!(
                    !text.contains(furniture),
                    "{furniture:?} left in {:?}: {text:?}",
                    article.title
                );
            }
            assert!(text.trim() != "|" && !text.trim().is_empty(), "{text:?}");
        }
        // The headline is printed once, as the title, not again in the body.
        assert!(
            !article.body.iter().any(|p| p == &article.title),
            "{}",
            article.title
        );
        // The dateline prefix is gone from the first paragraph.
        if let (Some(dateline), Some(first)) = (&article.dateline, article.body.first()) {
            assert!(
                !first.to_uppercase().starts_with(&dateline.to_uppercase()),
                "{first}"
            );
        }
    }
}
