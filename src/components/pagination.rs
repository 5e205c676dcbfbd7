//! Page links under the results.

use leptos::prelude::*;

use crate::nav::use_nav;
use crate::results::use_results;

/// Previous / "page n of m" / next; hidden when everything fits on one page.
// Comparisons in attribute closures are braced: an unbraced `>` ends the tag in `view!`.
#[component]
pub fn Pagination() -> impl IntoView {
    let nav = use_nav();
    let results = use_results();
    let page = Memo::new(move |_| results.paging.get().0);
    let pages = Memo::new(move |_| results.paging.get().1);
    let go = move |to: usize| {
        nav.push(|s| s.page = to);
        crate::browser::focus("#main");
    };
    view! {
        <Show when=move || { pages.get() > 1 }>
            <nav class="pagination" aria-label="Result pages" data-testid="pagination">
                <button type="button" class="button" data-testid="page-prev" disabled=move || { page.get() <= 1 } on:click=move |_| go(page.get_untracked().saturating_sub(1).max(1))>
                    "← Previous"
                </button>
                <span class="muted" aria-live="polite">{move || format!("Page {} of {}", page.get(), pages.get())}</span>
                <button type="button" class="button" data-testid="page-next" disabled=move || { page.get() >= pages.get() } on:click=move |_| go(page.get_untracked() + 1)>
                    "Next →"
                </button>
            </nav>
        </Show>
    }
}
