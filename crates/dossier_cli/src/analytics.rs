//! `dossier entities` and `dossier quotes`.

use std::io::Write;
use std::path::Path;

use dossier_engine::entities::extract_entities;
use dossier_engine::quotes::extract_quotes;

/// Prints the corpus's entities (counts, aliases, per-article lists, co-occurrence).
pub fn entities(corpus: &Path, json: bool) -> Result<(), String> {
    let articles = crate::load_corpus(corpus)?;
    let report = extract_entities(&articles);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &report)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        (|| -> std::io::Result<()> {
            writeln!(
                out,
                "{:<8} {:>8} {:>8}  name",
                "kind", "articles", "mentions"
            )?;
            for e in &report.entities {
                let kind = format!("{:?}", e.kind).to_lowercase();
                let aliases = if e.aliases.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", e.aliases.join(", "))
                };
                writeln!(
                    out,
                    "{kind:<8} {:>8} {:>8}  {}{aliases}",
                    e.articles, e.mentions, e.name
                )?;
            }
            writeln!(out, "\nco-occurrence (articles):")?;
            for pair in report.pairs().iter().take(30) {
                writeln!(out, "  {:>3}  {} + {}", pair.articles, pair.a, pair.b)?;
            }
            Ok(())
        })()
    };
    written.map_err(|e| format!("cannot write output: {e}"))
}

/// Prints every quotation with its speaker, article and position.
pub fn quotes(corpus: &Path, json: bool) -> Result<(), String> {
    let articles = crate::load_corpus(corpus)?;
    let quotes = extract_quotes(&articles);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &quotes)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        quotes.iter().try_for_each(|q| {
            writeln!(
                out,
                "{} ¶{}: {} — “{}”",
                q.article,
                q.paragraph,
                q.speaker.as_deref().unwrap_or("(unknown)"),
                q.text
            )
        })
    };
    written.map_err(|e| format!("cannot write output: {e}"))
}
