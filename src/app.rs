//! The application shell: contexts, layout, the global keyboard map and the effects that talk
//! to the world outside the reactive graph (document title, focus).

use leptos::prelude::*;

use crate::browser;
use crate::components::active_filters::ActiveFilters;
use crate::components::announcer::Announcer;
use crate::components::app_header::AppHeader;
use crate::components::entities_view::EntitiesView;
use crate::components::facet_sidebar::FacetSidebar;
use crate::components::help_dialog::HelpDialog;
use crate::components::load_messages::LoadMessages;
use crate::components::quotes_view::QuotesView;
use crate::components::reader::Reader;
use crate::components::results_view::ResultsView;
use crate::components::timeline_view::TimelineView;
use crate::components::topics_view::TopicsView;
use crate::corpus;
use crate::dropped;
use crate::keys::{self, KeyAction, KeyContext};
use crate::loader::CorpusLoader;
use crate::nav::Nav;
use crate::results::{Corpus, Results, PER_PAGE};
use crate::url_state::View;

/// Page-local UI state that is not worth a link: the help dialog and the filter drawer.
#[derive(Clone, Copy)]
pub struct Overlays {
    pub help_open: RwSignal<bool>,
    pub drawer_open: RwSignal<bool>,
}

impl Overlays {
    /// Closes the filter drawer, focus back on the button that opened it: once the page behind
    /// is drawn in reach again (it is inert while the drawer is open on a phone).
    pub fn close_drawer(&self) {
        self.drawer_open.set(false);
        request_animation_frame(|| {
            browser::focus("[data-testid=filters-button]");
        });
    }
}

/// The whole page: header, facet sidebar, the current view and the reader.
#[component]
pub fn App() -> impl IntoView {
    let bundle = match corpus::embedded() {
        Ok(bundle) => bundle,
        Err(message) => {
            return view! { <p class="error" role="alert" data-testid="load-error">{message}</p> }
                .into_any();
        }
    };
    let nav = Nav::install();
    let loader = CorpusLoader::new(Corpus::index(bundle), nav);
    loader.say_if_loaded_files_were_dropped();
    let overlays = Overlays {
        help_open: RwSignal::new(false),
        drawer_open: RwSignal::new(false),
    };
    provide_context(loader);
    provide_context(nav);
    provide_context(overlays);

    // The results on screen, for the keys that read on through them (set with each corpus).
    let shown_results: StoredValue<Option<Results>> = StoredValue::new(None);
    install_keyboard(nav, overlays, loader, shown_results);
    install_print_source(nav);
    install_file_drop(loader);
    follow_reader_focus(nav);
    follow_view_focus(nav);

    let view = Memo::new(move |_| nav.with(|s| s.view));
    let reader_open = Memo::new(move |_| nav.with(|s| s.article.is_some()));
    // On a phone the reader covers the page, on a narrow screen the results: what it hides is
    // out of reach of Tab too (the widths are style/main.css's layouts). Read as the reader
    // opens: a phone turned sideways with the reader open keeps what it had until it closes.
    let hidden_by_reader =
        Memo::new(move |_| reader_open.get() && browser::media_matches(browser::PHONE_LAYOUT));
    let results_hidden_by_reader = Memo::new(move |_| {
        reader_open.get() && browser::media_matches(browser::READER_OVER_RESULTS)
    });
    // So does the open filter drawer (a phone's only): Tab stays among the filters.
    let hidden_by_overlay = Memo::new(move |_| {
        hidden_by_reader.get()
            || (overlays.drawer_open.get() && browser::media_matches(browser::PHONE_LAYOUT))
    });

    // Everything below depends on the corpus on screen: loading files rebuilds it.
    (move || {
        let corpus = loader.active.get();
        let results = Results::new(corpus.clone(), nav);
        shown_results.set_value(Some(results));
        provide_context(results);
        follow_title(nav, corpus.clone());
        provide_context(corpus);
        view! {
            <a class="skip-link" href="#main" inert=hidden_by_overlay>"Skip to the content"</a>
            <AppHeader attr:inert=hidden_by_overlay />
            <div class="layout" class:reader-open=reader_open>
                <FacetSidebar attr:inert=hidden_by_reader />
                <main
                    id="main"
                    class="main"
                    tabindex="-1"
                    data-testid="main"
                    inert=move || hidden_by_overlay.get() || results_hidden_by_reader.get()
                >
                    {move || {
                        let mut parts = nav.left_out();
                        // A page past the last (`page=999`, or a page 2 of what now fits on one)
                        // shows the last: said, so it is not taken for the page asked.
                        let asked = nav.with(|s| s.page);
                        let (shown, pages) = results.paging.get();
                        if view.get() == View::Results && asked > pages {
                            parts.push(format!("page={asked} is past the last page of these results, {shown}"));
                        }
                        (!parts.is_empty()).then(|| view! {
                            <p class="notice notice-warn" role="status" data-testid="link-left-out">
                                {format!("Parts of this link were left out: {}.", parts.join("; "))}
                            </p>
                        })
                    }}
                    <LoadMessages />
                    <ActiveFilters />
                    {move || match view.get() {
                        View::Results => view! { <ResultsView /> }.into_any(),
                        View::Topics => view! { <TopicsView /> }.into_any(),
                        View::Timeline => view! { <TimelineView /> }.into_any(),
                        View::Entities => view! { <EntitiesView /> }.into_any(),
                        View::Quotes => view! { <QuotesView /> }.into_any(),
                    }}
                </main>
                <Reader />
            </div>
            // Printed only: where the printout came from and when (set as the browser prints).
            <p class="print-source" data-testid="print-source"></p>
            <Announcer />
            <HelpDialog />
        }
    })
    .into_any()
}

