//! Quotations: each direct quotation of an article's body with its speaker when the text
//! attributes it.
//!
//! Quotation marks: double and single ones, curly or straight. A single mark counts only where
//! an apostrophe cannot be ("don’t", "Pakistan’s", "’90s", "’til" open and close nothing; "the
//! talks’ outcome" closes a quotation only if no later mark does); a quotation inside another
//! is part of it.
//!
//! Attribution, in order: a reporting verb after the quote in the same sentence
//! ("…,” Rehman said; "…,” Nasir Ayyaz, legal director …, told …; "…,” said Minister Ali Khan;
//! "…,” said Tom Fielding, the mayor; "…,” according to …); a reporting verb before it
//! ("he wrote: “…”", "Ali Khan told reporters: “…”", "…, saying “…”", "According to Ali Khan,
//! “…”"); otherwise the quote continues the previous attributed quote of the same or the
//! previous paragraph ("“A,” he said. “B.”"). The speaker is the person the entity extractor
//! names there (titles dropped, as it drops them), else a name right next to the verb that it
//! did not take for a person for want of context, else an unnamed institution or official as
//! written ("the finance ministry said" -> "Finance ministry"; a short list of head words, so
//! "the report said" names no one). A pronoun speaker ("he said") resolves to the
//! one person named in the nearest paragraph before the quote that names any person; when that
//! paragraph names several people the speaker stays unknown. A quotation without a speaker is
//! kept, unattributed. An opening mark left unclosed at the end of a paragraph, followed by a
//! paragraph that opens with a quotation mark, is one quotation spanning both (the news
//! convention).

use crate::text::Text;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::entities::{
    first_body_unit, speaker_names, EntityExtractor, EntityKind, Mention, REPORTING_VERBS,
};

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
    /// Attributed to an unnamed institution or official ("the finance ministry said",
    /// "a spokesperson said"): the speaker is as written, and is no entity.
    Described,
    /// Attributed to no one that can be told ("the report said") or not attributed.
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

