//! The records every stage of Vigil shares.
//!
//! Loaders turn inputs into [`Resource`]s; the engine turns resources into [`Finding`]s;
//! reports, the gate and the store read findings. Nothing here knows about any input format,
//! except the few facts a loader and the rule helpers share (`kinds.rs`).

mod diagnostic;
mod finding;
mod kinds;
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
pub use kinds::{pod_spec_path, GITLAB_KEYWORDS};
pub use lines::source_lines;
pub use resource::{Origin, Resource, SourceFile};
pub use severity::Severity;
pub use span::{Position, Span};
pub use value::{Map, Node, Reference, Value};
