//! Credential detection for Vigil.
//!
//! Secret rules are data ([`SecretRule`], one YAML file each, with true and false examples). A
//! [`Scanner`] compiles a set of them: an Aho-Corasick pass over each text finds the rules whose
//! keywords occur, only those rules' patterns run, and every candidate goes through the
//! false-alarm filters ([`filters`]) before it becomes a [`SecretMatch`]. Secrets leave the
//! scanner only as a digest and a redacted prefix ([`redact`]).
//!
//! Reading files, git history and the index is the caller's business: the scanner takes bytes.

pub mod filters;
pub mod redact;
mod rule;
mod scanner;

pub use rule::{Checksum, Near, SecretRule, SecretRuleError};
pub use scanner::{Scanned, Scanner, SecretMatch, Skip};

/// One failed expectation of a rule's examples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    pub rule_id: String,
    /// `examples.fail[2]`
    pub example: String,
    pub problem: String,
}

/// Runs every rule's examples through `scanner` (the whole set, so rules that would steal each
/// other's matches show up): each `fail` example must raise its rule, each `pass` example must
/// not. Examples are judged as if in a file named `example.txt`.
pub fn check_examples(scanner: &Scanner) -> Vec<ExampleFailure> {
    let mut failures = Vec::new();
    for (ri, rule) in scanner.rules().iter().enumerate() {
        for (kind, list, want) in [
            ("fail", &rule.examples_fail, true),
            ("pass", &rule.examples_pass, false),
        ] {
            for (i, example) in list.iter().enumerate() {
                let scanned = scanner.scan("example.txt", example.as_bytes());
                let hit = scanned
                    .matches
                    .iter()
                    .any(|m| m.rule == ri && m.suppressed.is_none());
                if hit != want {
                    let others: Vec<&str> = scanned
                        .matches
                        .iter()
                        .map(|m| scanner.rules()[m.rule].id.as_str())
                        .collect();
                    failures.push(ExampleFailure {
                        rule_id: rule.id.clone(),
                        example: format!("examples.{kind}[{i}]"),
                        problem: if want {
                            format!("not reported (rules that matched: {others:?})")
                        } else {
                            "reported, but it is a false example".into()
                        },
                    });
                }
            }
        }
    }
    failures
}
