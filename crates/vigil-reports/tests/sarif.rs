//! SARIF: valid against the SARIF 2.1.0 JSON schema, and meeting GitHub code scanning's own
//! requirements, which the schema does not check.
//!
//! The schema is `tests/data/sarif-schema-2.1.0.json` (see the README beside it for its source
//! and licence); set `SARIF_SCHEMA` to a path to validate against another copy instead, such as
//! the file OASIS publishes.

mod common;

use serde_json::Value;
use std::sync::OnceLock;
use vigil_reports::{render, Format};

fn sarif(run: &common::Run) -> Value {
    let out = render(&run.report(), Format::Sarif, false);
    serde_json::from_str(&out).expect("the SARIF log parses")
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let path = std::env::var("SARIF_SCHEMA").unwrap_or_else(|_| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/data/sarif-schema-2.1.0.json"
            )
            .to_string()
        });
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
        let schema: Value = serde_json::from_str(&text).expect("the schema parses");
        jsonschema::options()
            // Formats (`uri`, `uri-reference`) are annotations only in draft 2020-12 unless asked
            // for; GitHub rejects a malformed URI, so check them.
            .should_validate_formats(true)
            .build(&schema)
            .expect("the schema compiles")
    })
}

fn assert_valid(log: &Value) {
    let errors: Vec<String> = validator()
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF does not validate:\n{}\n\n{}",
        errors.join("\n"),
        serde_json::to_string_pretty(log).unwrap()
    );
}

#[test]
fn validates_against_the_sarif_schema() {
    assert_valid(&sarif(&common::sample()));
    assert_valid(&sarif(&common::clean()));
}

#[test]
fn the_schema_check_is_not_vacuous() {
    let mut log = sarif(&common::sample());
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(
        !validator().is_valid(&log),
        "an invalid level must be rejected"
    );
    let mut log = sarif(&common::sample());
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!validator().is_valid(&log), "a 0 line must be rejected");
    let mut log = sarif(&common::sample());
    log["runs"][0]["tool"]["driver"]["informationUri"] = "not a uri".into();
    assert!(!validator().is_valid(&log), "formats are checked");
}

#[test]
fn log_and_tool_headers() {
    let log = sarif(&common::sample());
    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"].as_array().unwrap().len(), 1);
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "vigil");
    assert_eq!(driver["version"], "0.1.0");
    assert_eq!(
        driver["informationUri"],
        "https://github.com/vigil-sec/vigil"
    );
    assert!(run["originalUriBaseIds"]["%SRCROOT%"].is_object());
}

