//! SPEC §8 Output: nothing that came from the file or an argument can forge
//! structure in any format. Two practices full of hostile free text — one
//! with control and bidi characters (a validation error once free text is
//! checked; until then it loads), one with text that stays valid (markdown,
//! HTML, CSV formulas, `::` at the start) — run through every command and
//! every format it prints, and every output is checked for what its reader
//! would take as structure.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

/// Free text a terminal, a CI log or a parser would act on: ESC sequences
/// that retitle the terminal and clear it, a workflow command after a
/// newline, a carriage return, a C1 CSI, bidi overrides.
const CONTROL: &str = r"Eve\u001b]0;pwned\u0007\u001b[2J\r\n::error::forged\n::stop-commands::x\u009b31m\u202eevil\u2066";

/// Free text that stays valid: markdown, HTML, a CSV formula, a workflow
/// command at the start.
const MARKUP: &str = "::error::forged <!-- hide --> <script>alert(1)</script> `code` *em* _u_ [link](https://evil.example) ![img](x) | cell";
const FORMULA: &str = "=cmd|' /C calc'!A0";

fn practice(name: &str, reason: &str, description: &str) -> String {
    format!(
        r#"version = 1

[practice]
name = "{name}"
owner = "alice"

[capabilities]
"custom.thing" = {{ scope = "practice", description = "{description}" }}

[roles.helper]
description = "{description}"
grants = [{{ can = ["custom.thing"], on = "practice" }}]

[members.alice]
name = "{name}"
email = "alice@example.org"
roles = ["administrator", "clinician"]

[members.bob]
name = "{FORMULA}"
legal_name = "+1 {name}"
email = "bob@example.org"
roles = ["clinician", "helper"]

[members.carol]
name = "-2 @SUM(A1) {name}"
roles = ["clinician"]

[clients]
C-1 = {{ primary = "bob", temporary = [{{ member = "carol", until = 2099-12-31, reason = "{reason}" }}] }}
C-2 = {{ primary = "alice" }}
"#
    )
}

/// The same practice before carol's temporary access to C-1.
fn without_temporary(text: &str) -> String {
    let start = text.find(", temporary = [").unwrap();
    let end = text[start..].find("}] }").unwrap() + start + 2;
    format!("{}{}", &text[..start], &text[end..])
}

fn tests_file(text: &str) -> String {
    format!(
        r#"[[expect]]
member = "carol"
capability = "clinical.view"
client = "C-1"
decision = "deny"

[[expect]]
member = "{text}"
capability = "clinical.view"
client = "C-1"
decision = "allow"

[[expect]]
member = "bob"
capability = "{text}"
decision = "allow"
"#
    )
}

struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new(text: &str, reason: &str) -> Case {
        let dir = tempfile::tempdir().unwrap();
        let practice = practice(text, reason, text);
        std::fs::write(dir.path().join("practice.toml"), &practice).unwrap();
        std::fs::write(dir.path().join("old.toml"), without_temporary(&practice)).unwrap();
        std::fs::write(dir.path().join("practice.test.toml"), tests_file(text)).unwrap();
        Case { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, args: &[&str]) -> Output {
        praxis(self.path(), args)
    }
}

fn praxis(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_praxis"))
        .current_dir(dir)
        .env_remove("PRAXIS_FILE")
        .env_remove("PRAXIS_ACTOR")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .unwrap()
}

