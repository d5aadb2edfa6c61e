//! How `praxis review` is shown: terminal tables, the markdown report a
//! person signs, and the CSV of every route. Names and reasons from the
//! file are escaped for where they go.

use crate::output::{Table, escape};
use crate::rules::decide::Source;
use crate::rules::review::{ChartReader, ReaderRoute, Review, ReviewKind, ReviewRoute};

/// A route's particulars: the temporary entry's end and reason, the
/// supervisee, the all-scope grant's source.
pub fn detail(route: &ReviewRoute) -> String {
    match route {
        ReviewRoute::Temporary { until, reason } => format!("through {until}: {reason}"),
        ReviewRoute::Supervision { supervisee } => format!("supervises {supervisee}"),
        ReviewRoute::AllClients {
            source: Source::Role(role),
        } => format!("role {role}"),
        ReviewRoute::AllClients {
            source: Source::Member,
        } => "member grant".to_string(),
        _ => String::new(),
    }
}

/// The words a finding's kind is shown by: its JSON `kind`, written once
/// (as the serde names of [`ReviewKind`]).
pub fn kind_words(kind: ReviewKind) -> String {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::String(words)) => words,
        _ => format!("{kind:?}"),
    }
}

/// A route as words: its name and particulars (`supervision: supervises
/// june`).
pub fn route_words(route: &ReviewRoute) -> String {
    let detail = detail(route);
    match detail.is_empty() {
        true => route.name().to_string(),
        false => format!("{}: {detail}", route.name()),
    }
}

/// The capability groups a route gives, joined: `clinical notes, files`.
pub fn groups_words(route: &ReaderRoute) -> String {
    let words: Vec<&str> = route.capabilities.iter().map(|g| g.words()).collect();
    words.join(", ")
}

/// A reader in one cell: `kai (primary [clinical notes, files])`.
fn reader_words(reader: &ChartReader) -> String {
    let routes: Vec<String> = reader
        .routes
        .iter()
        .map(|route| format!("{} [{}]", route_words(&route.route), groups_words(route)))
        .collect();
    format!("{} ({})", reader.member, routes.join("; "))
}

/// The client column of the practice-wide rows in the CSV.
pub const EVERY_UNRESTRICTED: &str = "every unrestricted client";

/// One row per client, member and route, then one per reader of every
/// unrestricted chart: the CSV an auditor filters.
pub fn access_rows(report: &Review) -> Table {
    let mut table = Table::new(&[
        "client",
        "restricted",
        "member",
        "route",
        "detail",
        "capabilities",
    ]);
    let everywhere = report
        .every_chart
        .iter()
        .map(|reader| (EVERY_UNRESTRICTED, false, reader));
    let per_chart = report.charts.iter().flat_map(|chart| {
        chart
            .readers
            .iter()
            .map(move |reader| (chart.client.as_str(), chart.restricted, reader))
    });
    for (client, restricted, reader) in everywhere.chain(per_chart) {
        for route in &reader.routes {
            table.push(vec![
                client.to_string(),
                restricted.to_string(),
                reader.member.clone(),
                route.route.name().to_string(),
                detail(&route.route),
                groups_words(route),
            ]);
        }
    }
    table
}

/// The owner and the holders of `all` grants: one row per route.
pub fn every_chart_table(report: &Review) -> Table {
    let mut table = Table::new(&["member", "route", "capabilities"]);
    for reader in &report.every_chart {
        for route in &reader.routes {
            table.push(vec![
                reader.member.clone(),
                route_words(&route.route),
                groups_words(route),
            ]);
        }
    }
    table
}

/// The heading of [`every_chart_table`].
pub const EVERY_CHART_HEADING: &str = "Who holds capabilities on every unrestricted chart";

/// The heading of the per-chart readers.
pub const CHARTS_HEADING: &str = "Who reaches each client's chart through a relation to it";

fn chart_table(report: &Review) -> Table {
    let mut table = Table::new(&[
        "client",
        "restricted",
        "readers",
        "who reaches it (route [capabilities])",
    ]);
    for chart in &report.charts {
        let readers: Vec<String> = chart.readers.iter().map(reader_words).collect();
        table.push(vec![
            chart.client.clone(),
            if chart.restricted {
                "yes".into()
            } else {
                String::new()
            },
            chart.readers.len().to_string(),
            readers.join(", "),
        ]);
    }
    table
}

fn member_table(report: &Review) -> Table {
    let mut table = Table::new(&["member", "name", "charts", "routes"]);
    for member in &report.members {
        let routes: Vec<String> = member
            .routes
            .iter()
            .map(|(r, n)| format!("{r} {n}"))
            .collect();
        table.push(vec![
            member.member.clone(),
            member.name.clone(),
            member.clients.to_string(),
            routes.join(", "),
        ]);
    }
    table
}

fn findings_table(report: &Review) -> Table {
    let mut table = Table::new(&["finding", "detail", "action"]);
    for finding in &report.findings {
        table.push(vec![
            kind_words(finding.kind),
            finding.message.replace('`', ""),
            finding.action.replace('`', ""),
        ]);
    }
    table
}

