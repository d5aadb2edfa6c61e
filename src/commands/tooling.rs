//! `praxis completions` and `praxis schema`: generated files for shells and
//! editors. `completions/` and `schema/` hold committed copies; tests fail
//! when they drift from what these commands print.

use super::emit;
use crate::cli::{Cli, CompletionsArgs};
use crate::exit::{Exit, Failure};

pub fn completions(args: CompletionsArgs) -> Result<Exit, Failure> {
    emit(&completion_script(args.shell))?;
    Ok(Exit::Success)
}

pub fn completion_script(shell: clap_complete::Shell) -> String {
    use clap::CommandFactory;
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "praxis", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

pub fn schema(args: crate::cli::SchemaArgs) -> Result<Exit, Failure> {
    use crate::output::schemas::Output;
    let schema = match args.output.as_deref() {
        None => crate::schema::practice_schema(),
        Some(name) => Output::named(name)
            .ok_or_else(|| Failure::Usage(format!("no JSON output named `{name}`")))?
            .schema(),
    };
    emit(&crate::output::json(&schema))?;
    Ok(Exit::Success)
}

/// `praxis explain CODE`, or `--all` for the catalogue.
pub fn explain(args: crate::cli::ExplainArgs) -> Result<Exit, Failure> {
    use crate::findings::{Code, catalog};
    let Some(name) = args.code.as_deref().filter(|_| !args.all) else {
        emit(&crate::output::codes::catalogue())?;
        return Ok(Exit::Success);
    };
    let code = catalog::code_named(name).ok_or_else(|| {
        Failure::Usage(format!(
            "no finding code `{name}`{}; `praxis explain --all` lists them",
            crate::suggest::trailing(name, Code::ALL.iter().map(|c| c.as_str()))
        ))
    })?;
    emit(&crate::output::codes::explain(code))?;
    Ok(Exit::Success)
}
