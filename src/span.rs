//! Where a value stands in the practice file's text: what a finding points
//! at and the model keeps beside each value. Its own small module, so
//! findings and the model need not import each other.

/// A byte range in the practice file's text.
pub type Span = std::ops::Range<usize>;
