//! One parsed `.tf` file: the `hcl-edit` syntax tree and a byte-offset to line/column index.

use hcl_edit::structure::Body;
use std::ops::Range;
use std::sync::Arc;
use vigil_model::{Diagnostic, Level, Position, Span};

/// A `.tf` or `.tfvars` file, parsed.
pub struct ParsedFile {
    /// Path relative to the scan root.
    pub path: String,
    pub text: Arc<str>,
    /// `None` when the file did not parse (the diagnostic says why).
    pub body: Option<Body>,
    /// Index of this file in the configuration's file table, 1-based: [`Span::file`].
    pub id: u16,
    line_starts: Vec<usize>,
}

impl ParsedFile {
    /// Parses `text`; a syntax error becomes a diagnostic naming the line and column.
    pub fn parse(path: &str, text: Arc<str>, id: u16) -> (ParsedFile, Option<Diagnostic>) {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let (body, diagnostic) = match hcl_edit::parser::parse_body(&text) {
            Ok(b) => (Some(b), None),
            Err(e) => {
                let loc = e.location();
                let message = e.message().lines().next().unwrap_or("").trim().to_string();
                let message = if message.is_empty() {
                    "not valid HCL".to_string()
                } else {
                    format!("not valid HCL: {message}")
                };
                (
                    None,
                    Some(Diagnostic {
                        level: Level::Error,
                        path: path.to_string(),
                        line: loc.line() as u32,
                        column: loc.column() as u32,
                        message,
                    }),
                )
            }
        };
        (
            ParsedFile {
                path: path.to_string(),
                text,
                body,
                id,
                line_starts,
            },
            diagnostic,
        )
    }

    /// The line and column (1-based, columns in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(offset - start);
        Position {
            line: line as u32 + 1,
            column: column as u32 + 1,
        }
    }

    /// A span (tagged with this file) for a byte range from the parser.
    pub fn span(&self, range: Option<Range<usize>>) -> Option<Span> {
        let r = range?;
        let end = if r.end > r.start { r.end - 1 } else { r.start };
        Some(Span::new(self.position(r.start), self.position(end)).in_file(self.id))
    }

    /// Only the first line of a range: where a finding on a multi-line block should point.
    pub fn head_span(&self, range: Option<Range<usize>>) -> Option<Span> {
        let r = range?;
        let start = self.position(r.start);
        let line_end = self.text[r.start.min(self.text.len())..]
            .find('\n')
            .map(|n| r.start + n)
            .unwrap_or(self.text.len())
            .min(r.end.max(r.start));
        let end = self.position(line_end.saturating_sub(1).max(r.start));
        Some(Span::new(start, end).in_file(self.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let (f, d) = ParsedFile::parse("a.tf", Arc::from("a = 1\nbé = \"x\"\n"), 1);
        assert!(d.is_none());
        assert_eq!(f.position(0), Position { line: 1, column: 1 });
        // `=` on line 2 is after the two characters `bé` and a space.
        assert_eq!(f.position(10), Position { line: 2, column: 4 });
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let (f, d) = ParsedFile::parse("bad.tf", Arc::from("a = 1\nresource \"x\" {\n"), 1);
        assert!(f.body.is_none());
        let d = d.unwrap();
        assert_eq!(d.path, "bad.tf");
        assert!(d.line >= 2, "{d}");
        assert!(d.message.starts_with("not valid HCL"), "{d}");
    }
}
