//! `praxis test [FILE]` (SPEC §4, §5): the practice's own `[[expect]]`
//! assertions. Passing and failing files, where the default file is found,
//! an explicit FILE, malformed assertion files, and the text, JUnit and JSON
//! outputs. The JUnit report is checked with a small XML reader below, so an
//! unescaped character or a wrong count fails here as it would in CI.

// Test helpers panic on purpose: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;
use std::process::Output;
use tempfile::TempDir;

const PRACTICE: &str = r#"version = 1

[practice]
name = "Riverbend Counseling"
owner = "alice"

[members.alice]
name = "Alice Moreno"
roles = ["administrator", "clinician"]
npi = "1245319599"

[members.bob]
name = "Bob Lindqvist"
roles = ["clinician"]
npi = "1131860912"

[members.dave]
name = "Dave Okafor"
roles = ["scheduler"]

[members.gina]
name = "Gina Rossi"
roles = ["clinician"]
npi = "1526018159"
grants = [{ can = ["clinical.delete-signed"], on = "own" }]

[clients]
C-1001 = { primary = "bob" }
C-1002 = { primary = "gina", temporary = [{ member = "bob", until = 2026-03-31, reason = "Covering" }] }
"#;

/// Five assertions that hold (with `--at` before 2026-03-31 or without it,
/// the ones without `at` do not depend on the date).
const PASSING: &str = r#"# Riverbend's rules
[[expect]]
member = "bob"
capability = "clinical.view"
client = "C-1001"
decision = "allow"

[[expect]]
member = "dave"
capability = "clinical.view"
client = "C-1001"
decision = "deny"

[[expect]]
member = "dave"
capability = "client.create"
decision = "allow"

# bob's coverage of C-1002 ends on 2026-03-31.
[[expect]]
member = "bob"
capability = "clinical.view"
client = "C-1002"
at = 2026-03-31
decision = "allow"

[[expect]]
member = "bob"
capability = "clinical.view"
client = "C-1002"
at = "2026-04-01"
decision = "deny"

# gina may delete a note she signed herself, not bob's.
[[expect]]
member = "gina"
capability = "clinical.delete-signed"
client = "C-1002"
author = "gina"
decision = "allow"

[[expect]]
member = "gina"
capability = "clinical.delete-signed"
client = "C-1002"
author = "bob"
decision = "deny"
"#;

/// Two of four fail: line 8 (a wrong decision) and line 14 (an error).
const FAILING: &str = r#"[[expect]]
member = "bob"
capability = "clinical.view"
client = "C-1001"
decision = "allow"

# dave is a scheduler: this is wrong.
[[expect]]
member = "dave"
capability = "clinical.view"
client = "C-1001"
decision = "allow"

[[expect]]
member = "zed"
capability = "clinical.view"
client = "C-1001"
decision = "deny"

[[expect]]
member = "bob"
capability = "clinical.view"
client = "C-1002"
at = 2026-04-01
decision = "deny"
"#;

fn praxis(dir: &Path) -> Command {
    common::praxis_in(dir)
}