/// Words that end a speaker named after its verb ("said the mayor at a meeting with …").
const AFTER_SPEAKER: &[&str] = &[
    "about", "after", "and", "as", "at", "before", "but", "by", "during", "from", "in", "on",
    "that", "to", "when", "which", "while", "who", "with",
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

impl Span {
    /// A span from the opening mark `open` to the closing mark `close` (offset and mark).
    fn closed(paragraph: usize, open: (usize, char), close: (usize, char)) -> Span {
        Span {
            paragraph,
            open: open.0,
            text_start: open.0 + open.1.len_utf8(),
            text_end: close.0,
            after: close.0 + close.1.len_utf8(),
            closed: true,
        }
    }

    /// A span from the opening mark `open` to the end of the paragraph `text`.
    fn unclosed(paragraph: usize, open: (usize, char), text: &str) -> Span {
        Span {
            paragraph,
            open: open.0,
            text_start: open.0 + open.1.len_utf8(),
            text_end: text.len(),
            after: text.len(),
            closed: false,
        }
    }
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
    // Where the previous quotation ended (paragraph, offset): what comes before the next one is
    // read from there on, so many quotations in one paragraph cost no more than one.
    let mut read_to = (0, 0);
    for group in spans {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let from = if read_to.0 == first.paragraph {
            read_to.1
        } else {
            0
        };
        read_to = (last.paragraph, last.after);
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
            attribution_before(own, first, from, &mentions)
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
            Some(Found::Described(speaker, words)) => {
                (Some(speaker), None, Some(words), Resolution::Described)
            }
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

/// Quotation spans of each paragraph. Straight double quotes alternate open/close; single marks
/// are read only outside double ones (inside, they quote within the quote) and only where they
/// cannot be apostrophes; a quotation inside another is part of it.
fn find_spans(body: &[Text]) -> Vec<Span> {
    let mut spans = Vec::new();
    for (paragraph, text) in body.iter().enumerate() {
        let mut found = Vec::new();
        let mut double: Option<(usize, char)> = None;
        let mut single: Option<OpenSingle> = None;
        for (i, c) in text.char_indices() {
            match (double, c) {
                (None, '“' | '"') => double = Some((i, c)),
                (Some((start, opener)), '”' | '"') if (opener == '"') == (c == '"') => {
                    found.push(Span::closed(paragraph, (start, opener), (i, c)));
                    double = None;
                }
                // A new opening mark: the one before was an apostrophe, or closed at its
                // possessive-looking mark.
                (None, '‘' | '\'') if opens_single(text, i, c) => {
                    if let Some(span) = single.and_then(|s| s.possessive_close(paragraph)) {
                        add(&mut found, span);
                    }
                    single = Some(OpenSingle {
                        open: (i, c),
                        maybe_close: None,
                    });
                }
                (None, '’' | '\'') => {
                    let Some(open) = single.as_mut() else {
                        continue;
                    };
                    if (open.open.1 == '\'') != (c == '\'') || !closes_single(text, i, c) {
                        continue;
                    }
                    if ends_plural_possessive(text, i, c) {
                        open.maybe_close.get_or_insert((i, c));
                    } else {
                        add(&mut found, Span::closed(paragraph, open.open, (i, c)));
                        single = None;
                    }
                }
                _ => {}
            }
        }
        // A double mark left open runs to the end. A single one closes at its
        // possessive-looking mark, else runs to the end when it opens the paragraph (a quotation
        // going on in the next); elsewhere it was an apostrophe.
        if let Some(open) = double {
            found.push(Span::unclosed(paragraph, open, text));
        }
        if let Some(open) = single {
            match open.possessive_close(paragraph) {
                Some(span) => add(&mut found, span),
                None if open.open.0 == 0 => {
                    add(&mut found, Span::unclosed(paragraph, open.open, text))
                }
                None => {}
            }
        }
        spans.extend(found);
    }
    spans
}

/// Adds a single quotation to the paragraph's `found` ones, in order: those opening inside it
/// are part of it.
fn add(found: &mut Vec<Span>, span: Span) {
    let at = found
        .iter()
        .rposition(|s| s.open < span.open)
        .map_or(0, |i| i + 1);
    let later: Vec<Span> = found.drain(at..).filter(|s| s.open >= span.after).collect();
    found.push(span);
    found.extend(later);
}

/// A single quotation mark not yet closed.
#[derive(Clone, Copy)]
struct OpenSingle {
    /// Offset and mark.
    open: (usize, char),
    /// The first mark that may close it or end a plural possessive ("the talks’ outcome"),
    /// taken if no plain closing mark follows.
    maybe_close: Option<(usize, char)>,
}

impl OpenSingle {
    fn possessive_close(self, paragraph: usize) -> Option<Span> {
        Some(Span::closed(paragraph, self.open, self.maybe_close?))
    }
}

/// Words that an apostrophe opens ("rock ’n’ roll", "’til now").
const ELISIONS: &[&str] = &["bout", "cause", "em", "n", "til", "tis", "twas"];

/// A single mark at `at` opens a quotation when it follows a space or a bracket (or starts the
/// text) and a word follows it that no apostrophe opens: not "don’t", "Pakistan’s", "’90s",
/// "’til".
fn opens_single(text: &str, at: usize, mark: char) -> bool {
    let before = text.get(..at).and_then(|t| t.chars().next_back());
    let after = text.get(at + mark.len_utf8()..).unwrap_or("");
    let word = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–'))
        && after.starts_with(char::is_alphabetic)
        && !ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// A single mark at `at` may close a quotation when it follows a word and no letter or digit
/// follows it ("don’t").
fn closes_single(text: &str, at: usize, mark: char) -> bool {
    let before = text.get(..at).and_then(|t| t.chars().next_back());
    let after = text
        .get(at + mark.len_utf8()..)
        .and_then(|t| t.chars().next());
    before.is_some_and(|c| !c.is_whitespace()) && !after.is_some_and(char::is_alphanumeric)
}

/// The single mark at `at` may end a plural possessive: "s’ " before a lower-case word.
fn ends_plural_possessive(text: &str, at: usize, mark: char) -> bool {
    text.get(..at).is_some_and(|t| t.ends_with('s'))
        && text
            .get(at + mark.len_utf8()..)
            .and_then(|t| t.strip_prefix(' '))
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_lowercase()))
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
    /// An unnamed institution or official as written, and the attribution words.
    Described(String, String),
    Unnamed(String),
}

impl Found {
    /// An attribution naming no one, told by the `described` speaker when there is one.
    fn or_described(self, described: impl FnOnce() -> Option<String>) -> Found {
        match self {
            Found::Unnamed(phrase) => match described() {
                Some(speaker) => Found::Described(speaker, phrase),
                None => Found::Unnamed(phrase),
            },
            found => found,
        }
    }
}

/// "…,” Rehman said at the workshop." — the rest of the sentence after the closing mark, up
/// to the reporting verb and, when the verb comes first ("…,” said Minister Ali Khan."), its
/// speaker after it. A quote ending with a full stop ended its sentence: what follows is not
/// its attribution.
fn attribution_after(paragraph: &str, span: &Span, mentions: &[Mention]) -> Option<Found> {
    if !span.closed {
        return None;
    }
    let quoted = paragraph.get(span.text_start..span.text_end)?.trim_end();
    if quoted.ends_with('.') {
        return None;
    }
    let rest = paragraph.get(span.after..)?;
    // Up to the next quotation first, so that the search for a full stop ends there.
    let rest = rest.get(..rest.find(['“', '"', '‘']).unwrap_or(rest.len()))?;
    let tail = rest.get(..sentence_end(rest))?;
    let verb = word_offsets(tail)
        .take(TAIL_WORDS)
        .find(|&(_, w)| is_verb(w))?;
    let clause = Clause {
        text: tail,
        start: span.after,
        unit: span.paragraph,
    };
    let verb_end = verb.0 + verb.1.trim_end_matches(['.', ',']).len();
    let phrase = tail.get(..verb_end)?.trim_start_matches([',', ' ']);
    clause.speaker(verb, phrase, mentions)
}

/// Words of `text` with their byte offsets.
fn word_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |word| {
        let offset = word.as_ptr() as usize - text.as_ptr() as usize;
        (offset, word)
    })
}

