//! `praxis matrix`: roles (or members) × capabilities, or members ×
//! client capabilities on one client; `output::matrix` shows the grid.

use super::{Context, emit};
use crate::cli::{MatrixArgs, MatrixBy};
use crate::exit::{Exit, Failure};
use crate::model::{Kind, Practice};
use crate::output::Format;
use crate::output::matrix::{By, Cell, Grid, json_grid, markdown, table, terminal};
use crate::rules::decide::{self, Request};
use crate::rules::matrix::{member_row, role_row};

pub fn run(args: MatrixArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.format, "matrix")?;
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
        Format::Markdown => markdown(&grid),
        Format::Html => crate::output::html::matrix(&grid),
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
        by: By::Role,
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
        by: By::Member,
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
        by: By::Member,
        client: Some(client.to_string()),
        capabilities,
        rows,
    })
}
