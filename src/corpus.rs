//! The embedded corpus: built by build.rs, parsed once at start-up.

use dossier_engine::Bundle;

/// The bundle JSON that build.rs wrote for the corpus this page was built on.
const BUNDLE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bundle.json"));

/// The embedded bundle, parsed (once, at start-up). A bundle that fails to parse is reported,
/// not panicked on. Article text borrows from `BUNDLE_JSON` rather than copying it
/// ([`dossier_engine::text`]).
pub fn embedded() -> Result<Bundle, String> {
    Bundle::parse_embedded(BUNDLE_JSON).map_err(|e| format!("the embedded corpus is damaged: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_bundle_parses_and_is_not_empty() {
        let bundle = super::embedded().expect("bundle parses");
        assert!(!bundle.articles.is_empty());
    }

    #[test]
    fn embedded_article_text_is_not_copied() {
        let bundle = super::embedded().expect("bundle parses");
        let paragraphs: Vec<_> = bundle.articles.iter().flat_map(|a| &a.body).collect();
        let borrowed = paragraphs.iter().filter(|p| p.is_borrowed()).count();
        // Only paragraphs with a quote mark or backslash (escaped in JSON) need their own copy.
        let escaped = paragraphs
            .iter()
            .filter(|p| p.contains(['"', '\\']))
            .count();
        assert_eq!(
            borrowed + escaped,
            paragraphs.len(),
            "{borrowed} borrowed, {escaped} escaped"
        );
        assert!(borrowed > 0);
    }
}
