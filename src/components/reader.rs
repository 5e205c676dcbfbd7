//! The reader.

use dossier_engine::analysis::Analyzer;
use dossier_engine::view_model::{self, Highlighted};
use dossier_engine::Article;
use leptos::prelude::*;

use crate::components::highlighted_text::HighlightedText;
use crate::format::format_date;
use crate::nav::use_nav;
use crate::results::{use_corpus, use_results};

/// Keyword-in-context: characters shown either side of a match.
const KWIC_WIDTH: usize = 70;

/// The open article (the URL's `article`), read cleanly: title, subtitle, summary, dateline,
/// byline, date (marked when inferred), body with the query terms marked, captions, and the
/// readers' comments apart; plus where the query terms occur. Esc or the close button closes it.
#[component]
pub fn Reader() -> impl IntoView {
    let nav = use_nav();
    let corpus = use_corpus();
    let open = Memo::new(move |_| nav.with(|s| s.article.clone()).and_then(|id| corpus.find(&id)).map(|(i, _)| i));
    move || {
        open.get().and_then(|index| corpus.article(index)).map(|article| view! { <ReaderPanel article=article /> })
    }
}

/// The reader's panel for one article.
#[component]
fn ReaderPanel(
    /// The article to show.
    article: &'static Article,
) -> impl IntoView {
    let nav = use_nav();
    let results = use_results();
    let mark = move |text: &str| -> Highlighted { results.terms.with(|t| t.highlight(&Analyzer::default(), text)) };
    let kwic = Memo::new(move |_| {
        results.terms.with(|t| view_model::keyword_in_context(&Analyzer::default(), t, article, KWIC_WIDTH))
    });
    let close = move |_| nav.push(|s| s.article = None);
    view! {
        <aside class="reader" aria-labelledby="reader-title" data-testid="reader">
            <div class="reader-bar">
                <span class="badge">{article.kind.clone()}</span>
                <button type="button" class="icon-button" data-testid="reader-close" on:click=close>
                    <span aria-hidden="true">"×"</span>
                    <span class="visually-hidden">"Close the article"</span>
                </button>
            </div>
            <article class="reader-body">
                <header class="reader-head">
                    <h2 id="reader-title" tabindex="-1">{move || view! { <HighlightedText text=mark(&article.title) /> }}</h2>
                    {article.subtitle.clone().map(|s| view! { <p class="subtitle">{s}</p> })}
                    <p class="reader-meta">
                        {article.date.clone().map(|d| view! {
                            <time datetime=d.clone() data-testid="reader-date">{format_date(&d)}</time>
                        })}
                        {article.date_inferred.then(|| view! {
                            <span class="badge badge-muted" data-testid="date-inferred" title=article.date_text.clone().unwrap_or_default()>"date inferred"</span>
                        })}
                        {article.dateline.clone().map(|d| view! { <span class="dateline">{d}</span> })}
                        {article.byline.clone().map(|b| view! { <span class="byline">{b}</span> })}
                        {article.source.clone().map(|s| view! { <span class="source">{s}</span> })}
                    </p>
                    {(!article.summary.is_empty()).then(|| view! {
                        <ul class="summary" aria-label="Summary">
                            {article.summary.iter().map(|b| view! { <li>{move || view! { <HighlightedText text=mark(b) /> }}</li> }).collect_view()}
                        </ul>
                    })}
                </header>
                <Show when=move || kwic.with(|k| !k.is_empty())>
                    <section class="kwic" aria-labelledby="kwic-title" data-testid="kwic">
                        <h3 id="kwic-title">"Where your search terms appear"</h3>
                        <ul>
                            {move || kwic.get().into_iter().map(|line| view! { <li><HighlightedText text=line /></li> }).collect_view()}
                        </ul>
                    </section>
                </Show>
                <div class="reader-text" data-testid="reader-text">
                    {article.body.iter().map(|p| view! { <p>{move || view! { <HighlightedText text=mark(p) /> }}</p> }).collect_view()}
                </div>
                {(!article.captions.is_empty()).then(|| view! {
                    <section class="captions" aria-label="Captions">
                        {article.captions.iter().map(|c| view! { <figure><figcaption>{c.clone()}</figcaption></figure> }).collect_view()}
                    </section>
                })}
                {(!article.comments.is_empty()).then(|| view! {
                    <section class="comments" aria-labelledby="comments-title" data-testid="comments">
                        <h3 id="comments-title">"Reader comments"</h3>
                        <p class="muted">"Not part of the article."</p>
                        <ul>{article.comments.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                    </section>
                })}
                <p class="reader-file muted">"Source file: " <code>{article.file.clone()}</code></p>
            </article>
        </aside>
    }
}
