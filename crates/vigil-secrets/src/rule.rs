//! The secret rule format: one YAML file per credential kind, with its true and false examples.
//!
//! See `docs/secrets.md` for the format, with examples.

use regex::bytes::{Regex, RegexBuilder};
use serde::Deserialize;
use std::sync::OnceLock;
use vigil_model::Severity;

/// A secret rule file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: String,
    name: String,
    title: String,
    severity: Severity,
    rationale: String,
    remediation: String,
    #[serde(default)]
    references: Vec<String>,
    detect: DetectFile,
    examples: ExamplesFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DetectFile {
    #[serde(default)]
    keywords: Vec<String>,
    pattern: String,
    #[serde(default)]
    min_entropy: Option<f64>,
    #[serde(default)]
    checksum: Option<Checksum>,
    #[serde(default)]
    near: Option<NearFile>,
    #[serde(default)]
    generic: bool,
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    context_lines: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NearFile {
    pattern: String,
    #[serde(default = "default_near_lines")]
    lines: u32,
}

fn default_near_lines() -> u32 {
    5
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExamplesFile {
    fail: Vec<String>,
    pass: Vec<String>,
}

/// A checksum built into the credential format, verified before reporting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Checksum {
    /// GitHub tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`): the last six characters are the
    /// base62 CRC32 of the 30 random characters before them.
    Github,
    /// npm tokens (`npm_`): the same scheme as GitHub's.
    Npm,
}

/// Another pattern that must appear within some lines of the secret (an AWS secret key is
/// reported only with an access key id nearby).
#[derive(Debug)]
pub struct Near {
    pub source: String,
    pub lines: u32,
    regex: OnceLock<Regex>,
}

impl Near {
    pub fn regex(&self) -> &Regex {
        self.regex
            .get_or_init(|| compile(&self.source).expect("checked when the rule was loaded"))
    }
}

/// A compiled secret rule.
#[derive(Debug)]
pub struct SecretRule {
    pub id: String,
    pub name: String,
    pub title: String,
    pub severity: Severity,
    pub rationale: String,
    pub remediation: String,
    pub references: Vec<String>,
    /// Words one of which must appear in a file (ASCII case-insensitive) before the pattern
    /// runs. Empty: the pattern runs on every file.
    pub keywords: Vec<String>,
    /// The pattern as written. Its `secret` named group (else group 1, else the whole match)
    /// is the secret.
    pub pattern: String,
    /// Shannon entropy, in bits per character, the secret must reach.
    pub min_entropy: Option<f64>,
    pub checksum: Option<Checksum>,
    pub near: Option<Near>,
    /// A loose rule (`password = "..."`): values that look like code, hashes, ids or
    /// placeholders are not reported, nor are lockfiles and minified files.
    pub generic: bool,
    /// Patterns a secret must not match (known safe values of this kind).
    pub allow: Vec<Regex>,
    pub examples_fail: Vec<String>,
    pub examples_pass: Vec<String>,
    /// Where the rule came from (`rules/secrets/github/classic-token.yaml`).
    pub origin: String,
    /// The pattern may match across many lines (a private key block): it runs on a larger
    /// window after each keyword.
    pub spans_lines: bool,
    /// How many lines before and after each keyword the pattern is run on (`detect.context_lines`;
    /// by default 2, or the `near` distance when larger, since the keyword may be the context).
    pub context_lines: u32,
    compiled: OnceLock<Compiled>,
}

/// A rule's pattern compiled, with what is derived from it once.
#[derive(Debug)]
struct Compiled {
    regex: Regex,
    /// See [`SecretRule::secret_groups`].
    secret_groups: Vec<usize>,
}

impl Compiled {
    fn new(regex: Regex) -> Compiled {
        let named: Vec<usize> = regex
            .capture_names()
            .enumerate()
            .filter(|(_, n)| n.is_some_and(|n| n.starts_with("secret")))
            .map(|(i, _)| i)
            .collect();
        let secret_groups = if !named.is_empty() {
            named
        } else if regex.captures_len() > 1 {
            vec![1]
        } else {
            vec![0]
        };
        Compiled {
            regex,
            secret_groups,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct SecretRuleError {
    pub origin: String,
    pub message: String,
}

/// Patterns run on bytes with ASCII classes: Unicode classes made multi-pattern matching a
/// hundred times slower, and credentials are ASCII.
fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .unicode(false)
        .size_limit(32 * 1024 * 1024)
        .dfa_size_limit(64 * 1024 * 1024)
        .build()
}

impl SecretRule {
    /// Parses a rule file and compiles its pattern, reporting a bad pattern now.
    pub fn parse(origin: &str, text: &str) -> Result<SecretRule, SecretRuleError> {
        Self::parse_with(origin, text, true)
    }

    /// Parses a rule file whose pattern is known to compile (the built-in rules, all compiled
    /// by a test): the pattern is compiled on first use, so a run that never meets a rule's
    /// keywords never pays for its regex. This keeps a pre-commit run short.
    pub fn parse_trusted(origin: &str, text: &str) -> Result<SecretRule, SecretRuleError> {
        Self::parse_with(origin, text, false)
    }

    fn parse_with(
        origin: &str,
        text: &str,
        compile_now: bool,
    ) -> Result<SecretRule, SecretRuleError> {
        let err = |message: String| SecretRuleError {
            origin: origin.to_string(),
            message,
        };
        let file: RuleFile = serde_saphyr::from_str(text).map_err(|e| err(e.to_string()))?;
        let rule = SecretRule::from_file(origin, file).map_err(err)?;
        rule.validate(compile_now).map_err(|m| SecretRuleError {
            origin: origin.to_string(),
            message: m,
        })?;
        Ok(rule)
    }

    fn from_file(origin: &str, f: RuleFile) -> Result<SecretRule, String> {
        // Block formats (PEM, PGP, PuTTY) and dot-all patterns reach far past their keyword.
        let spans_lines = ["BEGIN", "PuTTY", "(?s", "[\\s\\S]"]
            .iter()
            .any(|m| f.detect.pattern.contains(m));
        if !f.id.starts_with("SECRET-") {
            return Err(format!(
                "rule id `{}` must start with `SECRET-` (e.g. SECRET-GITHUB-001)",
                f.id
            ));
        }
        if f.examples.fail.is_empty() || f.examples.pass.is_empty() {
            return Err(
                "a secret rule needs at least one `examples.fail` and one `examples.pass`".into(),
            );
        }
        let allow = f
            .detect
            .allow
            .iter()
            .map(|a| compile(a).map_err(|e| format!("detect.allow `{a}`: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        let near = match f.detect.near {
            Some(n) => {
                compile(&n.pattern).map_err(|e| format!("detect.near.pattern: {e}"))?;
                Some(Near {
                    source: n.pattern,
                    lines: n.lines,
                    regex: OnceLock::new(),
                })
            }
            None => None,
        };
        let context_lines = f
            .detect
            .context_lines
            .unwrap_or_else(|| near.as_ref().map_or(2, |n| n.lines.max(2)));
        let keywords: Vec<String> = f
            .detect
            .keywords
            .iter()
            .map(|k| k.to_ascii_lowercase())
            .collect();
        if keywords.iter().any(|k| k.is_empty()) {
            return Err("detect.keywords: an empty keyword would match every file".into());
        }
        Ok(SecretRule {
            id: f.id,
            name: f.name,
            title: f.title,
            severity: f.severity,
            rationale: f.rationale,
            remediation: f.remediation,
            references: f.references,
            keywords,
            pattern: f.detect.pattern,
            min_entropy: f.detect.min_entropy,
            checksum: f.detect.checksum,
            near,
            generic: f.detect.generic,
            allow,
            examples_fail: f.examples.fail,
            examples_pass: f.examples.pass,
            origin: origin.to_string(),
            spans_lines,
            context_lines,
            compiled: OnceLock::new(),
        })
    }

    fn validate(&self, compile_now: bool) -> Result<(), String> {
        // A keyword the pattern cannot contain would hide every match.
        if !self.keywords.is_empty() {
            let ok = self.examples_fail.iter().all(|ex| {
                let lower = ex.to_ascii_lowercase();
                self.keywords.iter().any(|k| lower.contains(k.as_str()))
            });
            if !ok {
                return Err(
                    "every `examples.fail` must contain one of `detect.keywords` (the keywords \
                     decide which files the pattern runs on)"
                        .into(),
                );
            }
        }
        if compile_now {
            let re = compile(&self.pattern).map_err(|e| format!("detect.pattern: {e}"))?;
            let _ = self.compiled.set(Compiled::new(re));
        }
        Ok(())
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            Compiled::new(compile(&self.pattern).expect("checked when the rule was loaded"))
        })
    }

    /// The compiled pattern.
    pub fn regex(&self) -> &Regex {
        &self.compiled().regex
    }

    /// The capture groups that may hold the secret: those named `secret`, `secret2`, ... (a
    /// pattern with alternatives names one per alternative), else group 1, else the whole match.
    pub(crate) fn secret_groups(&self) -> &[usize] {
        &self.compiled().secret_groups
    }

    /// Whether `id_or_name` names this rule (any case).
    pub fn is_named(&self, id_or_name: &str) -> bool {
        self.id.eq_ignore_ascii_case(id_or_name) || self.name.eq_ignore_ascii_case(id_or_name)
    }
}
