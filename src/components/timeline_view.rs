//! The timeline view.

use dossier_engine::view_model::TimeBucket;
use leptos::prelude::*;

use crate::browser;
use crate::format;
use crate::nav::use_nav;
use crate::results::use_results;
use crate::url_state::{UrlState, View};

/// The width drawn at until the chart's box is measured (and where it cannot be).
const DEFAULT_WIDTH: f64 = 880.0;
/// The narrowest drawing: below it the chart is scaled down instead.
const MIN_WIDTH: f64 = 240.0;
const HEIGHT: f64 = 260.0;
/// Room for one character of a period label at the axis labels' 11 px, and the gap between
/// two labels: "Sep 2024" takes 64 px, "2024" 40.
const LABEL_CHAR_WIDTH: f64 = 6.0;
const LABEL_GAP: f64 = 16.0;
/// The gap between two short years ("’24"), which leave more room on each side anyway.
const SHORT_LABEL_GAP: f64 = 6.0;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 36.0;

/// Articles per month (or year) for the current query and filters as an SVG bar chart. Click a
/// bar, or drag across several, to set the date filter; Enter or Space on a focused bar does too.
#[component]
pub fn TimelineView() -> impl IntoView {
    let nav = use_nav();
    let results = use_results();
    // The bars being dragged over (first, last), while the pointer is down: not view state.
    let drag = RwSignal::new(None::<(usize, usize)>);
    // The chart is drawn at its width on screen, one unit a pixel, so labels are the page's
    // size on a phone and on a wide screen alike.
    let chart_width = RwSignal::new(DEFAULT_WIDTH);
    let chart_box = NodeRef::<leptos::html::Div>::new();
    let width_watch = StoredValue::new_local(None);
    chart_box.on_load(move |element| {
        let watch = browser::watch_width(element.into(), move |width| {
            // 0 while the box is hidden: the last drawing stays.
            if width > 0.0 {
                chart_width.set(width.max(MIN_WIDTH));
            }
        });
        width_watch.set_value(watch);
    });
    let commit = move |first: usize, last: usize| {
        let buckets = results.timeline.get_untracked();
        let (lo, hi) = (first.min(last), first.max(last));
        // Periods without an article: a range of them would only show nothing.
        if buckets
            .get(lo..=hi)
            .is_none_or(|range| range.iter().all(|b| b.count == 0))
        {
            return;
        }
        if let (Some(a), Some(b)) = (buckets.get(lo), buckets.get(hi)) {
            let (from, to) = (a.from.clone(), b.to.clone());
            nav.push(|s| s.set_dates(Some(from), Some(to)));
        }
    };
    let finish = move || {
        if let Some((first, last)) = drag.get_untracked() {
            drag.set(None);
            commit(first, last);
        }
    };
    let range = move || nav.with(|s| (s.from.clone(), s.to.clone()));
    let caption = move || {
        let covered = nav.with(|s| s.dates_covered());
        if range() == (None, None) {
            format!("{covered} Click a bar or drag across bars to filter by date.")
        } else {
            covered
        }
    };
    // Matches a timeline cannot place: said, not silently left out.
    let undated = move || {
        let n = results.timed.with(|t| t.response.undated);
        (n > 0).then(|| {
            let ranged = range() != (None, None);
            format!(
                "{} not on the timeline{}.",
                format::count(
                    n,
                    "matching article has no date and is",
                    "matching articles have no date and are"
                ),
                if ranged {
                    ", nor in the results while a date range is set"
                } else {
                    ""
                }
            )
        })
    };
    view! {
        <section class="panel timeline-view" aria-labelledby="timeline-heading" data-testid="timeline-view">
            <div class="toolbar">
                <h2 id="timeline-heading" class="toolbar-title" tabindex="-1">"Timeline"</h2>
                // From a period picked to what was written in it.
                <button
                    type="button"
                    class="button"
                    data-testid="timeline-results"
                    hidden=move || range() == (None, None)
                    on:click=move |_| nav.push(|s| s.view = View::Results)
                >
                    {move || format!("Show the {}", format::count(results.timed.with(|t| t.response.total), "article", "articles"))}
                </button>
                <button
                    type="button"
                    class="button"
                    data-testid="timeline-clear"
                    disabled=move || range() == (None, None)
                    on:click=move |_| nav.push(|s| s.set_dates(None, None))
                >
                    "All dates"
                </button>
            </div>
            <p class="muted" data-testid="timeline-caption">{caption}</p>
            {move || undated().map(|text| view! {
                <p class="muted" data-testid="timeline-undated">
                    {text}" "
                    <button type="button" class="link-button" data-testid="timeline-list-undated" on:click=move |_| nav.push(UrlState::show_undated)>
                        "List them"
                    </button>
                </p>
            })}
            <div node_ref=chart_box>
            <Show
                when=move || results.timeline.with(|t| !t.is_empty())
                fallback=|| view! { <p class="empty">"No dated articles match."</p> }
            >
                {move || {
                    let buckets = results.timeline.get();
                    let width = chart_width.get();
                    let max = buckets.iter().map(|b| b.count).max().unwrap_or(1).max(1);
                    let band = (width - LEFT - RIGHT) / buckets.len().max(1) as f64;
                    // As many labels as fit, counted from the last, so the latest period (often
                    // the tallest bar) is never the one without a label.
                    let periods: Vec<String> = buckets.iter().map(|b| format::format_date(&b.period)).collect();
                    let every = |labels: &[String], gap: f64| {
                        let longest = labels.iter().map(|p| p.chars().count()).max().unwrap_or(0);
                        ((longest as f64 * LABEL_CHAR_WIDTH + gap) / band).ceil().max(1.0) as usize
                    };
                    let (axis_labels, label_every) = match every(&periods, LABEL_GAP) {
                        1 => (periods.clone(), 1),
                        crowded => {
                            // Years too many to label each (a phone's ten years): "’24" labels
                            // every bar, where "2024" labelled every other one.
                            let short_years: Vec<String> = periods
                                .iter()
                                .map(|p| match p.as_bytes() {
                                    [b'1' | b'2', _, _, _] => format!("\u{2019}{}", p.get(2..).unwrap_or_default()),
                                    _ => p.clone(),
                                })
                                .collect();
                            if short_years != periods && every(&short_years, SHORT_LABEL_GAP) == 1 {
                                (short_years, 1)
                            } else {
                                (periods.clone(), crowded)
                            }
                        }
                    };
                    let last = buckets.len().saturating_sub(1);
                    let (from, to) = range();
                    let bars = buckets.iter().zip(periods).zip(axis_labels).enumerate().map(|(i, ((bucket, shown), axis_label))| {
                        let TimeBucket { period, count, .. } = bucket.clone();
                        let h = (HEIGHT - TOP - BOTTOM) * count as f64 / max as f64;
                        let x = LEFT + band * i as f64 + band * 0.1;
                        let selected_by_url = from.as_deref().is_some_and(|f| bucket.to.as_str() >= f)
                            && to.as_deref().is_some_and(|t| bucket.from.as_str() <= t);
                        let dragged = move || drag.get().is_some_and(|(a, b)| (a.min(b)..=a.max(b)).contains(&i));
                        // Said, not only shown by its shade.
                        let in_range = if selected_by_url { ", in the date filter" } else { "" };
                        let label = format!("{shown}: {}{in_range}", format::count(count, "article", "articles"));
                        let tooltip = label.clone();
                        view! {
                            <g class="bar" class:selected=selected_by_url class:dragging=dragged>
                                <rect class="bar-hit" x=LEFT + band * i as f64 y=TOP width=band height=HEIGHT - TOP - BOTTOM
                                    on:pointerdown=move |ev| { ev.prevent_default(); drag.set(Some((i, i))); }
                                    on:pointerenter=move |_| drag.update(|d| if let Some(d) = d { d.1 = i; })
                                ></rect>
                                <rect
                                    class="bar-fill"
                                    x=x
                                    y=HEIGHT - BOTTOM - h
                                    width=band * 0.8
                                    height=h.max(if count > 0 { 2.0 } else { 0.0 })
                                    rx="2"
                                    role="button"
                                    // An empty period is no Tab stop: nothing to see or find there.
                                    tabindex={if count > 0 { "0" } else { "-1" }}
                                    aria-disabled={(count == 0).then_some("true")}
                                    aria-label=label
                                    data-testid="timeline-bar"
                                    data-period=period.clone()
                                    on:pointerdown=move |ev| { ev.prevent_default(); drag.set(Some((i, i))); }
                                    on:pointerenter=move |_| drag.update(|d| if let Some(d) = d { d.1 = i; })
                                    on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); commit(i, i); }
                                >
                                    <title>{tooltip}</title>
                                </rect>
                                {(last - i).is_multiple_of(label_every).then(|| view! {
                                    <text class="axis-label period" x=LEFT + band * (i as f64 + 0.5) y=HEIGHT - BOTTOM + 18.0 text-anchor="middle">{axis_label.clone()}</text>
                                })}
                            </g>
                        }
                    }).collect_view();
                    view! {
                        <svg
                            class="chart"
                            class:has-range=from.is_some() || to.is_some()
                            viewBox=format!("0 0 {width} {HEIGHT}")
                            role="group"
                            aria-label="Articles over time"
                            data-testid="timeline-chart"
                            on:pointerup=move |_| finish()
                            on:pointerleave=move |_| finish()
                        >
                            <line class="axis" x1=LEFT x2=width - RIGHT y1=HEIGHT - BOTTOM y2=HEIGHT - BOTTOM></line>
                            <text class="axis-label" x=LEFT - 8.0 y=TOP + 4.0 text-anchor="end">{max}</text>
                            <text class="axis-label" x=LEFT - 8.0 y=HEIGHT - BOTTOM text-anchor="end">"0"</text>
                            {bars}
                        </svg>
                    }
                }}
            </Show>
            </div>
        </section>
    }
}
