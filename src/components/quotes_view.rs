//! The quotes view.

use std::collections::BTreeSet;

use dossier_engine::analysis::Analyzer;
use dossier_engine::index::facets::FacetKey;
use dossier_engine::view_model::Highlighted;
use leptos::prelude::*;

use crate::browser;
use crate::components::highlighted_text::HighlightedText;
use crate::export::{self, QuoteRow};
use crate::format;
use crate::nav::use_nav;
use crate::results::{use_corpus, use_results};
use crate::url_state::UrlState;

/// Quotations listed at first, and added by each "Show more": a large corpus can hold tens of
/// thousands, and a list that long takes seconds to lay out.
const QUOTES_PER_STEP: usize = 200;

/// Every quotation with its speaker and article, searched with the search box: a quotation is
/// shown when its article is among the current matches (all of them, not only the first page
/// of results). With a query or a person filter, those whose words or speaker it matches (or by
/// a person filtered for, typed or ticked) come first, marked; the other quotations of the
/// matching articles follow under a heading of their own ("who said what about Kashmir" is
/// often said without the word "Kashmir").
#[component]
pub fn QuotesView() -> impl IntoView {
    let nav = use_nav();
    let quoted = use_corpus();
    let corpus = quoted.clone();
    let results = use_results();
    // The people filtered for: ticked in the sidebar, or typed (`person:dar`).
    let people_asked = Memo::new(move |_| {
        let mut people: BTreeSet<String> = results
            .timed
            .with(|t| t.response.people_named.iter().cloned().collect());
        nav.with(|s| {
            people.extend(
                s.filters
                    .get(&FacetKey::Person)
                    .into_iter()
                    .flatten()
                    .cloned(),
            )
        });
        people
    });
    // (quotation, its text marked, whether the query's words, its speaker or a person asked for
    // matched)
    let matching = Memo::new(move |_| {
        results.timed.with(|t| {
            results.terms.with(|terms| {
                let people = people_asked.get();
                let analyzer = Analyzer::default();
                let in_results = |article: usize| {
                    u32::try_from(article)
                        .is_ok_and(|doc| t.response.matched.binary_search(&doc).is_ok())
                };
                let (mut said, others): (Vec<_>, Vec<_>) = quoted
                    .0
                    .quotes
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| in_results(q.article))
                    .map(|(i, q)| {
                        let marked = terms.highlight(&analyzer, &q.text);
                        let speaker_matches = q
                            .speaker
                            .as_deref()
                            .is_some_and(|s| !terms.marks(&analyzer, s).is_empty());
                        let asked_for = q.speaker.as_ref().is_some_and(|s| people.contains(s));
                        let says = (terms.is_empty() && people.is_empty())
                            || !marked.marks.is_empty()
                            || speaker_matches
                            || asked_for;
                        (i, marked, says)
                    })
                    .partition(|(.., says)| *says);
                said.extend(others);
                said
            })
        })
    });
    let limit = RwSignal::new(QUOTES_PER_STEP);
    let shown = |says: bool| {
        Memo::new(move |_| {
            matching.with(|all| {
                all.iter()
                    .take(limit.get())
                    .filter(|(.., s)| *s == says)
                    .map(|(i, marked, _)| (*i, marked.clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let shown_said = shown(true);
    let shown_others = shown(false);
    let hidden = move || matching.with(Vec::len).saturating_sub(limit.get());
    // What the quotations are drawn from, as the results' heading says it.
    let scope = move || {
        let query = nav.with(|s| s.query.trim().to_string());
        if !query.is_empty() {
            // Not "for": most are quoted beside the words, not saying them (the groups say which).
            format!(" in the articles for “{query}”")
        } else if nav.with(UrlState::narrows) {
            let total = results.timed.with(|t| t.response.total);
            format!(" in {}", format::matching_articles(total))
        } else {
            " · search with the box above".to_string()
        }
    };
    // Every quotation listed (not only those shown so far), in the view's order.
    let download = move |_| {
        let state = nav.with_untracked(Clone::clone);
        let rows: Vec<QuoteRow> = matching.with_untracked(|all| {
            all.iter()
                .filter_map(|(i, _, says)| {
                    let quote = corpus.0.quotes.get(*i)?;
                    let article = corpus.article(quote.article)?;
                    // The quotations are not paged: the results' first page.
                    let reader =
                        browser::address_with(&export::reader_query(&state, &article.id, 1));
                    Some(QuoteRow::new(
                        quote.speaker.as_deref(),
                        &quote.text,
                        *says,
                        article,
                        reader,
                    ))
                })
                .collect()
        });
        let name = nav.with_untracked(|s| export::file_name(s, "quotes", "csv"));
        browser::download(
            &name,
            "text/csv;charset=utf-8",
            &export::quotes_to_csv(&rows),
        );
    };
    view! {
        <section class="panel quotes-view" aria-labelledby="quotes-heading" data-testid="quotes-view">
            <div class="toolbar">
                <h2 id="quotes-heading" class="toolbar-title" tabindex="-1">
                    <span data-testid="quote-count">{move || format::count(matching.with(Vec::len), "quotation", "quotations")}</span>
                    <span class="muted" data-testid="quote-scope">{scope}</span>
                </h2>
                <div class="toolbar-controls export" hidden=move || matching.with(Vec::is_empty)>
                    <button type="button" class="button" data-testid="export-quotes" on:click=download>
                        "CSV"
                        <span class="visually-hidden">" of these quotations"</span>
                    </button>
                </div>
            </div>
            <Show when=move || matching.with(|s| !s.is_empty()) fallback=|| view! { <p class="empty">"No quotations in the matching articles."</p> }>
                <h3
                    class="quotes-group"
                    data-testid="quotes-said"
                    hidden=move || shown_said.with(Vec::is_empty) || shown_others.with(Vec::is_empty)
                >
                    "Saying your words, or by the people you asked for"
                </h3>
                <QuoteList quotes=shown_said />
                <Show when=move || shown_others.with(|o| !o.is_empty())>
                    <h3 class="quotes-others" data-testid="quotes-others">
                        {move || if shown_said.with(Vec::is_empty) {
                            "No quotation says your words. The matching articles quote:"
                        } else {
                            "More quotations from the matching articles"
                        }}
                    </h3>
                    <QuoteList quotes=shown_others />
                </Show>
                <Show when=move || { hidden() > 0 }>
                    <p class="show-more">
                        <button type="button" class="button" data-testid="quotes-more" on:click=move |_| limit.update(|n| *n += QUOTES_PER_STEP)>
                            {move || format!("Show {} more", format::number(hidden().min(QUOTES_PER_STEP)))}
                        </button>
                        <span class="muted">{move || format!(" of {} not shown", format::number(hidden()))}</span>
                    </p>
                </Show>
            </Show>
        </section>
    }
}

/// Quotations, each with its speaker and a link to its article.
#[component]
fn QuoteList(quotes: Memo<Vec<(usize, Highlighted)>>) -> impl IntoView {
    let nav = use_nav();
    let corpus = use_corpus();
    view! {
        <ul class="quotes">
            <For
                each=move || quotes.get()
                key=|(i, marked)| (*i, marked.marks.clone())
                children=move |(i, marked)| {
                    let quote = corpus.0.quotes.get(i);
                    let article = quote.and_then(|q| corpus.article(q.article));
                    let speaker = quote.and_then(|q| q.speaker.clone()).unwrap_or_else(|| "Unattributed".into());
                    let (id, title) = article.map(|a| (a.id.clone(), a.title.to_string())).unwrap_or_default();
                    // When it was said, as far as the article's date tells: a quotation is cited with it.
                    let date = article.and_then(|a| Some((a.date.clone()?, a.date_inferred))).map(|(d, inferred)| {
                        let shown = format::format_date(&d) + if inferred { " (inferred)" } else { "" };
                        view! { " · " <time datetime=d>{shown}</time> }
                    });
                    // Follows the state: a kept row's link would otherwise hold the search it was drawn for.
                    let href = { let id = id.clone(); move || nav.href(|s| s.article = Some(id.clone())) };
                    view! {
                        <li class="quote" data-testid="quote">
                            <blockquote><p>"“" <HighlightedText text=marked /> "”"</p></blockquote>
                            <p class="quote-source">
                                <span class="quote-speaker">{speaker}</span>
                                " · "
                                <a href=href on:click=move |ev| { ev.prevent_default(); nav.push(|s| s.article = Some(id.clone())); }>{title}</a>
                                {date}
                            </p>
                        </li>
                    }
                }
            />
        </ul>
    }
}
