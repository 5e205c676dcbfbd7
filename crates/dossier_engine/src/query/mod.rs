//! The query language, parsed into a typed [`Query`].
//!
//! ```text
//! query    := or
//! or       := and ("OR" and)*
//! and      := unary+
//! unary    := ("-" | "NOT") primary | primary
//! primary  := "(" or ")" | phrase | field ":" (word | phrase) | word
//! phrase   := '"' ... '"'
//! ```
//! Bare terms are all required. Fields: `title:` and `byline:` (text fields), `topic:` `kind:` `source:`
//! `place:` `person:` `org:` `country:` `year:` (facets), `date:2024-01..2025-06` (a range of
//! partial dates; either end may be left open).
//!
//! Parsing never fails: every problem becomes a [`QueryError`] that says what was wrong, where,
//! and what was done instead, and the rest of the query still runs. Input is bounded
//! ([`MAX_QUERY_BYTES`], [`MAX_CLAUSES`], [`MAX_DEPTH`]) so any string parses in bounded time.

use serde::{Deserialize, Serialize};

use crate::analysis::{self, Analyzer};
use crate::index::facets::FacetKey;
use crate::index::Field;

/// Longer queries are cut (at a char boundary) to this many bytes.
pub const MAX_QUERY_BYTES: usize = 1024;
/// At most this many terms, phrases and filters; the rest are ignored.
pub const MAX_CLAUSES: usize = 32;
/// At most this many nested parentheses.
pub const MAX_DEPTH: usize = 8;

/// The query language by example, as the page's help lists it: (what to type, what it finds).
/// Each parses without a problem into the construct it describes (tested), so the help cannot
/// teach what does not work.
pub const SYNTAX_EXAMPLES: [(&str, &str); 8] = [
    (
        "water treaty",
        "Both words, in any form (treaties), a small typo forgiven; the last word also as the start of a longer one (indus: Industry) until a space follows it",
    ),
    (
        "\"Minister for Power\"",
        "The words in this order, in any form; the short ones (for, it, of) as written",
    ),
    ("India OR China", "Either word"),
    (
        "cyber -crime",
        "The first word, never the second (also: cyber NOT crime)",
    ),
    (
        "title:cyber",
        "The word in the title (byline:name, or author:, in the byline)",
    ),
    (
        "person:akram",
        "Articles naming a person of that name (Munir Akram); also place: org: country: topic: kind: source: year:",
    ),
    (
        "date:2024-01..2024-06",
        "Dated in that span; either end may be left out",
    ),
    ("(India OR China) treaty", "Parentheses group"),
];

/// A byte range in the query text (char-boundary safe).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A problem in the query, with where it is and what was done about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryError {
    /// A sentence for the user, e.g. `Missing closing quote: searched "indus waters" as a phrase.`
    pub message: String,
    /// Where in the query text (bytes).
    pub span: Span,
}

/// One query word after analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermQuery {
    /// The word as typed.
    pub text: String,
    /// Folded (lower-cased, no diacritics), unstemmed: what prefix and typo matching use.
    pub folded: String,
    /// Stemmed: what exact matching uses.
    pub stem: String,
    pub is_stop_word: bool,
    /// Also match words that start with it (the word being typed).
    pub prefix: bool,
    /// Only this field (`title:`, `byline:`); None = every text field.
    pub field: Option<Field>,
    pub span: Span,
    /// Marked only where an article writes it in capitals: a short name that is also an
    /// everyday word, searched for the name ("US" for "united states", not "us").
    #[serde(default)]
    pub in_capitals: bool,
}

impl TermQuery {
    /// The analysed `token` of `source` as a whole word to search (no prefix), in `field`,
    /// typed at `span` of the query.
    pub(crate) fn of_token(
        source: &str,
        token: analysis::Token,
        field: Option<Field>,
        span: Span,
    ) -> Self {
        TermQuery {
            text: source
                .get(token.start..token.end)
                .unwrap_or_default()
                .to_string(),
            folded: token.folded,
            stem: token.term,
            is_stop_word: token.is_stop_word,
            prefix: false,
            field,
            span,
            in_capitals: false,
        }
    }
}

