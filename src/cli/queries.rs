//! The questions: `access`, `matrix`, `validate`, `diff`, `test`, `review`.

use super::complete;
use super::{ListingOutput, ReportFormat, TestFormat, ValidateFormat};
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum AccessCommand {
    /// May MEMBER use CAPABILITY? Exit 0 allow, 1 deny, 2 error
    #[command(after_help = "Examples:
  praxis access check bob clinical.view --client C-1001
  praxis access check sara clinical.view --client C-1001 --explain
  praxis --as sara access check clinical.view --client C-1001
  praxis access check bob clinical.view --client C-1001 --at 2027-09-01 --format json
  echo '{\"member\":\"bob\",\"capability\":\"clinical.view\",\"client\":\"C-1001\"}' | praxis access check --batch")]
    Check(AccessCheckArgs),
    /// Every member allowed a capability, with the route
    #[command(after_help = "Examples:
  praxis access who clinical.view --client C-1001
  praxis access who billing.submit --format csv")]
    Who(AccessWhoArgs),
    /// Every capability a member holds, and where
    #[command(after_help = "Examples:
  praxis access list dev
  praxis access list dev --client C-1005 --format json")]
    List(AccessListArgs),
}

#[derive(Args, Debug)]
pub struct AccessCheckArgs {
    /// The member asking (or give it as `--as MEMBER` and name only the capability)
    #[arg(add = complete::member())]
    pub member: Option<String>,
    /// The capability, e.g. clinical.view (`praxis role show ROLE` lists them)
    #[arg(add = complete::capability())]
    pub capability: Option<String>,
    /// The client, for a client capability
    #[arg(add = complete::client(), long)]
    pub client: Option<String>,
    /// The author of the document (for `own` grants)
    #[arg(add = complete::member(), long, value_name = "MEMBER")]
    pub author: Option<String>,
    /// Print the reasons
    #[arg(long)]
    pub explain: bool,
    /// Read requests from stdin, one per line, answer each as a JSON line
    #[arg(long, conflicts_with_all = ["member", "capability", "client", "author", "explain"])]
    pub batch: bool,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Args, Debug)]
pub struct AccessWhoArgs {
    /// The capability, e.g. clinical.view
    #[arg(add = complete::capability())]
    pub capability: String,
    /// The client, for a client capability
    #[arg(add = complete::client(), long)]
    pub client: Option<String>,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Args, Debug)]
pub struct AccessListArgs {
    /// The member
    #[arg(add = complete::member())]
    pub member: String,
    /// Only this client
    #[arg(add = complete::client(), long)]
    pub client: Option<String>,
    #[command(flatten)]
    pub output: ListingOutput,
}

/// What `matrix` lists down the side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MatrixBy {
    /// One row per role: what each role grants, on which scope
    Role,
    /// One row per member: what each member holds through all their roles
    Member,
}

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  praxis matrix
  praxis matrix --by member --format csv
  praxis matrix --client C-1001")]
pub struct MatrixArgs {
    /// Rows per role or per member [default: role; member with --client]
    #[arg(long, value_enum)]
    pub by: Option<MatrixBy>,
    /// Members × client capabilities for this client, each cell allow or deny
    #[arg(add = complete::client(), long)]
    pub client: Option<String>,
    /// Include inactive members
    #[arg(long)]
    pub inactive: bool,
    /// Output format [default: table]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ReportFormat>,
}

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  praxis validate
  praxis validate --strict --format github
  praxis validate --format sarif > praxis.sarif")]
pub struct ValidateArgs {
    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
    /// Output format [default: table]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ValidateFormat>,
}

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  praxis diff old.toml practice.toml
  praxis diff --base origin/main --format markdown
  praxis diff --base origin/main --as @alice-m --fail-on-gain")]
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
#[command(after_help = "Examples:
  praxis test
  praxis test checks/access.toml
  praxis test --format junit > praxis-junit.xml
  praxis test --update && git diff practice.test.toml

The file holds [[expect]] tables (member, capability, client, author, at, decision),
[[who]] tables (capability, client, at, members) and [[list]] tables
(member, client, at, capabilities).")]
pub struct TestArgs {
    /// The assertions [default: practice.test.toml beside the practice file]
    #[arg(value_name = "FILE")]
    pub tests: Option<PathBuf>,
    /// Output format [default: table]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<TestFormat>,
    /// Write today's answers into the file: each decision, `[[who]]`'s members, `[[list]]`'s capabilities
    #[arg(long)]
    pub update: bool,
}

#[derive(Args, Debug)]
pub struct HistoryArgs {
    /// Only changes to this client's access
    #[arg(long, add = complete::client())]
    pub client: Option<String>,
    /// Only changes to this member's access
    #[arg(long, add = complete::member())]
    pub member: Option<String>,
    /// Only gains and losses of this capability
    #[arg(long, value_name = "CAP", add = complete::capability())]
    pub capability: Option<String>,
    /// Only commits from this day on (YYYY-MM-DD): those on the first-parent line from the first one dated this day or later
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub since: Option<chrono::NaiveDate>,
    /// Only commits up to this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub until: Option<chrono::NaiveDate>,
    /// The branch or range to read, as git takes them (`main`, `v1..v2`), along its first-parent line: a merged pull request is one entry [default: HEAD]
    #[arg(long, value_name = "RANGE")]
    pub rev: Option<String>,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  praxis review
  praxis review --format markdown > review-2026-Q4.md
  praxis review --client C-1011
  praxis review --expiring 14d          # a weekly cron mail: coverage ending soon, expired entries
  praxis review --stale 365d            # chart access nobody has touched in a year (from git)
  praxis review --since 2026-09-01 --format html > review.html   # with the changes since the last review")]
pub struct ReviewArgs {
    /// Only this member's access (and the findings about them)
    #[arg(add = complete::member(), long)]
    pub member: Option<String>,
    /// Only this client's chart (and the findings about it)
    #[arg(add = complete::client(), long)]
    pub client: Option<String>,
    /// Instead: temporary access ending within this many days (14d, 2w) and expired entries still in the file
    #[arg(long, value_name = "DAYS", value_parser = parse_days)]
    pub expiring: Option<i64>,
    /// Also flag chart access unchanged for longer than this many days (365d, 52w), from the file's git history
    #[arg(long, value_name = "DAYS", value_parser = parse_days, conflicts_with = "expiring")]
    pub stale: Option<i64>,
    /// Also list the commits that changed access since this day (the last review's date), from the file's git history
    #[arg(long, value_name = "DATE", value_parser = super::parse_date, conflicts_with = "expiring")]
    pub since: Option<chrono::NaiveDate>,
    /// Output format [default: table]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ReportFormat>,
}

/// `14d`, `2w` or `14`: a number of days.
fn parse_days(text: &str) -> Result<i64, String> {
    let (number, unit) = match text.strip_suffix('w') {
        Some(weeks) => (weeks, 7),
        None => (text.strip_suffix('d').unwrap_or(text), 1),
    };
    number
        .parse::<i64>()
        .ok()
        .filter(|n| (0..=3650).contains(n))
        .map(|n| n * unit)
        .ok_or_else(|| format!("`{text}` is not a number of days (14d, 2w, 30)"))
}
