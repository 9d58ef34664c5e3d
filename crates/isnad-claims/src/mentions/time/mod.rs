//! Finder for time mentions (stub until implemented).

use super::{Mention, MentionContext};
use isnad_parser::Span;

/// Finds time mentions in `source[span]`.
pub(crate) fn find(_source: &str, _span: Span, _context: &MentionContext) -> Vec<Mention> {
    Vec::new()
}
