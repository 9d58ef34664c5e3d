//! The folded text of each sentence, shared between the passes of one [`crate::analyze`] call.
//!
//! The entity and claim passes both read every sentence as `Fold::Key` normalized text. Their
//! public entry points take only the document, so `analyze` opens a [`Scope`] on its thread: the
//! entity pass leaves each sentence's normalized text in it and the claim pass takes it instead of
//! folding the sentence again. The mention pass leaves each sentence's tokens the same way for the
//! claim pass. Outside a scope nothing is kept and every pass folds for itself.

use isnad_parser::{Normalized, Span, Tokens};
use std::cell::RefCell;

/// The normalized sentences of the document being analyzed on this thread.
struct Shared {
    /// Address and length of the document's source: texts of another source are never served.
    source: (usize, usize),
    /// Sentence spans and their normalized text, in text order.
    sentences: Kept<Normalized>,
    /// Sentence spans and their tokens, in text order.
    tokens: Kept<Tokens>,
}

/// Values kept per sentence span, in text order.
struct Kept<T> {
    items: Vec<(Span, Option<T>)>,
    /// Where the last lookup was: the claim pass asks in text order.
    cursor: usize,
}

impl<T> Kept<T> {
    fn new() -> Kept<T> {
        Kept {
            items: Vec::new(),
            cursor: 0,
        }
    }

    fn offer(&mut self, span: Span, value: T) {
        if self.items.last().is_none_or(|(last, _)| last.start < span.start) {
            self.items.push((span, Some(value)));
        }
    }

    fn take(&mut self, span: Span) -> Option<T> {
        let at = match self.items.get(self.cursor) {
            Some((s, _)) if *s == span => self.cursor,
            _ => {
                let i = self.items.partition_point(|(s, _)| s.start < span.start);
                (self.items.get(i)?.0 == span).then_some(i)?
            }
        };
        self.cursor = at + 1;
        self.items[at].1.take()
    }
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
                sentences: Kept::new(),
                tokens: Kept::new(),
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
    with_shared(source, |shared| shared.sentences.offer(span, normalized.clone()));
}

/// Takes the kept `Normalized::of(source, span, Fold::Key)`, if a pass left it.
pub(crate) fn take(source: &str, span: Span) -> Option<Normalized> {
    with_shared(source, |shared| shared.sentences.take(span)).flatten()
}

/// Keeps `Tokens::of(source, span)` for a later pass, inside a scope.
pub(crate) fn offer_tokens(source: &str, span: Span, tokens: Tokens) {
    with_shared(source, |shared| shared.tokens.offer(span, tokens));
}

/// Takes the kept `Tokens::of(source, span)`, if a pass left it.
pub(crate) fn take_tokens(source: &str, span: Span) -> Option<Tokens> {
    with_shared(source, |shared| shared.tokens.take(span)).flatten()
}

/// Runs `f` on the scope of this thread when it is open for `source`.
fn with_shared<R>(source: &str, f: impl FnOnce(&mut Shared) -> R) -> Option<R> {
    SHARED.with(|s| {
        let mut guard = s.borrow_mut();
        let shared = guard.as_mut().filter(|sh| sh.source == identity(source))?;
        Some(f(shared))
    })
}
