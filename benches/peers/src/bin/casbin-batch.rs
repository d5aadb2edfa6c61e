//! casbin-rs answering a batch, the peer of `praxis access check --batch`:
//! load a model and policy (from `casbin-policy`), then read request lines
//! from stdin (the same JSON lines praxis reads), enforce each and write
//! one `allow`/`deny` a line to stdout. scripts/bench times it exactly as
//! it times praxis: the batch, and the same command with no questions (its
//! load), so decisions/s after load is measured the same way for both.
//!
//! On stderr it also prints its own clock: load time and decisions/s of
//! the enforce loop (parsing included), a cross-check of the bench's
//! subtraction.
//!
//! usage: casbin-batch MODEL.conf POLICY.csv < QUESTIONS

use casbin::{CoreApi, DefaultModel, Enforcer, StringAdapter};
use praxis_peers::{block_on, question};
use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::time::Instant;

fn run(model_path: &str, policy_path: &str) -> Result<(), String> {
    let started = Instant::now();
    let model_text =
        std::fs::read_to_string(model_path).map_err(|e| format!("{model_path}: {e}"))?;
    let policy = std::fs::read_to_string(policy_path).map_err(|e| format!("{policy_path}: {e}"))?;
    let model =
        block_on(DefaultModel::from_str(&model_text)).map_err(|e| format!("{model_path}: {e}"))?;
    let enforcer = block_on(Enforcer::new(model, StringAdapter::new(policy)))
        .map_err(|e| format!("{policy_path}: {e}"))?;
    let loaded = started.elapsed();

    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut asked = 0u64;
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| format!("stdin: {e}"))?;
        let word = match question(&line) {
            // A practice capability has no client: casbin's model covers
            // client capabilities, so it is a deny here.
            Ok(q) => match enforcer.enforce((
                q.member.as_str(),
                q.client.as_deref().unwrap_or(""),
                q.capability.as_str(),
            )) {
                Ok(true) => "allow",
                Ok(false) => "deny",
                Err(e) => return Err(format!("line {}: {e}", n + 1)),
            },
            Err(_) => "error",
        };
        writeln!(out, "{word}").map_err(|e| format!("stdout: {e}"))?;
        asked += 1;
    }
    out.flush().map_err(|e| format!("stdout: {e}"))?;
    let deciding = started.elapsed() - loaded;
    let rate = if deciding.as_secs_f64() > 0.0 {
        asked as f64 / deciding.as_secs_f64()
    } else {
        0.0
    };
    eprintln!(
        "casbin-batch: load {:.1} ms; {asked} decisions in {:.1} ms after load: {rate:.0}/s",
        loaded.as_secs_f64() * 1000.0,
        deciding.as_secs_f64() * 1000.0
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model, policy] = args.as_slice() else {
        eprintln!("usage: casbin-batch MODEL.conf POLICY.csv < QUESTIONS");
        return ExitCode::from(2);
    };
    match run(model, policy) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("casbin-batch: {message}");
            ExitCode::from(2)
        }
    }
}
