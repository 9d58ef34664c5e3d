//! The HTML report on a hand-built story.

mod fixture;

use isnad_graph::{Event, FindingKind, Severity};
use isnad_parser::BlockKind;
use isnad_report::render_html;

fn page() -> String {
    let docs = fixture::documents();
    render_html(&fixture::story(&docs).report(), &docs)
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
    // The claim by its number, the document being named just above; its whole id on hover.
    has(
        f1,
        "<dt>Claim</dt><dd><a href=\"#claim-a.txt%231\" title=\"a.txt#1\"><bdi>#1</bdi></a></dd>",
    );
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
        f1.starts_with("M210.0 291.0 Q") && f1.ends_with(" 503.3 317.0"),
        "{f1}"
    );
    assert!(
        f2.starts_with("M210.0 291.0 Q") && f2.ends_with(" 503.3 317.0"),
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
    let page = render_html(&fixture::story(&docs).report(), &docs);
    let a = section(&page, "details", "doc-a.txt");
    // Folded: the full text is there for checking a quote.
    assert!(
        a.starts_with("<details class=\"document\" id=\"doc-a.txt\"><summary>"),
        "{}",
        &a[..80]
    );
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
        section(&page, "details", "doc-b.txt"),
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
    let mut story = fixture::story(&docs);
    fixture::break_side_spans(&mut story);
    for claim in &mut story.claims {
        claim.span = (claim.span.start + 1, claim.span.end + 7_000).into();
    }
    for documents in [&docs[..], &[]] {
        let page = render_html(&story.report(), documents);
        assert_eq!(page.matches("<article class=\"finding").count(), 3);
    }
}

/// Issue #18: a value given by many documents names the first two and counts the rest; a long
/// file name is cut to the shortest start no other document shares.
#[test]
fn summary_lines_stay_short() {
    let docs = fixture::documents();
    let mut story = fixture::story(&docs);
    let ids = [
        "2024-03-05-wire-a1.txt",
        "2024-03-05-wire-b2.txt",
        "c.txt",
        "d.txt",
    ];
    let base = story.findings[1].sides[1].clone();
    story.findings[1].sides = ids
        .iter()
        .map(|id| {
            let mut side = base.clone();
            side.doc = id.to_string();
            side.attribution = vec![id.to_string()];
            side
        })
        .collect();
    for id in ids {
        let mut doc = story.documents[1].clone();
        doc.id = id.into();
        story.documents.push(doc);
    }
    let page = render_html(&story.report(), &docs);
    let line = items(section(&page, "ol", "glance"))[1];
    has(
        line,
        "<span class=\"said\"><bdi class=\"value\">350 m</bdi> <span class=\"who\">(<bdi>2024-03-05-wire-a…</bdi>, <bdi>2024-03-05-wire-b…</bdi>, +2)</span></span>",
    );
}

/// The `<li>` items of `list`, each from its opening tag up to the next item.
fn items(list: &str) -> Vec<&str> {
    list.split("<li ").skip(1).collect()
}

/// Issue #18: the summary opens with one line per contradiction and tension, before the
/// documents, each linking to its finding with the sides' values and who gives them.
#[test]
fn summary_opens_with_one_line_per_contradiction_and_tension() {
    let page = page();
    let summary = section(&page, "section", "summary");
    let glance = section(summary, "ol", "glance");
    assert!(
        summary.find("id=\"glance\"") < summary.find("class=\"doc-table\""),
        "the findings come before the documents"
    );
    let items = items(glance);
    assert_eq!(items.len(), 2, "F1 and F2, not the note F3: {glance}");
    for (item, (id, severity)) in items.iter().zip([("F1", "contradiction"), ("F2", "tension")]) {
        assert!(
            item.starts_with(&format!(
                "class=\"glance-item sev-{severity}\" data-finding=\"{id}\""
            )),
            "{item}"
        );
        has(item, &format!("<a href=\"#finding-{id}\">"));
    }
    has(
        items[0],
        "<code class=\"kind\">date_mismatch</code> <span class=\"event\">opening:</span>",
    );
    // Each value with the outlets giving it (a document without one by its name); the sources
    // they quote are in the value's title.
    has(
        items[0],
        "<span class=\"said\"><bdi class=\"value\">2024-03-04</bdi> <span class=\"who\">(<bdi>وكالة المثال</bdi>)</span></span>",
    );
    has(
        items[0],
        "<span class=\"vs\"> vs </span><span class=\"said\" title=\"وكالة الأنباء in b.txt\"><bdi class=\"value\">2024-03-05</bdi> \
         <span class=\"who\">(<bdi>b</bdi>)</span></span>",
    );
    has(items[1], "<bdi class=\"value\">300 m</bdi>");
    // The whole message is one hover away, escaped.
    has(
        items[1],
        "title=\"F2: Lengths differ: &lt;300 m&gt; &amp; &quot;350 m&quot;.\"",
    );
}

