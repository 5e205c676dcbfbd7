//! Capitalised phrases of one text unit: runs of capitalised words joined by spaces or hyphens,
//! with lower-case connectors inside ("Ministry of Information Technology",
//! "Noor-ul-Amin Mengal"), abbreviated titles ("Prof. Dr."), and possessives ending a phrase
//! (except "People’s", which opens names: "People’s Bank of China").

use crate::analysis::Analyzer;
use crate::ingest::dates::is_calendar_name;

/// One word of a phrase, possessive removed; byte offsets into the unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    pub(crate) text: &'a str,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// A run of words that may name something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Phrase<'a> {
    pub(crate) words: Vec<Word<'a>>,
    /// The phrase opens a sentence (so a capital proves nothing).
    pub(crate) sentence_initial: bool,
}

/// Lower-case words allowed inside a name.
const CONNECTORS: &[&str] = &[
    "al", "and", "bin", "da", "de", "del", "der", "e", "for", "la", "of", "on", "the", "ul", "van",
    "von",
];

/// Lower-case words written after a hyphen that make a name an adjective, not more of it:
/// "Imran Khan-led", "Sharif-era".
const HYPHEN_SUFFIXES: &[&str] = &["era", "free", "held", "led", "like", "made", "run", "wide"];

/// The letters of the longest lower-case syllable that goes on a name after a hyphen.
const MAX_NAME_SYLLABLE_LETTERS: usize = 4;

/// Abbreviations whose full stop does not end the phrase.
const ABBREVIATIONS: &[&str] = &[
    "Col", "Dr", "Gen", "H.E", "Lt", "Mr", "Mrs", "Ms", "Prof", "Sen", "St",
];

pub(crate) fn is_connector(word: &str) -> bool {
    CONNECTORS.contains(&word)
}

pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// An acronym: at least two letters, all upper case, optionally a plural `s` ("ICTs").
pub(crate) fn is_acronym(word: &str) -> bool {
    let core = word.strip_suffix('s').unwrap_or(word);
    core.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && core
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.')
}

/// Blanks honorific suffixes such as "(R)" (retired) with spaces of the same length, so byte
/// offsets stay valid and the title before them joins the name after them.
pub(crate) fn blank_suffixes(text: &str) -> String {
    let mut out = text.to_string();
    for marker in ["(R)", "(r)", "(Retd)", "(retd)", "(Retd.)", "(retd.)"] {
        out = out.replace(marker, &" ".repeat(marker.len()));
    }
    out
}

/// Possessives that belong to the name they open ("People’s Bank of China", "Pakistan Peoples’
/// Party"), unlike ordinary ones ("Pakistan’s Finance Minister").
fn is_name_possessive(word: &str) -> bool {
    matches!(word, "People's" | "People’s" | "Peoples")
}

fn strip_possessive(raw: &str) -> (&str, bool) {
    if is_name_possessive(raw) {
        return (raw, false);
    }
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stripped) = raw.strip_suffix(suffix) {
            return (stripped, true);
        }
    }
    (raw, false)
}

fn sentence_initial(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let trimmed = before.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '*' | '•')
    });
    trimmed.is_empty()
        || trimmed.ends_with(['.', '!', '?', ':', '—', '–'])
        || trimmed.ends_with("--")
}

/// Splits `text` into capitalised phrases.
pub(crate) fn phrases<'a>(analyzer: &Analyzer, text: &'a str) -> Vec<Phrase<'a>> {
    let mut out = Vec::new();
    let mut current: Vec<Word<'a>> = Vec::new();
    // End of the previous word including its possessive, and whether it had one.
    let mut previous_end = 0;
    let mut previous_possessive = false;
    let mut current_initial = false;
    for token in analyzer.tokens(text) {
        let raw = text.get(token.start..token.end).unwrap_or("");
        let (word, possessive) = strip_possessive(raw);
        let word = Word {
            text: word,
            start: token.start,
            end: token.start + word.len(),
        };
        let gap = text.get(previous_end..token.start).unwrap_or("");
        let previous_word = current.last().map_or("", |w| w.text);
        let joined = !current.is_empty()
            && !previous_possessive
            && (gap_joins(gap)
                || (gap == ". " && ABBREVIATIONS.contains(&previous_word))
                || (matches!(gap, "’ " | "' ") && is_name_possessive(previous_word)));
        let capitalised = is_capitalised(word.text);
        let connector_fits = is_connector(word.text) && connector_allowed(word.text, &current);
        // "the Senate on Wednesday", "a Committee on 5 May": a day or month after a connector
        // is when, not more of the name.
        let after_connector = current.last().is_some_and(|w| is_connector(w.text));
        let joined = joined && !(after_connector && is_calendar_name(word.text));
        // "Choi Sang-mok", "Moon Jae-in": a given name's second syllable, in lower case after
        // a hyphen, is the name's (the name was cut to "Choi Sang"). Only after two words of a
        // name, and short: "US-led", "Pakistan-based" are not names going on.
        let syllable = gap == "-"
            && current.len() >= 2
            && word.text.len() <= MAX_NAME_SYLLABLE_LETTERS
            && word.text.chars().all(|c| c.is_ascii_lowercase())
            && !HYPHEN_SUFFIXES.contains(&word.text);
        if joined && syllable {
            if let Some(last) = current.last_mut() {
                last.text = text.get(last.start..word.end).unwrap_or(last.text);
                last.end = word.end;
            }
        } else if joined && (capitalised || connector_fits) {
            current.push(word);
        } else {
            finish(&mut current, current_initial, &mut out);
            if capitalised {
                current_initial = sentence_initial(text, token.start);
                current.push(word);
            }
        }
        previous_end = token.end;
        previous_possessive = possessive;
    }
    finish(&mut current, current_initial, &mut out);
    join_organisation_halves(text, out)
}

