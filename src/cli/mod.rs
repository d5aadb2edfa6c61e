//! The command line as clap types. Global options are accepted before or
//! after the subcommand (`global = true`) and shown under their own heading;
//! `--format` is each data command's own, with only the formats it prints
//! (a `--format` before the subcommand is checked when the command runs).

mod clients;
pub mod complete;
mod members;
mod queries;

pub use clients::*;
pub use members::*;
pub use queries::*;

use crate::arguments::free_text;
use crate::rules::text::FreeText;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "praxis",
    version,
    about = "A therapy practice's access control as code",
    long_about = "Keeps a therapy practice's staff, roles, supervision and chart access in one practice.toml, \
validates it, answers access questions and rewrites it safely.\n\n\
Exit codes: 0 success (access check: allowed), 1 denied / findings / refused change, 2 could not run."
)]
pub struct Cli {
    /// The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]
    #[arg(
        short = 'f',
        long = "file",
        global = true,
        help_heading = "Global options",
        value_name = "PATH"
    )]
    pub file: Option<PathBuf>,
    /// Output format, where the command prints data; each command's --help lists its own
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,
    /// The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]
    #[arg(
        long = "as",
        global = true,
        help_heading = "Global options",
        value_name = "MEMBER"
    )]
    #[arg(add = complete::member())]
    pub actor: Option<String>,
    /// Decide as of this date (YYYY-MM-DD) instead of today
    #[arg(long, global = true, help_heading = "Global options", value_name = "DATE", value_parser = parse_date)]
    pub at: Option<NaiveDate>,
    /// Quiet: no warnings on stderr and no change summaries; query results are still printed
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub quiet: bool,
    /// Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_cache: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// `--at` and `--until`: exactly `YYYY-MM-DD` (SPEC §8), else exit 2.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    crate::rules::dates::parse_day(text).map_err(|e| e.to_string())
}

/// `--format` as the command line spells it; `output::Format` is what the
/// renderers take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Human-readable (a table or text)
    #[value(alias = "text")]
    Table,
    Json,
    Csv,
    #[value(alias = "md")]
    Markdown,
    /// GitHub workflow annotations (validate)
    Github,
    /// SARIF 2.1.0 for code scanning (validate)
    Sarif,
    /// JUnit XML (test)
    Junit,
    /// A self-contained HTML page (review, matrix)
    Html,
}

/// The formats of a listing: `access`, `member`, `client` and `role`
/// `list|show`, `matrix`, `diff`, `review`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListingFormat {
    /// Human-readable (a table or text)
    #[value(alias = "text")]
    Table,
    Json,
    Csv,
    #[value(alias = "md")]
    Markdown,
}

/// The formats of `review` and `matrix`: a listing's, and an HTML page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Human-readable (a table or text)
    #[value(alias = "text")]
    Table,
    Json,
    Csv,
    #[value(alias = "md")]
    Markdown,
    /// One self-contained HTML page (inline CSS, nothing fetched) that prints cleanly to PDF
    Html,
}

/// The formats of `validate`: a listing's, and CI annotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    /// Compiler-style findings with the source line
    #[value(alias = "text")]
    Table,
    Json,
    Csv,
    #[value(alias = "md")]
    Markdown,
    /// GitHub workflow annotations
    Github,
    /// SARIF 2.1.0 for code scanning
    Sarif,
}

/// The formats of `test`: a listing's, and JUnit XML.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TestFormat {
    /// The failures with their explanations
    #[value(alias = "text")]
    Table,
    Json,
    Csv,
    #[value(alias = "md")]
    Markdown,
    /// JUnit XML for CI test reports
    Junit,
}

macro_rules! into_format {
    ($($from:ident: $($variant:ident)+;)+) => {$(
        impl From<$from> for crate::output::Format {
            fn from(format: $from) -> Self {
                match format {
                    $($from::$variant => crate::output::Format::$variant,)+
                }
            }
        }
    )+};
}

into_format! {
    FormatArg: Table Json Csv Markdown Github Sarif Junit Html;
    ReportFormat: Table Json Csv Markdown Html;
    ListingFormat: Table Json Csv Markdown;
    ValidateFormat: Table Json Csv Markdown Github Sarif;
    TestFormat: Table Json Csv Markdown Junit;
}

