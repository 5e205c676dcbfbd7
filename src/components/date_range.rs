//! The date-range control.

use leptos::prelude::*;

use crate::nav::use_nav;

/// Two date inputs (from, to), both optional, bound to the URL's `from` and `to`.
#[component]
pub fn DateRange() -> impl IntoView {
    let nav = use_nav();
    let set = move |from: bool, value: String| {
        let value = (!value.is_empty()).then_some(value);
        nav.push(|s| {
            let (f, t) = if from {
                (value, s.to.clone())
            } else {
                (s.from.clone(), value)
            };
            s.set_dates(f, t);
        });
    };
    view! {
        <fieldset class="facet date-range" data-testid="date-range">
            <legend>"Date"</legend>
            <div class="date-fields">
                <label>
                    <span>"From"</span>
                    <input
                        type="date"
                        data-testid="date-from"
                        prop:value=move || nav.with(|s| s.from.clone().unwrap_or_default())
                        on:change=move |ev| set(true, event_target_value(&ev))
                    />
                </label>
                <label>
                    <span>"To"</span>
                    <input
                        type="date"
                        data-testid="date-to"
                        prop:value=move || nav.with(|s| s.to.clone().unwrap_or_default())
                        on:change=move |ev| set(false, event_target_value(&ev))
                    />
                </label>
            </div>
        </fieldset>
    }
}
