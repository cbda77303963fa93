//! Secret scanning beyond the working tree: the staged index and the whole history, plus what
//! every secret scan shares (masking code frames, notes on what was skipped).

use crate::scan::{finish, ScanOptions, ScanResult};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use vigil_git::Repo;
use vigil_model::{Diagnostic, Finding, Level, Provenance};

/// The `kind` of every secret finding.
pub const SECRET_KIND: &str = "secret";

/// Why a file or blob was not searched for secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SkipReason {
    Content(vigil_secrets::Skip),
    /// Over the size limit (`--max-file-size`).
    TooLarge,
}

impl SkipReason {
    fn describe(self) -> String {
        match self {
            SkipReason::Content(s) => s.describe().to_string(),
            SkipReason::TooLarge => "over the size limit (raise it with --max-file-size)".into(),
        }
    }
}

/// Files not searched, by reason: reported as one note per reason, not one per file.
#[derive(Debug, Default)]
pub(crate) struct Skipped {
    by_reason: BTreeMap<SkipReason, Vec<String>>,
    pub(crate) symlinks: Vec<String>,
    pub(crate) other: Vec<String>,
}

impl Skipped {
    pub(crate) fn add(&mut self, reason: SkipReason, path: &str) {
        self.by_reason
            .entry(reason)
            .or_default()
            .push(path.to_string());
    }

    pub(crate) fn notes(&self) -> Vec<Diagnostic> {
        let note = |path: &str, message: String| Diagnostic {
            level: Level::Note,
            path: path.to_string(),
            line: 0,
            column: 0,
            message,
        };
        let mut out = Vec::new();
        for (reason, paths) in &self.by_reason {
            let mut paths = paths.clone();
            paths.sort();
            out.push(note(
                &paths[0],
                format!(
                    "not searched for secrets: {} ({} file{}{})",
                    reason.describe(),
                    paths.len(),
                    if paths.len() == 1 { "" } else { "s" },
                    if paths.len() > 1 {
                        format!(", this one first; also {}", examples(&paths[1..]))
                    } else {
                        String::new()
                    }
                ),
            ));
        }
        if !self.symlinks.is_empty() {
            let mut paths = self.symlinks.clone();
            paths.sort();
            out.push(note(
                &paths[0],
                format!(
                    "symbolic links are not followed ({} link{}); their targets are searched where \
                     they are, if inside the scanned paths",
                    paths.len(),
                    if paths.len() == 1 { "" } else { "s" }
                ),
            ));
        }
        for o in &self.other {
            out.push(note(".", o.clone()));
        }
        out
    }
}

fn examples(paths: &[String]) -> String {
    let shown: Vec<&str> = paths.iter().take(3).map(String::as_str).collect();
    let more = paths.len().saturating_sub(3);
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

/// The text for code frames with every secret's bytes replaced by `*`, so that no report shows
/// a secret even in the lines around a finding.
pub(crate) fn masked_text(bytes: &[u8], secrets: &[vigil_secrets::SecretMatch]) -> Arc<str> {
    let mut masked = bytes.to_vec();
    for m in secrets {
        for b in &mut masked[m.range.clone()] {
            *b = b'*';
        }
    }
    String::from_utf8_lossy(&masked).into_owned().into()
}

/// Where the blobs to search come from.
#[derive(Debug, Clone)]
pub enum GitSource {
    /// The index: what `git commit` would record.
    Staged,
    /// Every blob reachable from any ref (or from `rev` only), or only what is new since a
    /// revision.
    History {
        since: Option<String>,
        rev: Option<String>,
    },
}

/// Searches the staged changes or the history of the repository at or above `repo_path`.
///
/// Paths are relative to the repository root. `vigil.toml` exclusions (`exclude` and
/// `[secrets] exclude`) apply to those paths.
pub fn scan_git(
    repo_path: &Path,
    source: &GitSource,
    options: &ScanOptions,
) -> Result<ScanResult, String> {
    let scanner = options
        .secrets
        .as_ref()
        .ok_or("secret scanning needs secret rules")?;
    let repo = Repo::discover(repo_path).map_err(|e| e.to_string())?;
    let mut result = ScanResult::default();
    let mut skipped = Skipped::default();
    let (blobs, commits) = match source {
        GitSource::Staged => (repo.staged().map_err(|e| e.to_string())?, Vec::new()),
        GitSource::History { since, rev } => {
            let resolve = |r: &Option<String>| match r {
                Some(r) => repo.resolve(r).map(Some).map_err(|e| e.to_string()),
                None => Ok(None),
            };
            let h = repo
                .history(resolve(rev)?, resolve(since)?)
                .map_err(|e| e.to_string())?;
            skipped.other.extend(h.skipped);
            (h.blobs, h.commits)
        }
    };
    let excludes = crate::walk::build_excludes(
        &options
            .exclude
            .iter()
            .chain(&options.secrets_exclude)
            .cloned()
            .collect::<Vec<_>>(),
    )?;
    let blobs: Vec<_> = blobs
        .into_iter()
        .filter(|b| !excludes.is_match(&b.path))
        .collect();
    struct BlobOutcome {
        path: String,
        findings: Vec<Finding>,
        text: Option<Arc<str>>,
        skip: Option<SkipReason>,
        error: Option<String>,
    }
    let outcomes: Vec<BlobOutcome> = blobs
        .par_iter()
        .map_init(
            || repo.reader(),
            |reader, blob| {
                let mut o = BlobOutcome {
                    path: blob.path.clone(),
                    findings: Vec::new(),
                    text: None,
                    skip: None,
                    error: None,
                };
                let bytes = match reader.read(&blob.id) {
                    Ok(b) => b,
                    Err(e) => {
                        o.error = Some(e.to_string());
                        return o;
                    }
                };
                if bytes.len() as u64 > options.max_file_size {
                    o.skip = Some(SkipReason::TooLarge);
                    return o;
                }
                let scanned = scanner.scan(&blob.path, bytes);
                if let Some(s) = scanned.skipped {
                    o.skip = Some(SkipReason::Content(s));
                    return o;
                }
                o.findings = scanner.findings(&blob.path, &scanned);
                if let Some(c) = blob.commit.and_then(|i| commits.get(i)) {
                    for f in &mut o.findings {
                        f.provenance = Some(Provenance {
                            commit: c.id.clone(),
                            author: c.author.clone(),
                            date: c.date.clone(),
                        });
                    }
                }
                if !scanned.matches.is_empty() {
                    o.text = Some(masked_text(bytes, &scanned.matches));
                }
                o
            },
        )
        .collect();
    // Over history one path holds many blobs: a code frame is shown only where a single version
    // of the path has findings, or it could show the lines of another version.
    let mut versions_with_findings: std::collections::HashMap<String, usize> = Default::default();
    for o in &outcomes {
        if !o.findings.is_empty() {
            *versions_with_findings.entry(o.path.clone()).or_default() += 1;
        }
    }
    for o in outcomes {
        if let Some(e) = o.error {
            result.diagnostics.push(Diagnostic {
                level: Level::Error,
                path: o.path,
                line: 0,
                column: 0,
                message: format!("cannot read from the repository: {e}"),
            });
            continue;
        }
        if let Some(s) = o.skip {
            skipped.add(s, &o.path);
            continue;
        }
        result.files_searched += 1;
        if let Some(t) = o.text {
            if versions_with_findings.get(&o.path) == Some(&1) {
                result.sources.insert(o.path.clone(), t);
            }
        }
        result.findings.extend(o.findings);
    }
    result.diagnostics.extend(skipped.notes());
    finish(&mut result, options);
    Ok(result)
}
