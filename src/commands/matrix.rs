//! `praxis matrix`: roles (or members) × capabilities. CSV, JSON and
//! markdown carry the full grid; the terminal table is transposed
//! (capabilities down the side, grouped by family) and split into pages of
//! columns so 32+ capabilities stay readable in 80 columns.

use super::{Context, emit};
use crate::cli::{MatrixArgs, MatrixBy};
use crate::exit::{Exit, Failure};
use crate::model::{Kind, Practice, Scope};
use crate::output::Format;
use crate::output::{self, Table};
use crate::rules::decide::{self, Request};
use crate::rules::matrix::{cell_text, member_row, role_row};
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;

/// The grid: one row per role or member, one column per capability.
struct Grid {
    by: &'static str,
    client: Option<String>,
    capabilities: Vec<String>,
    rows: Vec<(String, Vec<Cell>)>,
}

/// One cell: the scopes a role or member holds a capability on, or, for
/// one client, whether the member is allowed.
enum Cell {
    Scopes(BTreeSet<Scope>),
    Allowed(bool),
}

impl Cell {
    /// What CSV, JSON and markdown show: `all+assigned`, `allow`, `deny`.
    fn text(&self) -> String {
        match self {
            Cell::Scopes(scopes) => cell_text(scopes),
            Cell::Allowed(true) => "allow".to_string(),
            Cell::Allowed(false) => "deny".to_string(),
        }
    }

    /// What the terminal shows; the legend spells it out.
    fn short(&self) -> String {
        match self {
            Cell::Scopes(scopes) => scopes
                .iter()
                .map(|scope| match scope {
                    Scope::All => "all",
                    Scope::Assigned => "asg",
                    Scope::Supervisees => "sup",
                    Scope::Own => "own",
                    Scope::Practice => "yes",
                })
                .collect::<Vec<_>>()
                .join("+"),
            Cell::Allowed(true) => "✓".to_string(),
            Cell::Allowed(false) => "·".to_string(),
        }
    }
}

pub fn run(args: MatrixArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(output::LISTING_FORMATS, "matrix")?;
    let practice = match context.load() {
        Ok(loaded) => loaded.practice,
        Err(Failure::Store(crate::store::StoreError::NotFound { .. }))
            // Without a file: the built-in catalog (no members, so
            // `--by member` has a header and no rows).
            if context.file.is_none() && args.client.is_none() =>
        {
            Practice::catalog_only()
        }
        Err(other) => return Err(other),
    };
    let grid = match (&args.client, args.by) {
        (Some(client), _) => client_grid(&practice, client, args.inactive, context)?,
        (None, Some(MatrixBy::Member)) => member_grid(&practice, args.inactive),
        (None, _) => role_grid(&practice),
    };
    emit(&match format {
        Format::Json => json_grid(&grid),
        Format::Csv => table(&grid).to_csv(),
        Format::Markdown => table(&grid).to_markdown(),
        _ => terminal(grid),
    })?;
    Ok(Exit::Success)
}

fn names(practice: &Practice, kind: Option<Kind>) -> Vec<String> {
    practice
        .capabilities()
        .iter()
        .filter(|c| kind.is_none_or(|k| c.kind == k))
        .map(|c| c.name.clone())
        .collect()
}

fn role_grid(practice: &Practice) -> Grid {
    Grid {
        by: "role",
        client: None,
        capabilities: names(practice, None),
        rows: practice
            .roles()
            .iter()
            .map(|role| {
                let cells = role_row(practice, role)
                    .into_iter()
                    .map(Cell::Scopes)
                    .collect();
                (role.id.value.clone(), cells)
            })
            .collect(),
    }
}

fn member_grid(practice: &Practice, inactive: bool) -> Grid {
    Grid {
        by: "member",
        client: None,
        capabilities: names(practice, None),
        rows: practice
            .members
            .iter()
            .filter(|m| inactive || m.active)
            .map(|member| {
                let cells = member_row(practice, member)
                    .into_iter()
                    .map(Cell::Scopes)
                    .collect();
                (member.id.value.clone(), cells)
            })
            .collect(),
    }
}

