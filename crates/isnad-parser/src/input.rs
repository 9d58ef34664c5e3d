//! Reading inputs: files, directories and stdin, with clear errors that name the file.
//!
//! Walks end and read each file once: a directory reached a second time (a symbolic link loop, or
//! two links to one folder) is not entered again, and only regular files are opened from a
//! directory (a named pipe would block forever). Documents are named by their path relative to the
//! common folder of all inputs and sorted by that name, so the same files give the same ids and
//! the same order whatever order they were listed in and wherever isnad runs from.

use crate::{Diagnostic, Document, Severity, parse_document};
use std::collections::HashMap;
use std::fs::Metadata;
use std::path::{Path, PathBuf};

/// Options for reading and parsing inputs.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Files larger than this many bytes are refused.
    pub max_bytes: u64,
    /// Publication date to use when a document states none (marked `inferred`).
    pub fallback_date: Option<chrono::NaiveDate>,
    /// Read invalid UTF-8 with U+FFFD in place of the bad bytes (and a warning) instead of refusing
    /// the file. Applied by [`load`]; [`parse_document`] always refuses.
    pub lossy: bool,
}

impl Default for ParseOptions {
    fn default() -> ParseOptions {
        ParseOptions {
            max_bytes: 16 * 1024 * 1024,
            fallback_date: None,
            lossy: false,
        }
    }
}

/// An input that could not be read or decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {kind}")]
pub struct InputError {
    /// The path as given or found (`-` for stdin).
    pub path: String,
    /// The input's name in the report: its document id (the path relative to the common folder of
    /// the inputs), or the path as given when it could not be found.
    pub id: String,
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
    /// Not valid UTF-8, and not a legacy Arabic code page throughout.
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// Starts with a UTF-16 byte-order mark but is not valid UTF-16.
    #[error("invalid UTF-16 at byte {offset}")]
    InvalidUtf16 {
        /// Byte offset of the first invalid code unit.
        offset: usize,
    },
    /// Looks like UTF-16 (NUL bytes every other byte) but has no byte-order mark to say which.
    #[error("looks like UTF-16 without a byte-order mark: save it as UTF-8 (or UTF-16 with a BOM)")]
    Utf16WithoutBom,
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

/// Something about the inputs worth telling the user that is not an error: an input left out on
/// purpose, or a folder with nothing isnad can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputNote {
    /// The path as given or found.
    pub path: String,
    /// What was noticed.
    pub kind: InputNoteKind,
}

impl InputNote {
    /// How serious the note is.
    pub fn severity(&self) -> Severity {
        match self.kind {
            InputNoteKind::NoArabic { .. } => Severity::Warning,
            InputNoteKind::NotRegular(_) | InputNoteKind::AlreadyRead(_) | InputNoteKind::OwnOutput(_) => {
                Severity::Info
            }
        }
    }
}

/// What was noticed about an input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InputNoteKind {
    /// Found in a directory but not a regular file (a named pipe, socket or device): not opened.
    #[error("not read: a {0}, not a regular file")]
    NotRegular(&'static str),
    /// A directory or file reached a second time (a symbolic link loop, two links to one place, or
    /// a path given twice): read once, under the path named here.
    #[error("not read again: already read as {0}")]
    AlreadyRead(String),
    /// One of isnad's own outputs (a report saved into the story folder), named by what it is:
    /// left out, so a report is never checked against the articles it quotes. The caller, who
    /// knows the output formats, recognises them.
    #[error("not read: isnad's own {0}")]
    OwnOutput(&'static str),
    /// None of the documents read from this folder has any Arabic text.
    #[error("no Arabic text in any of its {files} file(s): isnad checks Arabic news")]
    NoArabic {
        /// How many documents the folder gave.
        files: usize,
    },
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
    /// Inputs left out on purpose (special files, a second visit) and folders without Arabic.
    pub notes: Vec<InputNote>,
}

/// Extensions of article files read from directories; a file without extension is read too.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

/// True when a file found in a directory is read as an article, by its extension.
pub fn is_article(path: &Path) -> bool {
    path.extension()
        .is_none_or(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
}

/// Identity of a file or directory on disk, so a second path to it is recognised.
#[cfg(unix)]
type FileKey = (u64, u64);
/// Identity of a file or directory on disk, so a second path to it is recognised.
#[cfg(not(unix))]
type FileKey = PathBuf;

/// The device and inode of `meta` (the canonical path where there are none).
#[cfg(unix)]
fn file_key(meta: &Metadata, _path: &Path) -> Option<FileKey> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

/// The device and inode of `meta` (the canonical path where there are none).
#[cfg(not(unix))]
fn file_key(_meta: &Metadata, path: &Path) -> Option<FileKey> {
    std::fs::canonicalize(path).ok()
}

/// What kind of special file `meta` describes, in words.
fn special_kind(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "named pipe";
        }
        if kind.is_socket() {
            return "socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "device";
        }
    }
    let _ = meta;
    "special file"
}

