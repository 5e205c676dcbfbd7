//! Topics: what is this corpus about?
//!
//! Pipeline (each step in its own file): [`vectors`] (analysed terms -> sublinear TF-IDF with
//! document-frequency cut-offs) -> optional [`lsa`] -> [`kmeans`] (seeded spherical k-means++,
//! k chosen by silhouette unless fixed) -> "Other" bucket for articles in no real topic ->
//! [`labels`] (class-based TF-IDF words and phrases) -> [`layout`] (2-D map) and related
//! articles. Same articles and config, same output, on every platform.

mod kmeans;
mod labels;
mod layout;
mod lsa;
pub mod metrics;
mod rng;
mod vectors;

use crate::text::Text;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::analytics::AnalysisProgress;
use crate::article::Article;
use kmeans::{KMeansParams, Points};
pub use layout::{ArticlePoint, Layout, TopicPoint};
pub use vectors::VectorConfig;

/// The label of the bucket for articles that fit no topic.
pub const OTHER_LABEL: &str = "Other";

/// How many topics to find.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TopicCount {
    /// Chosen by the best mean silhouette over `2..=max_auto_topics`.
    #[default]
    Auto,
    /// Exactly this many clusters (fewer if there are fewer articles).
    Fixed(usize),
}

impl FromStr for TopicCount {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.eq_ignore_ascii_case("auto") {
            return Ok(TopicCount::Auto);
        }
        match text.parse::<usize>() {
            Ok(k) if k >= 1 => Ok(TopicCount::Fixed(k)),
            _ => Err(format!(
                "expected `auto` or a number of topics of at least 1, got `{text}`"
            )),
        }
    }
}

impl fmt::Display for TopicCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TopicCount::Auto => write!(f, "auto"),
            TopicCount::Fixed(k) => write!(f, "{k}"),
        }
    }
}

/// Everything that tunes topic modelling. `Default` is what the bundle uses.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicConfig {
    pub topics: TopicCount,
    /// Seed of every random choice (k-means++ starts, LSA start basis).
    pub seed: u64,
    pub vectors: VectorConfig,
    /// Reduce to this many LSA dimensions before clustering; `None` clusters the sparse TF-IDF
    /// vectors directly. Ignored when the vocabulary is not larger than the dimension.
    pub lsa_dims: Option<usize>,
    /// Subspace iterations of the LSA projection.
    pub lsa_iterations: usize,
    /// Upper bound of automatic k (also capped at about sqrt(#articles)).
    pub max_auto_topics: usize,
    /// k-means runs per k; the best objective wins.
    pub restarts: usize,
    pub max_iterations: usize,
    /// Clusters smaller than this go to the "Other" bucket.
    pub min_topic_size: usize,
    /// At most this many articles (evenly spaced) score the silhouette for automatic k.
    pub silhouette_sample: usize,
    /// Most representative articles listed per topic.
    pub representatives: usize,
    /// Related articles listed per article.
    pub related: usize,
}

impl Default for TopicConfig {
    fn default() -> Self {
        TopicConfig {
            topics: TopicCount::Auto,
            seed: 0x00D0_551E,
            vectors: VectorConfig::default(),
            lsa_dims: None,
            lsa_iterations: 6,
            max_auto_topics: 12,
            restarts: 5,
            max_iterations: 50,
            min_topic_size: 2,
            silhouette_sample: 600,
            representatives: 3,
            related: 5,
        }
    }
}

/// A term or phrase with its class-based TF-IDF weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightedTerm {
    /// Readable surface form ("treaty", "Indus treaty"), not the stem.
    pub term: String,
    pub weight: f32,
}

/// One topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    /// 0-based; topics are numbered by size, largest first.
    pub id: usize,
    /// Two to four words a person understands.
    pub label: String,
    /// Most distinctive terms and phrases, best first.
    pub terms: Vec<WeightedTerm>,
    pub size: usize,
    /// Member article ids, in corpus order.
    pub articles: Vec<String>,
    /// The members closest to the topic centre, closest first.
    pub representative: Vec<String>,
}

