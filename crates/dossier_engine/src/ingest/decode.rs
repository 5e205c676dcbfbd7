//! Bytes -> text: UTF-8 (BOM stripped), UTF-16 with a BOM, else Windows-1252 with a warning.
//! Empty and binary files are recognised here so that no parser ever sees them.
//!
//! Windows-1252 is decoded by hand (one 32-entry table) rather than with `encoding_rs`, whose
//! tables would cost the page far more than the one legacy encoding news files actually use.

/// The outcome of decoding one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// Text, plus a note when it was not plain UTF-8.
    Text { text: String, note: Option<String> },
    /// Nothing but whitespace.
    Empty,
    /// Not text at all (NUL bytes or mostly control characters).
    Binary,
}

/// Decodes a file's bytes.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(text) = decode_utf16_with_bom(bytes) {
        return classify(text, Some("UTF-16 text decoded".to_string()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Decoded::Binary;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => classify(text.to_string(), None),
        Err(error) => {
            let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let note =
                format!("not valid UTF-8 (first bad byte on line {line}); decoded as Windows-1252");
            classify(decode_windows_1252(bytes), Some(note))
        }
    }
}

fn classify(text: String, note: Option<String>) -> Decoded {
    if text.trim().is_empty() {
        Decoded::Empty
    } else {
        Decoded::Text { text, note }
    }
}

/// A NUL byte in the first 8 KiB, or more than one control byte in ten, means binary.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = bytes.get(..8192).unwrap_or(bytes);
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    controls.saturating_mul(10) > head.len()
}

fn decode_utf16_with_bom(bytes: &[u8]) -> Option<String> {
    let (little_endian, rest) = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (true, rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (false, rest)
    } else {
        return None;
    };
    let units = rest.chunks_exact(2).map(|pair| match pair {
        [a, b] if little_endian => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// Windows-1252's 0x80..=0x9F; the five unassigned bytes keep their Latin-1 (C1) meaning.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Decodes Windows-1252 (a superset of Latin-1's printable range); every byte maps to a char.
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_HIGH
                .get(usize::from(b - 0x80))
                .copied()
                .unwrap_or(char::REPLACEMENT_CHARACTER),
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_without_note() {
        let decoded = decode("Café – ok\n".as_bytes());
        assert_eq!(
            decoded,
            Decoded::Text {
                text: "Café – ok\n".into(),
                note: None
            }
        );
    }

    #[test]
    fn bom_is_stripped() {
        let decoded = decode(b"\xEF\xBB\xBFTitle");
        assert!(matches!(decoded, Decoded::Text { text, note: None } if text == "Title"));
    }

    #[test]
    fn windows_1252_is_decoded_with_a_note_naming_the_line() {
        let decoded = decode(b"Title\nCaf\xE9 \x93quoted\x94 \x96 dash");
        match decoded {
            Decoded::Text { text, note } => {
                assert_eq!(text, "Title\nCafé “quoted” – dash");
                assert_eq!(
                    note.as_deref(),
                    Some("not valid UTF-8 (first bad byte on line 2); decoded as Windows-1252")
                );
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn utf16_with_bom() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hi".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert!(matches!(decode(&bytes), Decoded::Text { text, .. } if text == "Hi"));
    }

    #[test]
    fn empty_and_binary() {
        assert_eq!(decode(b""), Decoded::Empty);
        assert_eq!(decode(b" \n\t\r\n"), Decoded::Empty);
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Decoded::Binary);
        assert_eq!(decode(&[1, 2, 3, 4, 5, 6, b'a']), Decoded::Binary);
    }
}