/// A temp dir holding practice.toml and, if given, practice.test.toml.
fn practice(tests: Option<&str>) -> TempDir {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("practice.toml"), PRACTICE).unwrap();
    if let Some(tests) = tests {
        std::fs::write(dir.path().join("practice.test.toml"), tests).unwrap();
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    praxis(dir).arg("test").args(args).output().unwrap()
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

// ---- pass and fail ----

#[test]
fn a_passing_file_exits_0() {
    let dir = practice(Some(PASSING));
    let output = run(dir.path(), &[]);
    assert_eq!(code(&output), 0, "{}{}", stdout(&output), stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("7 passed, 0 failed"), "{text}");
    assert!(!text.contains("FAIL"), "{text}");
}

#[test]
fn a_failing_file_exits_1_and_explains_each_failure() {
    let dir = practice(Some(FAILING));
    let output = run(dir.path(), &[]);
    assert_eq!(code(&output), 1, "{}{}", stdout(&output), stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("2 passed, 2 failed"), "{text}");
    let failures: Vec<&str> = text.lines().filter(|l| l.starts_with("FAIL")).collect();
    assert_eq!(failures.len(), 2, "{text}");
    // Each failure names the file and line of its [[expect]], what was
    // expected and what came out ...
    assert!(failures[0].contains("practice.test.toml:8:"), "{text}");
    assert!(
        failures[0].contains("dave clinical.view on C-1001"),
        "{text}"
    );
    assert!(failures[0].contains("allow"), "{text}");
    assert!(failures[0].contains("got deny"), "{text}");
    assert!(failures[1].contains("practice.test.toml:14:"), "{text}");
    assert!(failures[1].contains("got error"), "{text}");
    // ... followed by the explanation of the actual decision.
    let after = |fail: &str| -> Vec<String> {
        text.split(fail)
            .nth(1)
            .unwrap()
            .lines()
            .skip(1)
            .take_while(|l| l.starts_with("  "))
            .map(str::to_string)
            .collect()
    };
    let dave = after(failures[0]);
    assert!(!dave.is_empty(), "no explanation: {text}");
    assert!(
        dave.iter()
            .any(|l| l.contains("no grant of dave's allows clinical.view on C-1001")),
        "{text}"
    );
    let zed = after(failures[1]);
    assert!(
        zed.iter().any(|l| l.contains("unknown member `zed`")),
        "{text}"
    );
    // Passing assertions are not printed.
    assert!(!text.contains("bob clinical.view on C-1001"), "{text}");
}

#[test]
fn the_date_is_today_or_at_unless_an_assertion_names_its_own() {
    // Without `at`, bob's coverage holds through 2026-03-31.
    let tests = "[[expect]]\nmember = \"bob\"\ncapability = \"clinical.write\"\nclient = \"C-1002\"\ndecision = \"allow\"\n";
    let dir = practice(Some(tests));
    assert_eq!(code(&run(dir.path(), &["--at", "2026-03-31"])), 0);
    let output = run(dir.path(), &["--at", "2026-04-01"]);
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("got deny"), "{}", stdout(&output));
    // An assertion's own `at` wins over --at.
    let dir = practice(Some(PASSING));
    assert_eq!(code(&run(dir.path(), &["--at", "2030-01-01"])), 0);
}

// ---- which file ----

#[test]
fn the_default_file_is_the_one_beside_the_practice_file() {
    let dir = practice(Some(FAILING));
    // A practice.test.toml in the working directory is not the one used.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("practice.test.toml"), PASSING).unwrap();
    let output = run(&sub, &[]);
    assert_eq!(code(&output), 1, "{}", stdout(&output));
    // The practice file was found one directory up; its tests beside it.
    let expected = std::path::Path::new("..").join("practice.test.toml");
    assert!(
        stdout(&output).contains(&expected.display().to_string()),
        "{}",
        stdout(&output)
    );

    // With -f, beside that file.
    let other = TempDir::new().unwrap();
    std::fs::write(other.path().join("practice.toml"), PRACTICE).unwrap();
    std::fs::write(other.path().join("practice.test.toml"), PASSING).unwrap();
    let file = other.path().join("practice.toml");
    let output = praxis(dir.path())
        .arg("-f")
        .arg(&file)
        .arg("test")
        .output()
        .unwrap();
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).contains("7 passed"), "{}", stdout(&output));
    // A practice file with another name: still practice.test.toml beside it.
    std::fs::rename(&file, other.path().join("team.toml")).unwrap();
    praxis(dir.path())
        .arg("test")
        .env("PRAXIS_FILE", other.path().join("team.toml"))
        .assert()
        .success()
        .stdout(predicates::str::contains("7 passed"));
}

#[test]
fn an_explicit_file_is_used_instead() {
    let dir = practice(Some(FAILING));
    std::fs::create_dir(dir.path().join("checks")).unwrap();
    std::fs::write(dir.path().join("checks/access.toml"), PASSING).unwrap();
    let output = run(dir.path(), &["checks/access.toml"]);
    assert_eq!(code(&output), 0, "{}{}", stdout(&output), stderr(&output));
    assert!(stdout(&output).contains("7 passed, 0 failed"));
    assert!(stdout(&output).contains("checks/access.toml"));
    // And the explicit file may fail too.
    std::fs::write(dir.path().join("checks/failing.toml"), FAILING).unwrap();
    let output = run(dir.path(), &["checks/failing.toml"]);
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("checks/failing.toml:8:"));
}

