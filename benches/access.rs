#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark that cannot set up has nothing to measure"
)]

//! How long praxis takes on a large practice: 2,000 members and 100,000
//! clients. Prints medians; the baseline is `praxis --version` (process
//! start-up) measured in the same run, so ratios compare like with like.
//!
//! Run: `cargo bench --bench access` (add `-- --quick` for fewer rounds).

#[path = "support/generate.rs"]
mod generate;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<F: FnMut()>(rounds: usize, mut f: F) -> Duration {
    median(
        (0..rounds)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rounds = if quick { 3 } else { 9 };
    let binary = env!("CARGO_BIN_EXE_praxis");
    let dir = std::env::temp_dir().join(format!("praxis-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (text, shape) = generate::practice(2_000, 100_000, 7);
    let path = match std::env::var_os("PRAXIS_BENCH_KEEP") {
        Some(keep) => std::path::PathBuf::from(keep),
        None => dir.join("practice.toml"),
    };
    std::fs::write(&path, &text).expect("write practice");
    println!(
        "generated practice: 2000 members, {} clients, {} bytes",
        shape.clients,
        text.len()
    );

    let today = chrono::Local::now().date_naive();
    let parse = time(rounds, || {
        assert!(toml_edit::Document::parse(text.as_str()).is_ok());
    });
    println!("library: TOML parse alone (toml_edit) median {}", ms(parse));
    let read = time(rounds, || {
        let checked = praxis::rules::check(&text, today);
        assert!(
            !checked.findings.has_errors(),
            "generated practice must be valid"
        );
    });
    println!("library: read + validate             median {}", ms(read));

    let checked = praxis::rules::check(&text, today);
    let practice = checked.practice;
    let requests = 100_000;
    let decide = time(rounds, || {
        for i in 0..requests {
            let member = &shape.clinicians[i % shape.clinicians.len()];
            let client = format!("C-{}", (i * 7919) % shape.clients);
            let request = praxis::rules::Request {
                member,
                capability: "clinical.view",
                client: Some(&client),
                author: None,
            };
            let _ = praxis::rules::decide(&practice, &request, today);
        }
    });
    println!(
        "library: one decision                median {:.2} µs ({requests} per round)",
        decide.as_secs_f64() * 1e6 / requests as f64
    );

    let baseline = time(rounds, || {
        let status = Command::new(binary)
            .arg("--version")
            .stdout(Stdio::null())
            .status();
        assert!(status.is_ok());
    });
    println!(
        "binary: praxis --version (baseline)  median {}",
        ms(baseline)
    );

    let member = &shape.clinicians[0];
    // The content-keyed index lives in the bench's own directory.
    let cache = dir.join("cache");
    let check_with = |extra: &[&str]| {
        time(rounds, || {
            let _ = Command::new(binary)
                .env("PRAXIS_CACHE_DIR", &cache)
                .args(extra)
                .args([
                    "-f",
                    path.to_str().unwrap_or_default(),
                    "access",
                    "check",
                    member,
                    "clinical.view",
                    "--client",
                    "C-0",
                ])
                .stdout(Stdio::null())
                .status();
        })
    };
    let check = check_with(&["--no-cache"]);
    println!(
        "binary: access check, no index       median {} ({:.0}× baseline)",
        ms(check),
        check.as_secs_f64() / baseline.as_secs_f64()
    );
    check_with(&[]);
    let warm = check_with(&[]);
    println!(
        "binary: access check, warm index     median {} ({:.0}× baseline)",
        ms(warm),
        warm.as_secs_f64() / baseline.as_secs_f64()
    );

    let lines: String = (0..10_000)
        .map(|i| {
            format!(
                "{{\"member\": \"{}\", \"capability\": \"clinical.view\", \"client\": \"C-{}\"}}\n",
                shape.clinicians[i % shape.clinicians.len()],
                (i * 31) % shape.clients
            )
        })
        .collect();
    let batch = time(rounds.min(5), || {
        let mut child = Command::new(binary)
            .env("PRAXIS_CACHE_DIR", &cache)
            .args([
                "-f",
                path.to_str().unwrap_or_default(),
                "access",
                "check",
                "--batch",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("spawn praxis");
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(lines.as_bytes());
        }
        let _ = child.wait();
    });
    println!(
        "binary: access check --batch, 10,000, warm index  median {} ({:.2}× a single cold check)",
        ms(batch),
        batch.as_secs_f64() / check.as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
