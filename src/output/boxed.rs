//! A terminal table laid out without wrapping, drawn as comfy-table draws
//! its `UTF8_FULL_CONDENSED` preset. comfy-table keeps several copies of
//! every cell while it arranges a table; on a review of 100,000 charts that
//! was most of a gigabyte. When no width is set (stdout is not a terminal
//! and `COLUMNS` is unset) nothing wraps, and this draws the same bytes in
//! one pass. comfy-table stays the definition: a test compares the two.

use unicode_width::UnicodeWidthStr;

/// The table drawn, or `None` when a cell holds a line break (comfy-table
/// splits such a cell over several lines: left to it).
pub(super) fn unwrapped(headers: &[String], rows: &[Vec<String>]) -> Option<String> {
    let columns = headers.len();
    // comfy-table gives an empty column one character.
    let mut widths: Vec<usize> = vec![1; columns];
    for row in std::iter::once(headers).chain(rows.iter().map(Vec::as_slice)) {
        for (i, cell) in row.iter().enumerate().take(columns) {
            if cell.contains('\n') {
                return None;
            }
            widths[i] = widths[i].max(cell.width());
        }
        if row.len() != columns {
            return None;
        }
    }
    let rule = |left: &str, fill: &str, middle: &str, right: &str| {
        let parts: Vec<String> = widths.iter().map(|w| fill.repeat(w + 2)).collect();
        format!("{left}{}{right}\n", parts.join(middle))
    };
    let mut out = String::new();
    let line = |out: &mut String, row: &[String]| {
        out.push('│');
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push('┆');
            }
            out.push(' ');
            out.push_str(cell);
            out.extend(std::iter::repeat_n(' ', widths[i] - cell.width() + 1));
        }
        out.push_str("│\n");
    };
    out.push_str(&rule("┌", "─", "┬", "┐"));
    line(&mut out, headers);
    out.push_str(&rule("╞", "═", "╪", "╡"));
    for row in rows {
        line(&mut out, row);
    }
    out.push_str(&rule("└", "─", "┴", "┘"));
    Some(out)
}
