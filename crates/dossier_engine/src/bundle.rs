//! The bundle: everything precomputed at build time and embedded in the page as JSON.

use serde::{Deserialize, Serialize};

use crate::analytics::{analyse, Analytics, AnalyticsConfig};
use crate::article::Article;
use crate::ingest::Warning;

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
