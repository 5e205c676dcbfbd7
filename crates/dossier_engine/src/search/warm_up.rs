//! Queries that take a keystroke's search down each of its paths (exact words, the last word as
//! a prefix, typo lookups and "did you mean", the any-word fallback), made of the corpus's own
//! words. The page runs them while idle after start-up: browsers first compile WebAssembly in a
//! quick baseline tier and optimise only the functions that turn out hot, so without them the
//! first keystrokes pay for compiling the search (at 50,000 articles, 2 to 5 times a warm query).

use crate::article::Article;

/// A word that no corpus has: the any-word fallback's missing word.
const ABSENT_WORD: &str = "qxzjvw";

/// Up to three queries over the first titled article; none for a corpus without titles.
pub fn warm_up_queries(articles: &[Article]) -> Vec<String> {
    let Some(title) = articles
        .iter()
        .map(|a| a.title.trim())
        .find(|t| !t.is_empty())
    else {
        return Vec::new();
    };
    let mut queries = vec![title.to_string()];
    let longest = title
        .split_whitespace()
        .max_by_key(|w| w.chars().count())
        .unwrap_or(title);
    // Typo lookups start at five chars: drop the second one (one edit away from the real word).
    if longest.chars().count() >= 5 {
        let typo: String = longest
            .chars()
            .enumerate()
            .filter(|(i, _)| *i != 1)
            .map(|(_, c)| c)
            .collect();
        queries.push(typo);
    }
    queries.push(format!("{longest} {ABSENT_WORD}"));
    queries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::SearchIndex;
    use crate::search::{NoticeKind, SearchRequest};

    fn titled(id: &str, title: &str, body: &str) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            body: vec![crate::Text::from(body)],
            ..Article::default()
        }
    }

    #[test]
    fn each_query_takes_its_path() {
        let articles = vec![
            titled("untitled", "  ", "No title here."),
            titled(
                "treaty",
                "India suspends the Indus Waters Treaty",
                "Water talks.",
            ),
            titled("floods", "Floods in Sindh", "Monsoon rains."),
        ];
        let index = SearchIndex::build(&articles, &[]);
        let queries = warm_up_queries(&articles);
        let responses: Vec<_> = queries
            .iter()
            .map(|q| index.search(&articles, &SearchRequest::new(q.as_str())))
            .collect();
        let [exact, typo, fallback] = responses.as_slice() else {
            panic!("expected three queries, got {queries:?}");
        };
        assert_eq!(queries[0], "India suspends the Indus Waters Treaty");
        assert_eq!(exact.hits.first().map(|h| h.article), Some(1));
        // "sspends" finds "suspends" only through a typo lookup.
        assert_eq!(queries[1], "sspends");
        assert_eq!(typo.hits.first().map(|h| h.article), Some(1));
        assert_eq!(typo.did_you_mean.as_deref(), Some("suspends"));
        assert!(fallback
            .notices
            .iter()
            .any(|n| n.kind == NoticeKind::AnyTermFallback));
        assert_eq!(fallback.hits.len(), 1);
    }

    #[test]
    fn short_titles_skip_the_typo_query_and_no_titles_give_none() {
        let articles = vec![titled("a", "Rain", "Rain.")];
        assert_eq!(warm_up_queries(&articles), vec!["Rain", "Rain qxzjvw"]);
        assert!(warm_up_queries(&[]).is_empty());
        assert!(warm_up_queries(&[titled("b", "", "Body.")]).is_empty());
    }
}
