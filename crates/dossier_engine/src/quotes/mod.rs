//! Quotations: each direct quotation of an article's body with its speaker when the text
//! attributes it.
//!
//! Attribution, in order: a reporting verb after the quote in the same sentence
//! ("…,” Rehman said; "…,” Nasir Ayyaz, legal director …, told …); a reporting verb before it
//! ("he wrote: “…”", "…, saying “…”"); otherwise the quote continues the previous attributed
//! quote of the same or the previous paragraph ("“A,” he said. “B.”"). A pronoun speaker
//! ("he said") resolves to the one person named in the nearest paragraph before the quote that
//! names any person; when that paragraph names several people the speaker stays unknown.
//! An opening mark left unclosed at the end of a paragraph, followed by a paragraph that opens
//! with a quotation mark, is one quotation spanning both (the news convention).

use crate::text::Text;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::entities::{first_body_unit, EntityExtractor, EntityKind, Mention};

/// How the speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Resolution {
    /// The attribution names the speaker.
    Named,
    /// "he said": the last named person.
    Pronoun,
    /// No attribution of its own: continues the previous quote's speaker.
    Continuation,
    /// Attributed to someone unnamed ("the finance ministry said") or not attributed.
    Unresolved,
}

/// One direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub article: String,
    /// Body paragraph (0-based) where the quotation opens.
    pub paragraph: usize,
    /// Byte offset of the opening mark in that paragraph.
    pub start: usize,
    /// The quoted words without the marks; paragraphs joined by "\n".
    pub text: String,
    /// Canonical name of the speaker, when known.
    pub speaker: Option<String>,
    pub speaker_kind: Option<EntityKind>,
    /// The attribution words as written ("he said", "Rehman said at the workshop").
    pub attribution: Option<String>,
    pub resolution: Resolution,
}

/// Reporting verbs.
const VERBS: &[&str] = &[
    "added",
    "announced",
    "argued",
    "asked",
    "declared",
    "emphasised",
    "emphasized",
    "explained",
    "informed",
    "maintained",
    "noted",
    "said",
    "saying",
    "says",
    "stated",
    "stressed",
    "told",
    "warned",
    "wrote",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];

/// Words of attribution searched after a quote.
const TAIL_WORDS: usize = 16;
/// Quotes shorter than this are scare quotes or names ("heinous act"), not quotations.
const MIN_WORDS: usize = 4;

/// All quotations of the corpus, article by article.
pub fn extract_quotes(articles: &[Article]) -> Vec<Quote> {
    let extractor = EntityExtractor::new(articles);
    articles
        .iter()
        .flat_map(|article| article_quotes(article, &extractor.mentions(article)))
        .collect()
}

/// A quotation as found, before attribution.
#[derive(Debug, Clone)]
struct Span {
    paragraph: usize,
    /// Opening mark offset, first byte of the text, end of the text, end after the close mark.
    open: usize,
    text_start: usize,
    text_end: usize,
    after: usize,
    closed: bool,
}

/// The last kept quotation, which an unattributed quote right after it continues.
struct Previous {
    paragraph: usize,
    speaker: Option<String>,
    kind: Option<EntityKind>,
    attribution: Option<String>,
}

/// The quotations of one article, attributed to its entity `mentions` (from
/// [`EntityExtractor::mentions`]).
pub fn article_quotes(article: &Article, mentions: &[Mention]) -> Vec<Quote> {
    // Quotations are read from the body only: mentions are re-based on its first paragraph.
    let body_offset = first_body_unit(article);
    let mentions: Vec<Mention> = mentions
        .iter()
        .filter(|m| m.unit >= body_offset)
        .map(|m| Mention {
            unit: m.unit - body_offset,
            ..m.clone()
        })
        .collect();
    let spans = merge_continued(find_spans(&article.body));

    let mut quotes: Vec<Quote> = Vec::new();
    let mut previous: Option<Previous> = None;
    for group in spans {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let text = group
            .iter()
            .filter_map(|s| {
                article
                    .body
                    .get(s.paragraph)
                    .and_then(|p| p.get(s.text_start..s.text_end))
            })
            .map(|t| t.trim().trim_end_matches(',').trim())
            .collect::<Vec<_>>()
            .join("\n");
        let word_count = text.split_whitespace().count();
        let paragraph = article.body.get(last.paragraph).map_or("", Text::as_str);

        let found = attribution_after(paragraph, last, &mentions).or_else(|| {
            let own = article.body.get(first.paragraph).map_or("", Text::as_str);
            attribution_before(own, first, &mentions)
        });
        let (speaker, kind, attribution, resolution) = match found {
            Some(Found::Named(name, kind, words)) => {
                (Some(name), Some(kind), Some(words), Resolution::Named)
            }
            Some(Found::Pronoun(words)) => match resolve_pronoun(&mentions, first) {
                Some(name) => (
                    Some(name),
                    Some(EntityKind::Person),
                    Some(words),
                    Resolution::Pronoun,
                ),
                None => (None, None, Some(words), Resolution::Unresolved),
            },
            Some(Found::Unnamed(words)) => (None, None, Some(words), Resolution::Unresolved),
            None => match &previous {
                // Same or previous paragraph, and the previous quote had a speaker.
                Some(Previous {
                    paragraph: p,
                    speaker: Some(name),
                    kind,
                    attribution,
                }) if first.paragraph <= p + 1 && first.paragraph >= *p => (
                    Some(name.clone()),
                    *kind,
                    attribution.clone(),
                    Resolution::Continuation,
                ),
                _ => (None, None, None, Resolution::Unresolved),
            },
        };
        if word_count < MIN_WORDS || (attribution.is_none() && looks_like_a_title(&text)) {
            continue;
        }
        previous = Some(Previous {
            paragraph: last.paragraph,
            speaker: speaker.clone(),
            kind,
            attribution: attribution.clone(),
        });
        quotes.push(Quote {
            article: article.id.clone(),
            paragraph: first.paragraph,
            start: first.open,
            text,
            speaker,
            speaker_kind: kind,
            attribution,
            resolution,
        });
    }
    quotes
}

