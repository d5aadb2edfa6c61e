//! Writes a generated practice to a file, for the bench script and for
//! trying praxis on a large practice by hand:
//! `cargo bench --bench generate -- MEMBERS CLIENTS OUT [SEED]`.

#[allow(
    dead_code,
    reason = "the shared generator also returns the shape other benches query"
)]
#[path = "support/generate.rs"]
mod generate;

fn main() -> std::process::ExitCode {
    // cargo bench passes `--bench`; everything else is ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let usage = "usage: cargo bench --bench generate -- MEMBERS CLIENTS OUT [SEED]";
    let (Some(members), Some(clients), Some(out)) = (
        args.first().and_then(|a| a.parse::<usize>().ok()),
        args.get(1).and_then(|a| a.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("{usage}");
        return std::process::ExitCode::from(2);
    };
    let seed = match args.get(3).map(|s| s.parse::<u64>()) {
        None => 7,
        Some(Ok(seed)) => seed,
        Some(Err(_)) => {
            eprintln!("{usage}");
            return std::process::ExitCode::from(2);
        }
    };
    let (text, _) = generate::practice(members, clients, seed);
    match std::fs::write(out, text) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cannot write {out}: {error}");
            std::process::ExitCode::from(2)
        }
    }
}
