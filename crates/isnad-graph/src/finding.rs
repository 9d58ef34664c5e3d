//! Findings: what the checker tells an editor.

use isnad_claims::DocAnalysis;
use isnad_claims::claims::{Source, SourceKind};
use isnad_claims::entities::{EntityId, EntityKey, Gazetteer, MentionForm};
use isnad_parser::{Document, Span};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeSet;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The claims cannot both be true.
    Contradiction,
    /// Sources disagree (one asserts, another denies) or the text is uncertain.
    Tension,
    /// Worth an editor's eye: variants, explained look-alikes, updates over time.
    Note,
}

/// Kinds of findings; each has one rule file in `rules/` whose doc comment is its help text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// One event, times that cannot overlap.
    DateMismatch,
    /// A weekday that is not the weekday of its date.
    WeekdayMismatch,
    /// One counted thing, counts that cannot overlap.
    CountMismatch,
    /// One measured thing, quantities that cannot overlap.
    QuantityMismatch,
    /// An ordinal inconsistent with the series' timeline.
    OrdinalConflict,
    /// One event, incompatible places.
    PlaceMismatch,
    /// One event, incompatible participants.
    ActorMismatch,
    /// Asserted by one source, denied by another.
    Contested,
    /// Stated as happened in one article, as not happened in another.
    PolarityConflict,
    /// An article disagreeing with itself.
    Internal,
    /// One entity spelled differently.
    NameVariant,
    /// A later report updates an earlier value (a rising toll).
    Update,
    /// One document copies another.
    Copy,
}

impl FindingKind {
    /// Every kind, in catalogue order.
    pub const ALL: [FindingKind; 13] = [
        FindingKind::DateMismatch,
        FindingKind::WeekdayMismatch,
        FindingKind::CountMismatch,
        FindingKind::QuantityMismatch,
        FindingKind::OrdinalConflict,
        FindingKind::PlaceMismatch,
        FindingKind::ActorMismatch,
        FindingKind::Contested,
        FindingKind::PolarityConflict,
        FindingKind::Internal,
        FindingKind::NameVariant,
        FindingKind::Update,
        FindingKind::Copy,
    ];

    /// The snake_case name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::DateMismatch => "date_mismatch",
            FindingKind::WeekdayMismatch => "weekday_mismatch",
            FindingKind::CountMismatch => "count_mismatch",
            FindingKind::QuantityMismatch => "quantity_mismatch",
            FindingKind::OrdinalConflict => "ordinal_conflict",
            FindingKind::PlaceMismatch => "place_mismatch",
            FindingKind::ActorMismatch => "actor_mismatch",
            FindingKind::Contested => "contested",
            FindingKind::PolarityConflict => "polarity_conflict",
            FindingKind::Internal => "internal",
            FindingKind::NameVariant => "name_variant",
            FindingKind::Update => "update",
            FindingKind::Copy => "copy",
        }
    }
}

/// One side of a finding: the evidence an editor needs without opening the article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// Document id.
    pub doc: String,
    /// The claim, when the side is a claim: the first of `claims`.
    pub claim: Option<String>,
    /// Every claim of the side: the claims of its sentence that take its position, each once.
    pub claims: Vec<String>,
    /// The fact, when the side is a figure: the first of `facts`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// Every fact of the side, each once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<String>,
    /// The exact words (a value, a name, a trigger) this side is about.
    pub span: Span,
    /// Exactly the original bytes of `span`.
    pub text: String,
    /// The sentence that contains it.
    pub sentence: Span,
    /// The normalized value in words ("2024-02-20", "≥ 9000", "ordinal 2 of زياره"), when there is one.
    pub value: Option<String>,
    /// Attribution chain as names, innermost first, outlet last.
    pub attribution: Vec<String>,
}