/// Where one article went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicAssignment {
    pub article: Text,
    /// `None`: the "Other" bucket.
    pub topic: Option<usize>,
    /// The topic's label, or [`OTHER_LABEL`].
    pub label: String,
    /// Cosine similarity to the nearest topic centre.
    pub similarity: f32,
}

/// The score of one candidate k during automatic selection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KScore {
    pub k: usize,
    pub silhouette: f32,
}

/// The topics of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicModel {
    /// Number of clusters k-means used (topics plus those dissolved into "Other").
    pub k: usize,
    pub topics: Vec<Topic>,
    /// Articles in no topic, in corpus order.
    pub other: Vec<String>,
    /// One per article, in corpus order.
    pub assignments: Vec<TopicAssignment>,
    /// Silhouette per candidate k (empty when k was fixed).
    pub k_scores: Vec<KScore>,
}

/// An article similar to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedArticle {
    pub article: Text,
    /// Cosine similarity in (0, 1].
    pub score: f32,
}

/// The most similar articles to one article, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedArticles {
    pub article: Text,
    pub related: Vec<RelatedArticle>,
}

/// Topic model, map layout and related articles of one corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicAnalysis {
    pub model: TopicModel,
    pub layout: Layout,
    pub related: Vec<RelatedArticles>,
}

/// Rounds for output: four decimals are plenty and keep the bundle small.
pub(crate) fn round4(x: f64) -> f32 {
    ((x * 10_000.0).round() / 10_000.0) as f32
}

/// Runs the whole topic pipeline over `articles`.
pub fn analyse_topics(articles: &[Article], config: &TopicConfig) -> TopicAnalysis {
    analyse_topics_reporting(articles, config, &mut |_| ())
}

