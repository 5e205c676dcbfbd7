//! The URL as the page's state: one signal mirrors `location.search`. Event handlers change it
//! through [`Nav`], which writes the history entry and the signal together; `popstate` (back and
//! forward) reads the URL back. No effect ever writes the signal.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser;
use crate::url_state::UrlState;

/// How long typing must pause before the search is written to the address bar. Each history
/// write is a same-document navigation that costs the browser milliseconds (it even re-reads the
/// favicon), paid on every keystroke otherwise; the state itself changes at once.
const TYPING_SETTLES: Duration = Duration::from_millis(400);

/// The capability to read and change the view state. Cheap to copy; provided as context.
#[derive(Clone, Copy)]
pub struct Nav {
    state: RwSignal<UrlState>,
    /// What the link the page was opened at (or moved back to) held that the state left out,
    /// said for people; empty once the state moves on, since the address is then rewritten
    /// without it.
    left_out: RwSignal<Vec<String>>,
    /// A history write waiting for typing to pause (see [`TYPING_SETTLES`]).
    pending_replace: StoredValue<Option<TimeoutHandle>>,
    /// The search the current history entry holds: whether a settled search replaces the entry
    /// or gets one of its own ([`keeps_its_entry`]).
    entry_query: StoredValue<String>,
    /// Fires when the address bar catches up with the state (a push, a settled replacement,
    /// back/forward): what follows the address rather than every keystroke listens to it.
    address_changed: Trigger,
}

impl Nav {
    /// Reads the current URL and follows back/forward from now on.
    pub fn install() -> Self {
        let (state, left_out) = UrlState::parse_reporting(&browser::location_search());
        let nav = Nav {
            entry_query: StoredValue::new(state.query.clone()),
            state: RwSignal::new(state),
            left_out: RwSignal::new(left_out),
            pending_replace: StoredValue::new(None),
            address_changed: Trigger::new(),
        };
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            // The URL moved on: a replacement still waiting would write the old state over it.
            nav.cancel_pending_replace();
            let (state, left_out) = UrlState::parse_reporting(&browser::location_search());
            nav.entry_query.set_value(state.query.clone());
            nav.state.set(state);
            nav.left_out.set(left_out);
            nav.address_changed.notify();
        });
        // Leaving or reloading before typing paused still leaves the last search in the URL.
        let leave =
            window_event_listener(leptos::ev::pagehide, move |_| nav.flush_pending_replace());
        // The listeners live as long as the page.
        std::mem::forget(handle);
        std::mem::forget(leave);
        nav
    }

    /// Reads the state (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&UrlState) -> R) -> R {
        self.state.with(f)
    }

    /// What the link left out (see `left_out`), tracked.
    pub fn left_out(&self) -> Vec<String> {
        self.left_out.get()
    }

    /// Subscribes the running effect to the address bar's changes (see `address_changed`).
    pub fn track_address(&self) {
        self.address_changed.track();
    }

    /// Reads the state without tracking (for event handlers).
    pub fn with_untracked<R>(&self, f: impl FnOnce(&UrlState) -> R) -> R {
        self.state.with_untracked(f)
    }

    /// A new history entry for the changed state (a filter, a view, an article).
    pub fn push(&self, change: impl FnOnce(&mut UrlState)) {
        self.apply(change, true);
    }

    /// Typing in the search box: the state changes now; the address bar follows once typing
    /// pauses, in the current history entry while the search is refined, in a new one when it
    /// is another search ([`keeps_its_entry`]): one entry per search, not per key.
    pub fn replace(&self, change: impl FnOnce(&mut UrlState)) {
        self.apply(change, false);
    }

    /// Writes a waiting search now: when its timer fires, before a new entry is pushed over
    /// it, or on Enter in the search box (a link copied right after then holds it).
    pub fn flush_pending_replace(&self) {
        if !self.cancel_pending_replace() {
            return;
        }
        let written = self
            .state
            .try_with_untracked(|s| (s.to_query_string(), s.query.clone()));
        let Some((query_string, query)) = written else {
            return;
        };
        let push = self
            .entry_query
            .try_with_value(|entry| keeps_its_entry(entry, &query))
            .unwrap_or(false);
        self.entry_query.set_value(query);
        self.write_address(&query_string, push);
    }

    /// Drops a waiting replacement; true when there was one.
    fn cancel_pending_replace(&self) -> bool {
        let pending = self
            .pending_replace
            .try_update_value(Option::take)
            .flatten();
        if let Some(handle) = &pending {
            handle.clear();
        }
        pending.is_some()
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
        if push {
            // The entry being left keeps what was typed in it.
            self.flush_pending_replace();
            self.entry_query.set_value(next.query.clone());
            self.write_address(&next.to_query_string(), true);
        } else {
            // Superseded: the new timer writes the whole newer state.
            self.cancel_pending_replace();
            let nav = *self;
            let write = move || nav.flush_pending_replace();
            match set_timeout_with_handle(write, TYPING_SETTLES) {
                Ok(handle) => self.pending_replace.set_value(Some(handle)),
                // No timers (should not happen in a browser): write now rather than never.
                Err(_) => self.write_address(&next.to_query_string(), false),
            }
        }
        self.state.set(next);
        if self.left_out.with_untracked(|parts| !parts.is_empty()) {
            self.left_out.set(Vec::new());
        }
    }

    /// Writes the address bar and tells what follows it. Its listeners are effects, which run
    /// after the current event: they read the state this event leaves.
    fn write_address(&self, query_string: &str, push: bool) {
        browser::write_history(query_string, push);
        self.address_changed.notify();
    }
}

/// Whether the search `entry` of the current history entry stays in history when a search
/// `next` settles, Back returning to it: when `next` is another search, not the same search
/// typed further or cut back. An entry without a search stays too: it is the page as opened or
/// moved to (a shared link's filters, the Topics view), and typing a first search in it took
/// its place, so Back left the page or skipped the view.
fn keeps_its_entry(entry: &str, next: &str) -> bool {
    let (entry, next) = (entry.trim(), next.trim());
    if entry.is_empty() {
        return !next.is_empty();
    }
    let refined = |longer: &str, shorter: &str| {
        longer
            .get(..shorter.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(shorter))
    };
    next.is_empty() || !(refined(entry, next) || refined(next, entry))
}

/// The [`Nav`] provided by the app.
pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

#[cfg(test)]
mod tests {
    use super::keeps_its_entry;

    #[test]
    fn another_search_gets_its_own_entry_a_refined_one_does_not() {
        // Typed further, cut back, or only in other case: the same search.
        assert!(!keeps_its_entry("cyber", "cyber crime"));
        assert!(!keeps_its_entry("cyber crime", "cyber"));
        assert!(!keeps_its_entry("Cyber", "cyber "));
        // Another search: Back returns to this one.
        assert!(keeps_its_entry("cyber", "india"));
        assert!(keeps_its_entry("cyber law", "cyber crime"));
        // Clearing the box leaves the search in history; so does a first search the entry
        // without one.
        assert!(keeps_its_entry("cyber", ""));
        assert!(keeps_its_entry("", "india"));
        assert!(keeps_its_entry(" ", "india"));
        assert!(!keeps_its_entry("", ""));
        // Byte offsets inside a character do not panic.
        assert!(keeps_its_entry("é", "eé"));
    }
}
