//! The JSON report: round-trips through serde_json, has exactly the documented fields, and every
//! field is documented in `docs/json-format.md`.

mod common;

use serde_json::Value;
use vigil_reports::{render, Format};

fn json(run: &common::Run) -> Value {
    let out = render(&run.report(), Format::Json, false);
    serde_json::from_str(&out).expect("the JSON report parses")
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

const TOP: &[&str] = &["version", "tool", "summary", "findings", "diagnostics"];
const TOOL: &[&str] = &["name", "version"];
const SUMMARY: &[&str] = &[
    "files_scanned",
    "files_searched_for_secrets",
    "findings",
    "suppressed",
    "errors",
    "passed",
    "fail_on",
];
const BY_SEVERITY: &[&str] = &["critical", "high", "medium", "low"];
const FINDING: &[&str] = &[
    "rule_id",
    "rule_name",
    "severity",
    "title",
    "message",
    "kind",
    "address",
    "location",
    "property_path",
    "remediation",
    "fingerprint",
    "suppressed",
];
const LOCATION: &[&str] = &[
    "path",
    "start_line",
    "start_column",
    "end_line",
    "end_column",
];
const SUPPRESSION: &[&str] = &["kind", "rule", "reason"];
const DIAGNOSTIC: &[&str] = &["level", "path", "line", "column", "message"];

#[test]
fn round_trips_through_serde_json() {
    let run = common::sample();
    let text = render(&run.report(), Format::Json, false);
    let value: Value = serde_json::from_str(&text).unwrap();
    let again = serde_json::to_string_pretty(&value).unwrap();
    assert_eq!(text.trim_end(), again, "re-serialising changes nothing");
    let back: Value = serde_json::from_str(&again).unwrap();
    assert_eq!(value, back);
}

#[test]
fn has_exactly_the_documented_fields_in_order() {
    let v = json(&common::sample());
    assert_eq!(keys(&v), TOP);
    assert_eq!(keys(&v["tool"]), TOOL);
    assert_eq!(keys(&v["summary"]), SUMMARY);
    assert_eq!(keys(&v["summary"]["findings"]), BY_SEVERITY);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 5, "suppressed findings are included");
    for f in findings {
        assert_eq!(keys(f), FINDING);
        assert_eq!(keys(&f["location"]), LOCATION);
        if !f["suppressed"].is_null() {
            assert_eq!(keys(&f["suppressed"]), SUPPRESSION);
        }
    }
    for d in v["diagnostics"].as_array().unwrap() {
        assert_eq!(keys(d), DIAGNOSTIC);
    }
}

#[test]
fn values_match_the_run() {
    let run = common::sample();
    let v = json(&run);
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "vigil");
    assert_eq!(v["tool"]["version"], "0.1.0");
    let s = &v["summary"];
    assert_eq!(s["files_scanned"], 3);
    assert_eq!(
        s["findings"],
        serde_json::json!({"critical": 1, "high": 1, "medium": 1, "low": 0})
    );
    assert_eq!(s["suppressed"], 2);
    assert_eq!(s["errors"], 1);
    assert_eq!(s["passed"], false);
    assert_eq!(s["fail_on"], "high");

    let f = &v["findings"];
    assert_eq!(f[0]["rule_id"], "AWS-S3-001");
    assert_eq!(f[0]["severity"], "high");
    assert_eq!(f[0]["suppressed"], Value::Null);
    assert_eq!(f[0]["fingerprint"], run.findings[0].fingerprint.as_str());
    assert_eq!(
        f[0]["location"],
        serde_json::json!({"path": "infra/app.yaml", "start_line": 7, "start_column": 7, "end_line": 7, "end_column": 20})
    );
    assert_eq!(f[0]["property_path"], "Properties.AccessControl");
    assert_eq!(
        f[1]["suppressed"],
        serde_json::json!({"kind": "inline", "rule": "AWS-S3-001", "reason": "logs are public by design"})
    );
    assert_eq!(f[3]["suppressed"]["kind"], "config");
    // No span: the lines are null, the path is kept; no property path: null, not absent.
    assert_eq!(f[4]["location"]["path"], "infra/my stack/data.yaml");
    assert_eq!(f[4]["location"]["start_line"], Value::Null);
    assert_eq!(f[4]["property_path"], Value::Null);
    // Text is carried as is (JSON escapes it); nothing is dropped.
    assert!(f[4]["message"]
        .as_str()
        .unwrap()
        .contains("<no policy> & \"aws:"));

    let d = &v["diagnostics"];
    assert_eq!(
        d[0],
        serde_json::json!({"level": "error", "path": "infra/broken.yaml", "line": 4, "column": 3, "message": "mapping values are not allowed here"})
    );
    assert_eq!(d[1]["level"], "warning");
    assert_eq!(d[1]["line"], 0);
}

#[test]
fn fail_on_never_is_null() {
    let mut run = common::clean();
    run.fail_on = None;
    let v = json(&run);
    assert_eq!(v["summary"]["fail_on"], Value::Null);
    assert_eq!(v["summary"]["passed"], true);
    assert_eq!(v["findings"], serde_json::json!([]));
    assert_eq!(v["diagnostics"], serde_json::json!([]));
}

#[test]
fn every_field_is_documented() {
    let doc_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/json-format.md");
    let doc = std::fs::read_to_string(doc_path).expect("docs/json-format.md exists");
    // Each field is documented under its full path (`findings[].location.start_line`).
    let all = [
        ("", TOP),
        ("tool.", TOOL),
        ("summary.", SUMMARY),
        ("summary.findings.", BY_SEVERITY),
        ("findings[].", FINDING),
        ("findings[].location.", LOCATION),
        ("findings[].suppressed.", SUPPRESSION),
        ("diagnostics[].", DIAGNOSTIC),
    ];
    for (prefix, fields) in all {
        for field in fields {
            let path = format!("`{prefix}{field}`");
            assert!(
                doc.contains(&path),
                "docs/json-format.md does not document {path}"
            );
        }
    }
}
