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
    out.push_str("| id | name | severity | applies to | formats | CIS AWS v3 | AWS FSBP |\n|---|---|---|---|---|---|---|\n");
    for r in rules {
        let _ = writeln!(
            out,
            "| [{id}](#{anchor}) | {name} | {sev} | {kinds} | {formats} | {cis} | {fsbp} |",
            id = r.id,
            anchor = r.id.to_ascii_lowercase(),
            name = r.name,
            sev = r.severity,
            kinds = r.kinds().join(", "),
            formats = r.formats().join(", "),
            cis = r.references.cis_aws_v3.join(", "),
            fsbp = r.references.aws_fsbp.join(", "),
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
        let _ = writeln!(out, "```yaml\n{}\n```\n", r.fixed_example.trim_end());
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
        let refs: Vec<String> = r
            .references
            .cis_aws_v3
            .iter()
            .map(|c| format!("CIS AWS v3 {c}"))
            .chain(
                r.references
                    .aws_fsbp
                    .iter()
                    .map(|c| format!("AWS FSBP {c}")),
            )
            .chain(r.references.links.iter().map(|l| format!("<{l}>")))
            .collect();
        if !refs.is_empty() {
            let _ = writeln!(out, "\n**References.** {}", refs.join(" · "));
        }
        let _ = writeln!(out, "\nSuppress: `# vigil:ignore {} <reason>`", r.id);
    }
    out
}
