//! The last resort: if the app ever panics, the page says so and offers a reload, instead of
//! freezing silently. Built with plain DOM calls because the reactive system may be the thing
//! that broke.

use leptos::prelude::document;
use wasm_bindgen::prelude::wasm_bindgen;

/// Logs panics to the console (with the Rust message) and shows the error panel.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Test-only hook: the browser tests call it to prove a panic shows the panel.
#[wasm_bindgen(js_name = __dossier_test_panic)]
pub fn test_panic() {
    // A deliberate panic is this function's whole purpose.
    #[allow(clippy::panic)]
    {
        panic!("test panic requested by __dossier_test_panic");
    }
}

fn show(message: &str) {
    let document = document();
    let Some(body) = document.body() else { return };
    let Ok(panel) = document.create_element("section") else {
        return;
    };
    let _ = panel.set_attribute("class", "error-panel");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "error-panel");
    let parts = [
        ("h2", "Dossier stopped working"),
        ("p", "Something went wrong inside the page. Your view is kept in the address bar: reloading brings it back."),
        ("pre", message),
    ];
    for (tag, text) in parts {
        if let Ok(element) = document.create_element(tag) {
            element.set_text_content(Some(text));
            let _ = panel.append_child(&element);
        }
    }
    if let Ok(reload) = document.create_element("a") {
        // A plain link to the current address: it works even if the wasm instance is dead.
        let href = document.url().unwrap_or_else(|_| "./".into());
        let _ = reload.set_attribute("href", &href);
        let _ = reload.set_attribute("class", "error-reload");
        let _ = reload.set_attribute("data-testid", "error-reload");
        reload.set_text_content(Some("Reload"));
        let _ = panel.append_child(&reload);
    }
    let _ = body.append_child(&panel);
}
