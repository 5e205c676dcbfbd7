//! Small text helpers shared by the format parsers: line cleaning, word counts, slugs.

use crate::analysis::fold_table::without_diacritics_canonical;

/// Normalises one line of prose: non-breaking and other odd spaces become plain spaces, runs of
/// whitespace collapse, Markdown escapes (`\*`) are undone and emphasis markers (`**`, `__`, and a
/// `*`/`_` wrapping the whole line) are removed.
pub fn clean_line(line: &str) -> String {
    let mut unescaped = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars
                .peek()
                .is_some_and(|n| "*_`#[]()>-.!~|\\".contains(*n)) =>
            {
                match chars.next() {
                    // Escaped emphasis characters are literal: hide them from the emphasis pass.
                    Some('*') => unescaped.push(ESCAPED_STAR),
                    Some('_') => unescaped.push(ESCAPED_UNDERSCORE),
                    Some(next) => unescaped.push(next),
                    None => {}
                }
            }
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' | '\t' => {
                unescaped.push(' ');
            }
            '\u{200b}' | '\u{feff}' | '\u{ad}' => {}
            _ => unescaped.push(c),
        }
    }
    let without_strong = strip_paired(&strip_paired(&unescaped, "**", true), "__", false);
    let collapsed = collapse_whitespace(&without_strong);
    let trimmed = collapsed.as_str();
    // A single `*`/`_` wrapping the whole line is emphasis; inside a line it may be meant.
    let inner = trimmed
        .strip_prefix('*')
        .and_then(|t| t.strip_suffix('*'))
        .or_else(|| trimmed.strip_prefix('_').and_then(|t| t.strip_suffix('_')))
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(trimmed);
    inner
        .trim()
        .replace(ESCAPED_STAR, "*")
        .replace(ESCAPED_UNDERSCORE, "_")
}

/// Removes `marker` only where it pairs up as emphasis (an opener followed by a non-space, a
/// closer preceded by one), so text that merely contains it ("window.__init") stays as written.
/// `intraword`: whether the marker may touch letters outside the pair (`**` may, `__` may not:
/// "snake__case" is a name, not emphasis).
fn strip_paired(text: &str, marker: &str, intraword: bool) -> String {
    let positions: Vec<usize> = text.match_indices(marker).map(|(i, _)| i).collect();
    if positions.len() < 2 || !positions.len().is_multiple_of(2) {
        return text.to_string();
    }
    let before = |i: usize| text.get(..i).and_then(|t| t.chars().next_back());
    let after = |i: usize| text.get(i + marker.len()..).and_then(|t| t.chars().next());
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let pairs_up = positions.chunks(2).all(|pair| match pair {
        [open, close] => {
            after(*open).is_some_and(|c| !c.is_whitespace())
                && before(*close).is_some_and(|c| !c.is_whitespace())
                && (intraword || (!is_word(before(*open)) && !is_word(after(*close))))
        }
        _ => false,
    });
    if pairs_up {
        text.replace(marker, "")
    } else {
        text.to_string()
    }
}

/// Private-use stand-ins for escaped `*` and `_` while emphasis markers are removed.
const ESCAPED_STAR: char = '\u{E000}';
const ESCAPED_UNDERSCORE: char = '\u{E001}';

/// 1-based line numbers of byte offsets met in increasing order (a CSV's records, a page's
/// stories): one pass over the text. An offset inside the line break before a line (the `\n` of
/// a `\r\n`) or at blank lines skipped is that of the next character that is not a line break.
#[derive(Debug, Default)]
pub struct LineCounter {
    byte: usize,
    line: usize,
}

impl LineCounter {
    pub fn line_at(&mut self, text: &str, byte: usize) -> usize {
        let byte = byte.min(text.len());
        let breaks = text.as_bytes().get(byte..).unwrap_or_default();
        let breaks = breaks
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let byte = byte.saturating_add(breaks);
        if byte > self.byte {
            let newlines = text.as_bytes().get(self.byte..byte).unwrap_or_default();
            self.line = self
                .line
                .saturating_add(newlines.iter().filter(|&&b| b == b'\n').count());
            self.byte = byte;
        }
        self.line.saturating_add(1)
    }
}

