//! The gate: from paths on disk to findings and a verdict.
//!
//! [`scan`] walks the paths (honouring `.gitignore` and `vigil.toml` exclusions), loads every
//! file in parallel, evaluates the catalogue, and applies inline suppressions, config and the
//! baseline. [`Verdict`] says whether the run passes. [`fixtures`] runs rules' own fixtures.

pub mod baseline;
pub mod config;
pub mod fixtures;
mod scan;
pub mod secrets;
mod terraform;
mod walk;

pub use baseline::Baseline;
pub use config::Config;
pub use scan::{scan, ScanOptions, ScanResult, Verdict};
pub use secrets::{scan_git, GitSource};
