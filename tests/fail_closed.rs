//! The fail-closed matrix: every way `praxis access check` (single and
//! `--batch`) can fail must end in a non-zero exit (SPEC §5: "Nothing fails
//! open: an error is never 0") with nothing on stdout a script could read as
//! an allow. One table, one test; every row runs the real binary with a
//! timeout (a read that blocks fails the row instead of hanging the suite)
//! and a 4 GiB address-space limit (a read that never ends fails the row
//! instead of eating the machine's memory).
//!
//! Every request in the table would be *allowed* on the valid practice below
//! if praxis ignored the failure, so a fail-open shows up as exit 0.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Where `bob clinical.view --client C-1` is allowed (bob is the primary),
/// `dave clinical.view --client C-1` denied, and alice is the owner.
const VALID: &str = r#"version = 1

[practice]
name = "Fail Closed Counseling"
owner = "alice"

[members.alice]
name = "Alice"
roles = ["administrator"]

[members.bob]
name = "Bob"
roles = ["clinician"]

[members.dave]
name = "Dave"
roles = ["scheduler"]

[clients]
C-1 = { primary = "bob" }
"#;

const ALLOW: &[&str] = &["bob", "clinical.view", "--client", "C-1"];
const ALLOW_JSON: &str = r#"{"member": "bob", "capability": "clinical.view", "client": "C-1"}"#;

const TIMEOUT: Duration = Duration::from_secs(10);

/// How the practice file is found.
enum File {
    /// `-f` this path.
    Flag(PathBuf),
    /// `PRAXIS_FILE` set to this value, working directory `cwd`.
    Env(String, PathBuf),
    /// No `-f`, no `PRAXIS_FILE`: discovery from `cwd`.
    Discover(PathBuf),
}

/// Where the command's stdout goes.
#[derive(Clone, Copy)]
enum Out {
    Pipe,
    /// Every write fails with ENOSPC.
    DevFull,
    /// A pipe whose reading end is closed: EPIPE.
    BrokenPipe,
}

/// What the row must produce.
enum Expect {
    /// This exit code, nothing readable as an allow on stdout.
    Exit(i32),
    /// Batch only: exit 0 with every answer `"decision": "error"` (a
    /// request that is an error does not stop the batch, SPEC §4).
    ErrorLines(usize),
}

struct Row {
    name: String,
    file: File,
    args: Vec<String>,
    stdin: Option<String>,
    out: Out,
    expect: Expect,
}

struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    timed_out: bool,
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn run(row: &Row) -> Ran {
    let mut command = Command::new("sh");
    // A bounded address space: reading /dev/zero to the end must fail the
    // row, not the machine.
    command
        .arg("-c")
        .arg("ulimit -v 4194304 && exec \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_praxis"))
        .env_remove("PRAXIS_FILE")
        .env_remove("PRAXIS_ACTOR")
        .env("NO_COLOR", "1");
    match &row.file {
        File::Flag(path) => {
            command.arg("-f").arg(path);
        }
        File::Env(value, cwd) => {
            command.env("PRAXIS_FILE", value).current_dir(cwd);
        }
        File::Discover(cwd) => {
            command.current_dir(cwd);
        }
    }
    command.args(["access", "check"]).args(&row.args);
    command.stdin(if row.stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    command.stderr(Stdio::piped());
    let mut keep_reader = None;
    match row.out {
        Out::Pipe => {
            command.stdout(Stdio::piped());
        }
        Out::DevFull => {
            let full = fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap();
            command.stdout(Stdio::from(full));
        }
        Out::BrokenPipe => {
            let (reader, writer) = std::io::pipe().unwrap();
            command.stdout(Stdio::from(writer));
            keep_reader = Some(reader);
        }
    }
    let mut child = command.spawn().unwrap();
    // Close the reading end only once the child holds the writing end.
    drop(keep_reader);
    if let (Some(text), Some(mut stdin)) = (&row.stdin, child.stdin.take()) {
        let text = text.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            let _ = stdin.write_all(text.as_bytes());
        });
    }
    let reader = |stream: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut stream) = stream {
                let _ = stream.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = reader(
        child
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    );
    let stderr = reader(
        child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    );
    let started = Instant::now();
    let (status, timed_out) = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break (status, false);
        }
        if started.elapsed() > TIMEOUT {
            child.kill().unwrap();
            break (child.wait().unwrap(), true);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ran {
        code: status.code(),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
        timed_out,
    }
}

