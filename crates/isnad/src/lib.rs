//! The `isnad` command as a library: argument parsing, the pipeline over inputs, and output.
//! `main.rs` only calls [`run`]; benchmarks and tests use [`pipeline`] directly.

mod cli;
mod commands;
mod errors;
pub mod pipeline;
mod progress;
mod render;

pub use cli::{Cli, parse_from as parse_args};
pub use commands::run;
