//! The rule catalogue as Markdown: `docs/catalogue.md` is generated from the rules themselves,
//! and a test keeps it in step with `rules/`.

use std::fmt::Write as _;
use vigil_engine::Rule;

/// A summary table, then one section per rule: why, how to fix, a fixed example, what it checks.
pub fn catalogue_markdown(rules: &[Rule]) -> String {
    let mut out = String::from(
        "# Rule catalogue\n\n<!-- Generated from rules/ by `vigil rules list --format markdown`; do not edit. -->\n\n",
    );
    let _ = writeln!(out, "{} rules.\n", rules.len());
    out.push_str(
        "| id | name | severity | applies to | formats | standards |\n|---|---|---|---|---|---|\n",
    );
    for r in rules {
        let _ = writeln!(
            out,
            "| [{id}](#{anchor}) | {name} | {sev} | {kinds} | {formats} | {standards} |",
            id = r.id,
            anchor = r.id.to_ascii_lowercase(),
            name = r.name,
            sev = r.severity,
            kinds = r.kinds().join(", "),
            formats = r.formats().join(", "),
            standards = standards(r).join(", "),
        );
    }
    for r in rules {
        let _ = writeln!(
            out,
            "\n## {}\n\n**{}** · `{}` · severity **{}** · {}\n",
            r.id,
            r.title,
            r.name,
            r.severity,
            r.kinds().join(", ")
        );
        let _ = writeln!(out, "{}\n", r.rationale);
        let _ = writeln!(out, "**Fix.** {}\n", r.remediation);
        let _ = writeln!(
            out,
            "```{}\n{}\n```\n",
            fence_language(r),
            r.fixed_example.trim_end()
        );
        out.push_str("**Checks.**\n\n");
        for c in &r.checks {
            let each = c
                .source
                .each
                .as_deref()
                .map(|e| format!(" for each item of `{e}`"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- on {}{each}: `{}`",
                c.source.kinds.join(", "),
                c.source.when.trim().replace('|', "\\|")
            );
        }
        let refs: Vec<String> = standards(r)
            .into_iter()
            .chain(r.references.links.iter().map(|l| format!("<{l}>")))
            .collect();
        if !refs.is_empty() {
            let _ = writeln!(out, "\n**References.** {}", refs.join(" · "));
        }
        let _ = writeln!(out, "\nSuppress: `# vigil:ignore {} <reason>`", r.id);
    }
    out
}

/// The standards a rule answers to, each named: `CIS AWS v3 2.1.4`, `AWS FSBP S3.2`,
/// `Pod Security baseline: Privileged Containers`.
fn standards(r: &Rule) -> Vec<String> {
    let refs = &r.references;
    refs.cis_aws_v3
        .iter()
        .map(|c| format!("CIS AWS v3 {c}"))
        .chain(refs.aws_fsbp.iter().map(|c| format!("AWS FSBP {c}")))
        .chain(refs.k8s_pss.iter().map(|c| format!("Pod Security {c}")))
        .collect()
}

/// The code fence language of a rule's fixed example, from the formats it judges.
fn fence_language(r: &Rule) -> &'static str {
    let formats = r.formats();
    if formats.contains(&"dockerfile") {
        "dockerfile"
    } else if formats == ["terraform"] {
        "hcl"
    } else {
        "yaml"
    }
}

/// The secret rules as Markdown (`docs/secret-rules.md`): a table, then one section per rule
/// with what the credential grants, how to revoke it, and how it is recognised.
pub fn secret_catalogue_markdown(rules: &[vigil_secrets::SecretRule]) -> String {
    let mut out = String::from(
        "# Secret rules\n\n<!-- Generated from rules/secrets/ by `vigil rules list --format markdown`; do not edit. -->\n\n",
    );
    let _ = writeln!(
        out,
        "{} credential kinds. The format and the false-alarm filters every rule goes through are \
         described in [secrets.md](secrets.md).\n",
        rules.len()
    );
    out.push_str("| id | title | severity | recognised by |\n|---|---|---|---|\n");
    for r in rules {
        let how = if r.keywords.is_empty() {
            "pattern".to_string()
        } else {
            r.keywords
                .iter()
                .map(|k| format!("`{}`", k.replace('|', "\\|").replace('`', "'")))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let _ = writeln!(
            out,
            "| [{id}](#{anchor}) | {title} | {sev} | {how} |",
            id = r.id,
            anchor = r.id.to_ascii_lowercase(),
            title = r.title.replace('|', "\\|"),
            sev = r.severity,
        );
    }
    for r in rules {
        let _ = writeln!(
            out,
            "\n## {}\n\n**{}** · `{}` · severity **{}**\n",
            r.id, r.title, r.name, r.severity
        );
        let _ = writeln!(out, "{}\n", r.rationale.trim());
        let _ = writeln!(out, "**Fix.** {}\n", r.remediation.trim());
        let mut how = vec![format!(
            "pattern `{}`",
            r.pattern.replace('`', "'").replace('|', "\\|")
        )];
        if let Some(e) = r.min_entropy {
            how.push(format!("entropy at least {e} bits per character"));
        }
        if let Some(c) = r.checksum {
            how.push(format!("{c:?} checksum verified").to_lowercase());
        }
        if let Some(n) = &r.near {
            how.push(format!(
                "only with `{}` within {} lines",
                n.source.replace('`', "'").replace('|', "\\|"),
                n.lines
            ));
        }
        if r.generic {
            how.push("loose rule: code, hashes, ids and lockfiles filtered out".into());
        }
        let _ = writeln!(out, "**Recognised by.** {}.\n", how.join("; "));
        let _ = writeln!(
            out,
            "**Examples.** {} that must be reported, {} that must not ([rule file](../{})).",
            r.examples_fail.len(),
            r.examples_pass.len(),
            r.origin
        );
        if !r.references.is_empty() {
            let _ = writeln!(out, "\n**References.** {}", r.references.join(" · "));
        }
    }
    out
}
