//! The HTML report on a hand-built story.

mod fixture;

use isnad_parser::BlockKind;
use isnad_report::render_html;

fn page() -> String {
    let docs = fixture::documents();
    render_html(&fixture::report(&docs), &docs)
}

/// HTML-escapes text the way maud does.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn has(page: &str, needle: &str) {
    assert!(page.contains(needle), "{needle:?} not in the page");
}

/// The element `<tag … id="id" …>` up to its closing tag (these elements do not nest in themselves).
fn section<'a>(page: &'a str, tag: &str, id: &str) -> &'a str {
    let at = page
        .find(&format!(" id=\"{id}\""))
        .unwrap_or_else(|| panic!("no {tag}#{id}"));
    let start = page[..at].rfind(&format!("<{tag}")).expect("opening tag");
    assert!(!page[start..at].contains('>'), "#{id} is an attribute of <{tag}>");
    let close = format!("</{tag}>");
    let end = start + page[start..].find(&close).expect("closed") + close.len();
    &page[start..end]
}

#[test]
fn page_is_self_contained() {
    let page = page();
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"en\" dir=\"ltr\">"));
    has(&page, "<style>");
    has(&page, "<script>");
    for external in ["<link", " src=", "https://", "@import", "url("] {
        assert!(!page.contains(external), "page loads {external}");
    }
    // The one URL is the SVG namespace, which is never fetched.
    assert_eq!(
        page.matches("http://").count(),
        page.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
}

#[test]
fn every_finding_has_an_article_with_its_data_attributes() {
    let page = page();
    for (id, kind, severity) in [
        ("F1", "date_mismatch", "contradiction"),
        ("F2", "quantity_mismatch", "tension"),
        ("F3", "update", "note"),
    ] {
        has(
            &page,
            &format!(
                "<article class=\"finding sev-{severity}\" id=\"finding-{id}\" data-id=\"{id}\" data-kind=\"{kind}\" data-severity=\"{severity}\">"
            ),
        );
    }
}

#[test]
fn each_side_quotes_its_sentence_with_the_exact_span_marked() {
    let page = page();
    let f1 = section(&page, "article", "finding-F1");
    has(
        f1,
        "<blockquote class=\"quote\" dir=\"rtl\" lang=\"ar\">افتتح وزير النقل سامر الخطيب جسر الساحل يوم \
         <mark class=\"side-mark\">الاثنين 4 مارس 2024</mark>، بطول 300 متر.</blockquote>",
    );
    has(
        f1,
        "<mark class=\"side-mark\">الثلاثاء 5 مارس 2024</mark> بطول 350 مترا",
    );
    let f3 = section(&page, "article", "finding-F3");
    // Markup characters in the article are escaped inside and around the mark.
    has(
        f3,
        &format!(
            "إن الكلفة <mark class=\"side-mark\">{}</mark>.</blockquote>",
            esc("< 5 ملايين & \"أقل من المتوقع\"")
        ),
    );
    // A side whose document was not rendered quotes its own text.
    has(
        f3,
        "<blockquote class=\"quote\" dir=\"rtl\" lang=\"ar\"><mark class=\"side-mark\">مفقود</mark></blockquote>",
    );
}

#[test]
fn sides_give_document_position_value_and_sources_isolated() {
    let page = page();
    let f1 = section(&page, "article", "finding-F1");
    let col = "افتتح وزير النقل سامر الخطيب جسر الساحل يوم ".chars().count() + 1;
    has(
        f1,
        &format!("<a href=\"#doc-a.txt\"><bdi>a.txt</bdi></a> <bdi class=\"pos\">7:{col}</bdi>"),
    );
    has(f1, "<dt>Value</dt><dd><bdi>2024-03-04</bdi></dd>");
    has(f1, "<dd><bdi>وكالة الأنباء</bdi> via <bdi>b.txt</bdi></dd>");
    has(f1, "<a href=\"#claim-a.txt%231\"><bdi>a.txt#1</bdi></a>");
}

