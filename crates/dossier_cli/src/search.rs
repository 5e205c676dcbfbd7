//! `dossier search`: run one query over a corpus folder.

use std::fmt::Write as _;
use std::path::Path;

use dossier_engine::bundle::{Bundle, IndexedBundle};
use dossier_engine::ingest::ingest_path;
use dossier_engine::search::{MatchOptions, SearchRequest, SearchResponse, SortOrder};

/// Ingests `corpus`, indexes it, runs `query` and prints the first `limit` hits.
pub fn run(
    corpus: &Path,
    query: &str,
    limit: usize,
    sort: SortOrder,
    json: bool,
) -> Result<(), String> {
    let report = ingest_path(corpus).map_err(|e| e.to_string())?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    // Indexed as the page indexes it (the analytics' topics and entities as filters, names'
    // other forms), so a query finds here what it finds there.
    let indexed = IndexedBundle::build(Bundle::build(report.articles, Vec::new()), |_| ());
    let (index, articles) = (&indexed.index, &indexed.bundle.articles);
    let request = SearchRequest {
        query: query.to_string(),
        sort,
        page_size: limit.max(1),
        // A command line query is complete: no prefix matching of the last word.
        options: MatchOptions {
            prefix_last_word: false,
            ..MatchOptions::default()
        },
        ..SearchRequest::default()
    };
    let response = index.search(articles, &request);
    if json {
        let text = serde_json::to_string_pretty(&response).map_err(|e| e.to_string())?;
        println!("{text}");
    } else {
        print!("{}", render(&response, articles));
    }
    Ok(())
}

/// Plain-text rendering: notices, then one block per hit with the snippet, highlights in [].
fn render(response: &SearchResponse, articles: &[dossier_engine::Article]) -> String {
    let mut out = String::new();
    for error in &response.errors {
        let _ = writeln!(out, "note: {}", error.message);
    }
    for notice in &response.notices {
        let _ = writeln!(out, "note: {}", notice.message);
    }
    if let Some(suggestion) = &response.did_you_mean {
        let _ = writeln!(out, "did you mean: {suggestion}");
    }
    let _ = writeln!(
        out,
        "{} results for {}",
        response.total, response.interpretation
    );
    for (rank, hit) in response.hits.iter().enumerate() {
        let title = articles.get(hit.article).map_or("", |a| a.title.as_str());
        let _ = writeln!(
            out,
            "\n{:>3}. {title}  [{}]  score {:.3}",
            rank + 1,
            hit.id,
            hit.score
        );
        if let Some(snippet) = &hit.snippet {
            let mut marked = String::new();
            let mut at = 0;
            for span in &snippet.highlights {
                marked.push_str(snippet.text.get(at..span.start).unwrap_or(""));
                marked.push('[');
                marked.push_str(snippet.text.get(span.start..span.end).unwrap_or(""));
                marked.push(']');
                at = span.end;
            }
            marked.push_str(snippet.text.get(at..).unwrap_or(""));
            let _ = writeln!(out, "     {marked}");
        }
    }
    out
}
