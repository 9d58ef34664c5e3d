//! The house rules of docs/ARCHITECTURE.md, checked on the source tree: crates depend only on the
//! stages before them, the top-level modules of a crate never import each other in a circle, and
//! no code file outside tests and data grows past the size a reader can hold.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The pipeline, first stage first: a crate may depend only on crates before it.
const STAGES: [&str; 5] = [
    "isnad-parser",
    "isnad-claims",
    "isnad-graph",
    "isnad-report",
    "isnad",
];

/// Lines a code file may have (tests and data aside): "no file over ~600 lines".
const MAX_LINES: usize = 650;

fn crates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// A file's code: without its comments and without a trailing `#[cfg(test)] mod tests`.
fn code_of(text: &str) -> String {
    let body = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    body.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules of one crate (`src/x.rs` or `src/x/`) with the modules each one
/// reaches through `crate::…` (or through a name `lib.rs` re-exports from one of them).
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap_or_default();
    let mut modules: BTreeSet<String> = BTreeSet::new();
    for entry in std::fs::read_dir(src).expect("src folder") {
        let path = entry.expect("entry").path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if !matches!(name.as_str(), "lib" | "main" | "test_support") {
            modules.insert(name);
        }
    }
    // `pub use module::{Name, …};` in lib.rs: `crate::Name` is that module's.
    let mut exported: BTreeMap<String, String> = BTreeMap::new();
    for statement in code_of(&lib).split(';') {
        let statement = statement.trim();
        let Some(rest) = statement
            .strip_prefix("pub use ")
            .or_else(|| statement.strip_prefix("pub(crate) use "))
        else {
            continue;
        };
        let Some((module, names)) = rest.split_once("::") else {
            continue;
        };
        for name in names.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if name.starts_with(char::is_uppercase) {
                exported.insert(name.to_string(), module.to_string());
            }
        }
    }
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(src) {
        let relative = file.strip_prefix(src).expect("under src");
        let first = relative.components().next().expect("a component");
        let first = first.as_os_str().to_str().unwrap_or_default();
        let module = first.strip_suffix(".rs").unwrap_or(first).to_string();
        if !modules.contains(&module) || file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let code = code_of(&std::fs::read_to_string(&file).expect("readable source"));
        let targets = graph.entry(module.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            let name: String = code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let target = if modules.contains(&name) {
                Some(name)
            } else {
                exported.get(&name).cloned()
            };
            if let Some(target) = target.filter(|t| *t != module) {
                targets.insert(target);
            }
        }
    }
    graph
}

/// A cycle of the graph, if it has one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_crate_imports_its_own_modules_in_a_circle() {
    for stage in STAGES {
        let graph = module_graph(&crates_dir().join(stage).join("src"));
        assert!(graph.len() > 1, "{stage}: no modules found");
        if let Some(cycle) = find_cycle(&graph) {
            panic!(
                "{stage}: modules import each other in a circle: {}",
                cycle.join(" → ")
            );
        }
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let graph: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]
        .into_iter()
        .map(|(from, to)| (from.to_string(), BTreeSet::from([to.to_string()])))
        .collect();
    assert_eq!(find_cycle(&graph).map(|c| c.len()), Some(4));
    let acyclic: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c")]
        .into_iter()
        .map(|(from, to)| (from.to_string(), BTreeSet::from([to.to_string()])))
        .collect();
    assert_eq!(find_cycle(&acyclic), None);
}

#[test]
fn crates_depend_only_on_the_stages_before_them() {
    for (n, stage) in STAGES.iter().enumerate() {
        let manifest =
            std::fs::read_to_string(crates_dir().join(stage).join("Cargo.toml")).expect("manifest");
        let dependencies = manifest
            .split("\n[")
            .find(|section| section.starts_with("dependencies]"))
            .unwrap_or_default();
        for later in &STAGES[n..] {
            let named = dependencies
                .lines()
                .any(|line| line.split(['=', '.', ' ']).next() == Some(*later));
            assert!(!named, "{stage} depends on {later}, a stage after it");
        }
    }
}

#[test]
fn no_code_file_is_longer_than_a_reader_can_hold() {
    for stage in STAGES {
        for file in rust_files(&crates_dir().join(stage).join("src")) {
            if file.file_name().is_some_and(|n| n == "tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&file).expect("readable source");
            let code = match text.find("#[cfg(test)]\nmod tests") {
                Some(at) => &text[..at],
                None => &text,
            };
            let lines = code.lines().count();
            assert!(
                lines <= MAX_LINES,
                "{}: {lines} lines of code (at most {MAX_LINES}): split it along its seams",
                file.display()
            );
        }
    }
}
