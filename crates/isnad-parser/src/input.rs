//! Reading inputs: files, directories and stdin, with clear errors that name the file.

use crate::{Diagnostic, Document, parse_document};
use std::path::{Path, PathBuf};

/// Options for reading and parsing inputs.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Files larger than this many bytes are refused.
    pub max_bytes: u64,
    /// Publication date to use when a document states none (marked `inferred`).
    pub fallback_date: Option<chrono::NaiveDate>,
}

impl Default for ParseOptions {
    fn default() -> ParseOptions {
        ParseOptions {
            max_bytes: 16 * 1024 * 1024,
            fallback_date: None,
        }
    }
}

/// An input that could not be read or decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {kind}")]
pub struct InputError {
    /// The path as given or found (`-` for stdin).
    pub path: String,
    /// What went wrong.
    pub kind: InputErrorKind,
}

/// What went wrong reading an input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InputErrorKind {
    /// The path could not be opened or read.
    #[error("cannot read: {0}")]
    Unreadable(String),
    /// Not valid UTF-8 and no other encoding could be detected with confidence.
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The file looks binary (NUL bytes or mostly control characters).
    #[error("binary file, not text")]
    Binary,
    /// The file is larger than the configured limit.
    #[error("file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Size of the file.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The front matter is not valid TOML or has a bad value.
    #[error("bad front matter: {0}")]
    FrontMatter(String),
}

/// Everything read from a set of paths: documents in deterministic order, and failures.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Parsed documents with their diagnostics, sorted by id.
    pub documents: Vec<(Document, Vec<Diagnostic>)>,
    /// Inputs that could not be read; every other input is still in `documents`.
    pub errors: Vec<InputError>,
    /// Files found in directories that are not articles by their extension (e.g. `expected.toml`),
    /// not read. Files named on the command line are always read.
    pub skipped: Vec<PathBuf>,
}

/// Extensions of article files read from directories; a file without extension is read too.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

fn is_article(path: &Path) -> bool {
    path.extension()
        .is_none_or(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
}

/// Reads and parses every path: files, directories (recursively, sorted) and `-` for stdin.
pub fn load(paths: &[PathBuf], options: &ParseOptions) -> Loaded {
    let mut loaded = Loaded::default();
    let mut inputs: Vec<(String, Option<PathBuf>)> = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(("-".to_string(), None));
        } else if path.is_dir() {
            let mut files = Vec::new();
            if let Err(err) = walk(path, &mut files) {
                loaded.errors.push(InputError {
                    path: path.display().to_string(),
                    kind: InputErrorKind::Unreadable(err.to_string()),
                });
            }
            files.sort();
            let (articles, others): (Vec<PathBuf>, Vec<PathBuf>) =
                files.into_iter().partition(|f| is_article(f));
            loaded.skipped.extend(others);
            for file in articles {
                let id = file
                    .strip_prefix(path)
                    .unwrap_or(&file)
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                inputs.push((id, Some(file)));
            }
        } else {
            let id = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            inputs.push((id, Some(path.clone())));
        }
    }
    for (id, path) in inputs {
        let shown = path
            .as_ref()
            .map_or_else(|| "-".to_string(), |p| p.display().to_string());
        match read_bytes(path.as_deref(), options.max_bytes) {
            Ok(bytes) => match parse_document(&id, &bytes, options) {
                Ok(parsed) => loaded.documents.push(parsed),
                Err(kind) => loaded.errors.push(InputError { path: shown, kind }),
            },
            Err(kind) => loaded.errors.push(InputError { path: shown, kind }),
        }
    }
    loaded
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().starts_with('.'))
            .unwrap_or(false);
        if name {
            continue; // hidden files and folders (.git, editor swap files) are not articles
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn read_bytes(path: Option<&Path>, limit: u64) -> Result<Vec<u8>, InputErrorKind> {
    use std::io::Read;
    let mut bytes = Vec::new();
    match path {
        None => {
            std::io::stdin()
                .take(limit + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| InputErrorKind::Unreadable(e.to_string()))?;
        }
        Some(path) => {
            let meta = std::fs::metadata(path).map_err(|e| InputErrorKind::Unreadable(e.to_string()))?;
            if meta.len() > limit {
                return Err(InputErrorKind::TooLarge {
                    size: meta.len(),
                    limit,
                });
            }
            let file = std::fs::File::open(path).map_err(|e| InputErrorKind::Unreadable(e.to_string()))?;
            file.take(limit + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| InputErrorKind::Unreadable(e.to_string()))?;
        }
    }
    if bytes.len() as u64 > limit {
        return Err(InputErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}
