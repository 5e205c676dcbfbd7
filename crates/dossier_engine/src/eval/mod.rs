//! Retrieval evaluation on BEIR collections, with the measures computed as trec_eval does.
//!
//! Layout read: `corpus.jsonl` (`id`/`_id`, `title`, `text`), queries in `queries_<split>.jsonl`
//! or `queries.jsonl`, judgements in `qrels/<split>.tsv`, `qrels_<split>.tsv` or (test only)
//! `qrels.tsv`, with a `query-id corpus-id score` header.
//!
//! Measures (trec_eval conventions): ranked by score descending, ties by document id
//! descending; nDCG@10 with linear gains (the judged relevance) and log2 discounts, ideal from
//! the judgements; recall@100; MAP over the whole returned list (1000 documents). Averaged
//! over the queries that have at least one relevant judgement.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzer;
use crate::article::Article;
use crate::index::SearchIndex;
use crate::query::Query;

/// Documents retrieved per query (trec_eval's usual depth).
pub const RUN_DEPTH: usize = 1000;

/// Which judgements to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    Train,
    Test,
}

impl Split {
    fn name(self) -> &'static str {
        match self {
            Split::Train => "train",
            Split::Test => "test",
        }
    }
}

/// A loaded BEIR collection.
#[derive(Debug, Clone, Default)]
pub struct BeirCollection {
    /// Documents as articles (title, one body paragraph), so they go through the real index.
    pub articles: Vec<Article>,
    /// (query id, text) of the judged queries, in file order.
    pub queries: Vec<(String, String)>,
    /// query id -> document id -> relevance.
    pub qrels: BTreeMap<String, BTreeMap<String, i32>>,
}

/// A problem reading a collection: which file, which line, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for EvalError {}

#[derive(Deserialize)]
struct JsonDoc {
    #[serde(alias = "_id")]
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|e| EvalError {
        path: path.to_path_buf(),
        line: None,
        message: e.to_string(),
    })
}

fn read_jsonl(path: &Path) -> Result<Vec<JsonDoc>, EvalError> {
    let text = read(path)?;
    let mut out = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: JsonDoc = serde_json::from_str(line).map_err(|e| EvalError {
            path: path.to_path_buf(),
            line: Some(number + 1),
            message: e.to_string(),
        })?;
        out.push(doc);
    }
    Ok(out)
}

fn first_existing(candidates: &[PathBuf]) -> Option<PathBuf> {
    candidates.iter().find(|p| p.is_file()).cloned()
}

impl BeirCollection {
    /// Loads `dir` for a split.
    pub fn load(dir: &Path, split: Split) -> Result<BeirCollection, EvalError> {
        let name = split.name();
        let missing = |what: &str| EvalError {
            path: dir.to_path_buf(),
            line: None,
            message: format!("no {what} file for the {name} split"),
        };
        let mut qrels_candidates = vec![
            dir.join("qrels").join(format!("{name}.tsv")),
            dir.join(format!("qrels_{name}.tsv")),
        ];
        if split == Split::Test {
            qrels_candidates.push(dir.join("qrels.tsv"));
        }
        let qrels_path = first_existing(&qrels_candidates).ok_or_else(|| missing("qrels"))?;
        let queries_path = first_existing(&[
            dir.join(format!("queries_{name}.jsonl")),
            dir.join("queries.jsonl"),
        ])
        .ok_or_else(|| missing("queries"))?;

        let qrels = parse_qrels(&qrels_path, &read(&qrels_path)?)?;
        let queries = read_jsonl(&queries_path)?
            .into_iter()
            .filter(|q| qrels.get(&q.id).is_some_and(|j| j.values().any(|r| *r > 0)))
            .map(|q| (q.id, q.text))
            .collect();
        let articles = read_jsonl(&dir.join("corpus.jsonl"))?
            .into_iter()
            .map(|doc| beir_article(doc.id, doc.title, doc.text))
            .collect();
        Ok(BeirCollection {
            articles,
            queries,
            qrels,
        })
    }
}

