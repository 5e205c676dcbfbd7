//! Bytes -> text: UTF-8 (BOM stripped), UTF-16 (with a BOM, or without one when its NUL bytes
//! show it), else Windows-1252 with a warning.
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
    if let Some(little_endian) = utf16_without_bom(bytes) {
        let note = format!(
            "UTF-16 text without a byte-order mark ({}-endian, from its NUL bytes) decoded",
            if little_endian { "little" } else { "big" }
        );
        return classify(decode_utf16(bytes, little_endian), Some(note));
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
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Some(decode_utf16(rest, true))
    } else {
        Some(decode_utf16(bytes.strip_prefix(b"\xFE\xFF")?, false))
    }
}

/// UTF-16 saved without a byte-order mark (some Windows tools do): text that is mostly ASCII
/// has a NUL as the high byte of most of its code units, on one side of each pair only. Binary
/// data has NULs on both sides, UTF-32 whole NUL pairs. Some(true): little-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = bytes.get(..8192).unwrap_or(bytes);
    let (mut nul_high_le, mut nul_high_be, mut nul_pairs) = (0usize, 0usize, 0usize);
    let pairs = head.chunks_exact(2);
    let count = pairs.len();
    for pair in pairs {
        match pair {
            [0, 0] => nul_pairs += 1,
            [_, 0] => nul_high_le += 1,
            [0, _] => nul_high_be += 1,
            _ => {}
        }
    }
    // At least half the units ASCII, and the other side (almost) never NUL.
    let one_sided = |nuls: usize, other: usize| {
        count >= 2
            && nuls.saturating_mul(2) >= count
            && other.saturating_add(nul_pairs).saturating_mul(20) <= nuls
    };
    if one_sided(nul_high_le, nul_high_be) {
        Some(true)
    } else if one_sided(nul_high_be, nul_high_le) {
        Some(false)
    } else {
        None
    }
}

/// UTF-16 code units to text; unpaired surrogates and an odd last byte become U+FFFD.
fn decode_utf16(bytes: &[u8], little_endian: bool) -> String {
    let pairs = bytes.chunks_exact(2);
    let odd_byte = !pairs.remainder().is_empty();
    let units = pairs.map(|pair| match pair {
        [a, b] if little_endian => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if odd_byte {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
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

    #[test]
    fn utf16_without_bom_is_recognised_by_its_nul_bytes() {
        let text = "Headline\r\n\r\nCafé – a body of plain text.\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, side) in [(le, "little"), (be, "big")] {
            match decode(&bytes) {
                Decoded::Text {
                    text: decoded,
                    note,
                } => {
                    assert_eq!(decoded, text);
                    assert!(note.is_some_and(|n| n.contains(side)));
                }
                other => panic!("{side}: {other:?}"),
            }
        }
        // UTF-32 (NUL pairs) and NULs on both sides stay binary.
        let utf32: Vec<u8> = "Some text"
            .chars()
            .flat_map(|c| u32::from(c).to_le_bytes())
            .collect();
        assert_eq!(decode(&utf32), Decoded::Binary);
        assert_eq!(decode(b"a\0\0b c\0\0d"), Decoded::Binary);
    }
}
