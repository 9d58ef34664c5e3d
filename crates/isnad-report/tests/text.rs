//! The terminal report on a hand-built story.

mod fixture;

use isnad_report::{TextOptions, render_text};

const PLAIN: TextOptions = TextOptions {
    quiet: false,
    color: false,
};
const COLOR: TextOptions = TextOptions {
    quiet: false,
    color: true,
};

fn plain() -> String {
    let docs = fixture::documents();
    render_text(&fixture::story(&docs).report(), &docs, PLAIN)
}

/// Position of `needle` in `haystack`, failing the test with the whole output when absent.
fn pos(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in:\n{haystack}"))
}

#[test]
fn findings_are_grouped_by_severity_most_severe_first() {
    let out = plain();
    let order = [
        "Contradictions (1)",
        "F1:",
        "Tensions (1)",
        "F2:",
        "Notes (1)",
        "F3:",
        "Could not read",
    ];
    let positions: Vec<usize> = order.iter().map(|s| pos(&out, s)).collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "order {order:?} at {positions:?} in:\n{out}"
    );
}

#[test]
fn each_side_has_its_place_sentence_value_and_sources() {
    let out = plain();
    let docs = fixture::documents();
    // Line and column of "الاثنين": after five front-matter lines and the headline; the column
    // counts characters, not bytes.
    let prefix = "افتتح وزير النقل سامر الخطيب جسر الساحل يوم ";
    let col = prefix.chars().count() + 1;
    assert_eq!(
        docs[0].source.lines().nth(6).map(|l| l.starts_with(prefix)),
        Some(true)
    );
    pos(&out, &format!("--> a.txt:7:{col}\n"));
    // The sentence on its own line, the exact words bracketed, nothing drawn under it.
    pos(
        &out,
        &format!("\n    {prefix}⟦الاثنين 4 مارس 2024⟧، بطول 300 متر.\n"),
    );
    pos(&out, "= value: 2024-03-04\n");
    // An Arabic name beside English is isolated (FSI…PDI), so it cannot swap with its neighbours.
    pos(&out, "= sources: \u{2068}وكالة الأنباء\u{2069} via b.txt\n");
    pos(
        &out,
        "= resolution: Maybe rounded: 300 < 350 & both are estimates.\n",
    );
    assert!(!out.contains('^'), "no caret underlines:\n{out}");
}

#[test]
fn a_side_in_an_unrendered_document_quotes_its_own_text() {
    let out = plain();
    pos(&out, "--> gone.txt\n    ⟦مفقود⟧\n");
}

#[test]
fn summary_line_counts_documents_claims_findings_and_errors() {
    let out = plain();
    assert!(
        out.ends_with(
            "2 documents, 4 claims: 1 contradiction, 1 tension, 1 note; 1 file could not be read\n"
        ),
        "{out}"
    );
}

#[test]
fn quiet_prints_only_the_summary_line() {
    let docs = fixture::documents();
    let out = render_text(
        &fixture::story(&docs).report(),
        &docs,
        TextOptions {
            quiet: true,
            color: false,
        },
    );
    assert_eq!(
        out,
        "2 documents, 4 claims: 1 contradiction, 1 tension, 1 note; 1 file could not be read\n"
    );
}

#[test]
fn empty_report_still_has_a_summary_line() {
    let mut story = fixture::story(&fixture::documents());
    story.documents.clear();
    story.claims.clear();
    story.findings.clear();
    story.errors.push(story.errors[0].clone());
    assert_eq!(
        render_text(
            &story.report(),
            &[],
            TextOptions {
                quiet: true,
                color: false
            }
        ),
        "0 documents, 0 claims: 0 contradictions, 0 tensions, 0 notes; 2 files could not be read\n"
    );
}

#[test]
fn no_ansi_codes_without_color() {
    assert!(!plain().contains('\x1b'));
}

#[test]
fn color_only_adds_ansi_codes() {
    let docs = fixture::documents();
    let colored = render_text(&fixture::story(&docs).report(), &docs, COLOR);
    assert!(
        colored.contains("\x1b[1;31m"),
        "contradictions in red:\n{colored}"
    );
    assert!(
        colored.contains("\x1b[1;4m⟦الاثنين 4 مارس 2024⟧\x1b[0m"),
        "{colored}"
    );
    assert_eq!(anstream::adapter::strip_str(&colored).to_string(), plain());
}

#[test]
fn control_characters_from_the_input_never_reach_the_terminal() {
    let docs = fixture::documents();
    let mut story = fixture::story(&docs);
    story.findings[0].message = "evil \x1b[2J message\r\nsecond line".into();
    let out = render_text(&story.report(), &docs, PLAIN);
    assert!(!out.contains('\x1b') && !out.contains('\r'), "{out:?}");
    pos(&out, "evil [2J message  second line\n");
}

#[test]
fn malformed_spans_do_not_panic() {
    let docs = fixture::documents();
    let mut story = fixture::story(&docs);
    fixture::break_side_spans(&mut story);
    for options in [PLAIN, COLOR] {
        let out = render_text(&story.report(), &docs, options);
        assert!(out.contains("F3"));
    }
}

#[test]
fn snapshot() {
    insta::assert_snapshot!(plain());
}

/// Issue #18: a side is one sentence, quoted once; when several claims of the sentence take its
/// position, the side lists them (ids shortened to `#n` within the side's own document).
#[test]
fn a_side_of_several_claims_is_quoted_once_and_lists_them() {
    let docs = fixture::documents();
    let mut story = fixture::story(&docs);
    story.findings[0].sides[0].claims = vec!["a.txt#1".into(), "a.txt#3".into(), "b.txt#2".into()];
    let out = render_text(&story.report(), &docs, PLAIN);
    let sentence = "يوم ⟦الاثنين 4 مارس 2024⟧، بطول 300 متر.\n";
    assert_eq!(out.matches(sentence).count(), 1, "{out}");
    let listed = pos(&out, "    = claims: #1, #3, b.txt#2\n");
    assert!(
        pos(&out, sentence) < listed && listed < pos(&out, "--> b.txt:1:47"),
        "{out}"
    );
    // A side of one claim says nothing more than before.
    assert_eq!(out.matches("= claims:").count(), 1, "{out}");
}
