//! From bytes to text: UTF-8 (BOM kept, so spans stay file offsets), UTF-16 with a byte-order
//! mark, or a legacy Arabic code page when the whole file reads as one; binary files are refused.
//!
//! Decoding never guesses past damage: a UTF-8 file with a few bad bytes is refused with the
//! offset of the first (its mojibake as Windows-1256 is Arabic letters too, so "mostly Arabic"
//! cannot tell the two apart), and UTF-16 without a byte-order mark is refused by name.

use crate::input::InputErrorKind;

/// Share of letters that must be Arabic for a legacy decoding to count as detected.
const ARABIC_CONFIDENCE: f64 = 0.6;

/// Decodes an input; the second value names the encoding used when it was not UTF-8.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), InputErrorKind> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes).map(|text| (text, Some("UTF-16LE")));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes).map(|text| (text, Some("UTF-16BE")));
    }
    if looks_utf16(bytes) {
        return Err(InputErrorKind::Utf16WithoutBom);
    }
    if looks_binary(bytes) {
        return Err(InputErrorKind::Binary);
    }
    let err = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_string(), None)),
        Err(err) => err,
    };
    let invalid_utf8 = InputErrorKind::InvalidUtf8 {
        offset: err.valid_up_to(),
    };
    if reads_as_utf8(bytes) {
        return Err(invalid_utf8);
    }
    // Arabic pages saved by old tools are Windows-1256 or ISO-8859-6. Both decode almost any
    // byte string, so a decoding is accepted only when every byte maps to a character and the
    // text is mostly Arabic letters.
    let candidates = [encoding_rs::WINDOWS_1256, encoding_rs::ISO_8859_6];
    let best = candidates
        .iter()
        .filter_map(|encoding| {
            let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
            let score = arabic_share(&text);
            Some((score, encoding.name(), text.into_owned()))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((score, name, text)) if score >= ARABIC_CONFIDENCE => Ok((text, Some(name))),
        _ => Err(invalid_utf8),
    }
}

/// UTF-16 after its byte-order mark; `unit` reads two bytes in the mark's order. Offsets count
/// from the start of the file (the mark included).
fn decode_utf16(body: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, InputErrorKind> {
    let units = body.chunks(2).map(|pair| match *pair {
        [a, b] => unit([a, b]),
        // An odd last byte: no code unit, so a lone surrogate stands for the error.
        _ => 0xD800,
    });
    let mut text = String::with_capacity(body.len());
    let mut at = 2;
    for ch in char::decode_utf16(units) {
        match ch {
            Ok('\0') => return Err(InputErrorKind::Binary),
            Ok(ch) => {
                at += ch.len_utf16() * 2;
                text.push(ch);
            }
            Err(_) => return Err(InputErrorKind::InvalidUtf16 { offset: at }),
        }
    }
    Ok(text)
}

/// True when the file holds UTF-8 that is not damage: a character of the Arabic blocks encoded
/// as UTF-8, or as many well-formed multi-byte characters as bad sequences. A legacy code page
/// almost never forms either by chance (its Arabic letters are lone bytes of 0xC1..0xFE).
fn reads_as_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        for ch in chunk.valid().chars().filter(|c| !c.is_ascii()) {
            if matches!(ch, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FEFC}') {
                return true;
            }
            multibyte += 1;
        }
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multibyte >= invalid
}

/// True when NUL bytes sit on one side of most two-byte pairs, as spaces and Latin letters do in
/// UTF-16 (a binary file scatters them).
fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192) & !1];
    let nul_at = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (nul_at(0), nul_at(1));
    let pairs = head.len() / 2;
    // Arabic text in UTF-16 has a NUL only for spaces, digits and punctuation: one pair in ten
    // is plenty; the other side must be all but free of them.
    pairs >= 4 && (even.max(odd) * 10 >= pairs) && even.min(odd) * 20 <= even.max(odd)
}

/// NUL bytes, or many control characters in the first 8 KiB, mean the file is not text.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    !head.is_empty() && controls * 20 > head.len()
}