/// A reporting verb: lower-case ("Said" is also a name), or "According" opening a sentence.
fn is_verb(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphabetic());
    REPORTING_VERBS.contains(&word) || word == "According"
}

/// "he wrote: “…”", "released a statement, saying “…”", "According to Ali Khan, “…”" — the
/// sentence before the opening mark, from byte `from` on.
fn attribution_before(
    paragraph: &str,
    span: &Span,
    from: usize,
    mentions: &[Mention],
) -> Option<Found> {
    let before = paragraph.get(from..span.open)?;
    let lead_start = from + before.rfind(['.', '”', '"']).map_or(0, |i| i + 1);
    let lead = paragraph.get(lead_start..span.open)?.trim_end();
    let ends_as_attribution = lead.ends_with(':')
        || lead.ends_with(',')
        || lead.split_whitespace().next_back().is_some_and(is_verb);
    if !ends_as_attribution {
        return None;
    }
    let verb = word_offsets(lead).filter(|&(_, w)| is_verb(w)).last()?;
    let clause = Clause {
        text: lead,
        start: lead_start,
        unit: span.paragraph,
    };
    clause.speaker(verb, lead.trim_end_matches([':', ',']).trim(), mentions)
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

/// Words around a reporting verb: `text` starts at byte `start` of paragraph `unit`.
struct Clause<'a> {
    text: &'a str,
    start: usize,
    unit: usize,
}

