//! The facet sidebar (a drawer on narrow screens).

use dossier_engine::index::facets::FacetKey;
use leptos::prelude::*;

use crate::app::Overlays;
use crate::components::date_range::DateRange;
use crate::components::facet_group::FacetGroup;
use crate::nav::use_nav;

/// The facets with live counts, the date range and "clear all".
#[component]
pub fn FacetSidebar() -> impl IntoView {
    let nav = use_nav();
    let overlays = expect_context::<Overlays>();
    let has_filters = Memo::new(move |_| nav.with(|s| s.has_filters()));
    view! {
        <div
            class="drawer-backdrop"
            class:open=move || overlays.drawer_open.get()
            on:click=move |_| overlays.close_drawer()
        ></div>
        <aside
            id="filters"
            class="sidebar"
            class:open=move || overlays.drawer_open.get()
            aria-label="Filters"
            data-testid="sidebar"
        >
            <div class="sidebar-head">
                <h2 class="sidebar-title">"Filters"</h2>
                <button
                    type="button"
                    class="link-button"
                    data-testid="clear-filters"
                    disabled=move || !has_filters.get()
                    on:click=move |_| nav.push(|s| s.clear_filters())
                >
                    "Clear all"
                </button>
                <button
                    type="button"
                    class="icon-button drawer-close"
                    data-testid="drawer-close"
                    on:click=move |_| overlays.close_drawer()
                >
                    <span aria-hidden="true">"×"</span>
                    <span class="visually-hidden">"Close filters"</span>
                </button>
            </div>
            <FacetGroup key=FacetKey::Topic title="Topic" />
            <FacetGroup key=FacetKey::Kind title="Kind" />
            <FacetGroup key=FacetKey::Year title="Year" />
            <DateRange />
            <FacetGroup key=FacetKey::Source title="Source" />
            <FacetGroup key=FacetKey::Person title="People" />
            <FacetGroup key=FacetKey::Org title="Organisations" />
            <FacetGroup key=FacetKey::Place title="Places" />
            <FacetGroup key=FacetKey::Country title="Countries" />
        </aside>
    }
}
