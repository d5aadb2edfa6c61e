#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! The README runs as written. Every fenced block is typed:
//!
//! - ```` ```console ```` blocks are transcripts: each `$ ` line (with `\`
//!   continuations) is run and must print exactly the lines under it
//!   (stdout and stderr together, as a terminal shows them);
//! - ```` ```sh ```` blocks are scripts run whole, which must succeed;
//! - ```` ```toml ````, ```` ```yaml ```` and ```` ```text ```` blocks are
//!   files and formats, not run, and may not hold a `$ ` command line.
//!
//! `cargo run -q -- ARGS` runs the praxis under test with ARGS (the same
//! program, already built); any other `cargo` command (`cargo test`,
//! `cargo install`) is how the reader builds praxis or runs this very
//! suite, so it is not run again here and shows no output.
//!
//! A section whose commands run `fga` (the OpenFGA walkthrough) has the
//! official OpenFGA CLI on `PATH` too: `PRAXIS_FGA`, or installed pinned
//! from PyPI into `.tools/` by `scripts/install-fga`.
//!
//! Each `## ` section is one shell session in a fresh directory holding a
//! copy of `examples/`, with the praxis under test first on `PATH`, so a
//! section can build on its own earlier blocks (the tour makes a git
//! repository, a practice and a change). `README_BLESS=1 cargo test --test
//! readme` writes the actual outputs into the console blocks, for a person
//! to read in the diff before committing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).unwrap()
}

/// A fenced block: its language, its lines, where it is, which section.
#[derive(Debug)]
struct Block {
    lang: String,
    /// Line numbers are 1-based, of the first line inside the fence.
    first_line: usize,
    lines: Vec<String>,
    section: usize,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut section = 0;
    let mut open: Option<Block> = None;
    for (i, line) in text.lines().enumerate() {
        match &mut open {
            Some(block) if line.starts_with("```") => {
                blocks.push(std::mem::replace(block, placeholder()));
                open = None;
            }
            Some(block) => block.lines.push(line.to_string()),
            None if line.starts_with("```") => {
                open = Some(Block {
                    lang: line.trim_start_matches('`').trim().to_string(),
                    first_line: i + 2,
                    lines: Vec::new(),
                    section,
                });
            }
            None if line.starts_with("## ") => section += 1,
            None => {}
        }
    }
    assert!(open.is_none(), "README ends inside a code block");
    blocks
}

fn placeholder() -> Block {
    Block {
        lang: String::new(),
        first_line: 0,
        lines: Vec::new(),
        section: 0,
    }
}

/// One command of a console block and the output the README shows.
#[derive(Debug)]
struct Step {
    command: String,
    expected: Vec<String>,
    /// The README line of the `$ `.
    line: usize,
}

fn steps(block: &Block) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut continuing = false;
    for (i, line) in block.lines.iter().enumerate() {
        if continuing {
            let step = steps.last_mut().unwrap();
            step.command.push('\n');
            step.command.push_str(line);
            continuing = line.ends_with('\\');
        } else if let Some(command) = line.strip_prefix("$ ") {
            steps.push(Step {
                command: command.to_string(),
                expected: Vec::new(),
                line: block.first_line + i,
            });
            continuing = command.ends_with('\\');
        } else {
            let step = steps.last_mut().unwrap_or_else(|| {
                panic!(
                    "README:{}: output before any `$ ` command",
                    block.first_line + i
                )
            });
            step.expected.push(line.clone());
        }
    }
    steps
}

/// What one command printed and how it ended.
struct Ran {
    output: Vec<String>,
    code: i32,
}

const MARK: &str = "\u{1}praxis-readme";

