//! Line endings through a rewrite (SPEC §8 "Writing", §9.1): every line the
//! change does not touch keeps its bytes, ending included, and a line it
//! adds takes the ending of the file's first line. A file with LF
//! everywhere but one CRLF line comes back exactly so, not all CRLF or all
//! LF.
//!
//! `toml_edit` writes every line with `\n`, so the lines of the edited
//! text are matched with the file's to put each ending back. A line is
//! matched by its content *and the entry it belongs to* (the table it is
//! in and the key of the entry it sits above or continues): the same
//! comment above two clients is two different lines, and removing one
//! client cannot hand its comment's ending to the other.

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// One line of text: its content and its ending (`"\r\n"`, `"\n"`, or `""`
/// on a last line without one).
struct Line<'a> {
    content: &'a str,
    ending: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    text.split_inclusive('\n')
        .map(|line| {
            if let Some(content) = line.strip_suffix("\r\n") {
                Line {
                    content,
                    ending: "\r\n",
                }
            } else if let Some(content) = line.strip_suffix('\n') {
                Line {
                    content,
                    ending: "\n",
                }
            } else {
                Line {
                    content: line,
                    ending: "",
                }
            }
        })
        .collect()
}

/// `edited` (the original after a change, its endings whatever the editor
/// left) with the original's endings restored on every unchanged line.
pub fn keep_line_endings(original: &str, edited: &str) -> String {
    let old = lines(original);
    let new = lines(edited);
    let added = old
        .first()
        .map(|l| l.ending)
        .filter(|e| !e.is_empty())
        .unwrap_or("\n");
    // Compare lines by the entry they belong to, their content and whether
    // they end at all, so a CRLF line the editor wrote back as LF still
    // counts as unchanged.
    let old_keys = keys(&old);
    let new_keys = keys(&new);
    let mut out = String::with_capacity(edited.len() + edited.len() / 32);
    for op in capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                for line in &old[old_index..old_index + len] {
                    out.push_str(line.content);
                    out.push_str(line.ending);
                }
            }
            DiffOp::Delete { .. } => {}
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                for line in &new[new_index..new_index + new_len] {
                    out.push_str(line.content);
                    if !line.ending.is_empty() {
                        out.push_str(added);
                    }
                }
            }
            // A line edited in place keeps the ending it had; lines beyond
            // those it replaces are added lines.
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                for (k, line) in new[new_index..new_index + new_len].iter().enumerate() {
                    out.push_str(line.content);
                    if !line.ending.is_empty() {
                        let own = (k < old_len)
                            .then(|| old[old_index + k].ending)
                            .filter(|e| !e.is_empty());
                        out.push_str(own.unwrap_or(added));
                    }
                }
            }
        }
    }
    out
}

/// What identifies a line across an edit: the table it is in, the key of
/// the entry it belongs to, its content, and whether it ends.
type LineKey<'a> = (&'a str, &'a str, &'a str, bool);

fn keys<'a>(lines: &[Line<'a>]) -> Vec<LineKey<'a>> {
    let mut table = "";
    let mut entry = "";
    let mut keys: Vec<LineKey<'a>> = lines
        .iter()
        .map(|line| {
            let trimmed = line.content.trim();
            if trimmed.starts_with('[') {
                table = trimmed;
                entry = "";
            } else if let Some(key) = entry_key(trimmed) {
                entry = key;
            }
            (table, entry, line.content, line.ending.is_empty())
        })
        .collect();
    // Comment and blank lines belong to the entry below them (`toml_edit`
    // keeps them with it): walk back up, handing each the next entry's key.
    let mut below = ("", "");
    for (key, line) in keys.iter_mut().zip(lines).rev() {
        let trimmed = line.content.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            (key.0, key.1) = below;
        } else {
            below = (
                key.0,
                if trimmed.starts_with('[') {
                    trimmed
                } else {
                    key.1
                },
            );
        }
    }
    keys
}

/// The key of a `key = value` line, if the line starts one.
fn entry_key(line: &str) -> Option<&str> {
    if line.starts_with('#') {
        return None;
    }
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    (!key.is_empty()).then_some(key)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_same_comment_above_two_entries_keeps_each_its_own_ending() {
        let original = "[clients]\n# sealed\nA = 1\n# sealed\r\nB = 2\n";
        let edited = "[clients]\n# sealed\nB = 2\n";
        assert_eq!(
            keep_line_endings(original, edited),
            "[clients]\n# sealed\r\nB = 2\n"
        );
    }

    use super::*;

    #[test]
    fn one_crlf_line_in_an_lf_file_stays_the_only_one() {
        let original = "a = 1\nb = 2\r\nc = 3\n";
        let edited = "a = 1\nb = 2\nc = 3\nd = 4\n";
        assert_eq!(
            keep_line_endings(original, edited),
            "a = 1\nb = 2\r\nc = 3\nd = 4\n"
        );
    }

    #[test]
    fn added_lines_take_the_first_lines_ending() {
        let original = "a = 1\r\nb = 2\nc = 3\r\n";
        let edited = "a = 1\nx = 0\nb = 2\nc = 3\n";
        assert_eq!(
            keep_line_endings(original, edited),
            "a = 1\r\nx = 0\r\nb = 2\nc = 3\r\n"
        );
    }

    #[test]
    fn a_changed_line_takes_the_first_lines_ending_and_a_missing_last_ending_stays_missing() {
        let original = "a = 1\r\nb = 2";
        assert_eq!(
            keep_line_endings(original, "a = 1\nb = 3"),
            "a = 1\r\nb = 3"
        );
        assert_eq!(
            keep_line_endings(original, "a = 1\nb = 2\nc = 3\n"),
            "a = 1\r\nb = 2\r\nc = 3\r\n"
        );
    }

    #[test]
    fn a_line_edited_in_place_keeps_its_own_ending() {
        let original = "a = 1\nb = 2\r\nc = 3\n";
        let edited = "a = 1\nb = 20\nc = 3\n";
        assert_eq!(
            keep_line_endings(original, edited),
            "a = 1\nb = 20\r\nc = 3\n"
        );
    }

    #[test]
    fn lf_lines_stay_lf() {
        assert_eq!(keep_line_endings("a\nb\n", "a\nc\nb\n"), "a\nc\nb\n");
    }
}
