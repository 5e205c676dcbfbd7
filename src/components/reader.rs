//! The reader.

use dossier_engine::analysis::Analyzer;
use dossier_engine::article::LIST_BULLET;
use dossier_engine::entities::first_body_unit;
use dossier_engine::index::facets::FacetKey;
use dossier_engine::index::Field;
use dossier_engine::view_model::{self, BodyBlock};
use dossier_engine::Article;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use std::sync::Arc;

use crate::components::highlighted_text::HighlightedText;
use crate::components::layered_text::{EntityLink, LayeredText, MentionMark};
use crate::components::result_item::date_badge;
use crate::components::topic_chip::TopicChip;
use crate::format::{self, format_date};
use crate::nav::use_nav;
use crate::results::{use_corpus, use_results};

/// Keyword-in-context: characters shown either side of a match.
const KWIC_WIDTH: usize = 70;
/// Lines of "Where your search terms appear" a phone shows before its "Show all": nine of them
/// took a screen and a half before the article's first paragraph (style/main.css hides the
/// rest; a desktop shows them all).
const KWIC_ON_A_PHONE: usize = 3;

/// The open article (the URL's `article`), read cleanly: title, subtitle, summary, dateline,
/// byline, date (marked when inferred), body with the query terms marked, captions, and the
/// readers' comments apart; plus where the query terms occur. Esc or the close button closes it.
#[component]
pub fn Reader() -> impl IntoView {
    let nav = use_nav();
    let corpus = use_corpus();
    // Memos, so that typing with the reader open re-marks the article in place rather than
    // building the panel again on every keystroke.
    let open_id = Memo::new(move |_| nav.with(|s| s.article.clone()));
    let open = Memo::new({
        let corpus = corpus.clone();
        move |_| open_id.with(|id| corpus.find(id.as_deref()?).map(|(i, _)| i))
    });
    move || {
        let id = open_id.get()?;
        let article = open
            .get()
            .and_then(|i| Some((i, Arc::new(corpus.article(i)?.clone()))));
        Some(match article {
            Some((index, article)) => {
                view! { <ReaderPanel index=index article=article /> }.into_any()
            }
            None => view! { <MissingArticle id=id /> }.into_any(),
        })
    }
}

/// A link to an article this corpus does not have (copied from a page with loaded files, or
/// from another build) says so, rather than opening nothing without a word.
#[component]
fn MissingArticle(
    /// The link's article id.
    id: String,
) -> impl IntoView {
    view! {
        <aside class="reader" aria-labelledby="reader-title" data-testid="reader-missing">
            <div class="reader-bar">
                <span class="reader-bar-meta"></span>
                <CloseButton label="Close" />
            </div>
            <div class="reader-body">
                <header class="reader-head">
                    <h2 id="reader-title" tabindex="-1">"Article not found"</h2>
                </header>
                <p>
                    "This link opens the article \u{201c}" {id} "\u{201d}, which is not in the corpus on "
                    "this page. Files loaded into a page stay in that page: a link to one of their "
                    "articles opens it only there. The link may also come from a page built on "
                    "another corpus."
                </p>
            </div>
        </aside>
    }
}

/// The reader's close button (Esc does the same): the URL no longer names an article.
#[component]
fn CloseButton(
    /// What a screen reader says.
    label: &'static str,
) -> impl IntoView {
    let nav = use_nav();
    view! {
        <button
            type="button"
            class="icon-button"
            data-testid="reader-close"
            on:click=move |_| nav.push(|s| s.article = None)
        >
            <span aria-hidden="true">"×"</span>
            <span class="visually-hidden">{label}</span>
        </button>
    }
}

