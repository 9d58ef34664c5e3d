//! The conflict rules, one per file. Each file's `//!` doc comment — what it detects, why an
//! editor cares, an Arabic example, known false positives — is its kind's help text (collected
//! by `build.rs`), so the catalogue in docs/ and the HTML report's help never drift from the code.

mod actor_mismatch;
mod contested;
mod copy;
mod count_mismatch;
mod date_mismatch;
mod frame_date;
mod internal;
mod name_variant;
mod ordinal_conflict;
mod place_mismatch;
mod polarity_conflict;
mod quantity_mismatch;
mod update;
mod weekday_mismatch;

use crate::CopyLink;
use crate::events::Event;
use crate::facts::FactView;
use crate::finding::{Finding, FindingKind, Governments, Severity, Side};
use crate::view::{ClaimView, Context};
use isnad_parser::Span;

include!(concat!(env!("OUT_DIR"), "/rule_help.rs"));

// Defined beside the rules, whose doc comments the text is made from, so that `finding` (which
// the rules build on) needs nothing of them.
impl FindingKind {
    /// Help text for the kind: what it detects, why an editor cares, an example, known false
    /// positives. Generated from the doc comment of the kind's rule file.
    pub fn help(self) -> &'static str {
        RULE_HELP
            .iter()
            .find(|(name, _)| *name == self.name())
            .map_or("", |(_, text)| text)
    }
}

/// Runs every rule; findings come back without ids, in rule order.
pub(crate) fn run(
    context: &Context<'_>,
    events: &[Event],
    copies: &[CopyLink],
    governments: &Governments,
) -> Vec<Finding> {
    use rayon::prelude::*;
    type Rule<'r> = &'r (dyn Fn() -> Vec<Finding> + Sync);
    let rules: [Rule<'_>; 14] = [
        &|| date_mismatch::check(context, events),
        &|| frame_date::check(context),
        &|| weekday_mismatch::check(context, events),
        &|| count_mismatch::check(context),
        &|| quantity_mismatch::check(context),
        &|| update::check(context),
        &|| ordinal_conflict::check(context),
        &|| place_mismatch::check(context, events),
        &|| actor_mismatch::check(context),
        &|| contested::check(context, governments),
        &|| polarity_conflict::check(context, governments),
        &|| internal::check(context),
        &|| name_variant::check(context),
        &|| copy::check(copies),
    ];
    // Rules are independent: run them in parallel, keeping rule order in the result.
    let mut findings: Vec<Finding> = rules
        .par_iter()
        .map(|rule| rule())
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect();
    drop_restated_disputes(&mut findings);
    findings
}

/// A dispute read from statements that a dispute read from claims already reports (the same
/// sentences on every side) is one disagreement: the claims' finding stays.
fn drop_restated_disputes(findings: &mut Vec<Finding>) {
    let is_dispute = |f: &Finding| matches!(f.kind, FindingKind::Contested | FindingKind::PolarityConflict);
    let from_statements = |f: &Finding| f.sides.iter().all(|s| s.claim.is_none() && s.fact.is_none());
    let restated: Vec<bool> = findings
        .iter()
        .map(|b| {
            is_dispute(b)
                && from_statements(b)
                && findings
                    .iter()
                    .any(|a| is_dispute(a) && !from_statements(a) && same_evidence(a, b))
        })
        .collect();
    let mut keep = restated.into_iter().map(|r| !r);
    findings.retain(|_| keep.next().unwrap_or(true));
}

/// A finding under construction. Its claim and fact lists are left empty: `finding::finish`
/// sets them from its sides once they are final (listing them here too only made copies).
pub(crate) fn finding(kind: FindingKind, severity: Severity, message: String, sides: Vec<Side>) -> Finding {
    Finding {
        id: String::new(),
        kind,
        severity,
        message,
        claims: Vec::new(),
        facts: Vec::new(),
        resolution: None,
        sides,
    }
}

