//! The command line as clap types. Global options are accepted before or
//! after the subcommand (`global = true`) and shown under their own heading;
//! `--format` is each data command's own, with only the formats it prints
//! (a `--format` before the subcommand is checked when the command runs).

use crate::arguments::{free_text, github_login};
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
    /// The acting member for a change [default: $PRAXIS_ACTOR]
    #[arg(
        long = "as",
        global = true,
        help_heading = "Global options",
        value_name = "MEMBER"
    )]
    pub actor: Option<String>,
    /// Decide as of this date (YYYY-MM-DD) instead of today
    #[arg(long, global = true, help_heading = "Global options", value_name = "DATE", value_parser = parse_date)]
    pub at: Option<NaiveDate>,
    /// Print no talk on stderr (data on stdout is unaffected)
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

/// A field `member edit --clear` removes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ClearField {
    #[value(name = "legal_name")]
    LegalName,
    Email,
    Github,
    Npi,
    Taxonomy,
    Cosign,
    #[value(name = "bill_as_supervisor")]
    BillAsSupervisor,
}

impl From<ClearField> for crate::rules::permission::MemberField {
    fn from(field: ClearField) -> Self {
        use crate::rules::permission::MemberField;
        match field {
            ClearField::LegalName => MemberField::LegalName,
            ClearField::Email => MemberField::Email,
            ClearField::Github => MemberField::Github,
            ClearField::Npi => MemberField::Npi,
            ClearField::Taxonomy => MemberField::Taxonomy,
            ClearField::Cosign => MemberField::Cosign,
            ClearField::BillAsSupervisor => MemberField::BillAsSupervisor,
        }
    }
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
    FormatArg: Table Json Csv Markdown Github Sarif Junit;
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
    /// Print shell completions
    Completions(CompletionsArgs),
    /// Print the JSON Schema of practice.toml, or of a command's JSON output
    Schema(SchemaArgs),
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

#[derive(Subcommand, Debug)]
pub enum MemberCommand {
    /// Add a member
    Add(MemberAddArgs),
    /// Change a member's fields
    Edit(MemberEditArgs),
    /// Deactivate a member (kept for history), reassigning clients and supervisees
    Remove(MemberRemoveArgs),
    /// List members
    List(MemberListArgs),
    /// Show one member
    Show(MemberShowArgs),
}

#[derive(Args, Debug)]
pub struct MemberAddArgs {
    pub id: String,
    #[arg(long, value_parser = free_text(FreeText::MemberName))]
    pub name: String,
    #[arg(long, value_parser = free_text(FreeText::LegalName))]
    pub legal_name: Option<String>,
    #[arg(long, value_parser = free_text(FreeText::Email))]
    pub email: Option<String>,
    /// The member's GitHub login: `diff --as @LOGIN` judges their pull requests as them
    #[arg(long, value_name = "LOGIN", value_parser = github_login())]
    pub github: Option<String>,
    #[arg(long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,
    #[arg(long = "supervisor", value_name = "MEMBER")]
    pub supervisors: Vec<String>,
    #[arg(long)]
    pub npi: Option<String>,
    #[arg(long)]
    pub taxonomy: Option<String>,
    /// Documents that need a supervisor's co-signature
    #[arg(long, value_delimiter = ',', value_name = "DOCS")]
    pub cosign: Vec<String>,
    /// Bills under a supervisor's NPI
    #[arg(long)]
    pub bill_as_supervisor: bool,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct MemberEditArgs {
    pub id: String,
    #[arg(long, value_parser = free_text(FreeText::MemberName))]
    pub name: Option<String>,
    #[arg(long, value_parser = free_text(FreeText::LegalName))]
    pub legal_name: Option<String>,
    #[arg(long, value_parser = free_text(FreeText::Email))]
    pub email: Option<String>,
    /// The member's GitHub login: `diff --as @LOGIN` judges their pull requests as them
    #[arg(long, value_name = "LOGIN", value_parser = github_login())]
    pub github: Option<String>,
    #[arg(long)]
    pub npi: Option<String>,
    #[arg(long)]
    pub taxonomy: Option<String>,
    /// Documents that need a supervisor's co-signature (empty to clear)
    #[arg(long, value_delimiter = ',', value_name = "DOCS", num_args = 0..=1)]
    pub cosign: Option<Vec<String>>,
    #[arg(long, value_name = "true|false")]
    pub bill_as_supervisor: Option<bool>,
    #[arg(long, value_name = "true|false")]
    pub active: Option<bool>,
    /// Remove an optional field
    #[arg(long = "clear", value_name = "FIELD")]
    pub clear: Vec<ClearField>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct MemberRemoveArgs {
    pub id: String,
    #[arg(long, value_name = "MEMBER")]
    pub reassign_clients_to: Option<String>,
    #[arg(long, value_name = "MEMBER")]
    pub reassign_supervisees_to: Option<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct MemberListArgs {
    /// Only members holding this role
    #[arg(long)]
    pub role: Option<String>,
    /// Only members whose id, name, legal name or email contains TEXT
    #[arg(long)]
    pub search: Option<String>,
    /// Include inactive members
    #[arg(long)]
    pub inactive: bool,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Args, Debug)]
pub struct MemberShowArgs {
    pub id: String,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Args, Debug)]
pub struct RoleListArgs {
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Subcommand, Debug)]
pub enum RoleCommand {
    /// Grant roles to a member
    Grant(RoleGrantArgs),
    /// Revoke roles from a member
    Revoke(RoleRevokeArgs),
    /// List roles
    List(RoleListArgs),
    /// Show a role's grants
    Show(RoleShowArgs),
}

#[derive(Args, Debug)]
pub struct RoleGrantArgs {
    pub member: String,
    #[arg(required = true)]
    pub roles: Vec<String>,
    /// Roles to take away in the same change (intern → clinician)
    #[arg(long = "replace", value_name = "OLD")]
    pub replace: Vec<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct RoleRevokeArgs {
    pub member: String,
    #[arg(required = true)]
    pub roles: Vec<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct RoleShowArgs {
    pub role: String,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Subcommand, Debug)]
pub enum SupervisionCommand {
    /// Add a supervisor to a member
    Add(SupervisionAddArgs),
    /// Remove a supervisor from a member
    Remove(SupervisionRemoveArgs),
}

#[derive(Args, Debug)]
pub struct SupervisionAddArgs {
    pub supervisee: String,
    #[arg(long = "by", value_name = "SUPERVISOR")]
    pub by: String,
    /// Documents that need the supervisor's co-signature
    #[arg(long, value_delimiter = ',', value_name = "DOCS")]
    pub cosign: Vec<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct SupervisionRemoveArgs {
    pub supervisee: String,
    #[arg(long = "by", value_name = "SUPERVISOR")]
    pub by: String,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Subcommand, Debug)]
pub enum ClientCommand {
    /// Add a client
    Add(ClientAddArgs),
    /// Change a client's primary clinician
    Assign(ClientAssignArgs),
    /// Give a member clinical (or, with --administrative, administrative) access
    Grant(ClientGrantArgs),
    /// Take a member's access away
    Revoke(ClientRevokeArgs),
    /// Turn restricted access on (or off with --off)
    Restrict(ClientRestrictArgs),
    /// Delete the client's entry (git keeps its history)
    Remove(ClientRemoveArgs),
    /// List clients
    List(ClientListArgs),
    /// Show one client
    Show(ClientShowArgs),
}

#[derive(Args, Debug)]
pub struct ClientAddArgs {
    pub id: String,
    #[arg(long)]
    pub primary: String,
    #[arg(long = "clinician", value_name = "MEMBER")]
    pub clinicians: Vec<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct ClientAssignArgs {
    pub id: String,
    #[arg(long)]
    pub primary: String,
    /// Keep the previous primary as a clinician
    #[arg(long)]
    pub keep_previous: bool,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct ClientGrantArgs {
    pub id: String,
    pub member: String,
    /// Temporary access through this date (needs --reason)
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub until: Option<NaiveDate>,
    /// Why temporary access is needed
    #[arg(long, value_name = "TEXT", value_parser = free_text(FreeText::Reason))]
    pub reason: Option<String>,
    /// Administrative access to a restricted client
    #[arg(long, conflicts_with_all = ["until", "reason"])]
    pub administrative: bool,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct ClientRevokeArgs {
    pub id: String,
    pub member: String,
    /// Revoke administrative access (also takes clinical access)
    #[arg(long)]
    pub administrative: bool,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct ClientRestrictArgs {
    pub id: String,
    /// Lift the restriction (also clears the administrative list)
    #[arg(long)]
    pub off: bool,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct ClientRemoveArgs {
    pub id: String,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct ClientListArgs {
    /// Only clients this member is on (primary, clinician, temporary, administrative)
    #[arg(long)]
    pub member: Option<String>,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Args, Debug)]
pub struct ClientShowArgs {
    pub id: String,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Subcommand, Debug)]
pub enum AccessCommand {
    /// May MEMBER use CAPABILITY? Exit 0 allow, 1 deny, 2 error
    Check(AccessCheckArgs),
    /// Every member allowed a capability, with the route
    Who(AccessWhoArgs),
    /// Every capability a member holds, and where
    List(AccessListArgs),
}

#[derive(Args, Debug)]
pub struct AccessCheckArgs {
    #[arg(required_unless_present = "batch")]
    pub member: Option<String>,
    #[arg(required_unless_present = "batch")]
    pub capability: Option<String>,
    #[arg(long)]
    pub client: Option<String>,
    /// The author of the document (for `own` grants)
    #[arg(long)]
    pub author: Option<String>,
    /// Print the reasons
    #[arg(long)]
    pub explain: bool,
    /// Read JSON Lines requests from stdin
    #[arg(long, conflicts_with_all = ["member", "capability", "client", "author", "explain"])]
    pub batch: bool,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Args, Debug)]
pub struct AccessWhoArgs {
    pub capability: String,
    #[arg(long)]
    pub client: Option<String>,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Args, Debug)]
pub struct AccessListArgs {
    pub member: String,
    #[arg(long)]
    pub client: Option<String>,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MatrixBy {
    Role,
    Member,
}

#[derive(Args, Debug)]
pub struct MatrixArgs {
    #[arg(long, value_enum)]
    pub by: Option<MatrixBy>,
    /// Members × client capabilities for this client, each cell allow or deny
    #[arg(long)]
    pub client: Option<String>,
    /// Include inactive members
    #[arg(long)]
    pub inactive: bool,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
    /// Output format [default: table]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ValidateFormat>,
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The old version (a file), or with --base the path in the repository
    pub old: Option<PathBuf>,
    /// The new version
    pub new: Option<PathBuf>,
    /// Compare the practice file against this git revision
    #[arg(long, value_name = "GIT_REV")]
    pub base: Option<String>,
    /// Exit 1 when anyone gains clinical access
    #[arg(long)]
    pub fail_on_gain: bool,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Args, Debug)]
pub struct TestArgs {
    /// The assertions [default: practice.test.toml beside the practice file]
    #[arg(value_name = "FILE")]
    pub tests: Option<PathBuf>,
    /// Output format [default: table]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<TestFormat>,
}

#[derive(Args, Debug)]
pub struct ReviewArgs {
    #[arg(long)]
    pub member: Option<String>,
    #[arg(long)]
    pub client: Option<String>,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}
