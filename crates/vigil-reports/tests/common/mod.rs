//! A small hand-built run shared by the format tests: two files, four rules (one unused), five
//! findings (two suppressed, one without a span), an unreadable file and a warning.

#![allow(dead_code)] // Each test binary uses part of this.

use std::collections::BTreeMap;
use std::sync::Arc;
use vigil_engine::Rule;
use vigil_model::{
    fingerprint, Diagnostic, Finding, Level, Location, Severity, Span, Suppression, SuppressionKind,
};
use vigil_reports::Report;

pub const APP: &str = "infra/app.yaml";
/// A path with a space, which SARIF must percent-encode.
pub const DATA: &str = "infra/my stack/data.yaml";
pub const BROKEN: &str = "infra/broken.yaml";

pub const APP_SOURCE: &str = r#"AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: site
      AccessControl: PublicRead
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicReadWrite # vigil:ignore AWS-S3-001 logs are public by design
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
"#;

pub const DATA_SOURCE: &str = "Resources:
  Data:
    Type: AWS::S3::Bucket
  Archive:
    Type: AWS::S3::Bucket
";

const S3_PUBLIC_ACL: &str = r#"
id: AWS-S3-001
name: s3-bucket-public-acl
title: S3 bucket ACL grants access to everyone
severity: high
rationale: >
  A canned ACL of PublicRead, PublicReadWrite or AuthenticatedRead lets anyone on the
  internet list and read the bucket's objects.
remediation: >
  Remove `AccessControl` (the default is Private) and grant access through a bucket policy
  naming the principals that need it.


  Block public access on the bucket as a safety net.
fixed_example: |
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
references:
  cis_aws_v3: ["2.1.4"]
  aws_fsbp: ["S3.2", "S3.3"]
  links:
    - https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl
checks:
  - kind: AWS::S3::Bucket
    when: props.AccessControl in ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead']
"#;

const EC2_SSH_OPEN: &str = r#"
id: AWS-EC2-001
name: ec2-sg-ssh-open-to-world
title: Security group allows SSH (22) from anywhere
severity: critical
rationale: >
  SSH open to 0.0.0.0/0 exposes hosts to the whole internet.
remediation: >
  Restrict the source to the address ranges that need SSH.
fixed_example: |
  SecurityGroupIngress:
    - IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 10.0.0.0/8
references:
  cis_aws_v3: ["5.2"]
checks:
  - kind: AWS::EC2::SecurityGroup
    when: props.GroupDescription == 'web'
"#;

const S3_TLS_ONLY: &str = r#"
id: AWS-S3-005
name: s3-bucket-no-tls-only-policy
title: S3 bucket policy does not deny requests without TLS
severity: medium
rationale: Clients can use plain HTTP.
remediation: Attach a bucket policy denying requests without TLS.
fixed_example: |
  Condition:
    Bool:
      aws:SecureTransport: false
checks:
  - kind: AWS::S3::Bucket
    when: props.BucketName == 'x'
"#;

/// In force but raising nothing: SARIF must not list it.
const UNUSED: &str = r#"
id: AWS-IAM-001
name: iam-unused
title: Never fires here
severity: low
rationale: Test rule.
remediation: Nothing to do.
fixed_example: "x: 1"
checks:
  - kind: AWS::IAM::Role
    when: props.RoleName == 'x'
"#;

pub fn rules() -> Vec<Rule> {
    [S3_PUBLIC_ACL, EC2_SSH_OPEN, S3_TLS_ONLY, UNUSED]
        .iter()
        .enumerate()
        .map(|(i, y)| Rule::parse(&format!("test-rule-{i}.yaml"), y, vec![]).expect("test rule"))
        .collect()
}

pub fn span(l1: u32, c1: u32, l2: u32, c2: u32) -> Span {
    Span::from_coordinates(l1, c1, l2, c2)
}

/// A finding as the engine makes one, its remediation and title from the rule.
#[allow(clippy::too_many_arguments)] // A test helper: one argument per field that varies.
pub fn finding(
    rule: &Rule,
    path: &str,
    address: &str,
    kind: &str,
    span: Option<Span>,
    property_path: Option<&str>,
    message: &str,
    suppressed: Option<Suppression>,
) -> Finding {
    Finding {
        rule_id: rule.id.clone(),
        rule_name: rule.name.clone(),
        severity: rule.severity,
        title: rule.title.clone(),
        message: message.to_string(),
        kind: kind.to_string(),
        address: address.to_string(),
        location: Location {
            path: path.to_string(),
            span,
        },
        property_path: property_path.map(str::to_string),
        remediation: rule.remediation.clone(),
        fingerprint: fingerprint(&rule.id, path, address, property_path),
        suppressed,
        provenance: None,
    }
}

