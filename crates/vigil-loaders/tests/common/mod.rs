//! Helpers shared by the loader tests: load a file through the front door or an in-memory
//! Terraform configuration, and read the records it gave.

// Each test file uses a different part of these.
#![allow(dead_code)]

use std::sync::Arc;
use vigil_loaders::terraform::{self, Limits, MemFs, VariableInputs};
use vigil_loaders::{LoadOptions, Loaded, Resource};
use vigil_model::{Node, SourceFile, Value};

/// A file as the gate would hand it to a loader.
pub fn source_file(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: path.into(),
        disk_path: path.into(),
        text: Arc::from(text),
    }
}

/// Through the front door (`vigil_loaders::load`): only files a loader claims are read.
pub fn load_file(path: &str, text: &str) -> Loaded {
    vigil_loaders::load(&source_file(path, text), &LoadOptions::default())
}

/// Loads a fixture (virtual files split on `# --- file:` lines) as a root module.
pub fn load(fixture: &str) -> Loaded {
    load_with(fixture, VariableInputs::default())
}

pub fn load_with(fixture: &str, inputs: VariableInputs) -> Loaded {
    let fs = MemFs::from_fixture(fixture);
    terraform::load("", &fs, &inputs, Limits::default())
}

/// [`load`], asserting the configuration gave no diagnostic.
pub fn load_clean(fixture: &str) -> Loaded {
    let l = load(fixture);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    l
}

pub fn resource<'a>(l: &'a Loaded, address: &str) -> &'a Resource {
    l.resources
        .iter()
        .find(|r| r.address == address)
        .unwrap_or_else(|| {
            panic!(
                "no {address}; have {:?}",
                l.resources.iter().map(|r| &r.address).collect::<Vec<_>>()
            )
        })
}

/// The property at a dotted path (`SecurityGroupIngress.1.CidrIp`), if there is one.
pub fn find<'a>(r: &'a Resource, path: &str) -> Option<&'a Node> {
    let mut n = &r.properties;
    for seg in path.split('.') {
        n = match seg.parse::<usize>() {
            Ok(i) => n.as_list()?.get(i)?,
            Err(_) => n.get(seg)?,
        };
    }
    Some(n)
}

pub fn prop<'a>(r: &'a Resource, path: &str) -> &'a Node {
    find(r, path).unwrap_or_else(|| panic!("no {path} in {:?}", r.properties.to_json()))
}

pub fn has(r: &Resource, path: &str) -> bool {
    find(r, path).is_some()
}

pub fn line(n: &Node) -> u32 {
    n.span.expect("a span").start.line
}

pub fn reference(n: &Node) -> (&str, Option<&str>) {
    match &n.value {
        Value::Reference(r) => (r.target.as_str(), r.attribute.as_deref()),
        other => panic!("not a reference: {other:?}"),
    }
}

pub fn target(n: &Node) -> &str {
    reference(n).0
}

pub fn number(n: &Node) -> f64 {
    match n.value {
        Value::Number(x) => x,
        ref other => panic!("not a number: {other:?}"),
    }
}

pub fn bool_of(n: &Node) -> bool {
    match n.value {
        Value::Bool(b) => b,
        ref other => panic!("not a bool: {other:?}"),
    }
}
