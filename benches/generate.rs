//! Writes a generated practice to a file, for the bench script and for
//! trying praxis on a large practice by hand:
//! `cargo bench --bench generate -- MEMBERS CLIENTS OUT [SEED]`.

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
    let (text, shape) = generate::practice(members, clients, seed);
    match std::fs::write(out, &text) {
        Ok(()) => {
            eprintln!(
                "wrote {out}: {} bytes, {} clinicians (clin0, sup0, intern0, …), clients C-0 … C-{}",
                text.len(),
                shape.clinicians.len(),
                shape.clients.saturating_sub(1)
            );
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("cannot write {out}: {error}");
            std::process::ExitCode::from(2)
        }
    }
}