#[test]
fn text_from_findings_is_escaped() {
    let page = page();
    has(
        &page,
        "<p class=\"message\">Lengths differ: &lt;300 m&gt; &amp; &quot;350 m&quot;.</p>",
    );
    has(&page, "Maybe rounded: 300 &lt; 350 &amp; both are estimates.");
    assert!(!page.contains("<300 m>"));
}

#[test]
fn summary_lists_documents_copies_counts_and_errors() {
    let page = page();
    let summary = section(&page, "section", "summary");
    has(
        summary,
        "2 documents, 4 claims: 1 contradiction, 1 tension, 1 note; 1 file could not be read",
    );
    has(
        summary,
        "<td><span dir=\"rtl\" lang=\"ar\">افتتاح جسر الساحل الجديد</span></td>",
    );
    has(
        summary,
        "<td><bdi>وكالة المثال</bdi></td><td><bdi>2024-03-05</bdi></td><td>front matter</td>",
    );
    has(
        summary,
        "<bdi>b.txt</bdi></a> copies <a href=\"#doc-a.txt\"><bdi>a.txt</bdi></a> (<bdi>50%</bdi> of its sentences)",
    );
    has(
        summary,
        "<li><bdi>story/broken.txt</bdi>: invalid UTF-8 at byte 112</li>",
    );
}

#[test]
fn filters_offer_each_severity_and_the_kinds_present() {
    let page = page();
    let filters = section(&page, "form", "filters");
    for severity in ["contradiction", "tension", "note"] {
        has(
            filters,
            &format!("<input type=\"checkbox\" name=\"severity\" value=\"{severity}\" checked>"),
        );
    }
    for kind in ["date_mismatch", "quantity_mismatch", "update"] {
        has(filters, &format!("<option value=\"{kind}\">{kind} (1)</option>"));
    }
    assert!(!filters.contains("copy"), "only kinds present are offered");
}

#[test]
fn timeline_has_one_mark_per_dated_event() {
    let page = page();
    let timeline = section(&page, "section", "timeline");
    assert_eq!(timeline.matches("class=\"event-mark\"").count(), 3);
    has(
        timeline,
        "data-event=\"opening\" data-start=\"2024-03-04\" data-end=\"2024-03-04\" data-claims=\"a.txt#1\"",
    );
    has(
        timeline,
        "data-event=\"traffic\" data-start=\"2024-03-11\" data-end=\"2024-03-17\" data-claims=\"b.txt#2\"",
    );
    // The interval is a bar, the points are dots.
    let traffic = &timeline[timeline.find("data-event=\"traffic\"").unwrap()..];
    assert!(traffic[..traffic.find("</g>").unwrap()].contains("<rect"));
    // Conflicting claims joined in their finding's colour; F3 cites one claim, which has no time.
    // F2 cites the same two claims as F1, so its link bends instead of covering F1's.
    let d = |finding: &str| {
        let key = format!("data-finding=\"{finding}\" d=\"");
        let at = timeline.find(&key).expect("a link") + key.len();
        timeline[at..at + timeline[at..].find('"').unwrap()].to_string()
    };
    has(
        timeline,
        "<path class=\"conflict sev-contradiction\" data-finding=\"F1\"",
    );
    has(
        timeline,
        "<path class=\"conflict sev-tension\" data-finding=\"F2\"",
    );
    let (f1, f2) = (d("F1"), d("F2"));
    assert!(
        f1.starts_with("M210.0 187.0 Q") && f1.ends_with(" 503.3 213.0"),
        "{f1}"
    );
    assert!(
        f2.starts_with("M210.0 187.0 Q") && f2.ends_with(" 503.3 213.0"),
        "{f2}"
    );
    assert_ne!(f1, f2, "two links between the same claims are told apart");
    assert!(!timeline.contains("data-finding=\"F3\""));
    // One row per document, dated claims on them; the claim without a time listed apart.
    assert_eq!(timeline.matches("class=\"claim-dot").count(), 3);
    let unanchored = &timeline[timeline.find("Claims without a time").unwrap()..];
    has(unanchored, "<a href=\"#claim-a.txt%232\"><bdi>a.txt#2</bdi></a>");
    assert!(!unanchored.contains("a.txt#1"));
}