/// Everything a [`Report`] borrows.
pub struct Run {
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    pub rules: Vec<Rule>,
    pub sources: BTreeMap<String, Arc<str>>,
    pub files_scanned: usize,
    pub fail_on: Option<Severity>,
    pub passed: bool,
}

impl Run {
    pub fn report(&self) -> Report<'_> {
        Report {
            tool_version: "0.1.0",
            findings: &self.findings,
            diagnostics: &self.diagnostics,
            rules: &self.rules,
            sources: &self.sources,
            files_scanned: self.files_scanned,
            files_searched: 0,
            fail_on: self.fail_on,
            passed: self.passed,
            parse_errors_fail: true,
        }
    }
}

/// The main fixture. Findings, in report order:
/// 0. AWS-S3-001 on `Site`, line 7 (`AccessControl`, columns 7-19), high.
/// 1. AWS-S3-001 on `Logs`, line 11, suppressed inline.
/// 2. AWS-EC2-001 on `Web`, lines 17-20 (the span ends at line 21 column 1), critical.
/// 3. AWS-S3-005 on `Data`, suppressed by config.
/// 4. AWS-S3-005 on `Archive`, no span; its message holds XML/HTML specials and an escape.
pub fn sample() -> Run {
    let rules = rules();
    let (acl, ssh, tls) = (&rules[0], &rules[1], &rules[2]);
    let findings = vec![
        finding(
            acl,
            APP,
            "Site",
            "AWS::S3::Bucket",
            Some(span(7, 7, 7, 20)),
            Some("Properties.AccessControl"),
            "Bucket `Site` has AccessControl PublicRead",
            None,
        ),
        finding(
            acl,
            APP,
            "Logs",
            "AWS::S3::Bucket",
            Some(span(11, 7, 11, 20)),
            Some("Properties.AccessControl"),
            "Bucket `Logs` has AccessControl PublicReadWrite",
            Some(Suppression {
                kind: SuppressionKind::Inline,
                rule: "AWS-S3-001".into(),
                reason: "logs are public by design".into(),
            }),
        ),
        finding(
            ssh,
            APP,
            "Web",
            "AWS::EC2::SecurityGroup",
            Some(span(17, 11, 21, 1)),
            Some("Properties.SecurityGroupIngress[0]"),
            "Security group `Web` allows SSH from 0.0.0.0/0",
            None,
        ),
        finding(
            tls,
            DATA,
            "Data",
            "AWS::S3::Bucket",
            Some(span(2, 3, 4, 1)),
            None,
            "Bucket `Data` has no TLS-only policy",
            Some(Suppression {
                kind: SuppressionKind::Config,
                rule: "s3-bucket-no-tls-only-policy".into(),
                reason: "tracked in SEC-12".into(),
            }),
        ),
        finding(
            tls,
            DATA,
            "Archive",
            "AWS::S3::Bucket",
            None,
            None,
            "Bucket `Archive` <no policy> & \"aws:SecureTransport\" unchecked \x1b[31m",
            None,
        ),
    ];
    let diagnostics = vec![
        Diagnostic {
            level: Level::Error,
            path: BROKEN.into(),
            line: 4,
            column: 3,
            message: "mapping values are not allowed here".into(),
        },
        Diagnostic {
            level: Level::Warning,
            path: APP.into(),
            line: 0,
            column: 0,
            message: "duplicate key `Site`; the last one is used".into(),
        },
    ];
    let sources = BTreeMap::from([
        (APP.to_string(), Arc::from(APP_SOURCE)),
        (DATA.to_string(), Arc::from(DATA_SOURCE)),
    ]);
    Run {
        findings,
        diagnostics,
        rules,
        sources,
        files_scanned: 3,
        fail_on: Some(Severity::High),
        passed: false,
    }
}

/// A clean run: rules in force, nothing found, nothing unreadable.
pub fn clean() -> Run {
    Run {
        findings: Vec::new(),
        diagnostics: Vec::new(),
        rules: rules(),
        sources: BTreeMap::new(),
        files_scanned: 2,
        fail_on: Some(Severity::High),
        passed: true,
    }
}
