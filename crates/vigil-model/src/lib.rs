//! The records every stage of Vigil shares.
//!
//! Loaders turn inputs into [`Resource`]s; the engine turns resources into [`Finding`]s;
//! reports, the gate and the store read findings. Nothing here knows about any input format,
//! except which top-level keys of a GitLab CI file are not jobs ([`GITLAB_KEYWORDS`]).

mod diagnostic;
mod finding;
mod lines;
mod resource;
mod severity;
mod span;
mod value;

pub use diagnostic::{Diagnostic, Level};
pub use finding::{
    fingerprint, Finding, Location, Provenance, Suppression, SuppressionKind,
    INLINE_SUPPRESSION_MARKER,
};
pub use lines::source_lines;
pub use resource::{Origin, Resource, SourceFile, GITLAB_KEYWORDS};
pub use severity::Severity;
pub use span::{Position, Span};
pub use value::{Map, Node, Reference, Value};
