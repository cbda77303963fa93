//! Loaders: each turns one kind of input file into [`vigil_model::Resource`] records.
//!
//! A loader never panics on bad input: it returns [`Diagnostic`]s naming the line and what was
//! expected, and keeps every resource it could read.

pub mod cloudformation;
pub mod dockerfile;
pub mod kubernetes;
pub mod pipeline;
pub mod suppress;
pub mod terraform;
pub mod yaml;

use vigil_model::SourceFile;
pub use vigil_model::{Diagnostic, Level, Resource, Span};

/// What a loader made of one file.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The input kind recognised (`cloudformation`), `None` when no loader claims the file.
    pub format: Option<&'static str>,
    pub resources: Vec<Resource>,
    pub diagnostics: Vec<Diagnostic>,
    /// Files read besides the one offered (Terraform modules, `file()`), for code frames.
    pub sources: Vec<(String, std::sync::Arc<str>)>,
}

/// Options shared by loaders.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// CloudFormation parameter overrides (`--param K=V`, parameter files).
    pub parameters: std::collections::BTreeMap<String, String>,
    /// Terraform input variables (`--var`, `--var-file`).
    pub variables: terraform::VariableInputs,
    pub terraform_limits: terraform::Limits,
    pub limits: yaml::Limits,
}

/// Offers the file to every loader; the first that recognises it loads it.
pub fn load(file: &SourceFile, options: &LoadOptions) -> Loaded {
    if terraform::plan::claims(file) {
        return terraform::plan::load(file, &terraform::DiskFs);
    }
    if dockerfile::claims(file) {
        return dockerfile::load(file);
    }
    if pipeline::claims(file) {
        return pipeline::load(file);
    }
    // A file that names CloudFormation but is not a template may still be a Kubernetes
    // manifest (a ConfigMap holding a template); if it is neither, CloudFormation's word on
    // why it is not a template stands.
    let mut not_a_template = None;
    if cloudformation::claims(file) {
        let loaded = cloudformation::load(file, options);
        if loaded.format.is_some() {
            return loaded;
        }
        not_a_template = Some(loaded);
    }
    if kubernetes::claims(file) {
        let loaded = kubernetes::load_with(file, options.limits);
        if loaded.format.is_some() {
            return loaded;
        }
    }
    not_a_template.unwrap_or_default()
}
