//! The JSON report: Vigil's own schema, version 1, documented field by field in
//! `docs/json-format.md`.
//!
//! The schema is written out here as its own structs rather than serialising the model's types,
//! so that a change to the model cannot silently change the published format. Within version 1
//! fields are only ever added; every field listed is always present (`null` when empty).

use crate::{Counts, Report};
use serde::Serialize;
use vigil_model::{Level, Severity, SuppressionKind};

/// The schema version; bumped only for a change that is not purely additive.
const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    tool: Tool<'a>,
    summary: Summary,
    findings: Vec<Finding<'a>>,
    diagnostics: Vec<Diagnostic<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    name: &'static str,
    version: &'a str,
}

#[derive(Serialize)]
struct Summary {
    files_scanned: usize,
    files_searched_for_secrets: usize,
    findings: BySeverity,
    suppressed: usize,
    errors: usize,
    passed: bool,
    fail_on: Option<Severity>,
}

/// Unsuppressed findings per severity, most severe first.
#[derive(Serialize)]
struct BySeverity {
    critical: usize,
    high: usize,
    medium: usize,
    low: usize,
}

#[derive(Serialize)]
struct Finding<'a> {
    rule_id: &'a str,
    rule_name: &'a str,
    severity: Severity,
    title: &'a str,
    message: &'a str,
    kind: &'a str,
    address: &'a str,
    location: Location<'a>,
    property_path: Option<&'a str>,
    remediation: &'a str,
    fingerprint: &'a str,
    suppressed: Option<Suppression<'a>>,
    /// Only for findings from a repository's history.
    #[serde(skip_serializing_if = "Option::is_none")]
    introduced: Option<&'a vigil_model::Provenance>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    start_line: Option<u32>,
    start_column: Option<u32>,
    end_line: Option<u32>,
    end_column: Option<u32>,
}

#[derive(Serialize)]
struct Suppression<'a> {
    kind: SuppressionKind,
    rule: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    level: Level,
    path: &'a str,
    line: u32,
    column: u32,
    message: &'a str,
}

pub(crate) fn render(report: &Report) -> String {
    let c = Counts::of(report);
    let doc = JsonReport {
        version: SCHEMA_VERSION,
        tool: Tool {
            name: "vigil",
            version: report.tool_version,
        },
        summary: Summary {
            files_scanned: report.files_scanned,
            files_searched_for_secrets: report.files_searched,
            findings: BySeverity {
                critical: c.get(Severity::Critical),
                high: c.get(Severity::High),
                medium: c.get(Severity::Medium),
                low: c.get(Severity::Low),
            },
            suppressed: c.suppressed,
            errors: c.errors,
            passed: report.passed,
            fail_on: report.fail_on,
        },
        findings: report
            .findings
            .iter()
            .map(|f| Finding {
                rule_id: &f.rule_id,
                rule_name: &f.rule_name,
                severity: f.severity,
                title: &f.title,
                message: &f.message,
                kind: &f.kind,
                address: &f.address,
                location: Location {
                    path: &f.location.path,
                    start_line: f.location.span.map(|s| s.start.line),
                    start_column: f.location.span.map(|s| s.start.column),
                    end_line: f.location.span.map(|s| s.end.line),
                    end_column: f.location.span.map(|s| s.end.column),
                },
                property_path: f.property_path.as_deref(),
                remediation: &f.remediation,
                fingerprint: &f.fingerprint,
                suppressed: f.suppressed.as_ref().map(|s| Suppression {
                    kind: s.kind,
                    rule: &s.rule,
                    reason: &s.reason,
                }),
                introduced: f.provenance.as_ref(),
            })
            .collect(),
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| Diagnostic {
                level: d.level,
                path: &d.path,
                line: d.line,
                column: d.column,
                message: &d.message,
            })
            .collect(),
    };
    // Serialising plain structs of strings and numbers into memory cannot fail.
    let mut out = serde_json::to_string_pretty(&doc).expect("the JSON report serialises");
    out.push('\n');
    out
}
