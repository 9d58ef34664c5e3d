//! Recognising isnad's own outputs, so a report saved into a story folder is not read back as an
//! article on the next run (its quoted sentences would contradict the articles they quote).

/// What kind of isnad output `text` is, if it is one: its JSON envelopes, HTML report, DOT graph,
/// terminal report (its last line is the summary) or `isnad parse` outline.
pub fn own_output(text: &str) -> Option<&'static str> {
    let head = &text[..crate::quote::floor_boundary(text, 512)];
    if head.starts_with('{') && head.contains("\"schema\": \"isnad.") {
        return Some("JSON output");
    }
    if head.starts_with("<!DOCTYPE html>") && head.contains("content=\"isnad.report/") {
        return Some("HTML report");
    }
    if head.starts_with("digraph isnad {") {
        return Some("graph");
    }
    let mut lines = text.lines().map(str::trim_end).filter(|l| !l.is_empty());
    let first = lines.next()?;
    let last = lines.next_back().unwrap_or(first);
    if is_summary_line(strip_ansi(last).as_ref()) {
        return Some("terminal report");
    }
    if first.ends_with(" bytes)") && is_count(last.trim_start(), &["sentence", "sentences"]) {
        return Some("parse outline");
    }
    None
}

/// `text` without ANSI colour sequences (a report saved from a terminal with colour on).
fn strip_ansi(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\x1b') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ parameters, then a final letter.
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// `"3 notes"`-shaped: a number and one of `nouns`.
fn is_count(text: &str, nouns: &[&str]) -> bool {
    text.split_once(' ').is_some_and(|(n, noun)| {
        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && nouns.contains(&noun)
    })
}

/// The terminal report's last line: "5 documents, 42 claims: 1 contradiction, 3 tensions, 6
/// notes", perhaps with "; 1 file could not be read".
fn is_summary_line(line: &str) -> bool {
    let line = match line.split_once("; ") {
        Some((counts, errors)) => {
            let Some(n) = errors
                .strip_suffix(" files could not be read")
                .or_else(|| errors.strip_suffix(" file could not be read"))
            else {
                return false;
            };
            if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
            counts
        }
        None => line,
    };
    let Some((things, findings)) = line.split_once(": ") else {
        return false;
    };
    let things: Vec<&str> = things.split(", ").collect();
    let findings: Vec<&str> = findings.split(", ").collect();
    things.len() == 2
        && is_count(things[0], &["document", "documents"])
        && is_count(things[1], &["claim", "claims"])
        && findings.len() == 3
        && is_count(findings[0], &["contradiction", "contradictions"])
        && is_count(findings[1], &["tension", "tensions"])
        && is_count(findings[2], &["note", "notes"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_recognised_and_articles_are_not() {
        let report =
            "Notes (1)\n\nnote[x] F1: …\n\n5 documents, 150 claims: 0 contradictions, 3 tensions, 8 notes\n";
        assert_eq!(own_output(report), Some("terminal report"));
        assert_eq!(
            own_output(
                "\x1b[1m1 document, 1 claim: 1 contradiction, 0 tensions, 0 notes; 2 files could not be read\x1b[0m\n"
            ),
            Some("terminal report")
        );
        assert_eq!(
            own_output("{\n  \"schema\": \"isnad.report/1\",\n"),
            Some("JSON output")
        );
        assert_eq!(
            own_output("a.txt (12 bytes)\n  published: unknown\n  1 sentences\n"),
            Some("parse outline")
        );
        for article in [
            "",
            "وصل الوزير إلى المدينة.\n",
            "عنوان\n\n5 documents, 150 claims were found\n",
            "{ not json",
        ] {
            assert_eq!(own_output(article), None, "{article:?}");
        }
    }
}