/// Runs a section's commands in one bash session; the output of each, and
/// its exit code, come back in order.
fn run_session(commands: &[String]) -> Vec<Ran> {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("examples"), &dir.path().join("examples"));
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_praxis"));
    let bin_dir = binary.parent().unwrap();
    let mut script = String::from("cd \"$1\"\n");
    for (i, command) in commands.iter().enumerate() {
        writeln!(script, "printf '{MARK}-begin-{i}\\n'").unwrap();
        writeln!(script, "{{\n{command}\n}} 2>&1").unwrap();
        writeln!(script, "printf '\\n{MARK}-end-%s\\n' \"$?\"").unwrap();
    }
    let mut path = format!("{}:", bin_dir.display());
    if commands.iter().any(|c| runs_fga(c)) {
        write!(path, "{}:", fga_dir().display()).unwrap();
    }
    path.push_str(&std::env::var("PATH").unwrap_or_default());
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .arg("readme")
        .arg(dir.path())
        .env_clear()
        .env("PATH", path)
        .env("HOME", &home)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env("TZ", "UTC")
        .env("LANG", "C.UTF-8")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Alice Moreno")
        .env("GIT_AUTHOR_EMAIL", "alice@riverbend.example")
        .env("GIT_COMMITTER_NAME", "Alice Moreno")
        .env("GIT_COMMITTER_EMAIL", "alice@riverbend.example")
        .env("PRAXIS_NO_CACHE", "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut ran = Vec::new();
    for (i, command) in commands.iter().enumerate() {
        let begin = format!("{MARK}-begin-{i}\n");
        let end = format!("\n{MARK}-end-");
        let Some(start) = text.find(&begin) else {
            panic!(
                "the session stopped before command {i}:\n{command}\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
        };
        let body = &text[start + begin.len()..];
        let stop = body.find(&end).unwrap();
        let code = body[stop + end.len()..]
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let printed = body[..stop].trim_end_matches('\n');
        let output = match printed.is_empty() {
            true => Vec::new(),
            false => printed.lines().map(|l| l.trim_end().to_string()).collect(),
        };
        ran.push(Ran { output, code });
    }
    ran
}

/// Whether a command runs the OpenFGA CLI (the export walkthrough).
fn runs_fga(command: &str) -> bool {
    command.lines().any(|l| l.trim_start().starts_with("fga "))
}

/// Where the OpenFGA CLI is for the walkthrough's `fga` commands:
/// `PRAXIS_FGA` names the binary, else `scripts/install-fga` installs it,
/// pinned, from PyPI into `.tools/` (once; it prints the path). A machine
/// that cannot install it fails this test, loudly: the walkthrough is part
/// of the README, and the README runs as written.
fn fga_dir() -> PathBuf {
    let binary = match std::env::var_os("PRAXIS_FGA") {
        Some(path) => PathBuf::from(path),
        None => {
            let output = std::process::Command::new(root().join("scripts/install-fga"))
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "scripts/install-fga failed (the README's OpenFGA walkthrough needs the fga CLI):\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
            PathBuf::from(String::from_utf8(output.stdout).unwrap().trim())
        }
    };
    assert!(binary.exists(), "no fga CLI at {}", binary.display());
    binary.parent().unwrap().to_path_buf()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// What the session runs for a console command: `cargo run -q --` is the
/// praxis under test; another `cargo` command is not run (`true`).
fn runnable(command: &str) -> String {
    match command.strip_prefix("cargo run -q -- ") {
        Some(args) => format!("praxis {args}"),
        None if command.starts_with("cargo ") => "true".to_string(),
        None => command.to_string(),
    }
}

/// A script block's lines as one command, or a console step's command.
enum Unit<'b> {
    Script(&'b Block),
    Step(usize, Step),
}

#[test]
fn every_command_block_runs_as_written() {
    let text = readme();
    let all = blocks(&text);
    for block in &all {
        assert!(
            matches!(
                block.lang.as_str(),
                "console" | "sh" | "toml" | "yaml" | "text"
            ),
            "README:{}: a block needs a language (console, sh, toml, yaml or text), not {:?}",
            block.first_line,
            block.lang
        );
        if !matches!(block.lang.as_str(), "console" | "sh") {
            assert!(
                !block.lines.iter().any(|l| l.starts_with("$ ")),
                "README:{}: a `$ ` command in a {} block is never run; make it a console block",
                block.first_line,
                block.lang
            );
        }
    }
    let bless = std::env::var_os("README_BLESS").is_some();
    let mut replacements: Vec<(usize, Vec<String>)> = Vec::new();
    let mut failures = Vec::new();
    let sections: std::collections::BTreeSet<usize> = all.iter().map(|b| b.section).collect();
    for section in sections {
        let mut units = Vec::new();
        for (index, block) in all.iter().enumerate().filter(|(_, b)| b.section == section) {
            match block.lang.as_str() {
                "sh" => {
                    assert!(
                        !block
                            .lines
                            .iter()
                            .any(|l| l.trim_start().starts_with("cargo ")),
                        "README:{}: cargo commands go in console blocks",
                        block.first_line
                    );
                    units.push(Unit::Script(block));
                }
                "console" => units.extend(steps(block).into_iter().map(|s| Unit::Step(index, s))),
                _ => {}
            }
        }
        if units.is_empty() {
            continue;
        }
        let commands: Vec<String> = units
            .iter()
            .map(|u| match u {
                Unit::Script(block) => block.lines.join("\n"),
                Unit::Step(_, step) => runnable(&step.command),
            })
            .collect();
        let ran = run_session(&commands);
        let mut actual_by_block: std::collections::BTreeMap<usize, Vec<String>> =
            Default::default();
        for (unit, ran) in units.iter().zip(&ran) {
            match unit {
                Unit::Script(block) => {
                    if ran.code != 0 {
                        failures.push(format!(
                            "README:{}: the script exits {}:\n{}",
                            block.first_line,
                            ran.code,
                            ran.output.join("\n")
                        ));
                    }
                }
                Unit::Step(index, step) => {
                    let lines = actual_by_block.entry(*index).or_default();
                    let mut command_lines = step.command.lines();
                    lines.push(format!("$ {}", command_lines.next().unwrap_or_default()));
                    lines.extend(command_lines.map(str::to_string));
                    lines.extend(ran.output.iter().cloned());
                    if ran.output != step.expected {
                        failures.push(format!(
                            "README:{}: `{}` (exit {}) printed:\n{}\n--- the README shows:\n{}",
                            step.line,
                            step.command,
                            ran.code,
                            ran.output.join("\n"),
                            step.expected.join("\n")
                        ));
                    }
                }
            }
        }
        for (index, lines) in actual_by_block {
            replacements.push((all[index].first_line, lines));
        }
    }
    if bless && !failures.is_empty() {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        for (first_line, new) in replacements.into_iter().rev() {
            let start = first_line - 1;
            let end = (start..lines.len())
                .find(|&i| lines[i].starts_with("```"))
                .unwrap();
            lines.splice(start..end, new);
        }
        std::fs::write(root().join("README.md"), lines.join("\n") + "\n").unwrap();
        panic!("README.md blessed with the actual outputs; read the diff and run again");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The README opens with the two commands a fresh machine can run: the main
/// job on a bundled example, and the tests.
#[test]
fn opens_with_a_check_on_an_example_and_the_test_command() {
    let text = readme();
    let first = blocks(&text).into_iter().next().unwrap();
    assert_eq!(first.lang, "console");
    let commands: Vec<Step> = steps(&first);
    assert_eq!(commands.len(), 2, "{commands:?}");
    assert!(
        commands[0].command.starts_with("cargo run -q -- "),
        "{:?}",
        commands[0]
    );
    assert_eq!(commands[1].command, "cargo test");
}

#[test]
fn ci_script_runs_the_readme_test_command() {
    let ci = std::fs::read_to_string(root().join(".ci/run")).unwrap();
    assert!(ci.contains("\ncargo test\n"));
    assert!(ci.contains("cargo fmt --check"));
    assert!(ci.contains("cargo clippy --all-targets -- -D warnings"));
}

/// The README's table of what each change needs names exactly the
/// permissions of SPEC §4's table as the code has it
/// (`rules::permission::Permission`): none missing, none made up.
#[test]
fn the_permission_table_is_the_codes() {
    use praxis::rules::permission::Permission;
    let text = readme();
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("| command | actor needs |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert!(table.len() >= 10, "{table:?}");
    let named: std::collections::BTreeSet<String> = table
        .iter()
        .filter_map(|row| row.rsplit('|').nth(1))
        .flat_map(|needs| {
            needs
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let code: std::collections::BTreeSet<String> = [
        Permission::ManageMembers,
        Permission::EditCredentials,
        Permission::CreateClients,
        Permission::AssignPrimary,
        Permission::GrantAccess,
        Permission::Restrict,
        Permission::DeleteClients,
    ]
    .into_iter()
    .map(|p| p.capability().to_string())
    .collect();
    assert_eq!(
        named, code,
        "the README's table and rules::permission disagree"
    );
}
