//! One function per subcommand.

use crate::cli::{
    CheckFormat, Cli, Command, FailOn, GraphFormat, InputArgs, LeanArg, LinesFormat, OutputArgs, ParseFormat,
};
use crate::pipeline::{self, Story};
use isnad_claims::mentions::{Lean, Mention, MentionContext};
use isnad_graph::Severity;
use isnad_parser::{BlockKind, Document, Span};
use isnad_report::Report;
use miette::{Context, IntoDiagnostic};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> miette::Result<ExitCode> {
    match cli.command {
        Command::Parse {
            input,
            format,
            output,
        } => parse(&input, format, &output),
        Command::Mentions {
            input,
            text,
            lean,
            format,
            output,
        } => mentions(&input, text, lean, format, &output),
        Command::Claims {
            input,
            format,
            output,
        } => claims(&input, format, &output),
        Command::Facts {
            input,
            format,
            output,
        } => facts(&input, format, &output),
        Command::Check {
            input,
            format,
            fail_on,
            quiet,
            output,
        } => check(&input, format, fail_on, quiet, &output),
        Command::Graph {
            input,
            format,
            claims,
            output,
        } => graph(&input, format, claims, &output),
    }
}

/// Reads the inputs and prints their errors; exit code 2 is decided by the caller.
fn read(input: &InputArgs) -> miette::Result<Story> {
    let options = isnad_parser::ParseOptions {
        max_bytes: input.max_bytes,
        fallback_date: input.reference_date,
        lossy: input.lossy,
    };
    let story = pipeline::read(&input.paths, &options);
    crate::errors::report(&story.errors);
    crate::errors::skipped(&story.skipped);
    crate::errors::notes(&story.notes);
    if story.documents.is_empty() && story.errors.is_empty() {
        miette::bail!(
            "no articles found in {}",
            input
                .paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    crate::errors::warn(&story.documents, &story.diagnostics);
    Ok(story)
}

fn exit_for(story: &Story, failed: bool) -> ExitCode {
    if !story.errors.is_empty() {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes finished output to the output file or standard output.
fn write_output(output: &OutputArgs, text: &str) -> miette::Result<()> {
    stream_output(output, |out| out.write_all(text.as_bytes()))
}

/// Writes output made as it is written (a JSON or HTML report too large to hold twice in memory)
/// to the output file or standard output.
fn stream_output(
    output: &OutputArgs,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> miette::Result<()> {
    match &output.output {
        Some(path) => {
            let written = std::fs::File::create(path).and_then(|file| {
                let mut writer = std::io::BufWriter::new(file);
                write(&mut writer)?;
                writer.flush()
            });
            written
                .into_diagnostic()
                .wrap_err_with(|| format!("cannot write {}", path.display()))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`isnad … | head`) is not an error worth reporting.
            let _ = write(&mut stdout);
            let _ = stdout.flush();
            Ok(())
        }
    }
}

fn lean(arg: Option<LeanArg>) -> Lean {
    match arg {
        None => Lean::Tense,
        Some(LeanArg::Past) => Lean::Past,
        Some(LeanArg::Future) => Lean::Future,
    }
}

fn parse(input: &InputArgs, format: ParseFormat, output: &OutputArgs) -> miette::Result<ExitCode> {
    let story = read(input)?;
    let text = match format {
        ParseFormat::Json => {
            let documents: Vec<ParsedDocument> = story.documents.iter().map(ParsedDocument::of).collect();
            let errors: Vec<_> = story
                .errors
                .iter()
                .map(|e| ErrorLine {
                    path: &e.id,
                    message: e.kind.to_string(),
                })
                .collect();
            let body =
                serde_json::json!({ "schema": "isnad.parse/1", "documents": documents, "errors": errors });
            format!("{}\n", serde_json::to_string_pretty(&body).into_diagnostic()?)
        }
        ParseFormat::Text => story.documents.iter().map(outline).collect::<Vec<_>>().join("\n"),
    };
    write_output(output, &text)?;
    Ok(exit_for(&story, false))
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    path: &'a str,
    message: String,
}

/// A document as `isnad parse --format json` prints it: structure with texts next to spans.
#[derive(Serialize)]
struct ParsedDocument<'a> {
    id: &'a str,
    bytes: usize,
    decoded_from: Option<&'a str>,
    title: Option<&'a str>,
    title_span: Option<Span>,
    published: Option<String>,
    published_from: Option<isnad_parser::DateSource>,
    published_span: Option<Span>,
    outlet: Option<&'a str>,
    byline: Option<&'a str>,
    url: Option<&'a str>,
    blocks: Vec<ParsedBlock<'a>>,
    sentences: Vec<ParsedSentence<'a>>,
}

#[derive(Serialize)]
struct ParsedBlock<'a> {
    span: Span,
    #[serde(flatten)]
    kind: &'a BlockKind,
    text: &'a str,
}

#[derive(Serialize)]
struct ParsedSentence<'a> {
    span: Span,
    block: usize,
    in_headline: bool,
    text: &'a str,
}

impl<'a> ParsedDocument<'a> {
    fn of(document: &'a Document) -> ParsedDocument<'a> {
        let meta = &document.meta;
        ParsedDocument {
            id: &document.id,
            bytes: document.bytes,
            decoded_from: document.decoded_from.as_deref(),
            title: meta.title.as_deref(),
            title_span: meta.title_span,
            published: meta.published.map(|d| d.format("%Y-%m-%d").to_string()),
            published_from: meta.published_from,
            published_span: meta.published_span,
            outlet: meta.outlet.as_deref(),
            byline: meta.byline.as_deref(),
            url: meta.url.as_deref(),
            blocks: document
                .blocks
                .iter()
                .map(|b| ParsedBlock {
                    span: b.span,
                    kind: &b.kind,
                    text: document.text(b.span),
                })
                .collect(),
            sentences: document
                .sentences
                .iter()
                .map(|s| ParsedSentence {
                    span: s.span,
                    block: s.block,
                    in_headline: s.in_headline,
                    text: document.text(s.span),
                })
                .collect(),
        }
    }
}

fn outline(document: &Document) -> String {
    let meta = &document.meta;
    // Names and titles with their bidi controls written out and Arabic isolated from the labels.
    let shown = isnad_report::isolate;
    let mut out = format!("{} ({} bytes)\n", shown(&document.id), document.bytes);
    if let Some(title) = &meta.title {
        out += &format!("  title: {}\n", shown(title));
    }
    match (meta.published, meta.published_from) {
        (Some(date), Some(from)) => out += &format!("  published: {date} (from {})\n", serde_plain(&from)),
        _ => out += "  published: unknown\n",
    }
    if let Some(outlet) = &meta.outlet {
        out += &format!("  outlet: {}\n", shown(outlet));
    }
    if let Some(byline) = &meta.byline {
        out += &format!("  byline: {}\n", shown(byline));
    }
    for block in &document.blocks {
        let (line, _) = document.line_col(block.span.start);
        let kind = match &block.kind {
            BlockKind::Boilerplate { reason } => format!("boilerplate ({})", serde_plain(reason)),
            other => serde_plain(other),
        };
        let preview: String = document.text(block.span).chars().take(60).collect();
        let preview = isnad_report::escape_bidi(&preview);
        out += &format!("  {line:>4} {kind:<28} {preview}\n");
    }
    out += &format!("  {} sentences\n", document.sentences.len());
    out
}

/// A unit-like enum's serde name (`"dateline"`, `"read_also"`), for text output.
fn serde_plain<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Object(map)) => map
            .get("kind")
            .and_then(|v| v.as_str())
            .unwrap_or("?")
            .to_string(),
        _ => "?".to_string(),
    }
}

