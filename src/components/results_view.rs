//! The results view.

use dossier_engine::search::SortOrder;
use leptos::prelude::*;

use crate::components::announcer::{match_summary, shown_notices};
use crate::components::export_buttons::ExportButtons;
use crate::components::pagination::Pagination;
use crate::components::result_item::ResultItem;
use crate::format;
use crate::loader::CorpusLoader;
use crate::nav::use_nav;
use crate::results::{use_corpus, use_results};
use crate::url_state::{sort_from_key, sort_key, UrlState};

/// Hit count and time, sort and export, the engine's notices, the current page of hits and the
/// page links; a helpful empty state when nothing matches.
#[component]
pub fn ResultsView() -> impl IntoView {
    let nav = use_nav();
    let results = use_results();
    // Every match; the list (and its pages and exports) holds at most MAX_PAGE_SIZE of them.
    let total = Memo::new(move |_| results.timed.with(|t| t.response.total));
    let listed = Memo::new(move |_| results.timed.with(|t| t.response.hits.len()));
    let notices = Memo::new(move |_| results.timed.with(|t| shown_notices(&t.response)));
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
    let loader = expect_context::<CorpusLoader>();
    let summary = move || match_summary(nav, results, loader);
    let took = move || format!("in {}", format::millis(results.timed.with(|t| t.millis)));
    let sort = move || nav.with(|s| sort_key(s.sort));
    view! {
        <section class="results-view" aria-labelledby="results-heading">
            <div class="toolbar">
                <h2 id="results-heading" class="toolbar-title" tabindex="-1">
                    <span data-testid="result-count">{summary}</span>
                    " "
                    // Seen, not heard: the heading read out is what matched.
                    <span class="muted" data-testid="query-time" aria-hidden="true">{took}</span>
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
                            // With nothing searched every article matches as well: the newest come first.
                            <option value=sort_key(SortOrder::Relevance)>
                                {move || if nav.with(|s| s.query.trim().is_empty()) { "Best match (newest first)" } else { "Best match" }}
                            </option>
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
                <p class="notice" data-testid="fallback">{notice}</p>
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

/// A button's label and the change it makes.
type WayOut = (&'static str, fn(&mut UrlState));

/// What [`NoResults`] says, and the way out it offers.
struct EmptyReason {
    heading: String,
    advice: &'static str,
    way_out: Option<WayOut>,
}

impl EmptyReason {
    /// Why `state` matches nothing, in the terms of what narrowed it: the words, the filters, a
    /// date range that ends before it starts; `typed_filters`: the query types filters or
    /// exclusions (`SearchResponse::filters_or_excludes`); `unknown`: what a value filtered by
    /// that no article has is said as (a link's `?person=Nobody`, or one from another corpus).
    fn of(state: &UrlState, typed_filters: bool, unknown: Option<String>) -> Self {
        let query = state.query.trim();
        let filtered = state.has_filters();
        if let Some(unknown) = unknown {
            return EmptyReason {
                heading: unknown.trim_end_matches('.').to_string(),
                advice: "The link may be misspelt, or come from a page built on another corpus.",
                way_out: Some(("Clear the filters", UrlState::clear_filters)),
            };
        }
        let heading = match (query.is_empty(), filtered) {
            (false, true) => format!(
                "No article matches {} with these filters",
                format::quoted_query(query)
            ),
            (false, false) => format!("No article matches {}", format::quoted_query(query)),
            _ => "No article has all of these filters".to_string(),
        };
        let clear: WayOut = if query.is_empty() {
            ("Clear the filters", UrlState::clear_filters)
        } else {
            ("Search without the filters", UrlState::clear_filters)
        };
        let (advice, way_out) = if state.dates_reversed() {
            (
                "The date range ends before it starts.",
                Some(("Swap the dates", UrlState::swap_dates as fn(&mut UrlState))),
            )
        } else if filtered && !query.is_empty() {
            ("Try fewer filters, or other words.", Some(clear))
        } else if typed_filters {
            // `kashmir year:2024`: the spelling is not the likely cause.
            (
                "Try without some of the filters or exclusions you typed. Typed filters must all hold; values ticked in one group of the sidebar are alternatives.",
                None,
            )
        } else if !query.is_empty() {
            ("Try fewer or different words, or check the spelling.", None)
        } else {
            ("Tick fewer values, or widen the dates.", Some(clear))
        };
        EmptyReason {
            heading,
            advice,
            way_out,
        }
    }
}

/// Nothing matched: say why ([`EmptyReason`]) and offer the way out. One button whose text and
/// action change, not an element per case: each conditional view costs the page's wasm.
#[component]
fn NoResults() -> impl IntoView {
    let nav = use_nav();
    let results = use_results();
    let corpus = use_corpus();
    let typed_filters = move || results.timed.with(|t| t.response.filters_or_excludes);
    // The first value filtered by that no article has: "No article has all of these filters"
    // said nothing of why.
    let unknown = Memo::new(move |_| {
        nav.with(|state| {
            state.filters.iter().find_map(|(key, values)| {
                let value = values
                    .iter()
                    .find(|v| !corpus.0.index.has_facet_value(*key, v))?;
                Some(dossier_engine::search::no_article_has(*key, value))
            })
        })
    });
    let reason = move || nav.with(|s| EmptyReason::of(s, typed_filters(), unknown.get()));
    let take_way_out = move |_| {
        if let Some((_, change)) = untrack(reason).way_out {
            nav.push(change);
        }
    };
    view! {
        <div class="empty" data-testid="no-results">
            <h3>{move || reason().heading}</h3>
            <p data-testid="no-results-advice">{move || reason().advice}</p>
            <button
                type="button"
                class="button"
                data-testid="no-results-way-out"
                hidden=move || reason().way_out.is_none()
                on:click=take_way_out
            >
                {move || reason().way_out.map_or("", |(label, _)| label)}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_engine::index::facets::FacetKey;

    fn reason(query: &str) -> EmptyReason {
        let state = UrlState::parse(query);
        let parsed = dossier_engine::query::parse(&state.query, &Default::default());
        EmptyReason::of(&state, parsed.query.filters_or_excludes(), None)
    }

    #[test]
    fn the_empty_state_names_what_narrowed_the_search() {
        let words = reason("?q=zzz");
        assert_eq!(words.heading, "No article matches “zzz”");
        assert!(words.way_out.is_none(), "nothing to drop but the words");
        let both = reason("?q=zzz&kind=news");
        assert_eq!(both.heading, "No article matches “zzz” with these filters");
        assert_eq!(
            both.way_out.map(|w| w.0),
            Some("Search without the filters")
        );
        let filters = reason("?kind=news&year=1999");
        assert_eq!(filters.way_out.map(|w| w.0), Some("Clear the filters"));
        // Typed filters and exclusions, not the spelling, are the likely cause.
        for typed in ["?q=kashmir+year:2024", "?q=kashmir+-treaty"] {
            assert_eq!(
                reason(typed).advice,
                "Try without some of the filters or exclusions you typed. Typed filters must all hold; values ticked in one group of the sidebar are alternatives.",
                "{typed}"
            );
        }
        // A value no article has is named (it said "No article has all of these filters").
        let state = UrlState::parse("?person=Nobody+Here");
        let unknown = dossier_engine::search::no_article_has(FacetKey::Person, "Nobody Here");
        let nobody = EmptyReason::of(&state, false, Some(unknown));
        assert_eq!(nobody.heading, "No person is named “Nobody Here”");
        assert_eq!(nobody.way_out.map(|w| w.0), Some("Clear the filters"));
        let reversed = reason("?from=2025-01-01&to=2020-01-01");
        assert_eq!(reversed.advice, "The date range ends before it starts.");
        let mut state = UrlState::parse("?from=2025-01-01&to=2020-01-01");
        (reversed.way_out.expect("a swap").1)(&mut state);
        assert!(!state.dates_reversed());
    }
}
