//! isnad-parser: turns a scraped Arabic news article into a [`Document`] whose every piece —
//! headline, dateline, body blocks, boilerplate, sentences, tokens — has an exact byte [`Span`]
//! into the original text.
//!
//! ```
//! use isnad_parser::{parse_document, ParseOptions, BlockKind};
//! let text = "بوتين يزور بيونغ يانغ\nوصل الرئيس إلى العاصمة.\n";
//! let (doc, _) = parse_document("story.txt", text.as_bytes(), &ParseOptions::default()).unwrap();
//! assert_eq!(doc.meta.title.as_deref(), Some("بوتين يزور بيونغ يانغ"));
//! assert!(doc.blocks.iter().any(|b| b.kind == BlockKind::Body));
//! let sentence = &doc.sentences[1];
//! assert_eq!(doc.text(sentence.span), "وصل الرئيس إلى العاصمة.");
//! ```

pub mod calendar;
mod diagnostic;
mod document;
mod front_matter;
mod input;
mod normalize;
mod parse;
mod sentence;
mod span;
mod token;

pub use diagnostic::{Diagnostic, Severity};
pub use document::{Block, BlockKind, BoilerplateReason, DateSource, Document, Metadata, Sentence};
pub use input::{load, InputError, InputErrorKind, Loaded, ParseOptions};
pub use normalize::{fold_key, is_ignorable, Fold, Normalized};
pub use parse::parse_document;
pub use span::Span;
pub use token::{is_arabic_letter, tokenize, Segmentation, Token, TokenKind};
