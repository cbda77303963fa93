//! Arbitrary bytes, read as (lossy) UTF-8 text, through the Dockerfile loader (parser
//! directives, continuations, here-documents, the recovery after bad instructions, ARG/ENV
//! substitution, the shell command splitter) and then the whole built-in rule catalogue. Nothing
//! may panic or run away; the loader always yields the one resource of the file, and every span
//! and diagnostic points at a line of the input.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, OnceLock};
use vigil_engine::Catalogue;
use vigil_model::{Node, SourceFile, Value};

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| vigil_rules::catalogue().expect("the built-in catalogue compiles"))
}

fn check_spans(n: &Node, lines: u32) {
    if let Some(s) = n.span {
        assert!(
            s.start.line >= 1 && s.start <= s.end && s.end.line <= lines,
            "span {s:?} outside the {lines} lines of the input"
        );
    }
    match &n.value {
        Value::Map(m) => m.values().for_each(|v| check_spans(v, lines)),
        Value::List(l) => l.iter().for_each(|v| check_spans(v, lines)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let path = "Dockerfile";
    let file = SourceFile {
        path: path.to_string(),
        disk_path: path.into(),
        text: Arc::from(text.as_ref()),
    };
    let loaded = vigil_loaders::dockerfile::load(&file);
    assert_eq!(loaded.resources.len(), 1, "one resource per Dockerfile");
    // Lines as the loader counts them: one more than the newlines.
    let lines = text.matches('\n').count() as u32 + 1;
    for d in &loaded.diagnostics {
        assert_eq!(d.path, path, "a diagnostic names the file it is about");
        assert!(d.line <= lines, "diagnostic line {} past the end", d.line);
    }
    check_spans(&loaded.resources[0].properties, lines);
    let findings = catalogue().evaluate(&loaded.resources);
    for f in &findings {
        assert_eq!(f.address, path, "a finding names the Dockerfile");
    }
});