/// [`analyse_topics`], telling `progress` how far it has got as it goes.
pub fn analyse_topics_reporting(
    articles: &[Article],
    config: &TopicConfig,
    progress: &mut dyn FnMut(AnalysisProgress),
) -> TopicAnalysis {
    progress(AnalysisProgress::Words);
    let space = vectors::build_term_space(articles, &config.vectors);
    // Articles with no feature at all cannot be placed: they go straight to "Other".
    let clustered: Vec<usize> = (0..articles.len())
        .filter(|&i| space.vectors.get(i).is_some_and(|v| !v.is_empty()))
        .collect();
    let sparse: Vec<vectors::SparseVec> = clustered
        .iter()
        .filter_map(|&i| space.vectors.get(i).cloned())
        .collect();
    let points = match config.lsa_dims {
        Some(dims) if space.vocabulary.len() > dims && sparse.len() > dims => Points::Dense {
            vectors: lsa::project(
                &sparse,
                space.vocabulary.len(),
                dims,
                config.lsa_iterations,
                config.seed,
            ),
            dim: dims,
        },
        _ => Points::Sparse {
            vectors: sparse,
            dim: space.vocabulary.len(),
        },
    };

    let (clustering, k_scores) = cluster(&points, config, progress);
    let k = clustering.centroids.len();

    // Cluster sizes; small clusters dissolve into "Other".
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (point, &c) in clustering.assignment.iter().enumerate() {
        if let Some(m) = members.get_mut(c) {
            m.push(point);
        }
    }
    let mut kept: Vec<usize> = (0..k)
        .filter(|&c| {
            members
                .get(c)
                .is_some_and(|m| m.len() >= config.min_topic_size.max(1))
        })
        .collect();
    // Largest first; ties: the cluster whose first member comes first.
    kept.sort_by_key(|&c| {
        let m = members.get(c).map_or(&[][..], |m| m.as_slice());
        (
            std::cmp::Reverse(m.len()),
            m.first().copied().unwrap_or(usize::MAX),
        )
    });
    let mut centroids: Vec<Vec<f32>> = kept
        .iter()
        .filter_map(|&c| clustering.centroids.get(c).cloned())
        .collect();
    let topic_of_cluster = |c: usize| kept.iter().position(|&kc| kc == c);

    // Per point: topic (None = Other) and similarity to the nearest kept centre.
    let mut point_topic: Vec<Option<usize>> = Vec::with_capacity(points.len());
    let mut point_similarity: Vec<f32> = Vec::with_capacity(points.len());
    for (point, &c) in clustering.assignment.iter().enumerate() {
        let topic = topic_of_cluster(c);
        let similarity = match topic {
            Some(t) => centroids.get(t).map_or(0.0, |cv| points.dot(point, cv)),
            None => kmeans::nearest(&points, point, &centroids).1.max(0.0),
        };
        point_topic.push(topic);
        point_similarity.push(similarity);
    }

    // Groups of article indices per topic, for labels.
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); kept.len()];
    for (point, topic) in point_topic.iter().enumerate() {
        if let (Some(t), Some(&article)) = (topic, clustered.get(point)) {
            if let Some(g) = groups.get_mut(*t) {
                g.push(article);
            }
        }
    }
    let mut labelled = labels::label_topics(&space, &groups);
    // A topic no term tells apart from the rest of the corpus (one that holds all of a tiny
    // corpus) has no name and says nothing: its articles go to "Other", like a too-small one's.
    if labelled.iter().any(|(_, label)| label.is_empty()) {
        let named: Vec<bool> = labelled
            .iter()
            .map(|(_, label)| !label.is_empty())
            .collect();
        let mut renumbered: Vec<Option<usize>> = Vec::with_capacity(named.len());
        let mut next = 0;
        for &keep in &named {
            renumbered.push(keep.then(|| {
                next += 1;
                next - 1
            }));
        }
        let mut dissolved = Vec::new();
        for (point, topic) in point_topic.iter_mut().enumerate() {
            let before = *topic;
            *topic = before.and_then(|t| renumbered.get(t).copied().flatten());
            if before.is_some() && topic.is_none() {
                dissolved.push(point);
            }
        }
        groups = only_named(groups, &named);
        labelled = only_named(labelled, &named);
        centroids = only_named(centroids, &named);
        // As for any article in "Other": its similarity to the nearest remaining topic.
        for point in dissolved {
            if let Some(similarity) = point_similarity.get_mut(point) {
                *similarity = kmeans::nearest(&points, point, &centroids).1.max(0.0);
            }
        }
    }
    let id_of = |i: usize| articles.get(i).map(|a| a.id.clone()).unwrap_or_default();

    let topics: Vec<Topic> = groups
        .iter()
        .zip(labelled)
        .enumerate()
        .map(|(id, (group, (terms, label)))| {
            let mut by_fit: Vec<(f32, usize)> = clustered
                .iter()
                .enumerate()
                .filter(|(point, _)| point_topic.get(*point) == Some(&Some(id)))
                .map(|(point, &article)| {
                    (point_similarity.get(point).copied().unwrap_or(0.0), article)
                })
                .collect();
            by_fit.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            Topic {
                id,
                label,
                terms,
                size: group.len(),
                articles: group.iter().map(|&i| id_of(i)).collect(),
                representative: by_fit
                    .iter()
                    .take(config.representatives)
                    .map(|&(_, i)| id_of(i))
                    .collect(),
            }
        })
        .collect();

    let mut assignments = Vec::with_capacity(articles.len());
    let mut other = Vec::new();
    for (i, article) in articles.iter().enumerate() {
        let point = clustered.binary_search(&i).ok();
        let topic = point.and_then(|p| point_topic.get(p).copied().flatten());
        let similarity = point.and_then(|p| point_similarity.get(p).copied());
        let label = topic
            .and_then(|t| topics.get(t))
            .map_or_else(|| OTHER_LABEL.to_string(), |t| t.label.clone());
        if topic.is_none() {
            other.push(article.id.clone());
        }
        assignments.push(TopicAssignment {
            article: article.id.as_str().into(),
            topic,
            label,
            similarity: round4(f64::from(similarity.unwrap_or(0.0))),
        });
    }

    progress(AnalysisProgress::MapAndRelated);
    let layout = layout::layout(&points, &clustered, &point_topic, &centroids, articles);
    let related = related_articles(&points, &clustered, articles, config.related);
    TopicAnalysis {
        model: TopicModel {
            k,
            topics,
            other,
            assignments,
            k_scores,
        },
        layout,
        related,
    }
}