/// `--format` of a command that prints a listing.
#[derive(Args, Debug, Clone, Copy)]
pub struct ListingOutput {
    /// Output format [default: table]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ListingFormat>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new practice.toml with its owner as administrator
    #[command(
        after_help = "Writes ./practice.toml (or the file -f names); it never looks upwards, and \
refuses to overwrite a file.

Examples:
  praxis init --name \"Riverbend Counseling\" --owner nora --owner-name \"Nora Whitfield\"
  praxis init --name Riverbend --owner nora --owner-name Nora --dry-run"
    )]
    Init(InitArgs),
    /// Add, edit, remove and list staff members
    #[command(subcommand)]
    Member(MemberCommand),
    /// Grant, revoke and list roles
    #[command(subcommand)]
    Role(RoleCommand),
    /// Add or remove a supervisor
    #[command(subcommand)]
    Supervision(SupervisionCommand),
    /// Add clients and manage who may open their charts
    #[command(subcommand)]
    Client(ClientCommand),
    /// Ask who may do what
    #[command(subcommand)]
    Access(AccessCommand),
    /// The permissions matrix: roles or members × capabilities
    Matrix(MatrixArgs),
    /// Check practice.toml against every rule
    Validate(ValidateArgs),
    /// What changed in effective access between two versions
    Diff(DiffArgs),
    /// Run the practice's access assertions (practice.test.toml)
    Test(TestArgs),
    /// The periodic access review: who can read each chart and why
    Review(ReviewArgs),
    /// The access timeline from git: each commit that changed who can do what, and who approved it
    #[command(after_help = "Examples:
  praxis history
  praxis history --client C-1001 --since 2026-01-01
  praxis history --member dev --format csv > dev-access.csv
  praxis history --rev origin/main~50..origin/main --format markdown")]
    History(HistoryArgs),
    /// Compile the practice for a policy engine: OpenFGA, Cedar or Rego
    #[command(after_help = "Examples:
  praxis export --to openfga --out fga/
  praxis export --to openfga --check fga/
  praxis export --to openfga --base origin/main > changes.json
  praxis export --to cedar --out cedar/
  praxis export --to rego --out opa/")]
    Export(ExportArgs),
    /// What a finding code means, an example and the fix (`praxis explain P024`)
    #[command(after_help = "Examples:
  praxis explain P024
  praxis explain --all > docs/findings.md")]
    Explain(ExplainArgs),
    /// Print shell completions
    #[command(after_help = "Examples:
  praxis completions bash > ~/.local/share/bash-completion/completions/praxis
  praxis completions zsh > ~/.zfunc/_praxis")]
    Completions(CompletionsArgs),
    /// Print the JSON Schema of practice.toml, or of a command's JSON output
    #[command(after_help = "Examples:
  praxis schema > practice.schema.json
  praxis schema --output access-check")]
    Schema(SchemaArgs),
}

/// The engine `praxis export` compiles for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportTarget {
    /// OpenFGA: model.fga, model.json and tuples.json
    Openfga,
    /// Cedar: praxis.cedarschema, policies.cedar and entities.json
    Cedar,
    /// Rego (OPA, regorus): praxis.rego and data.json
    Rego,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The engine to compile for
    #[arg(long, value_enum)]
    pub to: ExportTarget,
    /// Write the export's files into this directory
    #[arg(long, value_name = "DIR")]
    pub out: Option<std::path::PathBuf>,
    /// Print the tuple writes and deletes from this older practice file to the current one
    #[arg(long, value_name = "OLD", conflicts_with_all = ["out", "check", "base"])]
    pub diff: Option<std::path::PathBuf>,
    /// Print the tuple writes and deletes from the practice file at this git revision
    #[arg(long, value_name = "GIT_REV", conflicts_with_all = ["out", "check"])]
    pub base: Option<String>,
    /// Exit 1 unless this directory holds exactly what the practice compiles to
    #[arg(long, value_name = "DIR", conflicts_with = "out")]
    pub check: Option<std::path::PathBuf>,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// The finding code, e.g. P024 (as `praxis validate` prints it)
    #[arg(required_unless_present = "all")]
    pub code: Option<String>,
    /// Every code, as markdown (the catalogue in docs/findings.md)
    #[arg(long, conflicts_with = "code")]
    pub all: bool,
}

#[derive(Args, Debug)]
pub struct SchemaArgs {
    /// The schema of this command's `--format json` output instead
    #[arg(long, value_name = "COMMAND", value_parser = clap::builder::PossibleValuesParser::new(
        crate::output::schemas::Output::ALL.map(|o| o.name())
    ))]
    pub output: Option<String>,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The practice's name
    #[arg(long, value_parser = free_text(FreeText::PracticeName))]
    pub name: String,
    /// The account owner's member id
    #[arg(long)]
    pub owner: String,
    /// The owner's display name
    #[arg(long, value_parser = free_text(FreeText::MemberName))]
    pub owner_name: String,
    /// The owner's email
    #[arg(long, value_parser = free_text(FreeText::Email))]
    pub owner_email: Option<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug, Clone, Copy)]
pub struct DryRun {
    /// Print the change as a unified diff and write nothing
    #[arg(long, global = false)]
    pub dry_run: bool,
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every argument and option says what it is, and every command that
    /// does something (not a group, not `help`) shows examples.
    #[test]
    fn help_describes_every_argument_and_shows_examples() {
        fn walk(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
            let path = format!("{path} {}", command.get_name());
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if matches!(id, "help" | "version") {
                    continue;
                }
                if arg.get_help().is_none() && arg.get_long_help().is_none() {
                    missing.push(format!("{path}: <{id}> has no help"));
                }
            }
            let leaf = command.get_subcommands().next().is_none();
            let exempt = ["help"];
            if leaf && !exempt.contains(&command.get_name()) && command.get_after_help().is_none() {
                missing.push(format!("{path}: no examples"));
            }
            for sub in command.get_subcommands() {
                walk(sub, &path, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "{missing:#?}");
    }
}