/// Every command that prints, with the formats it prints.
fn commands() -> Vec<(Vec<&'static str>, &'static [&'static str])> {
    const LISTING: &[&str] = &["table", "json", "csv", "markdown"];
    vec![
        (
            vec!["validate"],
            &["table", "json", "github", "sarif", "csv", "markdown"],
        ),
        (
            vec![
                "access",
                "check",
                "carol",
                "clinical.view",
                "--client",
                "C-1",
                "--explain",
            ],
            LISTING,
        ),
        (
            vec![
                "access",
                "check",
                "bob",
                "clinical.view",
                "--client",
                "C-2",
                "--explain",
            ],
            LISTING,
        ),
        (
            vec!["access", "who", "clinical.view", "--client", "C-1"],
            LISTING,
        ),
        (vec!["access", "list", "carol"], LISTING),
        (vec!["matrix"], LISTING),
        (vec!["matrix", "--by", "member"], LISTING),
        (vec!["matrix", "--client", "C-1"], LISTING),
        (vec!["member", "list"], LISTING),
        (vec!["member", "show", "carol"], LISTING),
        (vec!["member", "show", "bob"], LISTING),
        (vec!["client", "list"], LISTING),
        (vec!["client", "show", "C-1"], LISTING),
        (vec!["role", "list"], LISTING),
        (vec!["role", "show", "helper"], LISTING),
        (vec!["review"], &["table", "markdown", "json", "csv"]),
        (
            vec!["diff", "old.toml", "practice.toml"],
            &["table", "json", "markdown", "csv"],
        ),
        (
            vec!["diff", "old.toml", "practice.toml", "--as", "bob"],
            &["table", "json", "markdown", "csv"],
        ),
        (vec!["test"], &["table", "json", "junit", "csv", "markdown"]),
    ]
}

/// What every output, on stdout or stderr, must hold to: no raw control
/// (but our newlines) or bidi character, and no line that a CI runner
/// would read as a workflow command.
fn assert_plain(what: &str, text: &str) {
    assert_no_raw(what, text);
    for line in text.lines() {
        assert!(
            !line.starts_with("::"),
            "{what}: a line starts with `::`:\n{text}"
        );
    }
}

/// As [`assert_plain`], for output whose own lines are workflow commands
/// (`validate --format github`): [`assert_format`] checks those lines.
fn assert_no_raw(what: &str, text: &str) {
    for c in text.chars() {
        assert!(
            c == '\n' || !praxis::rules::text::is_forbidden(c),
            "{what}: raw {c:?} in\n{text}"
        );
    }
}

fn assert_format(what: &str, format: &str, stdout: &str) {
    match format {
        "json" | "sarif" => {
            serde_json::from_str::<serde_json::Value>(stdout)
                .unwrap_or_else(|e| panic!("{what}: not JSON ({e}):\n{stdout}"));
        }
        "markdown" => {
            // Our own collapsible section is the only HTML.
            let ours = stdout
                .replace("<details><summary>", "")
                .replace("</summary>", "")
                .replace("</details>", "");
            assert!(!ours.contains('<'), "{what}: raw `<` in\n{stdout}");
            for raw in [
                "<!--",
                "[link](",
                "![img]",
                "`code`",
                "*em*",
                "_u_",
                "(x) | cell",
            ] {
                assert!(!stdout.contains(raw), "{what}: raw {raw} in\n{stdout}");
            }
        }
        "csv" => {
            for row in csv_rows(stdout) {
                for cell in row {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "{what}: formula cell {cell:?} in\n{stdout}"
                    );
                }
            }
        }
        "junit" => assert_well_formed_xml(what, stdout),
        "github" => {
            for line in stdout.lines() {
                // Only our own annotation lines start with `::`, and each is
                // one `::KIND props::message`.
                assert!(
                    line.starts_with("::error ") || line.starts_with("::warning "),
                    "{what}: {line}"
                );
            }
        }
        _ => {}
    }
}

/// RFC 4180 rows: quoted cells may hold commas, quotes and newlines.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted cell in\n{text}");
    rows
}

/// A small well-formedness check for the XML praxis writes: no character
/// XML 1.0 forbids, every `&` an entity, every tag closed in order, no `<`
/// or `>` outside markup, attribute values quoted without `<`.
fn assert_well_formed_xml(what: &str, xml: &str) {
    for c in xml.chars() {
        assert!(
            matches!(c, '\t' | '\n' | '\r') || !(c < ' ' || ('\u{7f}'..='\u{9f}').contains(&c)),
            "{what}: {c:?} in XML"
        );
        assert!(
            !matches!(c, '\u{fffe}' | '\u{ffff}'),
            "{what}: {c:?} in XML"
        );
    }
    let mut rest = xml;
    let mut open: Vec<String> = Vec::new();
    while let Some(at) = rest.find(['<', '&', '>']) {
        let text = &rest[..at];
        assert!(!text.contains("]]>"), "{what}: ]]> in text");
        rest = &rest[at..];
        if rest.starts_with('&') {
            let end = rest
                .find(';')
                .unwrap_or_else(|| panic!("{what}: bare & in\n{xml}"));
            let entity = &rest[..=end];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&entity),
                "{what}: entity {entity}"
            );
            rest = &rest[end + 1..];
            continue;
        }
        assert!(rest.starts_with('<'), "{what}: bare > in\n{xml}");
        let end = tag_end(rest).unwrap_or_else(|| panic!("{what}: unclosed tag in\n{xml}"));
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(
                open.pop().as_deref(),
                Some(name.trim()),
                "{what}: tags in\n{xml}"
            );
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(!name.is_empty(), "{what}: tag <{tag}>");
        attributes(what, &tag[name.len()..]);
        if !tag.ends_with('/') {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "{what}: unclosed {open:?}");
}

/// The index of the `>` that ends the tag at the start of `text`, skipping
/// quoted attribute values.
fn tag_end(text: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '>' if !quoted => return Some(i),
            '<' if i > 0 && !quoted => return None,
            _ => {}
        }
    }
    None
}

