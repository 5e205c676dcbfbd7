//! Dossier's page: the only code that knows about the DOM, signals and the URL.
//! It shows what the engine computes; it computes nothing itself.
//!
//! Plain-Rust modules (natively tested): [`url_state`], [`export`], [`keys`].
//! Reactive glue: [`nav`] (the URL as a signal), [`results`] (memos derived from it),
//! [`browser`] (the few DOM calls the components need). Components: [`components`].

pub mod app;
pub mod browser;
pub mod components;
pub mod corpus;
pub mod dropped;
pub mod error_panel;
pub mod export;
pub mod format;
pub mod keys;
pub mod loader;
pub mod nav;
pub mod results;
pub mod url_state;

pub use app::App;
