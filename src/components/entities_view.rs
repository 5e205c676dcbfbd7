//! The entities view.

use dossier_engine::entities::EntityKind;
use dossier_engine::index::facets::FacetKey;
use leptos::prelude::*;

use crate::nav::use_nav;
use crate::results::{use_corpus, use_results};
use crate::url_state::{UrlState, View};
use crate::{browser, format};

/// Entities listed per kind.
const PER_KIND: usize = 15;

/// People, organisations, places and countries with the number of matching articles naming
/// them: the whole corpus before any search, the current matches after one (the same counts as
/// the sidebar's). Clicking one filters by it and shows what co-occurs with it.
#[component]
pub fn EntitiesView() -> impl IntoView {
    let nav = use_nav();
    let corpus = use_corpus();
    let results = use_results();
    // The chosen entity: the first selected entity filter, if any.
    let chosen = Memo::new(move |_| {
        nav.with(|s| {
            EntityKind::ALL.into_iter().find_map(|kind| {
                let values = s.filters.get(&FacetKey::of_entities(kind))?;
                Some((kind, values.iter().next()?.clone()))
            })
        })
    });
    let narrowed = Memo::new(move |_| nav.with(UrlState::narrows));
    let nothing_matches =
        Memo::new(move |_| narrowed.get() && results.timed.with(|t| t.response.total == 0));
    let column = {
        let corpus = corpus.clone();
        move |kind: EntityKind, title: &'static str| {
            let key = FacetKey::of_entities(kind);
            // Every entity of the kind, or its first PER_KIND, as the sidebar's "Show all" does.
            let expanded = RwSignal::new(false);
            // The matches' counts, in the sidebar's order (most articles first, then by name), and
            // how many entities of the kind the matches name. With this kind filtered, the sidebar
            // counts what ticking another would add; this lists what the matches name with it.
            let corpus = corpus.clone();
            let listed = Memo::new(move |_| {
                let filtered = nav.with(|s| s.filters.contains_key(&key));
                results.timed.with(|t| {
                    let counts = corpus.counts_within(&t.response, key, filtered);
                    let mut named = counts.iter().filter(|c| c.count > 0);
                    let shown = if expanded.get() { usize::MAX } else { PER_KIND };
                    let listed: Vec<_> = named
                        .by_ref()
                        .take(shown)
                        .map(|c| (c.value.clone(), c.count))
                        .collect();
                    let all = listed.len() + named.count();
                    (listed, all)
                })
            });
            view! {
                <section class="entity-column" aria-label=title>
                    <h3>{title}</h3>
                    {move || listed.with(|(named, all)| {
                        if named.is_empty() {
                            return view! { <p class="muted">"None named in these articles."</p> }.into_any();
                        }
                        view! {
                            <ul>
                                {named.iter().map(|(name, count)| {
                                    let pressed = {
                                        let name = name.clone();
                                        move || chosen.with(|c| c.as_ref().is_some_and(|(k, n)| *k == kind && n == &name)).to_string()
                                    };
                                    let choose = name.clone();
                                    view! {
                                        <li>
                                            <button
                                                type="button"
                                                class="entity"
                                                data-testid="entity"
                                                aria-pressed=pressed
                                                on:click=move |_| {
                                                    nav.push(|s| s.select_only(key, &choose));
                                                    // The list is drawn again for the new matches,
                                                    // the button with it: focus goes to the pressed
                                                    // one, not back to the top of the page.
                                                    request_animation_frame(|| {
                                                        if browser::active_element().is_none_or(|e| e.tag_name() == "BODY") {
                                                            browser::focus("[data-testid=entity][aria-pressed=true]");
                                                        }
                                                    });
                                                }
                                            >
                                                <span class="entity-name">{name.clone()}</span>
                                                <span class="facet-count">{*count}</span>
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            {show_all_toggle(expanded, *all, "entities-all")}
                        }.into_any()
                    })}
                </section>
            }
        }
    };
    // What the chosen entity is named with in the current matches (those naming it).
    let alongside = Memo::new(move |_| {
        let (kind, name) = chosen.get()?;
        let alongside = results.timed.with(|t| {
            let matched = t.response.matched.iter().map(|&doc| doc as usize);
            corpus.analytics().entities.named_with(kind, &name, matched)
        });
        Some((kind, name, alongside))
    });
    let all_alongside = RwSignal::new(false);
    let co_occurring = move || {
        alongside.with(|found| {
            let (kind, name, alongside) = found.as_ref()?;
            let key = FacetKey::of_entities(*kind);
            let count = alongside.others.len();
            let shown = if all_alongside.get() { count } else { PER_KIND };
            Some(view! {
                <section class="co-occurrence" aria-labelledby="co-title" data-testid="co-occurrence">
                    <h3 id="co-title">
                        "Named with " <strong>{name.clone()}</strong>
                        <span class="muted" data-testid="co-occurrence-scope">
                            {format!(" in {}", format::matching_articles(alongside.articles))}
                        </span>
                    </h3>
                    {if alongside.others.is_empty() {
                        view! { <p class="muted">"Nothing else is named in these articles."</p> }.into_any()
                    } else {
                        view! {
                            <ul>
                                {alongside.others.iter().take(shown).map(|other| {
                                    // The matches naming both: as many as the count says.
                                    let (first, second) = (name.clone(), other.name.clone());
                                    let other_key = FacetKey::of_entities(other.kind);
                                    let both = move |s: &mut UrlState| s.show_matches_naming(&[(key, &first), (other_key, &second)]);
                                    let title = format!("The matching articles naming both {name} and {}", other.name);
                                    view! {
                                        <li data-testid="co-occurring">
                                            <a
                                                href=nav.href(both.clone())
                                                title=title
                                                on:click=move |ev| { ev.prevent_default(); nav.push(both.clone()); }
                                            >
                                                {other.name.clone()}
                                            </a>
                                            " "
                                            <span class="facet-count">{format::count(other.articles, "article", "articles")}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    {show_all_toggle(all_alongside, count, "co-occurrence-all")}
                    <button type="button" class="button" data-testid="entity-results" on:click=move |_| nav.push(|s| s.view = View::Results)>
                        "Show the articles"
                    </button>
                </section>
            })
        })
    };
    view! {
        <section class="panel entities-view" aria-labelledby="entities-heading" data-testid="entities-view">
            <div class="toolbar">
                <h2 id="entities-heading" class="toolbar-title" tabindex="-1">
                    "Entities"
                    {move || narrowed.get().then(|| {
                        let total = results.timed.with(|t| t.response.total);
                        format!(" in {}", format::matching_articles(total))
                    })}
                    <span class="muted">" · click one to filter by it and see what it is named with"</span>
                </h2>
            </div>
            {co_occurring}
            // Nothing matches: one sentence, not four columns each saying "None named".
            <p class="empty" data-testid="entities-none" hidden=move || !nothing_matches.get()>
                "No article matches the search and filters, so there are no names to list."
            </p>
            <div class="entity-columns" hidden=move || nothing_matches.get()>
                {column(EntityKind::Person, "People")}
                {column(EntityKind::Organisation, "Organisations")}
                {column(EntityKind::Place, "Places")}
                {column(EntityKind::Country, "Countries")}
            </div>
        </section>
    }
}

/// "Show all N" / "Show fewer" under a list of `all` items cut at [`PER_KIND`] (none when it is
/// that short). Read untracked: the list around it re-renders when `expanded` changes.
fn show_all_toggle(expanded: RwSignal<bool>, all: usize, testid: &'static str) -> impl IntoView {
    let open = expanded.get_untracked();
    (all > PER_KIND).then(|| {
        view! {
            <button
                type="button"
                class="link-button"
                data-testid=testid
                aria-expanded=open.to_string()
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                {if open { "Show fewer".to_string() } else { format!("Show all {}", format::number(all)) }}
            </button>
        }
    })
}
