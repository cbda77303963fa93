//! Every built-in secret rule: its pattern compiles, its true examples raise it and its false
//! examples do not, with the whole set loaded.
//!
//! `VIGIL_SECRET_RULES_UNDER=rules/secrets/chat,rules/secrets/ai` limits the checks to the rules
//! under those folders (handy while writing rules; the full run checks all).

use vigil_secrets::{check_examples, Scanner, SecretRule};

/// The issue asks for at least 150 credential kinds.
const MINIMUM_RULES: usize = 150;

fn rules_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn under_filter(origin: &str) -> bool {
    match std::env::var("VIGIL_SECRET_RULES_UNDER") {
        Ok(v) if !v.is_empty() => v.split(',').any(|p| origin.starts_with(p.trim())),
        _ => true,
    }
}

/// Every rule file parsed with its pattern compiled, as a user's rule would be.
fn scanner() -> Scanner {
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for (origin, text) in vigil_rules::EMBEDDED_SECRET_RULES {
        match SecretRule::parse(origin, text) {
            Ok(r) => rules.push(r),
            Err(e) if under_filter(origin) => errors.push(e.to_string()),
            Err(_) => {}
        }
    }
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
    Scanner::new(rules).expect("unique ids")
}

#[test]
fn every_secret_rule_meets_its_examples() {
    let scanner = scanner();
    let report: Vec<String> = check_examples(&scanner)
        .iter()
        .filter(|f| under_filter(&scanner.get(&f.rule_id).unwrap().origin))
        .map(|f| {
            let origin = &scanner.get(&f.rule_id).unwrap().origin;
            format!("{origin}: {} {}: {}", f.rule_id, f.example, f.problem)
        })
        .collect();
    assert!(report.is_empty(), "\n{}", report.join("\n"));
}

#[test]
fn built_in_secret_rules_load_without_compiling() {
    let rules = vigil_rules::secret_rules().expect("built-in secret rules parse");
    assert!(rules.len() >= MINIMUM_RULES, "{} rules", rules.len());
    assert!(rules_root().join("rules/secrets").is_dir());
}

#[test]
fn secret_rule_ids_and_names_are_unique_and_well_formed() {
    let scanner = scanner();
    let mut names = std::collections::HashSet::new();
    for r in scanner.rules() {
        assert!(names.insert(r.name.clone()), "name {} used twice", r.name);
        assert!(
            r.origin.starts_with("rules/secrets/") && r.origin.ends_with(".yaml"),
            "{}",
            r.origin
        );
        assert!(
            !r.rationale.trim().is_empty() && !r.remediation.trim().is_empty(),
            "{}",
            r.id
        );
    }
}