/// A phrase's words as its marks need them: each indexed word (`W`: a term id, or a stem) at
/// its offset from the phrase's first indexed word, and its stop-words, which the index leaves
/// out, as [`PhraseQuery::stop_words`]: marked only where written as typed, as it matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseWords<W> {
    pub words: Vec<(u32, W)>,
    pub stop_words: Vec<(i32, &'static str)>,
    /// The field it was searched in (`title:"..."`), the only one it is marked in; None = any.
    pub field: Option<Field>,
}

/// An exact phrase: its non-stop-word stems with their offsets from the first word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhraseQuery {
    pub text: String,
    /// (offset from the phrase's first word, stem), stop-words left out but counted.
    pub terms: Vec<(u32, String)>,
    pub field: Option<Field>,
    pub span: Span,
}

impl PhraseQuery {
    /// `text`'s words in a row, as the index has them; `None` when they are all stop-words.
    pub(crate) fn of_text(
        analyzer: &Analyzer,
        text: &str,
        field: Option<Field>,
        span: Span,
    ) -> Option<PhraseQuery> {
        let tokens = analyzer.tokens(text);
        // Offsets count from the first indexed word: leading stop-words constrain nothing.
        let first = tokens
            .iter()
            .find(|t| !t.is_stop_word)
            .map_or(0, |t| t.position);
        let terms: Vec<(u32, String)> = tokens
            .into_iter()
            .filter(|t| !t.is_stop_word)
            .map(|t| (t.position.saturating_sub(first), t.term))
            .collect();
        (!terms.is_empty()).then(|| PhraseQuery {
            text: text.trim().to_string(),
            terms,
            field,
            span,
        })
    }

    /// The phrase's stop-words, which the index leaves out, as (offset from its first indexed
    /// word, word): a match must write them where they stand ("it will become" is not
    /// "expected to become", nor "Minister of Power" "Minister for Power"). Read from its text
    /// when asked, not kept: a phrase is cloned and moved far more often than it is checked.
    pub fn stop_words(&self, analyzer: &Analyzer) -> Vec<(i32, &'static str)> {
        let words = analyzer.words(&self.text);
        let Some(first) = words.iter().find(|w| !analysis::is_stop_word(&w.folded)) else {
            return Vec::new();
        };
        let first = i64::from(first.position);
        let offset = |position: u32| i32::try_from(i64::from(position) - first).ok();
        words
            .iter()
            .filter_map(|w| Some((offset(w.position)?, analysis::stop_word(&w.folded)?)))
            .collect()
    }
}

/// A date range over partial dates (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), both ends inclusive:
/// `2024-01..2025-06` covers 1 January 2024 to 30 June 2025.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub from: Option<String>,
    pub to: Option<String>,
}

impl DateRange {
    /// Whether a `YYYY-MM-DD` date falls in the range (compared at each bound's precision).
    pub fn contains(&self, date: &str) -> bool {
        let after_from = self
            .from
            .as_deref()
            .is_none_or(|from| date.get(..from.len()).unwrap_or(date) >= from);
        let before_to = self
            .to
            .as_deref()
            .is_none_or(|to| date.get(..to.len()).unwrap_or(date) <= to);
        after_from && before_to
    }

    /// Whether both ends are given and the range ends before it starts (`2025-06..2024-01`),
    /// comparing the two at the shorter one's precision (`2024..2024-03` is not reversed).
    pub fn is_reversed(&self) -> bool {
        let (Some(from), Some(to)) = (self.from.as_deref(), self.to.as_deref()) else {
            return false;
        };
        let shared = from.len().min(to.len());
        from.get(..shared) > to.get(..shared)
    }

    /// Parses `from..to`, `from..`, `..to` or a single partial date (= that whole period).
    pub fn parse(text: &str) -> Result<DateRange, String> {
        let (from, to) = match text.split_once("..") {
            Some((from, to)) => (from.trim(), to.trim()),
            None => (text.trim(), text.trim()),
        };
        let bound = |part: &str| -> Result<Option<String>, String> {
            if part.is_empty() {
                Ok(None)
            } else if is_partial_date(part) {
                Ok(Some(part.to_string()))
            } else {
                Err(format!(
                    "'{part}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
                ))
            }
        };
        let range = DateRange {
            from: bound(from)?,
            to: bound(to)?,
        };
        if range.from.is_none() && range.to.is_none() {
            return Err("an empty date range; write e.g. date:2024-01..2025-06".into());
        }
        Ok(range)
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, digits only, month 01-12, day 01-31.
fn is_partial_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let in_range = |s: &str, max: u32| s.parse::<u32>().is_ok_and(|v| (1..=max).contains(&v));
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 12),
        [y, m, d] => {
            digits(y, 4) && digits(m, 2) && in_range(m, 12) && digits(d, 2) && in_range(d, 31)
        }
        _ => false,
    }
}

