//! Rendering: tables (comfy-table), CSV, markdown, JSON, diagnostics and
//! explanations. Commands hand this module data; they do not format by hand.

pub mod assertions;
mod boxed;
pub mod changes;
pub mod codes;
pub mod diagnostics;
pub mod diff;
pub mod escape;
pub mod explain;
pub mod history;
pub mod html;
pub mod listings;
pub mod matrix;
pub mod records;
pub mod review;
pub mod schemas;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use serde::Serialize;
use std::borrow::Cow;

/// Rows under headers: the shape of every listing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(headers: &[&str]) -> Self {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// A terminal table with box lines; every cell escaped as free text.
    pub fn to_text(&self) -> String {
        let width = terminal_width();
        if width.is_none() {
            // Borrowed where nothing needed escaping: no copy of the cells.
            let headers: Vec<Cow<'_, str>> = self.headers.iter().map(|c| escape::text(c)).collect();
            let rows: Vec<Vec<Cow<'_, str>>> = self
                .rows
                .iter()
                .map(|row| row.iter().map(|c| escape::text(c)).collect())
                .collect();
            if let Some(drawn) = boxed::unwrapped(&headers, &rows) {
                return drawn;
            }
        }
        self.comfy_text(width)
    }

    /// The table as comfy-table lays it out, wrapped to `width`.
    fn comfy_text(&self, width: Option<u16>) -> String {
        let cells = |row: &[String]| -> Vec<String> {
            row.iter().map(|c| escape::text(c).into_owned()).collect()
        };
        let mut table = comfy_table::Table::new();
        table.load_style(UTF8_FULL_CONDENSED);
        table.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
        match width {
            Some(width) => {
                table.set_width(width);
            }
            None => {
                table.force_no_tty();
            }
        }
        table.set_header(cells(&self.headers));
        for row in &self.rows {
            table.add_row(cells(row));
        }
        format!("{table}\n")
    }

    /// RFC 4180 CSV with a header row; cells defused as [`escape::csv`].
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        for row in std::iter::once(&self.headers).chain(&self.rows) {
            let cells: Vec<String> = row.iter().map(|c| escape::csv(c)).collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    }

    /// A GitHub-flavoured markdown table; cells escaped as
    /// [`escape::markdown`].
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let line = |cells: &[String]| {
            let escaped: Vec<String> = cells.iter().map(|c| escape::markdown(c)).collect();
            format!("| {} |\n", escaped.join(" | "))
        };
        out.push_str(&line(&self.headers));
        out.push_str(&format!("|{}\n", "---|".repeat(self.headers.len())));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out
    }
}

/// The formats a listing prints: `--format` for every data command.
/// How a command prints its data (`--format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Human-readable: a table or text.
    Table,
    Json,
    Csv,
    Markdown,
    /// GitHub workflow annotations.
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// JUnit XML.
    Junit,
    /// A self-contained HTML page.
    Html,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Github => "github",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Html => "html",
        }
    }
}

/// A listing in the chosen format: JSON from the records, the rest from the
/// table, so every listing's formats carry the same rows.
pub fn listing<T: Serialize + ?Sized>(format: Format, table: &Table, records: &T) -> String {
    match format {
        Format::Json => json(records),
        Format::Csv => table.to_csv(),
        Format::Markdown => table.to_markdown(),
        _ => table.to_text(),
    }
}

/// `erin until 2026-12-31 (Covering while bob is on leave)`: raw text; the
/// renderer it goes to escapes it.
pub fn temporary_entry(who: &str, until: chrono::NaiveDate, reason: &str) -> String {
    if reason.is_empty() {
        format!("{who} until {until}")
    } else {
        format!("{who} until {until} ({reason})")
    }
}

