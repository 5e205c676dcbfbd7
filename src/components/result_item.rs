//! One result of the list.

use dossier_engine::view_model::Highlighted;
use leptos::prelude::*;

use crate::components::highlighted_text::HighlightedText;
use crate::format::format_date;
use crate::nav::use_nav;
use crate::results::{use_corpus, use_results};

/// Title (a link that opens the reader), date, dateline and kind, then the snippet with the
/// query terms marked. Reads its snippet from the current page's hits, so it stays keyed by id.
#[component]
pub fn ResultItem(
    /// Index of the article in the corpus.
    index: usize,
) -> impl IntoView {
    let nav = use_nav();
    let results = use_results();
    let Some(article) = use_corpus().article(index) else {
        return ().into_any();
    };
    let id = article.id.clone();
    let snippet = Memo::new(move |_| {
        results.page_hits.with(|hits| {
            hits.iter()
                .find(|h| h.article == index)
                .map(|h| h.snippet.clone())
                .unwrap_or_default()
        })
    });
    let href = {
        let id = id.clone();
        move || nav.href(|s| s.article = Some(id.clone()))
    };
    let is_open = {
        let id = id.clone();
        move || nav.with(|s| s.article.as_deref() == Some(id.as_str()))
    };
    let open = {
        let id = id.clone();
        move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            nav.push(|s| s.article = Some(id.clone()));
        }
    };
    let title_marks = Memo::new(move |_| {
        results.terms.with(|t| t.highlight(&dossier_engine::analysis::Analyzer::default(), &article.title))
    });
    view! {
        <li class="result" class:open=is_open data-testid="result" data-article-id=id.clone()>
            <h3 class="result-title">
                <a href=href data-testid="result-link" on:click=open>
                    {move || view! { <HighlightedText text=title_marks.get() /> }}
                </a>
            </h3>
            <p class="result-meta">
                {article.date.clone().map(|d| view! { <time datetime=d.clone()>{format_date(&d)}</time> })}
                {article.date_inferred.then(|| view! { <span class="badge badge-muted">"inferred"</span> })}
                {article.dateline.clone().map(|d| view! { <span class="dateline">{d}</span> })}
                <span class="badge" data-testid="result-kind">{article.kind.clone()}</span>
                {article.source.clone().map(|s| view! { <span class="source">{s}</span> })}
            </p>
            {move || {
                let snippet: Highlighted = snippet.get();
                (!snippet.text.is_empty())
                    .then(|| view! { <p class="snippet" data-testid="snippet"><HighlightedText text=snippet /></p> })
            }}
        </li>
    }
    .into_any()
}
