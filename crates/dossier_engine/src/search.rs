//! Search. Foundation version: a case-insensitive substring filter.
//! The search-engine issue replaces it with BM25F over an inverted index.

use crate::article::Article;

/// Indices of the articles whose text contains every whitespace-separated word of `query`.
pub fn filter_substring(articles: &[Article], query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    articles
        .iter()
        .enumerate()
        .filter(|(_, article)| {
            let text = article.full_text().to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}
