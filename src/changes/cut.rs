//! A change to a large practice edits only the part of the file it can
//! reach. The one-line client entries it cannot touch are cut out of the
//! text before `toml_edit` parses it, and put back, byte for byte, where
//! they stood once the change is made. On 100,000 clients that turns a
//! 4.6 MB document into a few kilobytes; the caller still validates the
//! whole result.
//!
//! Only lines of the plainest shape are cut: `ID = { … }` alone on its line
//! (a trailing comment allowed) directly under `[clients]`. A file with any
//! other client shape (`[clients.ID]` tables, dotted keys, entries over
//! several lines) is not cut at all. The last client is always kept, so an
//! added client lands after it, as it does in the whole document.

use crate::model::{Client, Practice};
use toml_edit::DocumentMut;

/// The client entries a change can read or write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach<'a> {
    /// None: the change edits members, roles or supervision only.
    NoClients,
    /// The client with this id (which may not exist yet).
    Client(&'a str),
    /// Every client whose entry names this member.
    ClientsNaming(&'a str),
}

impl Reach<'_> {
    fn reaches(&self, client: &Client) -> bool {
        match *self {
            Reach::NoClients => false,
            Reach::Client(id) => client.id.value == id,
            Reach::ClientsNaming(member) => client
                .primary
                .iter()
                .chain(&client.clinicians)
                .chain(&client.administrative)
                .chain(client.temporary.iter().filter_map(|t| t.member.as_ref()))
                .any(|m| m.value == member),
        }
    }
}

/// The text with the unreached entries cut out, and what to put back.
#[derive(Debug)]
pub struct Cut {
    /// What the change parses and edits.
    pub text: String,
    /// Cut lines, each run with the line of `text` it stood before.
    runs: Vec<(usize, String)>,
    /// The ids cut out: an edit that writes one of them did not see it.
    cut_ids: Vec<String>,
}

/// Cuts the entries `reach` does not reach, or `None` when the file's
/// clients are not all one-line entries under `[clients]` or nothing
/// would be cut (the change then edits the whole document).
pub fn cut(text: &str, practice: &Practice, reach: Reach<'_>) -> Option<Cut> {
    let last = practice.clients.len().checked_sub(1)?;
    let mut lines = Vec::new();
    for (position, client) in practice.clients.iter().enumerate() {
        let line = one_line_entry(text, client)?;
        if position != last && !reach.reaches(client) {
            lines.push((line, client.id.value.clone()));
        }
    }
    if lines.is_empty() {
        return None;
    }
    lines.sort_by_key(|(line, _)| line.start);
    let mut kept = String::with_capacity(text.len() / 8);
    let mut runs: Vec<(usize, String)> = Vec::new();
    let mut cut_ids = Vec::with_capacity(lines.len());
    let mut at = 0;
    let mut kept_lines = 0;
    for (line, id) in lines {
        let between = &text[at..line.start];
        kept.push_str(between);
        kept_lines += between.matches('\n').count();
        match runs.last_mut() {
            Some((before, run)) if *before == kept_lines && between.is_empty() => {
                run.push_str(&text[line.clone()]);
            }
            _ => runs.push((kept_lines, text[line.clone()].to_string())),
        }
        cut_ids.push(id);
        at = line.end;
    }
    kept.push_str(&text[at..]);
    Some(Cut {
        text: kept,
        runs,
        cut_ids,
    })
}

/// The byte range of the client's line, newline included, when the entry
/// is `ID = { … }` alone on one line.
fn one_line_entry(text: &str, client: &Client) -> Option<std::ops::Range<usize>> {
    let key = &client.id.span;
    let start = text[..key.start].rfind('\n').map_or(0, |n| n + 1);
    let end = text[key.start..]
        .find('\n')
        .map_or(text.len(), |n| key.start + n + 1);
    let line = &text[start..end];
    let before_key = &text[start..key.start];
    let value = &client.span;
    let between = text.get(key.end..value.start)?;
    let after = text.get(value.end..end)?.trim_end_matches(['\n', '\r']);
    let after = after.trim_start_matches([' ', '\t']);
    let plain = before_key.chars().all(|c| c == ' ' || c == '\t')
        && between.trim_matches([' ', '\t']) == "="
        && value.start < value.end
        && value.end <= end
        && text[value.clone()].starts_with('{')
        && (after.is_empty() || after.starts_with('#'))
        && !line.trim_end_matches(['\n', '\r']).contains(['\n', '\r']);
    plain.then_some(start..end)
}

impl Cut {
    /// The whole file after the change: the edited document's text with
    /// every cut run put back before the line it stood before. `None` when
    /// the edit wrote a client that was cut out (it could not have seen
    /// it), so the caller edits the whole document instead.
    pub fn rejoin(&self, edited: &DocumentMut) -> Option<String> {
        if let Some(clients) = edited.get("clients").and_then(|c| c.as_table_like()) {
            let cut: foldhash::HashSet<&str> = self.cut_ids.iter().map(String::as_str).collect();
            if clients.iter().any(|(id, _)| cut.contains(id)) {
                return None;
            }
        }
        let edited = edited.to_string();
        let before: Vec<&str> = self.text.split_inclusive('\n').collect();
        let after: Vec<&str> = edited.split_inclusive('\n').collect();
        // Lines are matched by their key where they have one, so an entry
        // the change rewrote still stands where it stood, and the runs cut
        // around it go back around it.
        let diff = similar::capture_diff_slices(
            similar::Algorithm::Myers,
            &before.iter().map(|line| line_key(line)).collect::<Vec<_>>(),
            &after.iter().map(|line| line_key(line)).collect::<Vec<_>>(),
        );
        // Where each line of the text as cut went in the edited text.
        let moved = |line: usize| -> usize {
            for op in &diff {
                let (old, new) = (op.old_range(), op.new_range());
                if old.contains(&line) {
                    return match op {
                        similar::DiffOp::Equal { .. } => new.start + (line - old.start),
                        _ => new.start,
                    };
                }
            }
            after.len()
        };
        let mut out = String::with_capacity(
            edited.len() + self.runs.iter().map(|r| r.1.len()).sum::<usize>(),
        );
        let mut runs = self
            .runs
            .iter()
            .map(|(line, run)| (moved(*line), run))
            .peekable();
        for (index, line) in after.iter().enumerate() {
            while let Some((_, run)) = runs.next_if(|(at, _)| *at <= index) {
                out.push_str(run);
            }
            out.push_str(line);
        }
        for (_, run) in runs {
            out.push_str(run);
        }
        Some(out)
    }
}

/// What identifies a line across an edit: the key of a `key = value` line,
/// else the whole line.
fn line_key(line: &str) -> &str {
    let trimmed = line.trim_start();
    if trimmed.starts_with(['[', '#']) {
        return line;
    }
    match trimmed.split_once('=') {
        Some((key, _)) if !key.trim().is_empty() => key.trim_end(),
        _ => line,
    }
}