/// Files and folders dropped anywhere on the page are loaded (the browser would otherwise open
/// them).
fn install_file_drop(loader: CorpusLoader) {
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        let Some(transfer) = ev.data_transfer() else {
            return;
        };
        match dropped::folder_entries(&transfer) {
            Some(entries) => loader.load_folders(entries),
            None => {
                if let Some(files) = transfer.files() {
                    loader.load_list(files);
                }
            }
        }
    });
    // The listeners live as long as the page.
    std::mem::forget(over);
    std::mem::forget(drop);
}

/// The result after (or before) the open article among every match, and the page of results
/// listing it: j read on from a page's last result to the next page's first. None when the
/// open article is not a match (a related article opened) or is the last (first) of them.
fn result_beside_open_article(
    nav: Nav,
    results: Results,
    forward: bool,
) -> Option<(usize, String)> {
    let open = nav.with_untracked(|s| s.article.clone())?;
    results.timed.with_untracked(|t| {
        let hits = &t.response.hits;
        let at = hits.iter().position(|hit| hit.id == open)?;
        let next = if forward { at + 1 } else { at.checked_sub(1)? };
        let hit = hits.get(next)?;
        Some((next / PER_PAGE + 1, hit.id.clone()))
    })
}

/// A printout says where it came from and when: the view's address (an open article's too)
/// and the day, written as the browser prints, so nothing follows each keystroke.
fn install_print_source(nav: Nav) {
    let handle = window_event_listener(leptos::ev::beforeprint, move |_| {
        let address = browser::address_with(&nav.with_untracked(|s| s.to_query_string()));
        let day = crate::format::format_date(&browser::today());
        browser::set_text(
            "[data-testid=print-source]",
            &format!("Printed from Dossier on {day}: {address}"),
        );
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}

/// The global keys (see [`keys::action_for`]).
fn install_keyboard(
    nav: Nav,
    overlays: Overlays,
    loader: CorpusLoader,
    shown_results: StoredValue<Option<Results>>,
) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let active = browser::active_element();
        let tag = active
            .as_ref()
            .map(|e| e.tag_name().to_ascii_lowercase())
            .unwrap_or_default();
        // Where keys write text (or pick an option): a checkbox or a file button takes `/`
        // and `?` as it would on a link.
        let input_type = active.as_ref().and_then(|e| e.get_attribute("type"));
        let typing = match tag.as_str() {
            "textarea" | "select" => true,
            "input" => !matches!(
                input_type.as_deref(),
                Some(
                    "checkbox"
                        | "radio"
                        | "file"
                        | "button"
                        | "submit"
                        | "reset"
                        | "range"
                        | "color"
                )
            ),
            _ => false,
        };
        let on_results = active.as_ref().is_none_or(|e| {
            tag == "body" || e.get_attribute("data-testid").as_deref() == Some("result-link")
        });
        let context = KeyContext {
            typing,
            modifier: ev.ctrl_key() || ev.alt_key() || ev.meta_key(),
            on_results,
            // With an article open, ↓ stays the box's: the reader's next article is j's.
            in_search_box: active.as_ref().is_some_and(|e| e.id() == "search")
                && nav.with_untracked(|s| s.article.is_none()),
        };
        let Some(action) = keys::action_for(&ev.key(), context) else {
            return;
        };
        match action {
            KeyAction::FocusSearch => {
                ev.prevent_default();
                browser::focus("#search");
            }
            KeyAction::ToggleHelp => {
                ev.prevent_default();
                overlays.help_open.update(|open| *open = !*open);
            }
            KeyAction::NextResult | KeyAction::PreviousResult => {
                let forward = action == KeyAction::NextResult;
                // With an article open, the next result opens in the reader (on a phone the
                // list is hidden behind it, so moving focus there would show nothing), on the
                // next page of results after a page's last.
                if nav.with_untracked(|s| s.article.is_some()) {
                    let step = shown_results
                        .get_value()
                        .and_then(|results| result_beside_open_article(nav, results, forward));
                    if let Some((page, id)) = step {
                        ev.prevent_default();
                        nav.push(|s| {
                            s.page = page;
                            s.article = Some(id);
                        });
                    }
                    return;
                }
                let links = browser::all("[data-testid=result-link]");
                let current = active
                    .as_ref()
                    .and_then(|a| links.iter().position(|l| l.is_same_node(Some(a))));
                if let Some(next) = keys::step(current, links.len(), forward) {
                    ev.prevent_default();
                    // Up from the first result goes back to the search box it came from.
                    if current == Some(0) && !forward {
                        browser::focus("#search");
                    } else if let Some(link) = links.get(next) {
                        let _ = link.focus();
                    }
                }
            }
            KeyAction::Close => {
                if overlays.help_open.get_untracked() {
                    overlays.help_open.set(false);
                } else if overlays.drawer_open.get_untracked() {
                    overlays.close_drawer();
                } else if nav.with_untracked(|s| s.article.is_some()) {
                    nav.push(|s| s.article = None);
                } else if loader.messages.with_untracked(|m| !m.is_empty())
                    && !loader.messages_hidden.get_untracked()
                {
                    loader.messages_hidden.set(true);
                } else if typing {
                    return;
                }
                ev.prevent_default();
            }
        }
    });
    std::mem::forget(handle);
}

