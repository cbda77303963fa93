//! Kubernetes manifests: every YAML document with `apiVersion` and `kind` becomes a
//! `k8s::<Kind>` resource.

use crate::Loaded;
use vigil_model::SourceFile;

/// Whether this loader reads the file: YAML or JSON with `apiVersion` and `kind`.
pub fn claims(file: &SourceFile) -> bool {
    let lower = file.path.to_ascii_lowercase();
    [".yaml", ".yml", ".json"]
        .iter()
        .any(|e| lower.ends_with(e))
        && file.text.contains("apiVersion")
        && file.text.contains("kind")
}

/// Loads a manifest.
pub fn load(_file: &SourceFile) -> Loaded {
    Loaded::default()
}
