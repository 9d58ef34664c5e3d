//! Properties that hold for any input: the parser never panics, spans lie on char boundaries
//! inside the file, and normalized tokens map back to spans whose own normalization is the token.

use isnad_parser::{Fold, Normalized, ParseOptions, Span, fold_key, parse_document, tokenize};
use proptest::prelude::*;

/// Arabic-heavy text with the characters that make parsing hard.
fn article_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قال",
        " ",
        "\n",
        "\r\n",
        "\n\n",
        ".",
        "،",
        "؟",
        "د.",
        "2.5",
        "٣٤٠",
        "«",
        "»",
        "“",
        "”",
        "\"",
        "|",
        "\u{200F}",
        "\u{FEFF}",
        "\u{00A0}",
        "ـ",
        "َ",
        "أ",
        "ى",
        "ة",
        "ﻻ",
        "+++",
        "المصدر:",
        "اقرأ أيضاً",
        "[ad_1]",
        "20 فبراير 2024 –",
        "القاهرة - ",
        "pic.twitter.com/x",
        "Hello world again",
        "كيم",
        "وبوتين",
        "لل",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check_document(bytes: &[u8]) {
    let Ok((doc, _)) = parse_document("p.txt", bytes, &ParseOptions::default()) else {
        return;
    };
    let len = doc.source.len();
    let on_boundary = |s: Span| {
        s.start <= s.end
            && s.end <= len
            && doc.source.is_char_boundary(s.start)
            && doc.source.is_char_boundary(s.end)
    };
    for block in &doc.blocks {
        assert!(on_boundary(block.span), "block {:?}", block.span);
    }
    for sentence in &doc.sentences {
        assert!(on_boundary(sentence.span), "sentence {:?}", sentence.span);
        assert!(!doc.text(sentence.span).trim().is_empty());
        for token in tokenize(&doc.source, sentence.span) {
            assert!(on_boundary(token.span));
        }
    }
    for span in [doc.meta.title_span, doc.meta.published_span]
        .into_iter()
        .flatten()
    {
        assert!(on_boundary(span));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_document(&bytes);
    }

    #[test]
    fn spans_are_char_boundaries_inside_the_file(text in article_text()) {
        check_document(text.as_bytes());
    }

    #[test]
    fn normalized_tokens_map_back_to_their_source(text in article_text()) {
        let whole = Span::new(0, text.len());
        for token in tokenize(&text, whole) {
            let original = &text[token.span.range()];
            prop_assert_eq!(&token.key, &fold_key(original), "token {:?}", original);
        }
        let normalized = Normalized::of(&text, whole, Fold::Key);
        // Every normalized word maps back to original bytes that normalize to the same word.
        let mut offset = 0;
        for word in normalized.text.split(' ') {
            if !word.is_empty() {
                let span = normalized.original_span(offset, offset + word.len());
                prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                prop_assert_eq!(fold_key(&text[span.range()]), word);
            }
            offset += word.len() + 1;
        }
    }

    #[test]
    fn every_normalized_character_maps_to_one_original_character_in_order(text in article_text()) {
        let start = text.find(' ').unwrap_or(0);
        let span = Span::new(start, text.len());
        let normalized = Normalized::of(&text, span, Fold::Key);
        let mut previous_end = span.start;
        for (i, c) in normalized.text.char_indices() {
            let original = normalized.original_span(i, i + c.len_utf8());
            let piece = &text[original.range()];
            prop_assert!(original.start >= previous_end && original.end <= span.end);
            prop_assert_eq!(piece.chars().count(), 1, "{:?} from {:?}", c, piece);
            // A ligature folds to two letters that both come from it.
            prop_assert!(fold_key(piece).contains(c), "{:?} from {:?}", c, piece);
            if fold_key(piece).len() == c.len_utf8() {
                previous_end = original.end;
            }
        }
    }
}
