//! False-alarm control: what looks like a credential but is not one.
//!
//! Every rule goes through [`is_placeholder`] and [`is_documented_example`]; loose (`generic`)
//! rules also through [`looks_like_code_or_id`] and the file checks in [`skip_generic_in_file`].

use crate::rule::Checksum;

/// Shannon entropy of `s` in bits per byte.
pub fn entropy(s: &[u8]) -> f64 {
    if s.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in s {
        counts[b as usize] += 1;
    }
    let n = s.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

/// Keys that vendors publish in their documentation. They appear in thousands of tutorials and
/// tests and give access to nothing.
const DOCUMENTED_EXAMPLES: &[&str] = &[
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "AKIAI44QH8DHBEXAMPLE",
    "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
    "ASIAIOSFODNN7EXAMPLE",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "pk_test_TYooMQauvdEDq54NiTphI7jx",
    "xoxb-not-a-real-token-this-will-not-work",
];

/// The secret is a key published in a vendor's documentation, or says it is an example.
pub fn is_documented_example(secret: &[u8]) -> bool {
    DOCUMENTED_EXAMPLES.iter().any(|e| secret == e.as_bytes())
        || contains_marker(secret, b"example")
}

/// Secrets at least this long (key bodies, JWTs) hold any four-letter word by chance now and
/// then; in them a marker word counts only standing on its own (`-----fake-----`, `.example.`).
const LONG_SECRET: usize = 48;

/// Whether `secret` holds `word`: anywhere in a short secret, as a whole word in a long one.
fn contains_marker(secret: &[u8], word: &[u8]) -> bool {
    if secret.len() < LONG_SECRET || !word.iter().all(u8::is_ascii_alphabetic) {
        return contains_ignore_case(secret, word);
    }
    secret.windows(word.len()).enumerate().any(|(i, w)| {
        w.eq_ignore_ascii_case(word)
            && (i == 0 || !secret[i - 1].is_ascii_alphanumeric())
            && secret
                .get(i + word.len())
                .is_none_or(|b| !b.is_ascii_alphanumeric())
    })
}

/// Words that mark a value as a stand-in for a real credential.
const PLACEHOLDER_WORDS: &[&[u8]] = &[
    b"xxxx",
    b"****",
    b"changeme",
    b"change_me",
    b"change-me",
    b"placeholder",
    b"your_",
    b"your-",
    b"yourkey",
    b"yourtoken",
    b"yoursecret",
    b"yourpassword",
    b"redacted",
    b"dummy",
    b"fake",
    b"sample",
    b"notreal",
    b"not_real",
    b"not-a-real",
    b"replace_me",
    b"replaceme",
    b"insert_",
    b"todo",
    b"secret_here",
    b"token_here",
    b"key_here",
    b"password_here",
    b"<redacted>",
];

/// A stand-in: a template variable (`${VAR}`, `{{ var }}`, `<token>` or its HTML-escaped form
/// `&lt;token&gt;`, `%(x)s`, `$VAR`), a placeholder word (`changeme`, `xxxx`, `your_token`), or
/// one character repeated or counted up (`aaaaaaaa`, `12345678`, `abcdefgh`).
pub fn is_placeholder(secret: &[u8]) -> bool {
    if secret.is_empty() {
        return true;
    }
    let first = secret[0];
    let last = secret[secret.len() - 1];
    let escaped_angle = secret.len() > 8
        && secret[..4].eq_ignore_ascii_case(b"&lt;")
        && secret[secret.len() - 4..].eq_ignore_ascii_case(b"&gt;");
    if (first == b'<' && last == b'>')
        || escaped_angle
        || secret.starts_with(b"${")
        || secret.starts_with(b"{{")
        || secret.starts_with(b"%(")
        || secret.starts_with(b"#{")
        || (first == b'$'
            && secret[1..]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'_'))
    {
        return true;
    }
    if PLACEHOLDER_WORDS.iter().any(|w| contains_marker(secret, w)) {
        return true;
    }
    low_variety(secret)
}

/// Too regular to be random: few distinct characters, one run up or down covering most of the
/// value, or a run of [`COUNTED_RUN`] characters anywhere in it.
fn low_variety(secret: &[u8]) -> bool {
    let mut seen = [false; 256];
    let mut distinct = 0;
    for &b in secret {
        if !seen[b as usize] {
            seen[b as usize] = true;
            distinct += 1;
        }
    }
    if distinct <= 2 || (secret.len() >= 12 && distinct <= 3) {
        return true;
    }
    // `0123456789`, `abcdefghij`: a sequence covering most of the value.
    let mut run = 1;
    let mut longest = 1;
    for w in secret.windows(2) {
        if w[1] == w[0].wrapping_add(1) || w[1] == w[0].wrapping_sub(1) {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 1;
        }
    }
    (longest * 2 > secret.len() && longest >= 6) || longest >= COUNTED_RUN
}