/// A BEIR document as an article: title, and the text as the one body paragraph.
pub fn beir_article(id: String, title: String, text: String) -> Article {
    Article {
        file: format!("corpus.jsonl#{id}"),
        id,
        title: title.into(),
        kind: "abstract".into(),
        body: vec![text.into()],
        ..Article::default()
    }
}

/// `articles` `copies` times over (at least once), as the scale benchmarks use them: copy 0
/// keeps its ids, copy k > 0 gets `<id>~k` (what `tests/bench/make-50k.mjs` writes), so every id
/// stays distinct.
pub fn replicate(articles: &[Article], copies: usize) -> Vec<Article> {
    let mut replicated = Vec::with_capacity(articles.len().saturating_mul(copies.max(1)));
    for copy in 0..copies.max(1) {
        replicated.extend(articles.iter().map(|article| {
            let mut article = article.clone();
            if copy > 0 {
                article.id = format!("{}~{copy}", article.id);
            }
            article
        }));
    }
    replicated
}

/// Parses `query-id corpus-id score` lines (tab or space separated, header optional).
pub fn parse_qrels(
    path: &Path,
    text: &str,
) -> Result<BTreeMap<String, BTreeMap<String, i32>>, EvalError> {
    let mut qrels: BTreeMap<String, BTreeMap<String, i32>> = BTreeMap::new();
    for (number, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (query, doc, score) = match fields.as_slice() {
            [] => continue,
            [q, _, _] if *q == "query-id" => continue,
            [q, d, s] | [q, _, d, s] => (*q, *d, *s),
            _ => {
                return Err(EvalError {
                    path: path.to_path_buf(),
                    line: Some(number + 1),
                    message: "expected 'query-id corpus-id score'".into(),
                })
            }
        };
        let score: i32 = score.parse().map_err(|_| EvalError {
            path: path.to_path_buf(),
            line: Some(number + 1),
            message: format!("score '{score}' is not an integer"),
        })?;
        qrels
            .entry(query.to_string())
            .or_default()
            .insert(doc.to_string(), score);
    }
    Ok(qrels)
}

/// The averaged measures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    #[serde(rename = "ndcg@10")]
    pub ndcg_at_10: f64,
    #[serde(rename = "recall@100")]
    pub recall_at_100: f64,
    pub map: f64,
    pub queries: usize,
}

/// Ranks the document ids of a run as trec_eval does: score descending, then id descending.
pub fn trec_order(run: &mut [(String, f32)]) {
    run.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
}

/// nDCG@k of one ranked list (linear gains, log2 discounts).
pub fn ndcg_at(ranked: &[String], judged: &BTreeMap<String, i32>, k: usize) -> f64 {
    let gain = |doc: &String| f64::from(judged.get(doc).copied().unwrap_or(0).max(0));
    let discount = |rank: usize| (rank as f64 + 2.0).log2();
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(rank, doc)| gain(doc) / discount(rank))
        .sum();
    let mut ideal: Vec<i32> = judged.values().copied().filter(|r| *r > 0).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(k)
        .enumerate()
        .map(|(rank, r)| f64::from(*r) / discount(rank))
        .sum();
    if idcg > 0.0 {
        dcg / idcg
    } else {
        0.0
    }
}

/// Fraction of the relevant documents found in the first `k`.
pub fn recall_at(ranked: &[String], judged: &BTreeMap<String, i32>, k: usize) -> f64 {
    let relevant = judged.values().filter(|r| **r > 0).count();
    if relevant == 0 {
        return 0.0;
    }
    let found = ranked
        .iter()
        .take(k)
        .filter(|doc| judged.get(*doc).is_some_and(|r| *r > 0))
        .count();
    found as f64 / relevant as f64
}

/// Average precision over the whole list.
pub fn average_precision(ranked: &[String], judged: &BTreeMap<String, i32>) -> f64 {
    let relevant = judged.values().filter(|r| **r > 0).count();
    if relevant == 0 {
        return 0.0;
    }
    let mut found = 0usize;
    let mut sum = 0.0;
    for (rank, doc) in ranked.iter().enumerate() {
        if judged.get(doc).is_some_and(|r| *r > 0) {
            found += 1;
            sum += found as f64 / (rank + 1) as f64;
        }
    }
    sum / relevant as f64
}

