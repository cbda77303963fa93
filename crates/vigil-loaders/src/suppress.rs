//! Inline suppression comments: `# vigil:ignore RULE-ID[,RULE-ID] reason`.
//!
//! A comment applies to the resource it is written in, or to the resource right below it
//! (comment lines directly above the resource's first line).

use vigil_model::{source_lines, Suppression};

const MARKER: &str = vigil_model::INLINE_SUPPRESSION_MARKER;

/// Parses the suppressions in one line of text, if it holds the marker.
pub fn parse_line(line: &str) -> Vec<Suppression> {
    Suppression::parse_inline(line)
}

/// Suppressions for a resource spanning `first..=last` (1-based lines) of `text`.
///
/// Splits the whole text into lines: a loader asking for many blocks of one file should split it
/// once with [`source_lines`] and call [`for_block_in_lines`].
pub fn for_block(text: &str, first: u32, last: u32, comment_prefixes: &[&str]) -> Vec<Suppression> {
    for_block_in_lines(&source_lines(text), first, last, comment_prefixes)
}

/// [`for_block`] over a text already split into lines by [`source_lines`]. Lines past the end of
/// the text are ignored.
pub fn for_block_in_lines(
    lines: &[&str],
    first: u32,
    last: u32,
    comment_prefixes: &[&str],
) -> Vec<Suppression> {
    let mut out = Vec::new();
    let first_idx = (first as usize).saturating_sub(1).min(lines.len());
    let last_idx = (last as usize).min(lines.len());
    // Comment lines directly above the block.
    let mut i = first_idx;
    while i > 0 {
        let l = lines[i - 1].trim_start();
        if comment_prefixes.iter().any(|p| l.starts_with(p)) {
            i -= 1;
        } else {
            break;
        }
    }
    for line in &lines[i.min(lines.len())..last_idx.max(i.min(lines.len()))] {
        if line.contains(MARKER) {
            out.extend(parse_line(line));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ids_and_reason() {
        let s = parse_line("  # vigil:ignore AWS-S3-001,AWS-S3-002 logs bucket, reviewed");
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].rule, "AWS-S3-002");
        assert_eq!(s[0].reason, "logs bucket, reviewed");
    }

    #[test]
    fn lines_end_where_yaml_ends_them() {
        assert_eq!(source_lines("a\rb\r\nc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(source_lines("a\n\n"), ["a", ""]);
        assert!(source_lines("").is_empty());
        // A classic Mac file: comments above the block are found, and lines past the end are
        // not an index out of bounds.
        let text = "Resources:\r  # vigil:ignore A why\r  B:\r    Type: x\r";
        assert_eq!(for_block(text, 3, 4, &["#"]).len(), 1);
        assert!(for_block(text, 60, 70, &["#"]).is_empty());
    }

    #[test]
    fn block_includes_comments_above() {
        let text = "Resources:\n  # vigil:ignore A why\n  B:\n    Type: x\n  C:\n";
        assert_eq!(for_block(text, 3, 4, &["#"]).len(), 1);
        assert_eq!(for_block(text, 5, 5, &["#"]).len(), 0);
    }
}
