//! The only forms in which a secret leaves the scanner: a digest and a redacted prefix.

use sha2::{Digest, Sha256};

/// Hex of the first 8 bytes of the secret's SHA-256. Enough to tell secrets apart and to match
/// a baseline entry, useless for recovering the secret.
pub fn digest(secret: &[u8]) -> String {
    let d = Sha256::digest(secret);
    d[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// A few leading characters (at most 4, and at most a quarter of the secret, so a short
/// password shows almost nothing) followed by `…` and the first 8 hex digits of the digest:
/// `ghp_…3f9a1c2e`. The prefix tells a reader which kind of key it is; the digest tells two
/// keys apart.
pub fn redact(secret: &[u8]) -> String {
    let shown = (secret.len() / 4).min(4);
    let prefix: String = secret[..shown]
        .iter()
        .map(|&b| if b.is_ascii_graphic() { b as char } else { '?' })
        .collect();
    format!("{prefix}…{}", &digest(secret)[..8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_little_of_the_secret() {
        let token = "ghp_R4nd0mR4nd0mR4nd0mR4nd0mR4nd0m123456";
        let r = redact(token.as_bytes());
        assert!(r.starts_with("ghp_…"));
        assert_eq!(r.chars().count(), 4 + 1 + 8);
        assert!(!r.contains("R4nd"));
        // A short password shows at most a quarter of itself.
        assert!(redact(b"hunter22").starts_with("hu…"));
        assert_eq!(digest(b"a"), digest(b"a"));
        assert_ne!(digest(b"a"), digest(b"b"));
    }
}
