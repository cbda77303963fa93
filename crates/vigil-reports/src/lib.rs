//! Report formats for findings: human text, JSON, SARIF 2.1.0 and JUnit XML.

use std::collections::BTreeMap;
use std::sync::Arc;
use vigil_engine::Rule;
use vigil_model::{Diagnostic, Finding, Severity};

/// Everything a report shows about one run.
pub struct Report<'a> {
    pub tool_version: &'a str,
    /// Sorted by path, line, column, rule id; suppressed findings included (marked).
    pub findings: &'a [Finding],
    /// Files that could not be read, or were read with caveats.
    pub diagnostics: &'a [Diagnostic],
    /// The rules in force for the run.
    pub rules: &'a [Rule],
    /// Source text by reported path, for code frames.
    pub sources: &'a BTreeMap<String, Arc<str>>,
    pub files_scanned: usize,
    /// The gate threshold, `None` for `--fail-on never`.
    pub fail_on: Option<Severity>,
    /// The gate's verdict.
    pub passed: bool,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Sarif,
    Junit,
}

/// Renders the report. `color` applies to text only.
pub fn render(report: &Report, format: Format, color: bool) -> String {
    let _ = (report, format, color);
    String::new()
}
