use crate::config::FailOn;
use crate::walk;
use crate::Baseline;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use vigil_engine::Catalogue;
use vigil_loaders::LoadOptions;
use vigil_model::{
    Diagnostic, Finding, Level, Resource, Severity, SourceFile, Suppression, SuppressionKind,
};

/// What to scan and how to judge it.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    pub paths: Vec<PathBuf>,
    pub load: LoadOptions,
    /// Globs of paths not to read.
    pub exclude: Vec<String>,
    /// Rules whose findings are kept but marked suppressed (`vigil.toml` `skip_rules`).
    pub skip_rules: Vec<String>,
    pub severity_overrides: BTreeMap<String, Severity>,
    pub baseline: Option<(String, Baseline)>,
    /// Files larger than this are not parsed.
    pub max_file_size: u64,
    /// Judge infrastructure files with the catalogue (off for `vigil secrets`).
    pub iac: bool,
    /// Look for credentials in every file, with these rules.
    pub secrets: Option<Arc<vigil_secrets::Scanner>>,
    /// Globs of paths not searched for secrets (`[secrets] exclude` in `vigil.toml`).
    pub secrets_exclude: Vec<String>,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            paths: Vec::new(),
            load: LoadOptions::default(),
            exclude: Vec::new(),
            skip_rules: Vec::new(),
            severity_overrides: BTreeMap::new(),
            baseline: None,
            max_file_size: 64 * 1024 * 1024,
            iac: true,
            secrets: None,
            secrets_exclude: Vec::new(),
        }
    }
}

/// Everything a scan found, in a deterministic order.
#[derive(Debug, Default)]
pub struct ScanResult {
    /// Sorted by path, line, column, rule id; suppressed ones included and marked.
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    /// Text of every file that produced a finding or diagnostic, for code frames.
    pub sources: BTreeMap<String, Arc<str>>,
    /// Files a loader recognised and read.
    pub files_scanned: usize,
    /// Files (or blobs) searched for secrets.
    pub files_searched: usize,
}

/// The gate's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub passed: bool,
    /// Unsuppressed findings at or above the threshold.
    pub failing_findings: usize,
    /// Files that could not be read (errors), counted against the gate unless allowed.
    pub unreadable: usize,
}

impl ScanResult {
    pub fn verdict(&self, fail_on: FailOn, allow_parse_errors: bool) -> Verdict {
        let failing_findings = match fail_on {
            FailOn::Never => 0,
            FailOn::Severity(t) => self
                .findings
                .iter()
                .filter(|f| f.suppressed.is_none() && f.severity >= t)
                .count(),
        };
        let unreadable = self
            .diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .count();
        let passed = failing_findings == 0
            && (allow_parse_errors || unreadable == 0 || fail_on == FailOn::Never);
        Verdict {
            passed,
            failing_findings,
            unreadable,
        }
    }
}

struct FileOutcome {
    path: String,
    /// For code frames; secrets found in it are masked.
    text: Option<Arc<str>>,
    scanned: bool,
    /// Searched for secrets.
    searched: bool,
    secret_skip: Option<crate::secrets::SkipReason>,
    findings: Vec<Finding>,
    diagnostics: Vec<Diagnostic>,
}