/// Mostly capitalised words: a title or a name in quotation marks, not speech.
fn looks_like_a_title(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalised * 2 >= words.len()
}

/// Quotation spans of each paragraph; straight quotes alternate open/close.
fn find_spans(body: &[Text]) -> Vec<Span> {
    let mut spans = Vec::new();
    for (paragraph, text) in body.iter().enumerate() {
        let mut open: Option<(usize, char)> = None;
        for (i, c) in text.char_indices() {
            match (open, c) {
                (None, '“') | (None, '"') => open = Some((i, c)),
                (Some((start, opener)), '”') | (Some((start, opener @ '"')), '"')
                    if opener == '“' || c == '"' =>
                {
                    spans.push(Span {
                        paragraph,
                        open: start,
                        text_start: start + opener.len_utf8(),
                        text_end: i,
                        after: i + c.len_utf8(),
                        closed: true,
                    });
                    open = None;
                }
                _ => {}
            }
        }
        if let Some((start, opener)) = open {
            spans.push(Span {
                paragraph,
                open: start,
                text_start: start + opener.len_utf8(),
                text_end: text.len(),
                after: text.len(),
                closed: false,
            });
        }
    }
    spans
}

/// Groups an unclosed span with the span opening the next paragraph.
fn merge_continued(spans: Vec<Span>) -> Vec<Vec<Span>> {
    let mut groups: Vec<Vec<Span>> = Vec::new();
    for span in spans {
        let continues = groups.last().and_then(|g| g.last()).is_some_and(|last| {
            !last.closed && span.paragraph == last.paragraph + 1 && span.open == 0
        });
        match groups.last_mut() {
            Some(group) if continues => group.push(span),
            _ => groups.push(vec![span]),
        }
    }
    groups
}

enum Found {
    Named(String, EntityKind, String),
    Pronoun(String),
    Unnamed(String),
}

/// "…,” Rehman said at the workshop." — the rest of the sentence after the closing mark, up
/// to the reporting verb. A quote ending with a full stop ended its sentence: what follows is
/// not its attribution.
fn attribution_after(paragraph: &str, span: &Span, mentions: &[Mention]) -> Option<Found> {
    if !span.closed {
        return None;
    }
    let quoted = paragraph.get(span.text_start..span.text_end)?.trim_end();
    if quoted.ends_with('.') {
        return None;
    }
    let rest = paragraph.get(span.after..)?;
    let sentence_end = rest
        .find(['“', '"'])
        .unwrap_or(rest.len())
        .min(sentence_end(rest));
    let tail = rest.get(..sentence_end)?;
    let verb = word_offsets(tail)
        .take(TAIL_WORDS)
        .find(|(_, w)| VERBS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))?;
    let verb_end = verb.0 + verb.1.trim_end_matches(['.', ',']).len();
    let phrase = tail
        .get(..verb_end)?
        .trim_start_matches([',', ' '])
        .to_string();
    classify(
        phrase,
        mentions,
        span.paragraph,
        span.after,
        span.after + verb_end,
    )
}

/// Words of `text` with their byte offsets.
fn word_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |word| {
        let offset = word.as_ptr() as usize - text.as_ptr() as usize;
        (offset, word)
    })
}

/// "he wrote: “…”", "released a statement, saying “…”" — the sentence before the opening mark.
fn attribution_before(paragraph: &str, span: &Span, mentions: &[Mention]) -> Option<Found> {
    let before = paragraph.get(..span.open)?;
    let lead_start = before.rfind(['.', '”', '"']).map_or(0, |i| i + 1);
    let lead = before.get(lead_start..)?.trim_end();
    let ends_as_attribution = lead.ends_with(':')
        || lead.ends_with(',')
        || lead
            .split_whitespace()
            .next_back()
            .is_some_and(|w| VERBS.contains(&w));
    if !ends_as_attribution {
        return None;
    }
    let words: Vec<&str> = lead.split_whitespace().collect();
    let has_verb = words
        .iter()
        .any(|w| VERBS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())));
    if !has_verb {
        return None;
    }
    let phrase = lead.trim_end_matches([':', ',']).trim().to_string();
    classify(phrase, mentions, span.paragraph, lead_start, span.open)
}