/// Eight characters counted up or down in a row (`12345678`, `ABCDEFGH`, `hgfedcba`) are typed,
/// not drawn: the chance of such a run at a given place of a random value is 62^-7 for base62
/// (16^-7 for hex), so a value holding one was written by hand (`00Qx-ABCDEFGHIJKL-9f`).
const COUNTED_RUN: usize = 8;

/// What a loose rule catches but is not a secret: code (`os.environ["X"]`, `config.password`,
/// `getPassword()`), hashes and ids (hex digests, UUIDs, git object ids), file paths and URLs
/// without credentials.
pub fn looks_like_code_or_id(secret: &[u8]) -> bool {
    let is_hex = |s: &[u8]| s.iter().all(|b| b.is_ascii_hexdigit());
    // md5, sha1/git, sha256, sha512 hex digests.
    if matches!(secret.len(), 32 | 40 | 64 | 128) && is_hex(secret) {
        return true;
    }
    if is_uuid(secret) {
        return true;
    }
    // Code: calls, indexing, member access, string concatenation, interpolation.
    if secret.iter().any(|b| {
        matches!(
            b,
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'<' | b'>' | b'$' | b'`' | b'\\'
        )
    }) {
        return true;
    }
    // `config.db.password`, `settings.SECRET_KEY`, `process.env.TOKEN`: dotted identifiers.
    if secret.contains(&b'.')
        && secret
            .split(|b| *b == b'.')
            .all(|part| !part.is_empty() && is_identifier(part))
    {
        return true;
    }
    // A single identifier with no digit (`password`, `adminPassword`, `DB_PASSWORD`), also with
    // the separators of the text around it (`,rememberMeLabel:` from `a:"x",rememberMeLabel:`).
    let bare = trim_separators(secret);
    if is_identifier(bare) && !bare.iter().any(u8::is_ascii_digit) {
        return true;
    }
    // Paths, plain URLs, ARNs (`ServiceToken: arn:aws:lambda:...`) and YAML tags
    // (`Password: !Ref DbPassword`).
    if secret.starts_with(b"/")
        || secret.starts_with(b"./")
        || secret.starts_with(b"http")
        || secret.starts_with(b"arn:")
        || secret.starts_with(b"!")
    {
        return true;
    }
    // Integrity strings of lockfiles and subresource integrity: `sha512-...`.
    secret.starts_with(b"sha1-") || secret.starts_with(b"sha256-") || secret.starts_with(b"sha512-")
}

/// `s` without the list and key separators (`,` `;` `:`) at its ends.
fn trim_separators(s: &[u8]) -> &[u8] {
    let sep = |b: &u8| matches!(b, b',' | b';' | b':');
    let start = s.iter().position(|b| !sep(b)).unwrap_or(s.len());
    let end = s.iter().rposition(|b| !sep(b)).map_or(start, |e| e + 1);
    &s[start..end]
}

fn is_identifier(s: &[u8]) -> bool {
    !s.is_empty()
        && (s[0].is_ascii_alphabetic() || s[0] == b'_')
        && s.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

fn is_uuid(s: &[u8]) -> bool {
    s.len() == 36
        && s.iter().enumerate().all(|(i, b)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                *b == b'-'
            } else {
                b.is_ascii_hexdigit()
            }
        })
}

/// Files where loose rules are not run: lockfiles (integrity hashes), minified assets and
/// source maps (long random-looking runs), and vendored dependency trees.
pub fn skip_generic_in_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    const LOCKFILES: &[&str] = &[
        "package-lock.json",
        "npm-shrinkwrap.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "Cargo.lock",
        "go.sum",
        "poetry.lock",
        "Pipfile.lock",
        "composer.lock",
        "Gemfile.lock",
        "packages.lock.json",
        "uv.lock",
        "bun.lock",
    ];
    LOCKFILES.contains(&name)
        || name.contains(".min.")
        || name.ends_with(".map")
        || path.contains("node_modules/")
        || path.starts_with("vendor/")
        || path.contains("/vendor/")
}

/// A line written by a minifier: too long to be written by hand.
pub fn is_minified_line(line: &[u8]) -> bool {
    line.len() > 2000
}

