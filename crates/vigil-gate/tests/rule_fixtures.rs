//! Every built-in rule's fixtures behave as their names say: `fail*` raise the rule (on the
//! lines marked `# expect`), `pass*` do not. A rule without both kinds fails here too.

#[test]
fn every_builtin_rule_passes_its_fixtures() {
    let rules = vigil_rules::rules().unwrap_or_else(|errors| {
        panic!(
            "built-in rules do not compile:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(!rules.is_empty());
    let mut failures = Vec::new();
    for rule in &rules {
        if !rule.formats().contains(&"cloudformation") {
            failures.push(format!("{}: no CloudFormation fixtures", rule.id));
        }
        failures.extend(
            vigil_gate::fixtures::check_rule(rule)
                .into_iter()
                .map(|f| f.to_string()),
        );
    }
    assert!(
        failures.is_empty(),
        "{} fixture problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn catalogue_has_unique_ids_and_names() {
    let rules = vigil_rules::rules().expect("rules compile");
    let mut ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
    let mut names: Vec<&str> = rules.iter().map(|r| r.name.as_str()).collect();
    ids.sort_unstable();
    names.sort_unstable();
    let n = ids.len();
    ids.dedup();
    names.dedup();
    assert_eq!(ids.len(), n, "duplicate rule ids");
    assert_eq!(names.len(), n, "duplicate rule names");
}
