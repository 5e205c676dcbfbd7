//! Dossier's page: the only code that knows about the DOM, signals and the URL.
//! It shows what the engine computes; it computes nothing itself.

pub mod app;
pub mod components;
pub mod corpus;
pub mod error_panel;

pub use app::App;
