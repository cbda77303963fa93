//! The human report: code frames, hidden suppressed findings, diagnostics, summary, verdict.

mod common;

use vigil_reports::{render, Format};

fn text(run: &common::Run) -> String {
    render(&run.report(), Format::Text, false)
}

/// The block of output that starts with `header` and ends at the next blank line.
fn block<'a>(out: &'a str, header: &str) -> &'a str {
    let start = out
        .find(header)
        .unwrap_or_else(|| panic!("no `{header}` in:\n{out}"));
    let rest = &out[start..];
    let end = rest.find("\n\n").unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn shows_a_code_frame_marking_the_offending_line() {
    let run = common::sample();
    let out = text(&run);
    let b = block(
        &out,
        "HIGH AWS-S3-001 S3 bucket ACL grants access to everyone",
    );
    let lines: Vec<&str> = b.lines().collect();
    assert_eq!(lines[1], "  --> infra/app.yaml:7:7", "{b}");
    // Two lines of context each side, the finding's line marked, carets under `AccessControl`.
    let frame = "    |
  5 |     Properties:
  6 |       BucketName: site
  7 >       AccessControl: PublicRead
    |       ^^^^^^^^^^^^^
  8 |   Logs:
  9 |     Type: AWS::S3::Bucket
    |
";
    assert!(b.contains(frame), "{b}");
    assert!(
        !b.contains("  4 |") && !b.contains(" 10 |"),
        "only two lines of context: {b}"
    );
    assert!(
        b.contains("  Bucket `Site` has AccessControl PublicRead\n"),
        "{b}"
    );
    assert!(
        !b.contains("resource:"),
        "the message names the resource already: {b}"
    );
    // The first paragraph of the remediation only.
    assert!(
        b.contains("  fix: Remove `AccessControl` (the default is Private)"),
        "{b}"
    );
    assert!(!b.contains("safety net"), "{b}");
    assert!(b.contains("  see: https://docs.aws.amazon.com/"), "{b}");
}

#[test]
fn marks_every_line_of_a_multi_line_span_without_carets() {
    let run = common::sample();
    let out = text(&run);
    let b = block(&out, "CRITICAL AWS-EC2-001");
    assert!(b.contains("  --> infra/app.yaml:17:11"), "{b}");
    for n in 17..=20 {
        assert!(b.contains(&format!("  {n} > ")), "line {n} unmarked: {b}");
    }
    // The span ends at line 21 column 1: the end of line 20, so line 21 is neither marked nor
    // shown (the file has 20 lines).
    assert!(!b.contains("  21 "), "{b}");
    assert!(b.contains("  15 |       GroupDescription: web"), "{b}");
    assert!(!b.contains('^'), "{b}");
}

#[test]
fn a_finding_without_a_span_has_a_location_but_no_frame() {
    let run = common::sample();
    let out = text(&run);
    let b = block(&out, "MEDIUM AWS-S3-005");
    assert!(b.contains("  --> infra/my stack/data.yaml\n"), "{b}");
    assert!(!b.contains(" > "), "{b}");
}

#[test]
fn hides_suppressed_findings_and_counts_them() {
    let run = common::sample();
    let out = text(&run);
    assert!(
        !out.contains("PublicReadWrite"),
        "suppressed finding shown:\n{out}"
    );
    assert!(!out.contains("logs are public by design"), "{out}");
    assert!(!out.contains("Bucket `Data`"), "{out}");
    assert!(!out.contains("`Logs`"), "{out}");
    assert!(out.contains("; 2 suppressed"), "{out}");
    // Files are headed with the count of what is shown for them.
    assert!(out.contains("infra/app.yaml (2 findings)\n"), "{out}");
    assert!(
        out.contains("infra/my stack/data.yaml (1 finding)\n"),
        "{out}"
    );
    assert!(
        out.find("infra/app.yaml (2").unwrap() < out.find("infra/my stack/data.yaml (1").unwrap()
    );
}

#[test]
fn lists_diagnostics_and_ends_with_summary_and_verdict() {
    let run = common::sample();
    let out = text(&run);
    assert!(
        out.contains("error: infra/broken.yaml:4:3: mapping values are not allowed here\n"),
        "{out}"
    );
    assert!(
        out.contains("warning: infra/app.yaml: duplicate key `Site`; the last one is used\n"),
        "{out}"
    );
    let tail: Vec<&str> = out.trim_end().lines().rev().take(2).collect();
    assert_eq!(
        tail[1],
        "3 files scanned: 3 findings (1 critical, 1 high, 1 medium, 0 low); 2 suppressed; 1 error, 1 warning"
    );
    assert_eq!(
        tail[0],
        "FAILED: 2 findings at or above high; 1 file could not be read"
    );
}

#[test]
fn a_clean_run_passes() {
    let run = common::clean();
    let out = text(&run);
    assert!(out.starts_with("2 files scanned: 0 findings"), "{out}");
    assert!(
        out.trim_end()
            .ends_with("PASSED: no findings at or above high"),
        "{out}"
    );
}

#[test]
fn colour_only_when_asked() {
    let run = common::sample();
    let plain = render(&run.report(), Format::Text, false);
    let coloured = render(&run.report(), Format::Text, true);
    // The only escape in the fixture is inside a message, where it is neutralised.
    assert!(!plain.contains('\x1b'), "{plain}");
    assert!(coloured.contains("\x1b[1;35mCRITICAL\x1b[0m"), "{coloured}");
    assert!(coloured.contains("\x1b[1;31mFAILED\x1b[0m"), "{coloured}");
}

#[test]
fn escape_sequences_from_scanned_input_are_neutralised() {
    let run = common::sample();
    let out = text(&run);
    assert!(out.contains("unchecked \u{FFFD}[31m"), "{out}");
}

#[test]
fn names_the_resource_when_the_message_does_not() {
    let mut run = common::sample();
    run.findings[0].message = "ACL is public".into();
    let out = text(&run);
    let b = block(&out, "HIGH AWS-S3-001");
    assert!(
        b.contains("  ACL is public\n  resource: AWS::S3::Bucket Site\n"),
        "{b}"
    );
}

#[test]
fn code_frames_count_lines_as_the_parser_does() {
    // A file saved with lone CR line endings: line 7 is still the offending line.
    let mut run = common::sample();
    for text in run.sources.values_mut() {
        *text = text.replace('\n', "\r").into();
    }
    let out = text(&run);
    let b = block(
        &out,
        "HIGH AWS-S3-001 S3 bucket ACL grants access to everyone",
    );
    assert!(
        b.lines()
            .any(|l| l.trim_start().starts_with("7 >") && l.contains("AccessControl")),
        "{b}"
    );
}