impl Clause<'_> {
    /// Who the reporting verb at `verb` (offset, word) names: the speaker before it ("Rehman
    /// said"; `phrase` is the attribution as written), else, when nothing comes before it, the
    /// speaker after it ("said Tom Fielding, the mayor", "according to Ali Khan").
    fn speaker(&self, verb: (usize, &str), phrase: &str, mentions: &[Mention]) -> Option<Found> {
        let (verb_at, word) = verb;
        let before = self.text.get(..verb_at)?;
        if before.contains(char::is_alphanumeric) {
            // A name the entity rules missed counts only right before the verb.
            let name = || {
                speaker_names(before)
                    .last()
                    .copied()
                    .filter(|&(_, end)| end == before.trim_end().len())
            };
            let verb_end = verb_at + word.trim_end_matches(['.', ',']).len();
            // "In a statement, the foreign office said": the speaker opens the clause or
            // follows its last comma.
            let described = || {
                let after_comma = before.rsplit(',').next().unwrap_or(before);
                described_speaker(after_comma)
            };
            let found = self.classify(phrase, mentions, 0..verb_end, Pick::Last, name);
            return Some(found.or_described(described));
        }
        let mut from = verb_at + word.len();
        if word.eq_ignore_ascii_case("according") {
            if let Some((to_at, "to")) = word_offsets(self.text.get(from..)?).next() {
                from += to_at + "to".len();
            }
        }
        let end = from + speaker_len(self.text.get(from..)?);
        let subject = self.text.get(from..end)?;
        let name = || {
            speaker_names(subject)
                .first()
                .map(|&(start, stop)| (from + start, from + stop))
        };
        let phrase = self.text.get(verb_at..end).map_or(phrase, str::trim);
        let found = self.classify(phrase, mentions, from..end, Pick::First, name);
        Some(found.or_described(|| described_speaker(subject)))
    }

    /// Who the attribution words `phrase` name, from what is named within `words` (a byte range
    /// of the clause): a person, else `name` (a range of the clause: a person the entity rules
    /// missed; looked for only then), else a pronoun, else an organisation. A person named in
    /// the possessive is not the speaker ("Ali Khan’s spokesman said").
    fn classify(
        &self,
        phrase: &str,
        mentions: &[Mention],
        words: std::ops::Range<usize>,
        pick: Pick,
        name: impl FnOnce() -> Option<(usize, usize)>,
    ) -> Found {
        let possessive = |end: usize| {
            self.text
                .get(end..)
                .is_some_and(|t| t.starts_with(['’', '\'']))
        };
        let inside: Vec<&Mention> = mentions
            .iter()
            .filter(|m| {
                m.unit == self.unit
                    && m.start >= self.start + words.start
                    && m.end <= self.start + words.end
            })
            .collect();
        let mut people = inside
            .iter()
            .filter(|m| m.kind == EntityKind::Person && !possessive(m.end - self.start));
        let person = match pick {
            Pick::Last => people.next_back(),
            Pick::First => people.next(),
        };
        let phrase = phrase.to_string();
        if let Some(person) = person {
            // "The office of President Macron released a statement, saying …": the office
            // speaks, not the man; quoting him would misattribute the words.
            let before = self
                .text
                .get(..person.start.saturating_sub(self.start))
                .unwrap_or("");
            if for_whom_the_office_speaks(before) {
                return Found::Named(
                    format!("Office of {}", person.name),
                    EntityKind::Organisation,
                    phrase,
                );
            }
            return Found::Named(person.name.clone(), person.kind, phrase);
        }
        let name = name()
            .filter(|&(_, end)| !possessive(end))
            .and_then(|(start, end)| self.text.get(start..end));
        if let Some(name) = name {
            return Found::Named(name.to_string(), EntityKind::Person, phrase);
        }
        let has_pronoun = phrase
            .split_whitespace()
            .any(|w| PRONOUNS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())));
        if has_pronoun {
            return Found::Pronoun(phrase);
        }
        match inside.iter().find(|m| m.kind == EntityKind::Organisation) {
            Some(org) => Found::Named(org.name.clone(), org.kind, phrase),
            None => Found::Unnamed(phrase),
        }
    }
}

/// Whether `before` (the text before a person's name) ends "office of", perhaps with a title
/// after it ("the office of President"): the name is whose office speaks.
fn for_whom_the_office_speaks(before: &str) -> bool {
    let mut words = before.split_whitespace().rev().peekable();
    while words
        .peek()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
    {
        words.next();
    }
    matches!((words.next(), words.next()), (Some("of"), Some(office)) if office.eq_ignore_ascii_case("office"))
}

