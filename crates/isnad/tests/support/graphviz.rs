//! Drawing DOT with Graphviz in tests, where it is installed.

use std::io::Write;
use std::process::{Command, Stdio};

/// The SVG Graphviz's `dot` draws of `dot`, or `None` when `dot` is not installed (the caller
/// says what it could not check). A drawing Graphviz rejects fails the test.
pub fn svg(dot: &str) -> Option<String> {
    let mut graphviz = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    graphviz
        .stdin
        .take()
        .expect("piped")
        .write_all(dot.as_bytes())
        .expect("graphviz reads the DOT");
    let result = graphviz.wait_with_output().expect("graphviz finishes");
    assert!(
        result.status.success(),
        "graphviz rejected the DOT: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    Some(String::from_utf8_lossy(&result.stdout).into_owned())
}