#[test]
fn rules_are_the_ones_referenced_with_github_properties() {
    let log = sarif(&common::sample());
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    // In `report.rules` order; the rule with no finding is left out.
    assert_eq!(ids, ["AWS-S3-001", "AWS-EC2-001", "AWS-S3-005"]);
    for r in rules {
        let sev: f64 = r["properties"]["security-severity"]
            .as_str()
            .expect("security-severity is a string")
            .parse()
            .expect("security-severity is a number");
        assert!((0.0..=10.0).contains(&sev));
        let tags = r["properties"]["tags"].as_array().unwrap();
        assert!(tags.contains(&"security".into()));
        assert_eq!(r["properties"]["precision"], "high");
        assert!(r["shortDescription"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
        assert!(r["help"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(r["help"]["markdown"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
        assert!(["error", "warning", "note"]
            .contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    let acl = &rules[0];
    assert_eq!(acl["name"], "s3-bucket-public-acl");
    assert_eq!(
        acl["shortDescription"]["text"],
        "S3 bucket ACL grants access to everyone"
    );
    assert!(acl["fullDescription"]["text"]
        .as_str()
        .unwrap()
        .starts_with("A canned ACL"));
    assert_eq!(acl["properties"]["security-severity"], "8.0");
    assert_eq!(acl["defaultConfiguration"]["level"], "error");
    assert_eq!(
        acl["helpUri"],
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl"
    );
    let md = acl["help"]["markdown"].as_str().unwrap();
    assert!(md.contains("Remove `AccessControl`"), "{md}");
    assert!(
        md.contains("```\nBucket:\n  Type: AWS::S3::Bucket"),
        "the fixed example: {md}"
    );
    assert!(
        md.contains("CIS AWS Foundations Benchmark v3.0.0: 2.1.4"),
        "{md}"
    );
    let tags = acl["properties"]["tags"].as_array().unwrap();
    assert!(tags.contains(&"external/cis-aws-v3/2.1.4".into()));
    assert_eq!(rules[1]["properties"]["security-severity"], "9.5");
    assert_eq!(rules[2]["defaultConfiguration"]["level"], "warning");
    assert!(rules[2].get("helpUri").is_none(), "no link, no helpUri");
}

#[test]
fn results_meet_github_requirements() {
    let sample = common::sample();
    let log = sarif(&sample);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(
        results.len(),
        sample.findings.len(),
        "suppressed findings are results too"
    );
    assert!(results.len() <= 25_000);
    for (r, f) in results.iter().zip(&sample.findings) {
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert!(index < rules.len(), "ruleIndex in range");
        assert_eq!(
            rules[index]["id"], r["ruleId"],
            "ruleIndex points at the rule"
        );
        assert_eq!(r["ruleId"], f.rule_id.as_str());
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(r["message"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        assert_eq!(r["partialFingerprints"]["vigil/v1"], f.fingerprint.as_str());

        let locations = r["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let art = &locations[0]["physicalLocation"]["artifactLocation"];
        let uri = art["uri"].as_str().unwrap();
        assert!(
            !uri.contains("://") && !uri.starts_with('/') && !uri.contains('\\'),
            "relative: {uri}"
        );
        assert!(!uri.contains(' '), "percent-encoded: {uri}");
        assert_eq!(art["uriBaseId"], "%SRCROOT%");
        if let Some(region) = locations[0]["physicalLocation"].get("region") {
            // GitHub (and the OASIS schema's anyOf) needs startLine; lines and columns are 1-based.
            let start = region["startLine"].as_u64().expect("startLine");
            let end = region["endLine"].as_u64().unwrap();
            assert!(start >= 1 && end >= start, "{region}");
            assert!(region["startColumn"].as_u64().unwrap() >= 1);
        }
    }
}

#[test]
fn result_details() {
    let log = sarif(&common::sample());
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results[0]["level"], "error");
    assert_eq!(results[0]["ruleIndex"], 0);
    assert_eq!(
        results[0]["message"]["text"],
        "Bucket `Site` has AccessControl PublicRead"
    );
    let loc = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "infra/app.yaml");
    assert_eq!(
        loc["region"],
        serde_json::json!({"startLine": 7, "startColumn": 7, "endLine": 7, "endColumn": 20})
    );
    assert!(results[0].get("suppressions").is_none());

    // The block span ending at line 21 column 1 ends at the end of line 20.
    let ec2 = &results[2];
    assert_eq!(ec2["ruleIndex"], 1);
    assert_eq!(
        ec2["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({"startLine": 17, "startColumn": 11, "endLine": 20, "endColumn": 28})
    );

    // Suppressions: inline is in source, config and baseline are external.
    assert_eq!(
        results[1]["suppressions"],
        serde_json::json!([{"kind": "inSource", "justification": "logs are public by design", "properties": {"kind": "inline"}}])
    );
    assert_eq!(results[3]["suppressions"][0]["kind"], "external");
    assert_eq!(
        results[3]["suppressions"][0]["justification"],
        "tracked in SEC-12"
    );

    // A path with a space is percent-encoded; no span, no region.
    let archive = &results[4]["locations"][0]["physicalLocation"];
    assert_eq!(
        archive["artifactLocation"]["uri"],
        "infra/my%20stack/data.yaml"
    );
    assert!(archive.get("region").is_none());
    assert_eq!(results[4]["level"], "warning");
}

#[test]
fn read_errors_are_tool_notifications() {
    let log = sarif(&common::sample());
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    let errors: Vec<&Value> = notes.iter().filter(|n| n["level"] == "error").collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0]["message"]["text"],
        "mapping values are not allowed here"
    );
    let loc = &errors[0]["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "infra/broken.yaml");
    assert_eq!(loc["region"]["startLine"], 4);
}

#[test]
fn a_clean_run_has_no_rules_and_no_results() {
    let log = sarif(&common::clean());
    let run = &log["runs"][0];
    assert_eq!(run["results"], serde_json::json!([]));
    assert_eq!(run["tool"]["driver"]["rules"], serde_json::json!([]));
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn a_finding_of_an_unknown_rule_still_gets_a_descriptor() {
    let mut run = common::sample();
    run.rules.remove(1); // AWS-EC2-001 no longer in force, but its finding remains.
    let log = sarif(&run);
    assert_valid(&log);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let ec2 = &log["runs"][0]["results"][2];
    let index = ec2["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "AWS-EC2-001");
    assert_eq!(rules[index]["properties"]["security-severity"], "9.5");
}

/// The SARIF of a real scan of the example project, with the built-in catalogue, is valid and
/// names the real problems with their lines.
#[test]
fn a_real_scan_of_the_examples_validates() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let catalogue = vigil_rules::catalogue().expect("built-in rules compile");
    let options = vigil_gate::ScanOptions {
        paths: vec![root.join("examples")],
        ..vigil_gate::ScanOptions::default()
    };
    let result = vigil_gate::scan(&options, &catalogue);
    assert!(result.diagnostics.is_empty(), "{:?}", result.diagnostics);
    let report = vigil_reports::Report {
        tool_version: "0.1.0",
        findings: &result.findings,
        diagnostics: &result.diagnostics,
        rules: catalogue.rules(),
        sources: &result.sources,
        files_scanned: result.files_scanned,
        files_searched: result.files_searched,
        fail_on: Some(vigil_model::Severity::High),
        passed: false,
        parse_errors_fail: true,
    };
    let log: Value = serde_json::from_str(&vigil_reports::render(
        &report,
        vigil_reports::Format::Sarif,
        false,
    ))
    .unwrap();
    assert_valid(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let at = |rule: &str| -> Vec<(String, u64)> {
        results
            .iter()
            .filter(|r| r["ruleId"] == rule)
            .map(|r| {
                let loc = &r["locations"][0]["physicalLocation"];
                let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
                (
                    uri.rsplit('/').next().unwrap().to_string(),
                    loc["region"]["startLine"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    // Public ACL, public and unencrypted database (through a condition), admin policy.
    assert_eq!(at("AWS-S3-002"), [("storage.yaml".to_string(), 20)]);
    assert_eq!(at("AWS-RDS-001"), [("storage.yaml".to_string(), 65)]);
    assert_eq!(at("AWS-RDS-002"), [("storage.yaml".to_string(), 66)]);
    assert_eq!(at("AWS-IAM-001"), [("identity.json".to_string(), 28)]);
    assert_eq!(
        at("AWS-EC2-001").len(),
        1,
        "SSH open through the parameter default"
    );
}
