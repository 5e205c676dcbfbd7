//! Analytics: everything "what is in this corpus?" in one value, computed by one function from
//! the articles, so build.rs (embedded corpus) and the page (a corpus loaded later) agree.

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::entities::{extract_entities, ArticleEntities, EntityConfig, EntityReport};
use crate::index::facets::{DocFacets, FacetKey};
use crate::quotes::{extract_quotes, Quote};
use crate::timeline::{timeline, Timeline};
use crate::topics::{
    analyse_topics, Layout, RelatedArticles, TopicConfig, TopicModel, OTHER_LABEL,
};

/// Topic model, map, related articles, entities, quotations and timeline of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analytics {
    pub topics: TopicModel,
    pub layout: Layout,
    pub related: Vec<RelatedArticles>,
    pub entities: EntityReport,
    pub quotes: Vec<Quote>,
    pub timeline: Timeline,
    /// Facet values per article, in corpus order.
    pub facets: Vec<ArticleFacets>,
}

/// The facet values of one article, for the search facets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleFacets {
    pub article: String,
    /// `None`: the "Other" bucket.
    pub topic: Option<usize>,
    /// The topic's label or "Other".
    pub topic_label: String,
    pub people: Vec<String>,
    pub orgs: Vec<String>,
    pub places: Vec<String>,
    pub countries: Vec<String>,
}

impl ArticleFacets {
    /// The values as search facets, what [`crate::index::SearchIndex::build`] takes per article.
    /// Articles in the "Other" bucket get no topic value.
    pub fn doc_facets(&self) -> DocFacets {
        let mut facets = DocFacets::new();
        if self.topic.is_some() {
            facets.insert(FacetKey::Topic, vec![self.topic_label.clone()]);
        }
        for (key, names) in [
            (FacetKey::Person, &self.people),
            (FacetKey::Org, &self.orgs),
            (FacetKey::Place, &self.places),
            (FacetKey::Country, &self.countries),
        ] {
            if !names.is_empty() {
                facets.insert(key, names.clone());
            }
        }
        facets
    }
}

/// Tuning of every analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnalyticsConfig {
    pub topics: TopicConfig,
    pub entities: EntityConfig,
}

/// Computes all analytics of `articles`.
pub fn analyse(articles: &[Article], config: &AnalyticsConfig) -> Analytics {
    let topic_analysis = analyse_topics(articles, &config.topics);
    let entities = extract_entities(articles, &config.entities);
    let facets = articles
        .iter()
        .zip(&topic_analysis.model.assignments)
        .zip(&entities.articles)
        .map(|((article, assignment), found)| {
            let ArticleEntities {
                people,
                orgs,
                places,
                countries,
                ..
            } = found.clone();
            ArticleFacets {
                article: article.id.clone(),
                topic: assignment.topic,
                topic_label: if assignment.topic.is_some() {
                    assignment.label.clone()
                } else {
                    OTHER_LABEL.to_string()
                },
                people,
                orgs,
                places,
                countries,
            }
        })
        .collect();
    Analytics {
        topics: topic_analysis.model,
        layout: topic_analysis.layout,
        related: topic_analysis.related,
        entities,
        quotes: extract_quotes(articles),
        timeline: timeline(articles),
        facets,
    }
}
