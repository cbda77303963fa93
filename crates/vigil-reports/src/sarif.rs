//! SARIF 2.1.0: the subset Vigil writes, as GitHub code scanning reads it.
//!
//! What GitHub needs and this module guarantees: artifact URIs relative to `%SRCROOT%` with `/`
//! separators; one `reportingDescriptor` per rule that has a result, with `ruleIndex` pointing at
//! it; `security-severity` on every rule (GitHub derives the alert's severity from it);
//! `partialFingerprints` on every result so alerts survive unrelated edits; valid levels only.

use crate::{span_end, Report};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use vigil_engine::Rule;
use vigil_model::{Diagnostic, Finding, Level, Severity, SuppressionKind};

const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/vigil-sec/vigil";
/// The base all artifact URIs are relative to: the scanned root (the repository on GitHub).
const SRCROOT: &str = "%SRCROOT%";
/// The key of Vigil's fingerprint in `partialFingerprints`; the suffix versions its algorithm.
const FINGERPRINT_KEY: &str = "vigil/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: Vec<Invocation>,
    original_uri_base_ids: BTreeMap<&'static str, ArtifactLocation>,
    /// Loaders count columns in characters, not UTF-16 units.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'a str,
    information_uri: &'static str,
    rules: Vec<ReportingDescriptor<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor<'a> {
    id: &'a str,
    name: &'a str,
    short_description: Message,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Message>,
    help: MultiformatMessage,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<&'a str>,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<String>,
    #[serde(rename = "security-severity")]
    security_severity: &'static str,
    precision: &'static str,
    /// Vigil's own severity, which `security-severity` only approximates.
    severity: Severity,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
struct MultiformatMessage {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, &'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressions: Option<Vec<Suppression<'a>>>,
    properties: ResultProperties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultProperties<'a> {
    severity: Severity,
    resource_kind: &'a str,
    resource_address: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    property_path: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    physical_location: Option<PhysicalLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    fully_qualified_name: String,
    kind: &'static str,
}

#[derive(Serialize)]
struct Suppression<'a> {
    kind: &'static str,
    justification: &'a str,
    properties: SuppressionProperties,
}

#[derive(Serialize)]
struct SuppressionProperties {
    /// Vigil's finer kind (`config` or `baseline` both map to SARIF's `external`).
    kind: SuppressionKind,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Message,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
}

pub(crate) fn render(report: &Report) -> String {
    // Rules with at least one result, in the order of `report.rules`; a result's `ruleIndex` is
    // its rule's position here.
    let mut rules: Vec<ReportingDescriptor> = Vec::new();
    let mut rule_index: BTreeMap<&str, usize> = BTreeMap::new();
    let used: HashSet<&str> = report.findings.iter().map(|f| f.rule_id.as_str()).collect();
    for rule in report.rules {
        if used.contains(rule.id.as_str()) && !rule_index.contains_key(rule.id.as_str()) {
            rule_index.insert(&rule.id, rules.len());
            rules.push(descriptor(rule));
        }
    }
    // A finding whose rule is not among the rules in force still needs a descriptor for its
    // `ruleIndex`: describe it from the finding itself.
    for f in report.findings {
        if !rule_index.contains_key(f.rule_id.as_str()) {
            rule_index.insert(&f.rule_id, rules.len());
            rules.push(descriptor_from_finding(f));
        }
    }

    let results = report
        .findings
        .iter()
        .map(|f| result(report, f, rule_index[f.rule_id.as_str()]))
        .collect();

    let notifications = report.diagnostics.iter().map(notification).collect();

    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "vigil",
                    version: report.tool_version,
                    information_uri: INFORMATION_URI,
                    rules,
                },
            },
            // The scan ran to the end even when some files could not be read: those are reported
            // as notifications and fail the gate, but the results are complete for the rest.
            invocations: vec![Invocation {
                execution_successful: true,
                tool_execution_notifications: notifications,
            }],
            original_uri_base_ids: BTreeMap::from([(
                SRCROOT,
                ArtifactLocation {
                    uri: None,
                    uri_base_id: None,
                    description: Some(Message {
                        text: "The root of the scanned tree; result paths are relative to it."
                            .into(),
                    }),
                },
            )]),
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    // Serialising plain structs of strings and numbers into memory cannot fail.
    let mut out = serde_json::to_string_pretty(&log).expect("the SARIF log serialises");
    out.push('\n');
    out
}

