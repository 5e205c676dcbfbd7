//! The bundle: everything precomputed at build time and embedded in the page as JSON.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::analytics::{analyse, Analytics, AnalyticsConfig};
use crate::article::Article;
use crate::entities::EntityExtractor;
use crate::index::SearchIndex;
use crate::ingest::Warning;
#[cfg(test)]
use crate::quotes::Quote;
use crate::view_model::{quotations, Quotation};

/// What build.rs writes and the app parses once at start-up.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Bundle {
    pub articles: Vec<Article>,
    /// Ingest warnings, so the page can say what was skipped and why.
    pub warnings: Vec<Warning>,
    /// Topics, map, related articles, entities, quotations and timeline.
    #[serde(default)]
    pub analytics: Analytics,
}

impl Bundle {
    /// Builds the bundle for a set of ingested articles.
    pub fn build(articles: Vec<Article>, warnings: Vec<Warning>) -> Self {
        let analytics = analyse(&articles, &AnalyticsConfig::default());
        Bundle {
            articles,
            warnings,
            analytics,
        }
    }
}

/// A bundle with what the page derives from it at start-up: the search index, the quotations
/// by article, the entity highlighter and the article lookup. Built once per bundle; the
/// analytics are read in place, never copied.
pub struct IndexedBundle<'a> {
    pub bundle: &'a Bundle,
    pub index: SearchIndex,
    /// Every quotation of the corpus, in article order.
    pub quotes: Vec<Quotation>,
    /// Finds entity mentions in an article (for the reader's highlights).
    pub extractor: EntityExtractor,
    /// Article id -> index into the articles.
    positions: HashMap<&'a str, usize>,
}

impl<'a> IndexedBundle<'a> {
    /// Builds everything, calling `after_step` with the name of each step as it completes (for
    /// performance marks and memory measurements).
    pub fn build(bundle: &'a Bundle, mut after_step: impl FnMut(&'static str)) -> Self {
        let articles = &bundle.articles;
        let analytics = &bundle.analytics;
        let index = SearchIndex::build_streaming(articles, analytics.doc_facets());
        after_step("search index");
        let positions: HashMap<&'a str, usize> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        after_step("article lookup");
        let quotes = quotations(&analytics.quotes, |id| positions.get(id).copied());
        after_step("quotations");
        let extractor = EntityExtractor::from_report(&analytics.entities);
        after_step("entity extractor");
        IndexedBundle {
            bundle,
            index,
            quotes,
            extractor,
            positions,
        }
    }

    /// The index of the article with `id`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.positions.get(id).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, title: &str, body: &str) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            body: vec![body.into()],
            ..Article::default()
        }
    }

    #[test]
    fn an_indexed_bundle_finds_articles_and_lists_quotations_by_article() {
        let mut bundle = Bundle::build(
            vec![
                article("first", "Water talks", "The commission met in Lahore."),
                article(
                    "second",
                    "Cyber law",
                    "\u{201c}We will defend our water with full force,\u{201d} Foreign Minister Ishaq Dar said.",
                ),
            ],
            Vec::new(),
        );
        let quote = bundle.analytics.quotes.first().cloned();
        let Some(quote) = quote else {
            panic!("no quotation found in {:?}", bundle.articles[1].body);
        };
        // A quotation of an article the bundle does not have cannot be opened: left out.
        bundle.analytics.quotes.push(Quote {
            article: "missing".into(),
            ..quote.clone()
        });
        let mut steps = Vec::new();
        let indexed = IndexedBundle::build(&bundle, |step| steps.push(step));
        assert_eq!(
            steps,
            [
                "search index",
                "article lookup",
                "quotations",
                "entity extractor"
            ]
        );
        assert_eq!(indexed.position("second"), Some(1));
        assert_eq!(indexed.position("missing"), None);
        assert_eq!(
            indexed.quotes,
            [Quotation {
                article: 1,
                text: quote.text.clone(),
                speaker: quote.speaker.clone(),
            }]
        );
        assert_eq!(quote.speaker.as_deref(), Some("Ishaq Dar"));
        assert_eq!(indexed.index.doc_count(), 2);
    }
}