#[test]
fn a_missing_assertion_file_or_invalid_practice_is_exit_2() {
    let dir = practice(None);
    let output = run(dir.path(), &[]);
    assert_eq!(code(&output), 2, "{}", stdout(&output));
    assert!(
        stderr(&output).contains("practice.test.toml"),
        "{}",
        stderr(&output)
    );
    assert_eq!(code(&run(dir.path(), &["nothere.toml"])), 2);
    // No practice file at all.
    let empty = TempDir::new().unwrap();
    std::fs::write(empty.path().join("practice.test.toml"), PASSING).unwrap();
    assert_eq!(
        code(
            &praxis(empty.path())
                .arg("-f")
                .arg(empty.path().join("practice.toml"))
                .arg("test")
                .output()
                .unwrap()
        ),
        2
    );
    // A practice file that fails validation answers no assertion.
    let dir = practice(Some(PASSING));
    std::fs::write(
        dir.path().join("practice.toml"),
        PRACTICE.replace(
            "C-1001 = { primary = \"bob\" }",
            "C-1001 = { primary = \"zed\" }",
        ),
    )
    .unwrap();
    let output = run(dir.path(), &[]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("P010"), "{}", stderr(&output));
    assert!(!stdout(&output).contains("passed"), "{}", stdout(&output));
}

#[test]
fn an_unknown_key_in_an_expect_is_exit_2_naming_the_line() {
    let tests = "[[expect]]\nmember = \"bob\"\ncapability = \"client.view\"\nclient = \"C-1001\"\ndecision = \"allow\"\n\n[[expect]]\nmember = \"bob\"\ncapabilty = \"client.view\"\nclient = \"C-1001\"\ndecision = \"allow\"\n";
    let dir = practice(Some(tests));
    let output = run(dir.path(), &[]);
    assert_eq!(code(&output), 2, "{}", stdout(&output));
    let err = stderr(&output);
    assert!(err.contains("`capabilty`"), "{err}");
    assert!(err.contains("did you mean `capability`"), "{err}");
    // The line of the key (9) or of its [[expect]] (7).
    assert!(
        err.contains("practice.test.toml:9") || err.contains("practice.test.toml:7"),
        "{err}"
    );
    // Nothing is run: no partial report.
    assert!(!stdout(&output).contains("passed"), "{}", stdout(&output));
}

#[test]
fn malformed_assertion_files_are_exit_2_with_the_line() {
    let base = "[[expect]]\nmember = \"bob\"\ncapability = \"client.view\"\nclient = \"C-1001\"\n";
    for (tests, says) in [
        (format!("{base}decision = \"maybe\"\n"), "maybe"),
        (format!("{base}decision = true\n"), "decision"),
        (base.to_string(), "decision"),
        (format!("{base}decision = \"allow\"\nat = \"soon\"\n"), "at"),
        (format!("{base}decision = \"allow\"\n[extra]\n"), "extra"),
        (
            format!("{base}decision = \"allow\"\nclient = \"C-1002\"\n"),
            "duplicate",
        ),
        ("[[expect]]\nmember = \n".to_string(), ":2"),
    ] {
        let dir = practice(Some(&tests));
        let output = run(dir.path(), &[]);
        assert_eq!(code(&output), 2, "{tests}\n{}", stdout(&output));
        let err = stderr(&output);
        assert!(err.contains(says), "{tests}\n{err}");
        assert!(err.contains("practice.test.toml:"), "{tests}\n{err}");
    }
}

// ---- JUnit ----

/// An XML element, as far as a JUnit report needs.
#[derive(Debug)]
struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn attribute(&self, name: &str) -> &str {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("<{}> has no {name}", self.name))
    }

    fn children(&self, name: &str) -> Vec<&Element> {
        self.children.iter().filter(|c| c.name == name).collect()
    }
}