/// Whether stdout holds anything a script could take for an allow.
fn reads_as_allow(stdout: &str) -> bool {
    let squeezed: String = stdout.chars().filter(|c| !c.is_whitespace()).collect();
    stdout.lines().any(|line| line.trim() == "allow") || squeezed.contains("\"decision\":\"allow\"")
}

fn check(row: &Row) -> Result<(), String> {
    let ran = run(row);
    let shown = || {
        format!(
            "exit {:?}{}\n  stdout: {:?}\n  stderr: {:?}",
            ran.code,
            if ran.timed_out {
                " (killed after 10 s: it blocked)"
            } else {
                ""
            },
            ran.stdout.chars().take(400).collect::<String>(),
            ran.stderr.chars().take(400).collect::<String>()
        )
    };
    if ran.timed_out {
        return Err(shown());
    }
    if reads_as_allow(&ran.stdout) {
        return Err(format!("stdout reads as an allow; {}", shown()));
    }
    if ran.stderr.contains("out of memory") || ran.stderr.contains("memory allocation") {
        // Only a read that never ends gets here: SPEC §8 refuses a device
        // or FIFO "without reading it".
        return Err(format!(
            "it read until memory ran out (capped at 4 GiB here); {}",
            shown()
        ));
    }
    if ran.stderr.contains("panicked") {
        return Err(format!("panicked; {}", shown()));
    }
    match row.expect {
        Expect::Exit(code) => {
            if ran.code != Some(code) {
                return Err(format!("expected exit {code}; {}", shown()));
            }
        }
        Expect::ErrorLines(count) => {
            let lines: Vec<&str> = ran.stdout.lines().collect();
            let errors = lines
                .iter()
                .filter(|line| {
                    serde_json::from_str::<serde_json::Value>(line)
                        .is_ok_and(|v| v["decision"] == "error")
                })
                .count();
            if ran.code != Some(0) || lines.len() != count || errors != count {
                return Err(format!(
                    "expected exit 0 and {count} error line(s); {}",
                    shown()
                ));
            }
        }
    }
    Ok(())
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

#[test]
fn every_failure_of_access_check_is_closed() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name);
    let write = |name: &str, bytes: &[u8]| {
        let path = at(name);
        fs::write(&path, bytes).unwrap();
        path
    };
    let valid = write("valid.toml", VALID.as_bytes());

    // --- The broken files.
    let mut files: Vec<(String, File)> = Vec::new();
    let mut flag = |name: &str, path: PathBuf| files.push((name.to_string(), File::Flag(path)));
    flag("no such file", at("missing/practice.toml"));
    let unreadable = write("unreadable.toml", VALID.as_bytes());
    if is_root() {
        // chmod 000 does not stop root. A regular file that no one can read
        // stands in: /proc/self/mem fails with EIO at offset 0.
        println!(
            "running as root: chmod 000 would not stop reading, so the unreadable-file row \
             reads /proc/self/mem (a regular file whose read fails with EIO) instead"
        );
        flag(
            "unreadable file (root: /proc/self/mem)",
            "/proc/self/mem".into(),
        );
    } else {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&unreadable, fs::Permissions::from_mode(0o000)).unwrap();
        flag("unreadable file (chmod 000)", unreadable.clone());
    }
    fs::create_dir(at("dir.toml")).unwrap();
    flag("a directory", at("dir.toml"));
    let fifo = at("fifo.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    flag("a FIFO (must not block)", fifo);
    let _socket = std::os::unix::net::UnixListener::bind(at("socket.toml")).unwrap();
    flag("a socket", at("socket.toml"));
    flag("/dev/zero (endless, size 0)", "/dev/zero".into());
    flag("/dev/null", "/dev/null".into());
    std::os::unix::fs::symlink("/dev/zero", at("link-to-zero.toml")).unwrap();
    flag("a symlink to /dev/zero", at("link-to-zero.toml"));
    flag("an empty file", write("empty.toml", b""));
    let mut latin1 = VALID.as_bytes().to_vec();
    latin1.extend_from_slice(b"# caf\xe9\n");
    flag("not UTF-8", write("latin1.toml", &latin1));
    flag(
        "invalid TOML",
        write("syntax.toml", format!("{VALID}[clients\n").as_bytes()),
    );
    flag(
        "fails validation (unknown role on another member)",
        write(
            "invalid.toml",
            format!("{VALID}\n[members.zed]\nname = \"Zed\"\nroles = [\"no-such-role\"]\n")
                .as_bytes(),
        ),
    );
    flag(
        "fails validation (unknown key)",
        write(
            "typo.toml",
            VALID
                .replace(
                    "roles = [\"clinician\"]",
                    "roles = [\"clinician\"]\nrole = \"x\"",
                )
                .as_bytes(),
        ),
    );
    {
        // A valid practice padded with a comment past the size limit: only
        // the limit stands between this file and an allow.
        let mut big = VALID.to_string();
        big.push('#');
        big.push_str(&"x".repeat(praxis::rules::MAX_FILE_BYTES as usize));
        big.push('\n');
        flag(
            "over the size limit (valid text)",
            write("large.toml", big.as_bytes()),
        );
    }
    // PRAXIS_FILE set but empty, in a directory whose practice.toml allows.
    let home = at("project");
    fs::create_dir_all(home.join(".git")).unwrap();
    fs::write(home.join("practice.toml"), VALID).unwrap();
    files.push((
        "PRAXIS_FILE set but empty".into(),
        File::Env(String::new(), home.clone()),
    ));
    files.push((
        "PRAXIS_FILE naming a missing file".into(),
        File::Env(at("missing.toml").display().to_string(), home.clone()),
    ));
    let nothing = at("empty-project");
    fs::create_dir_all(nothing.join(".git")).unwrap();
    files.push((
        "no file to discover (repository root reached)".into(),
        File::Discover(nothing),
    ));

    let mut rows: Vec<Row> = Vec::new();
    for (name, file) in files {
        let clone = |file: &File| match file {
            File::Flag(p) => File::Flag(p.clone()),
            File::Env(v, c) => File::Env(v.clone(), c.clone()),
            File::Discover(c) => File::Discover(c.clone()),
        };
        rows.push(Row {
            name: format!("file: {name} (single)"),
            file: clone(&file),
            args: strings(ALLOW),
            stdin: None,
            out: Out::Pipe,
            expect: Expect::Exit(2),
        });
        let mut json = strings(ALLOW);
        json.extend(strings(&["--format", "json"]));
        rows.push(Row {
            name: format!("file: {name} (single, --format json)"),
            file: clone(&file),
            args: json,
            stdin: None,
            out: Out::Pipe,
            expect: Expect::Exit(2),
        });
        rows.push(Row {
            name: format!("file: {name} (batch)"),
            file,
            args: strings(&["--batch"]),
            stdin: Some(format!("{ALLOW_JSON}\n")),
            out: Out::Pipe,
            expect: Expect::Exit(2),
        });
    }

    // --- Requests that are errors, on the valid file. Each would be an allow
    // if praxis guessed what was meant.
    let requests: &[(&str, &[&str], &str)] = &[
        (
            "unknown member",
            &["mallory", "clinical.view", "--client", "C-1"],
            r#"{"member": "mallory", "capability": "clinical.view", "client": "C-1"}"#,
        ),
        (
            "member id in another case",
            &["Bob", "clinical.view", "--client", "C-1"],
            r#"{"member": "Bob", "capability": "clinical.view", "client": "C-1"}"#,
        ),
        (
            "unknown capability (asked by the owner)",
            &["alice", "clinical.read", "--client", "C-1"],
            r#"{"member": "alice", "capability": "clinical.read", "client": "C-1"}"#,
        ),
        (
            "unknown client (asked by the owner)",
            &["alice", "clinical.view", "--client", "C-404"],
            r#"{"member": "alice", "capability": "clinical.view", "client": "C-404"}"#,
        ),
        (
            "client id in another case",
            &["bob", "clinical.view", "--client", "c-1"],
            r#"{"member": "bob", "capability": "clinical.view", "client": "c-1"}"#,
        ),
        (
            "unknown author",
            &[
                "bob",
                "clinical.view",
                "--client",
                "C-1",
                "--author",
                "ghost",
            ],
            r#"{"member": "bob", "capability": "clinical.view", "client": "C-1", "author": "ghost"}"#,
        ),
        (
            "author with a practice capability",
            &["bob", "members.view", "--author", "bob"],
            r#"{"member": "bob", "capability": "members.view", "author": "bob"}"#,
        ),
        (
            "a pattern as capability (clinical.*)",
            &["bob", "clinical.*", "--client", "C-1"],
            r#"{"member": "bob", "capability": "clinical.*", "client": "C-1"}"#,
        ),
        (
            "a pattern as capability (*, asked by the owner)",
            &["alice", "*", "--client", "C-1"],
            r#"{"member": "alice", "capability": "*", "client": "C-1"}"#,
        ),
        (
            "a practice capability with --client",
            &["bob", "members.view", "--client", "C-1"],
            r#"{"member": "bob", "capability": "members.view", "client": "C-1"}"#,
        ),
        (
            "a client capability without --client",
            &["bob", "client.view"],
            r#"{"member": "bob", "capability": "client.view"}"#,
        ),
    ];
    for (name, args, json) in requests {
        rows.push(Row {
            name: format!("request: {name} (single)"),
            file: File::Flag(valid.clone()),
            args: strings(args),
            stdin: None,
            out: Out::Pipe,
            expect: Expect::Exit(2),
        });
        rows.push(Row {
            name: format!("request: {name} (batch)"),
            file: File::Flag(valid.clone()),
            args: strings(&["--batch"]),
            stdin: Some(format!("{json}\n")),
            out: Out::Pipe,
            expect: Expect::ErrorLines(1),
        });
    }

    // --- Dates (SPEC §8: exactly YYYY-MM-DD, years 0001–9999).
    for date in [
        "2026-2-3",
        " 2026-12-31",
        "2026-12-31 ",
        "+2026-12-31",
        "-2026-12-31",
        "2026-02-30",
        "2026-12-31T00:00:00",
        "2026-12-31 00:00",
        "20261231",
        "0000-12-31",
        "10000-01-01",
        "",
    ] {
        let mut args = strings(ALLOW);
        args.push(format!("--at={date}"));
        rows.push(Row {
            name: format!("--at {date:?} (single)"),
            file: File::Flag(valid.clone()),
            args,
            stdin: None,
            out: Out::Pipe,
            expect: Expect::Exit(2),
        });
        rows.push(Row {
            name: format!("request at {date:?} (batch)"),
            file: File::Flag(valid.clone()),
            args: strings(&["--batch"]),
            stdin: Some(format!(
                "{{\"member\": \"bob\", \"capability\": \"clinical.view\", \"client\": \"C-1\", \"at\": \"{date}\"}}\n"
            )),
            out: Out::Pipe,
            expect: Expect::ErrorLines(1),
        });
        rows.push(Row {
            name: format!("--at {date:?} (batch, applies to every line)"),
            file: File::Flag(valid.clone()),
            args: vec!["--batch".into(), format!("--at={date}")],
            stdin: Some(format!("{ALLOW_JSON}\n")),
            out: Out::Pipe,
            expect: Expect::Exit(2),
        });
    }

    // --- Usage errors of the command line.
    for (name, args) in [
        ("member without capability", strings(&["bob"])),
        ("no arguments", vec![]),
        (
            "unknown option",
            strings(&["bob", "clinical.view", "--client", "C-1", "--allow"]),
        ),
        (
            "--batch with a request",
            strings(&["--batch", "bob", "clinical.view"]),
        ),
        (
            "unknown format",
            strings(&[
                "bob",
                "clinical.view",
                "--client",
                "C-1",
                "--format",
                "yaml",
            ]),
        ),
    ] {
        rows.push(Row {
            name: format!("usage: {name}"),
            file: File::Flag(valid.clone()),
            args,
            stdin: Some(format!("{ALLOW_JSON}\n")),
            out: Out::Pipe,
            expect: Expect::Exit(2),
        });
    }

    // --- Batch lines that are errors; the batch goes on (exit 0) but the
    // line's answer is an error, never an allow.
    let padded = format!(
        "{{\"member\": \"bob\",{} \"capability\": \"clinical.view\", \"client\": \"C-1\"}}",
        " ".repeat(70 * 1024)
    );
    for (name, line) in [
        ("malformed JSON", r#"{"member": "bob", "capability": "clinical.view", "client": "C-1""#.to_string()),
        ("not an object", r#"["bob", "clinical.view", "C-1"]"#.to_string()),
        ("an unknown key", r#"{"member": "bob", "capability": "clinical.view", "client": "C-1", "as": "alice"}"#.to_string()),
        ("a key twice (last one allowed)", r#"{"member": "mallory", "member": "bob", "capability": "clinical.view", "client": "C-1"}"#.to_string()),
        ("a member that is not a string", r#"{"member": 7, "capability": "clinical.view", "client": "C-1"}"#.to_string()),
        ("a line over 64 KiB", padded),
    ] {
        rows.push(Row {
            name: format!("batch line: {name}"),
            file: File::Flag(valid.clone()),
            args: strings(&["--batch"]),
            stdin: Some(format!("{line}\n")),
            out: Out::Pipe,
            expect: Expect::ErrorLines(1),
        });
    }

    // --- Output that cannot be written (SPEC §8 "Output").
    rows.push(Row {
        name: "stdout is /dev/full, the decision is allow (single)".into(),
        file: File::Flag(valid.clone()),
        args: strings(ALLOW),
        stdin: None,
        out: Out::DevFull,
        expect: Expect::Exit(2),
    });
    rows.push(Row {
        name: "stdout is /dev/full, the decision is allow (batch)".into(),
        file: File::Flag(valid.clone()),
        args: strings(&["--batch"]),
        stdin: Some(format!("{ALLOW_JSON}\n")),
        out: Out::DevFull,
        expect: Expect::Exit(2),
    });
    rows.push(Row {
        name: "stdout is a closed pipe, the decision is deny".into(),
        file: File::Flag(valid.clone()),
        args: strings(&["dave", "clinical.view", "--client", "C-1"]),
        stdin: None,
        out: Out::BrokenPipe,
        expect: Expect::Exit(1),
    });
    rows.push(Row {
        name: "stdout is a closed pipe, the request is an error".into(),
        file: File::Flag(valid.clone()),
        args: strings(&["mallory", "clinical.view", "--client", "C-1"]),
        stdin: None,
        out: Out::BrokenPipe,
        expect: Expect::Exit(2),
    });
    rows.push(Row {
        name: "stdout is a closed pipe, the file is invalid".into(),
        file: File::Flag(at("syntax.toml")),
        args: strings(ALLOW),
        stdin: None,
        out: Out::BrokenPipe,
        expect: Expect::Exit(2),
    });

    // The control rows: the same requests succeed on the valid file, so the
    // rows above fail for the reason they name, not for a broken fixture.
    let control = |args: &[&str], stdin: Option<&str>| Row {
        name: "control".into(),
        file: File::Flag(valid.clone()),
        args: strings(args),
        stdin: stdin.map(|s| format!("{s}\n")),
        out: Out::Pipe,
        expect: Expect::Exit(0),
    };
    let single = run(&control(ALLOW, None));
    assert_eq!(
        (single.code, single.stdout.trim()),
        (Some(0), "allow"),
        "control: {}",
        single.stderr
    );
    let batch = run(&control(&["--batch"], Some(ALLOW_JSON)));
    assert_eq!(batch.code, Some(0), "control batch: {}", batch.stderr);
    assert!(
        reads_as_allow(&batch.stdout),
        "control batch: {}",
        batch.stdout
    );
    let discovered = run(&Row {
        file: File::Discover(home.clone()),
        ..control(ALLOW, None)
    });
    assert_eq!(
        discovered.code,
        Some(0),
        "control discovery: {}",
        discovered.stderr
    );
    let dated = run(&control(
        &[
            "bob",
            "clinical.view",
            "--client",
            "C-1",
            "--at",
            "2026-12-31",
        ],
        None,
    ));
    assert_eq!(dated.code, Some(0), "control --at: {}", dated.stderr);
    let denied = run(&control(
        &["dave", "clinical.view", "--client", "C-1"],
        None,
    ));
    assert_eq!(denied.code, Some(1), "control deny: {}", denied.stderr);

    let mut failures = Vec::new();
    for row in &rows {
        match check(row) {
            Ok(()) => println!("ok    {}", row.name),
            Err(why) => {
                println!("FAIL  {}: {why}", row.name);
                failures.push(format!("{}: {why}", row.name));
            }
        }
    }
    println!("{} rows, {} failed", rows.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} fail-closed rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}
