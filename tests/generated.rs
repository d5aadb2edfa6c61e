#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! Generated files are checked, not trusted: `completions/` and
//! `schema/practice.schema.json` must equal what the binary prints now.
//! Regenerate with `praxis completions SHELL > completions/…` and
//! `praxis schema > schema/practice.schema.json`.

use assert_cmd::Command;

fn printed(args: &[&str]) -> String {
    let output = Command::cargo_bin("praxis")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "praxis {args:?} failed");
    String::from_utf8(output.stdout).unwrap()
}

fn committed(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn completions_match_the_cli() {
    for (shell, file) in [
        ("bash", "completions/praxis.bash"),
        ("zsh", "completions/_praxis"),
        ("fish", "completions/praxis.fish"),
        ("elvish", "completions/praxis.elv"),
        ("powershell", "completions/_praxis.ps1"),
    ] {
        assert!(
            printed(&["completions", shell]) == committed(file),
            "{file} is stale: run `praxis completions {shell} > {file}`"
        );
    }
}

#[test]
fn schema_matches_the_catalog() {
    assert!(
        printed(&["schema"]) == committed("schema/practice.schema.json"),
        "schema/practice.schema.json is stale: run `praxis schema > schema/practice.schema.json`"
    );
}

#[test]
fn schema_names_every_top_level_key() {
    let schema: serde_json::Value = serde_json::from_str(&printed(&["schema"])).unwrap();
    for key in [
        "version",
        "practice",
        "capabilities",
        "roles",
        "members",
        "clients",
    ] {
        assert!(schema["properties"][key].is_object(), "{key}");
    }
    assert_eq!(
        schema["additionalProperties"],
        serde_json::Value::Bool(false)
    );
}
