//! `client`: the clients and who may open their charts.

use super::{DryRun, ListingOutput, parse_date};
use crate::arguments::free_text;
use crate::rules::text::FreeText;
use chrono::NaiveDate;
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum ClientCommand {
    /// Add a client
    #[command(after_help = "Examples:
  praxis client add C-1013 --primary bob --as nora
  praxis client add C-1014 --primary carol --clinician dev --as nora")]
    Add(ClientAddArgs),
    /// Change a client's primary clinician
    #[command(after_help = "Examples:
  praxis client assign C-1003 --primary bob --as nora
  praxis client assign C-1003 --primary bob --keep-previous --as nora")]
    Assign(ClientAssignArgs),
    /// Give a member clinical (or, with --administrative, administrative) access
    #[command(after_help = "Examples:
  praxis client grant C-1001 dev --as nora
  praxis client grant C-1001 dev --until 2026-12-31 --reason \"Covering while bob is on leave\" --as nora
  praxis client grant C-1010 priya --administrative --as nora")]
    Grant(ClientGrantArgs),
    /// Take a member's access away (a member may always take themselves off)
    #[command(after_help = "Examples:
  praxis client revoke C-1002 dev --as nora
  praxis client revoke C-1010 ben --administrative --as nora")]
    Revoke(ClientRevokeArgs),
    /// Turn restricted access on (or off with --off)
    #[command(after_help = "Examples:
  praxis client restrict C-1001 --as nora
  praxis client restrict C-1001 --off --as nora")]
    Restrict(ClientRestrictArgs),
    /// Delete the client's entry (git keeps its history)
    #[command(after_help = "Examples:
  praxis client remove C-1009 --as nora")]
    Remove(ClientRemoveArgs),
    /// List clients
    #[command(after_help = "Examples:
  praxis client list
  praxis client list --member dev --format csv")]
    List(ClientListArgs),
    /// Show one client
    #[command(after_help = "Examples:
  praxis client show C-1005
  praxis client show C-1005 --format json")]
    Show(ClientShowArgs),
}

#[derive(Args, Debug)]
pub struct ClientAddArgs {
    /// The client's id (the EHR's client id; no names)
    pub id: String,
    /// The primary clinician
    #[arg(long, value_name = "MEMBER")]
    pub primary: String,
    /// Another clinician with clinical access (repeat for several)
    #[arg(long = "clinician", value_name = "MEMBER")]
    pub clinicians: Vec<String>,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct ClientAssignArgs {
    /// The client
    pub id: String,
    /// The new primary clinician
    #[arg(long, value_name = "MEMBER")]
    pub primary: String,
    /// Keep the previous primary as a clinician
    #[arg(long)]
    pub keep_previous: bool,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct ClientGrantArgs {
    /// The client (first: `client grant C-1001 dev`)
    pub id: String,
    /// The member to give access
    pub member: String,
    /// Temporary access through this date, the last day it holds (needs --reason)
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
    /// The client
    pub id: String,
    /// The member whose access to take away
    pub member: String,
    /// Revoke administrative access (also takes clinical access)
    #[arg(long)]
    pub administrative: bool,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct ClientRestrictArgs {
    /// The client
    pub id: String,
    /// Lift the restriction (also clears the administrative list)
    #[arg(long)]
    pub off: bool,
    #[command(flatten)]
    pub dry_run: DryRun,
}

#[derive(Args, Debug)]
pub struct ClientRemoveArgs {
    /// The client
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
    /// The client
    pub id: String,
    #[command(flatten)]
    pub output: ListingOutput,
}
