//! Tests of the tokenizer: keys, boundaries, the fast paths against the decoded ones, and
//! the clitic splits.

use super::chars::{arabic_pair, is_arabic_pair};
use super::key_fold::{NOT_ARABIC, PAIR_REPLACEMENTS, SAME, pair_fold};
use super::*;
use crate::normalize::Normalized;

#[test]
fn a_word_is_letters_digits_and_the_marks_inside_arabic_words() {
    for c in [
        'ب', 'ی', 'ﻻ', 'a', 'Z', '7', '٣', '۵', 'é', '\u{064E}', '\u{0640}', '\u{0670}',
    ] {
        assert!(is_word_char(c), "{c:?}");
    }
    for c in [' ', '،', '؟', '.', '-', '«', '\u{200F}', '%'] {
        assert!(!is_word_char(c), "{c:?}");
    }
}

#[test]
fn alphanumerics_are_the_standard_ones() {
    for c in ('\u{0}'..='\u{FFFF}').filter(|c| !c.is_control()) {
        assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{:04X}", c as u32);
    }
}

#[test]
fn arabic_letters_are_the_script_blocks_without_marks_and_tatweel() {
    for ch in ('\u{0}'..='\u{FFFF}').filter(|c| !c.is_control()) {
        let blocks = matches!(ch, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}'
            | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFC}');
        let expected = blocks && !matches!(ch, '\u{0640}' | '\u{064B}'..='\u{065F}');
        assert_eq!(is_arabic_letter(ch), expected, "{:04X}", ch as u32);
    }
}

fn keys(src: &str) -> Vec<String> {
    tokenize(src, Span::new(0, src.len()))
        .into_iter()
        .map(|t| t.key)
        .collect()
}

#[test]
fn shared_keys_match_fold_key() {
    let src = "قالَ أُعِدَّت ٢٠ سيارةً، ﻻ ﺑﻮﺗﻴﻦ S600 إلى كـــيم ی\u{200F}ک ٱلله؛ 12,500 و2.5 “قال”.";
    let tokens = Tokens::of(src, Span::new(0, src.len()));
    assert!(tokens.len() > 10);
    for (i, piece) in tokens.pieces.iter().enumerate() {
        assert_eq!(
            tokens.key(i),
            crate::fold_key(&src[piece.span().range()]),
            "token {i}"
        );
    }
    assert_eq!(tokens.key(tokens.len()), "");
    assert!(tokens.keys.iter().eq((0..tokens.len()).map(|i| tokens.key(i))));
    assert!(Tokens::of(src, Span::new(1, 2)).is_empty());
}

fn same_tokens(src: &str, span: Span) {
    let folded = Normalized::of(src, span, crate::Fold::Key);
    let cut = Tokens::of_folded(src, span, &folded);
    let whole = Tokens::of(src, span);
    assert_eq!(cut.pieces, whole.pieces, "{src:?}");
    for i in 0..whole.len() {
        assert_eq!(cut.key(i), whole.key(i), "{src:?} token {i}");
    }
    assert_eq!(cut.len(), whole.len());
}

/// [`Tokens::with_key_fold`] makes what the two passes make.
fn same_in_one_pass(src: &str, span: Span) {
    let (tokens, folded) = Tokens::with_key_fold(src, span);
    let two_folded = Normalized::of(src, span, crate::Fold::Key);
    let two_tokens = Tokens::of_folded(src, span, &two_folded);
    // Text, edits, base and fold alike.
    assert_eq!(format!("{folded:?}"), format!("{two_folded:?}"));
    assert_eq!(tokens.pieces, two_tokens.pieces, "{src:?}");
    assert_eq!(tokens.len(), two_tokens.len());
    for i in 0..tokens.len() {
        assert_eq!(tokens.key(i), two_tokens.key(i), "{src:?} token {i}");
    }
}

