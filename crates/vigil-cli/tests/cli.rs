//! End-to-end tests of the `vigil` command: real templates in temporary directories, the real
//! binary, its exit code and what it printed.
//!
//! Built-in rules are named only where the test is about them (`AWS-S3-001` on a
//! `PublicReadWrite` ACL); tests about thresholds, suppressions and configuration use the test
//! rules of `common::write_test_rules` on a `Custom::Widget`, which no built-in rule judges, so a
//! growing catalogue cannot change their outcome.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;
use tempfile::TempDir;

/// Sets up `infra/` (the scanned tree) and `rules/` (the test rules) in a fresh directory.
fn project(files: &[(&str, &str)]) -> TempDir {
    let t = tmp();
    for (rel, text) in files {
        write(t.path(), &format!("infra/{rel}"), text);
    }
    write_test_rules(t.path(), "rules");
    t
}

fn scan_widgets(dir: &Path, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["infra", "--rules", "rules"];
    args.extend_from_slice(extra);
    scan_json(dir, &args)
}

// ---------------------------------------------------------------------------------------------
// The verdict and the text report

#[test]
fn public_bucket_fails_the_gate_and_the_text_names_file_line_and_rule() {
    let t = project(&[("app.yaml", PUBLIC_BUCKET)]);
    let run = vigil(t.path(), &["scan", "infra"]);
    assert_eq!(run.code, 1, "default threshold is high: {run:?}");
    let line = line_of(PUBLIC_BUCKET, "AccessControl");
    assert!(
        run.stdout.contains(&format!("infra/app.yaml:{line}:")),
        "the text names file and line {line}: {run:?}"
    );
    assert!(run.stdout.contains("AWS-S3-001"), "{run:?}");
    assert!(run.stdout.contains("FAILED"), "{run:?}");

    // The JSON report agrees: AWS-S3-001 points at the ACL line.
    let (code, report) = scan_json(t.path(), &["infra"]);
    assert_eq!(code, 1);
    let f = of_rule(&report, "AWS-S3-001");
    assert_eq!(f.len(), 1, "{report:#}");
    assert_eq!(f[0]["location"]["path"], "infra/app.yaml");
    assert_eq!(f[0]["location"]["start_line"], line);
    assert_eq!(f[0]["address"], "Site");
    assert_eq!(report["summary"]["passed"], false);
}

