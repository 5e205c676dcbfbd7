//! Topic labels: a class-based term weighting over the words and two-word phrases of each
//! topic's articles. The weight is p(t|topic) * ln(p(t|topic) / p(t)), the term's contribution
//! to the KL divergence of the topic from the corpus: like c-TF-IDF (BERTopic) it rewards
//! frequent-in-topic terms, but a term spread evenly over all topics scores zero, so common
//! words ("people", "government") never name a topic. A candidate must occur in at least two member
//! articles (when the topic has two), so one article's pet word cannot name a whole topic.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::vectors::TermSpace;
use super::WeightedTerm;

/// How many terms each topic reports.
pub(crate) const TOP_TERMS: usize = 10;

/// Label words at most; the label stops growing once it has `MIN_LABEL_WORDS`.
const MAX_LABEL_WORDS: usize = 4;
const MIN_LABEL_WORDS: usize = 3;

/// A word or a two-word phrase: stem ids, the second `NONE` for a single word.
type Candidate = (u32, u32);
const NONE: u32 = u32::MAX;

fn words(candidate: &Candidate) -> impl Iterator<Item = u32> {
    [candidate.0, candidate.1]
        .into_iter()
        .filter(|&s| s != NONE)
}

/// Top terms and a label for each group of article indices.
pub(crate) fn label_topics(
    space: &TermSpace,
    groups: &[Vec<usize>],
) -> Vec<(Vec<WeightedTerm>, String)> {
    // Per group: candidate -> (occurrences, member articles containing it).
    // Hash maps for speed; results are sorted by score then candidate, so order never leaks.
    let mut counts: Vec<HashMap<Candidate, (u32, u32)>> = Vec::with_capacity(groups.len());
    let mut totals: HashMap<Candidate, u32> = HashMap::new();
    let mut group_lengths = Vec::with_capacity(groups.len());
    for members in groups {
        let mut group: HashMap<Candidate, (u32, u32)> = HashMap::new();
        let mut length = 0u64;
        for &doc in members {
            let Some(terms) = space.docs.get(doc) else {
                continue;
            };
            let mut seen: HashSet<Candidate> = HashSet::new();
            for candidate in candidates(&terms.stems) {
                length += 1;
                *totals.entry(candidate).or_insert(0) += 1;
                let entry = group.entry(candidate).or_insert((0, 0));
                entry.0 += 1;
                if seen.insert(candidate) {
                    entry.1 += 1;
                }
            }
        }
        group_lengths.push(length.max(1));
        counts.push(group);
    }
    let grand_total = group_lengths.iter().sum::<u64>().max(1) as f64;

    groups
        .iter()
        .zip(&counts)
        .zip(&group_lengths)
        .map(|((members, group), &length)| {
            let min_support = members.len().min(2) as u32;
            let mut scored: Vec<(f64, &Candidate)> = group
                .iter()
                .filter(|(candidate, &(_, docs))| {
                    docs >= min_support && is_phrase(space, candidate)
                })
                .map(|(candidate, &(count, _))| {
                    let total = totals.get(candidate).copied().unwrap_or(count).max(1);
                    let in_topic = f64::from(count) / length as f64;
                    let overall = f64::from(total) / grand_total;
                    (in_topic * (in_topic / overall).ln(), candidate)
                })
                .filter(|(score, _)| *score > 0.0)
                .collect();
            // Highest score first; ties: a phrase before its words (a name always written
            // whole, "Ishaq Dar", scores as each of its words does), then lexicographic, so
            // output never depends on map order.
            scored.sort_by(|a, b| {
                b.0.total_cmp(&a.0)
                    .then_with(|| words(b.1).count().cmp(&words(a.1).count()))
                    .then_with(|| a.1.cmp(b.1))
            });
            // No word twice: "Complete row, Complete, row" told nothing the phrase had not.
            let mut listed: BTreeSet<u32> = BTreeSet::new();
            let terms: Vec<WeightedTerm> = scored
                .iter()
                .filter(|(_, candidate)| {
                    let spelled = spelled(space, candidate);
                    let new = spelled.iter().all(|s| !listed.contains(s));
                    if new {
                        listed.extend(spelled);
                    }
                    new
                })
                .take(TOP_TERMS)
                .map(|(score, candidate)| WeightedTerm {
                    term: surface(space, candidate),
                    weight: super::round4(*score),
                })
                .collect();
            let label = compose_label(space, &scored);
            (terms, label)
        })
        .collect()
}

