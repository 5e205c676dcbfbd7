//! The seed corpus exactly as ingest reads it from `corpus/`, with short, readable ids so the
//! analytics tests and snapshots say which article they mean.

use std::path::Path;

use dossier_engine::ingest::ingest_path;
use dossier_engine::Article;

/// Short names for the ten seed articles, in corpus order.
pub const SHORT_IDS: [&str; 10] = [
    "un-cyber-framework",
    "oic-cyber-centre",
    "punjab-gps-tracking",
    "un-multilateralism",
    "kashmir-attack",
    "indus-treaty",
    "imf-saudi-role",
    "un-cybercrime-convention",
    "pakistan-cybercrime-law",
    "paris-call",
];

/// The ten seed articles in corpus order, ids replaced by [`SHORT_IDS`].
pub fn seed_articles() -> Vec<Article> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let articles = ingest_path(&corpus)
        .expect("the seed corpus is readable")
        .articles;
    assert_eq!(
        articles.len(),
        SHORT_IDS.len(),
        "ingest must find the ten seed articles"
    );
    articles
        .into_iter()
        .zip(SHORT_IDS)
        .map(|(article, id)| Article {
            id: id.to_string(),
            ..article
        })
        .collect()
}
