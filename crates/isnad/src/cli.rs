//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// isnad: a claim-consistency checker for Arabic news.
#[derive(Debug, Parser)]
#[command(name = "isnad", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show each document's structure: metadata, publication date, blocks, sentences.
    Parse {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
        format: ParseFormat,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// List the temporal, numeric, ordinal and quantity mentions of the story text.
    Mentions {
        #[command(flatten)]
        input: InputArgs,
        /// Read this string instead of files (doc is `-`, spans index the string).
        #[arg(long, conflicts_with = "paths")]
        text: Option<String>,
        /// How to resolve bare weekdays and months; by default the sentence's tense decides.
        #[arg(long, value_enum)]
        lean: Option<LeanArg>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = LinesFormat::Jsonl)]
        format: LinesFormat,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// List the claims (events with roles, time, count, attribution, modality) and entities.
    Claims {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = LinesFormat::Json)]
        format: LinesFormat,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// List the facts: every figure with what it measures, what it is about, as of when, who says so.
    Facts {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = LinesFormat::Json)]
        format: LinesFormat,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Check a story: find where its articles contradict each other, and explain look-alikes.
    Check {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Exit with 1 when a finding of this severity (or worse) is found.
        #[arg(long, value_enum, default_value_t = FailOn::Contradiction)]
        fail_on: FailOn,
        /// Print only the summary line (text format).
        #[arg(long, short)]
        quiet: bool,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Export the story's knowledge graph.
    Graph {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
        #[command(flatten)]
        output: OutputArgs,
    },
}

/// Where the articles come from and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or directories (read recursively, in sorted order); `-` reads standard input.
    pub paths: Vec<PathBuf>,
    /// Publication date for documents that state none (and the reference for `--text`).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub reference_date: Option<chrono::NaiveDate>,
    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Read a file with invalid UTF-8 anyway, the bad bytes as U+FFFD (with a warning), instead
    /// of refusing it.
    #[arg(long)]
    pub lossy: bool,
    /// Extra gazetteer file(s) (TOML) with people, places and organizations.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
}

/// Where output goes.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `parse` output formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ParseFormat {
    /// Human-readable outline.
    Text,
    /// JSON array of documents.
    Json,
}

/// Formats of list-like output.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LinesFormat {
    /// One JSON object per line.
    Jsonl,
    /// One JSON document.
    Json,
}

/// `check` output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Terminal report.
    Text,
    /// The `isnad.report/1` JSON envelope.
    Json,
    /// A self-contained HTML page.
    Html,
}

/// `graph` output formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT.
    Dot,
    /// JSON nodes and edges.
    Json,
}

/// The severity that makes `check` exit with 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Contradictions only.
    Contradiction,
    /// Contradictions and tensions.
    Tension,
    /// Never (exit 0 unless an input could not be read).
    Never,
}

/// `--lean` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LeanArg {
    /// The most recent one on or before the reference date.
    Past,
    /// The next one after the reference date.
    Future,
}
