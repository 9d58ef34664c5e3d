//! Parser fixtures: every `articles/NAME.txt` is parsed and compared with `articles/NAME.toml`
//! (title, publication date and its source, outlet, each block's kind with the start of its
//! text, and the exact sentences). Add a case by adding the two files.

use isnad_parser::{BlockKind, DateSource, Document, ParseOptions, parse_document};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Expected {
    title: Option<String>,
    published: Option<String>,
    published_from: Option<String>,
    outlet: Option<String>,
    /// `[kind, start of the block's text]`; kind is `headline`, `body`, `front_matter` or a
    /// boilerplate reason.
    blocks: Vec<(String, String)>,
    sentences: Vec<String>,
}

fn kind_name(kind: &BlockKind) -> String {
    match kind {
        BlockKind::FrontMatter => "front_matter".into(),
        BlockKind::Headline => "headline".into(),
        BlockKind::Body => "body".into(),
        BlockKind::Boilerplate { reason } => serde_json::to_value(reason)
            .unwrap()
            .as_str()
            .unwrap()
            .to_string(),
    }
}

fn source_name(source: Option<DateSource>) -> Option<String> {
    source.map(|s| serde_json::to_value(s).unwrap().as_str().unwrap().to_string())
}

fn check(name: &str, document: &Document, expected: &Expected) -> Vec<String> {
    let mut problems = Vec::new();
    let mut differ = |what: &str, got: String, want: String| {
        if got != want {
            problems.push(format!("{name}: {what}: got {got}, want {want}"));
        }
    };
    differ(
        "title",
        format!("{:?}", document.meta.title),
        format!("{:?}", expected.title),
    );
    differ(
        "published",
        format!("{:?}", document.meta.published.map(|d| d.to_string())),
        format!("{:?}", expected.published),
    );
    differ(
        "published_from",
        format!("{:?}", source_name(document.meta.published_from)),
        format!("{:?}", expected.published_from),
    );
    differ(
        "outlet",
        format!("{:?}", document.meta.outlet),
        format!("{:?}", expected.outlet),
    );
    let blocks: Vec<(String, &str)> = document
        .blocks
        .iter()
        .map(|b| (kind_name(&b.kind), document.text(b.span)))
        .collect();
    let matches = blocks.len() == expected.blocks.len()
        && blocks
            .iter()
            .zip(&expected.blocks)
            .all(|((kind, text), (want_kind, want_start))| {
                kind == want_kind && text.starts_with(want_start.as_str())
            });
    if !matches {
        problems.push(format!(
            "{name}: blocks: got {blocks:#?}\nwant {:#?}",
            expected.blocks
        ));
    }
    let sentences: Vec<&str> = document.sentences.iter().map(|s| document.text(s.span)).collect();
    if sentences != expected.sentences {
        problems.push(format!(
            "{name}: sentences: got {sentences:#?}\nwant {:#?}",
            expected.sentences
        ));
    }
    problems
}

#[test]
fn articles_parse_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut problems = Vec::new();
    let mut count = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected: Expected =
            toml::from_str(&std::fs::read_to_string(path.with_extension("toml")).unwrap())
                .unwrap_or_else(|e| panic!("{name}: bad expected file: {e}"));
        let (document, _) =
            parse_document(&name, &std::fs::read(path).unwrap(), &ParseOptions::default()).unwrap();
        problems.extend(check(&name, &document, &expected));
        count += 1;
    }
    assert!(count >= 4, "the fixture articles are missing");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn windows_1256_input_is_decoded_and_says_so() {
    let text = "عنوان الخبر\nوصل الوزير إلى المدينة أمس في زيارة رسمية.\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(text);
    let (document, diagnostics) = parse_document("legacy.txt", &bytes, &ParseOptions::default()).unwrap();
    assert_eq!(document.source, text);
    assert_eq!(document.decoded_from.as_deref(), Some("windows-1256"));
    assert!(diagnostics.iter().any(|d| d.message.contains("windows-1256")));
}

#[test]
fn bom_is_kept_so_spans_stay_file_offsets() {
    let text = "\u{FEFF}عنوان الخبر\nوصل الوزير.\n";
    let (document, _) = parse_document("bom.txt", text.as_bytes(), &ParseOptions::default()).unwrap();
    assert_eq!(document.meta.title.as_deref(), Some("عنوان الخبر"));
    let first = document.sentences[0].span;
    assert_eq!(first.start, 3, "the headline starts after the 3 BOM bytes");
}

#[test]
fn empty_file_parses_with_a_warning() {
    let (document, diagnostics) = parse_document("empty.txt", b"  \n\n", &ParseOptions::default()).unwrap();
    assert!(document.sentences.is_empty());
    assert!(diagnostics.iter().any(|d| d.message.contains("empty")));
}

#[test]
fn fallback_date_is_marked_inferred() {
    let options = ParseOptions {
        fallback_date: chrono::NaiveDate::from_ymd_opt(2024, 6, 1),
        ..ParseOptions::default()
    };
    let (document, _) = parse_document(
        "x.txt",
        "وصل الوزير أمس إلى المدينة في زيارة رسمية.".as_bytes(),
        &options,
    )
    .unwrap();
    assert_eq!(
        document.meta.published,
        chrono::NaiveDate::from_ymd_opt(2024, 6, 1)
    );
    assert_eq!(document.meta.published_from, Some(DateSource::Inferred));
}
