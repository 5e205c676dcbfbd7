//! The date-range control.

use leptos::prelude::*;

use crate::nav::use_nav;

/// One end of the range.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    From,
    To,
}

/// Two date inputs (from, to), both optional, bound to the URL's `from` and `to`.
#[component]
pub fn DateRange() -> impl IntoView {
    view! {
        <fieldset class="facet date-range" data-testid="date-range">
            <legend>"Date"</legend>
            <div class="date-fields">
                <DateField end=End::From />
                <DateField end=End::To />
            </div>
        </fieldset>
    }
}

/// The input for one end; an emptied input removes that bound.
#[component]
fn DateField(end: End) -> impl IntoView {
    let nav = use_nav();
    let (label, test_id) = match end {
        End::From => ("From", "date-from"),
        End::To => ("To", "date-to"),
    };
    let current = move || {
        nav.with(|s| match end {
            End::From => s.from.clone(),
            End::To => s.to.clone(),
        })
        .unwrap_or_default()
    };
    let change = move |ev| {
        let value = Some(event_target_value(&ev)).filter(|v| !v.is_empty());
        nav.push(|s| match end {
            End::From => s.set_dates(value, s.to.clone()),
            End::To => s.set_dates(s.from.clone(), value),
        });
    };
    view! {
        <label>
            <span>{label}</span>
            <input type="date" data-testid=test_id prop:value=current on:change=change />
        </label>
    }
}
