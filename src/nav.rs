//! The URL as the page's state: one signal mirrors `location.search`. Event handlers change it
//! through [`Nav`], which writes the history entry and the signal together; `popstate` (back and
//! forward) reads the URL back. No effect ever writes the signal.

use leptos::prelude::*;

use crate::browser;
use crate::url_state::UrlState;

/// The capability to read and change the view state. Cheap to copy; provided as context.
#[derive(Clone, Copy)]
pub struct Nav {
    state: RwSignal<UrlState>,
}

impl Nav {
    /// Reads the current URL and follows back/forward from now on.
    pub fn install() -> Self {
        let state = RwSignal::new(UrlState::parse(&browser::location_search()));
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            state.set(UrlState::parse(&browser::location_search()));
        });
        // The listener lives as long as the page.
        std::mem::forget(handle);
        Nav { state }
    }

    /// Reads the state (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&UrlState) -> R) -> R {
        self.state.with(f)
    }

    /// Reads the state without tracking (for event handlers).
    pub fn with_untracked<R>(&self, f: impl FnOnce(&UrlState) -> R) -> R {
        self.state.with_untracked(f)
    }

    /// A new history entry for the changed state (a filter, a view, an article).
    pub fn push(&self, change: impl FnOnce(&mut UrlState)) {
        self.apply(change, true);
    }

    /// Replaces the current history entry (typing in the search box: one entry per search, not per key).
    pub fn replace(&self, change: impl FnOnce(&mut UrlState)) {
        self.apply(change, false);
    }

    /// The link (query string) the changed state would have: for `href`s that can be copied or
    /// opened in a new tab.
    pub fn href(&self, change: impl FnOnce(&mut UrlState)) -> String {
        let mut next = self.state.get();
        change(&mut next);
        let query = next.to_query_string();
        if query.is_empty() {
            "./".into()
        } else {
            query
        }
    }

    fn apply(&self, change: impl FnOnce(&mut UrlState), push: bool) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        if self.state.with_untracked(|current| *current == next) {
            return;
        }
        browser::write_history(&next.to_query_string(), push);
        self.state.set(next);
    }
}

/// The [`Nav`] provided by the app.
pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}
