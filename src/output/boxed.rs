//! A terminal table laid out without wrapping, drawn as comfy-table draws
//! its `UTF8_FULL_CONDENSED` preset. comfy-table keeps several copies of
//! every cell while it arranges a table; on a review of 100,000 charts that
//! was most of a gigabyte. When no width is set (stdout is not a terminal
//! and `COLUMNS` is unset) nothing wraps, and this draws the same bytes in
//! one pass. comfy-table stays the definition: a test compares the two.

use unicode_width::UnicodeWidthStr;

/// The table drawn, or `None` when a cell holds a line break (comfy-table
/// splits such a cell over several lines: left to it).
pub(super) fn unwrapped<S: AsRef<str>>(headers: &[S], rows: &[Vec<S>]) -> Option<String> {
    let columns = headers.len();
    // comfy-table gives an empty column one character.
    let mut widths: Vec<usize> = vec![1; columns];
    // The exact length, so the text is allocated once: a review of 100,000
    // charts is tens of megabytes, and a doubling string holds two copies.
    let mut bytes = 0;
    for row in std::iter::once(headers).chain(rows.iter().map(Vec::as_slice)) {
        for (i, cell) in row.iter().map(AsRef::as_ref).enumerate().take(columns) {
            if cell.contains('\n') {
                return None;
            }
            widths[i] = widths[i].max(cell.width());
        }
        if row.len() != columns {
            return None;
        }
    }
    for row in std::iter::once(headers).chain(rows.iter().map(Vec::as_slice)) {
        let cells: usize = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| cell.as_ref().len() + w - cell.as_ref().width() + 2)
            .sum();
        // `│` and `┆` are three bytes each; a line ends in `\n`.
        bytes += cells + 3 * (columns + 1) + 1;
    }
    let rules = 3 * (widths.iter().map(|w| (w + 2) * 3 + 3).sum::<usize>() + 4);
    let rule = |left: &str, fill: &str, middle: &str, right: &str| {
        let parts: Vec<String> = widths.iter().map(|w| fill.repeat(w + 2)).collect();
        format!("{left}{}{right}\n", parts.join(middle))
    };
    let mut out = String::with_capacity(bytes + rules);
    // Padding copied from one run of spaces: most of a wide table's bytes.
    let spaces = " ".repeat(widths.iter().max().copied().unwrap_or(0) + 1);
    let line = |out: &mut String, row: &[S]| {
        out.push('│');
        for (i, cell) in row.iter().map(AsRef::as_ref).enumerate() {
            if i > 0 {
                out.push('┆');
            }
            out.push(' ');
            out.push_str(cell);
            out.push_str(&spaces[..widths[i] - cell.width() + 1]);
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
