//! praxis keeps a therapy practice's access control as code: one
//! `practice.toml`, validated and decided by one rules module.
//!
//! The core (`model`, `catalog`, `rules`, `changes`) does no I/O and knows
//! nothing of the command line; `store` owns the file on disk; `commands`
//! parse arguments, call the core and hand data to `output`.

pub mod arguments;
pub mod catalog;
pub mod changes;
pub mod cli;
pub mod commands;
pub mod exit;
pub mod export;
pub mod findings;
pub mod limits;
pub mod model;
pub mod output;
pub mod rules;
pub mod schema;
pub mod span;
pub mod store;
pub mod suggest;
pub mod terms;

use clap::Parser;
use std::process::ExitCode;

/// Parses the command line and runs it; the binary's whole body.
pub fn run() -> ExitCode {
    if let Some(refusal) = arguments::hostile() {
        return exit::exit_code(Err(refusal));
    }
    // `COMPLETE=bash praxis` prints the shell's completion script, and the
    // shell then calls praxis with COMPLETE set to complete a word: member
    // ids, client ids, roles and capabilities from the practice file
    // (`cli::complete`). Without COMPLETE this returns at once.
    clap_complete::CompleteEnv::with_factory(<cli::Cli as clap::CommandFactory>::command)
        .complete();
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints help and version to stdout (exit 0) and usage
            // errors to stderr (exit 2); help that cannot be written is an
            // error like any other output (SPEC §8 Output).
            if let Err(failure) = commands::written(error.print()) {
                return exit::exit_code(Err(failure));
            }
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    exit::exit_code(commands::run(cli))
}
