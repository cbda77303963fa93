use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Something could not be read: the gate cannot vouch for it.
    Error,
    /// Read with a caveat (a duplicate key, an unresolved reference, a skipped file).
    Warning,
    /// Worth knowing, not a problem with the input (a registry module not evaluated).
    Note,
}

/// A problem met while reading input: names the file, the line and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: Level,
    pub path: String,
    /// 1-based; 0 when the problem is about the whole file.
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        };
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {level}: {}",
                self.path, self.line, self.column, self.message
            )
        } else {
            write!(f, "{}: {level}: {}", self.path, self.message)
        }
    }
}
