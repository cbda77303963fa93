//! Finding the files to scan: `.gitignore`-aware, skipping binary, oversized and excluded files.

use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};
use vigil_model::{Diagnostic, Level};

/// Extensions a loader may claim. Other files are read only to look for secrets.
const EXTENSIONS: &[&str] = &["yaml", "yml", "json", "template", "cfn", "tf"];

/// Whether a loader may claim the file: by extension, or by name for Dockerfiles, which
/// usually have none (`Dockerfile`, `Dockerfile.prod`, `Containerfile`).
pub fn has_config_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        || path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(vigil_loaders::dockerfile::is_dockerfile_name)
}

pub struct Walked {
    pub files: Vec<(String, PathBuf)>,
    pub diagnostics: Vec<Diagnostic>,
    /// Symbolic links met and not followed (a link's target is scanned where it lives, if
    /// inside the scanned tree; a broken link has nothing to scan).
    pub symlinks: Vec<String>,
}

pub fn build_excludes(patterns: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let glob = Glob::new(p).map_err(|e| format!("exclude pattern `{p}`: {e}"))?;
        b.add(glob);
        // `dir/` or `dir` should exclude everything below it too.
        if !p.contains('*') {
            let below = format!("{}/**", p.trim_end_matches('/'));
            b.add(Glob::new(&below).map_err(|e| format!("exclude pattern `{p}`: {e}"))?);
        }
    }
    b.build().map_err(|e| e.to_string())
}

/// Whether `path` matches an exclusion, as written or relative to one of the scanned roots.
pub fn is_excluded(excludes: &GlobSet, roots: &[PathBuf], path: &Path) -> bool {
    excludes.is_match(path)
        || roots.iter().any(|root| {
            path.strip_prefix(root)
                .is_ok_and(|rel| excludes.is_match(rel))
        })
}

/// The path as reported: as given on the command line, with `/` separators and no `./`.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// The files under `roots`: with `all_files`, every file (looking for secrets), else only
/// those a loader may claim.
pub fn walk(roots: &[PathBuf], excludes: &GlobSet, all_files: bool) -> Walked {
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    let mut symlinks = Vec::new();
    for root in roots {
        if root.is_file() {
            files.push((display_path(root), root.clone()));
            continue;
        }
        if !root.exists() {
            diagnostics.push(Diagnostic {
                level: Level::Error,
                path: display_path(root),
                line: 0,
                column: 0,
                message: "no such file or directory".into(),
            });
            continue;
        }
        // Walked in parallel: on a repository of many small folders, reading directories and
        // their ignore files is a good part of a scan, and the scan waits for it.
        let found = std::sync::Mutex::new((Vec::new(), Vec::new(), Vec::new()));
        ignore::WalkBuilder::new(root)
            .hidden(false)
            // `.terraform` holds downloaded providers and modules: modules are read through
            // their caller (`modules.json`), never as configurations of their own.
            .filter_entry(|e| e.file_name() != ".git" && e.file_name() != ".terraform")
            .require_git(false)
            .build_parallel()
            .run(|| {
                let found = &found;
                Box::new(move |entry| {
                    let mut out = found.lock().unwrap_or_else(|e| e.into_inner());
                    let (files, diagnostics, symlinks) = &mut *out;
                    let entry = match entry {
                        Ok(e) => e,
                        Err(e) => {
                            diagnostics.push(Diagnostic {
                                level: Level::Warning,
                                path: display_path(root),
                                line: 0,
                                column: 0,
                                message: format!("skipped: {e}"),
                            });
                            return ignore::WalkState::Continue;
                        }
                    };
                    if entry.path_is_symlink() {
                        symlinks.push(display_path(entry.path()));
                        return ignore::WalkState::Continue;
                    }
                    if !entry.file_type().is_some_and(|t| t.is_file()) {
                        return ignore::WalkState::Continue;
                    }
                    let path = entry.path();
                    if (all_files || has_config_extension(path))
                        && !is_excluded(excludes, std::slice::from_ref(root), path)
                    {
                        files.push((display_path(path), path.to_path_buf()));
                    }
                    ignore::WalkState::Continue
                })
            });
        let (f, d, l) = found.into_inner().unwrap_or_else(|e| e.into_inner());
        files.extend(f);
        diagnostics.extend(d);
        symlinks.extend(l);
    }
    files.sort();
    files.dedup();
    symlinks.sort();
    diagnostics.sort_by(|a, b| (&a.path, &a.message).cmp(&(&b.path, &b.message)));
    Walked {
        files,
        diagnostics,
        symlinks,
    }
}
