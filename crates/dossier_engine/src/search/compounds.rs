//! Compounds written either way: "cyber crime" also finds "cybercrime", and "cybercrime" also
//! finds "cyber crime". News copy spells the same thing both ways, often in one corpus; a reader
//! who types one form expects the articles that use the other. The same pass gives a name its
//! other names (`other_names.rs`).

use crate::analysis::{Analyzer, Token};
use crate::query::{PhraseQuery, Query, Span, TermQuery};

use super::Execution;

/// Each half of a split word has at least this many letters: shorter pieces ("a", "re", "un")
/// would turn ordinary words into phrases of fragments.
const MIN_PART: usize = 3;

impl Execution<'_> {
    /// `query` with each plain word that the corpus also has as two words in a row, and each
    /// pair of plain words that the corpus also has as one word, given the other form as an
    /// alternative. Only forms the corpus has are added, so nothing is said about a form
    /// no article uses (no "No article contains" notice, no highlight of its words).
    pub(super) fn with_compounds(&mut self, query: &Query) -> Query {
        let analyzer = Analyzer::default();
        self.compounds_in(query, &analyzer)
    }

    fn compounds_in(&mut self, query: &Query, analyzer: &Analyzer) -> Query {
        match query {
            Query::Term(term) => {
                let mut written = self.split_alternative(term, analyzer);
                let other_names = match self.whole_name_of(term, analyzer) {
                    Some((whole, as_written)) => {
                        if let Some(as_written) = as_written {
                            written = as_written;
                        }
                        vec![whole]
                    }
                    None => self
                        .name_run(std::slice::from_ref(query), 1, analyzer)
                        .map(|(_, others)| others)
                        .unwrap_or_default(),
                };
                if other_names.is_empty() {
                    written
                } else {
                    Query::Or(std::iter::once(written).chain(other_names).collect())
                }
            }
            Query::And(parts) => {
                let mut out = Vec::with_capacity(parts.len());
                let mut at = 0;
                while let Some(part) = parts.get(at) {
                    // A name of several words with other names: its words, or another name
                    // (a word alone is the Term's own).
                    let rest = parts.get(at..).unwrap_or_default();
                    if let Some((length, others)) = self.name_run(rest, 2, analyzer) {
                        let words: Vec<Query> = rest
                            .iter()
                            .take(length)
                            .map(|word| self.compounds_in(word, analyzer))
                            .collect();
                        out.push(Query::Or(
                            std::iter::once(Query::And(words)).chain(others).collect(),
                        ));
                        at += length;
                        continue;
                    }
                    at += 1;
                    if let (Query::Term(first), Some(Query::Term(second))) = (part, parts.get(at)) {
                        if let Some(joined) = self.joined(first, second, analyzer) {
                            let apart = vec![
                                self.split_alternative(first, analyzer),
                                self.split_alternative(second, analyzer),
                            ];
                            out.push(Query::Or(vec![Query::And(apart), Query::Term(joined)]));
                            at += 1;
                            continue;
                        }
                    }
                    out.push(self.compounds_in(part, analyzer));
                }
                Query::And(out)
            }
            Query::Or(parts) => Query::Or(
                parts
                    .iter()
                    .map(|part| self.compounds_in(part, analyzer))
                    .collect(),
            ),
            // A negated word excludes what the word finds, in either spelling: `-cybercrime`
            // also drops "cyber crime", as `cybercrime` finds it. (Its typo matches are not
            // excluded: a guess must not hide an article.) Filters say what they mean.
            Query::Not(inner) => Query::Not(Box::new(self.compounds_in(inner, analyzer))),
            Query::Phrase(phrase) => self.phrase_alternative(phrase, analyzer),
            other => other.clone(),
        }
    }

    /// A quoted compound in either spelling: `"cyber crime"` also finds "cybercrime" and
    /// `"cybercrime"` "cyber crime", as the words unquoted do (quoted, "cyber crime" found one
    /// seed article where `cybercrime` found three). Only a phrase that is the compound: a
    /// longer one keeps its words in a row as written.
    fn phrase_alternative(&mut self, phrase: &PhraseQuery, analyzer: &Analyzer) -> Query {
        let quoted = Query::Phrase(phrase.clone());
        let word = |token: &Token| {
            TermQuery::of_token(&phrase.text, token.clone(), phrase.field, phrase.span)
        };
        match analyzer.tokens(&phrase.text).as_slice() {
            [one] => match self.split_alternative(&word(one), analyzer) {
                // The word itself stays the quoted phrase: exact, no typo forgiven.
                Query::Or(mut forms) => {
                    if let Some(first) = forms.first_mut() {
                        *first = quoted;
                    }
                    Query::Or(forms)
                }
                _ => quoted,
            },
            [first, second] => match self.joined(&word(first), &word(second), analyzer) {
                Some(joined) => Query::Or(vec![quoted, Query::Term(joined)]),
                None => quoted,
            },
            _ => quoted,
        }
    }

    /// Two words typed in a row as the one word the corpus has ("cyber crime" -> "cybercrime").
    /// The second may be the word being typed: joined, it is taken as complete.
    fn joined(
        &self,
        first: &TermQuery,
        second: &TermQuery,
        analyzer: &Analyzer,
    ) -> Option<TermQuery> {
        if first.is_stop_word || second.is_stop_word || first.field != second.field {
            return None;
        }
        let mut folded = first.folded.clone();
        folded.push_str(&second.folded);
        if !self.index.has_word(&folded) {
            return None;
        }
        Some(TermQuery {
            text: {
                let mut text = first.text.clone();
                text.push_str(&second.text);
                text
            },
            stem: analyzer.stem(&folded),
            folded,
            is_stop_word: false,
            prefix: false,
            field: first.field,
            span: Span {
                start: first.span.start,
                end: second.span.end,
            },
            in_capitals: false,
        })
    }

    /// The word, or also the first split of it into two words the corpus has in a row
    /// ("cybercrime" -> "cyber crime").
    fn split_alternative(&mut self, term: &TermQuery, analyzer: &Analyzer) -> Query {
        let whole = Query::Term(term.clone());
        if term.is_stop_word {
            return whole;
        }
        let splits = term
            .folded
            .char_indices()
            .map(|(at, _)| at)
            .filter(|at| *at > 0);
        for at in splits {
            let (Some(left), Some(right)) = (term.folded.get(..at), term.folded.get(at..)) else {
                continue;
            };
            // A stop-word half is not indexed: the phrase check below finds nothing for it.
            if left.chars().count() < MIN_PART
                || right.chars().count() < MIN_PART
                || !self.index.has_word(left)
                || !self.index.has_word(right)
            {
                continue;
            }
            let phrase = PhraseQuery {
                text: {
                    let mut text = left.to_string();
                    text.push(' ');
                    text.push_str(right);
                    text
                },
                terms: vec![(0, analyzer.stem(left)), (1, analyzer.stem(right))],
                field: term.field,
                span: term.span,
            };
            // Only a split some article has in a row (quietly checked: not a positive clause).
            if !self.phrase(&phrase, false).docs.is_empty() {
                return Query::Or(vec![whole, Query::Phrase(phrase)]);
            }
        }
        whole
    }
}