/// The evidence of one claim: `focus` (a value or name inside it) or the whole claim.
pub(crate) fn side(
    context: &Context<'_>,
    view: &ClaimView<'_>,
    focus: Option<Span>,
    value: Option<String>,
) -> Side {
    let document = &context.documents[view.doc];
    let span = focus.unwrap_or(view.claim.span);
    let sentence = document.sentence_of(span).map_or(view.claim.span, |s| s.span);
    Side {
        doc: document.id.clone(),
        claim: Some(view.claim.id.clone()),
        claims: vec![view.claim.id.clone()],
        fact: None,
        facts: Vec::new(),
        span,
        text: document.text(span).to_string(),
        sentence,
        value,
        attribution: view.claim.attribution.iter().map(|s| s.name.clone()).collect(),
    }
}

/// True when every side of `b` overlaps a side of `a` in the same document: the same evidence
/// reported twice.
pub(crate) fn same_evidence(a: &Finding, b: &Finding) -> bool {
    covers_evidence(a, b.sides.iter().map(|y| (y.doc.as_str(), y.span)))
}

/// True when every piece of evidence (a document and a span of it) overlaps a side of `a` in
/// that document: [`same_evidence`] asked before the other finding is written.
pub(crate) fn covers_evidence<'e>(a: &Finding, evidence: impl IntoIterator<Item = (&'e str, Span)>) -> bool {
    evidence.into_iter().all(|(doc, span)| {
        a.sides
            .iter()
            .any(|x| x.doc == doc && (x.span.overlaps(span) || x.sentence.overlaps(span)))
    })
}

/// The evidence of a fact: its value's words, its sentence and its interval.
pub(crate) fn fact_side(context: &Context<'_>, view: &FactView<'_>) -> Side {
    let document = &context.documents[view.doc];
    let fact = view.fact;
    Side {
        doc: document.id.clone(),
        claim: fact.subject.claim.as_deref().map(str::to_string),
        claims: fact.subject.claim.iter().map(|c| c.to_string()).collect(),
        fact: Some(fact.id.clone()),
        facts: vec![fact.id.clone()],
        span: fact.span,
        text: document.text(fact.span).to_string(),
        sentence: fact.sentence,
        value: Some(describe_fact(fact)),
        attribution: fact.attribution.iter().map(|s| s.name.clone()).collect(),
    }
}

/// A fact's value in words, with its unit ("≈ 300", "2.5 USD", "12 year").
pub(crate) fn describe_fact(fact: &isnad_claims::facts::Fact) -> String {
    if let Some(time) = &fact.value.time
        && let Some((start, end)) = time.day_range()
    {
        use chrono::Datelike;
        let mut date = match time.grain {
            isnad_claims::mentions::Grain::Year => start.year().to_string(),
            isnad_claims::mentions::Grain::Month => start.format("%Y-%m").to_string(),
            _ if start == end => crate::facts::day_text(start),
            _ => crate::facts::days_text(start, end),
        };
        // The words beside the date they resolve to: "الشهر الماضي" is read at the report's date.
        for part in [" («", &fact.text, "»)"] {
            date.push_str(part);
        }
        return date;
    }
    // Written piece by piece into one string: every fact side has one.
    let mut text = String::new();
    if fact.value.unit.as_deref() == Some("ordinal") {
        text.push_str("ordinal ");
        write_number(&mut text, &fact.value.amount);
        return text;
    }
    write_number(&mut text, &fact.value.amount);
    if let Some(unit) = &fact.value.unit {
        text.push(' ');
        text.push_str(unit);
    }
    text
}

/// What a fact measures, in words an editor reads: the attribute's own word in the text, else its
/// class, else its unit.
pub(crate) fn describe_attribute(context: &Context<'_>, view: &FactView<'_>) -> String {
    let attribute = &view.fact.attribute;
    let name = if let Some(class) = attribute.class {
        class.to_string()
    } else if view.base_unit == Some("date")
        && let Some(head) = &attribute.head
    {
        // A date's nearest word only points at what is dated.
        format!("date near «{}»", context.documents[view.doc].text(head.span))
    } else if let Some(head) = &attribute.head {
        context.documents[view.doc].text(head.span).to_string()
    } else {
        view.fact.value.unit.as_deref().unwrap_or("count").to_string()
    };
    match attribute.modifier() {
        Some(modifier) => format!("{name} ({modifier})"),
        None => name,
    }
}

