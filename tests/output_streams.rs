//! SPEC §8 Output and Batch, through the binary: what praxis does when
//! stdout cannot be written (a full device, a reader that left), and how
//! `access check --batch` reads: duplicate keys, overlong lines, and one
//! question at a time from a coprocess.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::root;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const TN: &str = "examples/therapynotes/practice.toml";

fn praxis(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_praxis"));
    command
        .current_dir(root())
        .env_remove("PRAXIS_FILE")
        .env_remove("PRAXIS_ACTOR")
        .env("NO_COLOR", "1")
        .args(args);
    command
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A member and a capability that is allowed, and one that is denied.
fn decisions() -> (Vec<&'static str>, Vec<&'static str>) {
    let allow = vec![
        "-f",
        TN,
        "access",
        "check",
        "nora",
        "clinical.view",
        "--client",
        "C-1001",
    ];
    let deny = vec![
        "-f",
        TN,
        "access",
        "check",
        "ian",
        "clinical.view",
        "--client",
        "C-1001",
    ];
    (allow, deny)
}

#[test]
fn the_example_decisions_are_what_these_tests_assume() {
    let (allow, deny) = decisions();
    assert_eq!(praxis(&allow).output().unwrap().status.code(), Some(0));
    assert_eq!(praxis(&deny).output().unwrap().status.code(), Some(1));
}

fn to_dev_full(args: &[&str]) -> Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    praxis(args).stdout(full).output().unwrap()
}

