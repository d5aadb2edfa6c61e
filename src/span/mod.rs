//! Where a value stands in a file's text: what a finding points at and the
//! model keeps beside each value. Its own small module, so findings and the
//! model need not import each other. `Copy`, so passing one around never
//! clones.

mod lines;

pub use lines::{LineIndex, Position, floor_char_boundary};
use serde::{Deserialize, Serialize};

/// A byte range in a file's text.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The range, to slice the text with.
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The span moved by `by` bytes (a piece of the file read on its own).
    pub const fn shifted(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}