/// One input to read.
struct Candidate {
    /// The path as given or found; `None` for stdin.
    path: Option<PathBuf>,
    /// Where the file is, absolute, to name it relative to the inputs' common folder.
    absolute: Option<PathBuf>,
    /// Index of the folder argument it was found in.
    folder: Option<usize>,
}

/// Collects the files to read, entering each directory and reading each file once.
#[derive(Default)]
struct Walk {
    candidates: Vec<Candidate>,
    /// Folders every id is relative to the common folder of.
    roots: Vec<PathBuf>,
    /// Every directory entered and file taken, with the path it was first reached by.
    seen: HashMap<FileKey, PathBuf>,
    stdin_taken: bool,
    /// Paths that could not be read, with where they are (to name them like documents).
    errors: Vec<(PathBuf, Option<PathBuf>, InputErrorKind)>,
    skipped: Vec<PathBuf>,
    notes: Vec<InputNote>,
}

impl Walk {
    /// Records `path` as reached; false (with a note) when it was reached before.
    fn first_visit(&mut self, meta: &Metadata, path: &Path) -> bool {
        let Some(key) = file_key(meta, path) else {
            return true;
        };
        match self.seen.get(&key) {
            Some(first) => {
                self.notes.push(InputNote {
                    path: path.display().to_string(),
                    kind: InputNoteKind::AlreadyRead(first.display().to_string()),
                });
                false
            }
            None => {
                self.seen.insert(key, path.to_path_buf());
                true
            }
        }
    }

    fn error(&mut self, path: &Path, absolute: Option<&Path>, kind: InputErrorKind) {
        self.errors
            .push((path.to_path_buf(), absolute.map(Path::to_path_buf), kind));
    }

