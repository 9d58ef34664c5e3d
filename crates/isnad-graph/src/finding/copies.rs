//! Copies of one finding across copies of one text, made one finding.

use super::*;

/// What makes two findings the same finding read in copies of one text: the kind, severity,
/// resolution and message, and the sentences, words, values and sources of their sides, each
/// once and in no order: everything but which copies they are in. A copy's own name (its id in
/// a message about it alone, an outlet known only by the file's name) is left out.
#[derive(PartialEq, Eq, Hash)]
struct CopyKey<'f> {
    kind: FindingKind,
    severity: Severity,
    resolution: Option<&'f str>,
    message: Cow<'f, str>,
    sides: Vec<(&'f str, &'f str, Option<&'f str>, CopySources<'f>)>,
}

/// A side's attribution chain in a [`CopyKey`], its copy's own name (`doc`) read as no name:
/// compared in place, name by name, where writing each side's chain out cost an allocation.
#[derive(Clone, Copy)]
struct CopySources<'f> {
    names: &'f [String],
    doc: &'f str,
}

impl<'f> CopySources<'f> {
    /// Each name, `None` for the copy's own.
    fn names(self) -> impl Iterator<Item = Option<&'f str>> {
        self.names
            .iter()
            .map(move |name| (*name != self.doc).then_some(name.as_str()))
    }
}

impl PartialEq for CopySources<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.names.len() == other.names.len() && self.names().eq(other.names())
    }
}

impl Eq for CopySources<'_> {}

impl std::hash::Hash for CopySources<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_usize(self.names.len());
        for name in self.names() {
            name.hash(state);
        }
    }
}

impl PartialOrd for CopySources<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for CopySources<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.names().cmp(other.names())
    }
}

/// A finding's [`CopyKey`], with its one document when every side is in it.
fn copy_key<'f>(finding: &'f Finding, documents: &ById<'f>) -> Option<(CopyKey<'f>, Option<&'f str>)> {
    let first = finding.sides.first()?.doc.as_str();
    let one_doc = finding.sides.iter().all(|s| s.doc == first).then_some(first);
    let mut sides = Vec::with_capacity(finding.sides.len());
    for side in &finding.sides {
        let document = documents.get(side.doc.as_str())?;
        let sentence = document.source.get(side.sentence.range()).unwrap_or_default();
        let sources = CopySources {
            names: &side.attribution,
            doc: &side.doc,
        };
        sides.push((sentence, side.text.as_str(), side.value.as_deref(), sources));
    }
    sides.sort_unstable();
    sides.dedup();
    let message = match one_doc {
        Some(doc) if finding.message.contains(doc) => Cow::Owned(finding.message.replace(doc, "\u{0}")),
        _ => Cow::Borrowed(finding.message.as_str()),
    };
    let key = CopyKey {
        kind: finding.kind,
        severity: finding.severity,
        resolution: finding.resolution.as_deref(),
        message,
        sides,
    };
    Some((key, one_doc))
}

/// Findings that say the same of copies of one text (an agency text printed n times, each copy
/// giving the same headline against the same body, or the same explained ordinal against the
/// same series) are one finding citing every copy, in the place of the first: one disagreement,
/// however many articles repeat it, so findings grow with disagreements, not with copies. A
/// message about one document names every copy.
pub(super) fn one_finding_across_copies(findings: Vec<Finding>, documents: &ById<'_>) -> Vec<Finding> {
    // Each finding's first finding with its key, and each first finding's documents.
    // Sized at once: growing it would hash each key's sides again.
    let mut first: FxHashMap<CopyKey<'_>, usize> =
        FxHashMap::with_capacity_and_hasher(findings.len(), Default::default());
    let mut into: Vec<Option<usize>> = Vec::with_capacity(findings.len());
    let mut docs_of: FxHashMap<usize, (Vec<&str>, rustc_hash::FxHashSet<&str>)> = FxHashMap::default();
    for (n, finding) in findings.iter().enumerate() {
        let Some((key, doc)) = copy_key(finding, documents) else {
            into.push(None);
            continue;
        };
        let m = *first.entry(key).or_insert(n);
        into.push((m != n).then_some(m));
        if let Some(doc) = doc {
            let (docs, seen) = docs_of.entry(m).or_default();
            if seen.insert(doc) {
                docs.push(doc);
            }
        }
    }
    if into.iter().all(Option::is_none) {
        return findings;
    }
    // A message naming its one document, rewritten to name every copy.
    let messages: Vec<(usize, String)> = docs_of
        .iter()
        .filter(|(_, (docs, _))| docs.len() > 1)
        .map(|(&m, (docs, _))| (m, findings[m].message.replace(docs[0], &docs.join(", "))))
        .collect();
    let mut merged: Vec<Finding> = Vec::with_capacity(findings.len());
    let mut at: FxHashMap<usize, usize> = FxHashMap::default();
    for (n, mut finding) in findings.into_iter().enumerate() {
        match into[n] {
            Some(m) => merged[at[&m]].sides.append(&mut finding.sides),
            None => {
                at.insert(n, merged.len());
                merged.push(finding);
            }
        }
    }
    for (m, message) in messages {
        merged[at[&m]].message = message;
    }
    let mut grown: Vec<usize> = into.into_iter().flatten().map(|m| at[&m]).collect();
    grown.sort_unstable();
    grown.dedup();
    for k in grown {
        let finding = &mut merged[k];
        finding.sides = one_side_per_sentence(std::mem::take(&mut finding.sides), documents);
        cite_sides(finding);
    }
    merged
}
