//! `dossier eval search`: retrieval quality on a BEIR collection.

use std::path::Path;

use dossier_engine::eval::{evaluate, BeirCollection, Split};
use dossier_engine::index::{Bm25Config, SearchIndex};

/// Ranking overrides for tuning (on the train split only).
pub struct Tuning {
    pub k1: Option<f32>,
    pub b: Option<f32>,
    pub title_weight: Option<f32>,
}

/// Loads the collection, indexes it, runs its queries and prints the measures as JSON.
pub fn run_search(dir: &Path, split: Split, tuning: &Tuning) -> Result<(), String> {
    let collection = BeirCollection::load(dir, split).map_err(|e| e.to_string())?;
    let mut index = SearchIndex::build(&collection.articles, &[]);
    let mut bm25: Bm25Config = *index.bm25();
    if let Some(k1) = tuning.k1 {
        bm25.k1 = k1;
    }
    if let Some(b) = tuning.b {
        bm25.b = b;
    }
    if let Some(title) = tuning.title_weight {
        bm25.weights.title = title;
    }
    index.set_bm25(bm25);
    let metrics = evaluate(&collection, &index);
    let json = serde_json::to_string(&metrics).map_err(|e| e.to_string())?;
    println!("{json}");
    Ok(())
}
