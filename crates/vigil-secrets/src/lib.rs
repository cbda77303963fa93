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

/// Reads the secret rules under `dir`: every `*.yaml` file, except the rule folders of the
/// infrastructure catalogue (a folder holding `rule.yaml`, with its `pass*`/`fail*` fixtures),
/// so one rules directory can hold both kinds.
pub fn load_dir(dir: &std::path::Path) -> Result<Vec<SecretRule>, Vec<SecretRuleError>> {
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        if d.join("rule.yaml").is_file() {
            continue;
        }
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                errors.push(SecretRuleError {
                    origin: d.display().to_string(),
                    message: format!("cannot read the directory: {e}"),
                });
                continue;
            }
        };
        let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                let origin = p.display().to_string();
                match std::fs::read_to_string(&p) {
                    Ok(text) => match SecretRule::parse(&origin, &text) {
                        Ok(r) => rules.push(r),
                        Err(e) => errors.push(e),
                    },
                    Err(e) => errors.push(SecretRuleError {
                        origin,
                        message: e.to_string(),
                    }),
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}