#[test]
fn summary_says_so_when_nothing_needs_checking() {
    let docs = fixture::documents();
    let mut story = fixture::story(&docs);
    story.findings.retain(|f| f.severity == Severity::Note);
    let page = render_html(&story.report(), &docs);
    let summary = section(&page, "section", "summary");
    has(
        summary,
        "<p class=\"all-clear\">No contradictions or tensions. 1 note below.</p>",
    );
    assert!(!summary.contains("glance"));
}

/// Issue #18: notes fold below the contradictions and tensions; the fold names their kinds.
#[test]
fn notes_are_folded_after_the_findings_to_act_on() {
    let page = page();
    let findings = section(&page, "section", "findings");
    let notes = section(findings, "details", "notes");
    assert!(
        notes.starts_with("<details class=\"notes\" id=\"notes\"><summary>"),
        "closed: {}",
        &notes[..60]
    );
    has(
        notes,
        "<span class=\"badge sev-note\">1 note</span> <span class=\"hint\"><code>update</code></span>",
    );
    has(notes, "id=\"finding-F3\"");
    let before = &findings[..findings.find("id=\"notes\"").unwrap()];
    has(before, "id=\"finding-F1\"");
    has(before, "id=\"finding-F2\"");
    assert!(!before.contains("id=\"finding-F3\""));
}

/// Issue #18: a side is a sentence. Sides quoting one sentence show as one quote with each
/// side's words marked (the same words once) and every claim of them listed.
#[test]
fn sides_in_one_sentence_are_one_quote_with_all_their_claims() {
    let docs = fixture::documents();
    let mut story = fixture::story(&docs);
    let (a, b) = (&docs[0], &docs[1]);
    let date = "الاثنين 4 مارس 2024";
    let mut first = fixture::side(a, Some("a.txt#1"), date, Some("2024-03-04"), &["وكالة المثال"]);
    first.claims = vec!["a.txt#1".into(), "a.txt#7".into()];
    story.findings[0].sides = vec![
        first,
        fixture::side(a, Some("a.txt#3"), "300 متر", Some("300 m"), &["وكالة المثال"]),
        fixture::side(
            a,
            Some("a.txt#4"),
            date,
            Some("2024-03-04"),
            &["المهندس", "وكالة المثال"],
        ),
        fixture::side(
            b,
            Some("b.txt#1"),
            "الثلاثاء 5 مارس 2024",
            Some("2024-03-05"),
            &["b.txt"],
        ),
    ];
    let page = render_html(&story.report(), &docs);
    let f1 = section(&page, "article", "finding-F1");
    assert_eq!(f1.matches("<blockquote").count(), 2, "{f1}");
    assert_eq!(f1.matches("<li class=\"side\">").count(), 2);
    has(
        f1,
        "يوم <mark class=\"side-mark\">الاثنين 4 مارس 2024</mark>، بطول <mark class=\"side-mark\">300 متر</mark>.</blockquote>",
    );
    has(
        f1,
        "<dt>Values</dt><dd><bdi>2024-03-04</bdi>, <bdi>300 m</bdi></dd>",
    );
    has(
        f1,
        "<dt>Sources</dt><dd><bdi>وكالة المثال</bdi>; <bdi>المهندس</bdi> via <bdi>وكالة المثال</bdi></dd>",
    );
    let claims: Vec<String> = ["a.txt#1", "a.txt#7", "a.txt#3", "a.txt#4"]
        .iter()
        .map(|c| {
            let number = &c[c.find('#').unwrap()..];
            format!(
                "<a href=\"#claim-{}\" title=\"{c}\"><bdi>{number}</bdi></a>",
                c.replace('#', "%23")
            )
        })
        .collect();
    has(f1, &format!("<dt>Claims</dt><dd>{}</dd>", claims.join(", ")));
    // The other article's side is a quote of its own.
    has(f1, "<mark class=\"side-mark\">الثلاثاء 5 مارس 2024</mark>");
}

/// Issue #18: claims without a time are an inventory: folded, one row per sentence.
#[test]
fn claims_without_a_time_are_folded_one_row_per_sentence() {
    let docs = fixture::documents();
    let mut story = fixture::story(&docs);
    let mut twin = story.claims.iter().find(|c| c.id == "a.txt#2").unwrap().clone();
    twin.id = "a.txt#5".into();
    twin.event = "cost".into();
    story.claims.push(twin);
    let page = render_html(&story.report(), &docs);
    let undated = section(&page, "details", "undated");
    assert!(
        undated.starts_with(
            "<details class=\"inventory\" id=\"undated\"><summary>2 claims in 1 sentence</summary>"
        ),
        "{undated}"
    );
    let rows = items(undated);
    assert_eq!(rows.len(), 1, "{undated}");
    has(
        rows[0],
        "<a href=\"#claim-a.txt%232\"><bdi>a.txt#2</bdi></a> <code>statement</code>, <a href=\"#claim-a.txt%235\"><bdi>a.txt#5</bdi></a> <code>cost</code>",
    );
    has(
        rows[0],
        "<a href=\"#doc-a.txt\"><bdi>a.txt</bdi></a> <bdi class=\"pos\">8:1</bdi>",
    );
    assert_eq!(undated.matches("وقال المهندس").count(), 1, "the sentence once");
}

