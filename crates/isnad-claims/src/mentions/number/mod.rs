//! Finder for number mentions (stub until implemented).

use super::{Mention, MentionContext};
use isnad_parser::Span;

/// Finds number mentions in `source[span]`.
pub(crate) fn find(_source: &str, _span: Span, _context: &MentionContext) -> Vec<Mention> {
    Vec::new()
}
