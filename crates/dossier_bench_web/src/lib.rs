//! Benchmark bindings: Dossier's engine behind a minimal wasm-bindgen surface, so the browser
//! benchmark (`cargo xtask bench-web`, `tests/bench/`) can time index build and queries from JS
//! with `performance.now()` around each call.
//!
//! The logic lives in [`BenchCorpus`] (plain Rust, tested natively); [`Bench`] only forwards to it.
//! Never shipped in the app.

use dossier_engine::eval::{beir_article, replicate};
use dossier_engine::index::SearchIndex;
use dossier_engine::search::SearchRequest;
use dossier_engine::Article;
use wasm_bindgen::prelude::*;

/// Results per query, as the app's first page of results would ask for.
pub const PAGE_SIZE: usize = 10;

/// One line of BEIR `corpus.jsonl`.
#[derive(serde::Deserialize)]
struct BeirLine {
    #[serde(rename = "_id")]
    underscore_id: Option<String>,
    id: Option<String>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
}

/// A BEIR corpus loaded as articles, optionally replicated, and (once built) its index.
#[derive(Debug, Default)]
pub struct BenchCorpus {
    articles: Vec<Article>,
    index: Option<SearchIndex>,
}

impl BenchCorpus {
    /// Parses BEIR `corpus.jsonl` text (`_id`, `title`, `text` per line) into articles, `copies`
    /// times over (at least once). Copy 0 keeps the original ids; copy k > 0 gets `<id>~k`, so a
    /// replicated corpus has distinct ids. A malformed line is an error naming its line number.
    pub fn load(corpus_jsonl: &str, copies: u32) -> Result<BenchCorpus, String> {
        let mut originals = Vec::new();
        for (number, line) in corpus_jsonl.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            // Typed, not `serde_json::Value`: the parse is part of the timed build.
            let doc: BeirLine = serde_json::from_str(line)
                .map_err(|e| format!("corpus line {}: {e}", number.saturating_add(1)))?;
            let id = doc
                .underscore_id
                .or(doc.id)
                .ok_or_else(|| format!("corpus line {}: no `_id`", number.saturating_add(1)))?;
            originals.push(beir_article(id, doc.title, doc.text));
        }
        let articles = replicate(&originals, copies as usize);
        Ok(BenchCorpus {
            articles,
            index: None,
        })
    }

    /// Builds (or rebuilds) the search index over the loaded articles.
    pub fn build_index(&mut self) {
        self.index = Some(SearchIndex::build(&self.articles, &[]));
    }

    /// Number of loaded articles.
    pub fn doc_count(&self) -> usize {
        self.articles.len()
    }

    /// Runs one query as the app does (search-as-you-type defaults, first page of [`PAGE_SIZE`],
    /// facet counts and snippets computed). Returns a checksum of the response (total matches +
    /// hits returned + every facet count) so the work cannot be optimised away; 0 before
    /// [`BenchCorpus::build_index`].
    pub fn search(&self, query: &str) -> u64 {
        let Some(index) = &self.index else {
            return 0;
        };
        let request = SearchRequest {
            page_size: PAGE_SIZE,
            ..SearchRequest::new(query)
        };
        let response = index.search(&self.articles, &request);
        let facet_sum: u64 = response
            .facets
            .values()
            .flatten()
            .map(|f| f.count as u64)
            .sum();
        (response.total as u64)
            .saturating_add(response.hits.len() as u64)
            .saturating_add(facet_sum)
    }
}

/// The JS face of [`BenchCorpus`].
#[wasm_bindgen]
pub struct Bench {
    corpus: BenchCorpus,
}

#[wasm_bindgen]
impl Bench {
    /// Loads BEIR `corpus.jsonl` text `copies` times (see [`BenchCorpus::load`]); throws on a
    /// malformed line.
    pub fn load(corpus_jsonl: &str, copies: u32) -> Result<Bench, String> {
        BenchCorpus::load(corpus_jsonl, copies).map(|corpus| Bench { corpus })
    }

    /// Builds the search index (time this call from JS).
    pub fn build_index(&mut self) {
        self.corpus.build_index();
    }

    /// Number of loaded articles.
    pub fn doc_count(&self) -> u32 {
        u32::try_from(self.corpus.doc_count()).unwrap_or(u32::MAX)
    }

    /// One query; returns the response checksum (see [`BenchCorpus::search`]).
    pub fn search(&self, query: &str) -> f64 {
        self.corpus.search(query) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORPUS: &str = concat!(
        r#"{"_id": "1", "title": "Vitamin B12", "text": "Deficiency raises homocysteine levels."}"#,
        "\n\n",
        r#"{"_id": "2", "title": "Birth weight", "text": "Low birth weight and perinatal mortality."}"#,
        "\n"
    );

    #[test]
    fn loads_and_replicates_with_distinct_ids() {
        let corpus = BenchCorpus::load(CORPUS, 3).unwrap();
        assert_eq!(corpus.doc_count(), 6);
        let ids: std::collections::BTreeSet<_> =
            corpus.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), 6);
        assert!(ids.contains("2~2"));
    }

    #[test]
    fn search_counts_matches_only_after_build() {
        let mut corpus = BenchCorpus::load(CORPUS, 2).unwrap();
        assert_eq!(corpus.search("homocysteine"), 0);
        corpus.build_index();
        // 2 matches + 2 hits + facet counts (kind "abstract" for both copies, at least).
        assert!(corpus.search("homocysteine") >= 4);
    }

    #[test]
    fn malformed_line_is_an_error_naming_it() {
        let err = BenchCorpus::load("{\"_id\": \"1\"}\nnot json\n", 1).unwrap_err();
        assert!(err.starts_with("corpus line 2"), "{err}");
    }
}
