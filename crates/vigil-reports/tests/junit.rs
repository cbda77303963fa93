//! JUnit XML: well-formed (parsed back with quick-xml), with the right cases and counts.

mod common;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use vigil_model::{Suppression, SuppressionKind};
use vigil_reports::{render, Format};

/// An element of the parsed document.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<Element>,
}

impl Element {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    fn all(&self, name: &str) -> Vec<&Element> {
        self.children.iter().filter(|c| c.name == name).collect()
    }
}

fn element(e: &BytesStart) -> Element {
    Element {
        name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("well-formed attribute");
                let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
                let value = a
                    .normalized_value(XmlVersion::Explicit1_0)
                    .expect("valid value");
                (key, value.into_owned())
            })
            .collect(),
        ..Element::default()
    }
}

/// Parses the whole document, failing on any well-formedness error (mismatched or unclosed
/// tags, bad references, content after the root).
fn parse(xml: &str) -> Element {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => {
                let el = element(&e);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => {
                        assert!(root.is_none(), "one root element");
                        root = Some(el);
                    }
                }
            }
            Event::End(_) => {
                let el = stack.pop().expect("an open element");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => {
                        assert!(root.is_none(), "one root element");
                        root = Some(el);
                    }
                }
            }
            Event::Text(t) => {
                let text = t.xml10_content().unwrap();
                if let Some(el) = stack.last_mut() {
                    el.text.push_str(&text);
                } else {
                    assert!(text.trim().is_empty(), "text outside the root: {text:?}");
                }
            }
            Event::GeneralRef(r) => {
                let el = stack.last_mut().expect("a reference inside an element");
                if r.is_char_ref() {
                    el.text
                        .push(r.resolve_char_ref().unwrap().expect("a valid character"));
                } else {
                    let name = r.decode().unwrap();
                    el.text
                        .push_str(resolve_predefined_entity(&name).expect("a predefined entity"));
                }
            }
            Event::CData(c) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(&c.decode().unwrap()),
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    root.expect("a root element")
}

fn junit(run: &common::Run) -> Element {
    let xml = render(&run.report(), Format::Junit, false);
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        "{xml}"
    );
    parse(&xml)
}

fn suite(root: &Element) -> &Element {
    assert_eq!(root.name, "testsuites");
    let suites = root.all("testsuite");
    assert_eq!(suites.len(), 1, "one test suite");
    assert_eq!(suites[0].attr("name"), Some("vigil"));
    suites[0]
}

#[test]
fn counts_failures_skips_and_errors() {
    let root = junit(&common::sample());
    let s = suite(&root);
    assert_eq!(s.attr("tests"), Some("6"));
    assert_eq!(s.attr("failures"), Some("3"));
    assert_eq!(s.attr("skipped"), Some("2"));
    assert_eq!(s.attr("errors"), Some("1"));
    assert_eq!(root.attr("tests"), Some("6"));

    let cases = s.all("testcase");
    assert_eq!(cases.len(), 6);
    let failed: Vec<&&Element> = cases
        .iter()
        .filter(|c| c.child("failure").is_some())
        .collect();
    let skipped: Vec<&&Element> = cases
        .iter()
        .filter(|c| c.child("skipped").is_some())
        .collect();
    let errored: Vec<&&Element> = cases
        .iter()
        .filter(|c| c.child("error").is_some())
        .collect();
    assert_eq!((failed.len(), skipped.len(), errored.len()), (3, 2, 1));
    assert!(
        cases.iter().all(|c| c.attr("name") != Some("vigil scan")),
        "no pass case when something failed"
    );

    let names: Vec<&str> = failed.iter().map(|c| c.attr("name").unwrap()).collect();
    assert_eq!(
        names,
        ["AWS-S3-001 Site", "AWS-EC2-001 Web", "AWS-S3-005 Archive"]
    );
    let skipped_names: Vec<&str> = skipped.iter().map(|c| c.attr("name").unwrap()).collect();
    assert_eq!(skipped_names, ["AWS-S3-001 Logs", "AWS-S3-005 Data"]);
}