/// Runs every query of the collection against an index built from its articles.
pub fn evaluate(collection: &BeirCollection, index: &SearchIndex) -> Metrics {
    let analyzer = Analyzer::default();
    let mut totals = (0.0, 0.0, 0.0);
    let mut count = 0usize;
    for (query_id, text) in &collection.queries {
        let Some(judged) = collection.qrels.get(query_id) else {
            continue;
        };
        let query = Query::any_words(&analyzer, text);
        let mut run: Vec<(String, f32)> = index
            .rank(&query, RUN_DEPTH)
            .into_iter()
            .filter_map(|(doc, score)| Some((index.doc_id(doc)?.to_string(), score)))
            .collect();
        trec_order(&mut run);
        let ranked: Vec<String> = run.into_iter().map(|(id, _)| id).collect();
        totals.0 += ndcg_at(&ranked, judged, 10);
        totals.1 += recall_at(&ranked, judged, 100);
        totals.2 += average_precision(&ranked, judged);
        count += 1;
    }
    let n = count.max(1) as f64;
    Metrics {
        ndcg_at_10: totals.0 / n,
        recall_at_100: totals.1 / n,
        map: totals.2 / n,
        queries: count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(pairs: &[(&str, i32)]) -> BTreeMap<String, i32> {
        pairs.iter().map(|(d, r)| (d.to_string(), *r)).collect()
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn replicate_keeps_the_first_copy_and_gives_the_others_distinct_ids() {
        let articles = vec![
            beir_article("a".into(), "A".into(), "x".into()),
            beir_article("b".into(), "B".into(), "y".into()),
        ];
        let ids = |list: &[Article]| list.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(&replicate(&articles, 3)),
            ["a", "b", "a~1", "b~1", "a~2", "b~2"]
        );
        assert_eq!(ids(&replicate(&articles, 0)), ["a", "b"]);
        assert_eq!(replicate(&articles, 2)[3].title, articles[1].title);
    }

    #[test]
    fn ndcg_matches_hand_computation() {
        let j = judged(&[("a", 1), ("b", 1)]);
        assert!((ndcg_at(&ids(&["a", "b", "c"]), &j, 10) - 1.0).abs() < 1e-12);
        // Relevant at ranks 2 and 3: (1/log2(3) + 1/log2(4)) / (1 + 1/log2(3)).
        let expected = (1.0 / 3f64.log2() + 0.5) / (1.0 + 1.0 / 3f64.log2());
        assert!((ndcg_at(&ids(&["x", "a", "b"]), &j, 10) - expected).abs() < 1e-12);
    }

    #[test]
    fn map_and_recall_match_hand_computation() {
        let j = judged(&[("a", 1), ("b", 1), ("z", 0)]);
        let ranked = ids(&["a", "x", "b", "z"]);
        assert!((average_precision(&ranked, &j) - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-12);
        assert!((recall_at(&ranked, &j, 2) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn ties_break_by_descending_id_like_trec_eval() {
        let mut run = vec![
            ("a".to_string(), 1.0),
            ("b".to_string(), 1.0),
            ("c".to_string(), 2.0),
        ];
        trec_order(&mut run);
        let order: Vec<&str> = run.iter().map(|(d, _)| d.as_str()).collect();
        assert_eq!(order, vec!["c", "b", "a"]);
    }

    #[test]
    fn qrels_parse_with_header_and_report_bad_lines() {
        let q = parse_qrels(Path::new("q.tsv"), "query-id\tcorpus-id\tscore\n1\td1\t1\n").unwrap();
        assert_eq!(q["1"]["d1"], 1);
        let err = parse_qrels(Path::new("q.tsv"), "1 d1 x\n").unwrap_err();
        assert_eq!(err.line, Some(1));
    }
}
