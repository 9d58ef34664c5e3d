//! The folded text of each sentence, shared between the passes of one [`crate::analyze`] call.
//!
//! The entity and claim passes both read every sentence as `Fold::Key` normalized text. Their
//! public entry points take only the document, so `analyze` opens a [`Scope`] on its thread: the
//! entity pass leaves each sentence's normalized text in it and the claim pass takes it instead of
//! folding the sentence again. Outside a scope nothing is kept and every pass folds for itself.

use isnad_parser::{Normalized, Span};
use std::cell::RefCell;

/// The normalized sentences of the document being analyzed on this thread.
struct Shared {
    /// Address and length of the document's source: texts of another source are never served.
    source: (usize, usize),
    /// Sentence spans and their normalized text, in text order.
    sentences: Vec<(Span, Option<Normalized>)>,
    /// Where the last lookup was: the claim pass asks in text order.
    cursor: usize,
}

thread_local! {
    static SHARED: RefCell<Option<Shared>> = const { RefCell::new(None) };
}

fn identity(source: &str) -> (usize, usize) {
    (source.as_ptr() as usize, source.len())
}

/// Sharing for one document on this thread, until dropped.
pub(crate) struct Scope(());

impl Scope {
    /// Starts sharing the folded sentences of `source`.
    pub(crate) fn begin(source: &str) -> Scope {
        SHARED.with(|s| {
            *s.borrow_mut() = Some(Shared {
                source: identity(source),
                sentences: Vec::new(),
                cursor: 0,
            });
        });
        Scope(())
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        SHARED.with(|s| *s.borrow_mut() = None);
    }
}

/// Keeps a copy of `Normalized::of(source, span, Fold::Key)` for a later pass, inside a scope.
pub(crate) fn offer(source: &str, span: Span, normalized: &Normalized) {
    SHARED.with(|s| {
        if let Some(shared) = s.borrow_mut().as_mut()
            && shared.source == identity(source)
            && shared
                .sentences
                .last()
                .is_none_or(|(last, _)| last.start < span.start)
        {
            shared.sentences.push((span, Some(normalized.clone())));
        }
    });
}

/// Takes the kept `Normalized::of(source, span, Fold::Key)`, if a pass left it.
pub(crate) fn take(source: &str, span: Span) -> Option<Normalized> {
    SHARED.with(|s| {
        let mut guard = s.borrow_mut();
        let shared = guard.as_mut().filter(|sh| sh.source == identity(source))?;
        let at = match shared.sentences.get(shared.cursor) {
            Some((s, _)) if *s == span => shared.cursor,
            _ => {
                let i = shared.sentences.partition_point(|(s, _)| s.start < span.start);
                (shared.sentences.get(i)?.0 == span).then_some(i)?
            }
        };
        shared.cursor = at + 1;
        shared.sentences[at].1.take()
    })
}
