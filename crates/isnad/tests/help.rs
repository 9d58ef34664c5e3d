//! What `--help` and usage errors say: only options a subcommand has, exit codes, and a usage
//! line after every usage error that shows no option as required.

use std::process::{Command, Output};

const SUBCOMMANDS: [&str; 6] = ["parse", "mentions", "claims", "facts", "check", "graph"];

fn isnad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .output()
        .expect("isnad runs")
}

/// The help of `subcommand` (`--help`, the long form), checked to exit with 0.
fn help(subcommand: &str) -> String {
    let output = isnad(&[subcommand, "--help"]);
    assert_eq!(output.status.code(), Some(0), "{subcommand} --help");
    String::from_utf8(output.stdout).expect("utf-8 help")
}

/// The long options a help text names anywhere (`--format`, `--text`, …).
fn named_options(help: &str) -> Vec<String> {
    let mut named: Vec<String> = help
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|word| word.starts_with("--") && word.len() > 2)
        .map(str::to_string)
        .collect();
    named.sort();
    named.dedup();
    named
}

/// The long options a help text declares (the lines that start with one, or `-x, --long`).
fn declared_options(help: &str) -> Vec<String> {
    help.lines()
        .map(str::trim_start)
        .filter_map(|line| {
            let line = line
                .strip_prefix('-')
                .filter(|l| l.len() > 2 && l.as_bytes()[1] == b',')
                .map_or(line, |l| l[2..].trim_start());
            line.starts_with("--").then(|| {
                line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                    .next()
                    .unwrap_or_default()
                    .to_string()
            })
        })
        .collect()
}

#[test]
fn help_names_only_options_the_subcommand_has() {
    for subcommand in SUBCOMMANDS {
        let help = help(subcommand);
        let declared = declared_options(&help);
        assert!(
            declared.contains(&"--format".to_string()),
            "{subcommand}: declared {declared:?}"
        );
        for option in named_options(&help) {
            assert!(
                declared.contains(&option),
                "{subcommand} --help names {option}, which it does not have:\n{help}"
            );
        }
    }
}

/// See: issue #18 (`--reference-date` said "(and the reference for `--text`)" everywhere).
#[test]
fn text_is_mentioned_only_by_mentions() {
    for subcommand in SUBCOMMANDS {
        let has_text = help(subcommand).contains("--text");
        assert_eq!(
            has_text,
            subcommand == "mentions",
            "{subcommand} --help and --text"
        );
    }
}

#[test]
fn check_help_lists_its_exit_codes() {
    let help = help("check");
    let codes = help
        .split_once("Exit codes:")
        .map(|(_, codes)| codes)
        .expect("an exit code section");
    for (code, meaning) in [
        ("0", "no finding reached --fail-on"),
        ("1", "a finding reached --fail-on"),
        ("2", "an input could not be read"),
    ] {
        assert!(
            codes
                .lines()
                .any(|line| line.trim_start().starts_with(&format!("{code}  ")) && line.contains(meaning)),
            "exit code {code} ({meaning}) in:\n{codes}"
        );
    }
}

#[test]
fn every_subcommand_and_the_top_level_list_exit_codes() {
    for subcommand in SUBCOMMANDS {
        let help = help(subcommand);
        assert!(
            help.contains("Exit codes:") && help.contains("  2  "),
            "{subcommand}:\n{help}"
        );
        // Only `check` fails on findings.
        assert_eq!(
            help.contains("  1  "),
            subcommand == "check",
            "{subcommand}:\n{help}"
        );
    }
    let top = isnad(&["--help"]);
    assert!(String::from_utf8_lossy(&top.stdout).contains("Exit codes:"));
}

/// The `Usage:` line of a usage error, checked to exit with 2.
fn error_usage(args: &[&str]) -> String {
    let output = isnad(args);
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let usage = stderr
        .lines()
        .find(|line| line.starts_with("Usage: "))
        .unwrap_or_else(|| panic!("{args:?}: no usage line after the error:\n{stderr}"));
    usage.to_string()
}

/// See: issue #18 (a mistyped flag showed `--format <FORMAT>` in the usage as if required).
#[test]
fn usage_after_a_mistyped_option_shows_no_option_as_required() {
    for subcommand in ["check", "graph", "parse", "claims", "facts"] {
        let usage = error_usage(&[subcommand, "--formt", "json", "seeds"]);
        assert_eq!(usage, format!("Usage: isnad {subcommand} [OPTIONS] <PATHS>..."));
    }
    let usage = error_usage(&["check", "--quite", "seeds"]);
    assert_eq!(usage, "Usage: isnad check [OPTIONS] <PATHS>...");
}

#[test]
fn every_usage_error_is_followed_by_the_usage() {
    for args in [
        &["check", "--format", "yaml", "seeds"][..],
        &["check", "--fail-on", "sometimes", "seeds"],
        &["check"],
        &["graph", "--max-bytes", "many", "seeds"],
        &["check", "seeds", "--output"],
    ] {
        let usage = error_usage(args);
        assert!(
            usage.starts_with(&format!("Usage: isnad {} ", args[0])),
            "{args:?}: {usage}"
        );
        assert!(!usage.contains("--"), "{args:?}: {usage}");
    }
    assert!(error_usage(&["frobnicate"]).starts_with("Usage: isnad "));
}

#[test]
fn mentions_needs_paths_or_text() {
    let usage = error_usage(&["mentions"]);
    assert_eq!(usage, "Usage: isnad mentions [OPTIONS] <PATHS>...");
    let output = isnad(&["mentions", "--text", "وصل الوفد يوم الثلاثاء", "--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(0));
}
