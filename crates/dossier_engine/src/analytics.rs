//! Analytics: everything "what is in this corpus?" in one value, computed by one function from
//! the articles, so build.rs (embedded corpus) and the page (a corpus loaded later) agree.

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::entities::{EntityExtractor, EntityKind, EntityReport, EntityTally};
use crate::index::facets::{DocFacets, FacetKey};
use crate::quotes::{article_quotes, Quote};
use crate::timeline::{timeline, Timeline};
use crate::topics::{analyse_topics_reporting, Layout, RelatedArticles, TopicConfig, TopicModel};

/// Topic model, map, related articles, entities, quotations and timeline of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analytics {
    pub topics: TopicModel,
    pub layout: Layout,
    pub related: Vec<RelatedArticles>,
    pub entities: EntityReport,
    pub quotes: Vec<Quote>,
    pub timeline: Timeline,
}

impl Analytics {
    /// Each article's facet values (topic, people, organisations, places, countries), in corpus
    /// order: what [`crate::index::SearchIndexBuilder::add`] takes. Derived from the topic
    /// assignments and the entity report rather than stored a second time in the bundle (7 MB
    /// of JSON at 50,000 articles), and one article at a time, so they are never all held at
    /// once.
    pub fn doc_facets(&self) -> impl Iterator<Item = DocFacets> + '_ {
        let count = self
            .topics
            .assignments
            .len()
            .max(self.entities.articles.len());
        (0..count).map(|i| self.doc_facets_of(i))
    }

    /// The facet values of the article at `index` (see [`Analytics::doc_facets`]). Articles in
    /// the "Other" bucket get no topic value.
    pub fn doc_facets_of(&self, index: usize) -> DocFacets {
        let mut facets = DocFacets::new();
        if let Some(assignment) = self
            .topics
            .assignments
            .get(index)
            .filter(|a| a.topic.is_some())
        {
            facets.insert(FacetKey::Topic, vec![assignment.label.clone()]);
        }
        if let Some(found) = self.entities.articles.get(index) {
            for kind in EntityKind::ALL {
                let names = found.of_kind(kind);
                if !names.is_empty() {
                    facets.insert(FacetKey::of_entities(kind), names.to_vec());
                }
            }
        }
        facets
    }
}

/// Tuning of every analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnalyticsConfig {
    pub topics: TopicConfig,
}

/// How far [`analyse_reporting`] has got: for the progress bar of a load in the page, where
/// the analytics of thousands of articles take a while.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalysisProgress {
    /// Weighing each article's words for the topic model.
    Words,
    /// Clustering: `tried` of `total` numbers of topics tried (the best one is kept).
    Clustering { tried: usize, total: usize },
    /// Placing the articles on the topic map and finding each one's related articles.
    MapAndRelated,
    /// People, places, organisations and quotations: `done` of `total` articles read.
    Entities { done: usize, total: usize },
}

/// Articles between two [`AnalysisProgress::Entities`] reports.
const ENTITY_PROGRESS_EVERY: usize = 500;

/// Computes all analytics of `articles`.
pub fn analyse(articles: &[Article], config: &AnalyticsConfig) -> Analytics {
    analyse_reporting(articles, config, &mut |_| ())
}

/// [`analyse`], telling `progress` how far it has got as it goes.
pub fn analyse_reporting(
    articles: &[Article],
    config: &AnalyticsConfig,
    progress: &mut dyn FnMut(AnalysisProgress),
) -> Analytics {
    let topic_analysis = analyse_topics_reporting(articles, &config.topics, progress);
    // Each article's entity mentions are found once and feed both the entity report and the
    // quotations' attribution (finding them is most of either).
    let extractor = EntityExtractor::new(articles);
    let mut tally = EntityTally::with_capacity(articles.len());
    let mut quotes = Vec::new();
    for (done, article) in articles.iter().enumerate() {
        if done % ENTITY_PROGRESS_EVERY == 0 {
            progress(AnalysisProgress::Entities {
                done,
                total: articles.len(),
            });
        }
        let mentions = extractor.mentions(article);
        quotes.extend(article_quotes(article, &mentions));
        tally.add(article, &mentions);
    }
    let entities = tally.report(&extractor);
    Analytics {
        topics: topic_analysis.model,
        layout: topic_analysis.layout,
        related: topic_analysis.related,
        entities,
        quotes,
        timeline: timeline(articles),
    }
}
