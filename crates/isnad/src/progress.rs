//! Progress on standard error for long runs (many documents or many bytes), never for short
//! ones and never when standard error is not a terminal: a pipe, a log file or CI gets only the
//! report and the messages.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use isnad_parser::Document;
use std::io::IsTerminal;
use std::time::Duration;

/// Fewer documents than this finish too fast for a bar to help…
const MIN_DOCUMENTS: usize = 300;
/// …unless they hold this many bytes (one long article takes as long as many short ones).
const MIN_BYTES: u64 = 8 * 1024 * 1024;
/// How often a bar redraws itself while a long document is read (it moves only between documents).
const TICK: Duration = Duration::from_millis(120);

/// True when a run over `documents` is long enough for progress to be shown, and standard error
/// is a terminal to show it on.
fn shown(documents: &[Document]) -> bool {
    is_long(documents) && std::io::stderr().is_terminal()
}

/// True when a run over `documents` is long enough for progress to help.
fn is_long(documents: &[Document]) -> bool {
    documents.len() >= MIN_DOCUMENTS || total_bytes(documents) >= MIN_BYTES
}

fn total_bytes(documents: &[Document]) -> u64 {
    documents.iter().map(|d| d.bytes as u64).sum()
}

/// A bar over the bytes of `documents`, labelled `doing` ("analyzing"): advance it with
/// [`ProgressBar::inc`] by each document's bytes. Hidden for short runs and off a terminal.
pub fn bar(documents: &[Document], doing: &str) -> ProgressBar {
    if !shown(documents) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total_bytes(documents)), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{spinner} {prefix} [{wide_bar}] {binary_bytes}/{binary_total_bytes} {elapsed}, about {eta} left",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ");
    bar.set_style(style);
    bar.set_prefix(format!("{doing} {} documents", documents.len()));
    bar.enable_steady_tick(TICK);
    bar
}

/// A spinner saying `doing` ("checking the story") for a stage that has no steps to count,
/// after a long run over `documents`. Hidden for short runs and off a terminal.
pub fn spinner(documents: &[Document], doing: &str) -> ProgressBar {
    if !shown(documents) {
        return ProgressBar::hidden();
    }
    let spinner = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{spinner} {msg} {elapsed}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    spinner.set_style(style);
    spinner.set_message(doing.to_string());
    spinner.enable_steady_tick(TICK);
    spinner
}

#[cfg(test)]
mod tests {
    use super::{MIN_BYTES, MIN_DOCUMENTS, is_long};
    use isnad_parser::Document;

    /// `count` documents said to be `bytes_each` bytes long (the text itself is short).
    fn documents(count: usize, bytes_each: usize) -> Vec<Document> {
        let (document, _) = isnad_parser::parse_document("a.txt", "نص قصير.".as_bytes(), &Default::default())
            .expect("parses");
        let document = Document {
            bytes: bytes_each,
            ..document
        };
        vec![document; count]
    }

    #[test]
    fn long_runs_are_many_documents_or_many_bytes() {
        assert!(!is_long(&documents(3, 100)));
        assert!(!is_long(&documents(MIN_DOCUMENTS - 1, 100)));
        assert!(is_long(&documents(MIN_DOCUMENTS, 100)));
        assert!(is_long(&documents(1, MIN_BYTES as usize)));
    }
}