/// SARIF's level for a severity: GitHub shows `error`, `warning` and `note` differently.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

fn descriptor(rule: &Rule) -> ReportingDescriptor<'_> {
    let mut tags = vec!["security".to_string()];
    tags.extend(
        rule.references
            .cis_aws_v3
            .iter()
            .map(|r| format!("external/cis-aws-v3/{r}")),
    );
    tags.extend(
        rule.references
            .aws_fsbp
            .iter()
            .map(|r| format!("external/aws-fsbp/{r}")),
    );
    let rationale = rule.rationale.trim();
    ReportingDescriptor {
        id: &rule.id,
        name: &rule.name,
        short_description: Message {
            text: rule.title.clone(),
        },
        full_description: (!rationale.is_empty()).then(|| Message {
            text: rationale.to_string(),
        }),
        help: help(rule),
        // `helpUri` must be an absolute URI: take the first link that is one.
        help_uri: rule
            .references
            .links
            .iter()
            .map(String::as_str)
            .find(|l| is_web_uri(l)),
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: RuleProperties {
            tags,
            security_severity: rule.severity.security_severity(),
            precision: "high",
            severity: rule.severity,
        },
    }
}

fn descriptor_from_finding(f: &Finding) -> ReportingDescriptor<'_> {
    ReportingDescriptor {
        id: &f.rule_id,
        name: &f.rule_name,
        short_description: Message {
            text: f.title.clone(),
        },
        full_description: None,
        help: MultiformatMessage {
            text: f.remediation.clone(),
            markdown: f.remediation.clone(),
        },
        help_uri: None,
        default_configuration: Configuration {
            level: level(f.severity),
        },
        properties: RuleProperties {
            tags: vec!["security".into()],
            security_severity: f.severity.security_severity(),
            precision: "high",
            severity: f.severity,
        },
    }
}

/// The remediation, the corrected example and the references, as text and as Markdown.
fn help(rule: &Rule) -> MultiformatMessage {
    let remediation = rule.remediation.trim();
    let example = rule.fixed_example.trim_end();
    let mut text = remediation.to_string();
    let mut markdown = remediation.to_string();
    if !example.is_empty() {
        text.push_str("\n\nFixed example:\n");
        for line in example.lines() {
            text.push_str("\n    ");
            text.push_str(line);
        }
        // The fence must be longer than any run of backticks inside the example.
        let fence = "`".repeat(longest_backtick_run(example).max(2) + 1);
        markdown.push_str(&format!(
            "\n\n**Fixed example**\n\n{fence}\n{example}\n{fence}"
        ));
    }
    let r = &rule.references;
    let mut refs = Vec::new();
    if !r.cis_aws_v3.is_empty() {
        refs.push(format!(
            "CIS AWS Foundations Benchmark v3.0.0: {}",
            r.cis_aws_v3.join(", ")
        ));
    }
    if !r.aws_fsbp.is_empty() {
        refs.push(format!(
            "AWS Foundational Security Best Practices: {}",
            r.aws_fsbp.join(", ")
        ));
    }
    refs.extend(r.links.iter().cloned());
    if !refs.is_empty() {
        text.push_str("\n\nReferences:\n");
        markdown.push_str("\n\n**References**\n\n");
        for item in refs {
            text.push_str(&format!("- {item}\n"));
            markdown.push_str(&format!("- {item}\n"));
        }
    }
    MultiformatMessage {
        text: text.trim_end().to_string(),
        markdown: markdown.trim_end().to_string(),
    }
}

fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

