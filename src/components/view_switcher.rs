//! The view switcher.

use leptos::prelude::*;

use crate::nav::use_nav;
use crate::url_state::View;

/// Links to the five views; the current one is marked with `aria-current`.
#[component]
pub fn ViewSwitcher() -> impl IntoView {
    let nav = use_nav();
    let current = Memo::new(move |_| nav.with(|s| s.view));
    view! {
        <nav class="views" aria-label="Views">
            <ul>
                {View::ALL
                    .into_iter()
                    .map(|view| {
                        let href = move || nav.href(|s| { s.view = view; s.article = None; });
                        view! {
                            <li>
                                <a
                                    href=href
                                    data-testid=format!("view-{}", view.key())
                                    aria-current=move || (current.get() == view).then_some("page")
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        nav.push(|s| { s.view = view; s.article = None; });
                                    }
                                >
                                    {view.label()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
