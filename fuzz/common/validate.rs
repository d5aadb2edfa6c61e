//! The `validate` fuzz target's checks, shared with `tests/fuzz_corpus.rs`
//! (included there with `#[path]`), so the committed corpus is replayed on
//! the stable toolchain by `cargo test`.
//!
//! Arbitrary bytes are read as a practice file the way `praxis` reads one
//! (`Contents::decode`), validated (`rules::check`), and every finding is
//! rendered in every format. Properties (SPEC §3.4, §8 Output):
//! - nothing panics;
//! - a file that fails to decode is reported at a position inside it;
//! - text output holds no control or bidirectional character but its own
//!   newlines; every GitHub annotation is exactly one line starting `::`;
//!   JSON and SARIF always parse as JSON; CSV and markdown tables render;
//! - the `Contents::encode` of the unchanged text is the original bytes;
//! - on a file without errors, decisions answer without panicking, and an
//!   inactive member is never allowed anything.

use chrono::NaiveDate;
use praxis::findings::Findings;
use praxis::output::diagnostics;
use praxis::rules;
use praxis::store::Contents;

/// The validation date: fixed, so a reproducer stays one.
pub fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default()
}

/// Runs every check on one input; panics (with the reason) on a violation.
pub fn run(data: &[u8]) {
    let contents = match Contents::decode(data.to_vec()) {
        Ok(contents) => contents,
        Err(bad) => {
            assert!(bad.offset <= data.len(), "bad byte offset past the end");
            let at = diagnostics::position(&bad.lossy, bad.offset);
            assert!(at.line >= 1 && at.column >= 1, "position {at:?}");
            return;
        }
    };
    // Writing the text back unchanged gives the bytes that were read.
    let encoded = contents.encode(&contents.text);
    assert_eq!(
        encoded.as_bytes(),
        contents.original_bytes().as_slice(),
        "encode of the unchanged text differs from the file"
    );
    assert_eq!(contents.original_bytes().as_slice(), data);
    let checked = rules::check(&contents.text, date());
    render_all(&contents.text, &checked.findings);
    if !checked.findings.has_errors() {
        decide_some(&checked.practice);
    }
}

/// Every renderer, with the properties SPEC §8 asks of each.
pub fn render_all(text: &str, findings: &Findings) {
    let file = "practice.toml";
    let rendered = diagnostics::render_text(file, text, findings, false);
    if let Some(bad) = rendered
        .chars()
        .find(|&c| c != '\n' && rules::text::is_forbidden(c))
    {
        panic!("text output holds {bad:?} unescaped:\n{rendered:?}");
    }
    let coloured = diagnostics::render_text(file, text, findings, true);
    assert!(!coloured.is_empty());
    let json = diagnostics::render_json(file, text, findings);
    if let Err(error) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("json output does not parse ({error}):\n{json}");
    }
    let sarif = diagnostics::render_sarif(file, text, findings);
    if let Err(error) = serde_json::from_str::<serde_json::Value>(&sarif) {
        panic!("sarif output does not parse ({error}):\n{sarif}");
    }
    let github = diagnostics::render_github(file, text, findings);
    let lines: Vec<&str> = github.lines().collect();
    assert_eq!(
        lines.len(),
        findings.iter().count(),
        "github annotations are not one line per finding:\n{github:?}"
    );
    for line in lines {
        assert!(line.starts_with("::"), "annotation line {line:?}");
        assert!(!line.contains('\r'), "annotation line holds CR: {line:?}");
    }
    let table = diagnostics::findings_table(file, text, findings);
    let _ = table.to_csv();
    let _ = table.to_markdown();
    let _ = table.to_text();
    let _ = diagnostics::summary(findings);
}

/// A few decisions on a valid practice: none may panic, and an inactive
/// member is never allowed (SPEC §3.2 step 2).
fn decide_some(practice: &praxis::model::Practice) {
    let client = practice.clients.first().map(|c| c.id.value.clone());
    for member in practice.members.iter().take(12) {
        for (capability, on) in [
            ("clinical.view", client.as_deref()),
            ("client.access", client.as_deref()),
            ("members.manage", None),
            ("clinical.view", None),
            ("clinical.*", client.as_deref()),
        ] {
            let request = rules::Request {
                member: &member.id.value,
                capability,
                client: on,
                author: Some(&member.id.value),
            };
            if let Ok(decision) = rules::decide(practice, &request, date()) {
                assert!(
                    member.active || !decision.allowed,
                    "inactive member {} allowed {capability} on {on:?}",
                    member.id.value
                );
            }
        }
    }
}