#[derive(Serialize)]
struct MentionLine<'a> {
    doc: &'a str,
    #[serde(flatten)]
    mention: &'a Mention,
}

fn mentions(
    input: &InputArgs,
    text: Option<String>,
    lean_arg: Option<LeanArg>,
    format: LinesFormat,
    output: &OutputArgs,
) -> miette::Result<ExitCode> {
    let lean = lean(lean_arg);
    let (lines, code) = match text {
        Some(text) => {
            let context = MentionContext {
                reference: input.reference_date,
                lean,
            };
            let found = isnad_claims::mentions::extract_mentions(&text, Span::new(0, text.len()), &context);
            (
                render_lines(found.iter().map(|m| MentionLine { doc: "-", mention: m }), format)?,
                ExitCode::SUCCESS,
            )
        }
        None => {
            let story = read(input)?;
            let progress = crate::progress::bar(&story.documents, "reading mentions of");
            let per_doc: Vec<(String, Vec<Mention>)> = {
                use rayon::prelude::*;
                story
                    .documents
                    .par_iter()
                    .map(|d| {
                        let found = isnad_claims::mentions::document_mentions(d, lean);
                        progress.inc(d.bytes as u64);
                        (d.id.clone(), found)
                    })
                    .collect()
            };
            progress.finish_and_clear();
            let all = per_doc
                .iter()
                .flat_map(|(doc, found)| found.iter().map(move |m| MentionLine { doc, mention: m }));
            (render_lines(all, format)?, exit_for(&story, false))
        }
    };
    write_output(output, &lines)?;
    Ok(code)
}

