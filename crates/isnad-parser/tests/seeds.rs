//! The seed articles (`seeds/` at the workspace root, byte for byte as scraped): what the parser
//! must read from real pages.

use isnad_parser::{BlockKind, BoilerplateReason, DateSource, Document, ParseOptions, parse_document};

fn seed(name: &str) -> Document {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../seeds")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_document(name, &bytes, &ParseOptions::default())
        .expect("seeds parse")
        .0
}

/// The kind of the block whose text starts with `start` (exactly one such block).
fn kind_of<'a>(document: &'a Document, start: &str) -> &'a BlockKind {
    let found: Vec<&BlockKind> = document
        .blocks
        .iter()
        .filter(|b| document.text(b.span).starts_with(start))
        .map(|b| &b.kind)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{}: blocks starting with {start}: {found:?}",
        document.id
    );
    found[0]
}

fn boilerplate(reason: BoilerplateReason) -> BlockKind {
    BlockKind::Boilerplate { reason }
}

/// True when no sentence overlaps the text `needle` (first occurrence after `after`).
fn no_sentence_covers(document: &Document, needle: &str, after: &str) -> bool {
    let from = document.source.find(after).expect("anchor present");
    let at = from + document.source[from..].find(needle).expect("needle present");
    !document
        .sentences
        .iter()
        .any(|s| s.span.start < at + needle.len() && at < s.span.end)
}

#[test]
fn dateline_of_000_dates_it_and_is_not_a_sentence() {
    let doc = seed("000_c4c6b638b0c68706.txt");
    assert_eq!(
        doc.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2024-02-20")
    );
    assert_eq!(doc.meta.published_from, Some(DateSource::Dateline));
    assert_eq!(
        doc.text(doc.meta.published_span.unwrap()),
        "بوابة اوكرانيا كييف 20 فبراير 2024 – "
    );
    assert!(doc.text(doc.sentences[0].span).starts_with("أهدى الرئيس الروسي"));
    assert_eq!(doc.meta.title, None, "000 starts with its body, not a headline");
}

#[test]
fn read_also_of_004_and_everything_after_it_is_boilerplate() {
    let doc = seed("004_96fc5884b5102b94.txt");
    let read_also = doc
        .blocks
        .iter()
        .position(|b| doc.text(b.span).starts_with("إقرأ أيضاً"))
        .unwrap();
    for block in &doc.blocks[read_also..] {
        assert_eq!(
            block.kind,
            boilerplate(BoilerplateReason::ReadAlso),
            "{}",
            doc.text(block.span)
        );
    }
    assert_eq!(
        kind_of(&doc, "كلمات دلالية"),
        &boilerplate(BoilerplateReason::Tags)
    );
    assert_eq!(
        kind_of(&doc, "المصدر: سكاي"),
        &boilerplate(BoilerplateReason::SourceLine)
    );
    assert!(no_sentence_covers(&doc, "Russia reserves right", "إقرأ أيضاً"));
    assert!(no_sentence_covers(&doc, "بوتين يحدّث سياسات روسيا", "إقرأ أيضاً"));
    assert_eq!(kind_of(&doc, "وعززت شركات صناعة"), &BlockKind::Body);
}

#[test]
fn repeated_headline_of_003_is_boilerplate() {
    let doc = seed("003_cb45c34c0ee6b3b3.txt");
    let title = "يسافر كيم جونغ أون بالقطار إلى روسيا لحضور منتدى اقتصادي ولكن هناك اشتباه في بيع أسلحة";
    assert_eq!(doc.meta.title.as_deref(), Some(title));
    let kinds: Vec<&BlockKind> = doc
        .blocks
        .iter()
        .filter(|b| doc.text(b.span) == title)
        .map(|b| &b.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            &BlockKind::Headline,
            &boilerplate(BoilerplateReason::RepeatedHeadline)
        ]
    );
    assert_eq!(
        kind_of(&doc, "اشترك في نشرتنا"),
        &boilerplate(BoilerplateReason::Subscribe)
    );
    assert!(doc.sentences.iter().filter(|s| s.in_headline).count() == 1);
}

#[test]
fn ads_and_source_lines_of_002_are_boilerplate() {
    let doc = seed("002_de1719343d3b3431.txt");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("بوتين يزور كوريا الشمالية ويتعهد بالتغلب على العقوبات")
    );
    assert_eq!(doc.meta.outlet.as_deref(), Some("أخبار أفريقيا"));
    assert_eq!(kind_of(&doc, "[ad_1]"), &boilerplate(BoilerplateReason::Ad));
    assert_eq!(kind_of(&doc, "[ad_2]"), &boilerplate(BoilerplateReason::Ad));
    assert_eq!(
        kind_of(&doc, "مصادر إضافية"),
        &boilerplate(BoilerplateReason::SourceLine)
    );
    let last = doc.blocks.last().unwrap();
    assert_eq!(
        (doc.text(last.span), &last.kind),
        ("المصدر", &boilerplate(BoilerplateReason::SourceLine))
    );
    let repeated = &doc.blocks[1];
    assert_eq!(repeated.kind, boilerplate(BoilerplateReason::RepeatedHeadline));
    assert!(
        doc.sentences
            .iter()
            .all(|s| !doc.text(s.span).contains("أخبار أفريقيا"))
    );
}

#[test]
fn widgets_source_and_breaking_label_of_001_are_boilerplate() {
    let doc = seed("001_91a7dfb8b6365864.txt");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("هدية “روسية الصنع” من بوتين الى رئيس كوريا الشمالية")
    );
    assert_eq!(kind_of(&doc, "حجم الخط"), &boilerplate(BoilerplateReason::Widget));
    assert_eq!(
        kind_of(&doc, "المصدر:"),
        &boilerplate(BoilerplateReason::SourceLine)
    );
    assert_eq!(
        kind_of(&doc, "العربية"),
        &boilerplate(BoilerplateReason::SourceLine)
    );
    assert_eq!(
        kind_of(&doc, "خبر عاجل"),
        &boilerplate(BoilerplateReason::BreakingLabel)
    );
    assert_eq!(doc.meta.outlet.as_deref(), Some("العربية"));
}

#[test]
fn every_seed_has_story_sentences_on_char_boundaries() {
    for name in [
        "000_c4c6b638b0c68706.txt",
        "001_91a7dfb8b6365864.txt",
        "002_de1719343d3b3431.txt",
        "003_cb45c34c0ee6b3b3.txt",
        "004_96fc5884b5102b94.txt",
    ] {
        let doc = seed(name);
        assert!(
            doc.sentences.len() >= 10,
            "{name}: {} sentences",
            doc.sentences.len()
        );
        for s in &doc.sentences {
            let text = doc.text(s.span);
            assert_eq!(text, text.trim(), "{name}: untrimmed sentence");
            assert!(doc.blocks[s.block].kind.is_story());
        }
    }
}
