//! The light/dark theme toggle.

use leptos::prelude::*;

use crate::browser::{self, Kept};

/// Where the chosen theme is remembered.
const STORAGE_KEY: &str = "dossier-theme";

/// Follows the system colour scheme until the user picks one; the pick persists in localStorage
/// and is applied as `<html data-theme>`.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let chosen = RwSignal::new(
        browser::stored(Kept::InBrowser, STORAGE_KEY).filter(|t| t == "light" || t == "dark"),
    );
    let dark = move || {
        chosen.with(|c| {
            c.as_deref()
                .map_or_else(browser::system_prefers_dark, |t| t == "dark")
        })
    };
    // The outside world: the root attribute and storage follow the choice.
    Effect::new(move |_| {
        let choice = chosen.get();
        browser::set_root_attribute("data-theme", choice.as_deref());
        browser::store(Kept::InBrowser, STORAGE_KEY, choice.as_deref());
    });
    view! {
        <button
            type="button"
            class="icon-button"
            data-testid="theme-toggle"
            aria-pressed=move || dark().to_string()
            on:click=move |_| {
                let next = if dark() { "light" } else { "dark" };
                chosen.set(Some(next.to_string()));
            }
        >
            <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">
                <path d="M15.5 12.5A6.5 6.5 0 0 1 7.5 4.5a6.5 6.5 0 1 0 8 8z" fill="currentColor" />
            </svg>
            <span class="visually-hidden">"Dark theme"</span>
        </button>
    }
}
