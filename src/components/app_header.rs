//! The page header.

use leptos::prelude::*;

use crate::app::Overlays;
use crate::browser;
use crate::components::load_files::LoadFiles;
use crate::components::search_box::SearchBox;
use crate::components::theme_toggle::ThemeToggle;
use crate::components::view_switcher::ViewSwitcher;
use crate::nav::use_nav;
use crate::url_state::UrlState;

/// Brand, search box, view switcher, and the filter-drawer, theme and help buttons.
#[component]
pub fn AppHeader() -> impl IntoView {
    let overlays = expect_context::<Overlays>();
    let nav = use_nav();
    view! {
        <header class="header">
            <div class="header-row">
                <button
                    type="button"
                    class="icon-button filters-button"
                    data-testid="filters-button"
                    aria-controls="filters"
                    aria-expanded=move || overlays.drawer_open.get().to_string()
                    on:click=move |_| {
                        overlays.drawer_open.update(|open| *open = !*open);
                        // Into the drawer it opened (once it is drawn open), so the keyboard
                        // starts there.
                        if overlays.drawer_open.get_untracked() {
                            request_animation_frame(|| {
                                browser::focus(".drawer-close");
                            });
                        }
                    }
                >
                    <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">
                        <path d="M3 5h14M6 10h8M8 15h4" stroke="currentColor" stroke-width="2" stroke-linecap="round" fill="none" />
                    </svg>
                    <span class="filters-button-label">"Filters"</span>
                    // On a phone the sidebar is a closed drawer: the button says filters are on,
                    // so a shared link's narrowed results are not taken for everything.
                    {move || {
                        let count = nav.with(UrlState::filter_count);
                        (count > 0).then(|| view! {
                            <span class="badge filters-count" data-testid="filters-count">
                                {count}<span class="visually-hidden">" on"</span>
                            </span>
                        })
                    }}
                </button>
                // The page's one top-level heading (screen readers list headings to find their way).
                <h1 class="brand-heading">
                <a class="brand" href="./" aria-label="Dossier, start over">
                    <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
                        <path d="M5 3h9l5 5v13H5z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
                        <path d="M8 12h8M8 16h6" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
                    </svg>
                    <span>"Dossier"</span>
                </a>
                </h1>
                <SearchBox />
                <div class="header-tools">
                    <LoadFiles />
                    <ThemeToggle />
                    <button
                        type="button"
                        class="icon-button"
                        data-testid="help-button"
                        aria-haspopup="dialog"
                        on:click=move |_| overlays.help_open.set(true)
                    >
                        <span aria-hidden="true">"?"</span>
                        <span class="visually-hidden">"Keyboard shortcuts"</span>
                    </button>
                </div>
            </div>
            <ViewSwitcher />
        </header>
    }
}
