//! The results view.

use dossier_engine::search::{NoticeKind, SortOrder};
use leptos::prelude::*;

use crate::components::export_buttons::ExportButtons;
use crate::components::pagination::Pagination;
use crate::components::result_item::ResultItem;
use crate::format;
use crate::nav::use_nav;
use crate::results::use_results;
use crate::url_state::{sort_from_key, sort_key};

/// Hit count and time, sort and export, the engine's notices, the current page of hits and the
/// page links; a helpful empty state when nothing matches.
#[component]
pub fn ResultsView() -> impl IntoView {
    let nav = use_nav();
    let results = use_results();
    // Every match; the list (and its pages and exports) holds at most MAX_PAGE_SIZE of them.
    let total = Memo::new(move |_| results.timed.with(|t| t.response.total));
    let listed = Memo::new(move |_| results.timed.with(|t| t.response.hits.len()));
    // The engine's notices worth showing (an any-word fallback, common words, what found nothing).
    let notices = Memo::new(move |_| {
        results.timed.with(|t| {
            t.response
                .notices
                .iter()
                .filter(|n| n.kind != NoticeKind::CorpusMismatch)
                .map(|n| n.message.clone())
                .collect::<Vec<_>>()
        })
    });
    let did_you_mean = Memo::new(move |_| results.timed.with(|t| t.response.did_you_mean.clone()));
    let errors = Memo::new(move |_| {
        results.timed.with(|t| {
            t.response
                .errors
                .iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
        })
    });
    let page_hits = Memo::new(move |_| {
        let (page, _) = results.paging.get();
        results.timed.with(|t| {
            t.response
                .hits
                .iter()
                .skip((page - 1) * crate::results::PER_PAGE)
                .take(crate::results::PER_PAGE)
                .map(|h| h.article)
                .collect::<Vec<usize>>()
        })
    });
    let summary = move || {
        let query = nav.with(|s| s.query.trim().to_string());
        let n = format::count(total.get(), "article", "articles");
        if query.is_empty() {
            n
        } else {
            format!("{n} for “{query}”")
        }
    };
    let took = move || format!("in {}", format::millis(results.timed.with(|t| t.millis)));
    let sort = move || nav.with(|s| sort_key(s.sort));
    view! {
        <section class="results-view" aria-labelledby="results-heading">
            <div class="toolbar">
                <h2 id="results-heading" class="toolbar-title">
                    <span data-testid="result-count" aria-live="polite">{summary}</span>
                    " "
                    <span class="muted" data-testid="query-time">{took}</span>
                </h2>
                <div class="toolbar-controls">
                    <label class="select">
                        <span>"Sort"</span>
                        <select
                            data-testid="sort"
                            prop:value=sort
                            on:change=move |ev| {
                                let order = sort_from_key(&event_target_value(&ev)).unwrap_or_default();
                                nav.push(|s| { s.sort = order; s.page = 1; });
                            }
                        >
                            <option value=sort_key(SortOrder::Relevance)>"Best match"</option>
                            <option value=sort_key(SortOrder::Newest)>"Newest first"</option>
                            <option value=sort_key(SortOrder::Oldest)>"Oldest first"</option>
                        </select>
                    </label>
                    <ExportButtons />
                </div>
            </div>
            {move || did_you_mean.get().map(|suggestion| {
                let href = nav.href(|s| s.set_query(&suggestion));
                let go = suggestion.clone();
                view! {
                    <p class="notice" data-testid="did-you-mean">
                        "Did you mean "
                        <a href=href on:click=move |ev| { ev.prevent_default(); nav.push(|s| s.set_query(&go)); }>{suggestion.clone()}</a>
                        "?"
                    </p>
                }
            })}
            {move || (listed.get() < total.get()).then(|| view! {
                <p class="notice" data-testid="list-cap">
                    {format!(
                        "The list and its exports hold the first {} in this order; narrow the search, filter or sort to reach the others.",
                        format::number(listed.get())
                    )}
                </p>
            })}
            {move || notices.get().into_iter().map(|notice| view! {
                <p class="notice" role="status" data-testid="fallback">{notice}</p>
            }).collect_view()}
            {move || errors.get().into_iter().map(|error| view! {
                <p class="notice notice-warn" data-testid="query-error">{error}</p>
            }).collect_view()}
            <Show
                when=move || { total.get() > 0 }
                fallback=move || view! { <NoResults /> }
            >
                <ol class="results" data-testid="results">
                    <For
                        each=move || page_hits.get()
                        key=|index: &usize| *index
                        children=|index: usize| view! { <ResultItem index=index /> }
                    />
                </ol>
                <Pagination />
            </Show>
        </section>
    }
}

/// Nothing matched: say so, and offer the ways out (drop the filters, a new search).
#[component]
fn NoResults() -> impl IntoView {
    let nav = use_nav();
    let has_filters = Memo::new(move |_| nav.with(|s| s.has_filters()));
    view! {
        <div class="empty" data-testid="no-results">
            <h3>"No articles match"</h3>
            <p>"Try fewer or different words, or check the spelling."</p>
            <Show when=move || has_filters.get()>
                <button type="button" class="button" on:click=move |_| nav.push(|s| s.clear_filters())>
                    "Search without the filters"
                </button>
            </Show>
        </div>
    }
}