#[test]
fn a_failure_carries_message_severity_location_and_fix() {
    let root = junit(&common::sample());
    let s = suite(&root);
    let case = s
        .all("testcase")
        .into_iter()
        .find(|c| c.attr("name") == Some("AWS-S3-001 Site"))
        .unwrap();
    assert_eq!(case.attr("classname"), Some("infra/app.yaml"));
    let failure = case.child("failure").unwrap();
    assert_eq!(
        failure.attr("message"),
        Some("Bucket `Site` has AccessControl PublicRead")
    );
    assert_eq!(failure.attr("type"), Some("high"));
    assert!(
        failure
            .text
            .contains("at infra/app.yaml:7:7 (Properties.AccessControl)"),
        "{}",
        failure.text
    );
    assert!(
        failure.text.contains("fix: Remove `AccessControl`"),
        "{}",
        failure.text
    );

    let skipped = s
        .all("testcase")
        .into_iter()
        .find(|c| c.attr("name") == Some("AWS-S3-001 Logs"))
        .unwrap()
        .child("skipped")
        .unwrap();
    assert_eq!(
        skipped.attr("message"),
        Some("suppressed (inline): logs are public by design")
    );

    let error = s
        .all("testcase")
        .into_iter()
        .find(|c| c.child("error").is_some())
        .unwrap();
    assert_eq!(error.attr("classname"), Some("infra/broken.yaml"));
    assert_eq!(
        error.child("error").unwrap().attr("message"),
        Some("mapping values are not allowed here")
    );
}

#[test]
fn special_characters_are_escaped_and_escapes_dropped() {
    let root = junit(&common::sample());
    let failure = suite(&root)
        .all("testcase")
        .into_iter()
        .find(|c| c.attr("name") == Some("AWS-S3-005 Archive"))
        .unwrap()
        .child("failure")
        .unwrap();
    // Parsed back, the text is what was written, less the terminal escape XML cannot carry.
    let message = failure.attr("message").unwrap();
    assert!(
        message.starts_with("Bucket `Archive` <no policy> & \"aws:SecureTransport\" unchecked"),
        "{message}"
    );
    assert!(!message.contains('\x1b'));
    assert!(
        failure.text.contains("<no policy> & \"aws:"),
        "{}",
        failure.text
    );
}

#[test]
fn a_clean_run_is_one_passing_case() {
    let root = junit(&common::clean());
    let s = suite(&root);
    assert_eq!(s.attr("tests"), Some("1"));
    assert_eq!(s.attr("failures"), Some("0"));
    assert_eq!(s.attr("errors"), Some("0"));
    let cases = s.all("testcase");
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].attr("name"), Some("vigil scan"));
    assert!(
        cases[0].children.is_empty(),
        "a pass has no failure, skip or error"
    );
}

#[test]
fn only_suppressed_findings_still_pass() {
    let mut run = common::clean();
    let mut f = common::sample().findings.remove(0);
    f.suppressed = Some(Suppression {
        kind: SuppressionKind::Baseline,
        rule: "*".into(),
        reason: String::new(),
    });
    run.findings.push(f);
    let root = junit(&run);
    let s = suite(&root);
    assert_eq!(s.attr("tests"), Some("2"));
    assert_eq!(s.attr("skipped"), Some("1"));
    assert_eq!(s.attr("failures"), Some("0"));
    assert!(s
        .all("testcase")
        .iter()
        .any(|c| c.attr("name") == Some("vigil scan")));
}

#[test]
fn one_case_per_rule_and_resource() {
    let mut run = common::sample();
    // The same rule firing twice on one resource (two open ingress rules) is one test case.
    let mut twin = run.findings[2].clone();
    twin.property_path = Some("Properties.SecurityGroupIngress[1]".into());
    twin.location.span = Some(common::span(19, 11, 19, 20));
    run.findings.insert(3, twin);
    let root = junit(&run);
    let s = suite(&root);
    assert_eq!(s.attr("failures"), Some("3"));
    let web = s
        .all("testcase")
        .into_iter()
        .find(|c| c.attr("name") == Some("AWS-EC2-001 Web"))
        .unwrap();
    let text = &web.child("failure").unwrap().text;
    assert!(
        text.contains("infra/app.yaml:17:11 (Properties.SecurityGroupIngress[0])"),
        "{text}"
    );
    assert!(
        text.contains("infra/app.yaml:19:11 (Properties.SecurityGroupIngress[1])"),
        "{text}"
    );
}
