//! Terraform in a scan: `.tf` files are grouped by directory into modules, and each root module
//! (a directory no other scanned directory calls as a local module) is loaded with the modules
//! it calls and judged as one configuration, so references across modules resolve.

use crate::scan::{apply_inline, ScanOptions};
use regex::Regex;
use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use vigil_engine::Catalogue;
use vigil_loaders::terraform::{self, join_path, parent_dir, DiskFs};
use vigil_model::{Diagnostic, Finding};

/// What one root module gave.
pub(crate) struct RootOutcome {
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Vec<(String, Arc<str>)>,
    pub files_read: usize,
}

/// The root modules among the directories holding `.tf` files: those that no other scanned
/// directory sources as a local module. A module directory scanned alone is judged only through
/// its callers, with the values they pass, not with its own defaults.
pub(crate) fn root_modules(tf_files: &[(String, PathBuf)], named: &[PathBuf]) -> Vec<Root> {
    static SOURCE: OnceLock<Regex> = OnceLock::new();
    let source = SOURCE.get_or_init(|| {
        Regex::new(r#"(?m)^\s*source\s*=\s*"(\.\.?(?:/[^"]*)?)""#).expect("valid pattern")
    });
    // A file named on the command line is a root of its own, as `vigil scan main.tf` asks.
    let (files, walked): (Vec<_>, Vec<_>) = tf_files
        .iter()
        .partition(|(_, disk)| named.iter().any(|n| n == disk));
    let dirs: BTreeSet<String> = walked
        .iter()
        .map(|(p, _)| parent_dir(p).to_string())
        .collect();
    let mut called = HashSet::new();
    for (path, disk) in tf_files {
        let Ok(text) = std::fs::read_to_string(disk) else {
            continue;
        };
        if !text.contains("module") {
            continue;
        }
        for c in source.captures_iter(&text) {
            if let Some(child) = join_path(parent_dir(path), &c[1]) {
                if child != parent_dir(path) {
                    called.insert(child);
                }
            }
        }
    }
    dirs.into_iter()
        .filter(|d| !called.contains(d))
        .map(Root::Dir)
        .chain(files.into_iter().map(|(p, _)| Root::File(p.clone())))
        .collect()
}

/// A root module: a directory, or a `.tf` file named on the command line, read on its own.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Root {
    Dir(String),
    File(String),
}

/// Loads and judges one root module.
pub(crate) fn scan_root(root: &Root, options: &ScanOptions, catalogue: &Catalogue) -> RootOutcome {
    let (vars, limits) = (&options.load.variables, options.load.terraform_limits);
    let loaded = match root {
        Root::Dir(dir) => terraform::load(dir, &DiskFs, vars, limits),
        Root::File(file) => terraform::load_file(file, &DiskFs, vars, limits),
    };
    let mut findings = catalogue.evaluate(&loaded.resources);
    apply_inline(&mut findings, &loaded.resources);
    RootOutcome {
        findings,
        files_read: loaded
            .sources
            .iter()
            .filter(|(p, _)| terraform::is_configuration_file(p))
            .count(),
        diagnostics: loaded.diagnostics,
        sources: loaded.sources,
    }
}
