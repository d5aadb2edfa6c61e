//! Arbitrary bytes as a practice file: decode, validate, render every
//! format. See `fuzz/common/validate.rs` for the properties.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/validate.rs"]
mod validate;

fuzz_target!(|data: &[u8]| {
    validate::run(data);
});