/// One finding for a disagreement between facts: every side's value and the documents that give
/// it, each fact cited once.
pub(crate) fn disagreement_finding(
    context: &Context<'_>,
    kind: FindingKind,
    severity: Severity,
    sides: &[Vec<usize>],
) -> Finding {
    let views = &context.facts.views;
    let first = &views[sides[0][0]];
    let evidence: Vec<Side> = sides
        .iter()
        .flatten()
        .map(|&m| fact_side(context, &views[m]))
        .collect();
    // Each side is summed up by its first fact's value, as that fact's evidence already writes
    // it, and the documents that give it: "count: 12 in a.txt, b.txt — 15 in c.txt", written
    // into one string.
    let mut message = describe_attribute(context, first);
    message.push_str(": ");
    let mut first_of_side = 0;
    for (n, side) in sides.iter().enumerate() {
        if n > 0 {
            message.push_str(" — ");
        }
        message.push_str(evidence[first_of_side].value.as_deref().unwrap_or_default());
        message.push_str(" in ");
        first_of_side += side.len();
        // Each document once where its facts follow one another.
        let mut last: Option<&str> = None;
        for &m in side {
            let doc = context.documents[views[m].doc].id.as_str();
            if last != Some(doc) {
                if last.is_some() {
                    message.push_str(", ");
                }
                message.push_str(doc);
                last = Some(doc);
            }
        }
    }
    finding(kind, severity, message, evidence)
}

/// Evidence that is a span of a document but no claim (a name, a date).
pub(crate) fn text_side(context: &Context<'_>, doc: usize, span: Span, value: Option<String>) -> Side {
    let document = &context.documents[doc];
    let sentence = document.sentence_of(span).map_or(span, |s| s.span);
    Side {
        doc: document.id.clone(),
        claim: None,
        claims: Vec::new(),
        fact: None,
        facts: Vec::new(),
        span,
        text: document.text(span).to_string(),
        sentence,
        value,
        attribution: Vec::new(),
    }
}

/// Adds to `findings` those of reports that name another doer or place for what their clauses
/// both say (`role` picks which), each side citing the name in its sentence; a disagreement the
/// claims already report (the same evidence) is not added again.
pub(crate) fn add_participant_findings(
    findings: &mut Vec<Finding>,
    context: &Context<'_>,
    role: isnad_claims::facts::ParticipantRole,
    kind: FindingKind,
) {
    let what = match role {
        isnad_claims::facts::ParticipantRole::Actor => "who",
        isnad_claims::facts::ParticipantRole::Place => "where",
    };
    let found: Vec<Finding> = context
        .participant_conflicts
        .iter()
        .filter_map(|conflict| {
            let [(da, ia), (db, ib)] = conflict.pair;
            let (a, b) = (
                &context.analyses[da].participants[ia],
                &context.analyses[db].participants[ib],
            );
            if a.role != role {
                return None;
            }
            let about: Vec<&str> = conflict.shared.iter().take(4).map(String::as_str).collect();
            let message = format!(
                "{what} («{}»): {} in {} — {} in {}",
                about.join("، "),
                a.name,
                context.documents[da].id,
                b.name,
                context.documents[db].id
            );
            let participant_side = |doc: usize, p: &isnad_claims::facts::Participant| Side {
                attribution: p.attribution.iter().map(|s| s.name.clone()).collect(),
                ..text_side(context, doc, p.span, Some(p.name.to_string()))
            };
            Some(finding(
                kind,
                Severity::Tension,
                message,
                vec![participant_side(da, a), participant_side(db, b)],
            ))
        })
        .collect();
    for f in found {
        if !findings.iter().any(|g| same_evidence(g, &f)) {
            findings.push(f);
        }
    }
}

