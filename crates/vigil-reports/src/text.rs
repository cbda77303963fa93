//! The human report: findings grouped by file with code frames, then diagnostics, a summary and
//! the verdict.

use crate::{find_rule, first_paragraph, plural, span_end, Counts, Report};
use std::collections::HashMap;
use std::fmt::Write as _;
use vigil_model::{Diagnostic, Finding, Level, Severity, Span};

/// Lines of context shown above and below the offending lines.
const CONTEXT: usize = 2;
/// Offending lines shown at most; a longer span (a whole resource) is cut after these.
const MAX_MARKED: usize = 6;
/// Characters of a source line shown at most: a minified file must not flood the terminal, and
/// a frame should show the offending line, not echo a whole file.
const MAX_LINE_CHARS: usize = 160;

/// ANSI styling, or none when colour is off.
struct Paint {
    on: bool,
}

impl Paint {
    fn paint(&self, codes: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{codes}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }

    fn dim(&self, s: &str) -> String {
        self.paint("34", s)
    }

    fn severity(&self, sev: Severity, s: &str) -> String {
        self.paint(severity_codes(sev), s)
    }
}

fn severity_codes(sev: Severity) -> &'static str {
    match sev {
        Severity::Critical => "1;35",
        Severity::High => "1;31",
        Severity::Medium => "1;33",
        Severity::Low => "1;36",
    }
}