/// A conflict, an explained look-alike, or a note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable within a run: `"F<n>"` in report order.
    pub id: String,
    /// Kind.
    pub kind: FindingKind,
    /// Severity.
    pub severity: Severity,
    /// One sentence saying what disagrees with what.
    pub message: String,
    /// Ids of every claim cited, every side.
    pub claims: Vec<String>,
    /// Ids of every fact cited, every side.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<String>,
    /// Why the apparent conflict is not one, when it is explained.
    pub resolution: Option<String>,
    /// The evidence, one entry per side.
    pub sides: Vec<Side>,
}

/// Finishes the rules' findings (issue #18): a side is one sentence's position, cited once with
/// every claim and fact of it, and findings that differ only in how one source is named are one.
pub(crate) fn finish(
    findings: Vec<Finding>,
    documents: &[Document],
    analyses: &[DocAnalysis],
    governments: &Governments,
) -> Vec<Finding> {
    // Read back only when two findings cite a side in common (most stories have none).
    let sources = std::cell::OnceCell::new();
    let sources = || sources.get_or_init(|| Sources::new(documents, analyses, governments));
    let documents = &by_id(documents);
    // Copies first: n copies of one disagreement are then one finding to compare, not n.
    let findings = one_finding_across_copies(findings, documents);
    let mut kept: Vec<Finding> = Vec::with_capacity(findings.len());
    // Each kept finding's sides by position, made once, not for every finding compared with it.
    let mut kept_at: Vec<SidesAt> = Vec::with_capacity(findings.len());
    // Kept findings by their kind and severity and the positions of the sides they cite: only
    // findings of one kind and severity citing a side in common can be one. Keyed by the
    // position's hash: a collision only adds a candidate, which `renamed` then compares side by
    // side.
    let mut citing: FxHashMap<(FindingKind, Severity, u64), Vec<usize>> = FxHashMap::default();
    // The kept findings one finding is compared with, room kept from one finding to the next.
    let mut candidates: Vec<usize> = Vec::new();
    for mut finding in findings {
        finding.sides = one_side_per_sentence(std::mem::take(&mut finding.sides), documents);
        let finding_at = sides_at(&finding);
        candidates.clear();
        candidates.extend(
            finding_at
                .hashes
                .iter()
                .filter_map(|&hash| citing.get(&(finding.kind, finding.severity, hash)))
                .flatten()
                .copied(),
        );
        candidates.sort_unstable();
        candidates.dedup();
        let renamed = candidates.iter().find_map(|&k| {
            sources()
                .renamed((&kept[k], &kept_at[k]), (&finding, &finding_at))
                .map(|r| (k, r))
        });
        let at = match renamed {
            Some((k, Renamed { sides, names })) => {
                let into = &mut kept[k];
                if !names.is_empty() {
                    into.message = format!("{} (also named {})", into.message, names.join("؛ "));
                }
                into.sides.extend(sides);
                into.sides = one_side_per_sentence(std::mem::take(&mut into.sides), documents);
                kept_at[k] = sides_at(into);
                k
            }
            None => {
                kept.push(finding);
                kept_at.push(finding_at);
                kept.len() - 1
            }
        };
        cite_sides(&mut kept[at]);
        let (kind, severity) = (kept[at].kind, kept[at].severity);
        for &hash in &kept_at[at].hashes {
            let findings = citing.entry((kind, severity, hash)).or_default();
            if findings.last() != Some(&at) && !findings.contains(&at) {
                findings.push(at);
            }
        }
    }
    kept
}

/// The story's documents by id.
type ById<'d> = FxHashMap<&'d str, &'d Document>;

fn by_id(documents: &[Document]) -> ById<'_> {
    documents.iter().map(|d| (d.id.as_str(), d)).collect()
}

/// What makes sides one side: one sentence (of its document) giving one value, said by the same
/// sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Position<'s> {
    doc: &'s str,
    sentence: Span,
    value: Option<&'s str>,
    attribution: &'s [String],
}

