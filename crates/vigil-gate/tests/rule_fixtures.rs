//! Every built-in rule's fixtures behave as their names say: `fail*` raise the rule (on the
//! lines marked `# expect`), `pass*` do not. A rule without both kinds fails here too.

/// Rules whose risk cannot be written in Terraform, so they have only passing Terraform
/// fixtures: AWS-IAM-011 (a plaintext console password) has no argument in the AWS provider,
/// which always generates the password.
const TERRAFORM_CANNOT_FAIL: &[&str] = &["AWS-IAM-011"];

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
        // Each family of rules is tested on the format it judges.
        let family: &[&str] = match rule.id.split('-').next().unwrap_or("") {
            "AWS" => &["cloudformation"],
            "DOCKER" => &["dockerfile"],
            "K8S" => &["kubernetes"],
            "CI" => &["github-actions", "gitlab-ci", "buildspec"],
            other => {
                failures.push(format!("{}: unknown rule family `{other}`", rule.id));
                &[]
            }
        };
        if !family.is_empty() && !rule.formats().iter().any(|f| family.contains(f)) {
            failures.push(format!(
                "{}: no fixtures in {}",
                rule.id,
                family.join(" or ")
            ));
        }
        // Every AWS rule judges Terraform too, with a failing and a passing case.
        if rule.id.starts_with("AWS-") {
            let tf = |prefix: &str| {
                rule.fixtures
                    .iter()
                    .any(|f| f.format() == Some("terraform") && f.file_name.starts_with(prefix))
            };
            if !tf("pass") {
                failures.push(format!("{}: no passing Terraform fixture", rule.id));
            }
            if !tf("fail") && !TERRAFORM_CANNOT_FAIL.contains(&rule.id.as_str()) {
                failures.push(format!("{}: no failing Terraform fixture", rule.id));
            }
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
