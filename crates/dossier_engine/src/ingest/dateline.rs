//! The wire dateline that opens an article's first paragraph ("ISLAMABAD: …", "KARACHI -- …",
//! "NEW YORK, June 20, 2024 – …", "GILGIT, Nov 5 (Reuters) - …"), in one place for every format:
//! the `.txt` parser asks [`split_dateline`] of its header lines, and the HTML, Markdown and
//! record parsers call [`take_opening_dateline`] once an article's body is read.
//!
//! Conservative on purpose: the place must be written in capitals, come before the first
//! separator within 80 bytes, and be followed by a capitalised sentence; a label ("UPDATE:",
//! "EXCLUSIVE:"), a single word of three capitals or fewer ("IMF:", "UN:", more often an
//! acronym than a city) and an organisation the gazetteer knows ("NATO:") are not places. A
//! paragraph that is not one stays as written.

use super::dates;
use super::text::{title_case, word_count};
use crate::article::Article;
use crate::entities::{gazetteer_kind, EntityKind};

/// The dateline at the start of a first paragraph, and the paragraph without it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// Title-cased place: "Islamabad", "New York", "Islamabad/New Delhi", "Antwerp, Belgium".
    pub place: String,
    /// The date it states, with its words ("June 20, 2024"), when they are a whole date.
    pub date: Option<(time::Date, String)>,
    /// The agency in brackets before the separator ("Reuters").
    pub agency: Option<String>,
    /// The paragraph after the dateline.
    pub rest: String,
}

/// Words written in capitals before a colon that label a paragraph rather than name a place.
const LABELS: &[&str] = &[
    "ALERT",
    "ANALYSIS",
    "BREAKING",
    "BREAKING NEWS",
    "CLARIFICATION",
    "COMMENT",
    "CORRECTION",
    "DISCLAIMER",
    "EDITORIAL",
    "EDITOR'S NOTE",
    "EDITOR’S NOTE",
    "EXCLUSIVE",
    "EXPLAINER",
    "FACT CHECK",
    "FEATURE",
    "FILE",
    "FLASH",
    "INTERVIEW",
    "LIVE",
    "NOTE",
    "OPINION",
    "PHOTO",
    "PHOTOS",
    "REVIEW",
    "SPONSORED",
    "UPDATE",
    "UPDATED",
    "URGENT",
    "VIDEO",
    "WARNING",
    "WATCH",
];

/// Bytes before the separator a dateline may take ("NEW YORK, June 20, 2024 (Reuters)").
const MAX_DATELINE_BYTES: usize = 80;

/// Letters a one-word place needs: "IMF", "FIA", "PTI" are acronyms far more often than cities.
const MIN_ONE_WORD_PLACE_LETTERS: usize = 4;

/// The dateline at the start of `paragraph`, if it opens with one.
pub(crate) fn split_dateline(paragraph: &str) -> Option<Dateline> {
    const SEPARATORS: [&str; 5] = [": ", " -- ", " — ", " – ", " - "];
    // Only the paragraph's opening can hold a separator in time: a long paragraph is not read.
    let head_end = paragraph
        .char_indices()
        .map(|(at, _)| at)
        .find(|&at| at > MAX_DATELINE_BYTES.saturating_add(5))
        .unwrap_or(paragraph.len());
    let head = paragraph.get(..head_end)?;
    let (at, separator) = SEPARATORS
        .iter()
        .filter_map(|sep| head.find(sep).map(|at| (at, *sep)))
        .min_by_key(|(at, _)| *at)?;
    if at > MAX_DATELINE_BYTES {
        return None;
    }
    let prefix = paragraph.get(..at)?.trim();
    let rest = paragraph.get(at.saturating_add(separator.len())..)?.trim();
    if !rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || "\"“‘'".contains(c))
    {
        return None;
    }
    let (prefix, agency) = match prefix.strip_suffix(')').and_then(|p| p.rsplit_once('(')) {
        Some((before, agency)) => (before.trim(), Some(agency.trim().to_string())),
        None => (prefix, None),
    };
    let (place, extra) = match prefix.split_once(',') {
        Some((place, extra)) => (place.trim(), Some(extra.trim())),
        None => (prefix, None),
    };
    if !is_upper_case_place(place) {
        return None;
    }
    let date = extra.and_then(|extra| dates::parse_date(extra).map(|d| (d, extra.to_string())));
    // "ANTWERP, Belgium (AP) -": the country after the city is part of the place (it was lost,
    // with the article's only mention of Belgium). A state ("Calif.") is left out, as before.
    let country = extra.filter(|extra| gazetteer_kind(extra) == Some(EntityKind::Country));
    let place = match country {
        Some(country) => format!("{}, {country}", title_case(place)),
        None => title_case(place),
    };
    Some(Dateline {
        place,
        date,
        agency,
        rest: rest.to_string(),
    })
}

/// "ISLAMABAD", "NEW YORK", "ISLAMABAD/NEW DELHI", "DERA ISMAIL KHAN": one to four words in
/// capitals, not a label, not a short acronym, and not an organisation the gazetteer knows
/// ("NATO:", "ASEAN:").
fn is_upper_case_place(place: &str) -> bool {
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let words = word_count(place);
    let capitals = place
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | '’' | '/'));
    let enough_letters = if words == 1 && !place.contains('/') {
        letters >= MIN_ONE_WORD_PLACE_LETTERS
    } else {
        letters >= 3
    };
    capitals
        && enough_letters
        && (1..=4).contains(&words)
        && !LABELS.contains(&place)
        && gazetteer_kind(place) != Some(EntityKind::Organisation)
}

