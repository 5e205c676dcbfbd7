//! A name searched finds its other names: "united nations" also finds the articles that write
//! "UN", and "UN" those that write "United Nations". An analyst looking for everything about an
//! organisation should not have to know which form each article chose. The other names are
//! the entity report's (an acronym the corpus defines, the gazetteer's short forms).
//!
//! A short form that is also an everyday word ("US" is "us") counts only in the articles the
//! report found the entity in, and is marked only where written in capitals: the index keeps no
//! case, so "united states" must not find, or mark, every "us".

use crate::analysis::Analyzer;
use crate::entities::is_acronym;
use crate::index::facets::FacetKey;
use crate::index::SearchIndex;
use crate::query::{PhraseQuery, Query, Span, TermQuery};

use super::{push_new, Execution};

/// The most words of a name looked for in a row of typed words.
const MAX_NAME_WORDS: usize = 6;

/// Short forms that are also everyday words, beyond the stop-words: the index keeps no case,
/// so "united states" must not find every "us" ("WHO" every "who").
const EVERYDAY_WORDS: &[&str] = &[
    "aid", "all", "am", "arm", "art", "can", "do", "go", "he", "hi", "me", "my", "new", "now",
    "oh", "ok", "one", "our", "out", "so", "sun", "up", "us", "we", "who", "win", "won",
];

/// Whether a word is also an everyday one, which the index cannot tell from the name.
fn is_everyday(term: &TermQuery) -> bool {
    term.is_stop_word || EVERYDAY_WORDS.contains(&term.folded.as_str())
}

impl Execution<'_> {
    /// The longest run of at least `min_words` plain words at the start of `parts` that is a
    /// whole name with other names: how many words it takes, and those other names as
    /// alternatives of its own.
    pub(super) fn name_run(
        &mut self,
        parts: &[Query],
        min_words: usize,
        analyzer: &Analyzer,
    ) -> Option<(usize, Vec<Query>)> {
        if !self.index.facets.has_other_names() {
            return None;
        }
        let words: Vec<&TermQuery> = parts
            .iter()
            .take(MAX_NAME_WORDS)
            .map_while(|part| match part {
                Query::Term(term) if term.field.is_none() => Some(term),
                _ => None,
            })
            .collect();
        for length in (min_words.max(1)..=words.len()).rev() {
            let run = words.get(..length)?;
            // A lone word is a name only as a whole word typed, not one being typed.
            if length == 1 && run.iter().any(|w| w.prefix || w.is_stop_word) {
                continue;
            }
            let name = run
                .iter()
                .map(|w| w.folded.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let span = Span {
                start: run.first()?.span.start,
                end: run.last()?.span.end,
            };
            let others: Vec<String> = self
                .index
                .facets
                .other_names_of(&name)
                .map(str::to_string)
                .collect();
            // Another name stands for each word of the name, and counts once for each: an
            // article writing "UN" ranks with one writing "United Nations", above one with
            // "United" and "National" apart (the words of an OR's parts add up).
            let stands_for = run.iter().filter(|w| !w.is_stop_word).count();
            let alternatives: Vec<Query> = others
                .iter()
                .filter_map(|other| self.written_form(other, &name, span, analyzer))
                .flat_map(|form| std::iter::repeat_n(form, stands_for))
                .collect();
            if !alternatives.is_empty() {
                return Some((length, alternatives));
            }
        }
        None
    }

    /// A word typed in capitals that is another name of an entity ("UN", "FIA"): that entity's
    /// whole name, as an alternative, and the word itself as the corpus writes it for the
    /// entity when it is an everyday word ("US" only where the United States was found, not
    /// "us": it replaces the typed word). Only in capitals: "who" is a word, "WHO" an
    /// organisation.
    pub(super) fn whole_name_of(
        &mut self,
        term: &TermQuery,
        analyzer: &Analyzer,
    ) -> Option<(Query, Option<Query>)> {
        if !is_acronym(&term.text) || term.field.is_some() {
            return None;
        }
        let name = self.index.facets.name_of_other(&term.folded)?.to_string();
        let whole = self.written_form(&name, &name, term.span, analyzer)?;
        let as_written = is_everyday(term)
            .then(|| self.written_form(&term.text, &name, term.span, analyzer))
            .flatten();
        Some((whole, as_written))
    }

    /// `text` (a form of the entity `name`, both as compared) as a query for what the corpus
    /// writes: one word, or its words in a row; none when no article has it, so nothing is said
    /// or marked for a form no article uses. An everyday word ("US" is "us") only in capitals,
    /// in the articles where the entity report found `name`.
    fn written_form(
        &mut self,
        text: &str,
        name: &str,
        span: Span,
        analyzer: &Analyzer,
    ) -> Option<Query> {
        let tokens = analyzer.tokens(text);
        match tokens.as_slice() {
            [] => None,
            [one] => {
                let mut term = TermQuery::of_token(text, one.clone(), None, span);
                if !self.index.has_word(&term.folded) {
                    return None;
                }
                if !is_everyday(&term) {
                    return Some(Query::Term(term));
                }
                let key = FacetKey::ENTITIES
                    .into_iter()
                    .find(|key| self.index.facets.names_whole(*key, name))?;
                term.in_capitals = true;
                let found_in = Query::Facet {
                    key,
                    value: name.to_string(),
                    span,
                };
                Some(Query::And(vec![Query::Term(term), found_in]))
            }
            _ => {
                let phrase = PhraseQuery::of_text(analyzer, text, None, span)?;
                // Only a name some article writes (quietly checked: not a positive clause).
                (!self.phrase(&phrase, false).docs.is_empty()).then_some(Query::Phrase(phrase))
            }
        }
    }
}

