//! Reading the figures of one sentence: each number, amount or duration with the attribute the
//! words around it give, its clause, its time, and how it relates to the other figures of the
//! sentence (parts of a whole, an explicit total, the other side of "مقابل").

mod attribute;
mod context;
mod nouns;
mod relations;
mod sentence;
mod time;
mod value;
use crate::lexical::words;

pub(crate) use sentence::SentenceFacts;
pub use value::is_currency;
pub(crate) use words::preposition_led;