#[test]
fn keys_cut_from_the_folded_text_are_the_folded_words() {
    let src = "قالَ أُعِدَّت ٢٠ سيارةً، ﻻ ﺑﻮﺗﻴﻦ S600 إلى كـــيم ی\u{200F}ک ٱلله؛ 12,500 و2.5 “قال”. 3D 7a";
    same_tokens(src, Span::new(0, src.len()));
    same_in_one_pass(src, Span::new(0, src.len()));
    let start = src.find('٢').unwrap();
    same_tokens(src, Span::new(start, src.len() - 3));
    same_in_one_pass(src, Span::new(start, src.len() - 3));
}

/// A prepared sentence holds its folded text once, its token keys cut from that same buffer, and
/// its lists at their exact length (issue #17: the 50 MB article).
#[test]
fn one_pass_holds_the_folded_text_once_and_its_lists_exactly() {
    let src = "قالَ أُعِدَّت ٢٠ سيارةً، ﻻ ﺑﻮﺗﻴﻦ S600 إلى كـــيم ی\u{200F}ک ٱلله؛ 12,500 و2.5 “قال”.";
    let (tokens, folded) = Tokens::with_key_fold(src, Span::new(0, src.len()));
    assert!(std::sync::Arc::ptr_eq(&tokens.keys.buffer, &folded.text));
    // Two `u16` a key in a sentence's buffer of at most 64 KiB.
    assert_eq!(tokens.keys.short.len(), tokens.len());
    assert!(tokens.keys.long.is_none());
    for (i, piece) in tokens.pieces.iter().enumerate() {
        assert_eq!(
            tokens.key(i),
            crate::fold_key(&src[piece.span().range()]),
            "token {i}"
        );
    }
}

/// The keys' ranges in the folded text are where each key is, short and long buffers alike; keys
/// folded into a buffer of their own have none there.
#[test]
fn key_ranges_are_where_the_keys_are_in_the_folded_text() {
    let short = "قالَ أُعِدَّت ٢٠ سيارةً، ﻻ ﺑﻮﺗﻴﻦ S600 إلى كـــيم 12,500 ";
    for src in [short.to_string(), short.repeat(1500)] {
        let span = Span::new(0, src.len());
        let (tokens, folded) = Tokens::with_key_fold(&src, span);
        let ranges: Vec<(usize, usize)> = tokens
            .keys
            .ranges_in(&folded.text)
            .expect("cut from it")
            .collect();
        assert_eq!(ranges.len(), tokens.len());
        for (i, &(start, end)) in ranges.iter().enumerate() {
            assert_eq!(&folded.text[start..end], tokens.key(i), "token {i}");
        }
        assert!(Tokens::of(&src, span).keys.ranges_in(&folded.text).is_none());
    }
}

/// Past 64 KiB of buffer the keys keep their offsets in two `u32` each, not `u16`: every key of a long
/// sentence is still its word folded, cut the same from the folded text or folded word by word.
#[test]
fn keys_of_a_sentence_past_64_kib_are_the_folded_words() {
    let src = "قالَ أُعِدَّت ٢٠ سيارةً، ﻻ ﺑﻮﺗﻴﻦ S600 إلى كـــيم 12,500 ".repeat(1500);
    let span = Span::new(0, src.len());
    let (tokens, folded) = Tokens::with_key_fold(&src, span);
    assert!(folded.text.len() > SHORT);
    assert!(tokens.keys.short.is_empty());
    assert_eq!(
        tokens.keys.long.as_ref().map(|long| long.len()),
        Some(tokens.len())
    );
    let whole = Tokens::of(&src, span);
    assert_eq!(whole.pieces, tokens.pieces);
    for (i, piece) in tokens.pieces.iter().enumerate() {
        let key = crate::fold_key(&src[piece.span().range()]);
        assert_eq!((tokens.key(i), whole.key(i)), (&*key, &*key), "token {i}");
    }
    assert!(tokens.keys.iter().eq((0..tokens.len()).map(|i| tokens.key(i))));
    assert_eq!((tokens.key(tokens.len()), tokens.key(usize::MAX)), ("", ""));
}

