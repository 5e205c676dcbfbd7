//! One facet of the sidebar.

use dossier_engine::index::facets::{FacetCount, FacetKey};
use leptos::prelude::*;

use crate::nav::use_nav;
use crate::results::use_results;

/// Maximum values shown before "show all".
const COLLAPSED: usize = 8;

/// A group of checkboxes, one per value with its live count; several may be ticked (any of
/// them matches). Hidden when the facet has no values at all.
///
/// Hidden, not removed: a search of a few articles often names no one, the next one hundreds,
/// and building the group and its rows again for each took a third of those searches' rendering
/// (at 50,000 articles). While hidden, its rows keep what they showed, and the next values
/// update them in place.
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
    // How many values the facet has for the current results (the whole list can be long: every
    // person of a large corpus), and the ones shown: only those are copied out of the response.
    let value_count = Memo::new(move |_| {
        results
            .timed
            .with(|t| t.response.facets.get(&key).map_or(0, Vec::len))
    });
    let shown = Memo::new(move |previous: Option<&Vec<FacetCount>>| {
        let limit = if expanded.get() {
            usize::MAX
        } else {
            COLLAPSED
        };
        // Ticked values are always shown, even past the first few: a filter that is on stays
        // in sight, and can be unticked where it was ticked.
        let now = nav.with(|s| {
            results.timed.with(|t| {
                let all = t.response.facets.get(&key).map_or(&[][..], Vec::as_slice);
                let ticked = s.filters.get(&key).filter(|values| !values.is_empty());
                match ticked {
                    None => all.iter().take(limit).cloned().collect::<Vec<_>>(),
                    Some(ticked) => all
                        .iter()
                        .enumerate()
                        .filter(|(i, c)| *i < limit || ticked.contains(&c.value))
                        .map(|(_, c)| c.clone())
                        .collect(),
                }
            })
        });
        // Empty only when the group is hidden (a ticked value is always counted).
        if now.is_empty() {
            previous.cloned().unwrap_or_default()
        } else {
            now
        }
    });
    let param = key.name();
    view! {
        <fieldset class="facet" hidden=move || value_count.get() == 0 data-testid=format!("facet-{param}")>
            <legend>{title}</legend>
            <ul>
                // Keyed by position: a new response changes the rows' text in place
                // (the values of a long list change on most keystrokes) instead of
                // removing and creating rows; the list only grows or shrinks at its end.
                <For
                    each=move || 0..shown.with(Vec::len)
                    key=|slot: &usize| *slot
                    children=move |slot: usize| {
                        let entry = Memo::new(move |_| {
                            shown.with(|all| all.get(slot).cloned().unwrap_or_default())
                        });
                        let value = move || entry.with(|c| c.value.clone());
                        let checked =
                            move || entry.with(|c| nav.with(|s| s.is_selected(key, &c.value)));
                        let toggle = move |_| {
                            let value = entry.with_untracked(|c| c.value.clone());
                            nav.push(|s| s.toggle(key, &value));
                        };
                        view! {
                            <li>
                                <label class="facet-value" class:no-matches=move || entry.with(|c| c.count == 0)>
                                    <input
                                        type="checkbox"
                                        data-testid="facet-option"
                                        value=value
                                        prop:checked=checked
                                        on:change=toggle
                                    />
                                    <span class="facet-label" title=value>{value}</span>
                                    <span class="facet-count">{move || entry.with(|c| c.count)}</span>
                                </label>
                            </li>
                        }
                    }
                />
            </ul>
            <button
                type="button"
                class="link-button"
                hidden=move || value_count.get() <= COLLAPSED
                aria-expanded=move || expanded.get().to_string()
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                {move || if expanded.get() { "Show fewer" } else { "Show all" }}
            </button>
        </fieldset>
    }
}
