//! Baselines: the findings a team has accepted for now, keyed by fingerprint, so the gate
//! fails only on new ones. `vigil baseline` writes the file; `--baseline FILE` reads it.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;
use vigil_model::Finding;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub fingerprint: String,
    pub rule_id: String,
    pub path: String,
    pub address: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
    #[serde(skip)]
    index: HashSet<String>,
}

impl Baseline {
    /// A baseline accepting every finding not already suppressed otherwise.
    pub fn from_findings(findings: &[Finding]) -> Baseline {
        let mut entries: Vec<Entry> = findings
            .iter()
            .filter(|f| f.suppressed.is_none())
            .map(|f| Entry {
                fingerprint: f.fingerprint.clone(),
                rule_id: f.rule_id.clone(),
                path: f.location.path.clone(),
                address: f.address.clone(),
            })
            .collect();
        entries.sort_by(|a, b| {
            (&a.path, &a.rule_id, &a.address).cmp(&(&b.path, &b.rule_id, &b.address))
        });
        entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        let mut b = Baseline {
            version: 1,
            findings: entries,
            index: HashSet::new(),
        };
        b.reindex();
        b
    }

    fn reindex(&mut self) {
        self.index = self
            .findings
            .iter()
            .map(|e| e.fingerprint.clone())
            .collect();
    }

    pub fn read(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut b: Baseline = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}:{}:{}: not a Vigil baseline: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        if b.version != 1 {
            return Err(format!(
                "{}: baseline version {} is not supported (expected 1)",
                path.display(),
                b.version
            ));
        }
        b.reindex();
        Ok(b)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("baseline serialises") + "\n"
    }

    pub fn contains(&self, fingerprint: &str) -> bool {
        self.index.contains(fingerprint)
    }
}