/// Length of the speaker at the start of `text`, which follows its reporting verb: up to a word
/// that starts something else ("at a meeting with …", "who …"), or to a comma that ends a name
/// or is followed by no name ("Tom Fielding, the mayor", "the mayor, Tom Fielding").
fn speaker_len(text: &str) -> usize {
    let mut end = 0;
    let mut named = false;
    let mut after_comma = false;
    for (at, word) in word_offsets(text) {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = bare.starts_with(|c: char| c.is_ascii_uppercase());
        if AFTER_SPEAKER.contains(&bare) || (after_comma && (named || !capital)) {
            break;
        }
        named |= capital;
        end = at + word.trim_end_matches([',', '.', ';', ':']).len();
        after_comma = word.ends_with(',');
        if word.ends_with([';', ':']) {
            break;
        }
    }
    end
}

/// The unnamed speaker `text` is, as written: a few plain words ending with one of these
/// ("the finance ministry", "a foreign office spokesperson", "officials"). Only these: other
/// words ("the report said", "the old man said") name no one that a reader can tell apart.
const DESCRIBED_HEADS: &[&str] = &[
    "army",
    "commission",
    "committee",
    "department",
    "embassy",
    "government",
    "military",
    "ministry",
    "office",
    "official",
    "officials",
    "police",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];
/// Words of a described speaker at most, its article aside.
const DESCRIBED_WORDS: usize = 3;

/// The speaker `text` describes ("the finance ministry" -> "Finance ministry"): an optional
/// article, then at most [`DESCRIBED_WORDS`] words of letters (the first may be capitalised:
/// "Officials said", "Pakistani officials said"; the others are lower case), the last one of
/// [`DESCRIBED_HEADS`]. Written with a capital, without the article.
fn described_speaker(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().take(DESCRIBED_WORDS + 2).collect();
    let words = match words.split_first() {
        Some((first, rest)) if ["the", "a", "an"].contains(&first.to_lowercase().as_str()) => rest,
        _ => words.as_slice(),
    };
    let (first, rest) = words.split_first()?;
    let letters = |word: &str, first_upper: bool| {
        word.chars().enumerate().all(|(i, c)| {
            c.is_ascii_lowercase()
                || (c == '-' && i > 0)
                || (first_upper && i == 0 && c.is_ascii_uppercase())
        })
    };
    let fits = words.len() <= DESCRIBED_WORDS
        && words
            .last()
            .is_some_and(|head| DESCRIBED_HEADS.contains(&head.to_lowercase().as_str()))
        && letters(first, true)
        && rest.iter().all(|word| letters(word, false));
    if !fits {
        return None;
    }
    let described = words.join(" ");
    let mut chars = described.chars();
    let initial = chars.next()?;
    Some(initial.to_uppercase().chain(chars).collect())
}