#[test]
fn clean_template_passes() {
    let t = project(&[("app.yaml", CLEAN)]);
    let run = vigil(t.path(), &["scan", "infra"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("PASSED"), "{run:?}");
    let (code, report) = scan_json(t.path(), &["infra"]);
    assert_eq!(code, 0);
    assert!(findings(&report).is_empty(), "{report:#}");
    assert!(diagnostics(&report).is_empty(), "{report:#}");
    assert_eq!(report["summary"]["files_scanned"], 1);
    assert_eq!(report["summary"]["passed"], true);
}

#[test]
fn fail_on_never_passes_whatever_is_found() {
    let t = project(&[("app.yaml", PUBLIC_BUCKET), ("w.yaml", &widget("critical"))]);
    let (code, report) = scan_widgets(t.path(), &["--fail-on", "never"]);
    assert_eq!(code, 0);
    assert!(!of_rule(&report, "AWS-S3-001").is_empty());
    assert!(!of_rule(&report, "TEST-CRITICAL-001").is_empty());
    assert_eq!(report["summary"]["passed"], true);
    assert_eq!(report["summary"]["fail_on"], Value::Null);
}

#[test]
fn fail_on_thresholds_compare_severities() {
    // (finding severity, threshold, exit code)
    let cases = [
        ("low", "low", 1),
        ("low", "medium", 0),
        ("medium", "medium", 1),
        ("medium", "high", 0),
        ("high", "high", 1),
        ("high", "critical", 0),
        ("critical", "critical", 1),
        ("critical", "low", 1),
        ("medium", "low", 1),
    ];
    for (severity, threshold, expected) in cases {
        let t = project(&[("w.yaml", &widget(severity))]);
        let (code, report) = scan_widgets(t.path(), &["--fail-on", threshold]);
        assert_eq!(
            code, expected,
            "a {severity} finding with --fail-on {threshold}: {report:#}"
        );
        assert_eq!(findings(&report).len(), 1, "{report:#}");
        assert_eq!(findings(&report)[0]["severity"], severity);
        assert_eq!(report["summary"]["fail_on"], threshold);
    }
    // The default threshold is high.
    let t = project(&[("w.yaml", &widget("medium"))]);
    assert_eq!(scan_widgets(t.path(), &[]).0, 0);
    let t = project(&[("w.yaml", &widget("high"))]);
    assert_eq!(scan_widgets(t.path(), &[]).0, 1);
}

#[test]
fn public_bucket_against_critical_and_low_thresholds() {
    // AWS-S3-001 is at least high; with every other built-in rule skipped, `--fail-on low`
    // fails, and `--fail-on critical` fails exactly when the rule is critical.
    let t = project(&[("app.yaml", PUBLIC_BUCKET)]);
    let skip = skip_all_but(t.path(), &["AWS-S3-001"]);
    let mut args: Vec<&str> = vec!["infra"];
    args.extend(skip.iter().map(String::as_str));
    let (code, report) = scan_json(t.path(), &[args.as_slice(), &["--fail-on", "low"]].concat());
    assert_eq!(code, 1);
    let severity = of_rule(&report, "AWS-S3-001")[0]["severity"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(["high", "critical"].contains(&severity.as_str()));
    let (code, _) = scan_json(
        t.path(),
        &[args.as_slice(), &["--fail-on", "critical"]].concat(),
    );
    assert_eq!(code, i32::from(severity == "critical"));
}

#[test]
fn invalid_fail_on_is_a_usage_error() {
    let t = project(&[("app.yaml", CLEAN)]);
    let run = vigil(t.path(), &["scan", "infra", "--fail-on", "foo"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("foo"), "{run:?}");
    assert!(
        run.stderr.contains("low") && run.stderr.contains("critical"),
        "the message lists the valid thresholds: {run:?}"
    );
    assert!(run.stdout.is_empty(), "no report on a usage error: {run:?}");
}

#[test]
fn missing_path_is_a_usage_error() {
    let t = project(&[("app.yaml", CLEAN)]);
    let run = vigil(t.path(), &["scan", "infra", "no-such-dir"]);
    assert_eq!(
        run.code, 2,
        "a path that does not exist is a usage error: {run:?}"
    );
    assert!(run.stderr.contains("no-such-dir"), "{run:?}");
    assert!(run.stdout.is_empty(), "no report on a usage error: {run:?}");
}

// ---------------------------------------------------------------------------------------------
// Output formats

#[test]
fn json_sarif_and_junit_are_well_formed() {
    let t = project(&[("app.yaml", PUBLIC_BUCKET), ("clean.yaml", CLEAN)]);

    let (code, report) = scan_json(t.path(), &["infra"]);
    assert_eq!(code, 1);
    assert_eq!(report["version"], 1);
    assert!(report["summary"]["passed"].is_boolean());
    for f in findings(&report) {
        for key in ["rule_id", "severity", "fingerprint", "address"] {
            assert!(f[key].is_string(), "finding without {key}: {f:#}");
        }
        assert!(f["location"]["path"].is_string());
        assert!(f["location"]["start_line"].is_u64());
        assert!(
            f.get("suppressed").is_some(),
            "`suppressed` is always present"
        );
        let fp = f["fingerprint"].as_str().unwrap();
        assert!(
            fp.len() == 24 && fp.chars().all(|c| c.is_ascii_hexdigit()),
            "{fp}"
        );
    }

    let sarif = vigil(t.path(), &["scan", "infra", "--format", "sarif"]);
    assert_eq!(sarif.code, 1);
    let s = sarif.json();
    assert_eq!(s["version"], "2.1.0");
    let results = s["runs"][0]["results"].as_array().expect("SARIF results");
    assert_eq!(results.len(), findings(&report).len());
    assert!(results.iter().any(|r| r["ruleId"] == "AWS-S3-001"), "{s:#}");

    let junit = vigil(t.path(), &["scan", "infra", "--format", "junit"]);
    assert_eq!(junit.code, 1);
    assert!(junit.stdout.trim_start().starts_with("<?xml"), "{junit:?}");
    assert!(junit.stdout.contains("<testsuite"), "{junit:?}");
    assert!(junit.stdout.contains("AWS-S3-001"), "{junit:?}");
    check_xml(&junit.stdout);
}

/// A small well-formedness check: tags balance and nest, attributes are quoted, entities are
/// known. Enough to catch a report that a CI system would refuse.
fn check_xml(xml: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    let mut roots = 0;
    while let Some(lt) = rest.find('<') {
        check_text(&rest[..lt]);
        rest = &rest[lt..];
        if rest.starts_with("<?") {
            let end = rest.find("?>").expect("unterminated declaration");
            rest = &rest[end + 2..];
            continue;
        }
        if rest.starts_with("<!--") {
            let end = rest.find("-->").expect("unterminated comment");
            rest = &rest[end + 3..];
            continue;
        }
        if rest.starts_with("<![CDATA[") {
            let end = rest.find("]]>").expect("unterminated CDATA");
            rest = &rest[end + 3..];
            continue;
        }
        let gt = tag_end(rest).expect("unterminated tag");
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().unwrap_or_else(|| panic!("stray </{name}>"));
            assert_eq!(open, name.trim(), "</{name}> closes <{open}>");
            continue;
        }
        let self_closing = tag.ends_with('/');
        let body = tag.trim_end_matches('/');
        let name: String = body.chars().take_while(|c| !c.is_whitespace()).collect();
        assert!(!name.is_empty(), "empty tag name in <{tag}>");
        check_attributes(&body[name.len()..]);
        if stack.is_empty() {
            roots += 1;
        }
        if !self_closing {
            stack.push(name);
        }
    }
    check_text(rest);
    assert!(stack.is_empty(), "unclosed tags: {stack:?}");
    assert_eq!(roots, 1, "one root element");
}

fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn check_attributes(s: &str) {
    let mut rest = s.trim();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .unwrap_or_else(|| panic!("attribute without value: {rest}"));
        let q = rest[eq + 1..].chars().next().expect("attribute value");
        assert!(q == '"' || q == '\'', "unquoted attribute: {rest}");
        let close = rest[eq + 2..]
            .find(q)
            .unwrap_or_else(|| panic!("unterminated attribute: {rest}"));
        let value = &rest[eq + 2..eq + 2 + close];
        assert!(!value.contains('<'), "`<` in an attribute: {value}");
        check_text(value);
        rest = rest[eq + 2 + close + 1..].trim_start();
    }
}

fn check_text(s: &str) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        let semi = rest[amp..]
            .find(';')
            .unwrap_or_else(|| panic!("bare `&` in {s:?}"));
        let entity = &rest[amp + 1..amp + semi];
        assert!(
            ["lt", "gt", "amp", "quot", "apos"].contains(&entity) || entity.starts_with('#'),
            "unknown entity &{entity};"
        );
        rest = &rest[amp + semi + 1..];
    }
}