#[cfg(test)]
mod emphasis_tests {
    use super::clean_line;

    #[test]
    fn paired_emphasis_is_removed() {
        assert_eq!(clean_line("**Press Release**"), "Press Release");
        assert_eq!(clean_line("***Pakistan Advocates***"), "Pakistan Advocates");
        assert_eq!(clean_line("a __strong__ word"), "a strong word");
    }

    #[test]
    fn markers_that_do_not_pair_are_text() {
        assert_eq!(
            clean_line("window.__pwned = 'title'"),
            "window.__pwned = 'title'"
        );
        assert_eq!(
            clean_line("snake__case and more__text"),
            "snake__case and more__text"
        );
        assert_eq!(clean_line("2 ** 3"), "2 ** 3");
    }
}

/// Collapses whitespace runs into single spaces and trims.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A stand-in title for text that states none: its first twelve words.
pub fn title_from_first_words(text: &str) -> String {
    crate::article::list_item(text)
        .unwrap_or(text)
        .split_whitespace()
        .take(12)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Number of whitespace-separated words.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// True when the text ends like a sentence (possibly inside closing quotes).
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '”', '’', '\'', ')', ' ']);
    trimmed.ends_with(['.', '!', '?', '…'])
}

/// A key for "is this the same line": case- and punctuation-insensitive.
pub fn comparable(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A URL- and file-name-safe slug: lower-case ASCII letters and digits joined by `-`; accents are
/// folded ("exposé" -> "expose"), apostrophes vanish ("Pakistan's" -> "pakistans"), at most
/// `max_words` words.
pub fn slug(text: &str, max_words: usize) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().filter(|c| !matches!(c, '\'' | '’' | '‘')) {
        match without_diacritics_canonical(c) {
            Some(base) => folded.push_str(base),
            None => folded.push(c),
        }
    }
    slug_of_folded(&folded, max_words)
}

/// The ASCII letter-and-digit runs of already folded text, lower-cased and joined by `-`.
pub fn slug_of_folded(folded: &str, max_words: usize) -> String {
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(max_words)
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// Title case for an upper-case place name: "NEW YORK" -> "New York", "ISLAMABAD" -> "Islamabad",
/// "ISLAMABAD/NEW DELHI" -> "Islamabad/New Delhi", "GILGIT-BALTISTAN" -> "Gilgit-Baltistan".
pub fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut starts_word = true;
    for c in text.chars() {
        if starts_word {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        starts_word = matches!(c, ' ' | '/' | '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_and_emphasis_are_removed() {
        assert_eq!(clean_line("**Press Release**"), "Press Release");
        assert_eq!(clean_line("***Big news***"), "Big news");
        assert_eq!(clean_line("\\*\\*\\*"), "***");
        assert_eq!(clean_line("a **bold** word"), "a bold word");
        assert_eq!(
            clean_line("Comment Policy * Denotes"),
            "Comment Policy * Denotes"
        );
    }

    #[test]
    fn odd_spaces_are_normalised() {
        assert_eq!(clean_line("  a\u{a0} b\t c\u{a0}"), "a b c");
        assert_eq!(clean_line("\u{a0}"), "");
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Pakistan’s finance chief: exposé!", 8),
            "pakistans-finance-chief-expose"
        );
        assert_eq!(slug("a b c d", 2), "a-b");
        assert_eq!(slug("—", 8), "");
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("He said so."));
        assert!(ends_sentence("“Now.”"));
        assert!(!ends_sentence("A headline"));
    }

    #[test]
    fn place_names() {
        assert_eq!(title_case("NEW YORK"), "New York");
        assert_eq!(title_case("ISLAMABAD"), "Islamabad");
        assert_eq!(title_case("ISLAMABAD/NEW DELHI"), "Islamabad/New Delhi");
        assert_eq!(title_case("GILGIT-BALTISTAN"), "Gilgit-Baltistan");
    }
}
