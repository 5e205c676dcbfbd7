//! The embedded corpus: built by build.rs, parsed once at start-up.

use std::sync::OnceLock;

use dossier_engine::Bundle;

/// The bundle JSON that build.rs wrote for the corpus this page was built on.
const BUNDLE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bundle.json"));

/// The embedded bundle, parsed on first use. A bundle that fails to parse is reported, not panicked on.
pub fn embedded() -> Result<&'static Bundle, String> {
    static PARSED: OnceLock<Result<Bundle, String>> = OnceLock::new();
    PARSED
        .get_or_init(|| {
            serde_json::from_str(BUNDLE_JSON)
                .map_err(|e| format!("the embedded corpus is damaged: {e}"))
        })
        .as_ref()
        .map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_bundle_parses_and_is_not_empty() {
        let bundle = super::embedded().expect("bundle parses");
        assert!(!bundle.articles.is_empty());
    }
}