fn attributes(what: &str, mut text: &str) {
    text = text.trim_end_matches('/').trim();
    while !text.is_empty() {
        let eq = text
            .find("=\"")
            .unwrap_or_else(|| panic!("{what}: attributes {text}"));
        let value_end = text[eq + 2..].find('"').unwrap() + eq + 2;
        let value = &text[eq + 2..value_end];
        assert!(!value.contains('<'), "{what}: < in attribute {value}");
        text = text[value_end + 1..].trim_start();
    }
}

fn run_everything(case: &Case) {
    for (args, formats) in commands() {
        for format in formats.iter().copied() {
            let mut full = args.clone();
            full.extend(["--format", format]);
            let output = case.run(&full);
            let what = format!("praxis {}", full.join(" "));
            let stdout = String::from_utf8(output.stdout.clone()).unwrap();
            let stderr = String::from_utf8(output.stderr.clone()).unwrap();
            if format == "github" {
                assert_no_raw(&format!("{what} (stdout)"), &stdout);
            } else {
                assert_plain(&format!("{what} (stdout)"), &stdout);
            }
            assert_plain(&format!("{what} (stderr)"), &stderr);
            if !stdout.is_empty() {
                assert_format(&what, format, &stdout);
            }
        }
    }
}

#[test]
fn control_characters_in_free_text_forge_nothing_in_any_format() {
    let case = Case::new(CONTROL, CONTROL);
    run_everything(&case);
}

#[test]
fn markup_in_free_text_forges_nothing_in_any_format() {
    let case = Case::new(MARKUP, MARKUP);
    run_everything(&case);
    // The listings still show the text, escaped, not dropped.
    let output = case.run(&["member", "list", "--format", "csv"]);
    let csv = String::from_utf8(output.stdout).unwrap();
    assert!(csv.contains(&format!("'{FORMULA}")), "{csv}");
    let output = case.run(&["member", "list"]);
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(table.contains("::error::forged"), "{table}");
}

#[test]
fn a_temporary_reason_cannot_hide_the_gains_table_in_a_pr_comment() {
    // The attack: a reason that ends the list item and opens an HTML
    // comment, so the rendered comment hides the table of gains.
    for reason in [
        r"Covering\n\n<!--",
        "Covering <!--",
        "x\n\n<!--\nNo clinical access changes.",
    ] {
        let reason_toml = reason.replace('\n', "\\n");
        let case = Case::new("Carol", &reason_toml);
        let output = case.run(&["diff", "old.toml", "practice.toml", "--format", "markdown"]);
        let comment = String::from_utf8(output.stdout).unwrap();
        let code = output.status.code();
        if code == Some(2) {
            // Once free text may not hold a newline, the file is refused
            // outright: nothing is rendered at all.
            assert!(comment.is_empty());
            continue;
        }
        assert_eq!(code, Some(0), "{comment}");
        assert!(!comment.contains("<!--"), "{comment}");
        let table = comment.find("| member | gains | loses | roles |").unwrap();
        let row = comment[table..]
            .lines()
            .find(|l| l.starts_with("| `carol` |"))
            .unwrap();
        assert!(row.contains("`clinical.view` (1)"), "{comment}");
        assert!(
            comment
                .lines()
                .all(|l| !l.starts_with("No clinical") && !l.starts_with("<!--")),
            "{comment}"
        );
    }
}

/// A file that does not parse is echoed in findings: its keys and the
/// source line under the caret. Neither may reach the terminal raw.
#[test]
fn findings_on_a_broken_file_echo_nothing_raw() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        // An unknown key spelled with escapes: the message echoes it.
        "version = 1\n\"\\u001b]0;pwned\\u0007\\n::error::forged\" = 1\n[practice]\nname = \"P\"\nowner = \"a\"\n[members.a]\nname = \"A\"\nroles = [\"administrator\"]\n",
        // Raw ESC and CR in a comment: a syntax error whose source line is shown.
        "version = 1 # \u{1b}[2J\u{1b}]0;pwned\u{7}\r::error::forged\n",
        // Raw bidi controls, which TOML allows in comments, before an error.
        "version = \u{202e}1 # \u{2066}x\u{2069}\n",
    ];
    for (i, text) in files.iter().enumerate() {
        let path = dir.path().join(format!("p{i}.toml"));
        std::fs::write(&path, text).unwrap();
        let file = path.to_string_lossy().into_owned();
        for format in ["table", "json", "github", "sarif", "csv", "markdown"] {
            let output = praxis(dir.path(), &["-f", &file, "validate", "--format", format]);
            let what = format!("validate p{i}.toml --format {format}");
            assert_eq!(output.status.code(), Some(1), "{what}");
            let stdout = String::from_utf8(output.stdout).unwrap();
            if format == "github" {
                assert_no_raw(&what, &stdout);
            } else {
                assert_plain(&what, &stdout);
            }
            assert_format(&what, format, &stdout);
        }
        // Commands that load the file print the findings on stderr.
        let output = praxis(dir.path(), &["-f", &file, "member", "list"]);
        assert_eq!(output.status.code(), Some(2));
        assert_plain(
            "member list (stderr)",
            &String::from_utf8(output.stderr).unwrap(),
        );
    }
}

