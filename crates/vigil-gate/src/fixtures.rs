//! Runs a rule's fixtures: every `fail*` fixture must raise the rule (on the lines marked
//! `# expect`, when any are marked) and every `pass*` fixture must not.

use vigil_engine::{Catalogue, Fixture, Rule};
use vigil_loaders::terraform::{self, MemFs};
use vigil_loaders::LoadOptions;
use vigil_model::{Level, SourceFile};

/// A fixture that did not behave as its name says.
#[derive(Debug, Clone)]
pub struct Failure {
    pub rule_id: String,
    pub fixture: String,
    pub problem: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.rule_id, self.fixture, self.problem)
    }
}

/// Lines (1-based) marked as expecting a finding: a line ending in `# expect`, or the line
/// after a line that is only `# expect` (for formats where a comment cannot end a line, such
/// as a Dockerfile, where `#` mid-line belongs to the instruction).
fn expected_lines(text: &str) -> Vec<u32> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.trim() == "# expect" {
            if i + 1 < lines.len() {
                out.push(i as u32 + 2);
            }
        } else if l.trim_end().ends_with("# expect") {
            out.push(i as u32 + 1);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Checks one rule's fixtures; an empty result means every fixture behaved.
pub fn check_rule(rule: &Rule) -> Vec<Failure> {
    let fail = |fixture: &str, problem: String| Failure {
        rule_id: rule.id.clone(),
        fixture: fixture.to_string(),
        problem,
    };
    let mut out = Vec::new();
    if !rule.fixtures.iter().any(Fixture::expects_finding) {
        out.push(fail("-", "has no `fail*` fixture".into()));
    }
    if !rule.fixtures.iter().any(|f| !f.expects_finding()) {
        out.push(fail("-", "has no `pass*` fixture".into()));
    }
    let mut catalogue = Catalogue::new();
    catalogue.add(rule.clone()).expect("a single rule");
    for fx in &rule.fixtures {
        let Some(format) = fx.format() else {
            out.push(fail(
                &fx.file_name,
                "its name names no input format (see `Fixture::format`)".into(),
            ));
            continue;
        };
        // Expected `(file, line)` pairs, and what the loader made of the fixture.
        let (expected, loaded) = if format == "terraform" {
            let fs = MemFs::from_fixture(&fx.text);
            let mut expected: Vec<(String, u32)> = fs
                .files
                .iter()
                .flat_map(|(path, text)| {
                    expected_lines(text)
                        .into_iter()
                        .map(move |l| (path.clone(), l))
                })
                .collect();
            expected.sort();
            let loaded = terraform::load(
                "",
                &fs,
                &terraform::VariableInputs::default(),
                terraform::Limits::default(),
            );
            (expected, loaded)
        } else {
            let path = fx.source_path();
            let file = SourceFile {
                path: path.clone(),
                disk_path: path.clone().into(),
                text: fx.text.clone().into(),
            };
            let expected = expected_lines(&fx.text)
                .into_iter()
                .map(|l| (path.clone(), l))
                .collect();
            (
                expected,
                vigil_loaders::load(&file, &LoadOptions::default()),
            )
        };
        if loaded.format.is_none() {
            out.push(fail(
                &fx.file_name,
                "not recognised as an input Vigil reads".into(),
            ));
            continue;
        }
        if let Some(d) = loaded.diagnostics.iter().find(|d| d.level == Level::Error) {
            out.push(fail(&fx.file_name, format!("does not load: {d}")));
            continue;
        }
        let findings = catalogue.evaluate(&loaded.resources);
        let mut lines: Vec<(String, u32)> = findings
            .iter()
            .filter_map(|f| {
                f.location
                    .span
                    .map(|s| (f.location.path.clone(), s.start.line))
            })
            .collect();
        lines.sort();
        lines.dedup();
        let show = |v: &[(String, u32)]| {
            v.iter()
                .map(|(p, l)| {
                    if format == "terraform" {
                        format!("{p}:{l}")
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        if fx.expects_finding() {
            if findings.is_empty() {
                out.push(fail(&fx.file_name, "expected a finding, got none".into()));
                continue;
            }
            if !expected.is_empty() && expected != lines {
                out.push(fail(
                    &fx.file_name,
                    format!(
                        "expected findings on lines [{}], got [{}]",
                        show(&expected),
                        show(&lines)
                    ),
                ));
            }
        } else if !findings.is_empty() {
            out.push(fail(
                &fx.file_name,
                format!(
                    "expected no finding, got {} on lines [{}]",
                    findings.len(),
                    show(&lines)
                ),
            ));
        }
    }
    out
}
