//! JUnit XML, for CI systems that show test results.
//!
//! One test suite, `vigil`. Each (rule, resource) with unsuppressed findings is a failed test
//! case; each suppressed one a skipped case; each file that could not be read an errored case.
//! When nothing failed, a passing case `vigil scan` is added so the CI shows a pass rather than
//! an empty suite. `quick-junit` does the XML escaping and drops characters XML cannot carry.

use crate::{first_paragraph, Report};
use quick_junit::{NonSuccessKind, Property, TestCase, TestCaseStatus, TestSuite};
use std::collections::HashMap;
use std::fmt::Write as _;
use vigil_model::{Finding, Level};

pub(crate) fn render(report: &Report) -> String {
    let mut suite = TestSuite::new("vigil");
    suite.add_property(Property::new("vigil.version", report.tool_version));
    suite.add_property(Property::new(
        "vigil.fail_on",
        report.fail_on.map_or("never", |s| s.as_str()),
    ));
    suite.add_property(Property::new("vigil.passed", report.passed.to_string()));

    let failing: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .collect();
    let suppressed: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.suppressed.is_some())
        .collect();

    for group in by_rule_and_resource(&failing) {
        let first = group[0];
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
        status
            .set_message(first.message.as_str())
            .set_type(first.severity.as_str())
            .set_description(description(&group));
        suite.add_test_case(case(first, status));
    }

    for group in by_rule_and_resource(&suppressed) {
        let first = group[0];
        let mut status = TestCaseStatus::skipped();
        if let Some(s) = &first.suppressed {
            let kind = match s.kind {
                vigil_model::SuppressionKind::Inline => "inline",
                vigil_model::SuppressionKind::Config => "config",
                vigil_model::SuppressionKind::Baseline => "baseline",
            };
            status
                .set_message(format!("suppressed ({kind}): {}", s.reason))
                .set_type("suppressed");
        }
        suite.add_test_case(case(first, status));
    }

    let mut errors = 0;
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
    {
        errors += 1;
        let at = if d.line > 0 {
            format!("{}:{}:{}", d.path, d.line, d.column.max(1))
        } else {
            d.path.clone()
        };
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
        status
            .set_message(d.message.as_str())
            .set_type("read-error")
            .set_description(format!("{at}: {}", d.message));
        let mut tc = TestCase::new(format!("read {at}"), status);
        tc.set_classname(d.path.as_str());
        suite.add_test_case(tc);
    }

    if failing.is_empty() && errors == 0 {
        let mut tc = TestCase::new("vigil scan", TestCaseStatus::success());
        tc.set_classname("vigil");
        suite.add_test_case(tc);
    }

    let mut junit = quick_junit::Report::new("vigil");
    junit.add_test_suite(suite);
    // Writing XML into memory cannot fail: quick-junit's only errors are I/O errors.
    junit.to_string().expect("the JUnit report serialises")
}

/// A test case named `RULE-ID address`, classed by the file.
fn case(f: &Finding, status: TestCaseStatus) -> TestCase {
    let mut tc = TestCase::new(format!("{} {}", f.rule_id, f.address), status);
    tc.set_classname(f.location.path.as_str());
    tc
}

/// Groups findings by (rule, file, resource), in the order the groups first appear: a rule that
/// fires twice on one resource (two open ports) is one test case listing both places.
fn by_rule_and_resource<'a>(findings: &[&'a Finding]) -> Vec<Vec<&'a Finding>> {
    let mut groups: Vec<Vec<&Finding>> = Vec::new();
    let mut index: HashMap<(&str, &str, &str), usize> = HashMap::new();
    for f in findings {
        let key = (
            f.rule_id.as_str(),
            f.location.path.as_str(),
            f.address.as_str(),
        );
        let i = *index.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[i].push(f);
    }
    groups
}

/// The failure's text: what, where, and how to fix it.
fn description(group: &[&Finding]) -> String {
    let first = group[0];
    let mut text = format!(
        "{} {} {}\nresource: {} {}\n",
        first.severity.as_str().to_ascii_uppercase(),
        first.rule_id,
        first.title,
        first.kind,
        first.address
    );
    for f in group {
        let _ = write!(text, "at {}", f.location.path);
        if let Some(s) = f.location.span.filter(|s| s.start.line > 0) {
            let _ = write!(text, ":{}:{}", s.start.line, s.start.column.max(1));
        }
        if let Some(pp) = &f.property_path {
            if !pp.is_empty() {
                let _ = write!(text, " ({pp})");
            }
        }
        let _ = writeln!(text, ": {}", f.message);
    }
    let fix = first_paragraph(&first.remediation);
    if !fix.is_empty() {
        let _ = writeln!(text, "fix: {fix}");
    }
    text
}
