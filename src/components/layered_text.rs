//! Text with query matches and entity mentions marked.

use std::ops::Range;

use dossier_engine::index::facets::FacetKey;
use dossier_engine::view_model::{layered_runs, Layer};
use leptos::prelude::*;

use crate::nav::use_nav;

/// An entity mention in a text: where it is, and what it names.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionMark {
    /// Byte range of the mention.
    pub range: Range<usize>,
    /// The facet of the entity's kind (person, org, place, country).
    pub key: FacetKey,
    /// The entity's canonical name.
    pub name: String,
}

/// Renders `text` as text nodes, `<mark>` for query matches and, for each entity mention, an
/// [`EntityLink`] (its query matches marked inside); never as HTML.
#[component]
pub fn LayeredText(
    /// The text.
    text: String,
    /// Byte ranges of query matches.
    query: Vec<Range<usize>>,
    /// Entity mentions.
    mentions: Vec<MentionMark>,
) -> impl IntoView {
    let ranges: Vec<Range<usize>> = mentions.iter().map(|m| m.range.clone()).collect();
    let runs = layered_runs(&text, &query, &ranges);
    let mut views: Vec<AnyView> = Vec::new();
    let mut runs = runs.into_iter().peekable();
    while let Some((piece, layer)) = runs.next() {
        let mention = match layer {
            Layer::Plain => {
                views.push(piece.to_string().into_any());
                continue;
            }
            Layer::Query => {
                views.push(view! { <mark>{piece.to_string()}</mark> }.into_any());
                continue;
            }
            Layer::Entity(i) | Layer::Both(i) => i,
        };
        // The mention's runs (split where a query match starts or ends) in one link.
        let mut inside = vec![(piece, layer)];
        while let Some(next) =
            runs.next_if(|(_, l)| matches!(l, Layer::Entity(i) | Layer::Both(i) if *i == mention))
        {
            inside.push(next);
        }
        let inside = inside
            .into_iter()
            .map(|(piece, layer)| match layer {
                Layer::Both(_) => view! { <mark>{piece.to_string()}</mark> }.into_any(),
                _ => piece.to_string().into_any(),
            })
            .collect_view();
        views.push(match mentions.get(mention) {
            Some(m) => view! {
                // Out of the Tab order: an article names dozens, and Tab walked through each
                // before reaching the list of names below the text, which has the same links.
                <EntityLink key=m.key name=m.name.clone() testid="mention" class="mention" attr:tabindex="-1">{inside}</EntityLink>
            }
            .into_any(),
            None => inside.into_any(),
        });
    }
    views
}

/// A link to every article naming `name` (a real href, so it opens in a new tab too): the
/// reader's mentions in the text and its list of the names an article mentions.
#[component]
pub fn EntityLink(
    key: FacetKey,
    name: String,
    /// The test id: where the link stands.
    testid: &'static str,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let nav = use_nav();
    let href = nav.href(|s| s.show_everything_naming(key, &name));
    let title = format!("Every article naming {name}");
    view! {
        <a
            class=class
            href=href
            title=title
            data-testid=testid
            on:click=move |ev| {
                ev.prevent_default();
                nav.push(|s| s.show_everything_naming(key, &name));
            }
        >
            {children()}
        </a>
    }
}