/// Share of alphabetic characters that are Arabic letters.
fn arabic_share(text: &str) -> f64 {
    let (mut arabic, mut letters) = (0usize, 0usize);
    for ch in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if crate::token::is_arabic_letter(ch) {
            arabic += 1;
        }
    }
    if letters == 0 {
        0.0
    } else {
        arabic as f64 / letters as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_with_bom() {
        let (text, from) = decode("\u{FEFF}سلام".as_bytes()).unwrap();
        assert_eq!(text, "\u{FEFF}سلام");
        assert_eq!(from, None);
    }

    #[test]
    fn windows_1256_arabic_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("وصل الرئيس إلى العاصمة أمس.");
        let (text, from) = decode(&bytes).unwrap();
        assert_eq!(text, "وصل الرئيس إلى العاصمة أمس.");
        assert_eq!(from, Some("windows-1256"));
    }

    #[test]
    fn latin1_garbage_is_invalid_utf8_with_offset() {
        assert_eq!(
            decode(b"caf\xe9 ok"),
            Err(InputErrorKind::InvalidUtf8 { offset: 3 })
        );
    }

    /// Text encoded as UTF-16 in the given byte order, with or without a byte-order mark.
    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        for unit in bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16()) {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    }

    const STORY: &str = "وصل الرئيس إلى العاصمة أمس في زيارة تستمر 3 أيام.\nوقال المتحدث إن الزيارة ناجحة.\n";

    // See: issue #17 (UTF-16 was refused as a binary file).
    #[test]
    fn utf16_with_a_bom_is_decoded_in_either_order() {
        assert_eq!(
            decode(&utf16(STORY, false, true)),
            Ok((STORY.to_string(), Some("UTF-16LE")))
        );
        assert_eq!(
            decode(&utf16(STORY, true, true)),
            Ok((STORY.to_string(), Some("UTF-16BE")))
        );
        let mut odd = utf16(STORY, false, true);
        odd.push(b'x');
        assert_eq!(
            decode(&odd),
            Err(InputErrorKind::InvalidUtf16 {
                offset: odd.len() - 1
            })
        );
    }

    #[test]
    fn utf16_without_a_bom_is_a_clear_error() {
        assert_eq!(
            decode(&utf16(STORY, false, false)),
            Err(InputErrorKind::Utf16WithoutBom)
        );
        assert_eq!(
            decode(&utf16(STORY, true, false)),
            Err(InputErrorKind::Utf16WithoutBom)
        );
        assert_eq!(
            decode(&utf16("plain English text", false, false)),
            Err(InputErrorKind::Utf16WithoutBom)
        );
    }

    // See: issue #17 (one bad byte made a whole UTF-8 article decode as Windows-1256 mojibake).
    #[test]
    fn utf8_with_a_bad_byte_is_refused_not_read_as_a_legacy_page() {
        let mut bytes = STORY.repeat(20).into_bytes();
        let at = STORY.len() * 7 + "وصل".len();
        bytes.insert(at, 0xFF);
        assert_eq!(decode(&bytes), Err(InputErrorKind::InvalidUtf8 { offset: at }));
        // A truncated final letter too.
        let cut = &STORY.as_bytes()[..STORY.find("ناجحة").unwrap() + 1];
        assert_eq!(
            decode(cut),
            Err(InputErrorKind::InvalidUtf8 {
                offset: cut.len() - 1
            })
        );
    }

    #[test]
    fn a_legacy_page_with_utf8_inside_is_refused() {
        let (mut bytes, _, _) = encoding_rs::WINDOWS_1256.encode(STORY);
        let mut bytes = std::mem::take(bytes.to_mut());
        bytes.extend("وزارة".as_bytes());
        assert_eq!(decode(&bytes), Err(InputErrorKind::InvalidUtf8 { offset: 0 }));
    }

    #[test]
    fn nul_and_control_bytes_are_binary() {
        assert_eq!(decode(b"ab\0cd"), Err(InputErrorKind::Binary));
        assert_eq!(decode(&[1, 2, 3, 4, 5, b'a']), Err(InputErrorKind::Binary));
    }
}
