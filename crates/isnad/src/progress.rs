//! A progress bar on standard error for large batches.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Batches smaller than this finish too fast for a bar to help.
const MIN_FILES_FOR_BAR: usize = 300;

/// A bar for `total` documents: hidden for small batches and when stderr is not a terminal.
pub fn bar(total: usize) -> ProgressBar {
    if total < MIN_FILES_FOR_BAR || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{spinner} checking {pos}/{len} documents [{bar:40}] {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}