#[test]
fn output_file_receives_the_report() {
    let t = project(&[("app.yaml", PUBLIC_BUCKET)]);
    for (format, file) in [
        ("json", "out/report.json"),
        ("sarif", "out/report.sarif"),
        ("junit", "out/report.xml"),
        ("text", "out/report.txt"),
    ] {
        std::fs::create_dir_all(t.path().join("out")).unwrap();
        let run = vigil(t.path(), &["scan", "infra", "--format", format, "-o", file]);
        assert_eq!(run.code, 1, "{run:?}");
        assert!(
            run.stdout.is_empty(),
            "the report goes to the file: {run:?}"
        );
        assert!(
            run.stderr.contains("FAILED"),
            "a one-line summary on stderr: {run:?}"
        );
        let text = std::fs::read_to_string(t.path().join(file)).expect("report written");
        assert!(text.contains("AWS-S3-001"), "{format}: {text}");
        match format {
            "json" | "sarif" => {
                serde_json::from_str::<Value>(&text).expect("valid JSON");
            }
            "junit" => check_xml(&text),
            _ => assert!(text.contains("infra/app.yaml")),
        }
    }
    let run = vigil(
        t.path(),
        &["scan", "infra", "-o", "no-such-dir/report.json"],
    );
    assert_eq!(
        run.code, 2,
        "an unwritable output is a usage error: {run:?}"
    );
    assert!(run.stderr.contains("no-such-dir/report.json"), "{run:?}");
}

// ---------------------------------------------------------------------------------------------
// Parameters

const PARAM_ACL: &str = "\
AWSTemplateFormatVersion: \"2010-09-09\"
Parameters:
  Acl:
    Type: String
    Default: PublicReadWrite
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !Ref Acl
";

#[test]
fn a_risk_in_a_parameter_default_fires_and_an_override_clears_it() {
    let t = project(&[("app.yaml", PARAM_ACL)]);
    let (_, report) = scan_json(t.path(), &["infra"]);
    let f = of_rule(&report, "AWS-S3-001");
    assert_eq!(
        f.len(),
        1,
        "the default makes the bucket public: {report:#}"
    );
    assert_eq!(
        f[0]["location"]["start_line"],
        line_of(PARAM_ACL, "AccessControl")
    );

    let (_, report) = scan_json(t.path(), &["infra", "--param", "Acl=Private"]);
    assert!(of_rule(&report, "AWS-S3-001").is_empty(), "{report:#}");

    // And the other way round: an override can make a private default public.
    let private_default = PARAM_ACL.replace("Default: PublicReadWrite", "Default: Private");
    let t = project(&[("app.yaml", &private_default)]);
    let (_, report) = scan_json(t.path(), &["infra"]);
    assert!(of_rule(&report, "AWS-S3-001").is_empty());
    let (_, report) = scan_json(t.path(), &["infra", "--param", "Acl=PublicReadWrite"]);
    assert_eq!(of_rule(&report, "AWS-S3-001").len(), 1);
}