    /// One path named by the user.
    fn argument(&mut self, index: usize, path: &Path) {
        if path.as_os_str() == "-" {
            if !std::mem::replace(&mut self.stdin_taken, true) {
                self.candidates.push(Candidate {
                    path: None,
                    absolute: None,
                    folder: None,
                });
            }
            return;
        }
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(err) => return self.error(path, None, InputErrorKind::Unreadable(err.to_string())),
        };
        if !self.first_visit(&meta, path) {
            return;
        }
        if meta.is_dir() {
            let absolute = std::fs::canonicalize(path).ok();
            if let Some(root) = &absolute {
                self.roots.push(root.clone());
            }
            self.walk(index, path, absolute.as_deref());
        } else {
            // A file named on the command line is read whatever its type (`/dev/stdin`, a pipe
            // from `<(…)`): the user asked for it, as `cat` would.
            let absolute = absolute_file(path);
            if let Some(parent) = absolute.as_deref().and_then(Path::parent) {
                self.roots.push(parent.to_path_buf());
            }
            self.candidates.push(Candidate {
                path: Some(path.to_path_buf()),
                absolute,
                folder: None,
            });
        }
    }

    /// The files under `dir` (found as `absolute`), in name order; hidden entries are left out.
    fn walk(&mut self, folder: usize, dir: &Path, absolute: Option<&Path>) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) => return self.error(dir, absolute, InputErrorKind::Unreadable(err.to_string())),
        };
        let mut names = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => names.push(entry.file_name()),
                Err(err) => self.error(dir, absolute, InputErrorKind::Unreadable(err.to_string())),
            }
        }
        names.sort();
        for name in names {
            if name.to_string_lossy().starts_with('.') {
                continue; // hidden files and folders (.git, editor swap files) are not articles
            }
            let path = dir.join(&name);
            let absolute = absolute.map(|a| a.join(&name));
            // The type is read before anything is opened, following a symbolic link to its target.
            let meta = match std::fs::metadata(&path) {
                Ok(meta) => meta,
                Err(err) => {
                    self.error(
                        &path,
                        absolute.as_deref(),
                        InputErrorKind::Unreadable(err.to_string()),
                    );
                    continue;
                }
            };
            if meta.is_dir() {
                if self.first_visit(&meta, &path) {
                    self.walk(folder, &path, absolute.as_deref());
                }
            } else if !meta.is_file() {
                self.notes.push(InputNote {
                    path: path.display().to_string(),
                    kind: InputNoteKind::NotRegular(special_kind(&meta)),
                });
            } else if !is_article(&path) {
                self.skipped.push(path);
            } else if self.first_visit(&meta, &path) {
                self.candidates.push(Candidate {
                    path: Some(path),
                    absolute,
                    folder: Some(folder),
                });
            }
        }
    }
}

/// A file's absolute path: its folder resolved (links and `..`), its own name kept as given.
fn absolute_file(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::canonicalize(parent).ok().map(|p| p.join(name))
}

/// The deepest folder holding every one of `folders`.
fn common_root(folders: &[PathBuf]) -> Option<PathBuf> {
    let (first, rest) = folders.split_first()?;
    let mut root = first.clone();
    for folder in rest {
        while !folder.starts_with(&root) {
            if !root.pop() {
                return None;
            }
        }
    }
    Some(root)
}

