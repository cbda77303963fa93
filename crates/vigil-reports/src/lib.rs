//! Report formats for findings: human text, JSON, SARIF 2.1.0 and JUnit XML.
//!
//! Every format is rendered from the same [`Report`] by [`render`]. The JSON schema is documented
//! in `docs/json-format.md`; the SARIF output follows what GitHub code scanning reads.

mod catalogue;
pub use catalogue::{catalogue_markdown, secret_catalogue_markdown};
mod json;
mod junit;
mod sarif;
mod text;

use std::collections::BTreeMap;
use std::sync::Arc;
use vigil_engine::Rule;
use vigil_model::{Diagnostic, Finding, Level, Severity, Span};

/// Everything a report shows about one run.
pub struct Report<'a> {
    /// Vigil's version, as shown in the reports' tool information.
    pub tool_version: &'a str,
    /// Sorted by path, line, column, rule id; suppressed findings included (marked).
    pub findings: &'a [Finding],
    /// Files that could not be read, or were read with caveats.
    pub diagnostics: &'a [Diagnostic],
    /// The rules in force for the run.
    pub rules: &'a [Rule],
    /// Source text by reported path, for code frames.
    pub sources: &'a BTreeMap<String, Arc<str>>,
    /// How many files a loader recognised and judged with the catalogue.
    pub files_scanned: usize,
    /// How many files (or git blobs) were searched for secrets.
    pub files_searched: usize,
    /// The gate threshold, `None` for `--fail-on never`.
    pub fail_on: Option<Severity>,
    /// The gate's verdict.
    pub passed: bool,
    /// Whether unreadable files count against the gate (false with `--allow-parse-errors`).
    pub parse_errors_fail: bool,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people: findings with code frames, then a summary and the verdict.
    Text,
    /// Vigil's own stable schema, documented in `docs/json-format.md`.
    Json,
    /// SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.
    Sarif,
    /// JUnit XML, for CI systems that show test results.
    Junit,
}

/// Renders the report. `color` applies to text only.
pub fn render(report: &Report, format: Format, color: bool) -> String {
    match format {
        Format::Text => text::render(report, color),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Junit => junit::render(report),
    }
}

/// Counts shared by the summaries of every format.
struct Counts {
    /// Unsuppressed findings, indexed like [`Severity::ALL`] (low first).
    by_severity: [usize; 4],
    suppressed: usize,
    errors: usize,
    warnings: usize,
}

impl Counts {
    fn of(report: &Report) -> Counts {
        let mut c = Counts {
            by_severity: [0; 4],
            suppressed: 0,
            errors: 0,
            warnings: 0,
        };
        for f in report.findings {
            if f.suppressed.is_some() {
                c.suppressed += 1;
            } else {
                c.by_severity[severity_index(f.severity)] += 1;
            }
        }
        for d in report.diagnostics {
            match d.level {
                Level::Error => c.errors += 1,
                Level::Warning => c.warnings += 1,
                Level::Note => {}
            }
        }
        c
    }

    fn get(&self, s: Severity) -> usize {
        self.by_severity[severity_index(s)]
    }

    fn findings(&self) -> usize {
        self.by_severity.iter().sum()
    }
}

fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Low => 0,
        Severity::Medium => 1,
        Severity::High => 2,
        Severity::Critical => 3,
    }
}

/// Unsuppressed findings at or above the gate threshold: the ones that fail the run.
fn gate_failures(report: &Report) -> usize {
    match report.fail_on {
        None => 0,
        Some(t) => report
            .findings
            .iter()
            .filter(|f| f.suppressed.is_none() && f.severity >= t)
            .count(),
    }
}

/// Distinct files named by error diagnostics: the files the gate cannot vouch for.
fn unreadable_files(report: &Report) -> usize {
    let mut paths: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .map(|d| d.path.as_str())
        .collect();
    paths.sort_unstable();
    paths.dedup();
    paths.len()
}

/// The rule a finding came from, if it is among the rules in force.
fn find_rule<'r>(report: &Report<'r>, rule_id: &str) -> Option<&'r Rule> {
    report.rules.iter().find(|r| r.id == rule_id)
}

/// The first paragraph of a (possibly multi-paragraph) text, trimmed.
fn first_paragraph(text: &str) -> &str {
    let text = text.trim();
    let end = text.find("\n\n").unwrap_or(text.len());
    text[..end].trim_end()
}

/// `n thing` / `n things`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The last line a span covers and, when known, the column just past its end.
///
/// Loaders report the end of a block as the start of the next line (column 1), so such a span
/// really ends on the line before. The end column of that line is its length + 1, known only
/// with the source at hand.
fn span_end(span: Span, source: Option<&str>) -> (u32, Option<u32>) {
    let start = span.start;
    let end = if span.end < start { start } else { span.end };
    if end.line > start.line && end.column <= 1 {
        let line = end.line - 1;
        let col = source
            .zip((line as usize).checked_sub(1))
            .and_then(|(s, i)| vigil_model::source_lines(s).get(i).copied())
            .map(|l| l.chars().count() as u32 + 1);
        (line, col)
    } else {
        let col = if end.line == start.line {
            end.column.max(start.column)
        } else {
            end.column.max(1)
        };
        (end.line, Some(col))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(l1: u32, c1: u32, l2: u32, c2: u32) -> Span {
        Span::from_coordinates(l1, c1, l2, c2)
    }

    #[test]
    fn span_end_moves_a_block_end_back_to_the_last_line() {
        let src = "a: 1\nb:\n  c: 2\nd: 3\n";
        assert_eq!(span_end(span(2, 1, 4, 1), Some(src)), (3, Some(7)));
        assert_eq!(span_end(span(2, 1, 4, 1), None), (3, None));
        assert_eq!(span_end(span(2, 1, 2, 2), None), (2, Some(2)));
        // A point stays a point; an end before the start is taken as the start.
        assert_eq!(span_end(span(2, 3, 2, 3), None), (2, Some(3)));
        assert_eq!(span_end(span(2, 3, 1, 1), None), (2, Some(3)));
    }

    #[test]
    fn first_paragraph_stops_at_a_blank_line() {
        assert_eq!(first_paragraph("  one\ntwo\n\nthree"), "one\ntwo");
        assert_eq!(first_paragraph("only"), "only");
    }
}