fn position(side: &Side) -> Position<'_> {
    Position {
        doc: &side.doc,
        sentence: side.sentence,
        value: side.value.as_deref(),
        attribution: &side.attribution,
    }
}

fn position_hash(side: &Side) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(position(side))
}

/// Sides of one finding from one sentence that take one position (see [`Position`]) become one
/// side: the first, listing every claim and fact of the others, its words covering theirs.
fn one_side_per_sentence(sides: Vec<Side>, documents: &ById<'_>) -> Vec<Side> {
    let mut merged: Vec<Side> = Vec::with_capacity(sides.len());
    // Each position's merged side by the position's hash, checked on a hit; two positions of
    // one hash (next to never) are told apart by a walk of the merged sides.
    let mut at_position: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(sides.len(), Default::default());
    for mut side in sides {
        // `claim` and `fact` are the first of their lists, whoever built the side.
        for (first, all) in [(&side.claim, &mut side.claims), (&side.fact, &mut side.facts)] {
            if let Some(id) = first
                && all.first() != Some(id)
            {
                all.retain(|c| c != id);
                all.insert(0, id.clone());
            }
        }
        let hash = position_hash(&side);
        let found = match at_position.get(&hash) {
            Some(&m) if position(&merged[m]) == position(&side) => Some(m),
            Some(_) => merged.iter().position(|m| position(m) == position(&side)),
            None => None,
        };
        let Some(m) = found else {
            at_position.entry(hash).or_insert(merged.len());
            merged.push(side);
            continue;
        };
        let into = &mut merged[m];
        // A side holds the few claims and facts of one sentence: a scan finds one already there.
        for claim in side.claims {
            if !into.claims.contains(&claim) {
                into.claims.push(claim);
            }
        }
        for fact in side.facts {
            if !into.facts.contains(&fact) {
                into.facts.push(fact);
            }
        }
        into.claim = into.claims.first().cloned();
        into.fact = into.facts.first().cloned();
        if into.span != side.span
            && let Some(document) = documents.get(into.doc.as_str())
        {
            into.span = into.span.cover(side.span);
            into.text = document.text(into.span).to_string();
        }
    }
    merged
}

/// Sets a finding's claim and fact lists to those of its sides, each once, in side order.
fn cite_sides(finding: &mut Finding) {
    let sides = &finding.sides;
    let claims = each_once(sides.iter().flat_map(|s| s.claim.iter().chain(&s.claims)));
    let facts = each_once(sides.iter().flat_map(|s| s.fact.iter().chain(&s.facts)));
    finding.claims = claims;
    finding.facts = facts;
}

/// The ids, each once, in order. Most findings cite a few, each looked for in the list made so
/// far; only a long list (a disagreement of many copies) is worth a set.
fn each_once<'s>(ids: impl Iterator<Item = &'s String> + Clone) -> Vec<String> {
    /// Up to this many ids a scan beats hashing each.
    const SCANNED: usize = 8;
    let mut kept: Vec<String> = Vec::new();
    if ids.clone().count() <= SCANNED {
        for id in ids {
            if !kept.contains(id) {
                kept.push(id.clone());
            }
        }
    } else {
        let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        kept.extend(ids.filter(|id| seen.insert(id.as_str())).cloned());
    }
    kept
}

/// What a source's name stands for: the entities it names, a capital standing for its country's
/// government ("قالت أنقرة" is Turkey speaking), as the gazetteer records capitals.
pub(crate) struct Governments {
    /// The gazetteer's capitals (built once per gazetteer, shared by every story).
    links: std::sync::Arc<isnad_claims::entities::PlaceLinks>,
}

impl Governments {
    /// The capitals the gazetteer records.
    pub(crate) fn new(gazetteer: &Gazetteer) -> Self {
        Governments {
            links: gazetteer.links(),
        }
    }