impl SearchIndex {
    /// Each written form of the names a search filters by, ticked (`filters`) or typed (`named`
    /// by key: `person:"munir akram"`, `org:FIA`), as a phrase of term ids
    /// ([`MatchedTerms::names`](super::MatchedTerms::names)); a form that is one everyday word
    /// ("US" of the United States) as a word to mark only in capitals
    /// ([`MatchedTerms::names_in_capitals`](super::MatchedTerms::names_in_capitals)). A form no
    /// article writes is left out.
    pub(super) fn filtered_names(
        &self,
        filters: &[(FacetKey, Vec<u32>)],
        named: &[(FacetKey, Vec<&str>)],
    ) -> (Vec<Vec<(u32, u32)>>, Vec<u32>) {
        let analyzer = Analyzer::default();
        let mut phrases: Vec<Vec<(u32, u32)>> = Vec::new();
        let mut in_capitals: Vec<u32> = Vec::new();
        for (key, typed) in named {
            let ticked = filters
                .iter()
                .filter(|(filtered, _)| filtered == key)
                .flat_map(|(_, ids)| ids)
                .filter_map(|id| self.facets.value(*key, *id));
            for name in ticked.chain(typed.iter().copied()) {
                for form in std::iter::once(name).chain(self.facets.other_names_of(name)) {
                    let span = Span { start: 0, end: 0 };
                    let Some(phrase) = PhraseQuery::of_text(&analyzer, form, None, span) else {
                        continue;
                    };
                    let Some(ids) = self.phrase_ids(&phrase) else {
                        continue;
                    };
                    let everyday_word = match (phrase.terms.as_slice(), ids.as_slice()) {
                        ([(_, word)], [(_, id)]) if EVERYDAY_WORDS.contains(&word.as_str()) => {
                            Some(*id)
                        }
                        _ => None,
                    };
                    match everyday_word {
                        Some(id) => push_new(&mut in_capitals, id),
                        None => push_new(&mut phrases, ids),
                    }
                }
            }
        }
        (phrases, in_capitals)
    }
}
