//! Every built-in secret rule: its pattern compiles, its true examples raise it and its false
//! examples do not, with the whole set loaded.

use vigil_secrets::{check_examples, Scanner, SecretRule};

fn scanner() -> Scanner {
    let rules = vigil_rules::secret_rules().expect("built-in secret rules parse");
    // Compile every pattern now, as a user rule would be.
    for r in &rules {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .join(&r.origin),
        )
        .unwrap();
        SecretRule::parse(&r.origin, &text).unwrap_or_else(|e| panic!("{e}"));
    }
    Scanner::new(rules).expect("unique ids")
}

#[test]
fn every_secret_rule_meets_its_examples() {
    let scanner = scanner();
    let failures = check_examples(&scanner);
    let report: Vec<String> = failures
        .iter()
        .map(|f| format!("{} {}: {}", f.rule_id, f.example, f.problem))
        .collect();
    assert!(report.is_empty(), "\n{}", report.join("\n"));
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
        assert!(!r.rationale.trim().is_empty() && !r.remediation.trim().is_empty());
    }
}
