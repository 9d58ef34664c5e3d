//! Bidirectional text in the reports: bidi controls from the input shown escaped, and the Arabic
//! runs of mixed-direction strings isolated.
//!
//! A file name or a headline can carry bidi controls: U+202E makes `04_\u{202E}gpj.txt` look like
//! `04_txt.jpg`. In names, titles and messages they are written out as `\u{202E}`. In an English
//! message, two Arabic names with only punctuation between them («أ», «ب») are laid out as one
//! right-to-left run and read in reverse order; each Arabic run is isolated (FSI…PDI in the
//! terminal, `<bdi>` in HTML) so the punctuation between runs keeps the message's direction.

use std::borrow::Cow;
use std::fmt::Write as _;

/// First strong isolate: opens a run whose direction is its first strong character's.
pub const FSI: char = '\u{2068}';
/// Pop directional isolate: closes [`FSI`].
pub const PDI: char = '\u{2069}';

/// True for the characters that change the direction of the text around them: embeddings and
/// overrides (U+202A–U+202E), isolates (U+2066–U+2069) and the direction marks LRM, RLM and ALM.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Embeddings, overrides and isolates: never needed to read an article, and unbalanced they
/// reorder whatever follows them (the direction marks only nudge their neighbours).
fn is_embedding_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with the characters `escape` picks written as `\u{…}`.
fn escape_if(text: &str, escape: fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escape(c) {
            let _ = write!(out, "\\u{{{:04X}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A name, title or message with every bidi control written out as `\u{202E}`.
pub fn escape_bidi(text: &str) -> Cow<'_, str> {
    escape_if(text, is_bidi_control)
}

/// An article's own text with embeddings, overrides and isolates written out; its direction
/// marks are kept, as Arabic typesetting uses them.
pub(crate) fn escape_embeddings(text: &str) -> Cow<'_, str> {
    escape_if(text, is_embedding_control)
}

/// A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko and their forms).
fn is_rtl_letter(c: char) -> bool {
    c.is_alphabetic() && in_rtl_blocks(c)
}

fn in_rtl_blocks(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Characters that separate items of a list: an Arabic run never reaches across them.
fn is_separator(c: char) -> bool {
    matches!(c, ';' | ',' | '|' | '…' | '\n' | '\t')
}

/// `text` cut into runs, each with whether it is a right-to-left run. A right-to-left run starts
/// at a right-to-left letter and ends at the last right-to-left character or digit before a
/// left-to-right letter or a list separator; what lies between runs keeps the text's direction.
pub(crate) fn runs(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut cursor = 0;
    // Start of the open right-to-left run and the end of its last strong character.
    let mut open: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        match open {
            None if is_rtl_letter(c) => open = Some((i, end)),
            None => {}
            Some((start, _)) if (in_rtl_blocks(c) && !c.is_whitespace()) || c.is_numeric() => {
                open = Some((start, end));
            }
            Some((start, last)) if c.is_alphabetic() || is_separator(c) => {
                out.extend((cursor < start).then(|| (false, &text[cursor..start])));
                out.push((true, &text[start..last]));
                cursor = last;
                open = None;
            }
            Some(_) => {}
        }
    }
    if let Some((start, last)) = open {
        out.extend((cursor < start).then(|| (false, &text[cursor..start])));
        out.push((true, &text[start..last]));
        cursor = last;
    }
    if cursor < text.len() {
        out.push((false, &text[cursor..]));
    }
    out
}

/// A name, title or message for the terminal: bidi controls escaped, and every right-to-left run
/// in a string that also holds left-to-right text wrapped in FSI…PDI.
pub fn isolate(text: &str) -> String {
    let text = escape_bidi(text);
    let runs = runs(&text);
    if runs.len() <= 1 {
        return text.into_owned();
    }
    let mut out = String::with_capacity(text.len() + 6 * runs.len());
    for (rtl, piece) in runs {
        if rtl {
            out.push(FSI);
            out.push_str(piece);
            out.push(PDI);
        } else {
            out.push_str(piece);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(bool, &str)]) {
        assert_eq!(runs(text), expected, "{text:?}");
    }

    #[test]
    fn arabic_runs_end_at_latin_letters_and_list_separators() {
        check("", &[]);
        check("plain", &[(false, "plain")]);
        check("قال الوزير", &[(true, "قال الوزير")]);
        check(
            "spelled «كيم جونغ أون», «كيم يونغ أون»",
            &[
                (false, "spelled «"),
                (true, "كيم جونغ أون"),
                (false, "», «"),
                (true, "كيم يونغ أون"),
                (false, "»"),
            ],
        );
        check(
            "by a.txt (as fact); وزارة الخارجية; وكالة الأنباء and denied by كوريا",
            &[
                (false, "by a.txt (as fact); "),
                (true, "وزارة الخارجية"),
                (false, "; "),
                (true, "وكالة الأنباء"),
                (false, " and denied by "),
                (true, "كوريا"),
            ],
        );
        // Digits and Arabic punctuation inside a run stay in it; trailing digits are its own.
        check(
            "value: قتل 20 شخصا، ثم 5 (approx)",
            &[
                (false, "value: "),
                (true, "قتل 20 شخصا، ثم 5"),
                (false, " (approx)"),
            ],
        );
    }

    // See: issue #17 (a file `04_\u{202E}gpj.txt` showed as `04_txt.jpg`).
    #[test]
    fn bidi_controls_are_written_out() {
        assert_eq!(escape_bidi("04_\u{202E}gpj.txt"), "04_\\u{202E}gpj.txt");
        assert_eq!(
            escape_bidi("\u{200F}a\u{061C}b\u{2066}c\u{2069}"),
            "\\u{200F}a\\u{061C}b\\u{2066}c\\u{2069}"
        );
        assert!(matches!(escape_bidi("عادي"), Cow::Borrowed(_)));
        assert_eq!(escape_embeddings("أ\u{200F}ب\u{202B}ج"), "أ\u{200F}ب\\u{202B}ج");
    }

    #[test]
    fn mixed_strings_are_isolated_for_the_terminal() {
        assert_eq!(isolate("قال الوزير"), "قال الوزير");
        assert_eq!(isolate("a.txt"), "a.txt");
        assert_eq!(isolate("«أ», «ب»"), format!("«{FSI}أ{PDI}», «{FSI}ب{PDI}»"));
        assert_eq!(isolate("by \u{202E}ب"), format!("by \\u{{202E}}{FSI}ب{PDI}"));
    }
}
