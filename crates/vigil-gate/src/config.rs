//! `vigil.toml`, read from the scanned root.
//!
//! ```toml
//! fail_on = "medium"                 # low | medium | high | critical | never
//! exclude = ["tests/fixtures/**"]    # globs, relative to the scanned root
//! skip_rules = ["AWS-S3-005"]        # ids or names; findings kept, marked suppressed
//! allow_parse_errors = false         # true: unreadable files do not fail the gate
//!
//! [severity]                          # per-rule severity overrides
//! AWS-EC2-012 = "low"
//!
//! [parameters]                        # CloudFormation parameter values
//! Environment = "prod"
//!
//! [secrets]
//! scan = true                         # false: `vigil scan` does not search for secrets
//! exclude = ["docs/examples/**"]      # globs not searched for secrets (IaC rules still run)
//!
//! [terraform]
//! var_files = ["envs/prod.tfvars"]   # read after terraform.tfvars and *.auto.tfvars
//! vars = { region = "eu-west-1" }     # like --var; the command line wins
//! ```

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use vigil_model::Severity;

/// The gate's threshold: the lowest severity that fails it, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Severity(Severity),
    Never,
}

impl std::str::FromStr for FailOn {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if s.eq_ignore_ascii_case("never") {
            Ok(FailOn::Never)
        } else {
            s.parse::<Severity>().map(FailOn::Severity).map_err(|_| {
                format!("`{s}` is not a threshold: expected low, medium, high, critical or never")
            })
        }
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub fail_on: Option<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub skip_rules: Vec<String>,
    #[serde(default)]
    pub allow_parse_errors: Option<bool>,
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    #[serde(default)]
    pub parameters: BTreeMap<String, String>,
    #[serde(default)]
    pub terraform: TerraformConfig,
    #[serde(default)]
    pub secrets: SecretsConfig,
}

/// `[secrets]`: credential scanning.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecretsConfig {
    /// Whether `vigil scan` searches for secrets too (default true).
    #[serde(default)]
    pub scan: Option<bool>,
    /// Globs of paths not searched for secrets.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// `[terraform]`: input variables for every root module scanned.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerraformConfig {
    #[serde(default)]
    pub var_files: Vec<String>,
    #[serde(default)]
    pub vars: BTreeMap<String, String>,
}

impl Config {
    /// Reads a config file; the error names the file, line and what was wrong.
    pub fn read(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let config: Config = toml::from_str(&text).map_err(|e| {
            let line = e
                .span()
                // Newlines before the error, plus one: `lines()` would miss a blank line
                // just before it, and any line an error starts at the beginning of.
                .map(|s| text[..s.start].matches('\n').count() + 1)
                .unwrap_or(0);
            format!("{}:{line}: {}", path.display(), e.message())
        })?;
        if let Some(f) = &config.fail_on {
            f.parse::<FailOn>()
                .map_err(|e| format!("{}: fail_on: {e}", path.display()))?;
        }
        Ok(config)
    }
}
