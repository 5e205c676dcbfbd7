//! The entities view.

use dossier_engine::entities::EntityKind;
use dossier_engine::index::facets::FacetKey;
use leptos::prelude::*;

use crate::format;
use crate::nav::use_nav;
use crate::results::{use_corpus, use_results};
use crate::url_state::{UrlState, View};

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
            [
                FacetKey::Person,
                FacetKey::Org,
                FacetKey::Place,
                FacetKey::Country,
            ]
            .into_iter()
            .find_map(|key| s.filters.get(&key).and_then(|v| v.iter().next().cloned()))
        })
    });
    let narrowed = Memo::new(move |_| nav.with(UrlState::narrows));
    let column = move |kind: EntityKind, title: &'static str| {
        let key = FacetKey::of_entities(kind);
        // Every entity of the kind, or its first PER_KIND, as the sidebar's "Show all" does.
        let expanded = RwSignal::new(false);
        // The sidebar's counts, in its order (most articles first, then by name), and how many
        // entities of the kind the matches name.
        let listed = Memo::new(move |_| {
            results.timed.with(|t| {
                let mut named = t
                    .response
                    .facets
                    .get(&key)
                    .into_iter()
                    .flatten()
                    .filter(|c| c.count > 0);
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
                                    move || (chosen.get().as_deref() == Some(name.as_str())).to_string()
                                };
                                let choose = name.clone();
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="entity"
                                            data-testid="entity"
                                            aria-pressed=pressed
                                            on:click=move |_| nav.push(|s| s.select_only(key, &choose))
                                        >
                                            <span class="entity-name">{name.clone()}</span>
                                            <span class="facet-count">{*count}</span>
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        {(*all > PER_KIND).then(|| view! {
                            <button
                                type="button"
                                class="link-button"
                                data-testid="entities-all"
                                aria-expanded=expanded.get_untracked().to_string()
                                on:click=move |_| expanded.update(|e| *e = !*e)
                            >
                                {if expanded.get_untracked() { "Show fewer".to_string() } else { format!("Show all {}", format::number(*all)) }}
                            </button>
                        })}
                    }.into_any()
                })}
            </section>
        }
    };
    let co_occurring = move || {
        chosen.get().map(|name| {
            // The report lists pairs most shared first, then by their names (`a` before `b` in
            // each pair), so one entity's pairs come out in order already: most shared first,
            // then by the other's name.
            let pairs: Vec<(String, usize)> = corpus
                .analytics()
                .entities
                .co_occurrence
                .iter()
                .filter_map(|p| {
                    if p.a == name {
                        Some((p.b.clone(), p.articles))
                    } else if p.b == name {
                        Some((p.a.clone(), p.articles))
                    } else {
                        None
                    }
                })
                .collect();
            view! {
                <section class="co-occurrence" aria-labelledby="co-title" data-testid="co-occurrence">
                    <h3 id="co-title">"Mentioned with " <strong>{name.clone()}</strong> <span class="muted">" across the whole corpus"</span></h3>
                    {if pairs.is_empty() {
                        view! { <p class="muted">"Nothing else is named in the same articles."</p> }.into_any()
                    } else {
                        view! {
                            <ul>
                                {pairs.into_iter().map(|(other, n)| view! {
                                    <li><span>{other}</span> <span class="facet-count">{format::count(n, "article", "articles")}</span></li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <button type="button" class="button" data-testid="entity-results" on:click=move |_| nav.push(|s| s.view = View::Results)>
                        "Show the articles"
                    </button>
                </section>
            }
        })
    };
    view! {
        <section class="panel entities-view" aria-labelledby="entities-heading" data-testid="entities-view">
            <div class="toolbar">
                <h2 id="entities-heading" class="toolbar-title">
                    "Entities"
                    {move || narrowed.get().then(|| {
                        let total = results.timed.with(|t| t.response.total);
                        format!(" in {}", format::count(total, "matching article", "matching articles"))
                    })}
                    <span class="muted">" · click one to filter and see what it is mentioned with"</span>
                </h2>
            </div>
            {co_occurring}
            <div class="entity-columns">
                {column(EntityKind::Person, "People")}
                {column(EntityKind::Organisation, "Organisations")}
                {column(EntityKind::Place, "Places")}
                {column(EntityKind::Country, "Countries")}
            </div>
        </section>
    }
}