/// Which of several people an attribution names: the last before the verb ("Nasir Ayyaz, legal
/// director …, told"), the first after it ("said Ali Khan, speaking for Sara Malik").
#[derive(Clone, Copy)]
enum Pick {
    Last,
    First,
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
    fn an_office_speaking_for_a_person_is_the_speaker() {
        let q = quotes(&[
            "The office of President Emmanuel Macron released a statement on Monday, saying “now that half of humanity is online, we need new ways to organize the internet.”",
            "President Emmanuel Macron said: “We will defend a free and open internet for everyone.”",
        ]);
        let speakers: Vec<_> = q.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("Office of Emmanuel Macron"), Some("Emmanuel Macron")]
        );
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

    /// Notes `body` in `wrong` unless its one quotation is attributed to `speaker`.
    fn check(wrong: &mut Vec<String>, body: &str, speaker: &str) {
        let q = quotes(&[body]);
        if q.len() != 1 || q[0].speaker.as_deref() != Some(speaker) {
            wrong.push(format!("{body} -> {q:?}"));
        }
    }

    #[test]
    fn titled_speaker_after_the_verb() {
        let mut wrong = Vec::new();
        for said in [
            "said Minister Ali Khan.",
            "said Prime Minister Ali Khan.",
            "said Foreign Minister Ali Khan on Monday.",
            "said Ambassador Ali Khan.",
            "said Senator Ali Khan.",
            "said President Ali Khan.",
            "said Dr Ali Khan.",
            "said Dr. Ali Khan.",
            "said General Ali Khan.",
            "said foreign ministry spokesperson Ali Khan.",
        ] {
            let text = format!("“We will not raise taxes this year,” {said}");
            check(&mut wrong, &text, "Ali Khan");
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn speaker_with_an_appositive() {
        let mut wrong = Vec::new();
        for body in [
            "“We will rebuild the harbour wall before winter,” said Tom Fielding, the mayor.",
            "Tom Fielding, the mayor, said “We will rebuild the harbour wall before winter.”",
            "Tom Fielding, the mayor, said: “We will rebuild the harbour wall before winter.”",
            "“We will rebuild the harbour wall before winter,” said the mayor, Tom Fielding.",
        ] {
            check(&mut wrong, body, "Tom Fielding");
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn a_verb_after_the_quote_names_no_one_beyond_its_clause() {
        let q = quotes(&[
            "Ali Khan and Sara Malik met on Monday.",
            "“We will rebuild the harbour wall before winter,” said the mayor at a meeting with Sara Malik.",
        ]);
        assert_eq!(q.len(), 1, "{q:#?}");
        assert_eq!(q[0].speaker, None);
        assert_eq!(q[0].attribution.as_deref(), Some("said the mayor"));
    }

    #[test]
    fn a_person_in_the_possessive_is_not_the_speaker() {
        for said in [
            "Ali Khan’s spokesman said.",
            "said Ali Khan’s spokesman.",
            "said Minister Ali Khan’s office.",
        ] {
            let q = quotes(&[
                "Ali Khan, the mayor, spoke on Monday.",
                &format!("“We will rebuild the harbour wall before winter,” {said}"),
            ]);
            assert_eq!(q.len(), 1, "{q:#?}");
            assert_eq!(q[0].speaker, None, "{said}");
        }
    }

    #[test]
    fn an_unnamed_institution_or_official_speaks_as_written() {
        let mut wrong = Vec::new();
        let quote = "“We will not raise taxes this year,”";
        for (said, speaker) in [
            (
                "the finance ministry said in a statement.",
                "Finance ministry",
            ),
            ("the foreign office said.", "Foreign office"),
            ("a spokesperson said.", "Spokesperson"),
            ("officials said on Monday.", "Officials"),
            ("police said.", "Police"),
            ("Pakistani officials said.", "Pakistani officials"),
            ("said the ministry in a statement.", "Ministry"),
            (
                "said a foreign ministry spokesperson, adding more.",
                "Foreign ministry spokesperson",
            ),
        ] {
            check(&mut wrong, &format!("{quote} {said}"), speaker);
        }
        for (lead, speaker) in [
            (
                "In a statement on Monday, the foreign office said:",
                "Foreign office",
            ),
            (
                "A government spokesman told reporters:",
                "Government spokesman",
            ),
            ("Officials said:", "Officials"),
        ] {
            let body = format!("{lead} “We will not raise taxes this year.”");
            check(&mut wrong, &body, speaker);
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
        let q = quotes(&["“We will not raise taxes this year,” the finance ministry said."]);
        assert_eq!(q[0].resolution, Resolution::Described);
        assert_eq!(
            q[0].attribution.as_deref(),
            Some("the finance ministry said")
        );
        // Ordinary lower-case words name no one.
        for said in [
            "the report said.",
            "the old man said.",
            "a man who spoke to police said.",
            "the ministry’s spokesman said.",
            "said the report on the ministry.",
        ] {
            let q = quotes(&[&format!("{quote} {said}")]);
            assert_eq!(q.len(), 1, "{q:#?}");
            assert_eq!(q[0].speaker, None, "{said}");
        }
    }

    #[test]
    fn colon_introduced_quotes() {
        let mut wrong = Vec::new();
        for lead in [
            "Ali Khan said:",
            "Ali Khan says:",
            "Ali Khan told reporters:",
            "Ali Khan told reporters on Monday:",
            "Ali Khan added:",
            "Ali Khan stated:",
            "Ali Khan warned:",
            "Ali Khan noted:",
            "Ali Khan argued:",
            "Minister Ali Khan insisted:",
            "According to Ali Khan,",
        ] {
            for (open, close) in [("“", "”"), ("\"", "\"")] {
                let text = format!("{lead} {open}We will not raise taxes this year.{close}");
                check(&mut wrong, &text, "Ali Khan");
            }
        }
        check(
            &mut wrong,
            "“We will not raise taxes this year,” according to Minister Ali Khan.",
            "Ali Khan",
        );
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn single_curly_quotes_but_not_apostrophes() {
        let q = quotes(&[
            "Pakistan’s Minister Ali Khan spoke in the ’90s style.",
            "‘We don’t accept the country’s new terms at all,’ he said.",
            "Khan added: ‘The talks’ outcome is not what Pakistan’s people wanted.’",
        ]);
        assert_eq!(q.len(), 2, "{q:#?}");
        assert_eq!(q[0].text, "We don’t accept the country’s new terms at all");
        assert_eq!(q[0].speaker.as_deref(), Some("Ali Khan"));
        assert_eq!(
            q[1].text,
            "The talks’ outcome is not what Pakistan’s people wanted."
        );
        assert_eq!(q[1].speaker.as_deref(), Some("Ali Khan"));
        // Apostrophes alone open nothing, and a stray opening one hides no double quotation.
        let q = quotes(&[
            "Rock ‘n’ roll was the sound of the ’90s and the country’s youth, ‘til now.",
            "They stayed ‘til noon. “We will rebuild the harbour wall,” Ali Khan said.",
            "Britain’s ‘long-term plan’ was called ‘fair’ by the workers’ union.",
        ]);
        assert_eq!(q.len(), 1, "{q:#?}");
        assert_eq!(q[0].speaker.as_deref(), Some("Ali Khan"));
    }

    #[test]
    fn straight_single_quotes_but_not_apostrophes() {
        let q = quotes(&[
            "The council called it 'a plan for the next ten years' on Monday.",
            "'We will rebuild the harbour wall before winter,' said Ali Khan.",
            "Rock 'n' roll was big in the '90s, and the workers' union met 'til late.",
            "'Cause we were goin' home, Russia's envoy and the Smiths' farm were far away.",
            "They stayed 'til noon. \"We will rebuild the harbour wall,\" Ali Khan said.",
        ]);
        let found: Vec<(&str, Option<&str>)> = q
            .iter()
            .map(|q| (q.text.as_str(), q.speaker.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                ("a plan for the next ten years", None),
                (
                    "We will rebuild the harbour wall before winter",
                    Some("Ali Khan")
                ),
                ("We will rebuild the harbour wall", Some("Ali Khan")),
            ]
        );
    }

    #[test]
    fn nested_quotes_are_one_quotation() {
        let q = quotes(&[
            "“They called it ‘a plan for the next ten years’ and then dropped it,” Ali Khan said.",
            "‘They called it “a plan for the next ten years” and then dropped it,’ Ali Khan said.",
            "‘They called it “a plan for the next ten years and then dropped it",
        ]);
        assert_eq!(q.len(), 3, "{q:#?}");
        assert!(q.iter().all(|q| q.text.starts_with("They called it")));
        // A single quotation closed at a possessive-looking mark leaves the one after it alone.
        let q = quotes(&["Ali Khan called it ‘a plan for the next ten years’ on Monday. “We will see it through to the end,” Ali Khan said."]);
        let texts: Vec<&str> = q.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "a plan for the next ten years",
                "We will see it through to the end"
            ]
        );
    }

    #[test]
    fn unattributed_quotes_are_kept() {
        let q = quotes(&["The sign read “no entry after dark for any of the visitors” on Monday."]);
        assert_eq!(q.len(), 1, "{q:#?}");
        assert_eq!(q[0].speaker, None);
        assert_eq!(q[0].resolution, Resolution::Unresolved);
    }
}