#[test]
fn a_full_stdout_is_exit_2_with_a_message() {
    let (allow, deny) = decisions();
    for args in [
        allow.clone(),
        deny.clone(),
        [allow.as_slice(), &["--format", "json"]].concat(),
        vec!["-f", TN, "validate"],
        vec!["-f", TN, "matrix"],
        vec!["-f", TN, "review", "--format", "markdown"],
        vec!["schema"],
        vec!["--help"],
        vec!["-f", TN, "diff", TN, TN],
    ] {
        let output = to_dev_full(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("cannot write to standard output"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn a_full_stdout_in_a_batch_is_exit_2() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let mut child = praxis(&["-f", TN, "access", "check", "--batch"])
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(
        b"{\"member\":\"nora\",\"capability\":\"clinical.view\",\"client\":\"C-1001\"}\n",
    );
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("cannot write to standard output"));
}

/// stdout is a pipe whose reader is already gone.
fn to_closed_pipe(args: &[&str], input: Option<&[u8]>) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut child = praxis(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
        let _ = stdin.write_all(input);
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_decisions_code() {
    let (allow, deny) = decisions();
    for (args, code) in [(allow, 0), (deny, 1), (vec!["-f", TN, "matrix"], 0)] {
        let output = to_closed_pipe(&args, None);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stderr.is_empty(), "{args:?}: {}", stderr(&output));
    }
    let output = to_closed_pipe(
        &["-f", TN, "access", "check", "--batch"],
        Some(b"{\"member\":\"nora\",\"capability\":\"clinical.view\"}\n"),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
}

#[test]
fn validate_with_errors_on_a_closed_pipe_is_still_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("practice.toml");
    std::fs::write(&path, "version = 2\n").unwrap();
    let file = path.to_string_lossy().into_owned();
    let output = to_closed_pipe(&["-f", &file, "validate"], None);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let output = to_dev_full(&["-f", &file, "validate"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

fn batch(input: &[u8]) -> Vec<serde_json::Value> {
    let mut child = praxis(&["-f", TN, "--at", "2026-12-01", "access", "check", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let answers: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Every line answered, error lines too: exit 0 (SPEC §4).
    assert_eq!(output.status.code(), Some(0));
    answers
}

#[test]
fn a_key_given_twice_is_an_error_line() {
    let answers = batch(
        b"{\"member\":\"ian\",\"member\":\"nora\",\"capability\":\"clinical.view\",\"client\":\"C-1001\"}\n\
          {\"member\":\"nora\",\"capability\":\"clinical.view\",\"client\":\"C-1001\",\"client\":\"C-1001\"}\n\
          {\"member\":\"nora\",\"capability\":\"clinical.view\",\"client\":\"C-1001\"}\n",
    );
    assert_eq!(answers.len(), 3);
    for (i, answer) in answers[..2].iter().enumerate() {
        assert_eq!(answer["decision"], "error", "{answer}");
        assert_eq!(answer["line"], i + 1);
        assert!(
            answer["error"].as_str().unwrap().contains("more than once"),
            "{answer}"
        );
    }
    // The fields it could read are echoed; the doubled one is not.
    assert_eq!(answers[0]["member"], serde_json::Value::Null);
    assert_eq!(answers[0]["capability"], "clinical.view");
    assert_eq!(answers[1]["member"], "nora");
    assert_eq!(answers[2]["decision"], "allow");
}

#[test]
fn a_line_over_64_kib_is_an_error_line_and_the_batch_goes_on() {
    // Valid requests but for their length: spaces are JSON whitespace.
    let request = "{\"member\":\"nora\",\"capability\":\"clinical.view\",\"client\":\"C-1001\"}";
    let long = format!("{request}{}\n", " ".repeat(100 * 1024));
    let exactly = format!("{request}{}\n", " ".repeat(64 * 1024 - request.len()));
    assert_eq!(exactly.len() - 1, 64 * 1024);
    let mut input = Vec::new();
    input.extend_from_slice(long.as_bytes());
    input.extend_from_slice(
        b"{\"member\":\"ian\",\"capability\":\"clinical.view\",\"client\":\"C-1001\"}\n",
    );
    input.extend_from_slice(exactly.as_bytes());
    // The last line, overlong and without a newline.
    input.extend_from_slice(format!("{request}{}", " ".repeat(70 * 1024)).as_bytes());
    let answers = batch(&input);
    assert_eq!(answers.len(), 4, "{answers:?}");
    assert_eq!(answers[0]["decision"], "error");
    assert_eq!(answers[0]["line"], 1);
    assert!(answers[0]["error"].as_str().unwrap().contains("65536"));
    assert_eq!(answers[1]["decision"], "deny");
    assert_eq!(
        answers[2]["decision"], "allow",
        "a line of exactly 64 KiB is read"
    );
    assert_eq!(answers[3]["decision"], "error");
    assert_eq!(answers[3]["line"], 4);
}

/// A coprocess asks one question, waits for the answer, then asks the next:
/// praxis must answer before it waits for more input.
#[test]
fn a_coprocess_gets_each_answer_before_it_asks_again() {
    let mut child = praxis(&["-f", TN, "--at", "2026-12-01", "access", "check", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (send, answers) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if send.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    let questions = [
        (
            "{\"member\":\"nora\",\"capability\":\"clinical.view\",\"client\":\"C-1001\"}",
            "allow",
        ),
        ("", ""),
        (
            "{\"member\":\"ian\",\"capability\":\"clinical.view\",\"client\":\"C-1001\"}",
            "deny",
        ),
        (
            "{\"member\":\"nobody\",\"capability\":\"clinical.view\"}",
            "error",
        ),
    ];
    for (question, decision) in questions {
        writeln!(stdin, "{question}").unwrap();
        stdin.flush().unwrap();
        if decision.is_empty() {
            continue; // a blank line is skipped and gets no answer
        }
        let answer = answers
            .recv_timeout(Duration::from_secs(10))
            .unwrap_or_else(|_| {
                let _ = child.kill();
                panic!("no answer to {question} while stdin stays open")
            });
        let answer: serde_json::Value = serde_json::from_str(&answer).unwrap();
        assert_eq!(answer["decision"], decision, "{answer}");
    }
    drop(stdin);
    assert_eq!(child.wait().unwrap().code(), Some(0));
    reader.join().unwrap();
}

#[test]
fn a_piped_batch_of_many_requests_is_answered_in_order() {
    let mut input = String::new();
    for i in 0..20_000 {
        let member = if i % 2 == 0 { "nora" } else { "ian" };
        input.push_str(&format!(
            "{{\"member\":\"{member}\",\"capability\":\"clinical.view\",\"client\":\"C-1001\"}}\n"
        ));
    }
    let started = std::time::Instant::now();
    let answers = batch(input.as_bytes());
    assert_eq!(answers.len(), 20_000);
    for (i, answer) in answers.iter().enumerate() {
        let expected = if i % 2 == 0 { "allow" } else { "deny" };
        assert_eq!(answer["decision"], expected);
    }
    // Not a benchmark: a flush per answer would still pass, but a read
    // per byte or a quadratic buffer would not.
    assert!(started.elapsed() < Duration::from_secs(60));
}

/// A table piped to a file or a script is laid out whole: with no terminal
/// and no `$COLUMNS` there is no width to wrap to. `$COLUMNS` still sets
/// one (the snapshots use 80).
#[test]
fn a_piped_table_is_not_wrapped_unless_columns_says_so() {
    let widest = |columns: Option<&str>| {
        let mut command = common::praxis();
        command.env_remove("COLUMNS").args([
            "-f",
            "examples/simplepractice/practice.toml",
            "matrix",
        ]);
        if let Some(columns) = columns {
            command.env("COLUMNS", columns);
        }
        let run = common::run(&mut command);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
            .lines()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    };
    assert!(widest(None) > 80, "piped: one page, however wide");
    assert!(widest(Some("80")) <= 80);
}
