//! The seed corpus as its ten articles, cut by hand from `corpus/` with explicit rules.
//!
//! Ingest is being rewritten in parallel (today it yields one article per file); topic and
//! analytics tests must not depend on its segmentation, so they read this fixture instead.
//! It mimics what a correct ingest produces: title, dated, furniture and comments removed.

#![allow(dead_code)]

use std::path::PathBuf;

use dossier_engine::Article;

fn corpus_file(prefix: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    entries.sort();
    std::fs::read_to_string(&entries[0]).unwrap()
}

/// Lines with markdown emphasis and escapes removed, empty lines dropped.
fn clean_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            l.replace("\\*", "")
                .replace("**", "")
                .replace('*', "")
                .trim()
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

const FURNITURE_PREFIXES: &[&str] = &[
    "Updated ",
    "Follow",
    "Short Url",
    "Related posts",
    "Press Release",
    "New York – June 20, 2024",
    "Crime & Justice",
    "By Javed Mahmood",
    "Global Editions",
    "by TR Pakistan",
    "Read more:",
    "23 January 2023",
    "86-23-01-2023",
];

fn is_furniture(line: &str) -> bool {
    FURNITURE_PREFIXES.iter().any(|p| line.starts_with(p))
}

fn article(id: &str, title: &str, date: Option<&str>, file: &str, lines: &[String]) -> Article {
    let mut summary = Vec::new();
    let mut body = Vec::new();
    let mut subtitle = None;
    for line in lines {
        if line == title || is_furniture(line) {
            continue;
        }
        if let Some(bullet) = line.strip_prefix('•') {
            summary.push(bullet.trim().to_string());
        } else if line.starts_with("The initiative has been supported by 51 states and") {
            subtitle = Some(line.clone());
        } else if !body.contains(line) {
            // Captions repeat in these files; keep one copy.
            body.push(line.clone());
        }
    }
    Article {
        id: id.into(),
        title: title.into(),
        subtitle,
        summary,
        date: date.map(str::to_string),
        date_text: None,
        date_inferred: false,
        dateline: None,
        byline: None,
        section: None,
        kind: "news".into(),
        source: None,
        file: file.into(),
        body,
        captions: vec![],
        comments: vec![],
        url: None,
        label: None,
    }
}

/// The six articles of file 001, in file order: (id, title, date).
const FILE_001: &[(&str, &str, Option<&str>)] = &[
    (
        "oic-cyber-centre",
        "Pakistan proposes cybersecurity center of excellence to bolster digital security for OIC nations",
        Some("2024-12-17"),
    ),
    (
        "punjab-gps-tracking",
        "Punjab to track listed extremists with GPS devices amid rising militant violence in Pakistan",
        None,
    ),
    (
        "un-multilateralism",
        "Pakistan calls for revival of multilateralism at UN amid rising global tensions",
        Some("2025-04-24"),
    ),
    (
        "kashmir-attack",
        "India calls all-party meet, summons top Pakistani diplomat after Kashmir attack on tourists",
        Some("2025-04-24"),
    ),
    (
        "indus-treaty",
        "Pakistan slams India’s Indus treaty suspension ahead of National Security Committee huddle today",
        Some("2025-04-24"),
    ),
    (
        "imf-saudi-role",
        "Pakistan’s finance chief acknowledges Saudi role in IMF deal, invites counterpart to visit",
        Some("2025-04-24"),
    ),
];

/// The ten seed articles in corpus order.
pub fn seed_articles() -> Vec<Article> {
    let mut out = Vec::new();

    let lines = clean_lines(&corpus_file("000"));
    out.push(article(
        "un-cyber-framework",
        "Pakistan Advocates for Comprehensive International Cyber Security Framework",
        Some("2024-06-20"),
        "000",
        &lines,
    ));

    let lines = clean_lines(&corpus_file("001"));
    let starts: Vec<usize> = FILE_001
        .iter()
        .map(|(_, title, _)| lines.iter().position(|l| l == title).unwrap())
        .collect();
    for (n, (id, title, date)) in FILE_001.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        out.push(article(id, title, *date, "001", &lines[starts[n]..end]));
    }

    let lines = clean_lines(&corpus_file("002"));
    let end = lines.iter().position(|l| l == "NEWSLETTER").unwrap();
    out.push(article(
        "un-cybercrime-convention",
        "Press release on the Fourth Session of the UN Ad Hoc Committee to Elaborate a Comprehensive International Convention on Countering the Use of Information and Communications Technologies for Criminal Purposes",
        Some("2023-01-23"),
        "002",
        &lines[..end],
    ));

    let lines = clean_lines(&corpus_file("003"));
    let end = lines
        .iter()
        .position(|l| l == "Do you like this article?")
        .unwrap();
    out.push(article(
        "pakistan-cybercrime-law",
        "Pakistan takes major steps to curb cyber crimes",
        None,
        "003",
        &lines[..end],
    ));

    let lines = clean_lines(&corpus_file("004"));
    out.push(article(
        "paris-call",
        "Emmanuel Macron launches “Paris Call” against cybercrime",
        Some("2018-11-12"),
        "004",
        &lines,
    ));
    out
}