/// The reader's panel for one article.
#[component]
fn ReaderPanel(
    /// The article's index in the corpus.
    index: usize,
    /// The article to show: a copy, shared by the views that mark it as the query changes (of
    /// a few kB; text borrowed from the embedded corpus is not copied).
    article: Arc<Article>,
) -> impl IntoView {
    let nav = use_nav();
    let results = use_results();
    let corpus = use_corpus();
    let mentions = corpus.0.extractor.mentions(&article);
    // Entity mentions of one text unit (title = 0, then subtitle, summary, body, captions).
    let mentions_in = move |unit: usize| -> Vec<MentionMark> {
        mentions
            .iter()
            .filter(|m| m.unit == unit)
            .map(|m| MentionMark {
                range: m.start..m.end,
                key: FacetKey::of_entities(m.kind),
                name: m.name.clone(),
            })
            .collect()
    };
    // `skip`: bytes of the unit's text not shown (a list item's bullet, drawn by its list).
    // `field`: the article's field the text is of (a word searched in one field, `title:cyber`,
    // is marked only there).
    let marked_from = move |text: &str, field: Field, unit: usize, skip: usize| {
        let mentions: Vec<MentionMark> = mentions_in(unit)
            .into_iter()
            .filter(|m| m.range.start >= skip)
            .map(|m| MentionMark {
                range: m.range.start - skip..m.range.end - skip,
                ..m
            })
            .collect();
        let text = text.get(skip..).unwrap_or_default().to_string();
        move || {
            let query = results
                .reader_terms
                .with(|t| t.marks_in(&Analyzer::default(), field, &text));
            view! { <LayeredText text=text.clone() query=query mentions=mentions.clone() /> }
        }
    };
    let marked = |text: &str, field: Field, unit: usize| marked_from(text, field, unit, 0);
    // A field with no names to link (the byline: `byline:` finds an article by it): no text
    // unit's mentions, through the same closure (a second caller of `LayeredText` cost 4 kB).
    let marked_plain = |text: &str, field: Field| marked_from(text, field, usize::MAX, 0);
    let paragraph = |j: usize| article.body.get(j).map_or("", |p| p.as_str());
    let summary_unit = 1 + usize::from(article.subtitle.is_some());
    let body_unit = first_body_unit(&article);
    let quotes: Vec<_> = corpus
        .0
        .quotes
        .iter()
        .filter(|q| q.article == index)
        .cloned()
        .collect();
    let related: Vec<(String, String)> = corpus
        .analytics()
        .related
        .iter()
        .find(|r| r.article == article.id)
        .map(|r| {
            r.related
                .iter()
                .filter_map(|rel| {
                    corpus
                        .find(&rel.article)
                        .map(|(_, a)| (a.id.clone(), a.title.to_string()))
                })
                .collect()
        })
        .unwrap_or_default();
    let named = corpus
        .analytics()
        .entities
        .articles
        .iter()
        .find(|e| e.article == article.id)
        // No heading over an empty list.
        .filter(|e| {
            let lists = [&e.people, &e.orgs, &e.places, &e.countries];
            lists.iter().any(|names| !names.is_empty())
        })
        .cloned();
    let kwic = Memo::new({
        let article = Arc::clone(&article);
        move |_| {
            results.reader_terms.with(|t| {
                view_model::keyword_in_context(&Analyzer::default(), t, &article, KWIC_WIDTH)
            })
        }
    });
    let kwic_all = RwSignal::new(false);
    view! {
        <aside class="reader" aria-labelledby="reader-title" data-testid="reader">
            <div class="reader-bar">
                <span class="reader-bar-meta">
                    <span class="badge">{article.kind.clone()}</span>
                    {corpus.topic_of(index).map(|(topic, label)| view! { <TopicChip topic=topic label=label.to_string() /> })}
                </span>
                <CloseButton label="Close the article" />
            </div>
            <article class="reader-body">
                <header class="reader-head">
                    <h2 id="reader-title" tabindex="-1">{marked(&article.title, Field::Title, 0)}</h2>
                    {article.subtitle.clone().map(|s| view! { <p class="subtitle">{s}</p> })}
                    <p class="reader-meta">
                        {article.date.clone().map(|d| view! {
                            <time datetime=d.clone() data-testid="reader-date">{format_date(&d)}</time>
                        })}
                        {date_badge(&article, corpus.has_dates())}
                        {article.section.clone().map(|s| view! { <span class="section" data-testid="reader-section">{s}</span> })}
                        {article.dateline.clone().map(|d| view! { <span class="dateline">{d}</span> })}
                        {format::byline_beside_source(article.byline.as_deref(), article.source.as_deref()).map(|b| view! { <span class="byline" data-testid="reader-byline">{marked_plain(b, Field::Byline)}</span> })}
                        {article.source.clone().map(|s| view! { <span class="source">{s}</span> })}
                    </p>
                    {(!article.summary.is_empty()).then(|| view! {
                        <ul class="summary" aria-label="Summary">
                            {article.summary.iter().enumerate().map(|(j, b)| view! { <li>{marked(b, Field::Summary, summary_unit + j)}</li> }).collect_view()}
                        </ul>
                    })}
                </header>
                <Show when=move || kwic.with(|k| !k.is_empty())>
                    <section class="kwic" class:all=move || kwic_all.get() aria-labelledby="kwic-title" data-testid="kwic">
                        <h3 id="kwic-title">"Where your search terms appear"</h3>
                        <ul>
                            {move || kwic.get().into_iter().map(|line| view! { <li><HighlightedText text=line /></li> }).collect_view()}
                        </ul>
                        <button
                            type="button"
                            class="link-button kwic-more"
                            hidden=move || kwic.with(Vec::len) <= KWIC_ON_A_PHONE
                            aria-expanded=move || kwic_all.get().to_string()
                            on:click=move |_| kwic_all.update(|all| *all = !*all)
                        >
                            {move || if kwic_all.get() { "Show fewer" } else { "Show all" }}
                        </button>
                    </section>
                </Show>
                <div class="reader-text" data-testid="reader-text">
                    {view_model::body_blocks(&article.body).into_iter().map(|block| match block {
                        BodyBlock::Paragraph(j) => EitherOf3::A(view! { <p>{marked(paragraph(j), Field::Body, body_unit + j)}</p> }),
                        BodyBlock::Subheading(j) => EitherOf3::B(view! { <h3 class="reader-subhead">{marked(paragraph(j), Field::Body, body_unit + j)}</h3> }),
                        // A bullet is the list's to draw; a number stays in its item's text.
                        BodyBlock::List { items, numbered } => EitherOf3::C(view! {
                            <ul class="reader-list" class:numbered=numbered>
                                {items.map(|j| {
                                    let skip = if numbered { 0 } else { LIST_BULLET.len() };
                                    view! { <li>{marked_from(paragraph(j), Field::Body, body_unit + j, skip)}</li> }
                                }).collect_view()}
                            </ul>
                        }),
                    }).collect_view()}
                </div>
                {(!article.captions.is_empty()).then(|| view! {
                    <section class="captions" aria-label="Captions">
                        {article.captions.iter().map(|c| view! { <figure><figcaption>{c.to_string()}</figcaption></figure> }).collect_view()}
                    </section>
                })}
                {(!article.comments.is_empty()).then(|| view! {
                    <section class="comments" aria-labelledby="comments-title" data-testid="comments">
                        <h3 id="comments-title">"Reader comments"</h3>
                        <p class="muted">"Not part of the article."</p>
                        <ul>{article.comments.iter().map(|c| view! { <li>{c.to_string()}</li> }).collect_view()}</ul>
                    </section>
                })}
                {named.map(|n| {
                    let groups = [
                        ("People", FacetKey::Person, n.people),
                        ("Organisations", FacetKey::Org, n.orgs),
                        ("Places", FacetKey::Place, n.places),
                        ("Countries", FacetKey::Country, n.countries),
                    ];
                    view! {
                        <section class="reader-entities" aria-labelledby="named-title" data-testid="reader-entities">
                            <h3 id="named-title">"Named in this article"</h3>
                            <dl>
                                {groups.into_iter().filter(|(_, _, names)| !names.is_empty()).map(|(title, key, names)| view! {
                                    <dt>{title}</dt>
                                    <dd>
                                        {names.into_iter().enumerate().map(|(i, name)| {
                                            let label = name.clone();
                                            view! {
                                                {(i > 0).then_some(", ")}
                                                <EntityLink key=key name=name testid="named-entity">{label}</EntityLink>
                                            }
                                        }).collect_view()}
                                    </dd>
                                }).collect_view()}
                            </dl>
                        </section>
                    }
                })}
                {(!quotes.is_empty()).then(|| view! {
                    <section class="reader-quotes" aria-labelledby="reader-quotes-title" data-testid="reader-quotes">
                        <h3 id="reader-quotes-title">"Quotations"</h3>
                        <ul class="quotes">
                            {quotes.into_iter().map(|q| view! {
                                <li class="quote">
                                    <blockquote><p>{format!("“{}”", q.text)}</p></blockquote>
                                    <p class="quote-source"><span class="quote-speaker">{q.speaker.unwrap_or_else(|| "Unattributed".into())}</span></p>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                })}
                {(!related.is_empty()).then(|| view! {
                    <section class="related" aria-labelledby="related-title" data-testid="related">
                        <h3 id="related-title">"Related articles"</h3>
                        <ul>
                            {related.into_iter().map(|(id, title)| {
                                let href = nav.href(|s| s.article = Some(id.clone()));
                                view! { <li><a href=href on:click=move |ev| { ev.prevent_default(); nav.push(|s| s.article = Some(id.clone())); }>{title}</a></li> }
                            }).collect_view()}
                        </ul>
                    </section>
                })}
                <p class="reader-file muted">
                    // An `<a>` without an `href` (an address that is no web address) is text.
                    {article.url.clone().map(|url| {
                        let href = format::web_link(&url).map(str::to_string);
                        view! { "Published at " <a href=href target="_blank" rel="noopener noreferrer" data-testid="reader-url">{url}</a> <br /> }
                    })}
                    "Source file: " <code>{article.file.clone()}</code>
                </p>
            </article>
        </aside>
    }
}