#[test]
fn params_file_in_both_shapes() {
    let t = project(&[("app.yaml", PARAM_ACL)]);
    write(
        t.path(),
        "params/list.json",
        r#"[{"ParameterKey": "Acl", "ParameterValue": "Private"}]"#,
    );
    write(
        t.path(),
        "params/map.json",
        r#"{"Parameters": {"Acl": "Private"}}"#,
    );
    write(
        t.path(),
        "params/public.json",
        r#"{"Parameters": {"Acl": "PublicReadWrite"}}"#,
    );
    for file in ["params/list.json", "params/map.json"] {
        let (_, report) = scan_json(t.path(), &["infra", "--params-file", file]);
        assert!(
            of_rule(&report, "AWS-S3-001").is_empty(),
            "{file}: {report:#}"
        );
    }
    // `--param` wins over the file.
    let (_, report) = scan_json(
        t.path(),
        &[
            "infra",
            "--params-file",
            "params/list.json",
            "--param",
            "Acl=PublicReadWrite",
        ],
    );
    assert_eq!(of_rule(&report, "AWS-S3-001").len(), 1, "{report:#}");
    let (_, report) = scan_json(t.path(), &["infra", "--params-file", "params/public.json"]);
    assert_eq!(of_rule(&report, "AWS-S3-001").len(), 1);

    // A malformed parameters file is a usage error naming it.
    write(t.path(), "params/bad.json", "[{\"ParameterKey\": \"Acl\"}]");
    let run = vigil(
        t.path(),
        &["scan", "infra", "--params-file", "params/bad.json"],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("params/bad.json"), "{run:?}");
    let run = vigil(t.path(), &["scan", "infra", "--param", "no-equals-sign"]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn unknown_values_never_fire() {
    let template = "\
AWSTemplateFormatVersion: \"2010-09-09\"
Parameters:
  Acl:
    Type: String
  Risk:
    Type: String
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !Ref Acl
  Imported:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !ImportValue shared-acl
  Thing:
    Type: Custom::Widget
    Properties:
      Risk: !Ref Risk
  Other:
    Type: Custom::Widget
    Properties:
      Risk: !Sub \"${AWS::Region}\"
";
    let t = project(&[("app.yaml", template)]);
    let (_, report) = scan_widgets(t.path(), &["--fail-on", "low"]);
    assert!(of_rule(&report, "AWS-S3-001").is_empty(), "{report:#}");
    for (_, id) in TEST_RULES {
        assert!(
            of_rule(&report, id).is_empty(),
            "{id} fired on an unknown: {report:#}"
        );
    }
    // Once the value is given, it is known.
    let (code, report) = scan_widgets(
        t.path(),
        &["--param", "Acl=PublicReadWrite", "--param", "Risk=critical"],
    );
    assert_eq!(of_rule(&report, "AWS-S3-001").len(), 1, "{report:#}");
    assert_eq!(of_rule(&report, "TEST-CRITICAL-001").len(), 1, "{report:#}");
    assert_eq!(code, 1);
}

// ---------------------------------------------------------------------------------------------
// Suppressions

fn assert_suppressed(f: &Value, kind: &str, reason: &str) {
    let s = &f["suppressed"];
    assert!(s.is_object(), "expected a suppressed finding: {f:#}");
    assert_eq!(s["kind"], kind, "{f:#}");
    assert!(
        s["reason"].as_str().unwrap_or_default().contains(reason),
        "reason {reason:?} expected: {f:#}"
    );
}

#[test]
fn inline_comment_above_or_in_the_resource_suppresses_with_its_reason() {
    let above = PUBLIC_BUCKET.replace(
        "  Site:\n",
        "  # vigil:ignore AWS-S3-001 public website, reviewed in SEC-42\n  Site:\n",
    );
    let inside = PUBLIC_BUCKET.replace(
        "      AccessControl: PublicReadWrite\n",
        "      AccessControl: PublicReadWrite # vigil:ignore AWS-S3-001 public website, reviewed in SEC-42\n",
    );
    for template in [above, inside] {
        let t = project(&[("app.yaml", &template)]);
        let skip = skip_all_but(t.path(), &["AWS-S3-001"]);
        let mut args: Vec<&str> = vec!["infra"];
        args.extend(skip.iter().map(String::as_str));
        let (code, report) = scan_json(t.path(), &args);
        let f = of_rule(&report, "AWS-S3-001");
        assert_eq!(f.len(), 1, "the finding stays in the report: {report:#}");
        assert_suppressed(f[0], "inline", "public website, reviewed in SEC-42");
        assert_eq!(f[0]["suppressed"]["rule"], "AWS-S3-001");
        assert_eq!(code, 0, "{template}\n{report:#}");
        assert_eq!(report["summary"]["passed"], true);
    }
}

#[test]
fn inline_comment_names_only_its_rule_and_its_resource() {
    let template = "\
AWSTemplateFormatVersion: \"2010-09-09\"
Resources:
  # vigil:ignore TEST-HIGH-001 accepted
  One:
    Type: Custom::Widget
    Properties:
      Risk: critical
  Two:
    Type: Custom::Widget
    Properties:
      Risk: high
";
    let t = project(&[("app.yaml", template)]);
    let (code, report) = scan_widgets(t.path(), &[]);
    assert_eq!(code, 1);
    let unsup = unsuppressed(&report);
    assert_eq!(unsup.len(), 2, "{report:#}");
    // The same comment with the rule's name (not id), or `*`, covers it.
    let by_name = template.replace("TEST-HIGH-001", "test-widget-risk-critical");
    let t = project(&[("app.yaml", &by_name)]);
    let (_, report) = scan_widgets(t.path(), &[]);
    let f = of_rule(&report, "TEST-CRITICAL-001");
    assert_suppressed(f[0], "inline", "accepted");
    assert!(of_rule(&report, "TEST-HIGH-001")[0]["suppressed"].is_null());
}

#[test]
fn json_template_metadata_suppresses_with_its_reason() {
    let template = r#"{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Site": {
      "Type": "AWS::S3::Bucket",
      "Metadata": {"vigil": {"ignore": [{"id": "AWS-S3-001", "reason": "public website"}]}},
      "Properties": {"AccessControl": "PublicReadWrite"}
    },
    "Thing": {
      "Type": "Custom::Widget",
      "Metadata": {"vigil": {"ignore": ["TEST-CRITICAL-001"]}},
      "Properties": {"Risk": "critical"}
    }
  }
}
"#;
    let t = project(&[("app.json", template)]);
    let skip = skip_all_but(t.path(), &["AWS-S3-001"]);
    let mut args: Vec<&str> = vec!["--fail-on", "low"];
    args.extend(skip.iter().map(String::as_str));
    let (code, report) = scan_widgets(t.path(), &args);
    let f = of_rule(&report, "AWS-S3-001");
    assert_eq!(f.len(), 1, "{report:#}");
    assert_suppressed(f[0], "inline", "public website");
    assert_eq!(
        f[0]["location"]["start_line"],
        line_of(template, "\"Properties\": {\"AccessControl\"")
    );
    let w = of_rule(&report, "TEST-CRITICAL-001");
    assert_eq!(w.len(), 1);
    assert_eq!(w[0]["suppressed"]["kind"], "inline");
    assert_eq!(code, 0, "{report:#}");
}

