//! regorus's "load + decide" for one question, the peer of `praxis access
//! check` without the index: read `praxis.rego` and `data.json` (written by
//! `praxis export --to rego --out DIR`), parse both, evaluate
//! `data.praxis.allow` for one request, print allow or deny (exit 0 or 1,
//! as praxis). The whole process is what scripts/bench times.
//!
//! `--questions FILE` instead answers every request line of FILE (the
//! `access check --batch` format), one `allow`/`deny` a line, so the bench
//! can check that regorus and praxis agree.
//!
//! usage: regorus-check DIR --date YYYY-MM-DD MEMBER CAPABILITY [CLIENT]
//!        regorus-check DIR --date YYYY-MM-DD --questions FILE

use praxis_peers::{Question, question};
use regorus::{Engine, Value};
use std::io::{BufRead, Write};
use std::process::ExitCode;

const USAGE: &str =
    "usage: regorus-check DIR --date YYYY-MM-DD (MEMBER CAPABILITY [CLIENT] | --questions FILE)";

fn load(dir: &str) -> Result<Engine, String> {
    let mut engine = Engine::new();
    engine
        .add_policy_from_file(format!("{dir}/praxis.rego"))
        .map_err(|e| format!("{dir}/praxis.rego: {e}"))?;
    let data = std::fs::read_to_string(format!("{dir}/data.json"))
        .map_err(|e| format!("{dir}/data.json: {e}"))?;
    engine
        .add_data_json(&data)
        .map_err(|e| format!("{dir}/data.json: {e}"))?;
    Ok(engine)
}

/// The policy's input document (src/export/rego.rs): member, capability,
/// client when there is one, and the day the decision is for.
fn decide(engine: &mut Engine, q: &Question, date: &str) -> Result<bool, String> {
    let mut input = serde_json::json!({
        "member": q.member,
        "capability": q.capability,
        "date": date,
    });
    if let Some(client) = &q.client {
        input["client"] = serde_json::json!(client);
    }
    let input = Value::from_json_str(&input.to_string()).map_err(|e| e.to_string())?;
    engine.set_input(input);
    let answer = engine
        .eval_rule("data.praxis.allow".to_string())
        .map_err(|e| e.to_string())?;
    if answer == Value::from(true) {
        Ok(true)
    } else if answer == Value::from(false) {
        Ok(false)
    } else {
        Err(format!("data.praxis.allow is {answer:?}, not a boolean"))
    }
}

fn run(args: &[String]) -> Result<bool, String> {
    let mut rest = Vec::new();
    let (mut date, mut questions) = (None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--date" => date = it.next(),
            "--questions" => questions = it.next(),
            _ => rest.push(arg),
        }
    }
    let date = date.ok_or(USAGE)?;
    let dir = rest.first().ok_or(USAGE)?;
    let mut engine = load(dir)?;
    if let Some(path) = questions {
        let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| format!("{path}: {e}"))?;
            let q = question(&line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
            let word = if decide(&mut engine, &q, date)? {
                "allow"
            } else {
                "deny"
            };
            writeln!(out, "{word}").map_err(|e| e.to_string())?;
        }
        out.flush().map_err(|e| e.to_string())?;
        return Ok(true);
    }
    let (Some(member), Some(capability)) = (rest.get(1), rest.get(2)) else {
        return Err(USAGE.into());
    };
    let q = Question {
        member: member.to_string(),
        capability: capability.to_string(),
        client: rest.get(3).map(|c| c.to_string()),
    };
    let allowed = decide(&mut engine, &q, date)?;
    println!("{}", if allowed { "allow" } else { "deny" });
    Ok(allowed)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("regorus-check: {message}");
            ExitCode::from(2)
        }
    }
}
