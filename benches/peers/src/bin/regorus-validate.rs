//! regorus's closest equivalent of `praxis validate`: everything regorus
//! does before it can answer, and nothing after. It reads and parses
//! `praxis.rego` (syntax, `rego.v1` rules), reads and parses `data.json`
//! into its value tree, and compiles the policy for the entry point
//! `data.praxis.allow` (analysis and scheduling of every rule it reaches);
//! it evaluates no request. That is less than praxis's validate, which
//! checks every rule of SPEC §3.4 on the practice, while regorus checks
//! only that the policy is well-formed Rego and the data is JSON: the
//! comparison favours regorus.
//!
//! usage: regorus-validate DIR

use regorus::Engine;
use std::process::ExitCode;

fn run(dir: &str) -> Result<String, String> {
    let mut engine = Engine::new();
    let package = engine
        .add_policy_from_file(format!("{dir}/praxis.rego"))
        .map_err(|e| format!("{dir}/praxis.rego: {e}"))?;
    let data = std::fs::read_to_string(format!("{dir}/data.json"))
        .map_err(|e| format!("{dir}/data.json: {e}"))?;
    engine
        .add_data_json(&data)
        .map_err(|e| format!("{dir}/data.json: {e}"))?;
    engine
        .compile_with_entrypoint(&"data.praxis.allow".into())
        .map_err(|e| format!("{dir}/praxis.rego: {e}"))?;
    Ok(format!(
        "{package}: policy compiled for data.praxis.allow, {} bytes of data",
        data.len()
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir] = args.as_slice() else {
        eprintln!("usage: regorus-validate DIR");
        return ExitCode::from(2);
    };
    match run(dir) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("regorus-validate: {message}");
            ExitCode::from(2)
        }
    }
}
