//! The export buttons.

use leptos::prelude::*;

use crate::export::{self, ExportRow};
use crate::nav::use_nav;
use crate::results::{use_corpus, use_results, PER_PAGE};
use crate::{browser, format};

/// Downloads every hit of the current result set (all pages) as CSV or JSON, built in the page.
#[component]
pub fn ExportButtons() -> impl IntoView {
    let nav = use_nav();
    let corpus = use_corpus();
    let results = use_results();
    let rows = move || {
        let state = nav.with_untracked(Clone::clone);
        results.timed.with_untracked(|t| {
            t.response
                .hits
                .iter()
                .enumerate()
                .filter_map(|(rank, hit)| {
                    let marks = corpus.marks(hit.article, &t.response.matched_terms);
                    let snippet = marks.snippet.as_ref().map(|s| s.shown().text);
                    corpus.article(hit.article).map(|a| {
                        let page = rank / PER_PAGE + 1;
                        let reader =
                            browser::address_with(&export::reader_query(&state, &a.id, page));
                        ExportRow::new(rank + 1, a, snippet.as_deref().unwrap_or_default(), reader)
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    let csv_rows = rows.clone();
    // Nothing to export: a file of headers alone would look like a failure.
    let nothing = move || results.timed.with(|t| t.response.total == 0);
    // What a button downloads: every match, not the page on screen (which "CSV" alone left open).
    let what = move |format: &str| {
        let matches = results.timed.with(|t| t.response.total);
        format!(
            "Download all {}, every page, as {format}",
            format::count(matches, "match", "matches")
        )
    };
    view! {
        <div class="export" role="group" aria-label="Export results">
            <button
                type="button"
                class="button"
                data-testid="export-csv"
                title=move || what("CSV")
                disabled=nothing
                on:click=move |_| {
                    let name = nav.with_untracked(|s| export::file_name(s, "", "csv"));
                    browser::download(&name, "text/csv;charset=utf-8", &export::to_csv(&csv_rows()))
                }
            >
                "CSV"
            </button>
            <button
                type="button"
                class="button"
                data-testid="export-json"
                title=move || what("JSON")
                disabled=nothing
                on:click=move |_| {
                    let (view, name) = nav.with_untracked(|s| (browser::address_with(&s.to_query_string()), export::file_name(s, "", "json")));
                    browser::download(&name, "application/json", &export::to_json(&view, &rows()));
                }
            >
                "JSON"
            </button>
        </div>
    }
}
