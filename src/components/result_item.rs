//! One result of the list.

use dossier_engine::search::snippet::Snippet;
use dossier_engine::search::HitMarks;
use dossier_engine::view_model::Highlighted;
use dossier_engine::Article;
use leptos::prelude::*;

use crate::components::highlighted_text::HighlightedText;
use crate::components::topic_chip::TopicChip;
use crate::format::format_date;
use crate::nav::use_nav;
use crate::results::{use_corpus, use_results};

/// Title (a link that opens the reader), date, dateline, kind and topic, then the snippet with
/// the query terms marked from the engine's spans. Keyed by article; reads its highlights from
/// the current response, so a new query updates it in place.
#[component]
pub fn ResultItem(
    /// Index of the article in the corpus.
    index: usize,
) -> impl IntoView {
    let nav = use_nav();
    let results = use_results();
    let corpus = use_corpus();
    let Some(article) = corpus.article(index) else {
        return ().into_any();
    };
    let id = article.id.clone();
    // (title with marks, snippet with marks) for this article in the current response.
    let marked = Memo::new({
        let corpus = corpus.clone();
        move |_| {
            results.timed.with(|t| {
                // Marked here, for the shown hits only: the response carries no snippets.
                let marks = if t.response.hits.iter().any(|h| h.article == index) {
                    corpus.marks(index, &t.response.matched_terms)
                } else {
                    HitMarks::default()
                };
                let title = corpus.article(index).map_or("", |a| a.title.as_str());
                let title = Highlighted::from_spans(title, &marks.title);
                let snippet = marks.snippet.as_ref().map(Snippet::shown);
                (title, snippet)
            })
        }
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
    view! {
        <li class="result" class:open=is_open data-testid="result" data-article-id=id.clone()>
            <h3 class="result-title">
                <a href=href data-testid="result-link" on:click=open>
                    {move || view! { <HighlightedText text=marked.get().0 /> }}
                </a>
            </h3>
            <p class="result-meta">
                {article.date.clone().map(|d| view! { <time datetime=d.clone()>{format_date(&d)}</time> })}
                {date_badge(article, corpus.has_dates())}
                {article.dateline.clone().map(|d| view! { <span class="dateline">{d}</span> })}
                <span class="badge" data-testid="result-kind">{article.kind.clone()}</span>
                {article.source.clone().map(|s| view! { <span class="source">{s}</span> })}
                {corpus.topic_of(index).map(|(topic, label)| view! { <TopicChip topic=topic label=label.to_string() /> })}
            </p>
            {move || marked.get().1.filter(|s| !s.text.is_empty()).map(|snippet| view! {
                <p class="snippet" data-testid="snippet"><HighlightedText text=snippet /></p>
            })}
        </li>
    }
    .into_any()
}

/// What a reader should know about an article's date, beside it: "date inferred" when the
/// ingest read it from the text (no date field gave it; the tooltip quotes the words), "undated"
/// when it found none (the article is the Year facet's "Undated", off the timeline) while
/// others have dates (`corpus_has_dates`: in a corpus without any it would tell nothing). One
/// shape for both: each element shape costs the page's wasm.
pub fn date_badge(article: &Article, corpus_has_dates: bool) -> Option<impl IntoView> {
    let (label, test_id, title) = if article.date.is_none() {
        if !corpus_has_dates {
            return None;
        }
        (
            "undated",
            "undated",
            "No date was found in this article".to_string(),
        )
    } else if article.date_inferred {
        (
            "date inferred",
            "date-inferred",
            article.date_text.clone().unwrap_or_default(),
        )
    } else {
        return None;
    };
    Some(view! {
        <span class="badge badge-muted" data-testid=test_id title=title>{label}</span>
    })
}