/// Walks, loads and judges. Files are processed in parallel; the result is ordered.
pub fn scan(options: &ScanOptions, catalogue: &Catalogue) -> ScanResult {
    let mut result = ScanResult::default();
    let excludes = match walk::build_excludes(&options.exclude) {
        Ok(g) => g,
        Err(e) => {
            result.diagnostics.push(Diagnostic {
                level: Level::Error,
                path: "vigil.toml".into(),
                line: 0,
                column: 0,
                message: e,
            });
            globset::GlobSet::empty()
        }
    };
    let secret_excludes = walk::build_excludes(&options.secrets_exclude).unwrap_or_else(|e| {
        result.diagnostics.push(Diagnostic {
            level: Level::Error,
            path: "vigil.toml".into(),
            line: 0,
            column: 0,
            message: format!("[secrets] {e}"),
        });
        globset::GlobSet::empty()
    });
    let walked = walk::walk(&options.paths, &excludes, options.secrets.is_some());
    result.diagnostics.extend(walked.diagnostics);
    let mut skipped = crate::secrets::Skipped::default();
    if options.secrets.is_some() {
        skipped.symlinks = walked.symlinks;
    }
    // Terraform is read by module directory, not by file; its files are still searched for
    // secrets one by one.
    let tf_files: Vec<(String, PathBuf)> = if options.iac {
        walked
            .files
            .iter()
            .filter(|(path, _)| vigil_loaders::terraform::is_configuration_file(path))
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    let files: Vec<(String, PathBuf, Work)> = walked
        .files
        .into_iter()
        .filter_map(|(path, disk)| {
            let iac = options.iac
                && walk::has_config_extension(&disk)
                && !vigil_loaders::terraform::is_configuration_file(&path);
            let secrets = options.secrets.is_some()
                && !walk::is_excluded(&secret_excludes, &options.paths, &disk);
            (iac || secrets).then_some((path, disk, Work { iac, secrets }))
        })
        .collect();
    let roots = crate::terraform::root_modules(&tf_files, &options.paths);
    // Deep templates recurse; give workers room.
    let pool = rayon::ThreadPoolBuilder::new()
        .stack_size(32 * 1024 * 1024)
        .num_threads(worker_threads(
            files
                .iter()
                .map(|(_, disk, _)| disk)
                .chain(tf_files.iter().map(|(_, disk)| disk)),
        ))
        .build()
        .expect("thread pool");
    let (outcomes, tf_outcomes): (Vec<FileOutcome>, Vec<crate::terraform::RootOutcome>) = pool
        .install(|| {
            rayon::join(
                || {
                    files
                        .par_iter()
                        .map(|(path, disk, work)| scan_file(path, disk, *work, options, catalogue))
                        .collect()
                },
                || {
                    roots
                        .par_iter()
                        .map(|root| crate::terraform::scan_root(root, options, catalogue))
                        .collect()
                },
            )
        });
    let mut masked = std::collections::HashSet::new();
    for o in outcomes {
        if o.scanned {
            result.files_scanned += 1;
        }
        if o.searched {
            result.files_searched += 1;
        }
        if let Some(reason) = o.secret_skip {
            skipped.add(reason, &o.path);
        }
        if !o.findings.is_empty() || !o.diagnostics.is_empty() {
            if let Some(t) = o.text {
                result.sources.insert(o.path.clone(), t);
            }
        }
        if o.findings
            .iter()
            .any(|f| f.kind == crate::secrets::SECRET_KIND)
        {
            masked.insert(o.path.clone());
        }
        result.findings.extend(o.findings);
        result.diagnostics.extend(o.diagnostics);
    }
    for o in tf_outcomes {
        result.files_scanned += o.files_read;
        let wanted: std::collections::HashSet<&str> = o
            .findings
            .iter()
            .map(|f| f.location.path.as_str())
            .chain(o.diagnostics.iter().map(|d| d.path.as_str()))
            .collect();
        for (path, text) in &o.sources {
            // A file with a secret keeps the copy with the secret masked.
            if wanted.contains(path.as_str()) && !masked.contains(path) {
                result.sources.insert(path.clone(), text.clone());
            }
        }
        result.findings.extend(o.findings);
        result.diagnostics.extend(o.diagnostics);
    }
    result.diagnostics.extend(skipped.notes());
    mask_secret_values(&mut result, catalogue);
    finish(&mut result, options);
    result
}

/// Masks, in the texts kept for code frames, the values that rules marked `secret_value` point
/// at (a password in an `ENV`, a literal token in a pipeline variable): a credential a rule
/// found is never printed whole, like one the secret scanner found.
fn mask_secret_values(result: &mut ScanResult, catalogue: &Catalogue) {
    let secret_rules: std::collections::HashSet<&str> = catalogue
        .rules()
        .iter()
        .filter(|r| r.secret_value)
        .map(|r| r.id.as_str())
        .collect();
    if secret_rules.is_empty() {
        return;
    }
    let mut spans: BTreeMap<String, Vec<vigil_model::Span>> = BTreeMap::new();
    for f in &result.findings {
        if let (true, Some(span)) = (secret_rules.contains(f.rule_id.as_str()), f.location.span) {
            spans.entry(f.location.path.clone()).or_default().push(span);
        }
    }
    for (path, spans) in spans {
        if let Some(text) = result.sources.get_mut(&path) {
            *text = masked_spans(text, &spans).into();
        }
    }
}

/// `text` with the values inside `spans` replaced by `*`, one per character so that columns
/// stay where they were. On a span's first line, what precedes the first `=` or `:` (the name
/// being assigned) stays readable; whitespace and quotes are kept.
fn masked_spans(text: &str, spans: &[vigil_model::Span]) -> String {
    let mut lines: Vec<Vec<char>> = text.split('\n').map(|l| l.chars().collect()).collect();
    for span in spans {
        let (first, last) = (span.start.line as usize, span.end.line as usize);
        for n in first..=last.min(lines.len()) {
            let Some(line) = lines.get_mut(n.wrapping_sub(1)) else {
                continue;
            };
            let mut from = if n == first {
                (span.start.column as usize).saturating_sub(1)
            } else {
                0
            };
            let to = if n == last {
                (span.end.column as usize).min(line.len())
            } else {
                line.len()
            };
            if n == first {
                if let Some(sep) = line[from.min(to)..to]
                    .iter()
                    .position(|c| *c == '=' || *c == ':')
                {
                    from += sep + 1;
                }
            }
            for c in line.iter_mut().take(to).skip(from) {
                if !c.is_whitespace() && !matches!(c, '"' | '\'') {
                    *c = '*';
                }
            }
        }
    }
    lines
        .into_iter()
        .map(|l| l.into_iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Below this much input, one worker: a small repository (a pre-commit hook's, a single module
/// with its examples) is done in a few tenths of a second, where more workers only add each a
/// heap of its own and a whole Terraform configuration in flight (on terraform-aws-eks, 38 MiB
/// peak with two workers, 28 MiB with one, and no slower).
const ONE_WORKER_BELOW_BYTES: u64 = 2 << 20;

/// How many workers to scan with: one for a small input, else rayon's default (one per core,
/// or `RAYON_NUM_THREADS`). An explicit `RAYON_NUM_THREADS` always wins.
fn worker_threads<'p>(paths: impl Iterator<Item = &'p PathBuf>) -> usize {
    if std::env::var_os("RAYON_NUM_THREADS").is_some() {
        return 0;
    }
    let mut bytes = 0u64;
    for p in paths {
        bytes += std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        if bytes >= ONE_WORKER_BELOW_BYTES {
            return 0;
        }
    }
    1
}

/// What every kind of scan does last: severity overrides, `skip_rules`, the baseline, and a
/// deterministic order.
pub(crate) fn finish(result: &mut ScanResult, options: &ScanOptions) {
    for f in &mut result.findings {
        if let Some(s) = options.severity_overrides.iter().find(|(k, _)| {
            k.eq_ignore_ascii_case(&f.rule_id) || k.eq_ignore_ascii_case(&f.rule_name)
        }) {
            f.severity = *s.1;
        }
        if f.suppressed.is_none() {
            if let Some(k) = options.skip_rules.iter().find(|k| {
                k.eq_ignore_ascii_case(&f.rule_id) || k.eq_ignore_ascii_case(&f.rule_name)
            }) {
                f.suppressed = Some(Suppression {
                    kind: SuppressionKind::Config,
                    rule: k.clone(),
                    reason: "skipped in vigil.toml".into(),
                });
            }
        }
        if f.suppressed.is_none() {
            if let Some((file, b)) = &options.baseline {
                if b.contains(&f.fingerprint) {
                    f.suppressed = Some(Suppression {
                        kind: SuppressionKind::Baseline,
                        rule: f.rule_id.clone(),
                        reason: format!("accepted in baseline {file}"),
                    });
                }
            }
        }
    }
    result.findings.sort_by(|a, b| {
        fn key(f: &Finding) -> (&str, Option<vigil_model::Position>, &str, &str) {
            (
                f.location.path.as_str(),
                f.location.span.map(|s| s.start),
                f.rule_id.as_str(),
                f.address.as_str(),
            )
        }
        key(a).cmp(&key(b))
    });
    result.diagnostics.sort_by(|a, b| {
        (&a.path, a.line, a.column, &a.message).cmp(&(&b.path, b.line, b.column, &b.message))
    });
    result.diagnostics.dedup();
}

/// What to do with a file.
#[derive(Debug, Clone, Copy)]
struct Work {
    /// Load it and judge it with the catalogue.
    iac: bool,
    /// Search it for secrets.
    secrets: bool,
}

fn scan_file(
    path: &str,
    disk: &std::path::Path,
    work: Work,
    options: &ScanOptions,
    catalogue: &Catalogue,
) -> FileOutcome {
    let mut outcome = FileOutcome {
        path: path.to_string(),
        text: None,
        scanned: false,
        searched: false,
        secret_skip: None,
        findings: Vec::new(),
        diagnostics: Vec::new(),
    };
    let diag = |level, message: String| Diagnostic {
        level,
        path: path.to_string(),
        line: 0,
        column: 0,
        message,
    };
    let size = std::fs::metadata(disk).map(|m| m.len()).unwrap_or(0);
    if size > options.max_file_size {
        if !work.iac {
            outcome.secret_skip = Some(crate::secrets::SkipReason::TooLarge);
            return outcome;
        }
        outcome.diagnostics.push(diag(
            Level::Warning,
            format!(
                "skipped: {} MB is over the {} MB limit (raise it with --max-file-size)",
                size / 1_048_576,
                options.max_file_size / 1_048_576
            ),
        ));
        return outcome;
    }
    let bytes = match std::fs::read(disk) {
        Ok(b) => b,
        Err(e) => {
            outcome
                .diagnostics
                .push(diag(Level::Error, format!("cannot read: {e}")));
            return outcome;
        }
    };
    let mut secrets = Vec::new();
    if let (true, Some(scanner)) = (work.secrets, &options.secrets) {
        let scanned = scanner.scan(path, &bytes);
        outcome.searched = scanned.skipped.is_none();
        outcome.secret_skip = scanned.skipped.map(crate::secrets::SkipReason::Content);
        outcome.findings = scanner.findings(path, &scanned);
        secrets = scanned.matches;
    }
    if !work.iac {
        if !secrets.is_empty() {
            outcome.text = Some(crate::secrets::masked_text(&bytes, &secrets));
        }
        return outcome;
    }
    if let Some(at) = bytes[..bytes.len().min(8192)].iter().position(|&b| b == 0) {
        // Binary: no loader reads it. Said, not skipped in silence: a UTF-16 template looks
        // binary too, and the gate would otherwise pass it unread.
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        outcome.diagnostics.push(Diagnostic {
            level: Level::Warning,
            path: path.to_string(),
            line,
            column: 0,
            message: format!(
                "skipped: binary content (a NUL byte at offset {at}); templates are UTF-8 text"
            ),
        });
        return outcome;
    }
    let text: Arc<str> = match String::from_utf8(bytes) {
        Ok(t) => t.into(),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let line = lossy[..at.min(lossy.len())].lines().count().max(1) as u32;
            let file = SourceFile {
                path: path.to_string(),
                disk_path: disk.to_path_buf(),
                text: lossy.into(),
            };
            if vigil_loaders::cloudformation::claims(&file) {
                outcome.diagnostics.push(Diagnostic {
                    level: Level::Error,
                    path: path.to_string(),
                    line,
                    column: 1,
                    message: format!("not valid UTF-8 (byte {at}); templates must be UTF-8"),
                });
            }
            return outcome;
        }
    };
    let file = SourceFile {
        path: path.to_string(),
        disk_path: disk.to_path_buf(),
        text: text.clone(),
    };
    let loaded = vigil_loaders::load(&file, &options.load);
    outcome.scanned = loaded.format.is_some();
    outcome.diagnostics = loaded.diagnostics;
    let mut findings = catalogue.evaluate(&loaded.resources);
    apply_inline(&mut findings, &loaded.resources);
    outcome.findings.extend(findings);
    outcome.text = Some(if secrets.is_empty() {
        text
    } else {
        crate::secrets::masked_text(text.as_bytes(), &secrets)
    });
    outcome
}

/// Marks findings suppressed by a `vigil:ignore` comment or `Metadata` on their resource.
pub(crate) fn apply_inline(findings: &mut [Finding], resources: &[Resource]) {
    // Indexed: a search per finding made files with many resources quadratic.
    let mut by_address: std::collections::HashMap<&str, &Resource> =
        std::collections::HashMap::with_capacity(resources.len());
    for r in resources {
        by_address.entry(r.address.as_str()).or_insert(r);
    }
    for f in findings.iter_mut() {
        let Some(r) = by_address.get(f.address.as_str()) else {
            continue;
        };
        if let Some(s) = r.suppressions.iter().find(|s| {
            s.rule == "*"
                || s.rule.eq_ignore_ascii_case(&f.rule_id)
                || s.rule.eq_ignore_ascii_case(&f.rule_name)
        }) {
            f.suppressed = Some(s.clone());
        }
    }
}

#[cfg(test)]
mod mask_tests {
    use super::masked_spans;
    use vigil_model::{Position, Span};

    fn span(l1: u32, c1: u32, l2: u32, c2: u32) -> Span {
        Span::new(
            Position {
                line: l1,
                column: c1,
            },
            Position {
                line: l2,
                column: c2,
            },
        )
    }

    #[test]
    fn a_value_is_masked_and_its_name_kept() {
        let text = "FROM alpine\nENV DB_PASSWORD=\"hunter2\"\nUSER app";
        let masked = masked_spans(text, &[span(2, 1, 2, 26)]);
        assert_eq!(masked, "FROM alpine\nENV DB_PASSWORD=\"*******\"\nUSER app");
    }

    #[test]
    fn a_mapping_entry_keeps_its_key_and_a_multi_line_value_is_masked_whole() {
        let text = "env:\n  - name: TOKEN\n    value: abc-123\nx: |\n  line one\n  line two\n";
        let masked = masked_spans(text, &[span(3, 5, 3, 18), span(4, 1, 6, 10)]);
        assert_eq!(
            masked,
            "env:\n  - name: TOKEN\n    value: *******\nx: *\n  **** ***\n  **** ***\n"
        );
    }
}