/// Splits the dateline off the first body paragraph of an article that has none yet (HTML,
/// Markdown and records: the `.txt` parser finds its own while it reads the header). The place
/// becomes the dateline; the agency the source, unless one is stated; the date the article's,
/// unless it states one (its own field, meta tag or stamp is the more explicit statement).
pub(crate) fn take_opening_dateline(article: &mut Article) {
    if article.dateline.is_some() {
        return;
    }
    let Some(first) = article.body.first_mut() else {
        return;
    };
    let Some(dateline) = split_dateline(first) else {
        return;
    };
    *first = dateline.rest.into();
    article.dateline = Some(dateline.place);
    if let Some(agency) = dateline.agency {
        article.source.get_or_insert(agency);
    }
    if let Some((date, words)) = dateline.date {
        if article.date_text.is_none() {
            article.date = Some(dates::iso(date));
            article.date_text = Some(words);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::blank_article;

    fn place_and_rest(paragraph: &str) -> Option<(String, String)> {
        split_dateline(paragraph).map(|d| (d.place, d.rest))
    }

    #[test]
    fn datelines() {
        assert_eq!(
            place_and_rest("ISLAMABAD: Pakistan’s telecom regulator said."),
            Some((
                "Islamabad".into(),
                "Pakistan’s telecom regulator said.".into()
            ))
        );
        let d = split_dateline("KARACHI -- The Pakistani government is using laws.");
        assert_eq!(d.map(|d| d.place), Some("Karachi".into()));
        let d = split_dateline("LONDON (Reuters) - Prices rose.");
        assert_eq!(
            d.map(|d| (d.place, d.agency)),
            Some(("London".into(), Some("Reuters".into())))
        );
        let d = split_dateline("NEW YORK, June 20, 2024 – The council met.");
        assert_eq!(
            d.and_then(|d| d.date).map(|(d, _)| dates::iso(d)),
            Some("2024-06-20".into())
        );
        let d = split_dateline("GILGIT, Nov 5 (Reuters) - A quake struck.");
        assert_eq!(
            d.map(|d| (d.place, d.agency, d.date, d.rest)),
            Some((
                "Gilgit".into(),
                Some("Reuters".into()),
                None,
                "A quake struck.".into()
            ))
        );
    }

    #[test]
    fn places_of_several_words_and_several_places() {
        assert_eq!(
            place_and_rest("ISLAMABAD/NEW DELHI: The two sides met.").map(|(p, _)| p),
            Some("Islamabad/New Delhi".into())
        );
        assert_eq!(
            place_and_rest("RAWALPINDI, Pakistan: The army said.").map(|(p, _)| p),
            Some("Rawalpindi, Pakistan".into())
        );
        assert_eq!(
            place_and_rest("ANTWERP, Belgium (AP) - Port officials said.").map(|(p, _)| p),
            Some("Antwerp, Belgium".into())
        );
        assert_eq!(
            place_and_rest("SACRAMENTO, Calif. (AP) - Lawmakers said.").map(|(p, _)| p),
            Some("Sacramento".into())
        );
        assert_eq!(
            place_and_rest("DERA ISMAIL KHAN — Police said.").map(|(p, _)| p),
            Some("Dera Ismail Khan".into())
        );
        assert_eq!(
            place_and_rest("ROME: The pope said.").map(|(p, _)| p),
            Some("Rome".into())
        );
    }

    #[test]
    fn sentences_and_labels_are_not_datelines() {
        for paragraph in [
            "The minister said: Yes.",
            "UN: no",
            "UN: The body met.",
            "IMF: The fund said talks would resume.",
            "NATO: Allies agreed to raise spending.",
            "ASEAN: Ministers met in Jakarta.",
            "IMF officials said the talks - which ran late - went well.",
            "UPDATE: The ministry has since denied the report.",
            "EXCLUSIVE: Documents show the deal.",
            "EDITOR’S NOTE: This story has been corrected.",
            "KARACHI: prices rose.",
            "Karachi: Prices rose.",
            "A VERY LONG RUN OF CAPITALS THAT IS NO PLACE: It goes on.",
        ] {
            assert_eq!(split_dateline(paragraph), None, "{paragraph:?}");
        }
    }

    #[test]
    fn the_opening_dateline_of_an_article_without_one_is_taken() {
        let mut article = blank_article();
        article.body = vec![
            "NEW YORK, June 20, 2024 (AP) – The council met.".into(),
            "PESHAWAR: A second paragraph keeps its words.".into(),
        ];
        take_opening_dateline(&mut article);
        assert_eq!(article.dateline.as_deref(), Some("New York"));
        assert_eq!(article.source.as_deref(), Some("AP"));
        assert_eq!(article.date.as_deref(), Some("2024-06-20"));
        assert_eq!(article.date_text.as_deref(), Some("June 20, 2024"));
        assert_eq!(
            article.body,
            [
                "The council met.",
                "PESHAWAR: A second paragraph keeps its words."
            ]
        );
    }

    #[test]
    fn what_the_article_states_comes_before_the_dateline() {
        let mut article = blank_article();
        article.source = Some("Dawn".into());
        article.date_text = Some("someday".into());
        article.body = vec!["LAHORE, June 20, 2024 (Reuters) - Prices rose.".into()];
        take_opening_dateline(&mut article);
        assert_eq!(article.dateline.as_deref(), Some("Lahore"));
        assert_eq!(article.source.as_deref(), Some("Dawn"));
        assert_eq!(article.date, None);
        assert_eq!(article.date_text.as_deref(), Some("someday"));

        // An article that has its dateline keeps its first paragraph as it is.
        let mut article = blank_article();
        article.dateline = Some("Quetta".into());
        article.body = vec!["KARACHI: Text.".into()];
        take_opening_dateline(&mut article);
        assert_eq!(article.dateline.as_deref(), Some("Quetta"));
        assert_eq!(article.body, ["KARACHI: Text."]);
    }
}
