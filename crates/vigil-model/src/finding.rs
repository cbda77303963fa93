use crate::{Severity, Span};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Where a finding points.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Location {
    /// File path relative to the scanned root (`/` separators), or an ARN for live resources.
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SuppressionKind {
    /// A `vigil:ignore` comment or template `Metadata` beside the resource.
    Inline,
    /// `vigil.toml`.
    Config,
    /// The finding was already in the baseline file.
    Baseline,
}

/// Why a finding does not count against the gate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    pub kind: SuppressionKind,
    /// The rule id or name the suppression names (`*` for all).
    pub rule: String,
    pub reason: String,
}

/// The word that starts an inline suppression comment: `# vigil:ignore RULE-ID[,RULE-ID] reason`.
pub const INLINE_SUPPRESSION_MARKER: &str = "vigil:ignore";

impl Suppression {
    /// The suppressions an inline comment in `line` names, if the line holds the marker. Any
    /// comment syntax works (`#`, `//`, `/* */`, `<!-- -->`): only the marker is looked for.
    pub fn parse_inline(line: &str) -> Vec<Suppression> {
        const MARKER: &str = INLINE_SUPPRESSION_MARKER;
        let Some(at) = line.find(MARKER) else {
            return Vec::new();
        };
        let rest = line[at + MARKER.len()..].trim();
        let rest = rest.trim_end_matches("*/").trim_end_matches("-->").trim();
        let (ids, reason) = match rest.split_once(char::is_whitespace) {
            Some((ids, reason)) => (ids, reason.trim()),
            None => (rest, ""),
        };
        ids.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|id| Suppression {
                kind: SuppressionKind::Inline,
                rule: id.to_string(),
                reason: if reason.is_empty() {
                    "no reason given".to_string()
                } else {
                    reason.to_string()
                },
            })
            .collect()
    }
}

/// A rule's verdict on one subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule_id: String,
    pub rule_name: String,
    pub severity: Severity,
    pub title: String,
    pub message: String,
    /// The resource kind judged.
    pub kind: String,
    /// The resource's address (logical id, Terraform address or ARN).
    pub address: String,
    pub location: Location,
    /// Property path the finding points at, relative to the resource (`Properties.AccessControl`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub property_path: Option<String>,
    pub remediation: String,
    /// Stable across unrelated edits: see [`fingerprint`].
    pub fingerprint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppression>,
    /// For findings in a repository's history: the commit that first brought them in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

/// The commit where a finding first appeared in history (the oldest commit, by commit time,
/// whose tree holds the blob at that path).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// Full commit id.
    pub commit: String,
    /// `Name <email>` of the commit's author.
    pub author: String,
    /// Author date, RFC 3339.
    pub date: String,
}

/// The fingerprint of a finding: a hash of what it is about, never of where it sits in the file.
///
/// Moving a resource down ten lines, or editing another resource, keeps the fingerprint; renaming
/// the resource, moving it to another file or changing the offending property path changes it.
pub fn fingerprint(
    rule_id: &str,
    file: &str,
    address: &str,
    property_path: Option<&str>,
) -> String {
    let mut h = Sha256::new();
    for part in [rule_id, file, address, property_path.unwrap_or("")] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let digest = h.finalize();
    digest[..12].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_depends_on_identity_not_lines() {
        let a = fingerprint(
            "AWS-S3-001",
            "a.yaml",
            "Bucket",
            Some("Properties.AccessControl"),
        );
        let b = fingerprint(
            "AWS-S3-001",
            "a.yaml",
            "Bucket",
            Some("Properties.AccessControl"),
        );
        let c = fingerprint(
            "AWS-S3-001",
            "a.yaml",
            "Other",
            Some("Properties.AccessControl"),
        );
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 24);
    }
}
