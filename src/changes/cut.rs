//! A change to a large practice edits only the part of the file it can
//! reach. The one-line client entries it cannot touch are cut out of the
//! text before `toml_edit` parses it, each run of them replaced by one
//! marker comment line, and put back, byte for byte, in place of its
//! marker once the change is made. On 100,000 clients that turns a 6 MB
//! document into a few hundred kilobytes.
//!
//! Why markers: `toml_edit` keeps the comment lines above an entry with
//! that entry, so a marker travels with the entry the run stood before and
//! the run goes back exactly where the whole-document edit would have left
//! it. Nothing is matched by content (two identical comment lines cannot be
//! confused). When a marker is not found exactly once and in order — the
//! change removed or rebuilt the entry it was attached to — the cut edit
//! gives up and the caller edits the whole document: the plain path is the
//! definition, this is a cache of its answer (tests/integrity.rs compares
//! the two on every shape of file).
//!
//! Only lines of the plainest shape are cut: `ID = { … }` alone on its line
//! (a trailing comment allowed) in the `[clients]` table, with the blank
//! and comment lines directly above it. Entries of other shapes stay in the
//! document. The last client of the table is always kept, so an added
//! client lands after it, as it does in the whole document, and every run
//! has an entry below it to travel with.

use crate::model::{Client, Practice};
use crate::span::Span;
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
    /// The whole document: nothing is cut.
    Everything,
}

impl Reach<'_> {
    fn reaches(&self, client: &Client) -> bool {
        match *self {
            Reach::NoClients => false,
            Reach::Everything => true,
            Reach::Client(id) => client.id.value == id,
            Reach::ClientsNaming(member) => client.names(member),
        }
    }
}

/// The text with the unreached entries cut out, and what to put back.
#[derive(Debug)]
pub struct Cut {
    /// What the change parses and edits: the file with each run of cut
    /// lines replaced by its marker line.
    pub text: String,
    /// The runs cut out, in the file's order, each with its marker line
    /// (without its line ending).
    runs: Vec<(String, std::ops::Range<usize>)>,
    /// The ids cut out: an edit that writes one of them did not see it.
    cut_ids: Vec<String>,
    /// What every marker line starts with (found nowhere in the file).
    prefix: String,
}

/// Cuts the entries `reach` does not reach, or `None` when nothing would
/// be cut (the change then edits the whole document).
pub fn cut(text: &str, practice: &Practice, reach: Reach<'_>) -> Option<Cut> {
    let lines = cut_lines(text, practice, reach);
    if lines.is_empty() {
        return None;
    }
    let prefix = marker_prefix(text);
    let mut kept = String::with_capacity(text.len() / 8);
    let mut runs: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    let mut cut_ids = Vec::with_capacity(lines.len());
    let mut at = 0;
    for (line, id) in lines {
        cut_ids.push(id);
        match runs.last_mut() {
            // Directly after the last run: the same run.
            Some((_, run)) if run.end == line.start => run.end = line.end,
            _ => {
                kept.push_str(&text[at..line.start]);
                let marker = format!("{prefix}{}", runs.len());
                kept.push_str(&marker);
                kept.push('\n');
                runs.push((marker, line.clone()));
            }
        }
        at = line.end;
    }
    kept.push_str(&text[at..]);
    // Runs hold ranges of `text` until they are put back: the original
    // text outlives the cut (see `rejoin`).
    Some(Cut {
        text: kept,
        runs,
        cut_ids,
        prefix,
    })
}

/// The byte ranges (comments above included) of the one-line entries to
/// cut, in the file's order, with their ids.
fn cut_lines(
    text: &str,
    practice: &Practice,
    reach: Reach<'_>,
) -> Vec<(std::ops::Range<usize>, String)> {
    let one_line: Vec<(&Client, std::ops::Range<usize>)> = practice
        .clients
        .iter()
        .filter_map(|client| Some((client, one_line_entry(text, client)?)))
        .collect();
    // The last one-line entry stays: an added client goes after it, and
    // each run needs an entry below it to travel with.
    let last = one_line.iter().map(|(_, line)| line.start).max();
    let mut lines: Vec<(std::ops::Range<usize>, String)> = one_line
        .into_iter()
        .filter(|(client, line)| Some(line.start) != last && !reach.reaches(client))
        .map(|(client, line)| (with_comments_above(text, line), client.id.value.clone()))
        .collect();
    lines.sort_by_key(|(line, _)| line.start);
    lines
}

/// A comment-line prefix found nowhere in `text`, so a marker cannot be
/// mistaken for a line of the file.
fn marker_prefix(text: &str) -> String {
    let mut nonce = text.len();
    loop {
        let prefix = format!("#praxis-cut-{nonce:x}-");
        if !text.contains(&prefix) {
            return prefix;
        }
        nonce = nonce.wrapping_mul(31).wrapping_add(7);
    }
}