/// A piece keeps its span in two `u32` (12 bytes a token, issue #17), up to the last offset that
/// fits; one past it stops instead of wrapping (below).
#[test]
fn pieces_keep_spans_up_to_4_gib_in_12_bytes() {
    assert_eq!(std::mem::size_of::<Piece>(), 12);
    let top = u32::MAX as usize;
    let piece = Piece::new(Span::new(top - 3, top), TokenKind::Latin);
    assert_eq!(
        (piece.span(), piece.kind),
        (Span::new(top - 3, top), TokenKind::Latin)
    );
}

#[test]
#[should_panic(expected = "past 4 GiB")]
fn a_piece_past_4_gib_stops_the_tokenizer() {
    Piece::new(
        Span::new(u32::MAX as usize, u32::MAX as usize + 1),
        TokenKind::Latin,
    );
}

#[test]
fn pair_folds_are_the_decoded_folds() {
    for b0 in [0xD8u8, 0xD9] {
        for b1 in 0x80..=0xBFu8 {
            let original = char::from_u32((u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F));
            // What the letter or mark folds to, "kept" when to itself.
            let expected = fold_arabic_pair(b0, b1).map(|folded| match folded {
                Some(c) if Some(c) == original => "kept".to_string(),
                Some(c) => c.to_string(),
                None => String::new(),
            });
            let got = match pair_fold(&[b0, b1], 0) {
                NOT_ARABIC => None,
                SAME => Some("kept".to_string()),
                code => Some(PAIR_REPLACEMENTS[usize::from(code)].to_string()),
            };
            assert_eq!(got, expected, "{b0:02X} {b1:02X}");
        }
    }
}

proptest::proptest! {
    #[test]
    fn keys_cut_from_the_folded_text_agree(
        text in "[ اأبتةجدىيكلمنهوﻻﺑیکé²٪\u{064E}\u{0651}\u{0640}\u{00AD}\u{200F}\u{00A0}0-9٠-٩۴٫٬,.%:/()«»،؛a-zA-Z\\-\n\t]{0,40}"
    ) {
        same_tokens(&text, Span::new(0, text.len()));
    }

    #[test]
    fn one_pass_agrees_with_two(
        text in "[ اأإآبتةجدىيئءكلمنهوﻻﻷﺑیکڤٱé²٪\u{064B}\u{064E}\u{0651}\u{0670}\u{0640}\u{00AD}\u{200B}\u{200F}\u{00A0}\u{2009}0-9٠-٩۴٫٬,.%:/()«»،؛a-zA-Z\\-\n\t]{0,60}",
        cut in 0usize..8,
    ) {
        same_in_one_pass(&text, Span::new(0, text.len()));
        // A sentence inside a longer text.
        let from = text.char_indices().nth(cut).map_or(text.len(), |(at, _)| at);
        same_in_one_pass(&text, Span::new(from, text.len()));
    }
}

#[test]
fn arabic_pairs_by_table_are_the_decoded_ones() {
    for b0 in 0..=255u8 {
        for b1 in 0..=255u8 {
            assert_eq!(
                is_arabic_pair(b0, b1),
                arabic_pair(b0, b1).is_some(),
                "{b0:02X} {b1:02X}"
            );
        }
    }
}

#[test]
fn splits_words_numbers_and_punctuation() {
    assert_eq!(
        keys("قال: ١٢٬٥٠٠ و2.5، S600."),
        ["قال", ":", "12,500", "و", "2.5", "،", "S600", "."]
    );
}

#[test]
fn clitic_candidates_keep_two_letter_stems() {
    let src = "وسلطان لعلي زيارته بال";
    let tokens = tokenize(src, Span::new(0, src.len()));
    let stems = |i: usize| {
        tokens[i]
            .segmentations(src)
            .into_iter()
            .map(|s| s.stem)
            .collect::<Vec<_>>()
    };
    assert!(stems(0).contains(&"سلطان".to_string()));
    assert!(stems(1).contains(&"علي".to_string()));
    assert!(stems(2).contains(&"زياره".to_string()));
    assert!(!stems(3).iter().any(|s| s.chars().count() < 2));
    let seg = tokens[0]
        .segmentations(src)
        .into_iter()
        .find(|s| s.stem == "سلطان")
        .unwrap();
    assert_eq!(&src[seg.stem_span.range()], "سلطان");
}