/// One pretty-printed JSON document and a newline; C1 and bidi controls
/// written as `\uXXXX` ([`escape::JsonFormatter`]).
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut text = escape::json(value, true).unwrap_or_else(|e| {
        escape::json(&serde_json::json!({ "error": e.to_string() }), true).unwrap_or_default()
    });
    text.push('\n');
    text
}

/// One JSON value on one line (JSON Lines), escaped like [`json`].
pub fn json_line<T: Serialize + ?Sized>(value: &T) -> String {
    escape::json(value, false).unwrap_or_else(|e| {
        escape::json(&serde_json::json!({ "error": e.to_string() }), false).unwrap_or_default()
    })
}

/// The width to lay tables out in: `$COLUMNS`, else the terminal's
/// (comfy-table asks it); `None` when stdout is not a terminal, so a table
/// piped to a file or a script is not wrapped.
pub fn terminal_width() -> Option<u16> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<u16>().ok())
        .filter(|&c| c >= 40);
    columns.or_else(|| comfy_table::Table::new().width())
}

/// Colour where anstream's conventions say so: on a terminal that supports
/// it, never with `NO_COLOR` or `CLICOLOR=0`, always with `CLICOLOR_FORCE`.
fn color_on<S: anstream::stream::RawStream>(stream: &S) -> bool {
    anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never
}

pub fn stdout_color() -> bool {
    color_on(&std::io::stdout())
}

pub fn stderr_color() -> bool {
    color_on(&std::io::stderr())
}

#[derive(Clone, Copy)]
pub enum Paint {
    Green,
    Red,
    Yellow,
    Bold,
    Blue,
}

pub fn paint(text: &str, paint: Paint, enabled: bool) -> String {
    use anstyle::{AnsiColor, Style};
    if !enabled {
        return text.to_string();
    }
    let style = match paint {
        Paint::Green => AnsiColor::Green.on_default(),
        Paint::Red => AnsiColor::Red.on_default(),
        Paint::Yellow => AnsiColor::Yellow.on_default(),
        Paint::Bold => Style::new().bold(),
        Paint::Blue => AnsiColor::Blue.on_default(),
    };
    format!("{style}{text}{style:#}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass layout is comfy-table's, byte for byte, on tables of
    /// every shape it takes: empty, narrow, wide, unicode of width 0, 1
    /// and 2, escaped control characters, long cells, one column or many.
    #[test]
    fn the_unwrapped_layout_is_comfy_tables() {
        let words = [
            "",
            "a",
            "C-1001",
            "bob (primary [clinical notes, files])",
            "Zoë",
            "日本語",
            "e\u{301}",
            "tab\there",
            "\u{1b}[31m",
            "  padded  ",
            "│┆",
            "x".repeat(300).leak(),
        ];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        };
        for case in 0..300 {
            let columns = 1 + case % 5;
            let headers: Vec<&str> = (0..columns).map(|_| words[next(words.len())]).collect();
            let mut table = Table::new(&headers);
            for _ in 0..next(6) {
                table.push(
                    (0..columns)
                        .map(|_| words[next(words.len())].to_string())
                        .collect(),
                );
            }
            let cells = |row: &[String]| -> Vec<String> {
                row.iter().map(|c| escape::text(c).into_owned()).collect()
            };
            let rows: Vec<Vec<String>> = table.rows.iter().map(|r| cells(r)).collect();
            let fast = boxed::unwrapped(&cells(&table.headers), &rows);
            assert_eq!(
                fast.as_deref(),
                Some(table.comfy_text(None).as_str()),
                "{table:?}"
            );
        }
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        let mut table = Table::new(&["a", "b"]);
        table.push(vec!["x,y".into(), "say \"hi\"".into()]);
        assert_eq!(table.to_csv(), "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n");
    }

    #[test]
    fn markdown_escapes_pipes() {
        let mut table = Table::new(&["a"]);
        table.push(vec!["x|y".into()]);
        assert_eq!(table.to_markdown(), "| a |\n|---|\n| x\\|y |\n");
    }
}
