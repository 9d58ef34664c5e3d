//! **contested** — asserted by one source, denied by another (or by its subject).
//!
//! Why it matters: a claim that one side makes and the other denies is not a fact; an editor
//! must attribute it and present both sides rather than state it.
//! Example: «تتهم المعارضة الحكومة بتهريب الوقود إلى الجارة الشمالية» versus «نفت الحكومة
//! أن تكون قد هربت أي شحنة وقود».
//! Two ways to meet: a denied claim of an event type with the same theme as an assertion, or a
//! denial of anything ("نفى X ما تداولته Y عن نفاد المحاليل"، "نفت X أن تكون قد علمت بتسرب
//! الأسئلة", or a negated part: "دون وقوع ضحايا") whose content another article asserts. The
//! assertion must share half the weight of the denial's first five content words (rough root
//! keys, weighed by how rare they are among the story's other statements), two of them, and
//! what is denied: the word a negation governs ("لن تتمكن"، "دون وقوع ضحايا"), or for a denial
//! verb its complement's first word or a third shared word. When the denial and one of the
//! assertions name no source (two outlets stating it both ways) it is a `polarity_conflict`, and
//! so is one source quoted both ways by two articles, on three quarters of the words: the
//! articles contradict each other on what it said.
//! One finding per denial, citing every assertion it answers; one source's denials that answer
//! the same assertions (in an article's headline and body, or in two articles) are one finding,
//! whatever name the source goes by in each («أنقرة» for «تركيا»: a capital stands for its
//! country's government; «X وY» for the same two entities; a spokesman or a manager speaks as the
//! body: «المتحدث باسم الشركة»، «مدير شركة X» and «الشركة»).
//! Not compared: a content about another time than its report ("منذ اتفاق 2019"; a state «منذ» a time
//! lasts up to the report and is compared).
//! Known false positives: a denial of a narrower claim than the accusation (denying one
//! shipment while others are alleged); two contents that share their words but not their
//! subject (the mathematics questions denied, the physics questions asserted).

use super::{finding, side};
use crate::finding::{Finding, FindingKind, Governments, Severity, Side};
use crate::view::{ClaimView, Context};
use isnad_claims::claims::{Modality, Source};
use isnad_claims::entities::EntityKey;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

// Denials of open content (statements rather than typed events) are a seam of their own.
mod open_content;

use open_content::open_disputes;

/// Event types that describe the same kind of happening for this rule.
const FAMILIES: &[&[&str]] = &[&["transfer", "shipment", "supply", "delivery", "sale"]];

/// The family an event type belongs to for comparing assertions with denials or negations.
pub(super) fn family(event: &str) -> &str {
    FAMILIES
        .iter()
        .find(|f| f.contains(&event))
        .map_or(event, |f| f[0])
}

fn is_denial(view: &ClaimView<'_>) -> bool {
    view.claim.modality == Modality::Denied
}

fn is_assertion(view: &ClaimView<'_>) -> bool {
    matches!(
        view.claim.modality,
        Modality::Accused | Modality::Asserted | Modality::Reported
    ) && !view.claim.properties.speech
}

/// True when two claims are about the same alleged happening.
fn same_allegation(a: &ClaimView<'_>, b: &ClaimView<'_>) -> bool {
    if family(&a.claim.event) != family(&b.claim.event) {
        return false;
    }
    // The theme decides; when one side states none, its clause must mention the other's theme.
    match (a.theme().is_empty(), b.theme().is_empty()) {
        (false, false) => !a.theme().is_disjoint(b.theme()),
        (false, true) => !a.theme().is_disjoint(b.words()),
        (true, false) => !b.theme().is_disjoint(a.words()),
        (true, true) => a.shared_actors(b) >= 2,
    }
}

/// Who says a claim: its speaker, not the outlet that printed it, unless the outlet states it
/// itself ("… (as fact)").
pub(super) fn speaker(context: &Context<'_>, v: &ClaimView<'_>) -> String {
    match cited_speaker(v) {
        Some(name) => name.to_string(),
        None => as_fact(context, v.doc),
    }
}

/// The outlet of document `doc` stating something itself ("… (as fact)").
fn as_fact(context: &Context<'_>, doc: usize) -> String {
    let document = &context.documents[doc];
    format!(
        "{} (as fact)",
        document.meta.outlet.as_deref().unwrap_or(&document.id)
    )
}

/// A dispute between cited sources is a tension; two articles stating it both ways in their
/// own voice contradict each other.
pub(super) fn dispute_kind(cited: bool) -> (FindingKind, Severity) {
    if cited {
        (FindingKind::Contested, Severity::Tension)
    } else {
        (FindingKind::PolarityConflict, Severity::Contradiction)
    }
}

