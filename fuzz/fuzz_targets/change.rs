//! A change applied to a practice file through `changes::apply`, as
//! `praxis` applies it, both with the reach its command passes and on the
//! whole document: the two agree, and what would be written validates.
//! See `fuzz/common/change.rs` for the input layout and the properties.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/change.rs"]
mod change;

fuzz_target!(|data: &[u8]| {
    change::run(data);
});