fn client_grid(
    practice: &Practice,
    client: &str,
    inactive: bool,
    context: &Context,
) -> Result<Grid, Failure> {
    decide::find_client(practice, client)?;
    let capabilities = names(practice, Some(Kind::Client));
    let mut rows = Vec::new();
    for member in practice.members.iter().filter(|m| inactive || m.active) {
        let mut cells = Vec::new();
        for capability in &capabilities {
            let request = Request {
                member: &member.id.value,
                capability,
                client: Some(client),
                author: None,
            };
            cells.push(Cell::Allowed(
                decide::decide(practice, &request, context.date)?.allowed,
            ));
        }
        rows.push((member.id.value.clone(), cells));
    }
    Ok(Grid {
        by: "member",
        client: Some(client.to_string()),
        capabilities,
        rows,
    })
}

fn table(grid: &Grid) -> Table {
    let mut table = Table::new(&[grid.by]);
    table.headers.extend(grid.capabilities.iter().cloned());
    for (name, cells) in &grid.rows {
        let mut row = vec![name.clone()];
        row.extend(cells.iter().map(Cell::text));
        table.push(row);
    }
    table
}

fn json_grid(grid: &Grid) -> String {
    let rows: Vec<Value> = grid
        .rows
        .iter()
        .map(|(name, cells)| {
            let cells: Map<String, Value> = grid
                .capabilities
                .iter()
                .zip(cells)
                .map(|(c, v)| (c.clone(), Value::String(v.text())))
                .collect();
            json!({ grid.by: name, "cells": cells })
        })
        .collect();
    output::json(&json!({
        "by": grid.by,
        "client": grid.client,
        "capabilities": grid.capabilities,
        "rows": rows,
    }))
}

/// The grid with every name escaped for a terminal, so widths are counted
/// on what is shown (cells hold no free text).
fn escaped(grid: Grid) -> Grid {
    let text = |s: &String| output::escape::text(s).into_owned();
    Grid {
        by: grid.by,
        client: grid.client.as_ref().map(text),
        capabilities: grid.capabilities.iter().map(text).collect(),
        rows: grid
            .rows
            .into_iter()
            .map(|(name, cells)| (text(&name), cells))
            .collect(),
    }
}

fn terminal(grid: Grid) -> String {
    let grid = &escaped(grid);
    let label_width = grid
        .capabilities
        .iter()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(10)
        + 2;
    let column_width = |i: usize| {
        let (name, cells) = &grid.rows[i];
        cells
            .iter()
            .map(|c| c.short().chars().count())
            .chain(std::iter::once(name.chars().count()))
            .max()
            .unwrap_or(3)
    };
    let width = usize::from(output::terminal_width());
    let mut pages: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = label_width;
    for i in 0..grid.rows.len() {
        let w = column_width(i) + 2;
        if used + w > width
            && let Some(page) = pages.last()
            && !page.is_empty()
        {
            pages.push(Vec::new());
            used = label_width;
        }
        used += w;
        if let Some(page) = pages.last_mut() {
            page.push(i);
        }
    }
    let mut out = String::new();
    if let Some(client) = &grid.client {
        out.push_str(&format!("access to client {client} (✓ allow, · deny)\n\n"));
    }
    for page in pages.iter().filter(|p| !p.is_empty()) {
        out.push_str(&format!("{:label_width$}", grid.by));
        for &i in page {
            out.push_str(&format!("{:<w$}  ", grid.rows[i].0, w = column_width(i)));
        }
        out = out.trim_end().to_string();
        out.push('\n');
        let mut family = "";
        for (c, capability) in grid.capabilities.iter().enumerate() {
            let this_family = capability.split('.').next().unwrap_or("");
            if c > 0 && this_family != family {
                out.push('\n');
            }
            family = this_family;
            out.push_str(&format!("{capability:label_width$}"));
            for &i in page {
                out.push_str(&format!(
                    "{:<w$}  ",
                    grid.rows[i].1[c].short(),
                    w = column_width(i)
                ));
            }
            out = out.trim_end_matches(' ').to_string();
            out.push('\n');
        }
        out.push('\n');
    }
    if grid.client.is_none() {
        out.push_str("all = every client · asg = assigned clients · sup = supervisees' clients\n");
        out.push_str("own = documents they wrote · yes = practice-wide\n");
    }
    out
}