/// The typed query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Query {
    /// Every document (the empty query).
    All,
    Term(TermQuery),
    Phrase(PhraseQuery),
    /// Documents with a value of this facet holding these words in a row, ignoring case.
    Facet {
        key: FacetKey,
        value: String,
        /// Where the value was typed (with its quotes, if quoted).
        span: Span,
    },
    Date(DateRange),
    /// Every part must match.
    And(Vec<Query>),
    /// At least one part must match.
    Or(Vec<Query>),
    /// Must not match.
    Not(Box<Query>),
}

impl Query {
    /// True when the query holds more than words to find: a typed filter (`year:2024`,
    /// `person:dar`), a date range or an exclusion (`-treaty`).
    pub fn filters_or_excludes(&self) -> bool {
        match self {
            Query::Facet { .. } | Query::Date(_) | Query::Not(_) => true,
            Query::And(parts) | Query::Or(parts) => parts.iter().any(Query::filters_or_excludes),
            Query::All | Query::Term(_) | Query::Phrase(_) => false,
        }
    }

    /// Every word of `text` as a term, any of them may match: classic BM25 retrieval for
    /// natural-language queries (the evaluation uses this; no syntax, no prefix).
    pub fn any_words(analyzer: &Analyzer, text: &str) -> Query {
        let terms: Vec<Query> = analyzer
            .tokens(text)
            .into_iter()
            .filter(|t| !t.is_stop_word)
            .map(|t| {
                let span = Span {
                    start: t.start,
                    end: t.end,
                };
                Query::Term(TermQuery::of_token(text, t, None, span))
            })
            .collect();
        Query::Or(terms)
    }

    /// A readable rendering, for "Showing results for ..." and debugging.
    pub fn describe(&self) -> String {
        match self {
            Query::All => "everything".into(),
            Query::Term(t) => {
                let field = t
                    .field
                    .and_then(Field::query_name)
                    .map_or(String::new(), |name| format!("{name}:"));
                let star = if t.prefix { "*" } else { "" };
                format!("{field}{}{star}", t.folded)
            }
            Query::Phrase(p) => {
                let field = p
                    .field
                    .and_then(Field::query_name)
                    .map_or(String::new(), |name| format!("{name}:"));
                format!("{field}\"{}\"", p.text)
            }
            Query::Facet { key, value, .. } => format!("{}:{value}", key.name()),
            Query::Date(range) => format!(
                "date:{}..{}",
                range.from.as_deref().unwrap_or(""),
                range.to.as_deref().unwrap_or("")
            ),
            Query::And(parts) => parts
                .iter()
                .map(|p| match p {
                    Query::Or(_) => format!("({})", p.describe()),
                    _ => p.describe(),
                })
                .collect::<Vec<_>>()
                .join(" "),
            Query::Or(parts) => parts
                .iter()
                .map(|p| match p {
                    Query::And(v) if v.len() > 1 => format!("({})", p.describe()),
                    _ => p.describe(),
                })
                .collect::<Vec<_>>()
                .join(" OR "),
            Query::Not(inner) => match inner.as_ref() {
                Query::And(_) | Query::Or(_) => format!("-({})", inner.describe()),
                _ => format!("-{}", inner.describe()),
            },
        }
    }
}

/// How to read the query text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParseOptions {
    /// Treat the last word as a prefix when the text does not end in a space (search-as-you-type).
    pub prefix_last_word: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            prefix_last_word: true,
        }
    }
}

/// What the parser made of the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedQuery {
    pub query: Query,
    pub errors: Vec<QueryError>,
}