    /// Who a cited source of `analysis`'s document is: the entities its name names ("X وY"
    /// names two), each capital as its country, or its folded name when it names none. A
    /// nationality adjective only qualifies the name's head ("الوزير الروسي" is no more Russia
    /// than "الرئيس الروسي").
    pub(crate) fn identity(&self, analysis: &DocAnalysis, source: &Source) -> BTreeSet<EntityKey> {
        let government = |id: &EntityId| {
            let country = self.links.country_of_capital(id).unwrap_or(id);
            EntityKey::of(Some(country), "")
        };
        let mut named: BTreeSet<EntityKey> = source
            .span
            .map(|span| {
                // Mentions are kept in text order: only those starting inside the span are read.
                let mentions = &analysis.entities.mentions;
                let first = mentions.partition_point(|m| m.span.start < span.start);
                mentions[first..]
                    .iter()
                    .take_while(|m| m.span.start < span.end.max(span.start + 1))
                    .filter(|m| m.form != MentionForm::Adjective && span.contains(m.span))
                    .filter_map(|m| m.entity.as_ref().map(government))
                    .collect()
            })
            .unwrap_or_default();
        if named.is_empty() {
            named.insert(match &source.entity {
                Some(id) => government(id),
                None => EntityKey::of(None, &source.name),
            });
        }
        named
    }
}

/// The sources the sides of findings quote, read back from the analyses.
struct Sources<'a> {
    analyses: &'a [DocAnalysis],
    /// Document ids → their index.
    doc_index: FxHashMap<&'a str, usize>,
    /// Attribution chains of every claim and fact, by id (ids carry their document's).
    chains: FxHashMap<&'a str, &'a [Source]>,
    /// Attribution chains of statements and participants, by document and span.
    chains_at: FxHashMap<(usize, Span), &'a [Source]>,
    governments: &'a Governments,
}

impl<'a> Sources<'a> {
    fn new(documents: &'a [Document], analyses: &'a [DocAnalysis], governments: &'a Governments) -> Self {
        let doc_index = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let mut chains: FxHashMap<&str, &[Source]> = FxHashMap::default();
        let mut chains_at: FxHashMap<(usize, Span), &[Source]> = FxHashMap::default();
        for (doc, analysis) in analyses.iter().enumerate() {
            chains.extend(
                analysis
                    .claims
                    .iter()
                    .map(|c| (c.id.as_str(), &c.attribution[..])),
            );
            chains.extend(analysis.facts.iter().map(|f| (f.id.as_str(), &f.attribution[..])));
            // A statement and a participant at one span: the statement, as the rules quote it.
            for p in &analysis.participants {
                chains_at.insert((doc, p.span), &p.attribution);
            }
            for s in &analysis.statements {
                chains_at.insert((doc, s.span), &s.attribution);
            }
        }
        Sources {
            analyses,
            doc_index,
            chains,
            chains_at,
            governments,
        }
    }

