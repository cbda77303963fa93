//! The rule engine.
//!
//! Rules are data ([`Rule`], one `rule.yaml` each); conditions are CEL expressions compiled once
//! into [`expr::Expr`] and evaluated with three-valued logic: a value unknown before deployment
//! makes a condition unknown, and a rule fires only when its condition is definitely true.

pub mod catalogue;
pub mod expr;
mod functions;
pub mod rule;

pub use catalogue::{Catalogue, CatalogueError};
pub use rule::{Check, Fixture, References, Rule, RuleError};