#[test]
fn vigil_toml_skip_rules_marks_findings_suppressed_by_config() {
    let t = project(&[("w.yaml", &widget("critical"))]);
    write(
        t.path(),
        "infra/vigil.toml",
        "skip_rules = [\"TEST-CRITICAL-001\"]\n",
    );
    let (code, report) = scan_widgets(t.path(), &[]);
    let f = of_rule(&report, "TEST-CRITICAL-001");
    assert_eq!(f.len(), 1, "{report:#}");
    assert_eq!(f[0]["suppressed"]["kind"], "config");
    assert_eq!(code, 0);
    // A rule that does not exist is a usage error, not a silent no-op.
    write(
        t.path(),
        "infra/vigil.toml",
        "skip_rules = [\"NOPE-001\"]\n",
    );
    let run = vigil(t.path(), &["scan", "infra", "--rules", "rules"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("NOPE-001"), "{run:?}");
}

#[test]
fn vigil_toml_exclude_keeps_files_out() {
    let t = project(&[
        ("w.yaml", &widget("none")),
        ("legacy/old.yaml", &widget("critical")),
        ("tests/fixtures/f.yaml", &widget("critical")),
    ]);
    let (code, report) = scan_widgets(t.path(), &[]);
    assert_eq!(
        code, 1,
        "without the config, the legacy files fail the gate"
    );
    assert_eq!(report["summary"]["files_scanned"], 3);
    write(
        t.path(),
        "infra/vigil.toml",
        "exclude = [\"legacy/**\", \"tests/fixtures\"]\n",
    );
    let (code, report) = scan_widgets(t.path(), &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["summary"]["files_scanned"], 1);
    assert!(findings(&report).is_empty(), "{report:#}");
    // `--exclude` on the command line does the same.
    std::fs::remove_file(t.path().join("infra/vigil.toml")).unwrap();
    let (code, report) = scan_widgets(
        t.path(),
        &["--exclude", "legacy/**", "--exclude", "tests/**"],
    );
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["summary"]["files_scanned"], 1);
}

