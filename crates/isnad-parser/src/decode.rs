//! From bytes to text: UTF-8 (BOM kept, so spans stay file offsets), or a legacy Arabic code page
//! when it can be detected with confidence; binary files are refused.

use crate::input::InputErrorKind;

/// Share of letters that must be Arabic for a legacy decoding to count as detected.
const ARABIC_CONFIDENCE: f64 = 0.6;

/// Decodes an input; the second value names the legacy encoding used, if any.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), InputErrorKind> {
    if looks_binary(bytes) {
        return Err(InputErrorKind::Binary);
    }
    let err = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.to_string(), None)),
        Err(err) => err,
    };
    // Arabic pages saved by old tools are Windows-1256 or ISO-8859-6. Both decode almost any
    // byte string, so a decoding is accepted only when it yields mostly Arabic letters.
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
        _ => Err(InputErrorKind::InvalidUtf8 {
            offset: err.valid_up_to(),
        }),
    }
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

    #[test]
    fn nul_and_control_bytes_are_binary() {
        assert_eq!(decode(b"ab\0cd"), Err(InputErrorKind::Binary));
        assert_eq!(decode(&[1, 2, 3, 4, 5, b'a']), Err(InputErrorKind::Binary));
    }
}