/// Words on the line of a match that say the value is not a real credential, as test fixtures
/// and documentation write them.
pub fn line_marks_fake(line: &[u8], secret: &[u8]) -> bool {
    // Only the text around the secret counts: a real token may contain these letters.
    let outside: Vec<u8> = match memchr::memmem::find(line, secret) {
        Some(at) => [&line[..at], &line[at + secret.len()..]].concat(),
        None => line.to_vec(),
    };
    const MARKS: &[&[u8]] = &[
        b"fake",
        b"dummy",
        b"not a real",
        b"not-a-real",
        b"notreal",
        b"mock",
        b"placeholder",
        b"pragma: allowlist secret",
    ];
    MARKS.iter().any(|m| contains_ignore_case(&outside, m))
}

/// Verifies a format's built-in checksum.
pub fn checksum_ok(kind: Checksum, secret: &[u8]) -> bool {
    match kind {
        Checksum::Github | Checksum::Npm => base62_crc32_ok(secret),
    }
}

/// `prefix_` + random part + six base62 characters encoding the CRC32 of the random part.
fn base62_crc32_ok(token: &[u8]) -> bool {
    let Some(us) = token.iter().rposition(|b| *b == b'_') else {
        return false;
    };
    let body = &token[us + 1..];
    if body.len() <= 6 {
        return false;
    }
    let (random, check) = body.split_at(body.len() - 6);
    base62_6(crc32fast::hash(random)) == check
}

/// `n` in base 62 (`0-9A-Za-z`), left-padded with `0` to six characters.
pub(crate) fn base62_6(mut n: u32) -> [u8; 6] {
    const DIGITS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = [b'0'; 6];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(n % 62) as usize];
        n /= 62;
    }
    out
}

pub(crate) fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    if needle.len() > hay.len() {
        return false;
    }
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy_of_uniform_and_constant() {
        assert_eq!(entropy(b"aaaa"), 0.0);
        assert!((entropy(b"abcd") - 2.0).abs() < 1e-9);
    }

    #[test]
    fn placeholders() {
        for p in [
            "${GITHUB_TOKEN}",
            "{{ token }}",
            "<your-token>",
            "$TOKEN",
            "changeme",
            "xxxxxxxxxxxxxxxx",
            "your_api_key_here",
            "aaaaaaaaaaaaaaaa",
            "1234567890abcd",
            "&lt;MYPASSWROD&gt;",
            "00Qx4MlV-WPXM-ABCDEFGHIJKL-0HmjFx-vbGu",
            "k9Xq2Lm7Wz12345678Pd",
        ] {
            assert!(is_placeholder(p.as_bytes()), "{p}");
        }
        for real in [
            "q8Zr2LpX0vTn4Wc7",
            "hunter2-Xk9q",
            "&lt;q8Zr2LpX0",
            "aB3dE5fG7hJ9kL1mN3pQ",
        ] {
            assert!(!is_placeholder(real.as_bytes()), "{real}");
        }
    }

    #[test]
    fn marker_words_in_long_secrets_count_only_on_their_own() {
        let body = b"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCfakeQ2vLp7tR";
        assert!(body.len() >= LONG_SECRET);
        assert!(!is_placeholder(body));
        assert!(is_placeholder(
            b"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC-fake-key"
        ));
        assert!(is_placeholder(b"q8Zr2fakeLp"));
    }

    #[test]
    fn code_and_ids() {
        for c in [
            "os.environ",
            "config.db.password",
            "getPassword()",
            "d41d8cd98f00b204e9800998ecf8427e",
            "123e4567-e89b-12d3-a456-426614174000",
            "sha512-abc",
            "adminPassword",
            ",rememberMeLabel:",
            "arn:aws:lambda:eu-west-1:123456789012:function:provision",
            "!Ref",
        ] {
            assert!(looks_like_code_or_id(c.as_bytes()), "{c}");
        }
        assert!(!looks_like_code_or_id(b"Tr0ub4dor&3x"));
    }

    #[test]
    fn github_checksum_round_trip() {
        let random = b"aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1";
        let token = [
            b"ghp_".as_slice(),
            random,
            &base62_6(crc32fast::hash(random)),
        ]
        .concat();
        assert!(checksum_ok(Checksum::Github, &token));
        let mut bad = token.clone();
        *bad.last_mut().unwrap() ^= 1;
        assert!(!checksum_ok(Checksum::Github, &bad));
    }

    #[test]
    fn fake_marks_look_outside_the_secret() {
        assert!(line_marks_fake(b"FAKE_TOKEN = \"abc\"", b"abc"));
        assert!(!line_marks_fake(b"token = \"xfakex\"", b"xfakex"));
    }
}
