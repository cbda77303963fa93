use serde::{Deserialize, Serialize};

/// A point in a source file. Lines and columns start at 1, as editors show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// A range in a source file, end inclusive of the last line it touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: Position,
    pub end: Position,
    /// Which file: 0 is the file of the resource that holds the span; `n` is the resource's
    /// `other_files[n - 1]`. Terraform values passed through a module input point at the
    /// module call, which is in another file than the resource.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub file: u16,
}

fn is_zero(n: &u16) -> bool {
    *n == 0
}

impl Span {
    pub fn new(start: Position, end: Position) -> Self {
        Span {
            start,
            end,
            file: 0,
        }
    }

    /// A span from `(start_line, start_column)` to `(end_line, end_column)`, 1-based.
    pub fn from_coordinates(
        start_line: u32,
        start_column: u32,
        end_line: u32,
        end_column: u32,
    ) -> Self {
        Span {
            start: Position {
                line: start_line,
                column: start_column,
            },
            end: Position {
                line: end_line,
                column: end_column,
            },
            file: 0,
        }
    }

    /// A span covering a single point.
    pub fn point(line: u32, column: u32) -> Self {
        let p = Position { line, column };
        Span {
            start: p,
            end: p,
            file: 0,
        }
    }

    /// The smallest span covering both (in the file of `self`).
    pub fn join(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
            file: self.file,
        }
    }

    /// The same range in file `file` (see [`Span::file`]).
    pub fn in_file(self, file: u16) -> Span {
        Span { file, ..self }
    }
}
