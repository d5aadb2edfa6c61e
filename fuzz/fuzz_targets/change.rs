//! A change applied to a practice file as `praxis` applies it; the result
//! validates or the change is refused and the file is left byte-identical.
//! See `fuzz/common/change.rs` for the input layout and the properties.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/change.rs"]
mod change;

fuzz_target!(|data: &[u8]| {
    change::run(data);
});