/// `path` relative to `root`, with `/` between its parts.
fn relative_id(path: &Path, root: Option<&Path>) -> String {
    let relative = root.and_then(|r| path.strip_prefix(r).ok()).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads and parses every path: files, directories (recursively) and `-` for stdin. Documents
/// are sorted by id, the path relative to the common folder of the inputs.
pub fn load(paths: &[PathBuf], options: &ParseOptions) -> Loaded {
    let mut walk = Walk::default();
    for (index, path) in paths.iter().enumerate() {
        walk.argument(index, path);
    }
    let root = common_root(&walk.roots);
    let mut inputs: Vec<(String, Candidate)> = walk
        .candidates
        .into_iter()
        .map(|c| {
            let id = match (&c.absolute, &c.path) {
                (Some(absolute), _) => relative_id(absolute, root.as_deref()),
                (None, Some(path)) => path.display().to_string(),
                (None, None) => "-".to_string(),
            };
            (id, c)
        })
        .collect();
    inputs.sort_by(|a, b| a.0.cmp(&b.0));

    let errors = walk.errors.into_iter().map(|(path, absolute, kind)| InputError {
        id: absolute.map_or_else(
            || path.display().to_string(),
            |a| relative_id(&a, root.as_deref()),
        ),
        path: path.display().to_string(),
        kind,
    });
    let mut loaded = Loaded {
        errors: errors.collect(),
        skipped: walk.skipped,
        notes: walk.notes,
        ..Loaded::default()
    };
    // Per folder argument: how many documents it gave; and every document without Arabic.
    let mut read_from: HashMap<usize, usize> = HashMap::new();
    let mut without_arabic: Vec<(usize, Option<usize>)> = Vec::new();
    for (id, candidate) in inputs {
        let shown = candidate
            .path
            .as_ref()
            .map_or_else(|| "-".to_string(), |p| p.display().to_string());
        let error = |kind| InputError {
            path: shown.clone(),
            id: id.clone(),
            kind,
        };
        let regular_only = candidate.folder.is_some();
        let parsed = read_bytes(candidate.path.as_deref(), options.max_bytes, regular_only)
            .and_then(|bytes| parse(&id, &bytes, options));
        let (document, diagnostics) = match parsed {
            Ok(parsed) => parsed,
            Err(kind) => {
                loaded.errors.push(error(kind));
                continue;
            }
        };
        // An empty file has its own warning already.
        let blank = document
            .source
            .chars()
            .all(|c| c.is_whitespace() || crate::is_ignorable(c));
        if !blank {
            if let Some(folder) = candidate.folder {
                *read_from.entry(folder).or_default() += 1;
            }
            if !document.source.chars().any(crate::token::is_arabic_letter) {
                without_arabic.push((loaded.documents.len(), candidate.folder));
            }
        }
        loaded.documents.push((document, diagnostics));
    }
    // A folder without any Arabic gets one warning, not one per file.
    let mut silent_folders: Vec<usize> = read_from
        .iter()
        .filter(|&(folder, read)| without_arabic.iter().filter(|(_, f)| *f == Some(*folder)).count() == *read)
        .map(|(folder, _)| *folder)
        .collect();
    silent_folders.sort_unstable();
    for &folder in &silent_folders {
        loaded.notes.push(InputNote {
            path: paths[folder].display().to_string(),
            kind: InputNoteKind::NoArabic {
                files: read_from[&folder],
            },
        });
    }
    for (i, folder) in without_arabic {
        if folder.is_none_or(|f| !silent_folders.contains(&f)) {
            loaded.documents[i].1.push(Diagnostic::warning(
                "no Arabic text: isnad checks Arabic news, so nothing here is checked",
                None,
            ));
        }
    }
    loaded
}

/// Parses one input's bytes; with `lossy`, invalid UTF-8 is replaced and a warning says where.
fn parse(
    id: &str,
    bytes: &[u8],
    options: &ParseOptions,
) -> Result<(Document, Vec<Diagnostic>), InputErrorKind> {
    match parse_document(id, bytes, options) {
        Err(InputErrorKind::InvalidUtf8 { offset }) if options.lossy => {
            let bad = bytes.utf8_chunks().filter(|c| !c.invalid().is_empty()).count();
            let repaired = String::from_utf8_lossy(bytes);
            let (document, mut diagnostics) = parse_document(id, repaired.as_bytes(), options)?;
            diagnostics.insert(
                0,
                Diagnostic::warning(
                    format!(
                        "invalid UTF-8 at byte {offset}: {bad} bad sequence(s) read as U+FFFD \
                         (spans after it index the repaired text)"
                    ),
                    None,
                ),
            );
            Ok((document, diagnostics))
        }
        other => other,
    }
}

/// Reads stdin or a file, at most `limit` bytes; with `regular_only` (a file found in a folder) a
/// file that has turned into something else since the walk is not opened.
fn read_bytes(path: Option<&Path>, limit: u64, regular_only: bool) -> Result<Vec<u8>, InputErrorKind> {
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
            if regular_only && !meta.is_file() {
                return Err(InputErrorKind::Unreadable("no longer a regular file".to_string()));
            }
            if meta.is_file() && meta.len() > limit {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_root_is_the_deepest_shared_folder() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(common_root(&[p("/a/x"), p("/a/y")]), Some(p("/a")));
        assert_eq!(common_root(&[p("/a/x"), p("/a/x/deep")]), Some(p("/a/x")));
        assert_eq!(common_root(&[p("/a/x")]), Some(p("/a/x")));
        assert_eq!(common_root(&[]), None);
        assert_eq!(
            relative_id(Path::new("/a/x/b.txt"), Some(Path::new("/a"))),
            "x/b.txt"
        );
    }
}