/// Parses query text. Never fails; see the module docs.
pub fn parse(text: &str, options: &ParseOptions) -> ParsedQuery {
    let mut errors = Vec::new();
    let text = if text.len() > MAX_QUERY_BYTES {
        let mut cut = MAX_QUERY_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        errors.push(QueryError {
            message: format!(
                "The query is {} bytes long; only the first {MAX_QUERY_BYTES} were used.",
                text.len()
            ),
            span: Span {
                start: cut,
                end: text.len(),
            },
        });
        text.get(..cut).unwrap_or_default()
    } else {
        text
    };
    let tokens = lex(text, &mut errors);
    let mut parser = Parser {
        tokens,
        next: 0,
        errors,
        unclosed: Vec::new(),
        clauses: 0,
        analyzer: Analyzer::default(),
        text,
    };
    let mut parts = Vec::new();
    while parser.peek().is_some() {
        let before = parser.next;
        if let Some(q) = parser.or(0) {
            parts.push(q);
        }
        if let Some(Token::Close(span)) = parser.peek().cloned() {
            parser.error(span, "Unmatched ')': ignored.".into());
            parser.next += 1;
        } else if parser.next == before {
            parser.next += 1; // cannot happen, but never loop forever
        }
    }
    let mut query = flatten(Query::And(parts));
    if options.prefix_last_word && !text.ends_with(char::is_whitespace) {
        mark_last_term_as_prefix(&mut query, text.len());
    }
    // Once for every group left open: "(((" said "Missing ')'" three times.
    let open = &parser.unclosed;
    if let (Some(start), Some(end)) = (
        open.iter().map(|span| span.start).min(),
        open.iter().map(|span| span.end).max(),
    ) {
        let message = match open.len() {
            1 => "Missing ')': the group runs to the end.".to_string(),
            count => format!("Missing {count} ')': the groups run to the end."),
        };
        parser.error(Span { start, end }, message);
    }
    ParsedQuery {
        query,
        errors: said_once(parser.errors),
    }
}

/// Each problem said once, where it first occurs, its span reaching to the last occurrence:
/// every ')' too many, empty group or '(' nested too deep said it again.
fn said_once(errors: Vec<QueryError>) -> Vec<QueryError> {
    let mut once: Vec<QueryError> = Vec::with_capacity(errors.len());
    for error in errors {
        match once.iter_mut().find(|e| e.message == error.message) {
            Some(first) => {
                first.span.start = first.span.start.min(error.span.start);
                first.span.end = first.span.end.max(error.span.end);
            }
            None => once.push(error),
        }
    }
    once
}

/// A word typed last is read as a prefix from this many characters: "UN" in a shared link is the
/// word, not "under", "unit" and "unless"; "uni" is likely still being typed.
const MIN_TYPED_PREFIX: usize = 3;

/// Marks the term that ends the text (if the text ends in a bare word of at least
/// [`MIN_TYPED_PREFIX`] characters) as a prefix. Filters, dates and exclusions typed after that
/// word leave it a prefix: "cyber year:2023" narrows what "cyber" found (cybercrime included)
/// to 2023, as ticking the year does, instead of finding only the bare word.
fn mark_last_term_as_prefix(query: &mut Query, text_end: usize) {
    let long_enough = |term: &TermQuery| term.folded.chars().count() >= MIN_TYPED_PREFIX;
    match query {
        Query::Term(term) if term.span.end == text_end && long_enough(term) => term.prefix = true,
        Query::And(parts) => {
            let narrowing =
                |part: &Query| matches!(part, Query::Facet { .. } | Query::Date(_) | Query::Not(_));
            let after = parts
                .iter()
                .rev()
                .take_while(|part| narrowing(part))
                .count();
            let Some(last) = parts
                .len()
                .checked_sub(after + 1)
                .and_then(|i| parts.get_mut(i))
            else {
                return;
            };
            match last {
                Query::Term(term) if after > 0 && long_enough(term) => term.prefix = true,
                _ if after == 0 => mark_last_term_as_prefix(last, text_end),
                _ => {}
            }
        }
        Query::Or(parts) => {
            if let Some(last) = parts.last_mut() {
                mark_last_term_as_prefix(last, text_end);
            }
        }
        _ => {}
    }
}