/// The document title names what is on screen (history entries and tabs read better). It follows
/// the address bar, not each keystroke: setting it costs the browser most of a millisecond.
fn follow_title(nav: Nav, corpus: Corpus) {
    Effect::new(move |_| {
        nav.track_address();
        let title = nav.with_untracked(|s| {
            let article = s
                .article
                .as_deref()
                .and_then(|id| corpus.find(id))
                .map(|(_, a)| a.title.clone());
            match (article, s.query.trim()) {
                (Some(title), _) => format!("{title} · Dossier"),
                (None, "") => format!("{} · Dossier", s.view.label()),
                (None, query) => format!(
                    "{} · {} · Dossier",
                    crate::format::quoted_query(query),
                    s.view.label()
                ),
            }
        });
        browser::set_title(&title);
    });
}

/// A view left by an action inside it (a topic, "Show the articles") took the focused element
/// with it, and the next Tab would start again at the top of the page: focus goes to the new
/// view's heading instead. Focus still anywhere (a view tab, the search box) stays there.
fn follow_view_focus(nav: Nav) {
    Effect::new(move |previous: Option<View>| {
        let current = nav.with(|s| s.view);
        if previous.is_some_and(|previous| previous != current) {
            // After the DOM has been updated for the new view.
            request_animation_frame(|| {
                if browser::active_element().is_none_or(|e| e.tag_name() == "BODY") {
                    browser::focus("main .toolbar-title");
                }
            });
        }
        current
    });
}

/// Opening the reader moves focus into it; closing it returns focus to the result it came from,
/// unless the user has put focus elsewhere meanwhile.
fn follow_reader_focus(nav: Nav) {
    Effect::new(move |previous: Option<Option<String>>| {
        let current = nav.with(|s| s.article.clone());
        // The page opened on an article's link: the user moved nothing.
        let on_load = previous.is_none();
        let before = previous.flatten();
        if current != before {
            let target = match (&current, &before) {
                (Some(_), _) => "#reader-title".to_string(),
                (None, Some(id)) => format!(
                    "[data-article-id=\"{}\"] [data-testid=result-link]",
                    css_escape(id)
                ),
                (None, None) => String::new(),
            };
            if !target.is_empty() {
                let opening = current.is_some();
                // After the DOM has been updated for the new state.
                request_animation_frame(move || {
                    // Another article in the same panel (j/k, a related article) would open
                    // where the last one was scrolled to, its headline out of sight: the panel
                    // is reused, and focusing a title that already has focus scrolls nothing.
                    if opening {
                        browser::scroll_to_top(".reader");
                    }
                    if opening && on_load {
                        browser::focus_without_ring(&target);
                        return;
                    }
                    if opening {
                        browser::focus(&target);
                        return;
                    }
                    // Focus went with the closed reader (to the body) unless the user has put it
                    // somewhere since, such as the search box or a tab: there it stays.
                    if browser::active_element().is_some_and(|e| e.tag_name() != "BODY") {
                        return;
                    }
                    if !browser::focus(&target) {
                        browser::focus("#main");
                    }
                });
            }
        }
        current
    });
}

/// Article ids are slugs, but never trust data inside a selector: keep only slug characters.
fn css_escape(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}
