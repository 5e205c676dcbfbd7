//! Files from a user's walk-through of "Load files" (`tests/fixtures/walkthrough/`), each
//! checked for what went wrong with it: web pages copied as text with their furniture, a byline
//! paragraph above a dateline, countries the gazetteer did not know.

use std::path::PathBuf;

use dossier_engine::entities::{extract_entities, EntityKind};
use dossier_engine::ingest::ingest_path;
use dossier_engine::Article;

fn articles_of(file: &str) -> Vec<Article> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/walkthrough")
        .join(file);
    let report = ingest_path(&path).unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    report.articles
}

fn all_text(article: &Article) -> String {
    let mut text = vec![article.title.to_string()];
    text.extend(article.subtitle.iter().cloned());
    text.extend(article.body.iter().map(ToString::to_string));
    text.extend(article.comments.iter().map(ToString::to_string));
    text.join("\n")
}

fn names(articles: &[Article], kind: EntityKind) -> Vec<String> {
    let report = extract_entities(articles);
    let mut names: Vec<String> = report
        .entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.name.clone())
        .collect();
    names.sort();
    names
}

#[test]
fn a_web_page_copied_as_text_loses_its_menus_banners_and_lists() {
    // The title was the navigation bar and the headline a subheading; the skip link, the cookie
    // button, the "Most read" list and the footer links stayed in the text.
    let articles = articles_of("web_copy.txt");
    let [article] = articles.as_slice() else {
        panic!("{articles:?}")
    };
    assert_eq!(article.title, "Tesla to build battery plant in Mexico");
    assert_eq!(article.section.as_deref(), Some("Business"));
    assert_eq!(article.subtitle, None);
    assert_eq!(article.byline.as_deref(), Some("Ana Lopez"));
    assert_eq!(article.dateline.as_deref(), Some("Monterrey, Mexico"));
    assert_eq!(article.date.as_deref(), Some("2024-03-04"));
    assert_eq!(
        article.body,
        [
            "Tesla will build a battery plant near Monterrey, the state governor said on Monday, \
          a boost for the region's manufacturing economy. Governor Samuel Garcia said \
          construction would start this year."
        ]
    );
    assert!(article.comments.is_empty(), "{:?}", article.comments);
}

#[test]
fn share_rows_advertisement_labels_and_copyright_lines_are_not_text_or_organisations() {
    // "Facebook" and "Example News" were organisations of these articles.
    for file in ["multi_dated.txt", "multi_plain.txt"] {
        let articles = articles_of(file);
        let text: String = articles.iter().map(all_text).collect();
        for furniture in [
            "Share this",
            "Advertisement",
            "All rights reserved",
            "Related:",
            "Sign up",
        ] {
            assert!(!text.contains(furniture), "{file}: {furniture:?} in {text}");
        }
        let organisations = names(&articles, EntityKind::Organisation);
        for name in ["Facebook", "Example News"] {
            assert!(!organisations.contains(&name.to_string()), "{file}: {name}");
        }
    }
}

#[test]
fn a_byline_paragraph_above_the_dateline_is_the_byline_and_santiago_the_dateline() {
    // The byline was the first paragraph (and the result's snippet), and "SANTIAGO —" after it
    // was no dateline, so Santiago was no place of the article.
    let articles = articles_of("saved_page.html");
    let [article] = articles.as_slice() else {
        panic!("{articles:?}")
    };
    assert_eq!(article.byline.as_deref(), Some("Carlos Mendoza"));
    assert_eq!(article.dateline.as_deref(), Some("Santiago"));
    assert!(
        article
            .body
            .first()
            .is_some_and(|p| p.starts_with("Chile's Senate on Tuesday approved")),
        "{:?}",
        article.body
    );
    assert!(names(&articles, EntityKind::Place).contains(&"Santiago".to_string()));
}

#[test]
fn every_country_and_capital_of_the_summit_is_named() {
    // Zambia, Ghana, Peru, Bolivia, Uruguay, Senegal and Tanzania were missed, and Nairobi,
    // Lima, Accra and Hanoi in running text.
    let articles = articles_of("countries.txt");
    let countries = names(&articles, EntityKind::Country);
    for country in [
        "Zambia", "Ghana", "Peru", "Kenya", "Belgium", "Vietnam", "Bolivia", "Uruguay", "Senegal",
        "Tanzania", "Malaysia", "Portugal", "Mexico", "Canada", "Japan",
    ] {
        assert!(countries.contains(&country.to_string()), "{country}");
    }
    assert_eq!(countries.len(), 15, "{countries:?}");
    assert_eq!(
        names(&articles, EntityKind::Place),
        ["Accra", "Brussels", "Geneva", "Hanoi", "Lima", "Nairobi"]
    );
    assert_eq!(names(&articles, EntityKind::Person), ["Rebecca Miano"]);
}

#[test]
fn stories_in_one_file_split_at_a_headline_over_a_wire_dateline_or_at_a_rule() {
    // Each file was one article: only a `Title:` line started the next.
    for file in ["multi_dated.txt", "multi_plain.txt", "multi_sep.txt"] {
        let found: Vec<(String, Option<String>)> = articles_of(file)
            .iter()
            .map(|a| (a.title.to_string(), a.dateline.clone()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "Floods displace thousands in Sindh".to_string(),
                    Some("Karachi".to_string())
                ),
                (
                    "Heatwave grips Delhi as temperatures hit 47C".to_string(),
                    Some("New Delhi".to_string())
                ),
            ],
            "{file}"
        );
    }
}