/// The line with the blank and comment lines right above it: `toml_edit`
/// keeps those with the entry that follows them, so they go where it goes.
fn with_comments_above(text: &str, line: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut start = line.start;
    while start > 0 {
        let above = text[..start - 1].rfind('\n').map_or(0, |n| n + 1);
        let content = text[above..start].trim_matches([' ', '\t', '\r', '\n']);
        if content.is_empty() || content.starts_with('#') {
            start = above;
        } else {
            break;
        }
    }
    start..line.end
}

/// The byte range of the client's line, newline included, when the entry
/// is `ID = { … }` alone on one line, directly in the `[clients]` table.
fn one_line_entry(text: &str, client: &Client) -> Option<std::ops::Range<usize>> {
    let key: Span = client.id.span;
    let value: Span = client.span;
    let start = text.get(..key.start)?.rfind('\n').map_or(0, |n| n + 1);
    let end = text
        .get(key.start..)?
        .find('\n')
        .map_or(text.len(), |n| key.start + n + 1);
    let before_key = text.get(start..key.start)?;
    let between = text.get(key.end..value.start)?;
    let after = text
        .get(value.end..end)?
        .trim_end_matches(['\n', '\r'])
        .trim_start_matches([' ', '\t']);
    let plain = before_key.chars().all(|c| c == ' ' || c == '\t')
        && between.trim_matches([' ', '\t']) == "="
        && value.start < value.end
        && value.end <= end
        && text.get(value.range())?.starts_with('{')
        && (after.is_empty() || after.starts_with('#'))
        && !text[start..end]
            .trim_end_matches(['\n', '\r'])
            .contains(['\n', '\r']);
    plain.then_some(start..end)
}

impl Cut {
    /// The whole file after the change, in `toml_edit`'s line endings
    /// except for the runs, which go back with their own bytes: each
    /// marker line of the edited document replaced by its run. `None`
    /// when the edit wrote a client that was cut out (it could not have
    /// seen it) or a marker is not found exactly once and in order (the
    /// entry it travelled with was removed or rebuilt): the caller edits
    /// the whole document instead.
    pub fn rejoin(&self, original: &str, edited: &DocumentMut) -> Option<String> {
        if self.writes_a_cut_client(edited) {
            return None;
        }
        let edited = edited.to_string();
        let runs: usize = self.runs.iter().map(|(_, run)| run.len()).sum();
        let mut joined = String::with_capacity(edited.len() + runs);
        let mut next = self.runs.iter().peekable();
        for line in edited.split_inclusive('\n') {
            let content = line.trim_end_matches('\n');
            match next.peek() {
                Some((marker, run)) if content == marker => {
                    joined.push_str(original.get(run.clone())?);
                    next.next();
                }
                // A marker out of order, or one seen twice.
                _ if content.starts_with(&self.prefix) => return None,
                _ => joined.push_str(line),
            }
        }
        next.peek().is_none().then_some(joined)
    }

    /// The ids cut out.
    pub fn cut_ids(&self) -> &[String] {
        &self.cut_ids
    }

    /// Whether the edited document has a client that was cut out.
    fn writes_a_cut_client(&self, edited: &DocumentMut) -> bool {
        let Some(clients) = edited.get("clients").and_then(|c| c.as_table_like()) else {
            return false;
        };
        let cut: foldhash::HashSet<&str> = self.cut_ids.iter().map(String::as_str).collect();
        clients.iter().any(|(id, _)| cut.contains(id))
    }
}

/// The first client the change does not reach whose entry is not, byte for
/// byte, in the new text as it was in the old (or is gone), or a client
/// that appeared though the change does not reach it: either means the
/// file written would differ from the intended edit somewhere else.
pub fn unreached_changed<'p>(
    reach: Reach<'_>,
    (old_text, old): (&str, &'p Practice),
    (new_text, new): (&str, &'p Practice),
) -> Option<&'p str> {
    let changed = old.clients.iter().find(|client| {
        !reach.reaches(client)
            && new.client(&client.id.value).is_none_or(|now| {
                let before = entry_text(old_text, client);
                before.is_none() || before != entry_text(new_text, now)
            })
    });
    if let Some(client) = changed {
        return Some(&client.id.value);
    }
    new.clients
        .iter()
        .find(|client| old.client(&client.id.value).is_none() && !reach.reaches(client))
        .map(|client| client.id.value.as_str())
}

/// A client's key and value as written.
fn entry_text<'t>(text: &'t str, client: &Client) -> Option<(&'t str, &'t str)> {
    Some((
        text.get(client.id.span.range())?,
        text.get(client.span.range())?,
    ))
}