pub(crate) fn render(report: &Report, color: bool) -> String {
    let p = Paint { on: color };
    let mut out = String::new();

    // Group by file in the order the files first appear; findings keep their given order.
    let mut groups: Vec<(&str, Vec<&Finding>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for f in report.findings.iter().filter(|f| f.suppressed.is_none()) {
        let i = *index.entry(f.location.path.as_str()).or_insert_with(|| {
            groups.push((f.location.path.as_str(), Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(f);
    }

    for (path, findings) in &groups {
        let header = format!(
            "{} ({})",
            clean(path),
            plural(findings.len(), "finding", "findings")
        );
        let _ = writeln!(out, "{}", p.paint("1;4", &header));
        out.push('\n');
        for f in findings {
            finding(&mut out, &p, report, f);
            out.push('\n');
        }
    }

    if !report.diagnostics.is_empty() {
        let _ = writeln!(out, "{}", p.bold("Problems reading input:"));
        for d in report.diagnostics {
            diagnostic(&mut out, &p, d);
        }
        out.push('\n');
    }

    summary(&mut out, &p, report);
    out
}

fn finding(out: &mut String, p: &Paint, report: &Report, f: &Finding) {
    let sev = f.severity.as_str().to_ascii_uppercase();
    let _ = writeln!(
        out,
        "{} {} {}",
        p.severity(f.severity, &sev),
        p.bold(&f.rule_id),
        p.bold(&clean(&f.title))
    );
    let path = clean(&f.location.path);
    match f.location.span {
        Some(s) if s.start.line > 0 => {
            let _ = writeln!(
                out,
                "  {} {path}:{}:{}",
                p.dim("-->"),
                s.start.line,
                s.start.column.max(1)
            );
        }
        _ => {
            let _ = writeln!(out, "  {} {path}", p.dim("-->"));
        }
    }
    if let (Some(span), Some(src)) = (f.location.span, report.sources.get(&f.location.path)) {
        code_frame(out, p, src, span, f.severity);
    }
    let _ = writeln!(out, "  {}", indent(&clean(&f.message), "  "));
    // Name the resource unless the message already does (the engine's default message does).
    if !f.message.contains(&f.address) {
        let _ = writeln!(
            out,
            "  {} {} {}",
            p.bold("resource:"),
            clean(&f.kind),
            clean(&f.address)
        );
    }
    if let Some(c) = &f.provenance {
        let _ = writeln!(
            out,
            "  {} commit {} by {} on {}",
            p.bold("introduced:"),
            clean(c.commit.get(..12).unwrap_or(&c.commit)),
            clean(&c.author),
            clean(&c.date)
        );
    }
    let fix = first_paragraph(&f.remediation);
    if !fix.is_empty() {
        let _ = writeln!(
            out,
            "  {} {}",
            p.bold("fix:"),
            indent(&clean(fix), "       ")
        );
    }
    let link = find_rule(report, &f.rule_id).and_then(|r| r.references.links.first());
    if let Some(link) = link {
        let _ = writeln!(out, "  {} {}", p.bold("see:"), clean(link));
    }
}

/// Writes the lines around `span` with a line-number gutter; offending lines are marked `>` and,
/// for a single-line span, underlined with carets.
fn code_frame(out: &mut String, p: &Paint, src: &str, span: Span, sev: Severity) {
    let lines = vigil_model::source_lines(src);
    let first = span.start.line as usize;
    if first == 0 || first > lines.len() {
        return;
    }
    let (end_line, end_col) = span_end(span, Some(src));
    let last = (end_line as usize).clamp(first, lines.len());
    let last_marked = last.min(first + MAX_MARKED - 1);
    let cut = last_marked < last;
    let from = first.saturating_sub(CONTEXT).max(1);
    let to = if cut {
        last_marked
    } else {
        (last + CONTEXT).min(lines.len())
    };
    let width = to.to_string().len();
    let blank = format!("  {:width$} {}", "", p.dim("|"));

    let _ = writeln!(out, "{blank}");
    for n in from..=to {
        let text = display_line(lines[n - 1]);
        let marked = (first..=last_marked).contains(&n);
        let gutter = if marked {
            p.severity(sev, ">")
        } else {
            p.dim("|")
        };
        let num = p.dim(&format!("{n:>width$}"));
        if text.is_empty() {
            let _ = writeln!(out, "  {num} {gutter}");
        } else {
            let _ = writeln!(out, "  {num} {gutter} {text}");
        }
        if marked && first == last {
            if let Some((prefix, carets)) = caret_line(&text, span.start.column, end_col) {
                let _ = writeln!(out, "{blank} {prefix}{}", p.severity(sev, &carets));
            }
        }
    }
    if cut {
        let more = plural(last - last_marked, "more line", "more lines");
        let _ = writeln!(out, "  {:width$} {} ... {more}", "", p.dim("|"));
    }
    let _ = writeln!(out, "{blank}");
}

/// The underline for a single-line span, as (prefix, carets): the prefix mirrors the line's tabs
/// so the carets line up whatever the tab width. `None` when the span starts past what is shown.
fn caret_line(text: &str, start_col: u32, end_col: Option<u32>) -> Option<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let start = (start_col.max(1) as usize) - 1;
    if start >= chars.len() {
        return None;
    }
    let end = match end_col {
        Some(e) if (e as usize) > start + 1 => (e as usize - 1).min(chars.len()),
        _ => start + 1,
    };
    let prefix: String = chars[..start]
        .iter()
        .map(|&c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    Some((prefix, "^".repeat(end - start)))
}

fn diagnostic(out: &mut String, p: &Paint, d: &Diagnostic) {
    let level = match d.level {
        Level::Error => p.paint("1;31", "error:"),
        Level::Warning => p.paint("1;33", "warning:"),
        Level::Note => p.paint("1;36", "note:"),
    };
    let path = clean(&d.path);
    let message = clean(&d.message);
    if d.line > 0 {
        let _ = writeln!(
            out,
            "{level} {path}:{}:{}: {message}",
            d.line,
            d.column.max(1)
        );
    } else {
        let _ = writeln!(out, "{level} {path}: {message}");
    }
}

fn summary(out: &mut String, p: &Paint, report: &Report) {
    let c = Counts::of(report);
    let mut line = match (report.files_scanned, report.files_searched) {
        (n, 0) => format!("{} scanned: ", plural(n, "file", "files")),
        (0, m) => format!("{} searched for secrets: ", plural(m, "file", "files")),
        (n, m) => format!(
            "{} scanned, {} searched for secrets: ",
            plural(n, "file", "files"),
            plural(m, "file", "files")
        ),
    };
    let by_sev: Vec<String> = Severity::ALL
        .iter()
        .rev()
        .map(|&s| {
            let part = format!("{} {s}", c.get(s));
            if c.get(s) > 0 {
                p.severity(s, &part)
            } else {
                part
            }
        })
        .collect();
    let _ = write!(
        line,
        "{} ({})",
        plural(c.findings(), "finding", "findings"),
        by_sev.join(", ")
    );
    let _ = write!(line, "; {} suppressed", c.suppressed);
    if c.errors > 0 || c.warnings > 0 {
        let _ = write!(
            line,
            "; {}, {}",
            plural(c.errors, "error", "errors"),
            plural(c.warnings, "warning", "warnings")
        );
    }
    let _ = writeln!(out, "{line}");

    if report.passed {
        let detail = match report.fail_on {
            Some(t) => format!("no findings at or above {t}"),
            None => "no severity threshold set".to_string(),
        };
        let _ = writeln!(out, "{}: {detail}", p.paint("1;32", "PASSED"));
    } else {
        let mut reasons = Vec::new();
        let failing = crate::gate_failures(report);
        if failing > 0 {
            if let Some(t) = report.fail_on {
                reasons.push(format!(
                    "{} at or above {t}",
                    plural(failing, "finding", "findings")
                ));
            }
        }
        let unreadable = crate::unreadable_files(report);
        if unreadable > 0 && report.parse_errors_fail {
            reasons.push(if unreadable == 1 {
                "1 file could not be read".to_string()
            } else {
                format!("{unreadable} files could not be read")
            });
        }
        let verdict = p.paint("1;31", "FAILED");
        if reasons.is_empty() {
            let _ = writeln!(out, "{verdict}");
        } else {
            let _ = writeln!(out, "{verdict}: {}", reasons.join("; "));
        }
    }
}

/// A source line as shown in a frame: cleaned and cut to [`MAX_LINE_CHARS`].
fn display_line(line: &str) -> String {
    let cleaned = clean(line.trim_end());
    if cleaned.chars().count() > MAX_LINE_CHARS {
        let mut s: String = cleaned.chars().take(MAX_LINE_CHARS).collect();
        s.push('…');
        s
    } else {
        cleaned
    }
}

/// Replaces control characters (escape sequences a scanned file could use to rewrite the
/// terminal) and bidirectional overrides (which can make shown code differ from real code) with
/// U+FFFD. Tabs and newlines are kept.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            if bidi || (c.is_control() && c != '\t' && c != '\n') {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// Indents every line after the first, so a multi-line message stays under its label.
fn indent(s: &str, pad: &str) -> String {
    s.lines().collect::<Vec<_>>().join(&format!("\n{pad}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_replaces_escapes_and_bidi_overrides() {
        assert_eq!(clean("a\x1b[31mb"), "a\u{FFFD}[31mb");
        assert_eq!(clean("x\u{202E}y\tz"), "x\u{FFFD}y\tz");
    }

    #[test]
    fn carets_cover_the_span_and_mirror_tabs() {
        let (prefix, carets) = caret_line("\tkey: value", 2, Some(5)).unwrap();
        assert_eq!(prefix, "\t");
        assert_eq!(carets, "^^^");
        // A point gets one caret; a column past the line gets none.
        assert_eq!(caret_line("abc", 2, Some(2)).unwrap().1, "^");
        assert!(caret_line("abc", 9, None).is_none());
    }

    #[test]
    fn long_lines_are_cut() {
        let long = "x".repeat(500);
        assert_eq!(display_line(&long).chars().count(), MAX_LINE_CHARS + 1);
    }
}
