//! CI pipeline files: GitHub Actions workflows and actions, GitLab CI, AWS CodeBuild buildspecs.

use crate::Loaded;
use vigil_model::SourceFile;

/// Whether this loader reads the file (by where it lives and its name).
pub fn claims(_file: &SourceFile) -> bool {
    false
}

/// Loads a pipeline file.
pub fn load(_file: &SourceFile) -> Loaded {
    Loaded::default()
}
