//! `vigil scan` on CI pipeline files: GitHub Actions workflows, GitLab CI and buildspecs in a
//! real directory tree, the real binary.

mod common;

use common::*;
use serde_json::Value;

const PWN_REQUEST: &str = r#"name: preview
on:
  pull_request_target:
    types: [opened, synchronize]
permissions:
  contents: read
jobs:
  preview:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
          persist-credentials: false
      - name: Build
        run: |
          echo "title: ${{ github.event.pull_request.title }}"
          make preview
"#;

#[test]
fn a_workflow_is_judged_where_github_reads_it_and_findings_name_its_lines() {
    let t = tmp();
    write(t.path(), ".github/workflows/preview.yml", PWN_REQUEST);
    // The same text outside `.github/workflows` is not a workflow.
    write(t.path(), "docs/preview.yml", PWN_REQUEST);
    let (code, report) = scan_json(t.path(), &["."]);
    assert_eq!(code, 1, "{report}");
    let path = ".github/workflows/preview.yml".to_string();
    assert_eq!(
        unsuppressed_at(&report, "CI-001"),
        vec![(path.clone(), line_of(PWN_REQUEST, "ref: ${{"))],
        "{report}"
    );
    let injection = unsuppressed_at(&report, "CI-002");
    assert_eq!(injection.len(), 1, "{report}");
    assert_eq!(injection[0].0, path);
    assert!(findings(&report)
        .iter()
        .all(|f| f["location"]["path"] != "docs/preview.yml"));
    assert_eq!(report["summary"]["files_scanned"], 1, "{report}");
}

#[test]
fn gitlab_anchors_are_followed_and_buildspec_literal_credentials_are_found() {
    let t = tmp();
    write(
        t.path(),
        ".gitlab-ci.yml",
        r#".install: &install
  before_script:
    - curl -fsSL https://get.example.com/tool.sh | sh

test:
  <<: *install
  script:
    - make test
"#,
    );
    let buildspec = r#"version: 0.2
env:
  variables:
    AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq3ACT9LQ2
phases:
  build:
    commands:
      - make
"#;
    write(t.path(), "ci/buildspec.yml", buildspec);
    let (_, report) = scan_json(t.path(), &["."]);
    assert!(
        unsuppressed_at(&report, "CI-015")
            .iter()
            .any(|(p, _)| p == ".gitlab-ci.yml"),
        "{report}"
    );
    assert_eq!(
        unsuppressed_at(&report, "CI-016"),
        vec![(
            "ci/buildspec.yml".to_string(),
            line_of(buildspec, "AWS_SECRET_ACCESS_KEY")
        )],
        "{report}"
    );
    // The secret itself is never printed whole.
    let text = vigil(t.path(), &["scan", "."]);
    assert!(
        !text
            .all()
            .contains("wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq3ACT9LQ2"),
        "{text:?}"
    );
}

#[test]
fn a_suppression_comment_silences_a_workflow_rule_with_its_reason() {
    let t = tmp();
    let suppressed =
        format!("# vigil:ignore CI-002 the title is only echoed, reviewed in SEC-7\n{PWN_REQUEST}");
    write(t.path(), ".github/workflows/preview.yml", &suppressed);
    let (_, report) = scan_json(t.path(), &["."]);
    assert!(unsuppressed_at(&report, "CI-002").is_empty(), "{report}");
    let f = of_rule(&report, "CI-002");
    assert_eq!(f.len(), 1, "{report}");
    assert!(f[0]["suppressed"]["reason"]
        .as_str()
        .unwrap()
        .contains("SEC-7"));
    // Other rules still apply.
    assert_eq!(unsuppressed_at(&report, "CI-001").len(), 1, "{report}");
}

#[test]
fn a_broken_workflow_is_reported_with_its_line_and_the_others_are_still_judged() {
    let t = tmp();
    write(
        t.path(),
        ".github/workflows/broken.yml",
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"${{ github.sha\"\n      - uses: [oops\n",
    );
    write(t.path(), ".github/workflows/preview.yml", PWN_REQUEST);
    let (code, report) = scan_json(t.path(), &["."]);
    assert_eq!(code, 1, "{report}");
    let d: Vec<&Value> = diagnostics(&report)
        .iter()
        .filter(|d| d["path"] == ".github/workflows/broken.yml")
        .collect();
    assert!(!d.is_empty(), "{report}");
    assert!(
        d.iter().all(|d| d["line"].as_u64().unwrap() >= 6),
        "{report}"
    );
    assert_eq!(unsuppressed_at(&report, "CI-001").len(), 1, "{report}");
}
