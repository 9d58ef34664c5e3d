//! isnad-parser: turns a scraped Arabic news article into a [`Document`] whose every piece —
//! headline, dateline, body blocks, boilerplate, sentences, tokens — has an exact byte [`Span`]
//! into the original text.
//!
//! ```
//! use isnad_parser::{parse_document, ParseOptions, BlockKind};
//! let text = "الوزيرة تزور الميناء الجديد\nوصلت الوزيرة إلى المدينة صباحاً.\n";
//! let (doc, _) = parse_document("story.txt", text.as_bytes(), &ParseOptions::default()).unwrap();
//! assert_eq!(doc.meta.title.as_deref(), Some("الوزيرة تزور الميناء الجديد"));
//! assert!(doc.blocks.iter().any(|b| b.kind == BlockKind::Body));
//! let sentence = &doc.sentences[1];
//! assert_eq!(doc.text(sentence.span), "وصلت الوزيرة إلى المدينة صباحاً.");
//! ```

mod boilerplate;
pub mod calendar;
mod date_part;
mod dateline;
mod decode;
mod diagnostic;
mod document;
mod frame;
mod front_matter;
mod input;
mod normalize;
mod outlet;
mod parse;
mod sentence;
mod span;
mod token;

pub use diagnostic::{Diagnostic, Severity};
pub use document::{
    Block, BlockKind, BoilerplateReason, DateDisagreement, DateSource, Document, Metadata, Sentence,
};
pub use input::{
    InputError, InputErrorKind, InputNote, InputNoteKind, Loaded, ParseOptions, is_article, load,
};
pub use normalize::{Fold, Normalized, fold_key, fold_spelling_in_place, is_ignorable};
pub use parse::parse_document;
pub use span::Span;
pub use token::{
    Piece, Segmentation, Token, TokenKeys, TokenKind, Tokens, WordKind, WordRun, WordRuns, fold_arabic_pair,
    is_alphanumeric, is_arabic_letter, is_word_char, is_word_mark, tokenize, word_runs,
};
