//! Topic labels: class-based TF-IDF (Grootendorst's c-TF-IDF, as in BERTopic) over the words and
//! two-word phrases of each topic's articles. A candidate must occur in at least two member
//! articles (when the topic has two), so one article's pet word cannot name a whole topic.

use std::collections::{BTreeMap, BTreeSet};

use super::vectors::TermSpace;
use super::WeightedTerm;

/// How many terms each topic reports.
pub(crate) const TOP_TERMS: usize = 10;

/// Label words at most; the label stops growing once it has `MIN_LABEL_WORDS`.
const MAX_LABEL_WORDS: usize = 4;
const MIN_LABEL_WORDS: usize = 3;

/// A word ("treati") or a phrase ("indus treati") as a sequence of stems.
type Candidate = Vec<String>;

/// Top terms and a label for each group of article indices.
pub(crate) fn label_topics(
    space: &TermSpace,
    groups: &[Vec<usize>],
) -> Vec<(Vec<WeightedTerm>, String)> {
    // Per group: candidate -> (occurrences, member articles containing it).
    let mut counts: Vec<BTreeMap<Candidate, (u32, u32)>> = Vec::with_capacity(groups.len());
    let mut totals: BTreeMap<Candidate, u32> = BTreeMap::new();
    let mut group_lengths = Vec::with_capacity(groups.len());
    for members in groups {
        let mut group: BTreeMap<Candidate, (u32, u32)> = BTreeMap::new();
        let mut length = 0u64;
        for &doc in members {
            let Some(terms) = space.docs.get(doc) else {
                continue;
            };
            let mut seen: BTreeSet<Candidate> = BTreeSet::new();
            for candidate in candidates(&terms.stems) {
                length += 1;
                *totals.entry(candidate.clone()).or_insert(0) += 1;
                let entry = group.entry(candidate.clone()).or_insert((0, 0));
                entry.0 += 1;
                if seen.insert(candidate) {
                    entry.1 += 1;
                }
            }
        }
        group_lengths.push(length.max(1));
        counts.push(group);
    }
    let average_length =
        group_lengths.iter().sum::<u64>() as f64 / group_lengths.len().max(1) as f64;

    groups
        .iter()
        .zip(&counts)
        .zip(&group_lengths)
        .map(|((members, group), &length)| {
            let min_support = members.len().min(2) as u32;
            let mut scored: Vec<(f64, &Candidate)> = group
                .iter()
                .filter(|(_, &(_, docs))| docs >= min_support)
                .map(|(candidate, &(count, _))| {
                    let total = totals.get(candidate).copied().unwrap_or(count).max(1);
                    let tf = f64::from(count) / length as f64;
                    let idf = (1.0 + average_length / f64::from(total)).ln();
                    (tf * idf, candidate)
                })
                .collect();
            // Highest score first; ties: lexicographic, so output never depends on map order.
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            let terms: Vec<WeightedTerm> = scored
                .iter()
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

/// Words and adjacent word pairs (no dropped word between them) of one article.
fn candidates(stems: &[(String, u32)]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = stems.iter().map(|(s, _)| vec![s.clone()]).collect();
    for pair in stems.windows(2) {
        if let [(a, pa), (b, pb)] = pair {
            if pa.saturating_add(1) == *pb && a != b {
                out.push(vec![a.clone(), b.clone()]);
            }
        }
    }
    out
}

fn surface(space: &TermSpace, candidate: &Candidate) -> String {
    candidate
        .iter()
        .map(|stem| space.surface_of(stem))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The best candidates that share no stem with one already taken, up to four words.
fn compose_label(space: &TermSpace, scored: &[(f64, &Candidate)]) -> String {
    let mut used: BTreeSet<&str> = BTreeSet::new();
    let mut parts: Vec<String> = Vec::new();
    let mut words = 0;
    for (_, candidate) in scored {
        if words >= MIN_LABEL_WORDS {
            break;
        }
        if words + candidate.len() > MAX_LABEL_WORDS
            || candidate.iter().any(|s| used.contains(s.as_str()))
        {
            continue;
        }
        used.extend(candidate.iter().map(String::as_str));
        words += candidate.len();
        parts.push(surface(space, candidate));
    }
    parts.join(", ")
}
