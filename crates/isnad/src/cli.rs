//! Command-line arguments.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

/// Exit codes of `check`, shown under its help.
const CHECK_EXIT_CODES: &str = "Exit codes:
  0  no finding reached --fail-on (default: contradiction)
  1  a finding reached --fail-on
  2  an input could not be read (the others are still reported), a --gazetteer or --output file
     could not be used, or the usage is wrong";

/// Exit codes of the commands that only list what they read, shown under their help.
const LIST_EXIT_CODES: &str = "Exit codes:
  0  every input was read
  2  an input could not be read (the others are still listed), a --gazetteer or --output file
     could not be used, or the usage is wrong";

/// Exit codes of every command, shown under the top-level help.
const EXIT_CODES: &str = "Exit codes:
  0  done; for `check`, no finding reached --fail-on
  1  `check` only: a finding reached --fail-on
  2  an input could not be read (the others are still reported), or the usage is wrong";

/// isnad: a claim-consistency checker for Arabic news.
#[derive(Debug, Parser)]
#[command(name = "isnad", version, about, long_about = None, after_help = EXIT_CODES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show each document's structure: metadata, publication date, blocks, sentences.
    #[command(after_help = LIST_EXIT_CODES)]
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
    // Paths are required unless `--text` gives the text itself.
    #[command(
        after_help = LIST_EXIT_CODES,
        override_usage = "isnad mentions [OPTIONS] <PATHS>...\n       isnad mentions [OPTIONS] --text <TEXT>",
        mut_arg("paths", |paths| paths.required(false).required_unless_present("text"))
    )]
    Mentions {
        #[command(flatten)]
        input: InputArgs,
        /// Read this string instead of files (doc is `-`, spans index the string); relative
        /// dates in it are read from `--reference-date`.
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
    #[command(after_help = LIST_EXIT_CODES)]
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
    #[command(after_help = LIST_EXIT_CODES)]
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
    #[command(after_help = CHECK_EXIT_CODES)]
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
    /// Export the story's knowledge graph: events, entities and sources with their relations.
    #[command(after_help = LIST_EXIT_CODES)]
    Graph {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
        /// Every claim a node (the claim level, large) instead of claims folded into their events,
        /// in either format.
        #[arg(long)]
        claims: bool,
        #[command(flatten)]
        output: OutputArgs,
    },
}

/// Parses `args` (the program's name first). A usage error carries the usage line of the
/// subcommand it is about, as it is without any options (clap would otherwise show an option
/// it suggests for a mistyped one, or one with a default, as if it were required), and errors
/// clap gives without a usage line (an invalid value) get one.
pub fn parse_from(args: impl IntoIterator<Item = OsString>) -> Result<Cli, clap::Error> {
    let args: Vec<OsString> = args.into_iter().collect();
    let mut command = plain_usages(Cli::command());
    let error = match command
        .try_get_matches_from_mut(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => return Ok(cli),
        Err(error) => error,
    };
    Err(with_usage(error, &mut command, &args))
}

/// `command` with each subcommand's usage fixed to the one clap writes when no option is given
/// (a usage written by hand is kept).
fn plain_usages(mut command: clap::Command) -> clap::Command {
    command.build();
    for sub in command.get_subcommands_mut() {
        if sub.get_overridden_usage().is_some() {
            continue;
        }
        let usage = sub.render_usage().to_string();
        let usage = usage
            .strip_prefix("Usage: ")
            .unwrap_or(&usage)
            .trim_end()
            .to_string();
        *sub = std::mem::take(sub).override_usage(usage);
    }
    command
}

/// `error` with the usage line of the subcommand named in `args`, when it is a usage error
/// without one.
fn with_usage(mut error: clap::Error, command: &mut clap::Command, args: &[OsString]) -> clap::Error {
    let shows_help = matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shows_help || error.get(ContextKind::Usage).is_some() {
        return error;
    }
    // The top-level command takes no option with a value, so its first word that is not an
    // option names the subcommand.
    let named = args
        .iter()
        .skip(1)
        .filter_map(|arg| arg.to_str())
        .find(|arg| !arg.starts_with('-'))
        .map(str::to_string);
    let usage = match named.and_then(|name| command.find_subcommand_mut(name)) {
        Some(sub) => sub.render_usage(),
        None => command.render_usage(),
    };
    error.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
    error
}

/// Where the articles come from and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or directories (read recursively, in sorted order); `-` reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Publication date for documents that state none.
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
    /// The `isnad.graph/1` JSON: nodes and edges referring to each other by id.
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
