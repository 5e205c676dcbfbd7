//! The filters in force, above every view.

use leptos::prelude::*;

use crate::browser;
use crate::nav::use_nav;
use crate::url_state::UrlState;

/// One button per filter in force ("Person: Huma Baqai ×", then "or Person: Ishaq Dar ×") that
/// takes it off, and "Clear all" for several. On a phone the sidebar is a closed drawer; in a
/// screenshot or a printout it is cut off or left out: this row says what narrowed the articles
/// wherever the view is seen.
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let nav = use_nav();
    // A memo: the state changes on every keystroke, the filters only when one is set or lifted.
    let active = Memo::new(move |_| nav.with(UrlState::active_filters));
    view! {
        <ul
            class="active-filters"
            aria-label="Filters on"
            data-testid="active-filters"
            hidden=move || active.with(Vec::is_empty)
        >
            // Rebuilt as a whole when the filters change: rarely, and a few items.
            {move || {
                active
                    .get()
                    .into_iter()
                    .map(|filter| {
                        let lift = filter.lift;
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="active-filter"
                                    data-testid="active-filter"
                                    aria-label=filter.removes
                                    on:click=move |_| {
                                        nav.push(|s| s.lift(&lift));
                                        // The button went with its filter: focus stays in the
                                        // row, or goes to the view when the row is gone.
                                        request_animation_frame(|| {
                                            if !browser::focus("[data-testid=active-filter]") {
                                                browser::focus("#main");
                                            }
                                        });
                                    }
                                >
                                    {filter.label}
                                    <span class="active-filter-x" aria-hidden="true">"×"</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
            <li hidden=move || active.with(|filters| filters.len() < 2)>
                <button
                    type="button"
                    class="link-button"
                    data-testid="active-filters-clear"
                    on:click=move |_| {
                        nav.push(UrlState::clear_filters);
                        browser::focus("#main");
                    }
                >
                    "Clear all"
                </button>
            </li>
        </ul>
    }
    .into_any()
}
