//! Times the whole analytics aggregate on a JSONL corpus (`title`, `text` per line).
//! `cargo run --release -p dossier_engine --example analytics_timing -- target/synthetic_news.jsonl`

use std::time::Instant;

use dossier_engine::analytics::{analyse_reporting, AnalyticsConfig};
use dossier_engine::Article;

fn main() -> Result<(), String> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: analytics_timing <JSONL>")?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let mut articles = Vec::new();
    for (i, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let row: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let field = |name: &str| {
            row.get(name)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        articles.push(Article {
            id: format!("a{i}"),
            title: field("title").into(),
            kind: "news".into(),
            body: vec![field("text").into()],
            ..Article::default()
        });
    }
    let started = Instant::now();
    // The time each step started at: what a "Load files" progress bar sits on, and for how long.
    let analytics = analyse_reporting(&articles, &AnalyticsConfig::default(), &mut |step| {
        println!("{:>8.2} s  {step:?}", started.elapsed().as_secs_f64());
    });
    println!(
        "{} articles: {} topics, {} entities, {} quotes in {:.2} s",
        articles.len(),
        analytics.topics.topics.len(),
        analytics.entities.entities.len(),
        analytics.quotes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
