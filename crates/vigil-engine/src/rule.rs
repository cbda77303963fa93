//! The rule format: one `rule.yaml` per folder, beside its fixtures.
//!
//! See `docs/rules.md` for the format, with examples.

use crate::expr::{self, Expr};
use serde::{Deserialize, Serialize};
use vigil_model::Severity;

/// A rule file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: String,
    name: String,
    title: String,
    severity: Severity,
    rationale: String,
    remediation: String,
    /// A corrected example, shown with the remediation.
    fixed_example: String,
    #[serde(default)]
    references: References,
    /// Message for each finding; `{address}` and `{kind}` are replaced. Defaults to the title.
    #[serde(default)]
    message: Option<String>,
    /// The finding points at a credential written in the file: reports mask its value.
    #[serde(default)]
    secret_value: bool,
    checks: Vec<CheckFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckFile {
    kind: OneOrMany,
    #[serde(default)]
    each: Option<String>,
    when: String,
    #[serde(default)]
    at: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Standards and documents a rule answers to.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct References {
    /// CIS AWS Foundations Benchmark v3.0.0 recommendation numbers (`2.1.4`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cis_aws_v3: Vec<String>,
    /// AWS Foundational Security Best Practices control ids (`S3.8`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aws_fsbp: Vec<String>,
    /// Kubernetes Pod Security Standards controls, with their level:
    /// `baseline: Privileged Containers`, `restricted: Seccomp`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub k8s_pss: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
}

/// One condition of a rule, for some resource kinds.
#[derive(Debug, Clone)]
pub struct Check {
    pub kinds: Vec<String>,
    /// A list to judge item by item; each item is bound to `item`.
    pub each: Option<Expr>,
    pub when: Expr,
    /// The property to point at; defaults to the first property path `when` reads.
    pub at: Option<Expr>,
    pub source: CheckSource,
}

/// The expressions as written, for `vigil rules show`.
#[derive(Debug, Clone, Serialize)]
pub struct CheckSource {
    pub kinds: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub each: Option<String>,
    pub when: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// A fixture shipped beside a rule: `fail*` files must raise the rule, `pass*` files must not.
#[derive(Debug, Clone)]
pub struct Fixture {
    pub file_name: String,
    pub text: String,
}

impl Fixture {
    pub fn expects_finding(&self) -> bool {
        self.file_name.starts_with("fail")
    }

    /// The input format, from the file name: `fail.cfn.yaml` is CloudFormation.
    ///
    /// | name | format |
    /// |---|---|
    /// | `*.cfn.yaml`, `*.cfn.json` | `cloudformation` |
    /// | `*.tf`, `*.tf.json` | `terraform` |
    /// | `*.dockerfile` | `dockerfile` |
    /// | `*.k8s.yaml` | `kubernetes` |
    /// | `*.gha.yaml` (a workflow), `*.action.yaml` (an action's `action.yml`) | `github-actions` |
    /// | `*.gitlab-ci.yml` | `gitlab-ci` |
    /// | `*.buildspec.yml` | `buildspec` |
    pub fn format(&self) -> Option<&'static str> {
        let n = &self.file_name;
        let ends = |suffixes: &[&str]| suffixes.iter().any(|s| n.ends_with(s));
        if n.contains(".cfn.") {
            Some("cloudformation")
        } else if ends(&[".tf", ".tf.json"]) {
            Some("terraform")
        } else if ends(&[".dockerfile"]) {
            Some("dockerfile")
        } else if ends(&[".k8s.yaml", ".k8s.yml"]) {
            Some("kubernetes")
        } else if ends(&[".gha.yaml", ".gha.yml", ".action.yaml", ".action.yml"]) {
            Some("github-actions")
        } else if ends(&[".gitlab-ci.yml", ".gitlab-ci.yaml"]) {
            Some("gitlab-ci")
        } else if ends(&[".buildspec.yml", ".buildspec.yaml"]) {
            Some("buildspec")
        } else {
            None
        }
    }

    /// The path the fixture is loaded as. Pipeline files are recognised by where they live
    /// (`.github/workflows/`, `.gitlab-ci.yml`), so a fixture is placed there.
    pub fn source_path(&self) -> String {
        let n = &self.file_name;
        let stem = n.split('.').next().unwrap_or(n);
        if n.ends_with(".gha.yaml") || n.ends_with(".gha.yml") {
            format!(".github/workflows/{n}")
        } else if n.ends_with(".action.yaml") || n.ends_with(".action.yml") {
            format!(".github/actions/{stem}/action.yml")
        } else if n.ends_with(".gitlab-ci.yml") || n.ends_with(".gitlab-ci.yaml") {
            format!("{stem}/.gitlab-ci.yml")
        } else if n.ends_with(".buildspec.yml") || n.ends_with(".buildspec.yaml") {
            format!("{stem}/buildspec.yml")
        } else {
            n.clone()
        }
    }
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub name: String,
    pub title: String,
    pub severity: Severity,
    pub rationale: String,
    pub remediation: String,
    pub fixed_example: String,
    pub references: References,
    pub message: Option<String>,
    /// The finding points at a credential written in the file (`ENV DB_PASSWORD=...`): code
    /// frames show the text with the value masked, as for secrets the secret scanner finds.
    pub secret_value: bool,
    pub checks: Vec<Check>,
    pub fixtures: Vec<Fixture>,
    /// Where the rule came from (`rules/aws/s3/bucket-public-acl/rule.yaml`), for messages.
    pub origin: String,
}

/// A rule that could not be read, with the file and what was wrong.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct RuleError {
    pub origin: String,
    pub message: String,
}