/// Removes single-child groups, nested groups of the same kind, and lone stop-words.
fn flatten(query: Query) -> Query {
    match query {
        Query::And(parts) | Query::Or(parts) if parts.is_empty() => Query::All,
        Query::And(parts) => {
            let mut out = Vec::new();
            for part in parts.into_iter().map(flatten) {
                match part {
                    Query::And(inner) => out.extend(inner),
                    Query::All => {}
                    other => out.push(other),
                }
            }
            match out.len() {
                0 => Query::All,
                1 => out.pop().unwrap_or(Query::All),
                _ => Query::And(out),
            }
        }
        Query::Or(parts) => {
            let mut out = Vec::new();
            for part in parts.into_iter().map(flatten) {
                match part {
                    Query::Or(inner) => out.extend(inner),
                    Query::All => return Query::All,
                    other => out.push(other),
                }
            }
            match out.len() {
                1 => out.pop().unwrap_or(Query::All),
                _ => Query::Or(out),
            }
        }
        Query::Not(inner) => Query::Not(Box::new(flatten(*inner))),
        other => other,
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open(Span),
    Close(Span),
    Or(Span),
    /// `-` directly before a word, phrase or `(`, or the word `NOT`.
    Minus(Span),
    /// A quoted phrase (inner text, span including quotes).
    Phrase(String, Span),
    /// `field:` directly followed by a value token.
    Field(String, Span),
    Word(String, Span),
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
    )
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '(' | ')') || is_quote(c)
}

/// Whether `text` has a word typed as one: a run between separators with more letters and
/// digits than other characters (the punctuation ending a sentence aside). A link's broken
/// "%E0%A4%A", decoded "\u{FFFD}%A", has the stop-word "a" but no word.
pub(crate) fn has_typed_word(text: &str) -> bool {
    text.split(is_separator).any(|run| {
        let run = run.trim_end_matches(['.', ',', ';', ':', '!', '?']);
        let letters = run.chars().filter(|c| c.is_alphanumeric()).count();
        letters > run.chars().count() - letters
    })
}

fn lex(text: &str, errors: &mut Vec<QueryError>) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let span_of = |end: usize| Span { start, end };
        if c.is_whitespace() || c.is_control() {
            continue;
        }
        match c {
            '(' => tokens.push(Token::Open(span_of(start + 1))),
            ')' => tokens.push(Token::Close(span_of(start + 1))),
            '-' if chars
                .peek()
                .is_some_and(|(_, n)| !n.is_whitespace() && *n != '-') =>
            {
                tokens.push(Token::Minus(span_of(start + 1)))
            }
            c if is_quote(c) => {
                let inner_start = start + c.len_utf8();
                let mut inner_end = text.len();
                let mut end = text.len();
                let mut closed = false;
                for (i, n) in chars.by_ref() {
                    if is_quote(n) {
                        inner_end = i;
                        end = i + n.len_utf8();
                        closed = true;
                        break;
                    }
                }
                let inner = text
                    .get(inner_start..inner_end.max(inner_start))
                    .unwrap_or("")
                    .to_string();
                if !closed {
                    errors.push(QueryError {
                        message: format!(
                            "Missing closing quote: searched \"{}\" as a phrase.",
                            inner.trim()
                        ),
                        span: span_of(end),
                    });
                }
                tokens.push(Token::Phrase(inner, span_of(end)));
            }
            _ => {
                let mut end = start + c.len_utf8();
                while let Some(&(i, n)) = chars.peek() {
                    if is_separator(n) {
                        break;
                    }
                    end = i + n.len_utf8();
                    chars.next();
                }
                let word = text.get(start..end).unwrap_or("");
                if word == "OR" || word == "|" || word == "||" {
                    tokens.push(Token::Or(span_of(end)));
                } else if word == "or"
                    && !tokens.is_empty()
                    && text.get(end..).is_some_and(|rest| !rest.trim().is_empty())
                {
                    // "india or china" reads as either word to people, but is both words here.
                    errors.push(QueryError {
                        message: "'or' in lower case is a common word, ignored: every other word \
                                  is required. Write OR for either word."
                            .into(),
                        span: span_of(end),
                    });
                    tokens.push(Token::Word(word.to_string(), span_of(end)));
                } else if word == "NOT" {
                    // People write NOT as often as `-`: searched as the word "not" (a
                    // stop-word), it would have been dropped and the query's sense flipped.
                    tokens.push(Token::Minus(span_of(end)));
                } else if let Some((name, value)) = word.split_once(':') {
                    let known = Field::named(name).is_some()
                        || name.eq_ignore_ascii_case("date")
                        || FacetKey::from_name(name).is_some();
                    if known {
                        let name_end = start + name.len() + 1;
                        tokens.push(Token::Field(name.to_ascii_lowercase(), span_of(name_end)));
                        if !value.is_empty() {
                            tokens.push(Token::Word(
                                value.to_string(),
                                Span {
                                    start: name_end,
                                    end,
                                },
                            ));
                        }
                    } else {
                        if name.chars().all(char::is_alphabetic)
                            && !name.is_empty()
                            && !value.is_empty()
                        {
                            errors.push(QueryError {
                                message: format!(
                                    "Unknown field '{name}:' searched as words. Fields: title, \
                                     byline, topic, kind, source, place, person, org, country, \
                                     year, date."
                                ),
                                span: span_of(end),
                            });
                        }
                        tokens.push(Token::Word(word.to_string(), span_of(end)));
                    }
                } else {
                    tokens.push(Token::Word(word.to_string(), span_of(end)));
                }
            }
        }
    }
    tokens
}