/// Offset just past the first full stop that ends a sentence (not "H.E." or "Dr.").
fn sentence_end(text: &str) -> usize {
    let mut search_from = 0;
    while let Some(found) = text.get(search_from..).and_then(|t| t.find('.')) {
        let at = search_from + found;
        let next = text.get(at + 1..).and_then(|t| t.chars().next());
        let previous_word = text
            .get(..at)
            .and_then(|t| t.split_whitespace().next_back())
            .unwrap_or("");
        let abbreviation = previous_word.len() <= 3
            && previous_word.chars().next().is_some_and(char::is_uppercase);
        if next.is_none_or(char::is_whitespace) && !abbreviation {
            return at + 1;
        }
        search_from = at + 1;
    }
    text.len()
}

/// Who the attribution words name: a person, else a pronoun, else an organisation.
fn classify(
    phrase: String,
    mentions: &[Mention],
    paragraph: usize,
    start: usize,
    end: usize,
) -> Option<Found> {
    let inside: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.unit == paragraph && m.start >= start && m.end <= end)
        .collect();
    if let Some(person) = inside.iter().rev().find(|m| m.kind == EntityKind::Person) {
        return Some(Found::Named(person.name.clone(), person.kind, phrase));
    }
    let has_pronoun = phrase
        .split_whitespace()
        .any(|w| PRONOUNS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())));
    if has_pronoun {
        return Some(Found::Pronoun(phrase));
    }
    match inside.iter().find(|m| m.kind == EntityKind::Organisation) {
        Some(org) => Some(Found::Named(org.name.clone(), org.kind, phrase)),
        None => Some(Found::Unnamed(phrase)),
    }
}

/// The single person named in the nearest paragraph (this one before the quote, then earlier
/// ones) that names anyone; `None` when that paragraph names several people.
fn resolve_pronoun(mentions: &[Mention], span: &Span) -> Option<String> {
    for paragraph in (0..=span.paragraph).rev() {
        let mut people: Vec<&str> = mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person && m.unit == paragraph)
            .filter(|m| paragraph < span.paragraph || m.end <= span.open)
            .map(|m| m.name.as_str())
            .collect();
        people.sort_unstable();
        people.dedup();
        match people.as_slice() {
            [] => continue,
            [one] => return Some((*one).to_string()),
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(body: &[&str]) -> Article {
        Article {
            id: "a".into(),
            title: "Title".into(),
            kind: "news".into(),
            file: "f".into(),
            body: body.iter().map(|s| crate::Text::from(*s)).collect(),
            ..Article::default()
        }
    }

    fn quotes(body: &[&str]) -> Vec<Quote> {
        extract_quotes(&[article(body)])
    }

    #[test]
    fn named_pronoun_and_continuation() {
        let q = quotes(&[
            "Foreign Minister Ishaq Dar spoke on Monday.",
            "“India has a habit of blaming others,” he said. “If India has evidence, it should present it.”",
            "“We will defend our water with full force,” Dar said.",
        ]);
        assert_eq!(q.len(), 3);
        assert_eq!(q[0].speaker.as_deref(), Some("Ishaq Dar"));
        assert_eq!(q[0].resolution, Resolution::Pronoun);
        assert_eq!(q[1].resolution, Resolution::Continuation);
        assert_eq!(q[2].resolution, Resolution::Named);
        assert_eq!(q[2].speaker.as_deref(), Some("Ishaq Dar"));
    }

    #[test]
    fn speaker_before_the_quote_and_scare_quotes_skipped() {
        let q = quotes(&[
            "Defense Minister Khawaja Asif called it an “act of war” on Tuesday.",
            "Posting on X, he wrote: “These provisions need no interpretation at all.”",
        ]);
        assert_eq!(q.len(), 1, "{q:#?}");
        assert_eq!(q[0].speaker.as_deref(), Some("Khawaja Asif"));
        assert_eq!(q[0].paragraph, 1);
    }

    #[test]
    fn ambiguous_pronoun_stays_unknown() {
        let q = quotes(&[
            "Prime Minister Narendra Modi met President Emmanuel Macron.",
            "“We agreed on a new path for both of us,” he said.",
        ]);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker, None);
        assert_eq!(q[0].attribution.as_deref(), Some("he said"));
    }

    #[test]
    fn quote_spanning_paragraphs() {
        let q = quotes(&[
            "Ambassador Munir Akram spoke.",
            "“The first part of what I want to say goes here.",
            "“And the second part of it ends here,” Akram said.",
        ]);
        assert_eq!(q.len(), 1, "{q:#?}");
        assert!(q[0].text.contains('\n'));
        assert_eq!(q[0].speaker.as_deref(), Some("Munir Akram"));
    }
}