/// Issue #18: publication dates share the axis with the events.
#[test]
fn timeline_marks_publication_dates_on_the_axis() {
    let docs = fixture::documents();
    let mut story = fixture::story(&docs);
    story.documents[1].published = Some("2024-03-08".into());
    let page = render_html(&story.report(), &docs);
    let timeline = section(&page, "section", "timeline");
    for (doc, date) in [("a.txt", "2024-03-05"), ("b.txt", "2024-03-08")] {
        has(
            timeline,
            &format!(
                "<g class=\"published-mark\" data-doc=\"{doc}\" data-date=\"{date}\"><title>{doc} published {date}</title>"
            ),
        );
    }
    has(timeline, ">2024-03-08</text>");
    // Without any date, nothing is marked.
    let page = render_html(&fixture::story(&docs).report(), &docs);
    let timeline = section(&page, "section", "timeline");
    assert_eq!(
        timeline.matches("class=\"published-mark\"").count(),
        1,
        "b.txt has no date"
    );
}

/// The conflicting dates of one event: the `date-range` of `id` and its sides, as `(date, docs, label)`.
fn date_range<'a>(timeline: &'a str, id: &str) -> (&'a str, Vec<(String, String, String)>) {
    // Its marks are groups inside it, so it ends where the link around it does.
    let start = timeline[..timeline.find(&format!(" id=\"{id}\"")).expect("a range")]
        .rfind("<g")
        .unwrap();
    let range = &timeline[start..start + timeline[start..].find("</a>").unwrap()];
    let sides = range
        .split("<g class=\"range-side\" ")
        .skip(1)
        .map(|side| {
            let attribute = |name: &str| {
                let from = side.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                side[from..from + side[from..].find('"').unwrap()].to_string()
            };
            let label = side.split("class=\"range-label\"").nth(1).unwrap();
            let label = &label[label.find('>').unwrap() + 1..label.find("</text>").unwrap()];
            (attribute("data-date"), attribute("data-docs"), label.to_string())
        })
        .collect();
    (range, sides)
}

/// Issue #18: an event given two dates is drawn as a range, each date marked with the articles
/// that give it: from a date_mismatch finding, or from a merged event whose claims disagree.
#[test]
fn conflicting_dates_of_one_event_are_a_range_with_each_side_marked() {
    let docs = fixture::documents();
    let page = page();
    let timeline = section(&page, "section", "timeline");
    has(timeline, ">Conflicting dates</text>");
    let (range, sides) = date_range(timeline, "date-F1");
    has(
        range,
        "class=\"date-range sev-contradiction\" data-finding=\"F1\" data-event=\"opening\" data-from=\"2024-03-04\" data-to=\"2024-03-05\"",
    );
    assert_eq!(
        sides,
        [
            (
                "2024-03-04".to_string(),
                "a.txt".to_string(),
                "وكالة المثال".to_string()
            ),
            ("2024-03-05".to_string(), "b.txt".to_string(), "b.txt".to_string()),
        ]
    );
    let link = &timeline[..timeline.find("id=\"date-F1\"").unwrap()];
    assert!(
        link.ends_with("<a href=\"#finding-F1\"><g "),
        "linked to its finding"
    );

    // The same two claims as one merged event, without the finding; an event whose claims agree
    // is no conflict.
    let mut story = fixture::story(&docs);
    story.findings.retain(|f| f.kind != FindingKind::DateMismatch);
    let mut twin = story.claims[0].clone();
    twin.id = "b.txt#9".into();
    twin.doc = "b.txt".into();
    story.claims.push(twin);
    let event = |id: &str, claims: &[&str]| Event {
        id: id.into(),
        event: "opening".into(),
        members: vec![],
        claims: claims.iter().map(|&c| c.into()).collect(),
        independent_sources: 2,
    };
    story.events = vec![
        event("E1", &["a.txt#1", "b.txt#1"]),
        event("E2", &["a.txt#1", "b.txt#9"]),
    ];
    let page = render_html(&story.report(), &docs);
    let timeline = section(&page, "section", "timeline");
    let (range, sides) = date_range(timeline, "date-E1");
    has(
        range,
        "class=\"date-range sev-none\" data-event=\"opening\" data-from=\"2024-03-04\" data-to=\"2024-03-05\"",
    );
    assert_eq!(sides.len(), 2);
    has(
        range,
        "the claims of one merged event; no rule flagged these dates</title>",
    );
    assert!(
        !timeline.contains("id=\"date-E2\""),
        "claims that agree are no conflict"
    );
    assert_eq!(timeline.matches("class=\"date-range").count(), 1);
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
        "<details",
        "<summary",
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