    /// The cited source (not the outlet) of a side's fact, claim, statement or participant;
    /// `None` for an outlet's own voice and for evidence that is only words (a name, a date).
    fn source_of(&self, side: &Side) -> Option<&'a Source> {
        let chain = match (&side.fact, &side.claim) {
            (Some(id), _) | (None, Some(id)) => self.chains.get(id.as_str()),
            (None, None) => {
                let doc = *self.doc_index.get(side.doc.as_str())?;
                self.chains_at.get(&(doc, side.span))
            }
        }?;
        chain.iter().find(|s| s.kind != SourceKind::Outlet)
    }

    /// Who a side's source is (see [`Governments::identity`]).
    fn identity(&self, side: &Side) -> Option<BTreeSet<EntityKey>> {
        let source = self.source_of(side)?;
        let doc = *self.doc_index.get(side.doc.as_str())?;
        Some(self.governments.identity(&self.analyses[doc], source))
    }

    /// When `b` is `a` but for sides whose source is named differently (one entity, two
    /// names): what to add to `a`. Both must cite a side in common, and every side only one of
    /// them cites must take one position and come from one source.
    fn renamed(
        &self,
        (a, in_a): (&Finding, &SidesAt),
        (b, in_b): (&Finding, &SidesAt),
    ) -> Option<Renamed<'a>> {
        if (a.kind, a.severity, &a.resolution) != (b.kind, b.severity, &b.resolution) {
            return None;
        }
        let (own_a, own_b) = differing_sides_at((a, in_a), (b, in_b))?;
        let (first, _) = (own_a.first()?, own_b.first()?);
        let identity = self.identity(first)?;
        let one_source = own_a
            .iter()
            .chain(&own_b)
            .all(|s| s.value == first.value && self.identity(s).as_ref() == Some(&identity));
        if !one_source {
            return None;
        }
        // `b`'s names of the source, when `a`'s message names it (a message of values and
        // documents names no source).
        let named = self.source_of(first).map(|s| s.name.as_str());
        let mut names: Vec<&'a str> = own_b
            .iter()
            .filter_map(|s| self.source_of(s).map(|x| x.name.as_str()))
            .filter(|name| named.is_some_and(|n| a.message.contains(n)) && !a.message.contains(name))
            .collect();
        names.sort_unstable();
        names.dedup();
        Some(Renamed {
            // The sides in common too: one of `b`'s may list a claim of the sentence `a`'s does not.
            sides: b.sides.clone(),
            names,
        })
    }
}