/// Arguments are echoed by usage errors and by clap: one with a control or
/// bidi character is refused, and shown escaped.
#[test]
fn hostile_arguments_are_refused_and_shown_escaped() {
    let case = Case::new("Carol", "Covering");
    for args in [
        vec!["access", "check", "bob\n::error::forged", "clinical.view"],
        vec![
            "access",
            "check",
            "bob",
            "clinical.view",
            "--client",
            "C-1\u{1b}[2J",
        ],
        vec!["member", "show", "x\u{202e}y"],
        vec!["--bogus\u{1b}]0;x\u{7}"],
        vec!["-f", "p\r::error::x.toml", "validate"],
    ] {
        let output = case.run(&args);
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty());
        assert_plain(&format!("{args:?}"), &stderr);
        assert!(stderr.contains("\\u{"), "{stderr}");
    }
}

/// A path that starts with `::` is still one file, shown so it cannot start
/// a line as a workflow command.
#[test]
fn a_file_named_like_a_workflow_command_starts_no_line() {
    let case = Case::new("Carol", "Covering");
    let name = "::error::forged.toml";
    std::fs::write(
        case.path().join(name),
        "version = 1\n[practice]\nname = \"P\"\n",
    )
    .unwrap();
    for args in [
        vec!["-f", name, "validate"],
        vec!["-f", name, "member", "list"],
        vec!["diff", name, "practice.toml"],
    ] {
        let output = case.run(&args);
        let stdout = String::from_utf8(output.stdout).unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_plain(&format!("{args:?}"), &stdout);
        assert_plain(&format!("{args:?}"), &stderr);
    }
}

#[test]
fn changes_summaries_and_dry_runs_escape_free_text() {
    let case = Case::new("Carol", "Covering");
    // TOML allows bidi controls in a comment; a dry run shows the lines
    // around the change.
    let path = case.path().join("practice.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let marked = text.replacen(
        "roles = [\"clinician\"]\n\n[clients]",
        "roles = [\"clinician\"] # \u{202e}evil\u{2069}\n\n[clients]",
        1,
    );
    assert_ne!(marked, text);
    std::fs::write(&path, marked).unwrap();
    let output = case.run(&[
        "member",
        "add",
        "zed",
        "--name",
        "Zed",
        "--as",
        "alice",
        "--dry-run",
    ]);
    let shown = String::from_utf8(output.stdout).unwrap();
    assert!(shown.contains("\\u{202e}evil"), "{shown}");
    for args in [
        vec![
            "member",
            "add",
            "zed",
            "--name",
            MARKUP,
            "--as",
            "alice",
            "--dry-run",
        ],
        vec![
            "member",
            "add",
            "zed",
            "--name",
            "::warning::x",
            "--as",
            "alice",
        ],
        vec![
            "client",
            "grant",
            "C-2",
            "bob",
            "--until",
            "2099-01-01",
            "--reason",
            "::error::x <!--",
            "--as",
            "alice",
        ],
        vec!["client", "revoke", "C-1", "carol", "--as", "bob"],
    ] {
        let output = case.run(&args);
        let stdout = String::from_utf8(output.stdout).unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_plain(&format!("{args:?}"), &stdout);
        assert_plain(&format!("{args:?}"), &stderr);
    }
}

#[test]
fn the_batch_echoes_hostile_requests_as_json() {
    use std::io::Write;
    let case = Case::new("Carol", "Covering");
    let mut child = Command::new(env!("CARGO_BIN_EXE_praxis"))
        .current_dir(case.path())
        .args(["access", "check", "--batch"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let requests = "{\"member\":\"bob\\u001b]0;x\\u0007\\u202e\\u009b\",\"capability\":\"clinical.view\"}\n\
                    {\"member\":\"\u{202e}bob\u{85}\",\"capability\":\"clinical.view\"}\n";
    stdin.write_all(requests.as_bytes()).unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_plain("batch", &stdout);
    let answers: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0]["member"], "bob\u{1b}]0;x\u{7}\u{202e}\u{9b}");
    assert_eq!(answers[1]["decision"], "error");
}