pub fn totals(report: &Review) -> String {
    let readers: usize = report.charts.iter().map(|c| c.readers.len()).sum();
    format!(
        "{} client(s), {} active member(s), {} holder(s) on every unrestricted chart, {readers} member-chart access route(s), {} finding(s)",
        report.charts.len(),
        report.members.len(),
        report.every_chart.len(),
        report.findings.len()
    )
}

/// `--stale`: one row per member and chart unchanged for longer.
pub fn stale_table(report: &Review) -> Option<(String, Table)> {
    let stale = report.stale.as_ref()?;
    let mut table = Table::new(&["member", "client", "unchanged since", "days"]);
    for entry in &stale.access {
        table.push(vec![
            entry.member.clone(),
            entry.client.clone(),
            entry.since.to_string(),
            entry.days.to_string(),
        ]);
    }
    Some((
        format!("Chart access unchanged for over {} days", stale.days),
        table,
    ))
}

/// `--since`: the heading of the changes section.
pub fn changes_heading(report: &Review) -> Option<String> {
    let changes = report.changes.as_ref()?;
    Some(format!(
        "Changes to access since {} ({} commit(s))",
        changes.since,
        changes.events.len()
    ))
}

/// The sections only the file's git history gives, as markdown.
fn history_markdown(report: &Review) -> String {
    let mut out = String::new();
    if let Some((heading, table)) = stale_table(report) {
        out.push_str(&format!("## {heading}\n\n"));
        out.push_str(&match table.rows.is_empty() {
            true => "None.\n".to_string(),
            false => table.to_markdown(),
        });
        out.push('\n');
    }
    if let (Some(heading), Some(changes)) = (changes_heading(report), &report.changes) {
        out.push_str(&format!("## {heading}\n\n"));
        out.push_str(&match changes.events.is_empty() {
            true => "None.\n".to_string(),
            false => super::history::table(&changes.events).to_markdown(),
        });
        out.push('\n');
    }
    out
}

/// The same sections for the terminal.
fn history_text(report: &Review) -> String {
    let mut out = String::new();
    if let Some((heading, table)) = stale_table(report) {
        out.push_str(&format!("\n{heading}\n"));
        out.push_str(&match table.rows.is_empty() {
            true => "none\n".to_string(),
            false => table.to_text(),
        });
    }
    if let (Some(heading), Some(changes)) = (changes_heading(report), &report.changes) {
        out.push_str(&format!("\n{heading}\n"));
        out.push_str(&super::history::text(&changes.events));
    }
    out
}

pub fn markdown(report: &Review) -> String {
    let mut out = format!(
        "# Access review: {}\n\n",
        escape::markdown(&report.practice)
    );
    out.push_str(&format!(
        "Taken as of **{}**. {}.\n\n",
        report.date,
        totals(report)
    ));
    out.push_str("## Findings to act on\n\n");
    if report.findings.is_empty() {
        out.push_str("None.\n\n");
    } else {
        out.push_str(&findings_table(report).to_markdown());
        out.push('\n');
    }
    out.push_str(&format!("## {EVERY_CHART_HEADING}\n\n"));
    out.push_str(&match report.every_chart.is_empty() {
        true => "None.\n".to_string(),
        false => every_chart_table(report).to_markdown(),
    });
    out.push_str(&format!("\n## {CHARTS_HEADING}\n\n"));
    out.push_str(&chart_table(report).to_markdown());
    out.push_str("\n## Access per member\n\n");
    out.push_str(&member_table(report).to_markdown());
    out.push('\n');
    out.push_str(&history_markdown(report));
    out.push_str("---\n\nReviewed by: ______________________  Date: ____________\n");
    out
}

/// The terminal report in sections, each made when it is asked for: the
/// chart table of a large practice is tens of megabytes (comfy-table pads
/// every row to the widest), so the command writes each section before
/// the next is made rather than holding the report whole.
pub fn terminal(report: &Review) -> impl Iterator<Item = String> + '_ {
    (0..7).map(move |section| match section {
        0 => format!(
            "Access review: {} as of {}\n{}\n\n",
            escape::text(&report.practice),
            report.date,
            totals(report)
        ),
        1 if report.findings.is_empty() => String::new(),
        1 => format!("Findings to act on\n{}\n", findings_table(report).to_text()),
        2 => format!(
            "{EVERY_CHART_HEADING}\n{}",
            match report.every_chart.is_empty() {
                true => "none\n".to_string(),
                false => every_chart_table(report).to_text(),
            }
        ),
        3 => format!("\n{CHARTS_HEADING}\n"),
        // Apart from its heading: joining them would copy the table.
        4 => chart_table(report).to_text(),
        5 => format!("\nAccess per member\n{}", member_table(report).to_text()),
        _ => history_text(report),
    })
}

/// `review --expiring`: one row per entry, expired first.
pub fn expiring_table(entries: &[crate::rules::expiring::Expiring]) -> Table {
    let mut table = Table::new(&["client", "member", "until", "status", "reason"]);
    for entry in entries {
        let status = match entry.days_left {
            d if d < 0 => format!("expired {} day(s) ago: remove it", -d),
            0 => "ends today".to_string(),
            d => format!("ends in {d} day(s)"),
        };
        table.push(vec![
            entry.client.clone(),
            entry.member.clone(),
            entry.until.to_string(),
            status,
            entry.reason.clone(),
        ]);
    }
    table
}
