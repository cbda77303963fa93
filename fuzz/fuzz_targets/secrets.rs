//! Arbitrary bytes through the secret scanner with every built-in secret rule, and as a secret
//! rule file.
//!
//! Nothing may panic or run away; every match lies inside the input, its span's lines exist,
//! and no finding (message, address) holds the matched secret whole.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use vigil_secrets::{Scanner, SecretRule};

fn scanner() -> &'static Scanner {
    static SCANNER: OnceLock<Scanner> = OnceLock::new();
    SCANNER.get_or_init(|| {
        Scanner::new(vigil_rules::secret_rules().expect("built-in secret rules parse"))
            .expect("unique ids")
    })
}

fuzz_target!(|data: &[u8]| {
    let scanner = scanner();
    for path in ["input.txt", "package-lock.json"] {
        let scanned = scanner.scan(path, data);
        let lines = data.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        for m in &scanned.matches {
            assert!(m.range.end <= data.len() && m.range.start <= m.range.end);
            assert!(m.span.start.line >= 1 && m.span.end.line <= lines);
            let secret = &data[m.range.clone()];
            let f = scanner.finding(path, m);
            if secret.len() >= 8 {
                let s = String::from_utf8_lossy(secret);
                assert!(!f.message.contains(&*s), "the message holds the secret");
                assert!(!f.address.contains(&*s), "the address holds the secret");
            }
        }
    }
    // The rule parser refuses bad files with an error, never a panic.
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = SecretRule::parse("fuzz.yaml", text);
    }
});