/// A word, or two words that read as a phrase: both names ("Ishaq Dar") or both common words
/// ("water treaty"). A name beside a common word ("Dar visited", "said Sharif") is where a
/// sentence runs on past a name, and named topics "Dar visited, Ishaq".
fn is_phrase(space: &TermSpace, candidate: &Candidate) -> bool {
    let capitalised = |stem: u32| {
        space
            .surface_of(stem)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    candidate.1 == NONE || capitalised(candidate.0) == capitalised(candidate.1)
}

/// Words and adjacent word pairs (no dropped word between them) of one article.
fn candidates(stems: &[(u32, u32)]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = stems.iter().map(|&(s, _)| (s, NONE)).collect();
    for pair in stems.windows(2) {
        if let [(a, pa), (b, pb)] = pair {
            if pa.saturating_add(1) == *pb && a != b {
                out.push((*a, *b));
            }
        }
    }
    out
}

/// The words of a candidate as written: with the parts of a hyphenated name before its first
/// word ("Lin Sorensen" is written "Mei-Lin Sorensen").
fn spelled(space: &TermSpace, candidate: &Candidate) -> Vec<u32> {
    let mut out: Vec<u32> = words(candidate).collect();
    while let Some(&before) = out
        .first()
        .and_then(|&s| space.hyphenated_after.get(s as usize))
    {
        match before {
            Some(before) if !out.contains(&before) => out.insert(0, before),
            _ => break,
        }
    }
    out
}

fn surface(space: &TermSpace, candidate: &Candidate) -> String {
    let mut out = String::new();
    let mut previous = None;
    for stem in spelled(space, candidate) {
        if previous.is_some() {
            let hyphenated = space.hyphenated_after.get(stem as usize) == Some(&previous);
            out.push(if hyphenated { '-' } else { ' ' });
        }
        out.push_str(space.surface_of(stem));
        previous = Some(stem);
    }
    out
}

/// The best candidates that share no stem with one already taken, up to four words.
fn compose_label(space: &TermSpace, scored: &[(f64, &Candidate)]) -> String {
    let mut used: BTreeSet<u32> = BTreeSet::new();
    let mut parts: Vec<String> = Vec::new();
    let mut word_count = 0;
    for (_, candidate) in scored {
        if word_count >= MIN_LABEL_WORDS {
            break;
        }
        let length = words(candidate).count();
        let spelled = spelled(space, candidate);
        if word_count + length > MAX_LABEL_WORDS || spelled.iter().any(|s| used.contains(s)) {
            continue;
        }
        used.extend(spelled);
        word_count += length;
        parts.push(surface(space, candidate));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::topics::vectors::{build_term_space, VectorConfig};

    #[test]
    fn a_hyphenated_name_stays_whole_in_labels() {
        // A load's topic was labelled "Karsby, council, Lin Sorensen", its terms listing "Mei"
        // apart: the tokenizer splits "Mei-Lin".
        let council = "Mei-Lin Sorensen won a council seat. Mei-Lin Sorensen thanked voters.";
        let dam = "Engineers found cracks in the dam wall.";
        let articles: Vec<Article> = [council, council, dam, dam]
            .into_iter()
            .map(|body| Article {
                body: vec![body.into()],
                ..Article::default()
            })
            .collect();
        let space = build_term_space(&articles, &VectorConfig::default());
        let labelled = label_topics(&space, &[vec![0, 1], vec![2, 3]]);
        let (terms, label) = &labelled[0];
        let terms: Vec<&str> = terms.iter().map(|t| t.term.as_str()).collect();
        assert!(terms.contains(&"Mei-Lin Sorensen"), "{terms:?}");
        assert!(!terms.iter().any(|t| *t == "Mei" || *t == "Lin Sorensen"));
        assert!(label.contains("Mei-Lin Sorensen"), "{label}");
    }
}