/// Replaces the five predefined entities; any other `&` is malformed.
fn unescape(raw: &str) -> String {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find(';')
            .unwrap_or_else(|| panic!("unescaped & in {raw:?}"));
        out.push(match &rest[at + 1..at + end] {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            other => panic!("unknown entity &{other}; in {raw:?}"),
        });
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    out
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn rest(&self) -> &str {
        &self.text[self.at..]
    }

    fn skip_space(&mut self) {
        let trimmed = self.rest().trim_start();
        self.at = self.text.len() - trimmed.len();
    }

    fn eat(&mut self, token: &str) {
        assert!(
            self.rest().starts_with(token),
            "expected {token:?} at {:?}",
            &self.rest()[..self.rest().len().min(40)]
        );
        self.at += token.len();
    }

    fn name(&mut self) -> String {
        let end = self
            .rest()
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>' || c == '=')
            .unwrap();
        let name = self.rest()[..end].to_string();
        assert!(!name.is_empty(), "empty name at {:?}", self.rest());
        self.at += end;
        name
    }

    fn element(&mut self) -> Element {
        self.skip_space();
        self.eat("<");
        let mut element = Element {
            name: self.name(),
            attributes: Vec::new(),
            children: Vec::new(),
            text: String::new(),
        };
        loop {
            self.skip_space();
            if self.rest().starts_with("/>") {
                self.eat("/>");
                return element;
            }
            if self.rest().starts_with('>') {
                self.eat(">");
                break;
            }
            let name = self.name();
            self.eat("=\"");
            let end = self.rest().find('"').unwrap();
            let raw = &self.rest()[..end];
            assert!(
                !raw.contains('<'),
                "unescaped < in attribute {name}={raw:?}"
            );
            element.attributes.push((name, unescape(raw)));
            self.at += end + 1;
        }
        loop {
            if self.rest().starts_with("</") {
                self.eat("</");
                let name = self.name();
                assert_eq!(name, element.name, "mismatched closing tag");
                self.skip_space();
                self.eat(">");
                return element;
            }
            if self.rest().starts_with('<') {
                let child = self.element();
                element.children.push(child);
            } else {
                let end = self
                    .rest()
                    .find('<')
                    .unwrap_or_else(|| panic!("<{}> is not closed", element.name));
                element.text.push_str(&unescape(&self.rest()[..end]));
                self.at += end;
            }
        }
    }
}

/// The root element of an XML document (after an optional declaration).
fn parse_xml(text: &str) -> Element {
    let mut reader = Reader { text, at: 0 };
    reader.skip_space();
    if reader.rest().starts_with("<?xml") {
        let end = reader.rest().find("?>").unwrap();
        reader.at += end + 2;
    }
    let root = reader.element();
    assert!(
        reader.rest().trim().is_empty(),
        "text after the root element"
    );
    root
}

