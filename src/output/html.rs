//! Self-contained HTML pages a person reads and signs: the access review
//! (`review --format html`) and the permissions heatmap (`matrix --format
//! html`). One file each, inline CSS, no script and nothing fetched from
//! the network; a print stylesheet so "print to PDF" gives a clean report.
//! Every name and reason from the file is HTML-escaped.

use super::Table;
use super::escape::xml as esc;
use super::matrix::{Cell, Grid};
use super::review::kind_words;
use crate::model::Scope;
use crate::rules::review::{ReaderRoute, Review, ReviewRoute};

const STYLE: &str = "
body { font: 14px/1.45 system-ui, sans-serif; color: #1b1f24; margin: 2em auto; max-width: 70em; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.2em; margin-top: 1.8em; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; }
th, td { border: 1px solid #d0d7de; padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
.totals { color: #57606a; }
.note { color: #57606a; font-size: .9em; }
.sign { margin-top: 3em; display: flex; gap: 3em; }
.sign div { flex: 1; border-top: 1px solid #1b1f24; padding-top: .3em; }
td.cell { text-align: center; font-size: .85em; white-space: nowrap; }
.all { background: #f4a261; } .assigned { background: #8ecae6; } .supervisees { background: #b5e48c; }
.own { background: #e9c46a; } .practice { background: #cdb4db; } .several { background: #ffb4a2; }
.allow { background: #b5e48c; } .deny { background: #f1f3f5; color: #868e96; }
.legend span { display: inline-block; padding: .1em .6em; margin-right: .4em; border: 1px solid #d0d7de; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        esc(title)
    )
}

fn route_text(route: &ReviewRoute) -> String {
    match route {
        ReviewRoute::Temporary { until, reason } => format!("temporary through {until}: {reason}"),
        ReviewRoute::Supervision { supervisee } => format!("supervises {supervisee}"),
        other => super::review::route_words(other),
    }
}

/// A route and the capability groups it gives: `primary: clinical notes,
/// files`.
fn route_and_groups(route: &ReaderRoute) -> String {
    format!(
        "{}: {}",
        route_text(&route.route),
        super::review::groups_words(route)
    )
}

/// The access review as one page: totals, findings, each client's readers
/// and why, temporary access with reasons and expiry, the all-scope
/// readers, access per member, and a sign-off block.
pub fn review(report: &Review) -> String {
    let mut body = format!(
        "<h1>Access review: {}</h1>\n<p class=\"totals\">Taken as of <strong>{}</strong>. {}.</p>\n",
        esc(&report.practice),
        report.date,
        esc(&super::review::totals(report))
    );
    body.push_str("<h2>Findings to act on</h2>\n");
    if report.findings.is_empty() {
        body.push_str("<p>None.</p>\n");
    } else {
        body.push_str("<table>\n<tr><th>finding</th><th>detail</th><th>action</th></tr>\n");
        for finding in &report.findings {
            body.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&kind_words(finding.kind)),
                esc(&finding.message.replace('`', "")),
                esc(&finding.action.replace('`', ""))
            ));
        }
        body.push_str("</table>\n");
    }
    body.push_str(&every_chart_section(report));
    body.push_str(&format!(
        "<h2>{}</h2>\n<table>\n<tr><th>client</th><th>restricted</th><th>member</th><th>route: capabilities</th></tr>\n",
        esc(super::review::CHARTS_HEADING)
    ));
    for chart in &report.charts {
        for (i, reader) in chart.readers.iter().enumerate() {
            let client = match i {
                0 => format!(
                    "<td rowspan=\"{}\">{}</td><td rowspan=\"{}\">{}</td>",
                    chart.readers.len(),
                    esc(&chart.client),
                    chart.readers.len(),
                    if chart.restricted { "restricted" } else { "" }
                ),
                _ => String::new(),
            };
            let routes: Vec<String> = reader
                .routes
                .iter()
                .map(|r| esc(&route_and_groups(r)))
                .collect();
            body.push_str(&format!(
                "<tr>{client}<td>{}</td><td>{}</td></tr>\n",
                esc(&reader.member),
                routes.join("<br>")
            ));
        }
    }
    body.push_str("</table>\n<h2>Temporary access</h2>\n");
    let temporary: Vec<String> = report
        .charts
        .iter()
        .flat_map(|chart| {
            chart.readers.iter().flat_map(move |reader| {
                reader
                    .routes
                    .iter()
                    .filter_map(move |route| match &route.route {
                        ReviewRoute::Temporary { until, reason } => Some(format!(
                            "<tr><td>{}</td><td>{}</td><td>{until}</td><td>{}</td></tr>\n",
                            esc(&chart.client),
                            esc(&reader.member),
                            esc(reason)
                        )),
                        _ => None,
                    })
            })
        })
        .collect();
    match temporary.is_empty() {
        true => body.push_str("<p>None.</p>\n"),
        false => {
            body.push_str(
                "<table>\n<tr><th>client</th><th>member</th><th>through</th><th>reason</th></tr>\n",
            );
            body.push_str(&temporary.concat());
            body.push_str("</table>\n");
        }
    }
    body.push_str(&history_sections(report));
    body.push_str("<h2>Access per member</h2>\n<table>\n<tr><th>member</th><th>name</th><th>charts</th><th>routes</th></tr>\n");
    for member in &report.members {
        let routes: Vec<String> = member
            .routes
            .iter()
            .map(|(route, count)| format!("{route} {count}"))
            .collect();
        body.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            esc(&member.member),
            esc(&member.name),
            member.clients,
            esc(&routes.join(", "))
        ));
    }
    body.push_str("</table>\n<div class=\"sign\"><div>Reviewed by</div><div>Signature</div><div>Date</div></div>\n");
    page(&format!("Access review: {}", report.practice), &body)
}

/// The owner and the holders of `all` grants, once for the practice: who
/// holds what on every unrestricted chart, and through which grant.
fn every_chart_section(report: &Review) -> String {
    let mut body = format!("<h2>{}</h2>\n", esc(super::review::EVERY_CHART_HEADING));
    body.push_str(&match report.every_chart.is_empty() {
        true => "<p>None.</p>\n".to_string(),
        false => table(&super::review::every_chart_table(report)),
    });
    body
}

/// A table of plain text cells.
fn table(table: &Table) -> String {
    let mut out = String::from("<table>\n<tr>");
    for header in &table.headers {
        out.push_str(&format!("<th>{}</th>", esc(header)));
    }
    out.push_str("</tr>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str(&format!("<td>{}</td>", esc(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

/// What the file's git history adds: stale access (`--stale`) and the
/// changes since the last review (`--since`).
fn history_sections(report: &Review) -> String {
    let mut body = String::new();
    if let Some((heading, rows)) = super::review::stale_table(report) {
        body.push_str(&format!("<h2>{}</h2>\n", esc(&heading)));
        body.push_str(&match rows.rows.is_empty() {
            true => "<p>None.</p>\n".to_string(),
            false => table(&rows),
        });
    }
    if let (Some(heading), Some(changes)) =
        (super::review::changes_heading(report), &report.changes)
    {
        body.push_str(&format!("<h2>{}</h2>\n", esc(&heading)));
        body.push_str(&match changes.events.is_empty() {
            true => "<p>None.</p>\n".to_string(),
            false => table(&super::history::table(&changes.events)),
        });
    }
    body
}

fn scope_class(cell: &Cell) -> (&'static str, String) {
    match cell {
        Cell::Allowed(true) => ("allow", "allow".into()),
        Cell::Allowed(false) => ("deny", "deny".into()),
        Cell::Scopes(scopes) if scopes.is_empty() => ("", String::new()),
        Cell::Scopes(scopes) if scopes.len() > 1 => ("several", cell_words(scopes)),
        Cell::Scopes(scopes) => match scopes.iter().next() {
            Some(Scope::All) => ("all", "all".into()),
            Some(Scope::Assigned) => ("assigned", "assigned".into()),
            Some(Scope::Supervisees) => ("supervisees", "supervisees".into()),
            Some(Scope::Own) => ("own", "own".into()),
            Some(Scope::Practice) => ("practice", "practice".into()),
            None => ("", String::new()),
        },
    }
}

fn cell_words(scopes: &std::collections::BTreeSet<Scope>) -> String {
    crate::rules::matrix::cell_text(scopes)
}

/// The matrix as a heatmap: capabilities down the side, roles (or
/// members) across, each cell coloured by its scope, with a legend.
pub fn matrix(grid: &Grid) -> String {
    let mut body = format!(
        "<h1>Permissions matrix</h1>\n<p class=\"totals\">{} × capability{}.</p>\n",
        grid.by.as_str(),
        grid.client
            .as_ref()
            .map_or(String::new(), |c| format!(", for client {}", esc(c)))
    );
    body.push_str("<p class=\"legend\">");
    for (class, words) in [
        ("all", "all clients"),
        ("assigned", "assigned"),
        ("supervisees", "supervisees"),
        ("own", "own documents"),
        ("practice", "practice-wide"),
        ("several", "several scopes"),
        ("allow", "allowed"),
        ("deny", "denied"),
    ] {
        body.push_str(&format!("<span class=\"{class}\">{words}</span>"));
    }
    body.push_str("</p>\n<table>\n<tr><th>capability</th>");
    for (name, _) in &grid.rows {
        body.push_str(&format!("<th>{}</th>", esc(name)));
    }
    body.push_str("</tr>\n");
    for (i, capability) in grid.capabilities.iter().enumerate() {
        body.push_str(&format!("<tr><th>{}</th>", esc(capability)));
        for (_, cells) in &grid.rows {
            let (class, words) = cells.get(i).map(scope_class).unwrap_or_default();
            body.push_str(&format!("<td class=\"cell {class}\">{}</td>", esc(&words)));
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</table>\n");
    page("Permissions matrix", &body)
}
