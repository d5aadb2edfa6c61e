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

/// The catalogue of finding codes is what `praxis explain --all` prints,
/// and names every code.
#[test]
fn the_findings_catalogue_matches_the_codes() {
    let printed = printed(&["explain", "--all"]);
    assert!(
        printed == committed("docs/findings.md"),
        "docs/findings.md is stale: run `praxis explain --all > docs/findings.md`"
    );
    for code in praxis::findings::Code::ALL {
        assert!(
            printed.contains(&format!("\n## {}\n", code.as_str())),
            "{code:?}"
        );
        let one = printed_code(code.as_str());
        assert!(one.starts_with(code.as_str()), "{one}");
    }
    let unknown = Command::cargo_bin("praxis")
        .unwrap()
        .args(["explain", "P999"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
}

fn printed_code(code: &str) -> String {
    printed(&["explain", code])
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

/// Every `--format json` output has a committed schema equal to what the
/// binary derives from its record types.
#[test]
fn output_schemas_match_the_records() {
    for name in OUTPUTS {
        let file = format!("schema/output/{name}.schema.json");
        assert!(
            printed(&["schema", "--output", name]) == committed(&file),
            "{file} is stale: run `praxis schema --output {name} > {file}`"
        );
    }
    let committed_files = std::fs::read_dir("schema/output").unwrap().count();
    assert_eq!(committed_files, OUTPUTS.len(), "a schema with no output");
}

const OUTPUTS: [&str; 16] = [
    "validate",
    "access-check",
    "access-check-batch",
    "access-who",
    "access-list",
    "member-list",
    "member-show",
    "client-list",
    "client-show",
    "role-list",
    "role-show",
    "matrix",
    "diff",
    "test",
    "review",
    "history",
];

/// The schemas describe what the commands really print: each output of a
/// seed example, with the capabilities, members and clients it has,
/// validates against its schema.
#[test]
fn real_outputs_validate_against_their_schemas() {
    let file = "examples/simplepractice/practice.toml";
    let json = |args: &[&str]| -> serde_json::Value {
        let output = Command::cargo_bin("praxis")
            .unwrap()
            .args(["-f", file, "--at", "2026-12-01", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}\n{text}"))
    };
    let members = json(&["member", "list", "--inactive"]);
    let clients = json(&["client", "list"]);
    let member = members[0]["id"].as_str().unwrap().to_string();
    let client = clients[0]["id"].as_str().unwrap().to_string();
    let primary = clients[0]["primary"].as_str().unwrap().to_string();
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("validate", vec!["validate"]),
        (
            "access-check",
            vec![
                "access",
                "check",
                &primary,
                "clinical.view",
                "--client",
                &client,
            ],
        ),
        (
            "access-check",
            vec!["access", "check", &member, "members.view"],
        ),
        (
            "access-who",
            vec!["access", "who", "clinical.view", "--client", &client],
        ),
        ("access-list", vec!["access", "list", &primary]),
        ("member-list", vec!["member", "list", "--inactive"]),
        ("member-show", vec!["member", "show", &primary]),
        ("client-list", vec!["client", "list"]),
        ("client-show", vec!["client", "show", &client]),
        ("role-list", vec!["role", "list"]),
        ("role-show", vec!["role", "show", "clinician"]),
        ("matrix", vec!["matrix"]),
        (
            "matrix",
            vec!["matrix", "--by", "member", "--client", &client],
        ),
        ("diff", vec!["diff", file, file]),
        ("test", vec!["test"]),
        ("review", vec!["review"]),
    ];
    for (name, args) in cases {
        let schema: serde_json::Value =
            serde_json::from_str(&committed(&format!("schema/output/{name}.schema.json"))).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let instance = json(&args);
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{args:?} does not fit {name}: {errors:#?}"
        );
        // The schema says something: an object without a key it requires,
        // or a list holding a number, does not fit it.
        let mut broken = instance.clone();
        match &mut broken {
            serde_json::Value::Object(object) => {
                let required = schema["required"][0].as_str().unwrap();
                object.remove(required);
            }
            serde_json::Value::Array(items) => items.push(serde_json::json!(1)),
            _ => unreachable!("every output is an object or a list"),
        }
        assert!(!validator.is_valid(&broken), "{name} accepts {broken}");
    }
    // A batch: an answer line and an error line.
    let schema: serde_json::Value =
        serde_json::from_str(&committed("schema/output/access-check-batch.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let input = format!(
        "{primary} clinical.view {client}\n{{\"member\": \"nobody\", \"capability\": \"x\"}}\n"
    );
    let output = Command::cargo_bin("praxis")
        .unwrap()
        .args([
            "-f",
            file,
            "--at",
            "2026-12-01",
            "access",
            "check",
            "--batch",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    let lines = String::from_utf8(output.stdout).unwrap();
    assert_eq!(lines.lines().count(), 2, "{lines}");
    for line in lines.lines() {
        let instance: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(validator.is_valid(&instance), "{line}");
    }
}

/// One man page per command (`man/praxis.1`, `man/praxis-member-add.1` …),
/// rendered from the clap definition with clap_mangen, so `man praxis-diff`
/// says what `praxis diff --help` says. Regenerate with
/// `PRAXIS_WRITE_MAN=1 cargo test --test generated man_pages`.
#[test]
fn man_pages_match_the_cli() {
    use clap::CommandFactory;
    fn pages(command: clap::Command, name: String, out: &mut Vec<(String, Vec<u8>)>) {
        // clap takes a static name without its `string` feature; a test
        // may leak a few dozen short strings.
        let command = command.name(&*Box::leak(name.clone().into_boxed_str()));
        let mut page = Vec::new();
        clap_mangen::Man::new(command.clone())
            .render(&mut page)
            .unwrap();
        out.push((format!("{name}.1"), page));
        for sub in command.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            pages(sub.clone(), format!("{name}-{}", sub.get_name()), out);
        }
    }
    let mut rendered = Vec::new();
    let mut command = praxis::cli::Cli::command();
    command.build();
    pages(command, "praxis".into(), &mut rendered);
    let dir = std::path::Path::new("man");
    if std::env::var_os("PRAXIS_WRITE_MAN").is_some() {
        std::fs::create_dir_all(dir).unwrap();
        for entry in std::fs::read_dir(dir).unwrap() {
            std::fs::remove_file(entry.unwrap().path()).unwrap();
        }
        for (file, page) in &rendered {
            std::fs::write(dir.join(file), page).unwrap();
        }
    }
    let mut committed_files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    committed_files.sort();
    let mut expected: Vec<String> = rendered.iter().map(|(f, _)| f.clone()).collect();
    expected.sort();
    assert_eq!(
        committed_files, expected,
        "man/ is stale: run PRAXIS_WRITE_MAN=1 cargo test --test generated man_pages"
    );
    for (file, page) in &rendered {
        assert!(
            std::fs::read(dir.join(file)).unwrap() == *page,
            "man/{file} is stale: run PRAXIS_WRITE_MAN=1 cargo test --test generated man_pages"
        );
    }
}