fn is_web_uri(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

fn result<'a>(report: &Report, f: &'a Finding, rule_index: usize) -> SarifResult<'a> {
    let source = report.sources.get(&f.location.path).map(|s| &**s);
    let location = if is_arn(&f.location.path) {
        // A live resource has no file: name it by its ARN only.
        Location {
            physical_location: None,
            logical_locations: vec![LogicalLocation {
                name: Some(f.address.clone()),
                fully_qualified_name: f.location.path.clone(),
                kind: "resource",
            }],
        }
    } else {
        Location {
            physical_location: Some(PhysicalLocation {
                artifact_location: artifact_location(&f.location.path),
                region: f.location.span.and_then(|s| region(s, source)),
            }),
            logical_locations: vec![LogicalLocation {
                name: None,
                fully_qualified_name: f.address.clone(),
                kind: "resource",
            }],
        }
    };
    SarifResult {
        rule_id: &f.rule_id,
        rule_index,
        level: level(f.severity),
        message: Message {
            text: f.message.clone(),
        },
        locations: vec![location],
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, f.fingerprint.as_str())]),
        suppressions: f.suppressed.as_ref().map(|s| {
            vec![Suppression {
                kind: match s.kind {
                    SuppressionKind::Inline => "inSource",
                    SuppressionKind::Config | SuppressionKind::Baseline => "external",
                },
                justification: &s.reason,
                properties: SuppressionProperties { kind: s.kind },
            }]
        }),
        properties: ResultProperties {
            severity: f.severity,
            resource_kind: &f.kind,
            resource_address: &f.address,
            property_path: f.property_path.as_deref(),
        },
    }
}

fn notification(d: &Diagnostic) -> Notification {
    let region = (d.line > 0).then(|| Region {
        start_line: d.line,
        start_column: d.column.max(1),
        end_line: d.line,
        end_column: None,
    });
    Notification {
        level: match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        },
        message: Message {
            text: d.message.clone(),
        },
        locations: vec![Location {
            physical_location: Some(PhysicalLocation {
                artifact_location: artifact_location(&d.path),
                region,
            }),
            logical_locations: Vec::new(),
        }],
    }
}

/// The region of a span, 1-based; `None` when the span has no line.
fn region(span: vigil_model::Span, source: Option<&str>) -> Option<Region> {
    if span.start.line == 0 {
        return None;
    }
    let (end_line, end_column) = span_end(span, source);
    Some(Region {
        start_line: span.start.line,
        start_column: span.start.column.max(1),
        end_line,
        end_column,
    })
}

fn is_arn(path: &str) -> bool {
    path.starts_with("arn:")
}

/// The artifact location of a reported path: relative to `%SRCROOT%`, `/`-separated and
/// percent-encoded. An absolute path (which a scan of the root should not produce) becomes a
/// `file://` URI rather than a relative one that would point somewhere else.
fn artifact_location(path: &str) -> ArtifactLocation {
    let path = path.replace('\\', "/");
    let mut rel = path.as_str();
    while let Some(rest) = rel.strip_prefix("./") {
        rel = rest;
    }
    if rel.starts_with('/') {
        ArtifactLocation {
            uri: Some(format!("file://{}", encode_path(rel))),
            uri_base_id: None,
            description: None,
        }
    } else {
        ArtifactLocation {
            uri: Some(encode_path(rel)),
            uri_base_id: Some(SRCROOT),
            description: None,
        }
    }
}

/// Percent-encodes everything but unreserved characters and `/`. A `:` is encoded too, so that a
/// relative path's first segment is never read as a URI scheme.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_relative_percent_encoded_uris() {
        let a = artifact_location("./infra/my stack/a:b.yaml");
        assert_eq!(a.uri.as_deref(), Some("infra/my%20stack/a%3Ab.yaml"));
        assert_eq!(a.uri_base_id, Some(SRCROOT));
        let w = artifact_location("infra\\x.tf");
        assert_eq!(w.uri.as_deref(), Some("infra/x.tf"));
        let abs = artifact_location("/tmp/x.yaml");
        assert_eq!(abs.uri.as_deref(), Some("file:///tmp/x.yaml"));
        assert_eq!(abs.uri_base_id, None);
        assert_eq!(encode_path("é"), "%C3%A9");
    }

    #[test]
    fn levels_follow_severity() {
        assert_eq!(level(Severity::Critical), "error");
        assert_eq!(level(Severity::High), "error");
        assert_eq!(level(Severity::Medium), "warning");
        assert_eq!(level(Severity::Low), "note");
    }

    #[test]
    fn fences_outgrow_backticks() {
        assert_eq!(longest_backtick_run("a ``` b ` c"), 3);
        assert_eq!(longest_backtick_run("none"), 0);
    }
}
