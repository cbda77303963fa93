//! Helpers shared by the end-to-end tests: run the real `vigil` binary on real files in a
//! temporary directory, and read what it printed.

#![allow(dead_code)] // Each test binary uses its own subset.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A fresh temporary directory, removed when dropped.
pub fn tmp() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("vigil-test")
        .tempdir()
        .unwrap()
}

/// What one run of `vigil` gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Standard output parsed as JSON (for `--format json|sarif` and `rules list --format json`).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// Everything printed, for messages that may go to either stream.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `vigil ARGS` in `dir`, without colour, and checks it did not panic or get killed.
pub fn vigil(dir: &Path, args: &[&str]) -> Run {
    vigil_timeout(dir, args, Duration::from_secs(300))
}

pub fn vigil_timeout(dir: &Path, args: &[&str], timeout: Duration) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .timeout(timeout)
        .output()
        .expect("vigil starts");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "vigil {args:?} panicked:\n{run:?}"
    );
    assert!(
        (0..=2).contains(&run.code),
        "vigil {args:?} exited abnormally (signal or timeout):\n{run:?}"
    );
    run
}

/// Runs `vigil scan ARGS --format json` in `dir` and returns the exit code and the report.
pub fn scan_json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["scan"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = vigil(dir, &all);
    let json = run.json();
    (run.code, json)
}

/// Writes `text` to `dir/rel`, creating parent folders.
pub fn write(dir: &Path, rel: &str, text: &str) -> PathBuf {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

/// The findings of a JSON report.
pub fn findings(report: &Value) -> &Vec<Value> {
    report["findings"].as_array().expect("`findings` is a list")
}

/// The diagnostics of a JSON report.
pub fn diagnostics(report: &Value) -> &Vec<Value> {
    report["diagnostics"]
        .as_array()
        .expect("`diagnostics` is a list")
}

/// Findings of one rule.
pub fn of_rule<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    findings(report)
        .iter()
        .filter(|f| f["rule_id"] == rule)
        .collect()
}

/// `(path, start line)` of every unsuppressed finding of `rule`, sorted.
pub fn unsuppressed_at(report: &Value, rule: &str) -> Vec<(String, u64)> {
    let mut at: Vec<(String, u64)> = of_rule(report, rule)
        .into_iter()
        .filter(|f| f["suppressed"].is_null())
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_string(),
                f["location"]["start_line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    at.sort();
    at
}

/// Findings that count against the gate.
pub fn unsuppressed(report: &Value) -> Vec<&Value> {
    findings(report)
        .iter()
        .filter(|f| f["suppressed"].is_null())
        .collect()
}

/// The 1-based number of the first line of `text` containing `needle`.
pub fn line_of(text: &str, needle: &str) -> u64 {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line contains {needle:?}")) as u64
        + 1
}

/// The ids of the built-in rules, from `vigil rules list --format json`.
pub fn builtin_ids(dir: &Path) -> Vec<String> {
    let run = vigil(dir, &["rules", "list", "--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    run.json()
        .as_array()
        .expect("a list of rules")
        .iter()
        .map(|r| r["id"].as_str().expect("rule id").to_string())
        .collect()
}

/// `--skip` arguments for every built-in rule but `keep`: the catalogue grows, and a test about
/// one rule should not fail because a new rule also fires on its template.
pub fn skip_all_but(dir: &Path, keep: &[&str]) -> Vec<String> {
    builtin_ids(dir)
        .into_iter()
        .filter(|id| !keep.contains(&id.as_str()))
        .flat_map(|id| ["--skip".to_string(), id])
        .collect()
}

/// A bucket whose ACL lets anyone read and write it: built-in `AWS-S3-001` fires on the
/// `AccessControl` line.
pub const PUBLIC_BUCKET: &str = "\
AWSTemplateFormatVersion: \"2010-09-09\"
Description: a public bucket
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicReadWrite
";

/// A template with nothing any rule could object to.
pub const CLEAN: &str = "\
AWSTemplateFormatVersion: \"2010-09-09\"
Description: nothing to see
Resources:
  Handle:
    Type: AWS::CloudFormation::WaitConditionHandle
";

/// A custom resource carrying a `Risk` the test rules below judge.
pub fn widget(risk: &str) -> String {
    format!(
        "AWSTemplateFormatVersion: \"2010-09-09\"
Resources:
  Thing:
    Type: Custom::Widget
    Properties:
      ServiceToken: arn:aws:lambda:eu-west-1:123456789012:function:widget
      Risk: {risk}
"
    )
}

/// The severities of the test rules, and their ids.
pub const TEST_RULES: &[(&str, &str)] = &[
    ("low", "TEST-LOW-001"),
    ("medium", "TEST-MEDIUM-001"),
    ("high", "TEST-HIGH-001"),
    ("critical", "TEST-CRITICAL-001"),
];

/// Writes a user rule directory at `dir/rel`: one rule per severity, each firing on a
/// `Custom::Widget` whose `Risk` names that severity. No built-in rule judges `Custom::Widget`,
/// so these give exact control over what fires.
pub fn write_test_rules(dir: &Path, rel: &str) -> PathBuf {
    for (severity, id) in TEST_RULES {
        let folder = format!("{rel}/widget-{severity}");
        write(
            dir,
            &format!("{folder}/rule.yaml"),
            &format!(
                "id: {id}
name: test-widget-risk-{severity}
title: Widget carries a {severity} risk
severity: {severity}
rationale: Widgets with a {severity} risk are {severity}.
remediation: Lower the widget's risk.
fixed_example: |
  Thing:
    Type: Custom::Widget
    Properties:
      Risk: none
checks:
  - kind: Custom::Widget
    when: props.Risk == '{severity}'
"
            ),
        );
        write(
            dir,
            &format!("{folder}/fail.cfn.yaml"),
            &format!(
                "Resources:\n  Thing:\n    Type: Custom::Widget\n    Properties:\n      Risk: {severity} # expect\n"
            ),
        );
        write(
            dir,
            &format!("{folder}/pass.cfn.yaml"),
            "Parameters:\n  R:\n    Type: String\nResources:\n  Thing:\n    Type: Custom::Widget\n    Properties:\n      Risk: none\n  Unknown:\n    Type: Custom::Widget\n    Properties:\n      Risk: !Ref R\n",
        );
    }
    dir.join(rel)
}

/// Peak resident memory of a running process, in bytes, sampled until it exits (Linux only;
/// `None` elsewhere or when /proc cannot be read).
pub fn run_measuring_peak_rss(
    mut cmd: std::process::Command,
) -> (std::process::Output, Option<u64>) {
    use std::io::Read;
    cmd.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("starts");
    let status_path = format!("/proc/{}/status", child.id());
    // Drain the pipes on threads so a full pipe cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let mut peak: Option<u64> = None;
    let status = loop {
        if let Ok(text) = std::fs::read_to_string(&status_path) {
            for line in text.lines() {
                if let Some(kb) = line
                    .strip_prefix("VmHWM:")
                    .and_then(|r| r.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                {
                    peak = Some(peak.unwrap_or(0).max(kb * 1024));
                }
            }
        }
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = std::process::Output {
        status,
        stdout: t_out.join().unwrap(),
        stderr: t_err.join().unwrap(),
    };
    (output, peak)
}
