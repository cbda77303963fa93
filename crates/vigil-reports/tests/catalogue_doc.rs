//! docs/catalogue.md is generated from the built-in rules; this keeps it current.
//! Regenerate with `UPDATE_DOCS=1 cargo test -p vigil-reports --test catalogue_doc`.

#[test]
fn catalogue_page_is_current() {
    let rules = vigil_rules::rules().expect("built-in rules compile");
    let expected = vigil_reports::catalogue_markdown(&rules);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/catalogue.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/catalogue.md is out of date: run `UPDATE_DOCS=1 cargo test -p vigil-reports --test catalogue_doc`"
    );
    for r in &rules {
        assert!(
            actual.contains(&format!("## {}", r.id)),
            "{} has no section",
            r.id
        );
    }
}

/// docs/secret-rules.md, the same way.
#[test]
fn secret_rules_page_is_current() {
    let rules = vigil_rules::secret_rules().expect("built-in secret rules parse");
    let expected = vigil_reports::secret_catalogue_markdown(&rules);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/secret-rules.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/secret-rules.md is out of date: run `UPDATE_DOCS=1 cargo test -p vigil-reports --test catalogue_doc`"
    );
    for r in &rules {
        assert!(
            actual.contains(&format!("## {}", r.id)),
            "{} has no section",
            r.id
        );
    }
}