/// "Social Media Protection and Regulatory Authority", "Securities and Exchange Commission":
/// two runs of capitals joined by "and" are one name when the second ends as an organisation's
/// name does and the first is no name of its own (it ends in no such word, and is no country,
/// place or organisation the gazetteer knows), or when the gazetteer knows the whole ("Jammu
/// and Kashmir"). "India and Pakistan", "the Senate and the Committee" stay apart, as
/// `connector_allowed` keeps them.
fn join_organisation_halves<'a>(text: &'a str, phrases: Vec<Phrase<'a>>) -> Vec<Phrase<'a>> {
    let mut out: Vec<Phrase<'a>> = Vec::with_capacity(phrases.len());
    for phrase in phrases {
        let before = out.last().map(|b| (b.words.first(), b.words.last()));
        // Where the joining "and" starts, when the two join.
        let and_start = match (before, phrase.words.first(), phrase.words.last()) {
            (Some((Some(start), Some(end))), Some(first), Some(last)) => {
                let named = |from: usize, to: usize| {
                    super::gazetteer::lookup(text.get(from..to).unwrap_or("")).is_some()
                };
                let joins = text.get(end.end..first.start) == Some(" and ")
                    && ((super::is_organisation_head(last.text)
                        && !super::is_organisation_head(end.text)
                        && !named(start.start, end.end))
                        || named(start.start, last.end));
                joins.then_some(end.end + 1)
            }
            _ => None,
        };
        match (out.last_mut(), and_start) {
            (Some(before), Some(and_start)) => {
                before.words.push(Word {
                    text: "and",
                    start: and_start,
                    end: and_start + 3,
                });
                before.words.extend(phrase.words);
            }
            _ => out.push(phrase),
        }
    }
    out
}

fn gap_joins(gap: &str) -> bool {
    gap == "-" || (!gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

/// "and" only inside names that already have "of"/"on"/"for" ("Chambers of Commerce and
/// Industry"), so "India and Pakistan" stays two names; "the" only after such a word; "for" and
/// "on" only after an organisation head or a title ("Committee on …", "Minister for …"), so
/// "Aljadaan for Saudi Arabia" and "Aurangzeb on Wednesday" split.
fn connector_allowed(word: &str, current: &[Word<'_>]) -> bool {
    let previous = current.last().map_or("", |w| w.text);
    match word {
        "for" | "on" => super::is_organisation_head(previous) || super::is_title(previous),
        "and" => current
            .iter()
            .any(|w| matches!(w.text, "of" | "on" | "for")),
        "the" => current
            .last()
            .is_some_and(|w| matches!(w.text, "of" | "on" | "for")),
        _ => true,
    }
}

fn finish<'a>(current: &mut Vec<Word<'a>>, initial: bool, out: &mut Vec<Phrase<'a>>) {
    while current.last().is_some_and(|w| is_connector(w.text)) {
        current.pop();
    }
    if !current.is_empty() {
        out.push(Phrase {
            words: std::mem::take(current),
            sentence_initial: initial,
        });
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        let blanked = blank_suffixes(text);
        phrases(&Analyzer::default(), &blanked)
            .iter()
            .map(|p| {
                let start = p.words.first().unwrap().start;
                let end = p.words.last().unwrap().end;
                blanked[start..end].to_string()
            })
            .collect()
    }

    #[test]
    fn connectors_hyphens_titles_and_possessives() {
        assert_eq!(
            texts("the Ministry of Information Technology said"),
            vec!["Ministry of Information Technology"]
        );
        assert_eq!(
            texts("Punjab Home Secretary Noor-ul-Amin Mengal approved"),
            vec!["Punjab Home Secretary Noor-ul-Amin Mengal"]
        );
        assert_eq!(
            texts("In his address, Prof. Dr. Muhammad Iqbal Choudhary, Coordinator"),
            vec!["In", "Prof. Dr. Muhammad Iqbal Choudhary", "Coordinator"]
        );
        assert_eq!(
            texts("Pakistan’s Deputy Prime Minister Ishaq Dar announced"),
            vec!["Pakistan", "Deputy Prime Minister Ishaq Dar"]
        );
        assert_eq!(
            texts("Chairman Major General (R) Hafeez Ur Rehman as he"),
            vec!["Chairman Major General     Hafeez Ur Rehman"]
        );
        assert_eq!(
            texts("the People’s Bank of China met Pakistan Peoples’ Party leaders"),
            vec!["People’s Bank of China", "Pakistan Peoples’ Party"]
        );
        assert_eq!(
            texts("between India and Pakistan"),
            vec!["India", "Pakistan"]
        );
        // A given name's second syllable after a hyphen, in lower case, is the name's.
        assert_eq!(
            texts("Acting president Choi Sang-mok met Moon Jae-in and the Imran Khan-led party"),
            vec!["Acting", "Choi Sang-mok", "Moon Jae-in", "Imran Khan"]
        );
        assert_eq!(
            texts("a US-led and Pakistan-run force"),
            vec!["US", "Pakistan"]
        );
        // A loaded file listed "Senate on Wednesday" among the organisations.
        assert_eq!(
            texts("the bill passed the Senate on Wednesday and the Committee on May 5"),
            vec!["Senate", "Wednesday", "Committee", "May"]
        );
        assert_eq!(
            texts("the Standing Committee on Information Technology met"),
            vec!["Standing Committee on Information Technology"]
        );
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym("PTA"));
        assert!(is_acronym("ICTs"));
        assert!(!is_acronym("Pakistan"));
        assert!(!is_acronym("A"));
    }
}
