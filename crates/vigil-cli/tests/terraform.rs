//! `vigil scan` on Terraform: real `.tf` trees in temporary directories, the real binary.

mod common;

use common::*;
use serde_json::Value;

/// `(rule, path, line, address)` of every unsuppressed finding of `rule`.
fn hits(report: &Value, rule: &str) -> Vec<(String, String, u64, String)> {
    findings(report)
        .iter()
        .filter(|f| f["rule_id"] == rule && f["suppressed"].is_null())
        .map(|f| {
            (
                rule.to_string(),
                f["location"]["path"].as_str().unwrap().to_string(),
                f["location"]["start_line"].as_u64().unwrap_or(0),
                f["address"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const MODULE_CALL: &str = r#"variable "acl" {
  default = "private"
}

module "uploads" {
  source = "./modules/bucket"
  acl    = var.acl
}
"#;

const BUCKET_MODULE: &str = r#"variable "acl" {}

resource "aws_s3_bucket" "this" {
  bucket = "uploads"
}

resource "aws_s3_bucket_acl" "this" {
  bucket = aws_s3_bucket.this.id
  acl    = var.acl
}
"#;

#[test]
fn variables_from_the_command_line_reach_a_module_and_the_finding_points_at_the_call() {
    let t = tmp();
    write(t.path(), "infra/main.tf", MODULE_CALL);
    write(t.path(), "infra/modules/bucket/main.tf", BUCKET_MODULE);
    // Defaults: private, no finding.
    let (code, report) = scan_json(t.path(), &["infra"]);
    assert!(hits(&report, "AWS-S3-001").is_empty(), "{report}");
    // The module directory is judged through its caller only.
    assert!(
        findings(&report).iter().all(|f| f["address"]
            .as_str()
            .unwrap()
            .starts_with("module.uploads.")),
        "{report}"
    );
    let _ = code;
    // `--var` makes it public: the finding names the module path and points at the caller's
    // argument, where the value was passed in.
    let (code, report) = scan_json(t.path(), &["infra", "--var", "acl=public-read-write"]);
    assert_eq!(code, 1);
    assert_eq!(
        hits(&report, "AWS-S3-001"),
        vec![(
            "AWS-S3-001".into(),
            "infra/main.tf".into(),
            7,
            "module.uploads.aws_s3_bucket.this".into()
        )]
    );
    // The same through a variable file.
    write(t.path(), "prod.tfvars", "acl = \"public-read-write\"\n");
    let (_, report) = scan_json(t.path(), &["infra", "--var-file", "prod.tfvars"]);
    assert_eq!(hits(&report, "AWS-S3-001").len(), 1);
    // terraform.tfvars in the root module is read on its own.
    write(
        t.path(),
        "infra/terraform.tfvars",
        "acl = \"public-read-write\"\n",
    );
    let (_, report) = scan_json(t.path(), &["infra"]);
    assert_eq!(hits(&report, "AWS-S3-001").len(), 1);
    // The command line wins over files.
    let (_, report) = scan_json(t.path(), &["infra", "--var", "acl=private"]);
    assert!(hits(&report, "AWS-S3-001").is_empty());
}

#[test]
fn bad_var_arguments_are_usage_errors() {
    let t = tmp();
    write(t.path(), "infra/main.tf", MODULE_CALL);
    let run = vigil(t.path(), &["scan", "infra", "--var", "no-equals-sign"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("--var `no-equals-sign`: expected NAME=VALUE"),
        "{}",
        run.stderr
    );
    let run = vigil(t.path(), &["scan", "infra", "--var-file", "missing.tfvars"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("missing.tfvars"), "{}", run.stderr);
}

#[test]
fn text_report_shows_the_terraform_line() {
    let t = tmp();
    write(
        t.path(),
        "infra/main.tf",
        "resource \"aws_s3_bucket\" \"site\" {\n  bucket = \"site\"\n  acl    = \"public-read-write\"\n}\n",
    );
    let run = vigil(t.path(), &["scan", "infra"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("AWS-S3-001"), "{}", run.stdout);
    assert!(
        run.stdout.contains("--> infra/main.tf:3:3"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("acl    = \"public-read-write\""),
        "{}",
        run.stdout
    );
}

#[test]
fn hcl_suppression_comments_mark_findings_suppressed() {
    let t = tmp();
    write(
        t.path(),
        "infra/main.tf",
        "# vigil:ignore AWS-S3-001 public upload drop, reviewed\nresource \"aws_s3_bucket\" \"site\" {\n  acl = \"public-read-write\"\n}\n",
    );
    let (_, report) = scan_json(t.path(), &["infra"]);
    let f = findings(&report)
        .iter()
        .find(|f| f["rule_id"] == "AWS-S3-001")
        .expect("kept in the report");
    assert_eq!(f["suppressed"]["kind"], "inline");
    assert_eq!(f["suppressed"]["reason"], "public upload drop, reviewed");
}

#[test]
fn malformed_hcl_is_an_error_with_its_line_and_other_roots_are_judged() {
    let t = tmp();
    write(
        t.path(),
        "infra/broken/main.tf",
        "resource \"aws_s3_bucket\" \"x\" {\n  acl = \n",
    );
    write(
        t.path(),
        "infra/ok/main.tf",
        "resource \"aws_s3_bucket\" \"site\" {\n  acl = \"public-read-write\"\n}\n",
    );
    let (code, report) = scan_json(t.path(), &["infra"]);
    assert_eq!(code, 1);
    assert_eq!(hits(&report, "AWS-S3-001").len(), 1);
    let d = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "infra/broken/main.tf")
        .expect("a diagnostic for the broken file");
    assert_eq!(d["level"], "error");
    assert!(d["line"].as_u64().unwrap() >= 2, "{d}");
    assert!(
        d["message"].as_str().unwrap().contains("not valid HCL"),
        "{d}"
    );
}

#[test]
fn a_plan_json_is_scanned_and_points_at_the_configuration() {
    let t = tmp();
    write(
        t.path(),
        "infra/main.tf",
        "resource \"aws_s3_bucket\" \"site\" {\n  bucket = \"site\"\n  acl    = var.acl\n}\n",
    );
    write(
        t.path(),
        "infra/plan.json",
        r#"{"format_version":"1.2","terraform_version":"1.11.4",
"planned_values":{"root_module":{"resources":[
 {"address":"aws_s3_bucket.site","mode":"managed","type":"aws_s3_bucket","name":"site",
  "values":{"bucket":"site","acl":"public-read-write"}}]}},
"configuration":{"root_module":{"resources":[]}}}"#,
    );
    let (code, report) = scan_json(t.path(), &["infra/plan.json"]);
    assert_eq!(code, 1);
    assert_eq!(
        hits(&report, "AWS-S3-001"),
        vec![(
            "AWS-S3-001".into(),
            "infra/main.tf".into(),
            3,
            "aws_s3_bucket.site".into()
        )]
    );
}

#[test]
fn the_example_shows_risks_that_need_variable_files_and_modules() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (_, staging) = scan_json(&root, &["examples/terraform"]);
    let (code, prod) = scan_json(
        &root,
        &[
            "examples/terraform",
            "--var-file",
            "examples/terraform/prod.tfvars",
        ],
    );
    assert_eq!(code, 1);
    // Public website ACL and SSH from anywhere only in production.
    for rule in ["AWS-S3-002", "AWS-EC2-001"] {
        assert!(hits(&staging, rule).is_empty(), "{rule} in staging");
        assert_eq!(hits(&prod, rule).len(), 1, "{rule} in prod: {prod}");
    }
    assert_eq!(hits(&prod, "AWS-S3-002")[0].1, "examples/terraform/main.tf");
}

#[test]
fn templatefile_under_an_absolute_scan_path_is_read() {
    let t = tmp();
    write(
        t.path(),
        "infra/main.tf",
        "resource \"aws_launch_template\" \"t\" {\n  user_data = base64encode(templatefile(\"${path.module}/templates/u.tpl\", { x = 1 }))\n}\n",
    );
    write(t.path(), "infra/templates/u.tpl", "echo ${x}\n");
    let abs = t.path().join("infra");
    let (_, report) = scan_json(t.path(), &[abs.to_str().unwrap()]);
    let diags = report["diagnostics"].as_array().unwrap();
    assert!(
        diags
            .iter()
            .all(|d| !d["message"].as_str().unwrap().contains("outside")),
        "{diags:?}"
    );
}