#[test]
fn documents_show_all_blocks_with_claims_linked_to_findings() {
    let docs = fixture::documents();
    let page = render_html(&fixture::report(&docs), &docs);
    let a = section(&page, "article", "doc-a.txt");
    has(a, "<div class=\"doc-text\" dir=\"rtl\" lang=\"ar\">");
    has(
        a,
        "<mark class=\"claim conflicted\" id=\"claim-a.txt#1\" data-claim=\"a.txt#1\" title=\"a.txt#1 · opening · asserted\">\
         افتتح وزير النقل",
    );
    has(
        a,
        "</mark><a class=\"flink\" href=\"#finding-F1\"><bdi>F1</bdi></a><a class=\"flink\" href=\"#finding-F2\">",
    );
    has(a, &esc("< 5 ملايين & \"أقل من المتوقع\""));
    // Every block is shown; boilerplate dimmed with its reason as a title.
    for block in &docs[0].blocks {
        let text = &docs[0].source[block.span.range()];
        if let BlockKind::Boilerplate { reason } = &block.kind {
            let reason = serde_json::to_value(reason).unwrap();
            has(
                a,
                &format!(
                    "title=\"boilerplate: {}\">{}</p>",
                    reason.as_str().unwrap(),
                    esc(text)
                ),
            );
        } else if !matches!(block.kind, BlockKind::Body) {
            has(a, &esc(text));
        }
    }
    assert!(
        docs[0]
            .blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::Boilerplate { .. })),
        "fixture has boilerplate"
    );
    has(
        section(&page, "article", "doc-b.txt"),
        "<mark class=\"claim\" id=\"claim-b.txt#2\"",
    );
}

#[test]
fn help_section_lists_only_kinds_with_help() {
    let page = page();
    let help = section(&page, "section", "help");
    for kind in isnad_graph::FindingKind::ALL {
        let shown = help.contains(&format!("id=\"help-{}\"", kind.name()));
        assert_eq!(shown, !kind.help().trim().is_empty(), "{}", kind.name());
        assert_eq!(
            page.contains(&format!("href=\"#help-{}\"", kind.name())),
            shown && page.contains(&format!("data-kind=\"{}\"", kind.name()))
        );
    }
}

#[test]
fn renders_without_documents_and_with_malformed_spans() {
    let docs = fixture::documents();
    let mut report = fixture::report(&docs);
    fixture::break_side_spans(&mut report);
    for claim in &mut report.claims {
        claim.span = (claim.span.start + 1, claim.span.end + 7_000).into();
    }
    for documents in [&docs[..], &[]] {
        let page = render_html(&report, documents);
        assert_eq!(page.matches("<article class=\"finding").count(), 3);
    }
}

/// One element per line for a readable snapshot, without the help links (they appear as the rules'
/// help text lands, which is not this crate's business).
fn readable(html: &str) -> String {
    let mut html = html.to_string();
    while let Some(start) = html.find(" <a class=\"help-link\"") {
        let end = start + html[start..].find("</a>").expect("closed") + "</a>".len();
        html.replace_range(start..end, "");
    }
    let breaks = [
        "<article",
        "<header",
        "<p",
        "<ol",
        "<li",
        "<blockquote",
        "<dl",
        "<dt",
        "<svg",
        "<g ",
        "<line",
        "<text",
        "<a href=\"#claim",
        "<path",
        "<form",
        "<fieldset",
        "<label",
        "<select",
        "<option",
        "<h2",
        "<h3",
        "<ul",
        "<div",
        "<output",
    ];
    for tag in breaks {
        html = html.replace(tag, &format!("\n{tag}"));
    }
    html
}

#[test]
fn snapshot_findings_and_timeline() {
    let page = page();
    insta::assert_snapshot!("findings", readable(section(&page, "section", "findings")));
    insta::assert_snapshot!("timeline", readable(section(&page, "section", "timeline")));
}
