//! The topics view.

use dossier_engine::index::facets::FacetKey;
use dossier_engine::view_model::{spread_nodes, MapNode};
use leptos::prelude::*;

use crate::browser;
use crate::components::topic_chip::TopicChip;
use crate::format::{self, TOPIC_COLOURS};
use crate::nav::use_nav;
use crate::results::{use_corpus, use_results};
use crate::url_state::{UrlState, View};

/// The map spans [-1, 1] on both axes; the view is fitted to what is drawn, but never narrower
/// or shorter than this (one topic alone would fill the screen).
const MIN_VIEW: f32 = 2.9;
/// Room left between two topics' circles and labels, and around the whole map.
const NODE_GAP: f32 = 0.04;
/// A label's character width and height in map units, as style/main.css draws them (larger on a
/// phone, where the map is a third as wide).
const LABEL_CHAR: (f32, f32) = (0.052, 0.13);
const PHONE_LABEL_CHAR: (f32, f32) = (0.073, 0.14);

/// The topic map (an SVG circle per topic, sized by its number of articles, labelled, in the
/// topic's colour) and the list of topics with their top terms and representative articles.
/// After a search or a filter each topic also counts its matching articles, and topics with none
/// are dimmed; the map itself stays put. Clicking a topic filters the results to it.
#[component]
pub fn TopicsView() -> impl IntoView {
    let nav = use_nav();
    let corpus = use_corpus();
    let results = use_results();
    let topic_count = corpus.analytics().topics.topics.len();
    // After a search or a filter: the matching articles, and per topic (in the analytics'
    // order) its matching articles: the sidebar's counts, unless topics are filtered, when
    // the sidebar counts what ticking another topic would add and this counts the matches.
    let matching = Memo::new({
        let corpus = corpus.clone();
        move |_| {
            let topics = &corpus.analytics().topics.topics;
            nav.with(UrlState::narrows).then(|| {
                let filtered = nav.with(|s| s.filters.contains_key(&FacetKey::Topic));
                results.timed.with(|t| {
                    let counts = corpus.counts_within(&t.response, FacetKey::Topic, filtered);
                    let of = |label: &str| {
                        counts
                            .iter()
                            .find(|c| c.value == label)
                            .map_or(0, |c| c.count)
                    };
                    let per_topic: Vec<usize> =
                        topics.iter().map(|topic| of(&topic.label)).collect();
                    (t.response.total, per_topic)
                })
            })
        }
    });
    let filter = move |label: String| {
        nav.push(move |s| {
            s.select_only(FacetKey::Topic, &label);
            s.view = View::Results;
        })
    };
    // The map and the list, drawn again when the counts change (a few dozen elements).
    let body = move |per_topic: Option<&[usize]>| {
        let analytics = corpus.analytics();
        let topics = &analytics.topics.topics;
        let largest = topics.iter().map(|t| t.size).max().unwrap_or(1).max(1) as f32;
        let matches_of = |i: usize| per_topic.map(|counts| counts.get(i).copied().unwrap_or(0));
        // "6 articles" before a search, "2 of 6 articles match" after one.
        let size_text = |i: usize, size: usize| match matches_of(i) {
            Some(n) => format!(
                "{} of {}",
                format::number(n),
                format::count(size, "article matches", "articles match")
            ),
            None => format::count(size, "article", "articles"),
        };
        let dimmed = |i: usize| matches_of(i) == Some(0);
        // On a phone a label's words go one under another: a label as long as the map is
        // wide left its text drawn at 8 px.
        let phone = browser::media_matches(browser::PHONE_LAYOUT);
        let (char_width, line_height) = if phone { PHONE_LABEL_CHAR } else { LABEL_CHAR };
        // Each topic's circle where its articles are, moved apart where topics (or their
        // labels) fall together.
        let placed: Vec<(usize, MapNode, Vec<String>)> = topics
            .iter()
            .enumerate()
            .filter_map(|(i, topic)| {
                let point = analytics
                    .layout
                    .topics
                    .iter()
                    .find(|p| p.topic == topic.id)?;
                let r = 0.12 + 0.26 * (topic.size as f32 / largest).sqrt();
                let lines = label_lines(&topic.label, phone);
                let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
                Some((
                    i,
                    MapNode {
                        x: point.x,
                        y: point.y,
                        r,
                        label_half_width: longest as f32 * char_width / 2.0,
                        label_height: lines.len() as f32 * line_height,
                    },
                    lines,
                ))
            })
            .collect();
        let spread = spread_nodes(
            &placed.iter().map(|(_, node, _)| *node).collect::<Vec<_>>(),
            NODE_GAP,
        );
        // The whole map in view, labels included, and no more: a view centred on [-1, 1] was
        // as wide as twice its widest reach, which shrank everything drawn.
        let (left, right, bottom, top) = spread.iter().map(MapNode::bounds).fold(
            (f32::MAX, f32::MIN, f32::MAX, f32::MIN),
            |(l, r, b, t), (left, right, bottom, top)| {
                (l.min(left), r.max(right), b.min(bottom), t.max(top))
            },
        );
        let span = |low: f32, high: f32| {
            let (low, high) = if low <= high {
                (low, high)
            } else {
                (-1.0, 1.0)
            };
            let size = (high - low + 2.0 * NODE_GAP).max(MIN_VIEW);
            ((low + high - size) / 2.0, size)
        };
        let (view_x, view_width) = span(left, right);
        // SVG's y runs down: the view starts at the map's top.
        let (view_y, view_height) = span(-top, -bottom);
        let circles = placed
            .into_iter()
            .zip(&spread)
            .filter_map(|((i, _, lines), &point)| {
                let topic = topics.get(i)?;
                let radius = point.r;
                let label = topic.label.clone();
                let shown_size = matches_of(i).unwrap_or(topic.size);
                let class = format!(
                    "topic-node topic-{}{}",
                    topic.id % TOPIC_COLOURS,
                    if dimmed(i) { " topic-none" } else { "" }
                );
                let title = format!("{label}: {}", size_text(i, topic.size));
                let on_key = {
                    let label = label.clone();
                    move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            filter(label.clone());
                        }
                    }
                };
                let on_click = {
                    let label = label.clone();
                    move |_| filter(label.clone())
                };
                Some(view! {
                    <g
                        class=class
                        role="button"
                        tabindex="0"
                        data-testid="topic-node"
                        data-topic=label.clone()
                        on:click=on_click
                        on:keydown=on_key
                    >
                        <title>{title}</title>
                        <circle cx=point.x cy=-point.y r=radius></circle>
                        <text x=point.x y=-point.y + radius + 0.1 text-anchor="middle">
                            {lines.into_iter().enumerate().map(|(line, text)| view! {
                                <tspan x=point.x dy=if line == 0 { 0.0 } else { line_height }>{text}</tspan>
                            }).collect_view()}
                        </text>
                        <text class="topic-size" data-testid="topic-size" x=point.x y=-point.y + 0.03 text-anchor="middle">{shown_size}</text>
                    </g>
                })
            })
            .collect_view();
        view! {
            <div class="topics-layout">
                <svg
                    class="topic-map"
                    viewBox=format!("{view_x} {view_y} {view_width} {view_height}")
                    role="group"
                    aria-label="Topic map: nearby topics share vocabulary"
                    data-testid="topic-map"
                >
                    {circles}
                </svg>
                <ol class="topic-list">
                    {topics.iter().enumerate().map(|(i, topic)| {
                        let terms = topic.terms.iter().take(6).map(|t| t.term.clone()).collect::<Vec<_>>().join(", ");
                        let card_size = size_text(i, topic.size);
                        let class = if dimmed(i) { "topic-card topic-none" } else { "topic-card" };
                        view! {
                            <li class=class data-testid="topic-card">
                                <div class="topic-card-head">
                                    <TopicChip topic=topic.id label=topic.label.clone() />
                                    <span class="muted" data-testid="topic-card-size">{card_size}</span>
                                </div>
                                <p class="topic-terms">{terms}</p>
                                <ul class="topic-reps">
                                    {topic.representative.iter().filter_map(|id| corpus.find(id)).map(|(_, article)| {
                                        let id = article.id.clone();
                                        let href = nav.href(|s| s.article = Some(id.clone()));
                                        view! {
                                            <li><a href=href on:click=move |ev| { ev.prevent_default(); nav.push(|s| s.article = Some(id.clone())); }>{article.title.to_string()}</a></li>
                                        }
                                    }).collect_view()}
                                    // The card said "6 articles" and listed three.
                                    {(topic.size > topic.representative.len()).then(|| {
                                        let label = topic.label.clone();
                                        // All of them, as it says: not those the search and
                                        // the other filters leave (none, at times).
                                        let show_all = move |s: &mut UrlState| {
                                            s.show_everything_naming(FacetKey::Topic, &label);
                                        };
                                        let href = nav.href(show_all.clone());
                                        let more = format!("All {} articles of this topic", format::number(topic.size));
                                        view! {
                                            <li class="topic-more"><a href=href data-testid="topic-all" on:click=move |ev| { ev.prevent_default(); nav.push(show_all.clone()); }>{more}</a></li>
                                        }
                                    })}
                                </ul>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </div>
        }
    };
    let heading = move || {
        matching.with(|matching| {
            matching.as_ref().map(|(total, per_topic)| {
                format!(
                    " · {} in {} of them",
                    format::matching_articles(*total),
                    format::number(per_topic.iter().filter(|n| **n > 0).count())
                )
            })
        })
    };
    view! {
        <section class="panel topics-view" aria-labelledby="topics-heading" data-testid="topics-view">
            <div class="toolbar">
                <h2 id="topics-heading" class="toolbar-title" tabindex="-1">
                    {format::count(topic_count, "topic", "topics")}
                    {heading}
                    <span class="muted">" · click one to see its articles"</span>
                </h2>
            </div>
            {if topic_count == 0 {
                view! { <p class="empty" data-testid="no-topics">"No topics were found: a topic needs several articles sharing words that the rest of the corpus does not use."</p> }.into_any()
            } else {
                (move || matching.with(|m| body(m.as_ref().map(|(_, per_topic)| per_topic.as_slice())))).into_any()
            }}
        </section>
    }
}

/// A topic's label as the map draws it: one line, or on a phone one term a line ("cyber,",
/// "technologies,", "crimes").
fn label_lines(label: &str, phone: bool) -> Vec<String> {
    if !phone {
        return vec![label.to_string()];
    }
    let mut lines: Vec<String> = label.split(", ").map(str::to_string).collect();
    let last = lines.len().saturating_sub(1);
    for line in lines.iter_mut().take(last) {
        line.push(',');
    }
    lines
}