/// Who says any of `claims`, each source named once, in name order: a source named two ways
/// («واشنطن» and «الولايات المتحدة») is one, its other names in parentheses.
pub(super) fn speakers(
    context: &Context<'_>,
    governments: &Governments,
    claims: &[&ClaimView<'_>],
) -> String {
    let mut sources: Vec<(Option<BTreeSet<EntityKey>>, Vec<String>)> = Vec::new();
    for claim in claims {
        let name = speaker(context, claim);
        // An outlet's own voice is told apart by its name.
        let identity = cited_source(claim).map(|s| governments.identity(&context.analyses[claim.doc], s));
        match sources
            .iter_mut()
            .find(|(known, names)| *known == identity && (identity.is_some() || names.contains(&name)))
        {
            Some((_, names)) if names.contains(&name) => {}
            Some((_, names)) => names.push(name),
            None => sources.push((identity, vec![name])),
        }
    }
    let mut named: Vec<String> = sources
        .into_iter()
        .map(|(_, mut names)| {
            names.sort();
            match names.split_first() {
                Some((first, [])) => first.clone(),
                Some((first, others)) => format!("{first} ({})", others.join(", ")),
                None => String::new(),
            }
        })
        .collect();
    named.sort();
    named.join("; ")
}

/// The sides of a dispute: every assertion with its modality, then the claim against them.
pub(super) fn dispute_sides(
    context: &Context<'_>,
    assertions: &[&ClaimView<'_>],
    against: &ClaimView<'_>,
    label: &str,
) -> Vec<Side> {
    let mut sides: Vec<Side> = assertions
        .iter()
        .map(|a| {
            side(
                context,
                a,
                None,
                Some(format!("{:?}", a.claim.modality).to_lowercase()),
            )
        })
        .collect();
    sides.push(side(context, against, None, Some(label.into())));
    sides
}

/// The claim's speaker when it cites one (not the outlet).
pub(super) fn cited_speaker<'v>(v: &ClaimView<'v>) -> Option<&'v str> {
    cited_source(v).map(|s| s.name.as_str())
}

/// The source the claim cites, when it cites one (not the outlet).
fn cited_source<'v>(v: &ClaimView<'v>) -> Option<&'v Source> {
    v.claim
        .attribution
        .iter()
        .find(|s| s.kind != isnad_claims::claims::SourceKind::Outlet)
}

/// One tension per denial that meets an assertion of the same happening; denials of one event
/// by one speaker that answer the same assertions (copies of one article) are one finding.
pub(crate) fn check(context: &Context<'_>, governments: &Governments) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    let mut denied_sentences: std::collections::BTreeSet<(usize, Option<isnad_parser::Span>)> =
        std::collections::BTreeSet::new();
    // Assertions by event family, in story order: a denial is compared with its family only.
    let mut by_family: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, v) in context.claims.iter().enumerate() {
        if is_assertion(v) {
            by_family.entry(family(&v.claim.event)).or_default().push(i);
        }
    }
    // What `same_allegation` reads of a denial: denials that read alike answer the same
    // assertions, so each reading is compared with the story once (comparison keys, not pairs).
    type Reading<'r> = (
        &'r str,
        &'r isnad_claims::claims::WordSet,
        &'r isnad_claims::claims::WordSet,
        &'r [isnad_claims::entities::EntityKey],
    );
    let mut answered_by: FxHashMap<Reading<'_>, (usize, Vec<usize>)> = FxHashMap::default();
    // (reading, speaker) → the finding its denials joined.
    let mut disputes: FxHashMap<(usize, String), usize> = FxHashMap::default();
    for denial in context.claims.iter().filter(|v| is_denial(v)) {
        let reading: Reading<'_> = (
            &denial.claim.event,
            denial.theme(),
            denial.words(),
            &denial.actor_set,
        );
        let next = answered_by.len();
        let (reading_id, assertions) = answered_by.entry(reading).or_insert_with(|| {
            let found = by_family
                .get(family(&denial.claim.event))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&i| same_allegation(&context.claims[i], denial))
                .collect();
            (next, found)
        });
        if assertions.is_empty() {
            continue;
        }
        let sentence = context.documents[denial.doc]
            .sentence_of(denial.claim.trigger)
            .map(|s| s.span);
        if !denied_sentences.insert((denial.doc, sentence)) {
            continue;
        }
        let denier = speaker(context, denial);
        if let Some(&at) = disputes.get(&(*reading_id, denier.clone())) {
            // The finding's claim list is made from its sides when findings are finished.
            findings[at]
                .sides
                .push(side(context, denial, None, Some("denied".into())));
            continue;
        }
        let assertions: Vec<&ClaimView<'_>> = assertions.iter().map(|&i| &context.claims[i]).collect();
        let message = format!(
            "{} asserted by {} and denied by {}",
            denial.claim.event,
            speakers(context, governments, &assertions),
            denier
        );
        let sides = dispute_sides(context, &assertions, denial, "denied");
        disputes.insert((*reading_id, denier), findings.len());
        findings.push(finding(FindingKind::Contested, Severity::Tension, message, sides));
    }
    findings.extend(open_disputes(context, &mut denied_sentences));
    findings
}
