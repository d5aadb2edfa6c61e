//! How `praxis matrix` is shown. CSV, JSON and markdown carry the full
//! grid; the terminal table is transposed (capabilities down the side,
//! grouped by family) and split into pages of columns so 32+ capabilities
//! stay readable in 80 columns.

use crate::model::Scope;
use crate::output::{self, Table};
use crate::rules::matrix::cell_text;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What the grid's rows are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum By {
    Role,
    Member,
}

impl By {
    pub fn as_str(self) -> &'static str {
        match self {
            By::Role => "role",
            By::Member => "member",
        }
    }
}

/// The grid: one row per role or member, one column per capability.
pub struct Grid {
    pub by: By,
    pub client: Option<String>,
    pub capabilities: Vec<String>,
    pub rows: Vec<(String, Vec<Cell>)>,
}

/// One cell: the scopes a role or member holds a capability on, or, for
/// one client, whether the member is allowed.
pub enum Cell {
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

pub fn table(grid: &Grid) -> Table {
    let mut table = Table::new(&[grid.by.as_str()]);
    table.headers.extend(grid.capabilities.iter().cloned());
    for (name, cells) in &grid.rows {
        let mut row = vec![name.clone()];
        row.extend(cells.iter().map(Cell::text));
        table.push(row);
    }
    table
}

/// `matrix --format json`: the grid, one row per role or member with its
/// cell for each capability (`all+assigned`, `allow`, `""` for none).
#[derive(Serialize, JsonSchema)]
pub struct GridRecord<'a> {
    /// `role` or `member`: the key each row names itself by.
    pub by: By,
    /// With `--client`: the client the cells answer for.
    pub client: Option<&'a str>,
    pub capabilities: &'a [String],
    pub rows: Vec<RowRecord<'a>>,
}

/// One row of the grid.
#[derive(Serialize, JsonSchema)]
pub struct RowRecord<'a> {
    /// The role's or member's id, under the key `by` names.
    #[serde(flatten)]
    pub name: RowName<'a>,
    pub cells: BTreeMap<&'a str, String>,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RowName<'a> {
    Role(&'a str),
    Member(&'a str),
}

/// The grid as markdown for a pull request or a wiki: capabilities down
/// the side and roles (or members) across when there are more capabilities
/// than rows, so 32+ capabilities do not make a page-wide table; each row
/// otherwise. Cells carry the full values.
pub fn markdown(grid: &Grid) -> String {
    if grid.capabilities.len() <= grid.rows.len() {
        return table(grid).to_markdown();
    }
    let mut headers = vec!["capability"];
    headers.extend(grid.rows.iter().map(|(name, _)| name.as_str()));
    let mut transposed = Table::new(&headers);
    for (i, capability) in grid.capabilities.iter().enumerate() {
        let mut row = vec![capability.clone()];
        row.extend(
            grid.rows
                .iter()
                .map(|(_, cells)| cells.get(i).map(Cell::text).unwrap_or_default()),
        );
        transposed.push(row);
    }
    transposed.to_markdown()
}

pub fn json_grid(grid: &Grid) -> String {
    let rows = grid
        .rows
        .iter()
        .map(|(name, cells)| RowRecord {
            name: match grid.by {
                By::Member => RowName::Member(name),
                By::Role => RowName::Role(name),
            },
            cells: grid
                .capabilities
                .iter()
                .map(String::as_str)
                .zip(cells.iter().map(Cell::text))
                .collect(),
        })
        .collect();
    output::json(&GridRecord {
        by: grid.by,
        client: grid.client.as_deref(),
        capabilities: &grid.capabilities,
        rows,
    })
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

pub fn terminal(grid: Grid) -> String {
    let grid = &escaped(grid);
    let widths = Widths::of(grid);
    let mut out = String::new();
    if let Some(client) = &grid.client {
        out.push_str(&format!("access to client {client} (✓ allow, · deny)\n\n"));
    }
    for page in widths.pages().iter().filter(|p| !p.is_empty()) {
        widths.page(grid, page, &mut out);
    }
    if grid.client.is_none() {
        out.push_str("all = every client · asg = assigned clients · sup = supervisees' clients\n");
        out.push_str("own = documents they wrote · yes = practice-wide\n");
    }
    out
}

/// The terminal table's widths: the capabilities' column, and each row's
/// column (the longest of its name and its cells).
struct Widths {
    label: usize,
    columns: Vec<usize>,
}

impl Widths {
    fn of(grid: &Grid) -> Self {
        let label = grid
            .capabilities
            .iter()
            .map(|c| c.chars().count())
            .max()
            .unwrap_or(10)
            + 2;
        let columns = grid
            .rows
            .iter()
            .map(|(name, cells)| {
                cells
                    .iter()
                    .map(|c| c.short().chars().count())
                    .chain(std::iter::once(name.chars().count()))
                    .max()
                    .unwrap_or(3)
            })
            .collect();
        Widths { label, columns }
    }

    /// The rows on each page, by index: as many columns as the terminal
    /// has room for beside the capabilities.
    fn pages(&self) -> Vec<Vec<usize>> {
        // Piped (no terminal, no $COLUMNS): one page, however wide.
        let width = output::terminal_width().map_or(usize::MAX, usize::from);
        let mut pages: Vec<Vec<usize>> = vec![Vec::new()];
        let mut used = self.label;
        for (i, column) in self.columns.iter().enumerate() {
            let w = column + 2;
            if used + w > width
                && let Some(page) = pages.last()
                && !page.is_empty()
            {
                pages.push(Vec::new());
                used = self.label;
            }
            used += w;
            if let Some(page) = pages.last_mut() {
                page.push(i);
            }
        }
        pages
    }

    /// One page: the rows' names across the top, then a line per
    /// capability, a blank line between families.
    fn page(&self, grid: &Grid, page: &[usize], out: &mut String) {
        let label_width = self.label;
        out.push_str(&format!("{:label_width$}", grid.by.as_str()));
        for &i in page {
            out.push_str(&format!("{:<w$}  ", grid.rows[i].0, w = self.columns[i]));
        }
        *out = out.trim_end().to_string();
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
                    w = self.columns[i]
                ));
            }
            *out = out.trim_end_matches(' ').to_string();
            out.push('\n');
        }
        out.push('\n');
    }
}
