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

/// Every layout the `change` target's sequence mode writes a seed practice
/// in is still that practice: it validates, and it checks to the same
/// members, clients and roles as the seed as written. And each layout bit
/// does what it says on every seed, so the fuzzer exercises the cut edit
/// and the line endings it was meant to (a bit that did nothing would make
/// half the inputs duplicates).
#[test]
fn every_layout_of_every_seed_is_the_same_valid_practice() {
    use change::layout;
    use praxis::changes::cut::{self, Reach};
    let date = change::date();
    let ids = |practice: &praxis::model::Practice| {
        let members: Vec<&str> = practice
            .members
            .iter()
            .map(|m| m.id.value.as_str())
            .collect();
        let clients: Vec<&str> = practice
            .clients
            .iter()
            .map(|c| c.id.value.as_str())
            .collect();
        format!("{members:?} {clients:?} {:?}", practice.roles().len())
    };
    for (n, seed) in change::SEEDS.iter().enumerate() {
        let plain = praxis::rules::check(seed, date);
        assert!(
            !plain.findings.has_errors(),
            "seed {n}: {:?}",
            plain.findings
        );
        // Every layout, each with one of the four CRLF and byte-order mark
        // choices in turn.
        for bits in 0..=u8::MAX {
            let mode = [0x80, 0xc0, 0xa0, 0xe0][usize::from(bits) % 4];
            let file = change::lay_out(seed, mode, bits);
            let text = file.strip_prefix('\u{feff}').unwrap_or(&file);
            assert_eq!(
                text.len() != file.len(),
                mode & 0x20 != 0,
                "byte-order mark"
            );
            let checked = praxis::rules::check(text, date);
            let what = format!("seed {n} mode {mode:#x} layout {bits:#04x}");
            assert!(
                !checked.findings.has_errors(),
                "{what}: {:?}\n{text}",
                checked.findings
            );
            assert_eq!(ids(&checked.practice), ids(&plain.practice), "{what}");
            let crlf = text.matches("\r\n").count();
            let lf = text.matches('\n').count() - crlf;
            let mixed = bits & layout::MIXED != 0;
            assert_eq!(
                (lf > 0, crlf > 0),
                if mixed {
                    (true, true)
                } else {
                    (mode & 0x40 == 0, mode & 0x40 != 0)
                },
                "{what}: {lf} LF, {crlf} CRLF"
            );
            let every = bits & layout::SOME == 0;
            if bits & layout::QUOTED != 0 {
                assert!(text.contains("\n\"C-"), "{what}: no quoted client key");
            }
            if bits & layout::CLIENT_NOTES != 0 && every {
                let note = if bits & layout::SAME_NOTE != 0 {
                    "# sealed: court order"
                } else {
                    "# note on "
                };
                assert!(
                    text.matches(note).count() >= 2,
                    "{what}: not above several clients"
                );
            }
            if bits & layout::TABLE_NOTES != 0 {
                assert!(text.contains("# ---- clients ----"), "{what}");
            }
            if bits & layout::TRAILING != 0 && every {
                assert!(text.contains("  # trailing"), "{what}");
            }
            // The member and role changes cut every client entry but
            // the last: the cut edit is what they run.
            assert!(
                cut::cut(text, &checked.practice, Reach::NoClients).is_some(),
                "{what}: nothing to cut"
            );
        }
    }
}
