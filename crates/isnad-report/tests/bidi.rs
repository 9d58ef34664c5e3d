//! Bidi text in the rendered reports (issue #17): a file named `04_\u{202E}gpj.txt` showed as
//! `04_txt.jpg`, and two Arabic names in an English message printed in reverse order.

mod fixture;

use isnad_report::{TextOptions, render_html, render_text};

/// A file name that shows reversed when its override is left raw.
const SPOOFED: &str = "04_\u{202E}gpj.txt";
const SPOOFED_SHOWN: &str = "04_\\u{202E}gpj.txt";

/// The fixture with article B renamed to [`SPOOFED`], a bidi mark in A's headline, and a
/// finding naming two Arabic spellings side by side.
fn story() -> (Vec<isnad_parser::Document>, fixture::Story) {
    let mut docs = fixture::documents();
    let mut story = fixture::story(&docs);
    docs[1].id = SPOOFED.to_string();
    docs[0].meta.title = Some("افتتاح الجسر\u{202B} اليوم".to_string());
    story.documents = docs.iter().map(isnad_report::DocumentSummary::of).collect();
    for finding in &mut story.findings {
        for side in &mut finding.sides {
            if side.doc == "b.txt" {
                side.doc = SPOOFED.to_string();
            }
        }
    }
    for claim in &mut story.claims {
        if claim.doc == "b.txt" {
            claim.doc = SPOOFED.to_string();
        }
    }
    story.findings[2].message = "person:x is spelled «كيم جونغ أون», «كيم يونغ أون»".to_string();
    (docs, story)
}

/// The input's controls left raw in `text` (the renderers' own FSI and PDI are not counted).
fn raw_controls(text: &str) -> usize {
    text.matches(['\u{202B}', '\u{202E}']).count()
}

#[test]
fn terminal_report_writes_controls_out_and_isolates_arabic_names() {
    let (docs, story) = story();
    let out = render_text(
        &story.report(),
        &docs,
        TextOptions {
            quiet: false,
            color: false,
        },
    );
    assert!(out.contains(&format!("--> {SPOOFED_SHOWN}:1:")), "{out}");
    assert_eq!(raw_controls(&out), 0, "{out}");
    assert!(
        out.contains("spelled «\u{2068}كيم جونغ أون\u{2069}», «\u{2068}كيم يونغ أون\u{2069}»\n"),
        "each name isolated: {out}"
    );
}

#[test]
fn html_report_writes_controls_out_and_isolates_arabic_names() {
    let (docs, story) = story();
    let page = render_html(&story.report(), &docs);
    assert!(page.contains(SPOOFED_SHOWN), "the file name is written out");
    assert!(
        page.contains("افتتاح الجسر\\u{202B} اليوم"),
        "the title's control is written out"
    );
    assert_eq!(raw_controls(&page), 0);
    assert!(
        page.contains("spelled «<bdi>كيم جونغ أون</bdi>», «<bdi>كيم يونغ أون</bdi>»"),
        "each name in its own <bdi>"
    );
}
