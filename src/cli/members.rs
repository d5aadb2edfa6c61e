//! `member`, `role` and `supervision`: the staff directory and changes to it.

use super::{DryRun, ListingOutput};
use crate::arguments::{free_text, github_login};
use crate::rules::text::FreeText;
use clap::{Args, Subcommand, ValueEnum};

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

#[derive(Subcommand, Debug)]
pub enum MemberCommand {
    /// Add a member
    #[command(after_help = "Examples:
  praxis member add carol --name \"Carol Diaz\" --role clinician --as nora
  praxis member add ian --name \"Ian Roe\" --role intern --supervisor bob --as nora
  praxis member add zoe --name Zoe --role biller --email zoe@example.org --dry-run --as nora")]
    Add(MemberAddArgs),
    /// Change a member's fields
    #[command(after_help = "Examples:
  praxis member edit bob --email bob@example.org --as nora
  praxis member edit bob --npi 1234567893 --taxonomy 101YM0800X --as nora
  praxis member edit bob --clear legal_name --as nora
  praxis member edit sara --active false --as nora")]
    Edit(MemberEditArgs),
    /// Deactivate a member (kept for history), reassigning clients and supervisees
    #[command(after_help = "Examples:
  praxis member remove dev --reassign-clients-to bob --as nora
  praxis member remove bob --reassign-clients-to carol --reassign-supervisees-to carol --as nora")]
    Remove(MemberRemoveArgs),
    /// List members
    #[command(after_help = "Examples:
  praxis member list
  praxis member list --role supervisor --format csv
  praxis member list --search moreno --inactive")]
    List(MemberListArgs),
    /// Show one member: their fields, supervisees and the charts they are on
    #[command(after_help = "Examples:
  praxis member show bob
  praxis member show bob --format json")]
    Show(MemberShowArgs),
}

#[derive(Args, Debug)]
pub struct MemberAddArgs {
    /// The new member's id (letters, digits, `.`, `_`, `-`)
    pub id: String,
    /// Display name
    #[arg(long, value_parser = free_text(FreeText::MemberName))]
    pub name: String,
    /// Name on claims, if it differs
    #[arg(long, value_parser = free_text(FreeText::LegalName))]
    pub legal_name: Option<String>,
    /// Email address, unique across members (no shared logins)
    #[arg(long, value_parser = free_text(FreeText::Email))]
    pub email: Option<String>,
    /// The member's GitHub login: `diff --as @LOGIN` judges their pull requests as them
    #[arg(long, value_name = "LOGIN", value_parser = github_login())]
    pub github: Option<String>,
    /// A role to hold (repeat for several); `praxis role list` shows them
    #[arg(long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,
    /// A member who supervises them (repeat for several)
    #[arg(long = "supervisor", value_name = "MEMBER")]
    pub supervisors: Vec<String>,
    /// 10-digit National Provider Identifier
    #[arg(long)]
    pub npi: Option<String>,
    /// Provider taxonomy code (10 characters ending in X)
    #[arg(long)]
    pub taxonomy: Option<String>,
    /// Documents that need a supervisor's co-signature (progress-notes,treatment-plans)
    #[arg(long, value_delimiter = ',', value_name = "DOCS")]
    pub cosign: Vec<String>,
    /// Bills under a supervisor's NPI (every intern does)
    #[arg(long)]
    pub bill_as_supervisor: bool,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct MemberEditArgs {
    /// The member to change
    pub id: String,
    /// New display name
    #[arg(long, value_parser = free_text(FreeText::MemberName))]
    pub name: Option<String>,
    /// New name on claims
    #[arg(long, value_parser = free_text(FreeText::LegalName))]
    pub legal_name: Option<String>,
    /// New email address
    #[arg(long, value_parser = free_text(FreeText::Email))]
    pub email: Option<String>,
    /// The member's GitHub login: `diff --as @LOGIN` judges their pull requests as them
    #[arg(long, value_name = "LOGIN", value_parser = github_login())]
    pub github: Option<String>,
    /// New National Provider Identifier (needs members.credentials)
    #[arg(long)]
    pub npi: Option<String>,
    /// New provider taxonomy code (needs members.credentials)
    #[arg(long)]
    pub taxonomy: Option<String>,
    /// Documents that need a supervisor's co-signature (empty to clear)
    #[arg(long, value_delimiter = ',', value_name = "DOCS", num_args = 0..=1)]
    pub cosign: Option<Vec<String>>,
    /// Whether they bill under a supervisor's NPI
    #[arg(long, value_name = "true|false")]
    pub bill_as_supervisor: Option<bool>,
    /// false: kept for history, holds no access
    #[arg(long, value_name = "true|false")]
    pub active: Option<bool>,
    /// Remove an optional field (repeat for several)
    #[arg(long = "clear", value_name = "FIELD")]
    pub clear: Vec<ClearField>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct MemberRemoveArgs {
    /// The member to deactivate
    pub id: String,
    /// The new primary clinician of the clients they are primary for
    #[arg(long, value_name = "MEMBER")]
    pub reassign_clients_to: Option<String>,
    /// The new supervisor of the members they supervise
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
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Include inactive members
    #[arg(long)]
    pub inactive: bool,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Args, Debug)]
pub struct MemberShowArgs {
    /// The member to show
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
    #[command(after_help = "Examples:
  praxis role grant sara biller --as nora
  praxis role grant ian clinician --replace intern --as nora")]
    Grant(RoleGrantArgs),
    /// Revoke roles from a member
    #[command(after_help = "Examples:
  praxis role revoke sara biller --as nora")]
    Revoke(RoleRevokeArgs),
    /// List roles: built-in, custom, and who holds each
    #[command(after_help = "Examples:
  praxis role list
  praxis role list --format json")]
    List(RoleListArgs),
    /// Show a role's grants and the capabilities they cover
    #[command(after_help = "Examples:
  praxis role show clinician
  praxis role show supervisor --format markdown")]
    Show(RoleShowArgs),
}

#[derive(Args, Debug)]
pub struct RoleGrantArgs {
    /// The member to grant roles to
    pub member: String,
    /// The roles to grant
    #[arg(required = true, value_name = "ROLE")]
    pub roles: Vec<String>,
    /// Roles to take away in the same change (intern → clinician)
    #[arg(long = "replace", value_name = "OLD")]
    pub replace: Vec<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct RoleRevokeArgs {
    /// The member to revoke roles from
    pub member: String,
    /// The roles to revoke
    #[arg(required = true, value_name = "ROLE")]
    pub roles: Vec<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct RoleShowArgs {
    /// The role to show
    pub role: String,
    #[command(flatten)]
    pub output: ListingOutput,
}

#[derive(Subcommand, Debug)]
pub enum SupervisionCommand {
    /// Add a supervisor to a member
    #[command(after_help = "Examples:
  praxis supervision add ian --by bob --as nora
  praxis supervision add ian --by bob --cosign progress-notes,treatment-plans --as nora")]
    Add(SupervisionAddArgs),
    /// Remove a supervisor from a member
    #[command(after_help = "Examples:
  praxis supervision remove ian --by bob --as nora")]
    Remove(SupervisionRemoveArgs),
}

#[derive(Args, Debug)]
pub struct SupervisionAddArgs {
    /// The member being supervised
    pub supervisee: String,
    /// The supervising member
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
    /// The member being supervised
    pub supervisee: String,
    /// The supervisor to remove
    #[arg(long = "by", value_name = "SUPERVISOR")]
    pub by: String,
    #[command(flatten)]
    pub dry_run: DryRun,
}
