//! Arbitrary bytes, read as (lossy) UTF-8 text, as a Terraform configuration: the text is split
//! into virtual files on `# --- file: <path>` lines (as the rule fixtures are), so inputs can
//! hold local modules, `.tfvars` and modules that call each other. It goes through the HCL
//! parser, the evaluator (variables, locals, modules, `count`/`for_each`/`dynamic`, functions),
//! the AWS mapping and joins, and the whole built-in rule catalogue.
//!
//! Nothing may panic, overflow the stack or run away in time or memory; every diagnostic names
//! a file of the input; every finding names a resource the loader produced.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use vigil_engine::Catalogue;
use vigil_loaders::terraform::{self, Limits, MemFs, VariableInputs};

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| vigil_rules::catalogue().expect("the built-in catalogue compiles"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let fs = MemFs::from_fixture(&text);
    let loaded = terraform::load("", &fs, &VariableInputs::default(), Limits::default());
    for d in &loaded.diagnostics {
        assert!(
            fs.files.contains_key(&d.path),
            "a diagnostic names a file of the input: {d}"
        );
    }
    let findings = catalogue().evaluate(&loaded.resources);
    for f in &findings {
        assert!(
            loaded.resources.iter().any(|r| r.address == f.address),
            "a finding names a resource that was loaded"
        );
    }
});