/// The pairs of claims from two documents a rule that reads only `key` of each claim needs to
/// look at, in claim order: `claims` (indices into the context's claims, ascending) in classes by
/// `key` (`None`: the rule never pairs the claim), and for each ordered pair of classes its first
/// pair (the first claim of one class with the first claim of the other from a later document).
/// A rule whose verdict, and whose key for findings it keeps once, depend only on the two
/// claims' `key`s finds in these the same first pair per finding as in every pair of claims,
/// at a cost that grows with the classes (readings), not with the square of the copies.
pub(crate) fn first_pairs_by_class<'c, 'a, K: std::hash::Hash + Eq>(
    context: &'c Context<'a>,
    claims: impl IntoIterator<Item = usize>,
    mut key: impl FnMut(&'c ClaimView<'a>) -> Option<K>,
) -> Vec<(usize, usize)> {
    let mut class_of: rustc_hash::FxHashMap<K, usize> = rustc_hash::FxHashMap::default();
    let mut classes: Vec<Vec<usize>> = Vec::new();
    for i in claims {
        let Some(k) = key(&context.claims[i]) else {
            continue;
        };
        let next = classes.len();
        let c = *class_of.entry(k).or_insert(next);
        if c == next {
            classes.push(Vec::new());
        }
        debug_assert!(
            classes[c].last().is_none_or(|&last| last < i),
            "claims in claim order"
        );
        classes[c].push(i);
    }
    // Claims come document by document, so a later claim of another document is one of a later
    // document: the first claim of a class pairs first, with the other class's first claim past
    // its document (when it has none, no later claim of the class has one either).
    let doc = |i: usize| context.claims[i].doc;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for x in &classes {
        let first = x[0];
        for y in &classes {
            let past = y.partition_point(|&m| doc(m) <= doc(first));
            if let Some(&m) = y.get(past) {
                pairs.push((first, m));
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

/// True when the claims of `event` come from more than one document (its members are in claim
/// order, so from its first and last).
pub(crate) fn in_two_documents(context: &Context<'_>, event: &Event) -> bool {
    match (event.members.first(), event.members.last()) {
        (Some(&first), Some(&last)) => context.claims[first].doc != context.claims[last].doc,
        _ => false,
    }
}

/// A number interval in words ("≥ 9000", "≈ 300 (270–330)", "12").
pub(crate) fn describe_number(n: &isnad_claims::mentions::NumberValue) -> String {
    let mut text = String::new();
    write_number(&mut text, n);
    text
}

/// Writes [`describe_number`]'s words at the end of `out`.
fn write_number(out: &mut String, n: &isnad_claims::mentions::NumberValue) {
    use isnad_claims::mentions::Qualifier::*;
    use std::fmt::Write;
    let v = |out: &mut String, x: f64| {
        if x.fract() == 0.0 {
            // A whole number below 2^53 prints as the integer it is, digit by digit (most values
            // are); `{:.0}` would get the same digits through exact big-number arithmetic (-0
            // keeps its sign there).
            if x.abs() < 9_007_199_254_740_992.0 && !(x == 0.0 && x.is_sign_negative()) {
                if x < 0.0 {
                    out.push('-');
                }
                crate::push_digits(out, x.abs() as u64);
            } else {
                // Writing to a string cannot fail.
                let _ = write!(out, "{x:.0}");
            }
        } else {
            let _ = write!(out, "{x}");
        }
    };
    let sign = match (n.qualifier, n.value) {
        (Exact, Some(_)) => "",
        (Approx, Some(_)) => "≈ ",
        (AtLeast, Some(_)) => "≥ ",
        (MoreThan, Some(_)) => "> ",
        (AtMost, Some(_)) => "≤ ",
        (LessThan, Some(_)) => "< ",
        _ => {
            v(out, n.low);
            out.push('–');
            match n.high {
                Some(high) => v(out, high),
                None => out.push('…'),
            }
            return;
        }
    };
    out.push_str(sign);
    if let Some(x) = n.value {
        v(out, x);
    }
}

#[cfg(test)]
mod tests {
    use super::describe_number;
    use isnad_claims::mentions::NumberValue;

    /// Whole numbers are written as `{:.0}` writes them, fractions as `{}` does.
    #[test]
    fn numbers_are_written_as_the_formatter_writes_them() {
        let values = [
            0.0,
            -0.0,
            1.0,
            -7.0,
            12.0,
            1e6,
            2.5e9,
            123_456_789_012.0,
            9_007_199_254_740_991.0,
            9_007_199_254_740_992.0,
            1e20,
            -1e20,
            0.5,
            1.25,
            -3.75,
            1e-7,
        ];
        for x in values {
            let written = describe_number(&NumberValue::exact(x));
            let expected = if x.fract() == 0.0 {
                format!("{x:.0}")
            } else {
                format!("{x}")
            };
            assert_eq!(written, expected, "{x}");
        }
    }
}