fn render_lines<T: Serialize>(items: impl Iterator<Item = T>, format: LinesFormat) -> miette::Result<String> {
    let mut out = String::new();
    match format {
        LinesFormat::Jsonl => {
            for item in items {
                out += &serde_json::to_string(&item).into_diagnostic()?;
                out.push('\n');
            }
        }
        LinesFormat::Json => {
            let all: Vec<T> = items.collect();
            out = serde_json::to_string_pretty(&all).into_diagnostic()? + "\n";
        }
    }
    Ok(out)
}

fn claims(input: &InputArgs, format: LinesFormat, output: &OutputArgs) -> miette::Result<ExitCode> {
    let story = read(input)?;
    let gazetteer = pipeline::gazetteer(&input.gazetteer)?;
    let analyses = pipeline::analyze(&story, &gazetteer, Lean::Tense);
    let unchecked = isnad_graph::StoryCheck::default();
    let report = Report::build(&story.documents, &analyses, &unchecked, &story.errors);
    let text = match format {
        LinesFormat::Jsonl => render_lines(report.claims.iter(), format)?,
        LinesFormat::Json => {
            let body = serde_json::json!({
                "schema": "isnad.claims/1",
                "claims": report.claims,
                "statements": report.statements,
                "entities": report.entities,
                "errors": report.errors,
            });
            format!("{}\n", serde_json::to_string_pretty(&body).into_diagnostic()?)
        }
    };
    write_output(output, &text)?;
    Ok(exit_for(&story, false))
}

fn facts(input: &InputArgs, format: LinesFormat, output: &OutputArgs) -> miette::Result<ExitCode> {
    let story = read(input)?;
    let gazetteer = pipeline::gazetteer(&input.gazetteer)?;
    let analyses = pipeline::analyze(&story, &gazetteer, Lean::Tense);
    let unchecked = isnad_graph::StoryCheck::default();
    let report = Report::build(&story.documents, &analyses, &unchecked, &story.errors);
    let text = match format {
        LinesFormat::Jsonl => render_lines(report.facts.iter(), format)?,
        LinesFormat::Json => {
            let body = serde_json::json!({
                "schema": "isnad.facts/1",
                "facts": report.facts,
                "errors": report.errors,
            });
            format!("{}\n", serde_json::to_string_pretty(&body).into_diagnostic()?)
        }
    };
    write_output(output, &text)?;
    Ok(exit_for(&story, false))
}

fn check(
    input: &InputArgs,
    format: CheckFormat,
    fail_on: FailOn,
    quiet: bool,
    output: &OutputArgs,
) -> miette::Result<ExitCode> {
    let story = read(input)?;
    let gazetteer = pipeline::gazetteer(&input.gazetteer)?;
    let analyses = pipeline::analyze(&story, &gazetteer, Lean::Tense);
    let progress = crate::progress::spinner(&story.documents, "checking the story");
    let result = isnad_graph::check_story(&story.documents, &analyses, &gazetteer);
    progress.finish_and_clear();
    let report = Report::build(&story.documents, &analyses, &result, &story.errors);
    match format {
        CheckFormat::Json => stream_output(output, |out| {
            report.write_json(&mut *out)?;
            out.write_all(b"\n")
        })?,
        CheckFormat::Text => write_output(
            output,
            &crate::render::text(&report, &story.documents, quiet, output.output.is_none()),
        )?,
        CheckFormat::Html => {
            stream_output(output, |out| crate::render::html(&report, &story.documents, out))?
        }
    }
    let threshold = match fail_on {
        FailOn::Contradiction => Some(Severity::Contradiction),
        FailOn::Tension => Some(Severity::Tension),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|t| report.findings.iter().any(|f| f.severity <= t));
    Ok(exit_for(&story, failed))
}

fn graph(
    input: &InputArgs,
    format: GraphFormat,
    claims: bool,
    output: &OutputArgs,
) -> miette::Result<ExitCode> {
    let story = read(input)?;
    let gazetteer = pipeline::gazetteer(&input.gazetteer)?;
    let analyses = pipeline::analyze(&story, &gazetteer, Lean::Tense);
    let progress = crate::progress::spinner(&story.documents, "checking the story");
    let result = isnad_graph::check_story(&story.documents, &analyses, &gazetteer);
    progress.finish_and_clear();
    let graph = result.graph(&story.documents, &analyses);
    let graph = if claims { graph } else { graph.story_level() };
    let text = match format {
        GraphFormat::Dot => crate::render::dot(&graph),
        GraphFormat::Json => crate::render::graph_json(&graph)?,
    };
    write_output(output, &text)?;
    Ok(exit_for(&story, false))
}
