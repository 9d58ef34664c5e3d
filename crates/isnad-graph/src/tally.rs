//! Counts of the work a check does, kept only in the crate's own tests (rust-analyzer's
//! `cov_mark` idea): a story of n copies must cost what its distinct readings cost, never n², and
//! a test can count that where a timing could only guess. Outside tests a tally is nothing.

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Work {
    /// A pair of claims of one event a rule looked at (dates, places, doers).
    EventRulePair,
    /// A cluster of claims a claim was tried against when merging events.
    MergeCandidate,
    /// A pair of conflicting facts weighed for a disagreement.
    DisagreementPair,
    /// A statement listed as answered by a denial of open content.
    AnsweredStatement,
    /// A pair of statement words read for a common root.
    RootsCompared,
}

#[cfg(test)]
thread_local! {
    static COUNTS: std::cell::RefCell<std::collections::BTreeMap<Work, usize>> =
        const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

/// Counts `n` units of `work` on this thread (in tests only).
#[inline]
pub(crate) fn tally(work: Work, n: usize) {
    #[cfg(test)]
    COUNTS.with(|counts| *counts.borrow_mut().entry(work).or_default() += n);
    #[cfg(not(test))]
    let _ = (work, n);
}

/// The counts of this thread, cleared.
#[cfg(test)]
pub(crate) fn take() -> std::collections::BTreeMap<Work, usize> {
    COUNTS.with(|counts| std::mem::take(&mut *counts.borrow_mut()))
}
