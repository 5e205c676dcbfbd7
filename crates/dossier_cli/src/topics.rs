//! `dossier topics` and `dossier eval topics`.

use std::io::Write;
use std::path::Path;

use dossier_engine::ingest::ingest_path;
use dossier_engine::topics::metrics::{
    adjusted_rand_index, label_ids, normalized_mutual_information,
};
use dossier_engine::topics::{analyse_topics, TopicConfig, TopicCount};
use dossier_engine::Article;
use serde::Deserialize;

/// Prints the topics of a corpus and the assignment of every article.
pub fn run(corpus: &Path, topics: TopicCount, json: bool) -> Result<(), String> {
    let articles = crate::load_corpus(corpus)?;
    let config = TopicConfig {
        topics,
        ..TopicConfig::default()
    };
    let analysis = analyse_topics(&articles, &config);
    let model = &analysis.model;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut out, model)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        (|| -> std::io::Result<()> {
            writeln!(out, "{} articles, k = {}", articles.len(), model.k)?;
            for score in &model.k_scores {
                writeln!(out, "  k={:<2} silhouette {:.4}", score.k, score.silhouette)?;
            }
            for topic in &model.topics {
                writeln!(
                    out,
                    "\n#{} {} ({} articles)",
                    topic.id, topic.label, topic.size
                )?;
                let terms: Vec<String> = topic
                    .terms
                    .iter()
                    .map(|t| format!("{} {:.3}", t.term, t.weight))
                    .collect();
                writeln!(out, "  terms: {}", terms.join(", "))?;
                for id in &topic.articles {
                    writeln!(out, "  - {id}")?;
                }
            }
            if !model.other.is_empty() {
                writeln!(out, "\nOther ({} articles)", model.other.len())?;
                for id in &model.other {
                    writeln!(out, "  - {id}")?;
                }
            }
            writeln!(out, "\nassignments:")?;
            for a in &model.assignments {
                let topic = a.topic.map_or_else(|| "-".to_string(), |t| t.to_string());
                writeln!(out, "  {:<3} {:.3} {}", topic, a.similarity, a.article)?;
            }
            Ok(())
        })()
    };
    written.map_err(|e| format!("cannot write output: {e}"))
}

/// One line of an evaluation file.
#[derive(Deserialize)]
struct LabelledArticle {
    title: String,
    text: String,
    label: String,
}

/// Clusters a labelled JSONL file and prints NMI and ARI against the gold labels.
pub fn eval(path: &Path, topics: TopicCount) -> Result<(), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut articles = Vec::new();
    let mut gold = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: LabelledArticle = serde_json::from_str(line).map_err(|e| {
            format!(
                "{}:{}: expected {{\"title\",\"text\",\"label\"}}: {e}",
                path.display(),
                number + 1
            )
        })?;
        articles.push(labelled_to_article(articles.len(), row.title, &row.text));
        gold.push(row.label);
    }
    let config = TopicConfig {
        topics,
        ..TopicConfig::default()
    };
    let started = std::time::Instant::now();
    let analysis = analyse_topics(&articles, &config);
    let elapsed = started.elapsed();
    let model = &analysis.model;
    // "Other" counts as one more cluster.
    let predicted: Vec<usize> = model
        .assignments
        .iter()
        .map(|a| a.topic.unwrap_or(model.topics.len()))
        .collect();
    let gold_ids = label_ids(&gold);
    let result = serde_json::json!({
        "nmi": round4(normalized_mutual_information(&gold_ids, &predicted)),
        "ari": round4(adjusted_rand_index(&gold_ids, &predicted)),
        "k": model.k,
        "articles": articles.len(),
    });
    println!("{result}");
    eprintln!(
        "{} topics + {} in Other, {:.2} s",
        model.topics.len(),
        model.other.len(),
        elapsed.as_secs_f64()
    );
    for topic in &model.topics {
        eprintln!("  #{} ({}) {}", topic.id, topic.size, topic.label);
    }
    Ok(())
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn labelled_to_article(index: usize, title: String, text: &str) -> Article {
    Article {
        id: format!("eval-{index}"),
        title: title.into(),
        kind: "news".into(),
        body: text.split("\n\n").map(dossier_engine::Text::from).collect(),
        ..Article::default()
    }
}

/// Ingests a corpus path, printing ingest warnings to stderr.
pub fn ingest(corpus: &Path) -> Result<Vec<Article>, String> {
    let report = ingest_path(corpus).map_err(|e| e.to_string())?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(report.articles)
}
