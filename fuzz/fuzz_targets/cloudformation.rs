//! Arbitrary bytes, read as (lossy) UTF-8 text, through the CloudFormation loader and then the
//! whole built-in rule catalogue. The loader must never panic, overflow the stack or run away in
//! time or memory, whatever the input; the engine must judge whatever the loader produced.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, OnceLock};
use vigil_engine::Catalogue;
use vigil_loaders::LoadOptions;
use vigil_model::SourceFile;

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| vigil_rules::catalogue().expect("the built-in catalogue compiles"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The loader treats text starting with `{` as JSON; name the file to match, as a real tree
    // would, so both the YAML and the JSON error paths are exercised.
    let path = if text.trim_start().starts_with('{') {
        "fuzz.json"
    } else {
        "fuzz.yaml"
    };
    let file = SourceFile {
        path: path.to_string(),
        disk_path: path.into(),
        text: Arc::from(text.as_ref()),
    };
    // `load`, not `vigil_loaders::load`: skip the cheap "is this a template" text test, so every
    // input reaches the parser and the evaluator.
    let loaded = vigil_loaders::cloudformation::load(&file, &LoadOptions::default());
    for d in &loaded.diagnostics {
        assert_eq!(d.path, path, "a diagnostic names the file it is about");
    }
    let findings = catalogue().evaluate(&loaded.resources);
    for f in &findings {
        assert!(
            loaded.resources.iter().any(|r| r.address == f.address),
            "a finding names a resource the loader produced"
        );
    }
});
