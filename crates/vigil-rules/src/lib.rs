//! The built-in catalogue: every folder under the repository's `rules/`, embedded at build time.
//!
//! `build.rs` refuses to build when a rule lacks a failing or a passing fixture.

use vigil_engine::{Catalogue, CatalogueError, Fixture, Rule};
use vigil_secrets::{SecretRule, SecretRuleError};

/// A rule folder as embedded in the binary.
pub struct EmbeddedRule {
    /// `rules/aws/s3/bucket-public-acl/rule.yaml`
    pub path: &'static str,
    pub yaml: &'static str,
    /// `(file name, text)` of each `pass*` and `fail*` fixture.
    pub fixtures: &'static [(&'static str, &'static str)],
}

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// Compiles every built-in rule.
pub fn rules() -> Result<Vec<Rule>, Vec<CatalogueError>> {
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for e in EMBEDDED {
        let fixtures = e
            .fixtures
            .iter()
            .map(|(n, t)| Fixture {
                file_name: n.to_string(),
                text: t.to_string(),
            })
            .collect();
        match Rule::parse(e.path, e.yaml, fixtures) {
            Ok(r) => rules.push(r),
            Err(err) => errors.push(err.into()),
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

/// The built-in secret rules (`rules/secrets/**/*.yaml`), patterns compiled on first use.
pub fn secret_rules() -> Result<Vec<SecretRule>, Vec<SecretRuleError>> {
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for (path, text) in EMBEDDED_SECRET_RULES {
        match SecretRule::parse_trusted(path, text) {
            Ok(r) => rules.push(r),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

/// The built-in catalogue, ready to evaluate.
pub fn catalogue() -> Result<Catalogue, Vec<CatalogueError>> {
    let mut c = Catalogue::new();
    let mut errors = Vec::new();
    for r in rules()? {
        if let Err(e) = c.add(r) {
            errors.push(e);
        }
    }
    if errors.is_empty() {
        Ok(c)
    } else {
        Err(errors)
    }
}
