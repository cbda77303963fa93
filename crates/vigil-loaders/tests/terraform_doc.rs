//! The mapping list in docs/terraform.md is generated from the mapping code; this keeps it
//! current. Regenerate with `UPDATE_DOCS=1 cargo test -p vigil-loaders --test terraform_doc`.

use std::collections::BTreeMap;
use vigil_loaders::terraform::aws::{joins, mappings};

fn mapping_markdown() -> String {
    let mut by_kind: BTreeMap<&str, (Vec<&str>, Vec<&str>)> = BTreeMap::new();
    for m in mappings() {
        for k in m.kinds {
            by_kind.entry(k).or_default().0.push(m.tf_type);
        }
    }
    for j in joins() {
        for k in j.subjects {
            by_kind.entry(k).or_default().1.push(j.tf_type);
        }
    }
    let mut out = String::from("| Kind | Terraform resources | Joined onto it |\n|---|---|---|\n");
    for (kind, (mut own, mut joined)) in by_kind {
        own.sort_unstable();
        own.dedup();
        joined.sort_unstable();
        joined.dedup();
        let code = |v: &[&str]| {
            v.iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push_str(&format!(
            "| `{kind}` | {} | {} |\n",
            code(&own),
            code(&joined)
        ));
    }
    out
}

#[test]
fn mapping_list_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/terraform.md");
    let text = std::fs::read_to_string(path).expect("docs/terraform.md");
    let (head, rest) = text
        .split_once("<!-- generated: mapping -->\n")
        .expect("start marker");
    let (_, tail) = rest
        .split_once("<!-- end: mapping -->")
        .expect("end marker");
    let expected = format!(
        "{head}<!-- generated: mapping -->\n{}<!-- end: mapping -->{tail}",
        mapping_markdown()
    );
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &expected).unwrap();
    }
    assert!(
        std::fs::read_to_string(path).unwrap() == expected,
        "docs/terraform.md is out of date: run `UPDATE_DOCS=1 cargo test -p vigil-loaders --test terraform_doc`"
    );
}

#[test]
fn no_provider_type_is_mapped_twice() {
    // A second mapping of a type would silently replace the first. (A type may be both
    // mapped and joined: the default security group is a record and rewrites references.)
    let mut mapped = std::collections::HashSet::new();
    for m in mappings() {
        assert!(mapped.insert(m.tf_type), "{} is mapped twice", m.tf_type);
    }
    let mut joined = std::collections::HashSet::new();
    for j in joins() {
        assert!(joined.insert(j.tf_type), "{} is joined twice", j.tf_type);
    }
}