#[test]
fn junit_has_one_testcase_per_expect_and_failures_only_on_failed_ones() {
    let dir = practice(Some(FAILING));
    let output = run(dir.path(), &["--format", "junit"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let text = stdout(&output);
    let root = parse_xml(&text);
    assert_eq!(root.name, "testsuites", "{text}");
    assert_eq!(root.attribute("tests"), "4");
    assert_eq!(root.attribute("failures"), "2");
    let suites = root.children("testsuite");
    assert_eq!(suites.len(), 1, "{text}");
    let suite = suites[0];
    assert_eq!(suite.attribute("tests"), "4");
    assert_eq!(suite.attribute("failures"), "2");
    let cases = suite.children("testcase");
    assert_eq!(cases.len(), 4, "{text}");
    let failed: Vec<bool> = cases
        .iter()
        .map(|c| !c.children("failure").is_empty())
        .collect();
    assert_eq!(failed, [false, true, true, false], "{text}");
    for case in &cases {
        assert!(case.children("failure").len() <= 1);
        assert!(!case.attribute("name").is_empty());
    }
    assert!(cases[1].attribute("name").contains("dave"), "{text}");
    let failure = cases[1].children("failure")[0];
    assert!(
        failure
            .text
            .contains("no grant of dave's allows clinical.view on C-1001"),
        "{text}"
    );
    assert!(cases[2].children("failure")[0].text.contains("zed"));

    // All passing: no failure element at all.
    let dir = practice(Some(PASSING));
    let output = run(dir.path(), &["--format", "junit"]);
    assert_eq!(code(&output), 0);
    let root = parse_xml(&stdout(&output));
    assert_eq!(root.attribute("tests"), "7");
    assert_eq!(root.attribute("failures"), "0");
    let suite = root.children("testsuite")[0];
    assert_eq!(suite.children("testcase").len(), 7);
    assert!(!stdout(&output).contains("<failure"));
}

#[test]
fn junit_escapes_xml_special_characters() {
    // The directory name ends up in the suite's name and every case's file;
    // the unknown member's id in a case's name and its failure text.
    let parent = TempDir::new().unwrap();
    let dir = parent.path().join("R&D <\"team\"> 's");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("practice.toml"), PRACTICE).unwrap();
    let weird = "a<b>&\"c\"'d";
    let quoted = weird.replace('"', "\\\"");
    let tests = format!(
        "[[expect]]\nmember = \"{quoted}\"\ncapability = \"clinical.view\"\nclient = \"C-1001\"\ndecision = \"deny\"\n\n[[expect]]\nmember = \"bob\"\ncapability = \"clinical.view\"\nclient = \"C-1001\"\ndecision = \"allow\"\n"
    );
    std::fs::write(dir.join("practice.test.toml"), tests).unwrap();
    let output = run(&dir, &["--format", "junit"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let text = stdout(&output);
    let root = parse_xml(&text);
    assert_eq!(root.attribute("tests"), "2");
    assert_eq!(root.attribute("failures"), "1");
    let suite = root.children("testsuite")[0];
    // A discovered file is named relative to the working directory.
    assert_eq!(suite.attribute("name"), "practice.test.toml", "{text}");
    let cases = suite.children("testcase");
    assert!(cases[0].attribute("name").contains(weird), "{text}");
    let failure = &cases[0].children("failure")[0];
    assert!(failure.text.contains(weird), "{text}");
    assert!(cases[1].children("failure").is_empty());
}

// ---- JSON ----

#[test]
fn json_reports_every_assertion() {
    let dir = practice(Some(FAILING));
    let output = run(dir.path(), &["--format", "json"]);
    assert_eq!(code(&output), 1);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["passed"], 2);
    assert_eq!(report["failed"], 2);
    assert!(
        report["file"]
            .as_str()
            .unwrap()
            .ends_with("practice.test.toml")
    );
    let results = report["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    let lines: Vec<u64> = results
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [1, 8, 14, 20]);
    let dave = &results[1];
    assert_eq!(dave["member"], "dave");
    assert_eq!(dave["capability"], "clinical.view");
    assert_eq!(dave["client"], "C-1001");
    assert_eq!(dave["decision"], "allow");
    assert_eq!(dave["actual"], "deny");
    assert_eq!(dave["passed"], false);
    assert!(
        dave["explanation"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l.as_str().unwrap().contains("no grant of dave's"))
    );
    assert_eq!(results[2]["actual"], "error");
    assert_eq!(results[3]["at"], "2026-04-01");
    assert_eq!(results[3]["passed"], true);
    assert_eq!(results[0]["author"], Value::Null);

    let dir = practice(Some(PASSING));
    let output = run(dir.path(), &["--format", "json"]);
    assert_eq!(code(&output), 0);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["failed"], 0);
    assert_eq!(report["passed"], 7);
    assert_eq!(report["results"][5]["author"], "gina");
}

#[test]
fn formats_test_does_not_print_are_usage_errors() {
    let dir = practice(Some(PASSING));
    for format in ["github", "sarif"] {
        let output = run(dir.path(), &["--format", format]);
        assert_eq!(code(&output), 2, "--format {format}: {}", stdout(&output));
    }
}

#[test]
fn an_assertion_file_with_nothing_to_test_is_exit_2_not_a_pass() {
    for tests in ["", "# all tables deleted\n"] {
        let dir = practice(Some(tests));
        let output = run(dir.path(), &[]);
        assert_eq!(code(&output), 2, "{tests:?}: {}", stdout(&output));
        assert!(
            stderr(&output).contains("nothing was tested"),
            "{}",
            stderr(&output)
        );
        assert!(!stdout(&output).contains("passed"), "{}", stdout(&output));
    }
}

#[test]
fn a_missing_default_assertion_file_says_how_to_make_one() {
    let dir = practice(None);
    let output = run(dir.path(), &[]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(err.contains("create it with [[expect]] tables"), "{err}");
    assert!(err.contains("praxis test FILE"), "{err}");
}

#[test]
fn every_problem_of_an_assertion_file_is_reported_at_its_key() {
    let tests = "[[expect]]\nmembr = \"bob\"\ncapability = \"client.view\"\ndecision = \"allow\"\n\n[[expect]]\nmember = \"bob\"\ncapability = \"client.view\"\ndecision = \"maybe\"\n";
    let dir = practice(Some(tests));
    let output = run(dir.path(), &[]);
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(
        err.contains("practice.test.toml:2:1: unknown key `membr`"),
        "{err}"
    );
    assert!(
        err.contains("practice.test.toml:1:1: [[expect]] has no `member`"),
        "{err}"
    );
    assert!(
        err.contains("practice.test.toml:9:12: decision must be"),
        "{err}"
    );
}

/// `[[who]]` and `[[list]]` assert a listing's whole answer; `--update`
/// writes today's answers in (layout and comments kept), after which the
/// file passes; the coverage line names what no assertion exercises.
#[test]
fn who_and_list_expectations_update_and_coverage() {
    let tests = "# who reads bob's chart\n[[who]]\ncapability = \"client.view\"\nclient = \"C-1001\"\nmembers = [\"bob\"]  # keep\n\n[[list]]\nmember = \"bob\"\nclient = \"C-1001\"\ncapabilities = []\n\n[[expect]]\nmember = \"bob\"\ncapability = \"client.view\"\nclient = \"C-1001\"\ndecision = \"deny\"\n";
    let dir = practice(Some(tests));
    let failing = run(dir.path(), &[]);
    assert_eq!(code(&failing), 1, "{}", stderr(&failing));
    let text = stdout(&failing);
    assert!(
        text.contains("practice.test.toml:2: who may client.view on C-1001"),
        "{text}"
    );
    assert!(
        text.contains("practice.test.toml:7: what bob holds on C-1001"),
        "{text}"
    );
    assert!(text.contains("there but not expected: "), "{text}");
    assert!(text.contains("0 passed, 3 failed"), "{text}");
    assert!(text.contains("coverage: "), "{text}");
    let json: Value =
        serde_json::from_str(&stdout(&run(dir.path(), &["--format", "json"]))).unwrap();
    assert_eq!(json["who"][0]["passed"], false);
    assert!(json["coverage"]["capabilities_untested"].is_array());
    let updated = run(dir.path(), &["--update"]);
    assert_eq!(code(&updated), 0, "{}", stderr(&updated));
    assert!(
        stdout(&updated).contains("updated 3 of 3 assertion(s)"),
        "{}",
        stdout(&updated)
    );
    let written = std::fs::read_to_string(dir.path().join("practice.test.toml")).unwrap();
    assert!(
        written.starts_with("# who reads bob's chart\n"),
        "{written}"
    );
    assert!(written.contains("]  # keep\n"), "{written}");
    assert!(written.contains("decision = \"allow\""), "{written}");
    let passing = run(dir.path(), &[]);
    assert_eq!(code(&passing), 0, "{}", stdout(&passing));
    // Nothing left to change: the file is not rewritten.
    let again = run(dir.path(), &["--update"]);
    assert!(
        stdout(&again).contains("updated 0 of 3"),
        "{}",
        stdout(&again)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("practice.test.toml")).unwrap(),
        written
    );
}
