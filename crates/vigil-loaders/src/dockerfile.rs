//! Dockerfiles (`Dockerfile`, `*.dockerfile`, `Containerfile`): one `docker::Dockerfile`
//! resource per file.

use crate::Loaded;
use vigil_model::SourceFile;

/// Whether a file name is a Dockerfile's: `Dockerfile`, `Dockerfile.<anything>`,
/// `<anything>.dockerfile`, `Containerfile` (any case).
pub fn is_dockerfile_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower == "dockerfile"
        || lower == "containerfile"
        || lower.starts_with("dockerfile.")
        || lower.starts_with("containerfile.")
        || lower.ends_with(".dockerfile")
        || lower.ends_with(".containerfile")
}

/// Whether this loader reads the file (by its name).
pub fn claims(file: &SourceFile) -> bool {
    let name = file.path.rsplit('/').next().unwrap_or(&file.path);
    is_dockerfile_name(name)
}

/// Loads a Dockerfile.
pub fn load(_file: &SourceFile) -> Loaded {
    Loaded {
        format: Some("dockerfile"),
        ..Loaded::default()
    }
}
