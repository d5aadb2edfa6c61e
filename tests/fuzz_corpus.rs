//! Replays every committed corpus file of the `validate` and `change` fuzz
//! targets (`fuzz/corpus/`), and every saved reproducer (`fuzz/artifacts/`),
//! through the same checks the targets run (`fuzz/common/*.rs`, included
//! here), on the stable toolchain: `cargo test` keeps what the fuzzer found
//! without needing nightly or cargo-fuzz.

use std::path::{Path, PathBuf};

#[path = "../fuzz/common/validate.rs"]
mod validate;

#[path = "../fuzz/common/change.rs"]
mod change;

/// The files directly inside `dir`, sorted; none when it does not exist.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files = inputs(&root.join("corpus").join(target));
    files.extend(inputs(&root.join("artifacts").join(target)));
    for file in &files {
        let data = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(
            outcome.is_ok(),
            "fuzz input {} fails its checks (replay: cargo +nightly fuzz run {target} {})",
            file.display(),
            file.display()
        );
    }
    files.len()
}

#[test]
fn the_validate_corpus_passes() {
    let replayed = replay("validate", validate::run);
    assert!(
        replayed >= 10,
        "only {replayed} validate inputs: is fuzz/corpus missing?"
    );
}

#[test]
fn the_change_corpus_passes() {
    let replayed = replay("change", change::run);
    assert!(
        replayed >= 10,
        "only {replayed} change inputs: is fuzz/corpus missing?"
    );
}
