//! One facet of the sidebar.

use std::collections::HashMap;

use dossier_engine::index::facets::{FacetCount, FacetKey};
use leptos::prelude::*;

use crate::nav::use_nav;
use crate::results::use_results;

/// Maximum values shown before "show all".
const COLLAPSED: usize = 8;

/// A group of checkboxes, one per value with its live count; several may be ticked (any of
/// them matches). Hidden when the facet has no values at all.
#[component]
pub fn FacetGroup(
    /// Which filter this group sets.
    key: FacetKey,
    /// The group's heading.
    title: &'static str,
) -> impl IntoView {
    let nav = use_nav();
    let results = use_results();
    let expanded = RwSignal::new(false);
    let counts = Memo::new(move |_| {
        results
            .timed
            .with(|t| t.response.facets.get(&key).cloned().unwrap_or_default())
    });
    // One lookup table per response, so each row finds its count without scanning every value.
    let count_of = Memo::new(move |_| {
        counts.with(|all| {
            all.iter()
                .map(|c| (c.value.clone(), c.count))
                .collect::<HashMap<_, _>>()
        })
    });
    let shown = move || {
        let all = counts.get();
        if expanded.get() {
            all
        } else {
            all.into_iter().take(COLLAPSED).collect()
        }
    };
    let param = key.name();
    view! {
        <Show when=move || counts.with(|c| !c.is_empty())>
            <fieldset class="facet" data-testid=format!("facet-{param}")>
                <legend>{title}</legend>
                <ul>
                    // Keyed by value alone: a new count updates the item's text in place
                    // instead of recreating its row on every keystroke.
                    <For
                        each=shown
                        key=|c: &FacetCount| c.value.clone()
                        children=move |c: FacetCount| {
                            let value = c.value;
                            let count = {
                                let value = value.clone();
                                Memo::new(move |_| count_of.with(|m| m.get(&value).copied().unwrap_or(0)))
                            };
                            let checked = {
                                let value = value.clone();
                                move || nav.with(|s| s.is_selected(key, &value))
                            };
                            view! {
                                <li>
                                    <label class="facet-value" class:empty=move || count.get() == 0>
                                        <input
                                            type="checkbox"
                                            data-testid="facet-option"
                                            value=value.clone()
                                            prop:checked=checked
                                            on:change={
                                                let value = value.clone();
                                                move |_| nav.push(|s| s.toggle(key, &value))
                                            }
                                        />
                                        <span class="facet-label">{value}</span>
                                        <span class="facet-count">{count}</span>
                                    </label>
                                </li>
                            }
                        }
                    />
                </ul>
                <Show when=move || counts.with(|c| c.len() > COLLAPSED)>
                    <button
                        type="button"
                        class="link-button"
                        aria-expanded=move || expanded.get().to_string()
                        on:click=move |_| expanded.update(|e| *e = !*e)
                    >
                        {move || if expanded.get() { "Show fewer" } else { "Show all" }}
                    </button>
                </Show>
            </fieldset>
        </Show>
    }
}