/// The items (one per topic) of the topics that have a name.
fn only_named<T>(items: Vec<T>, named: &[bool]) -> Vec<T> {
    items
        .into_iter()
        .zip(named)
        .filter_map(|(item, &keep)| keep.then_some(item))
        .collect()
}

/// Clusters the points with the configured or automatically chosen k.
fn cluster(
    points: &Points,
    config: &TopicConfig,
    progress: &mut dyn FnMut(AnalysisProgress),
) -> (kmeans::Clustering, Vec<KScore>) {
    let n = points.len();
    let params = |k: usize| KMeansParams {
        k,
        seed: config.seed ^ (k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        restarts: config.restarts,
        max_iterations: config.max_iterations,
    };
    match config.topics {
        TopicCount::Fixed(k) => (
            kmeans::spherical_kmeans(points, params(k.min(n))),
            Vec::new(),
        ),
        TopicCount::Auto if n < 4 => (kmeans::spherical_kmeans(points, params(1)), Vec::new()),
        TopicCount::Auto => {
            // Beyond about sqrt(n) topics the clusters of a small corpus become pairs.
            let sqrt_cap = ((n as f64).sqrt().round() as usize).max(2);
            let max_k = config.max_auto_topics.min(sqrt_cap).min(n - 1).max(2);
            let stride = n.div_ceil(config.silhouette_sample.max(1)).max(1);
            let rows: Vec<(usize, Vec<f32>)> = (0..n)
                .step_by(stride)
                .map(|i| (i, points.similarity_row(i)))
                .collect();
            let mut best: Option<(f64, kmeans::Clustering)> = None;
            let mut scores = Vec::new();
            for k in 2..=max_k {
                progress(AnalysisProgress::Clustering {
                    tried: k - 2,
                    total: max_k - 1,
                });
                let clustering = kmeans::spherical_kmeans(points, params(k));
                let score = kmeans::silhouette(&rows, &clustering.assignment, k);
                scores.push(KScore {
                    k,
                    silhouette: round4(score),
                });
                if best.as_ref().is_none_or(|(b, _)| score > *b) {
                    best = Some((score, clustering));
                }
            }
            match best {
                Some((_, clustering)) => (clustering, scores),
                None => (kmeans::spherical_kmeans(points, params(1)), scores),
            }
        }
    }
}

/// For every article, the `limit` most similar others (cosine > 0), best first; ties by corpus
/// order.
fn related_articles(
    points: &Points,
    clustered: &[usize],
    articles: &[Article],
    limit: usize,
) -> Vec<RelatedArticles> {
    let neighbours = points.nearest_neighbours(limit);
    articles
        .iter()
        .enumerate()
        .map(|(i, article)| {
            let related = match clustered.binary_search(&i) {
                Ok(point) => neighbours
                    .get(point)
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .filter_map(|&(s, other)| {
                        let other = articles.get(*clustered.get(other)?)?;
                        Some(RelatedArticle {
                            article: other.id.as_str().into(),
                            score: round4(f64::from(s)),
                        })
                    })
                    .collect(),
                Err(_) => Vec::new(),
            };
            RelatedArticles {
                article: article.id.as_str().into(),
                related,
            }
        })
        .collect()
}