struct Parser<'a> {
    tokens: Vec<Token>,
    next: usize,
    errors: Vec<QueryError>,
    /// The '(' left open: said once, with how many, at the end.
    unclosed: Vec<Span>,
    clauses: usize,
    analyzer: Analyzer,
    text: &'a str,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next)
    }

    fn error(&mut self, span: Span, message: String) {
        self.errors.push(QueryError { message, span });
    }

    fn or(&mut self, depth: usize) -> Option<Query> {
        let mut alternatives = Vec::new();
        if let Some(q) = self.and(depth) {
            alternatives.push(q);
        }
        while let Some(Token::Or(span)) = self.peek().cloned() {
            self.next += 1;
            match self.and(depth) {
                Some(q) if !alternatives.is_empty() => alternatives.push(q),
                Some(q) => {
                    self.error(span, "'OR' needs a term before it: ignored.".into());
                    alternatives.push(q);
                }
                None => self.error(span, "'OR' needs a term after it: ignored.".into()),
            }
        }
        match alternatives.len() {
            0 => None,
            1 => alternatives.pop(),
            _ => Some(Query::Or(alternatives)),
        }
    }

    fn and(&mut self, depth: usize) -> Option<Query> {
        let mut parts = Vec::new();
        while let Some(token) = self.peek() {
            if matches!(token, Token::Or(_) | Token::Close(_)) {
                break;
            }
            if let Some(q) = self.unary(depth) {
                parts.push(q);
            }
        }
        match parts.len() {
            0 => None,
            1 => parts.pop(),
            _ => Some(Query::And(parts)),
        }
    }

    fn unary(&mut self, depth: usize) -> Option<Query> {
        if let Some(Token::Minus(span)) = self.peek().cloned() {
            self.next += 1;
            let inner = self.primary(depth);
            if inner.is_none() {
                let written = self.text.get(span.start..span.end).unwrap_or("-");
                self.error(
                    span,
                    format!("'{written}' must be followed by a word, phrase or group: ignored."),
                );
            }
            return inner.map(|q| Query::Not(Box::new(q)));
        }
        self.primary(depth)
    }

    fn primary(&mut self, depth: usize) -> Option<Query> {
        let token = self.peek().cloned()?;
        self.next += 1;
        match token {
            Token::Open(span) => {
                if depth >= MAX_DEPTH {
                    self.error(
                        span,
                        format!("Parentheses nest deeper than {MAX_DEPTH}: this '(' is ignored."),
                    );
                    return None;
                }
                let inner = self.or(depth + 1);
                match self.peek() {
                    Some(Token::Close(_)) => self.next += 1,
                    _ => self.unclosed.push(span),
                }
                if inner.is_none() {
                    self.error(span, "Empty parentheses: ignored.".into());
                }
                inner
            }
            Token::Close(span) => {
                self.error(span, "Unmatched ')': ignored.".into());
                None
            }
            Token::Or(span) => {
                self.error(span, "'OR' needs a term before it: ignored.".into());
                None
            }
            Token::Minus(span) => {
                self.error(span, "A double '-': ignored.".into());
                None
            }
            Token::Phrase(text, span) => self.phrase(&text, span, None),
            Token::Word(word, span) => self.words(&word, span, None),
            Token::Field(name, span) => self.field(&name, span),
        }
    }

    fn field(&mut self, name: &str, span: Span) -> Option<Query> {
        let value = match self.peek().cloned() {
            Some(Token::Word(word, value_span)) if value_span.start == span.end => {
                self.next += 1;
                (word, value_span, false)
            }
            Some(Token::Phrase(text, value_span)) if value_span.start == span.end => {
                self.next += 1;
                (text, value_span, true)
            }
            _ => {
                self.error(
                    span,
                    format!("'{name}:' needs a value, e.g. {name}:{}.", example(name)),
                );
                return None;
            }
        };
        let (value, value_span, quoted) = value;
        let whole = Span {
            start: span.start,
            end: value_span.end,
        };
        if let Some(field) = Field::named(name) {
            return if quoted {
                self.phrase(&value, value_span, Some(field))
            } else {
                self.words(&value, value_span, Some(field))
            };
        }
        if !self.count_clause(whole) {
            return None;
        }
        // A range of years is a range of dates: `year:2024..2025` is `date:2024..2025`.
        let year_range = name == "year" && value.contains("..");
        if name == "date" || year_range {
            return match DateRange::parse(&value) {
                Ok(range) if range.is_reversed() => {
                    let range = DateRange {
                        from: range.to,
                        to: range.from,
                    };
                    self.error(
                        whole,
                        format!(
                            "The date range ends before it starts: read as {}..{}.",
                            range.from.as_deref().unwrap_or_default(),
                            range.to.as_deref().unwrap_or_default()
                        ),
                    );
                    Some(Query::Date(range))
                }
                Ok(range) => Some(Query::Date(range)),
                Err(problem) => {
                    self.error(whole, format!("Date filter ignored: {problem}."));
                    None
                }
            };
        }
        let key = FacetKey::from_name(name)?;
        let value = value.trim().to_string();
        if key == FacetKey::Year && crate::index::facets::year_value(&value).is_none() {
            self.error(
                whole,
                format!("Year filter ignored: '{value}' is not a year like 2024 (or undated)."),
            );
            return None;
        }
        if value.is_empty() {
            self.error(whole, format!("'{name}:' needs a value: ignored."));
            return None;
        }
        Some(Query::Facet {
            key,
            value,
            span: value_span,
        })
    }

    /// Counts one clause against [`MAX_CLAUSES`]; false (with an error) when over.
    fn count_clause(&mut self, span: Span) -> bool {
        self.clauses += 1;
        if self.clauses == MAX_CLAUSES + 1 {
            self.error(
                Span {
                    start: span.start,
                    end: self.text.len(),
                },
                format!("More than {MAX_CLAUSES} terms: the rest of the query is ignored."),
            );
        }
        self.clauses <= MAX_CLAUSES
    }

    /// A bare word: one term per analysed token (so "covid-19" is two required terms).
    fn words(&mut self, word: &str, span: Span, field: Option<Field>) -> Option<Query> {
        let tokens = self.analyzer.tokens(word);
        if tokens.is_empty() {
            return None; // punctuation or emoji only: nothing to search for
        }
        let mut terms = Vec::new();
        for token in tokens {
            let token_span = Span {
                start: span.start + token.start,
                end: span.start + token.end,
            };
            if !self.count_clause(token_span) {
                break;
            }
            terms.push(Query::Term(TermQuery::of_token(
                word, token, field, token_span,
            )));
        }
        match terms.len() {
            0 => None,
            1 => terms.pop(),
            _ => Some(Query::And(terms)),
        }
    }

    fn phrase(&mut self, text: &str, span: Span, field: Option<Field>) -> Option<Query> {
        let Some(phrase) = PhraseQuery::of_text(&self.analyzer, text, field, span) else {
            if !text.trim().is_empty() {
                let what = if self.analyzer.tokens(text).is_empty() {
                    "no words"
                } else {
                    "only common words"
                };
                self.error(
                    span,
                    format!("The phrase \"{}\" has {what}: ignored.", text.trim()),
                );
            }
            return None;
        };
        if !self.count_clause(span) {
            return None;
        }
        Some(Query::Phrase(phrase))
    }
}

fn example(field: &str) -> &'static str {
    match field {
        "date" => "2024-01..2025-06",
        "year" => "2024",
        "kind" => "news",
        "place" => "Karachi",
        _ => "value",
    }
}

#[cfg(test)]
mod tests;
