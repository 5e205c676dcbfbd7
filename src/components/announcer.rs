//! One polite live region for every view: what the search and filters match.

use dossier_engine::search::{NoticeKind, SearchResponse};
use leptos::prelude::*;

use crate::loader::CorpusLoader;
use crate::nav::{use_nav, Nav};
use crate::results::{use_results, Results};
use crate::{browser, format};

/// What the search and filters match, as the results view heads its list: "2 articles for
/// “kashmir”", "3 of 120 articles in your files for “water”". Reads its signals tracked.
pub fn match_summary(nav: Nav, results: Results, loader: CorpusLoader) -> String {
    let query = nav.with(|s| s.query.trim().to_string());
    let total = results.timed.with(|t| t.response.total);
    let mut n = format::count(total, "article", "articles");
    // Which corpus this is: the page looks the same on loaded files. A search kept from before
    // the load says how many were loaded, or "0 articles" would be all it said.
    if loader.shows_loaded_files() {
        let loaded = loader.active.with(|corpus| corpus.articles().len());
        if total < loaded {
            n = format!(
                "{} of {}",
                format::number(total),
                format::count(loaded, "article", "articles")
            );
        }
        n.push_str(" in your files");
    }
    if query.is_empty() {
        n
    } else {
        format!("{n} for {}", format::quoted_query(&query))
    }
}

/// The engine's notices worth showing beside the matches (an any-word fallback, common words):
/// the empty state says in the page's terms why nothing matched.
pub fn shown_notices(response: &SearchResponse) -> Vec<String> {
    response
        .notices
        .iter()
        .filter(|n| {
            !matches!(
                n.kind,
                NoticeKind::CorpusMismatch | NoticeKind::NothingMatched
            )
        })
        .map(|n| n.message.clone())
        .collect()
}

/// Says what the search and filters match once the address catches up with them (typing
/// paused, a filter ticked, back or forward), on every view. The Topics, Timeline, Entities and
/// Quotes views changed without a word to a screen reader, and the results' count was read out
/// for each keystroke ("0 articles for “k”", then "2 articles for “kas”").
#[component]
pub fn Announcer() -> impl IntoView {
    let nav = use_nav();
    let results = use_results();
    let loader = expect_context::<CorpusLoader>();
    Effect::new(move |opened: Option<()>| {
        nav.track_address();
        // The page opening (or a load replacing the corpus) is no change of the search.
        if opened.is_some() {
            let mut text = untrack(|| match_summary(nav, results, loader));
            // A filter ticked may leave the count as it was: said, it still answers the tick.
            let filters = nav.with_untracked(|s| s.filter_count());
            if filters > 0 {
                text.push_str(&format!(
                    ", {} on",
                    format::count(filters, "filter", "filters")
                ));
            }
            for notice in results.timed.with_untracked(|t| shown_notices(&t.response)) {
                text.push_str(". ");
                text.push_str(&notice);
            }
            // Written as the title is, outside the reactive view: one text, no binding.
            browser::set_text("[data-testid=announcer]", &text);
        }
    });
    view! { <p class="visually-hidden" role="status" data-testid="announcer"></p> }
}