impl Rule {
    /// Reads and compiles a rule from its YAML text.
    pub fn parse(origin: &str, text: &str, fixtures: Vec<Fixture>) -> Result<Rule, RuleError> {
        let err = |message: String| RuleError {
            origin: origin.to_string(),
            message,
        };
        let file: RuleFile = serde_saphyr::from_str(text).map_err(|e| err(e.to_string()))?;
        if !is_valid_id(&file.id) {
            return Err(err(format!(
                "rule id `{}` must be upper-case letters, digits and dashes (like AWS-S3-001)",
                file.id
            )));
        }
        if file.checks.is_empty() {
            return Err(err("a rule needs at least one entry under `checks`".into()));
        }
        let mut checks = Vec::new();
        for (i, c) in file.checks.into_iter().enumerate() {
            let compile = |what: &str, src: &str| {
                expr::compile(src).map_err(|m| err(format!("checks[{i}].{what}: {m}")))
            };
            let kinds = match c.kind {
                OneOrMany::One(k) => vec![k],
                OneOrMany::Many(k) => k,
            };
            let each = c.each.as_deref().map(|s| compile("each", s)).transpose()?;
            let when = compile("when", &c.when)?;
            let at = c.at.as_deref().map(|s| compile("at", s)).transpose()?;
            checks.push(Check {
                kinds: kinds.clone(),
                each,
                when,
                at,
                source: CheckSource {
                    kinds,
                    each: c.each,
                    when: c.when,
                    at: c.at,
                },
            });
        }
        Ok(Rule {
            id: file.id,
            name: file.name,
            title: file.title,
            severity: file.severity,
            rationale: file.rationale.trim().to_string(),
            remediation: file.remediation.trim().to_string(),
            fixed_example: file.fixed_example,
            references: file.references,
            message: file.message,
            secret_value: file.secret_value,
            checks,
            fixtures,
            origin: origin.to_string(),
        })
    }

    /// Resource kinds any check of this rule applies to.
    pub fn kinds(&self) -> Vec<&str> {
        let mut k: Vec<&str> = self
            .checks
            .iter()
            .flat_map(|c| c.kinds.iter().map(String::as_str))
            .collect();
        k.sort_unstable();
        k.dedup();
        k
    }

    /// Input formats the rule has fixtures for.
    pub fn formats(&self) -> Vec<&'static str> {
        let mut f: Vec<&'static str> = self.fixtures.iter().filter_map(Fixture::format).collect();
        f.sort_unstable();
        f.dedup();
        f
    }

    /// Whether `key` (an id or a name, any case) names this rule.
    pub fn is_named(&self, key: &str) -> bool {
        key.eq_ignore_ascii_case(&self.id) || key.eq_ignore_ascii_case(&self.name)
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}
