//! Writes a generated practice to a file, for the bench script and for
//! trying praxis on a large practice by hand:
//! `cargo bench --bench generate -- MEMBERS CLIENTS OUT [SEED] [--shape
//! plain|dense]` (see `generate::Form` for what each shape holds).

#[path = "support/generate.rs"]
mod generate;

fn main() -> std::process::ExitCode {
    let usage =
        "usage: cargo bench --bench generate -- MEMBERS CLIENTS OUT [SEED] [--shape plain|dense]";
    // cargo bench passes `--bench`; `--shape` is ours, as is every word.
    let mut form = generate::Form::Plain;
    let mut args: Vec<String> = Vec::new();
    let mut given = std::env::args().skip(1);
    while let Some(arg) = given.next() {
        let shape = match arg.strip_prefix("--shape") {
            Some("") => given.next(),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        match shape {
            Some(name) => match generate::Form::named(&name) {
                Some(named) => form = named,
                None => {
                    eprintln!("unknown shape `{name}`\n{usage}");
                    return std::process::ExitCode::from(2);
                }
            },
            None if arg.starts_with("--shape") => {
                eprintln!("{usage}");
                return std::process::ExitCode::from(2);
            }
            None if arg.starts_with("--") => {}
            None => args.push(arg),
        }
    }
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
    let (text, shape) = generate::practice_in(form, members, clients, seed);
    match std::fs::write(out, &text) {
        Ok(()) => {
            eprintln!(
                "wrote {out}: {} bytes, {} clinicians ({}, …), clients C-0 … C-{}",
                text.len(),
                shape.clinicians.len(),
                shape.clinicians.first().map_or("none", String::as_str),
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