/// The sides only `a` cites and those only `b` cites, when they cite a side in common (the same
/// words giving the same value: two figures of one sentence that happen to read alike are two
/// things, and their findings two disagreements) and `b`'s own sides give one value (else no
/// one source renamed tells them apart). `in_a` and `in_b` are [`sides_at`] of each.
fn differing_sides_at<'f>(
    (a, in_a): (&'f Finding, &SidesAt),
    (b, in_b): (&'f Finding, &SidesAt),
) -> Option<(Vec<&'f Side>, Vec<&'f Side>)> {
    // Each side is looked up among the other finding's by its position, not compared with each.
    let shared = |(s, hash): (&Side, &u64), other: &Finding, at: &SidesAt| {
        let same = |t: &Side| position(t) == position(s) && t.span.overlaps(s.span);
        if at.repeated {
            (other.sides.iter().zip(&at.hashes)).any(|(t, h)| h == hash && same(t))
        } else {
            at.at.get(hash).is_some_and(|&i| same(&other.sides[i]))
        }
    };
    // The cheap tests first: `b`'s own sides (a finding just made, short), then `a`'s, which
    // are needed only when the two share a side and `b`'s own sides give one value.
    let own_b: Vec<&Side> = (b.sides.iter().zip(&in_b.hashes))
        .filter(|&side| !shared(side, a, in_a))
        .map(|(s, _)| s)
        .collect();
    if own_b.len() == b.sides.len() {
        return None;
    }
    if own_b.iter().any(|s| s.value != own_b[0].value) {
        return None;
    }
    let own_a: Vec<&Side> = (a.sides.iter().zip(&in_a.hashes))
        .filter(|&side| !shared(side, b, in_b))
        .map(|(s, _)| s)
        .collect();
    Some((own_a, own_b))
}

/// A finding's sides by their position's hash (equal positions checked on a hit), and each
/// side's hash: hashed once per finding, not once per finding compared with it. A finished
/// finding has one side per position; when two sides share a hash the sides are walked.
struct SidesAt {
    hashes: Vec<u64>,
    at: FxHashMap<u64, usize>,
    repeated: bool,
}

fn sides_at(finding: &Finding) -> SidesAt {
    let hashes: Vec<u64> = finding.sides.iter().map(position_hash).collect();
    let mut at: FxHashMap<u64, usize> = FxHashMap::with_capacity_and_hasher(hashes.len(), Default::default());
    let mut repeated = false;
    for (i, &hash) in hashes.iter().enumerate() {
        repeated |= at.insert(hash, i).is_some();
    }
    SidesAt { hashes, at, repeated }
}

/// What a finding adds to one it repeats with its source named another way.
struct Renamed<'a> {
    /// Its sides.
    sides: Vec<Side>,
    /// The source's names the other finding's message lacks.
    names: Vec<&'a str>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A side of `doc` about `words`, in the one sentence of the text.
    fn side(doc: &Document, words: &str, claim: &str, value: &str) -> Side {
        let start = doc.source.find(words).expect("words in the text");
        let span = Span::new(start, start + words.len());
        Side {
            doc: doc.id.clone(),
            claim: Some(claim.into()),
            claims: Vec::new(),
            fact: None,
            facts: Vec::new(),
            span,
            text: words.into(),
            sentence: Span::new(0, doc.source.len()),
            value: Some(value.into()),
            attribution: vec!["الوزارة".into()],
        }
    }

    #[test]
    fn one_sentence_one_position_is_one_side_covering_its_words() {
        let text = "قالت الوزارة إن 40 شخصا أصيبوا وإن 40 منزلا تضررت و12 مدرسة.";
        let (doc, _) = isnad_parser::parse_document("a.txt", text.as_bytes(), &Default::default()).unwrap();
        let sides = vec![
            side(&doc, "40 شخصا", "a.txt#1", "40"),
            side(&doc, "12 مدرسة", "a.txt#3", "12"),
            side(&doc, "40 منزلا", "a.txt#2", "40"),
        ];
        let merged = one_side_per_sentence(sides, &by_id(std::slice::from_ref(&doc)));
        assert_eq!(merged.len(), 2, "{merged:#?}");
        let forty = &merged[0];
        assert_eq!(forty.claims, ["a.txt#1", "a.txt#2"]);
        assert_eq!(forty.claim.as_deref(), Some("a.txt#1"));
        // Its words cover both figures and are exactly the original bytes of its span.
        assert_eq!(forty.text, "40 شخصا أصيبوا وإن 40 منزلا");
        assert_eq!(doc.text(forty.span), forty.text);
        // Another value of the sentence is another position.
        assert_eq!(merged[1].claims, ["a.txt#3"]);
    }

    #[test]
    fn another_source_in_the_sentence_is_another_side() {
        let text = "قالت الوزارة والنقابة إن 40 شخصا أصيبوا.";
        let (doc, _) = isnad_parser::parse_document("a.txt", text.as_bytes(), &Default::default()).unwrap();
        let ministry = side(&doc, "40 شخصا", "a.txt#1", "40");
        let union = Side {
            claim: Some("a.txt#2".into()),
            attribution: vec!["النقابة".into()],
            ..ministry.clone()
        };
        let merged = one_side_per_sentence(vec![ministry, union], &by_id(std::slice::from_ref(&doc)));
        assert_eq!(merged.len(), 2, "{merged:#?}");
    }

    #[test]
    fn findings_in_common_cite_the_same_words_not_a_look_alike_of_one_sentence() {
        let text = "قال المصدر إن هذه ثاني سرقة وإن المتحف أغلق للمرة الثانية.";
        let (doc, _) = isnad_parser::parse_document("a.txt", text.as_bytes(), &Default::default()).unwrap();
        let (other, _) =
            isnad_parser::parse_document("b.txt", "ثالث سرقة وثالث إغلاق.".as_bytes(), &Default::default())
                .unwrap();
        let finding = |sides: Vec<Side>| Finding {
            id: String::new(),
            kind: FindingKind::OrdinalConflict,
            severity: Severity::Contradiction,
            message: String::new(),
            claims: Vec::new(),
            facts: Vec::new(),
            resolution: None,
            sides,
        };
        let thefts = finding(vec![
            side(&doc, "ثاني", "a.txt#1", "ordinal 2"),
            side(&other, "ثالث سرقة", "b.txt#1", "ordinal 3"),
        ]);
        let closures = finding(vec![
            side(&doc, "للمرة الثانية", "a.txt#2", "ordinal 2"),
            side(&other, "ثالث إغلاق", "b.txt#2", "ordinal 3"),
        ]);
        let differing_sides = |a: &Finding, b: &Finding| {
            let (in_a, in_b) = (sides_at(a), sides_at(b));
            differing_sides_at((a, &in_a), (b, &in_b)).map(|(x, y)| (x.len(), y.len()))
        };
        assert!(differing_sides(&thefts, &closures).is_none());
        let restated = finding(vec![
            side(&doc, "ثاني", "a.txt#1", "ordinal 2"),
            side(&other, "ثالث إغلاق", "b.txt#2", "ordinal 3"),
        ]);
        let own = differing_sides(&thefts, &restated).expect("one side in common");
        assert_eq!(own, (1, 1));
    }

    #[test]
    fn one_disagreement_in_n_copies_is_one_finding_citing_all_n() {
        let text = "قالت الوزارة إن 40 شخصا أصيبوا. ولم يتأكد عدد المصابين.";
        let copies: Vec<Document> = (0..5)
            .map(|n| {
                let id = format!("{n:02}.txt");
                isnad_parser::parse_document(&id, text.as_bytes(), &Default::default())
                    .unwrap()
                    .0
            })
            .collect();
        // What a rule says of each copy: its headline against its body, the copy named in the
        // message and, as its outlet, in the sources.
        let of_copy = |doc: &Document, value: &str| {
            let mut a = side(doc, "40 شخصا", &format!("{}#1", doc.id), "stated");
            let mut b = side(doc, "عدد المصابين", &format!("{}#2", doc.id), value);
            a.attribution = vec![doc.id.clone()];
            b.attribution = vec![doc.id.clone()];
            Finding {
                id: String::new(),
                kind: FindingKind::Internal,
                severity: Severity::Tension,
                message: format!("{}: the headline states it, the body calls it {value}", doc.id),
                claims: Vec::new(),
                facts: Vec::new(),
                resolution: None,
                sides: vec![a, b],
            }
        };
        let mut findings: Vec<Finding> = copies.iter().map(|d| of_copy(d, "unconfirmed")).collect();
        // Another reading of the same words is another finding.
        findings.push(of_copy(&copies[0], "negated"));
        let merged = one_finding_across_copies(findings, &by_id(&copies));
        assert_eq!(merged.len(), 2, "{merged:#?}");
        assert_eq!(merged[0].sides.len(), 2 * copies.len());
        assert_eq!(merged[0].claims.len(), 2 * copies.len());
        assert_eq!(
            merged[0].message,
            "00.txt, 01.txt, 02.txt, 03.txt, 04.txt: the headline states it, the body calls it unconfirmed"
        );
        assert_eq!(merged[1].sides.len(), 2);
    }

    #[test]
    fn a_finding_cites_the_claims_and_facts_of_its_sides_once() {
        let text = "قالت الوزارة إن 40 شخصا أصيبوا.";
        let (doc, _) = isnad_parser::parse_document("a.txt", text.as_bytes(), &Default::default()).unwrap();
        let mut a = side(&doc, "40 شخصا", "a.txt#1", "40");
        a.claims = vec!["a.txt#1".into(), "a.txt#2".into()];
        a.fact = Some("a.txt#f1".into());
        a.facts = vec!["a.txt#f1".into()];
        let mut finding = Finding {
            id: String::new(),
            kind: FindingKind::CountMismatch,
            severity: Severity::Contradiction,
            message: String::new(),
            claims: Vec::new(),
            facts: Vec::new(),
            resolution: None,
            sides: vec![
                a.clone(),
                Side {
                    value: Some("41".into()),
                    ..a
                },
            ],
        };
        cite_sides(&mut finding);
        assert_eq!(finding.claims, ["a.txt#1", "a.txt#2"]);
        assert_eq!(finding.facts, ["a.txt#f1"]);
    }
}

mod copies;
use copies::one_finding_across_copies;
