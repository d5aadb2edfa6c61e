//! What praxis reads at most (SPEC §8 "Reading"), in one place: the store
//! stops reading there and the rules refuse longer text, and neither takes
//! it from the other.

/// Practice files larger than this are refused before parsing: a practice
/// of 100,000 clients is under 5 MiB, so anything this size is not one, and
/// the limit bounds what a hostile file costs a check.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
