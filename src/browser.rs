//! The few calls to the browser the components need, in one place. Failures here are never
//! fatal: a missing API (private mode storage, old browser) just means the feature is skipped.

use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;

/// Milliseconds since page load, with sub-millisecond precision where the browser allows.
pub fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// The current `location.search` (with its `?`, or empty).
pub fn location_search() -> String {
    window().location().search().unwrap_or_default()
}

/// Today, `YYYY-MM-DD`, in the reader's time zone.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Sets the text of the first element matching `selector`.
pub fn set_text(selector: &str, text: &str) {
    if let Some(element) = html_element(selector) {
        element.set_text_content(Some(text));
    }
}

/// The page's address with `query_string` in place of its own: the link to a view, to cite it.
pub fn address_with(query_string: &str) -> String {
    let href = window().location().href().unwrap_or_default();
    let page = href.split(['?', '#']).next().unwrap_or_default();
    format!("{page}{query_string}")
}

/// Writes the query string to the address bar: a new history entry, or replacing the current one.
pub fn write_history(query_string: &str, push: bool) {
    let Ok(history) = window().history() else {
        return;
    };
    // An empty query string must still drop the old one: fall back to the bare path.
    let url = if query_string.is_empty() {
        window()
            .location()
            .pathname()
            .unwrap_or_else(|_| "./".into())
    } else {
        query_string.to_string()
    };
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// How long a stored value is kept.
#[derive(Clone, Copy)]
pub enum Kept {
    /// In this browser, for every tab (localStorage).
    InBrowser,
    /// In this tab: through a reload, not into a new tab (sessionStorage).
    InTab,
}

fn storage(kept: Kept) -> Option<web_sys::Storage> {
    match kept {
        Kept::InBrowser => window().local_storage(),
        Kept::InTab => window().session_storage(),
    }
    .ok()
    .flatten()
}

/// A stored value.
pub fn stored(kept: Kept, key: &str) -> Option<String> {
    storage(kept)?.get_item(key).ok().flatten()
}

/// Stores (or with None removes) a value.
pub fn store(kept: Kept, key: &str, value: Option<&str>) {
    if let Some(storage) = storage(kept) {
        let _ = match value {
            Some(value) => storage.set_item(key, value),
            None => storage.remove_item(key),
        };
    }
}

/// Whether the system asks for a dark colour scheme.
pub fn system_prefers_dark() -> bool {
    media_matches("(prefers-color-scheme: dark)")
}

/// The media query of style/main.css's phone layout (the sidebar a drawer, the reader over
/// the page).
pub const PHONE_LAYOUT: &str = "(max-width: 720px)";

/// The media query of style/main.css's layouts where the open reader covers the results.
pub const READER_OVER_RESULTS: &str = "(max-width: 1099px)";

/// Whether the page matches the media `query` now.
pub fn media_matches(query: &str) -> bool {
    window()
        .match_media(query)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Sets (or removes) an attribute on `<html>`.
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    if let Some(root) = document().document_element() {
        let _ = match value {
            Some(value) => root.set_attribute(name, value),
            None => root.remove_attribute(name),
        };
    }
}

/// A named point on the page's performance timeline (DevTools' Performance panel shows it).
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    document().set_title(title);
}

/// Focuses the first element matching `selector`; returns whether one was found.
pub fn focus(selector: &str) -> bool {
    html_element(selector).is_some_and(|element| element.focus().is_ok())
}

/// Focuses the first element matching `selector` without a focus ring: for focus the user did
/// not move, such as the reader's title when the page opens on an article's link (Chromium
/// would ring it, as no mouse was used yet). Tab from there rings as usual.
pub fn focus_without_ring(selector: &str) -> bool {
    let options = web_sys::FocusOptions::new();
    options.set_focus_visible(false);
    html_element(selector).is_some_and(|element| element.focus_with_options(&options).is_ok())
}

/// Scrolls the first element matching `selector` back to its top.
pub fn scroll_to_top(selector: &str) {
    if let Some(element) = html_element(selector) {
        element.set_scroll_top(0);
    }
}

fn html_element(selector: &str) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// All elements matching `selector`, in document order.
pub fn all(selector: &str) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = document().query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// The focused element, if it is an HTML element.
pub fn active_element() -> Option<web_sys::Element> {
    document().active_element()
}

/// Offers `text` as a file download named `file_name`, built in the page (Blob + object URL).
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(anchor) = document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    // The click has started the download; the URL can go once the event loop turns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
}

/// Tells `on_width` the width of `element` in CSS pixels at once and on every change, for as
/// long as the watch lives: a chart drawn at its width on screen has text of the page's size at
/// any width, where one drawn at a fixed width and scaled is unreadable on a phone.
pub struct WidthWatch {
    observer: web_sys::ResizeObserver,
    _on_resize: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for WidthWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// `None` where the browser has no `ResizeObserver`: the caller keeps its default width.
pub fn watch_width(
    element: web_sys::Element,
    on_width: impl Fn(f64) + 'static,
) -> Option<WidthWatch> {
    let observed = element.clone();
    // The observer calls back once when it starts observing, then on each change.
    let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        on_width(f64::from(observed.client_width()));
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some(WidthWatch {
        observer,
        _on_resize: on_resize,
    })
}