#[test]
fn vigil_toml_severity_override_and_fail_on() {
    let t = project(&[("w.yaml", &widget("critical"))]);
    write(
        t.path(),
        "infra/vigil.toml",
        "[severity]\nTEST-CRITICAL-001 = \"low\"\n",
    );
    let (code, report) = scan_widgets(t.path(), &[]);
    let f = of_rule(&report, "TEST-CRITICAL-001");
    assert_eq!(f[0]["severity"], "low", "{report:#}");
    assert!(f[0]["suppressed"].is_null());
    assert_eq!(
        code, 0,
        "a low finding does not reach the default threshold"
    );

    write(
        t.path(),
        "infra/vigil.toml",
        "fail_on = \"low\"\n[severity]\nTEST-CRITICAL-001 = \"low\"\n",
    );
    let (code, report) = scan_widgets(t.path(), &[]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(report["summary"]["fail_on"], "low");
    // The command line wins over the file.
    let (code, _) = scan_widgets(t.path(), &["--fail-on", "medium"]);
    assert_eq!(code, 0);

    // A bad config names the file and the line.
    write(
        t.path(),
        "infra/vigil.toml",
        "fail_on = \"low\"\n\nskip_rulez = []\n",
    );
    let run = vigil(t.path(), &["scan", "infra", "--rules", "rules"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("vigil.toml:3"), "{run:?}");
    write(t.path(), "infra/vigil.toml", "fail_on = \"sometimes\"\n");
    let run = vigil(t.path(), &["scan", "infra", "--rules", "rules"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("sometimes"), "{run:?}");
}

#[test]
fn gitignored_files_are_not_scanned_without_a_repository() {
    let t = project(&[
        ("w.yaml", &widget("none")),
        ("generated/out.yaml", &widget("critical")),
        ("ignored.yaml", &widget("critical")),
    ]);
    write(t.path(), "infra/.gitignore", "generated/\nignored.yaml\n");
    let (code, report) = scan_widgets(t.path(), &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["summary"]["files_scanned"], 1);
    assert!(findings(&report).is_empty(), "{report:#}");
}

#[test]
fn gitignored_files_are_not_scanned_in_a_repository() {
    let git_works = std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !git_works {
        eprintln!("git is not installed (scripts/test.sh installs it); only the .gitignore-without-repository case ran");
        return;
    }
    let t = project(&[
        ("w.yaml", &widget("none")),
        ("build/out.yaml", &widget("critical")),
    ]);
    let status = std::process::Command::new("git")
        .args(["init", "-q", "."])
        .current_dir(t.path())
        .status()
        .unwrap();
    assert!(status.success());
    // The ignore file sits at the repository root, above the scanned directory.
    write(t.path(), ".gitignore", "infra/build/\n");
    let (code, report) = scan_widgets(t.path(), &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["summary"]["files_scanned"], 1, "{report:#}");
}

// ---------------------------------------------------------------------------------------------
// Baselines and fingerprints

#[test]
fn baseline_accepts_todays_findings_and_fails_on_new_ones() {
    let t = project(&[("app.yaml", PUBLIC_BUCKET)]);
    let run = vigil(t.path(), &["baseline", "infra", "-o", "baseline.json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let b: Value =
        serde_json::from_str(&std::fs::read_to_string(t.path().join("baseline.json")).unwrap())
            .unwrap();
    assert_eq!(b["version"], 1);
    assert!(!b["findings"].as_array().unwrap().is_empty());

    let (code, report) = scan_json(t.path(), &["infra", "--baseline", "baseline.json"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(!findings(&report).is_empty());
    for f in findings(&report) {
        assert_suppressed(f, "baseline", "baseline.json");
    }

    // A new public bucket: only its findings count.
    let grown = format!(
        "{PUBLIC_BUCKET}  Uploads:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicReadWrite\n"
    );
    write(t.path(), "infra/app.yaml", &grown);
    let (code, report) = scan_json(t.path(), &["infra", "--baseline", "baseline.json"]);
    assert_eq!(code, 1, "{report:#}");
    let new = unsuppressed(&report);
    assert!(!new.is_empty());
    assert!(
        new.iter().all(|f| f["address"] == "Uploads"),
        "only the new resource's findings count: {report:#}"
    );
    assert!(new.iter().any(|f| f["rule_id"] == "AWS-S3-001"));
    assert!(of_rule(&report, "AWS-S3-001")
        .iter()
        .any(|f| f["address"] == "Site" && f["suppressed"]["kind"] == "baseline"));

    // A missing or foreign baseline is a usage error.
    let run = vigil(t.path(), &["scan", "infra", "--baseline", "nope.json"]);
    assert_eq!(run.code, 2, "{run:?}");
    write(t.path(), "not-a-baseline.json", "{\"hello\": 1}");
    let run = vigil(
        t.path(),
        &["scan", "infra", "--baseline", "not-a-baseline.json"],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("not-a-baseline.json"), "{run:?}");
}

#[test]
fn fingerprints_survive_moving_the_resource_down() {
    let t = project(&[("app.yaml", PUBLIC_BUCKET)]);
    let (_, before) = scan_json(t.path(), &["infra"]);
    let run = vigil(t.path(), &["baseline", "infra", "-o", "baseline.json"]);
    assert_eq!(run.code, 0);

    // Ten comment lines and a whole other resource above the bucket.
    let moved = PUBLIC_BUCKET.replace(
        "Resources:\n",
        "Resources:\n# one\n# two\n# three\n# four\n# five\n# six\n# seven\n# eight\n# nine\n# ten\n  Handle:\n    Type: AWS::CloudFormation::WaitConditionHandle\n\n",
    );
    write(t.path(), "infra/app.yaml", &moved);
    let (_, after) = scan_json(t.path(), &["infra"]);
    let b = &of_rule(&before, "AWS-S3-001")[0];
    let a = &of_rule(&after, "AWS-S3-001")[0];
    assert_eq!(
        a["location"]["start_line"].as_u64().unwrap(),
        b["location"]["start_line"].as_u64().unwrap() + 13,
        "the finding moved with the resource"
    );
    assert_eq!(a["fingerprint"], b["fingerprint"]);
    let fps = |r: &Value| {
        let mut v: Vec<String> = findings(r)
            .iter()
            .map(|f| f["fingerprint"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(fps(&before), fps(&after), "every fingerprint is kept");

    let (code, report) = scan_json(t.path(), &["infra", "--baseline", "baseline.json"]);
    assert_eq!(code, 0, "the baseline still matches: {report:#}");
    assert!(unsuppressed(&report).is_empty());

    // Renaming the resource is a new finding.
    write(
        t.path(),
        "infra/app.yaml",
        &moved.replace("  Site:", "  Renamed:"),
    );
    let (code, _) = scan_json(t.path(), &["infra", "--baseline", "baseline.json"]);
    assert_eq!(code, 1);
}

#[test]
fn two_runs_give_identical_json() {
    let mut files: Vec<(String, String)> = Vec::new();
    for i in 0..12 {
        files.push((format!("dir{}/t{i}.yaml", i % 3), PUBLIC_BUCKET.to_string()));
        files.push((
            format!("w{i}.yaml"),
            widget(["low", "high", "critical"][i % 3]),
        ));
    }
    files.push((
        "broken.yaml".into(),
        "AWSTemplateFormatVersion: x\nResources: [\n".into(),
    ));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let t = project(&refs);
    let args = ["scan", "infra", "--rules", "rules", "--format", "json"];
    let first = vigil(t.path(), &args);
    for _ in 0..3 {
        let again = vigil(t.path(), &args);
        assert_eq!(first.stdout, again.stdout, "byte-identical reports");
        assert_eq!(first.code, again.code);
    }
    // And the order is the documented one: path, then line.
    let report = first.json();
    let keys: Vec<(String, u64)> = findings(&report)
        .iter()
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_string(),
                f["location"]["start_line"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let sarif = ["scan", "infra", "--rules", "rules", "--format", "sarif"];
    assert_eq!(
        vigil(t.path(), &sarif).stdout,
        vigil(t.path(), &sarif).stdout
    );
}

// ---------------------------------------------------------------------------------------------
// Rules

fn rule_dirs_in_repository() -> usize {
    fn walk(d: &Path, n: &mut usize) {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, n);
            } else if p.file_name().is_some_and(|f| f == "rule.yaml") {
                *n += 1;
            }
        }
    }
    let mut n = 0;
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules"),
        &mut n,
    );
    n
}

#[test]
fn rules_list_in_text_and_json() {
    let t = tmp();
    let expected = rule_dirs_in_repository();
    assert!(expected >= 3);
    let run = vigil(t.path(), &["rules", "list"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("AWS-S3-001"), "{run:?}");
    let json = vigil(t.path(), &["rules", "list", "--format", "json"]);
    assert_eq!(json.code, 0);
    let rules = json.json();
    let rules = rules.as_array().expect("a list");
    assert!(rules.len() >= expected, "{} < {expected}", rules.len());
    for r in rules {
        let id = r["id"].as_str().expect("id");
        assert!(run.stdout.contains(id), "text list misses {id}");
        assert!(
            ["low", "medium", "high", "critical"].contains(&r["severity"].as_str().unwrap()),
            "{r:#}"
        );
        let formats = r["formats"].as_array().expect("formats");
        if id.starts_with("SECRET-") {
            // Secret rules read any text: files, staged blobs, history.
            assert_eq!(r["kinds"], serde_json::json!(["secret"]), "{r:#}");
            assert_eq!(r["formats"], serde_json::json!(["any"]), "{r:#}");
            continue;
        }
        assert!(!formats.is_empty(), "{id} has fixtures: {r:#}");
        if id.starts_with("AWS-") {
            assert!(
                formats.iter().any(|f| f == "cloudformation"),
                "{id} has CloudFormation fixtures: {r:#}"
            );
        }
    }
    let ids: std::collections::BTreeSet<&str> =
        rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), rules.len(), "ids are unique");

    // User rules are listed too.
    write_test_rules(t.path(), "rules");
    let run = vigil(
        t.path(),
        &["rules", "list", "--format", "json", "--rules", "rules"],
    );
    assert_eq!(
        run.json().as_array().unwrap().len(),
        rules.len() + TEST_RULES.len()
    );
}

#[test]
fn rules_show_explains_a_rule_and_unknown_rules_are_usage_errors() {
    let t = tmp();
    let list = vigil(t.path(), &["rules", "list", "--format", "json"]).json();
    let rule = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "AWS-S3-001")
        .expect("AWS-S3-001 is built in")
        .clone();
    for key in ["AWS-S3-001", rule["name"].as_str().unwrap(), "aws-s3-001"] {
        let run = vigil(t.path(), &["rules", "show", key]);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(run.stdout.contains("AWS-S3-001"));
        let first_words = |s: &str| s.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
        let flat = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&first_words(rule["rationale"].as_str().unwrap())),
            "shows the rationale: {run:?}"
        );
        assert!(
            flat.contains(&first_words(rule["remediation"].as_str().unwrap())),
            "shows the remediation: {run:?}"
        );
        assert!(run.stdout.contains("vigil:ignore AWS-S3-001"));
    }
    let run = vigil(t.path(), &["rules", "show", "AWS-NOPE-999"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("AWS-NOPE-999"), "{run:?}");
    assert!(run.stdout.is_empty());
}

#[test]
fn rules_test_runs_user_fixtures() {
    let t = tmp();
    write_test_rules(t.path(), "rules");
    let run = vigil(t.path(), &["rules", "test", "rules"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains(&format!("{} passed, 0 failed", TEST_RULES.len())),
        "{run:?}"
    );

    // A failing fixture that no longer fails.
    write(
        t.path(),
        "rules/widget-high/fail.cfn.yaml",
        "Resources:\n  Thing:\n    Type: Custom::Widget\n    Properties:\n      Risk: none\n",
    );
    let run = vigil(t.path(), &["rules", "test", "rules"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains("FAIL TEST-HIGH-001 fail.cfn.yaml"),
        "{run:?}"
    );

    // A finding on another line than the one marked.
    write_test_rules(t.path(), "rules");
    write(
        t.path(),
        "rules/widget-low/fail.cfn.yaml",
        "Resources:\n  Thing: # expect\n    Type: Custom::Widget\n    Properties:\n      Risk: low\n",
    );
    let run = vigil(t.path(), &["rules", "test", "rules"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("TEST-LOW-001"), "{run:?}");

    // A passing fixture that fires.
    write_test_rules(t.path(), "rules");
    write(
        t.path(),
        "rules/widget-medium/pass.cfn.yaml",
        "Resources:\n  Thing:\n    Type: Custom::Widget\n    Properties:\n      Risk: medium\n",
    );
    let run = vigil(t.path(), &["rules", "test", "rules"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains("TEST-MEDIUM-001 pass.cfn.yaml"),
        "{run:?}"
    );

    // A rule with no passing fixture at all.
    write_test_rules(t.path(), "rules");
    std::fs::remove_file(t.path().join("rules/widget-critical/pass.cfn.yaml")).unwrap();
    let run = vigil(t.path(), &["rules", "test", "rules"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("TEST-CRITICAL-001"), "{run:?}");

    // A rule that does not compile is a usage error naming the file.
    write_test_rules(t.path(), "rules");
    write(
        t.path(),
        "rules/widget-low/rule.yaml",
        "id: TEST-LOW-001\nname: x\ntitle: x\nseverity: low\nrationale: x\nremediation: x\nfixed_example: x\nchecks:\n  - kind: Custom::Widget\n    when: props.Risk ==\n",
    );
    let run = vigil(t.path(), &["rules", "test", "rules"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("widget-low/rule.yaml"), "{run:?}");
}

#[test]
fn built_in_fixtures_pass() {
    let t = tmp();
    let run = vigil(t.path(), &["rules", "test"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains(" 0 failed"), "{run:?}");
}

#[test]
fn user_rules_fire_in_scan() {
    let t = project(&[("w.yaml", &widget("high"))]);
    let (code, report) = scan_json(t.path(), &["infra"]);
    assert_eq!(
        code, 0,
        "without --rules nothing judges a widget: {report:#}"
    );
    assert!(findings(&report).is_empty());
    let (code, report) = scan_widgets(t.path(), &[]);
    assert_eq!(code, 1);
    let f = of_rule(&report, "TEST-HIGH-001");
    assert_eq!(f.len(), 1, "{report:#}");
    assert_eq!(f[0]["location"]["path"], "infra/w.yaml");
    assert_eq!(
        f[0]["location"]["start_line"],
        line_of(&widget("high"), "Risk:")
    );
    // A user rule reusing a built-in id is refused.
    write(
        t.path(),
        "dup/r/rule.yaml",
        "id: AWS-S3-001\nname: dup\ntitle: x\nseverity: low\nrationale: x\nremediation: x\nfixed_example: x\nchecks:\n  - kind: Custom::Widget\n    when: \"true\"\n",
    );
    let run = vigil(t.path(), &["scan", "infra", "--rules", "dup"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("AWS-S3-001"), "{run:?}");
}

// ---------------------------------------------------------------------------------------------
// Unreadable files next to good ones

const MALFORMED_YAML: &str = "\
AWSTemplateFormatVersion: \"2010-09-09\"
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: [unclosed
  Other: x
";

#[test]
fn malformed_template_is_reported_and_the_rest_is_judged() {
    let t = project(&[("broken.yaml", MALFORMED_YAML), ("app.yaml", PUBLIC_BUCKET)]);
    let run = vigil(t.path(), &["scan", "infra"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.all().contains("infra/broken.yaml:7:"),
        "the error names the file and line: {run:?}"
    );
    assert!(run.stdout.contains("AWS-S3-001"), "{run:?}");

    let (code, report) = scan_json(t.path(), &["infra"]);
    assert_eq!(code, 1);
    let d: Vec<&Value> = diagnostics(&report)
        .iter()
        .filter(|d| d["path"] == "infra/broken.yaml")
        .collect();
    assert_eq!(d.len(), 1, "{report:#}");
    assert_eq!(d[0]["level"], "error");
    assert_eq!(d[0]["line"], 7);
    assert!(d[0]["message"].as_str().unwrap().contains("YAML"));
    assert_eq!(of_rule(&report, "AWS-S3-001").len(), 1);
    assert_eq!(report["summary"]["errors"], 1);
}

#[test]
fn unreadable_files_fail_the_gate_unless_allowed() {
    let t = project(&[("broken.yaml", MALFORMED_YAML), ("app.yaml", CLEAN)]);
    let (code, report) = scan_json(t.path(), &["infra"]);
    assert_eq!(
        code, 1,
        "the gate cannot vouch for a file it could not read"
    );
    assert_eq!(report["summary"]["passed"], false);
    let (code, report) = scan_json(t.path(), &["infra", "--allow-parse-errors"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["summary"]["passed"], true);
    assert_eq!(diagnostics(&report).len(), 1, "still reported when allowed");
    write(t.path(), "infra/vigil.toml", "allow_parse_errors = true\n");
    assert_eq!(scan_json(t.path(), &["infra"]).0, 0);
    // Allowed parse errors do not hide findings.
    write(t.path(), "infra/app.yaml", PUBLIC_BUCKET);
    assert_eq!(scan_json(t.path(), &["infra", "--allow-parse-errors"]).0, 1);
}

#[test]
fn files_that_are_not_templates_are_left_alone() {
    let t = project(&[
        ("app.yaml", CLEAN),
        (
            "ci.yml",
            "name: build\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n",
        ),
        (
            "package.json",
            "{\"name\": \"x\", \"version\": \"1.0.0\"}\n",
        ),
        // Helm values, not a manifest (manifests are read: see tests/containers.rs).
        (
            "values.yaml",
            "replicaCount: 2\nimage:\n  repository: nginx\n  tag: stable\n",
        ),
        ("notes.txt", "AWSTemplateFormatVersion: [broken\n"),
        ("broken-but-not-a-template.yaml", "key: [unclosed\n"),
    ]);
    let (code, report) = scan_json(t.path(), &["infra"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(diagnostics(&report).is_empty(), "{report:#}");
    assert_eq!(report["summary"]["files_scanned"], 1);
}
