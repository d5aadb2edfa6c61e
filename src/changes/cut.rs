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

use crate::model::{Client, Practice, ReadOutcome, Respan, read_practice};
use crate::rules::{self, Checked};
use chrono::NaiveDate;
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
            Reach::ClientsNaming(member) => std::iter::once(&client.primary)
                .chain(&client.clinicians)
                .chain(&client.administrative)
                .chain(client.temporary.iter().map(|t| &t.member))
                .any(|m| m.value == member),
        }
    }
}

/// The text with the unreached entries cut out, and what to put back.
#[derive(Debug)]
pub struct Cut {
    /// What the change parses and edits.
    pub text: String,
    /// Runs of cut lines: the line of `text` each stood before, where it
    /// started in the file, and its bytes.
    runs: Vec<(usize, usize, String)>,
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
            lines.push((with_comments_above(text, line), client.id.value.clone()));
        }
    }
    if lines.is_empty() {
        return None;
    }
    lines.sort_by_key(|(line, _)| line.start);
    let mut kept = String::with_capacity(text.len() / 8);
    let mut runs: Vec<(usize, usize, String)> = Vec::new();
    let mut cut_ids = Vec::with_capacity(lines.len());
    let mut at = 0;
    let mut kept_lines = 0;
    for (line, id) in lines {
        let between = &text[at..line.start];
        kept.push_str(between);
        kept_lines += between.matches('\n').count();
        match runs.last_mut() {
            Some((before, _, run)) if *before == kept_lines && between.is_empty() => {
                run.push_str(&text[line.clone()]);
            }
            _ => runs.push((kept_lines, line.start, text[line.clone()].to_string())),
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

/// The line with the blank and comment lines right above it: `toml_edit`
/// keeps those with the entry that follows them, so they go where it goes
/// (left behind, they would fall to the next entry the edit sees).
fn with_comments_above(text: &str, line: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut start = line.start;
    while start > 0 {
        let above = text[..start - 1].rfind('\n').map_or(0, |n| n + 1);
        let content = text[above..start].trim();
        if content.is_empty() || content.starts_with('#') {
            start = above;
        } else {
            break;
        }
    }
    start..line.end
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
        && text[value.range()].starts_with('{')
        && (after.is_empty() || after.starts_with('#'))
        && !line.trim_end_matches(['\n', '\r']).contains(['\n', '\r']);
    plain.then_some(start..end)
}

/// The whole file after a cut edit, and where each of its pieces came from.
#[derive(Debug)]
pub struct Rejoined {
    /// The whole new text.
    pub text: String,
    /// The edited document's text, as the change left it.
    edited: String,
    /// Where the edited text's bytes went, in order.
    edited_pieces: Vec<Piece>,
    /// Where the cut runs went, in the file's order.
    cut_pieces: Vec<Piece>,
    cut_ids: Vec<String>,
}

/// `len` bytes at `at` in the whole text, from `from` in their source (the
/// edited text, or the file as it was for a cut run).
#[derive(Debug)]
struct Piece {
    at: usize,
    from: usize,
    len: usize,
}

impl Cut {
    /// The whole file after the change: the edited document's text with
    /// every cut run put back before the line it stood before. `None` when
    /// the edit wrote a client that was cut out (it could not have seen
    /// it), so the caller edits the whole document instead.
    pub fn rejoin(self, edited: &DocumentMut) -> Option<Rejoined> {
        if self.writes_a_cut_client(edited) {
            return None;
        }
        let edited = edited.to_string();
        let after: Vec<&str> = edited.split_inclusive('\n').collect();
        let diff = line_diff(&self.text, &after);
        let cut_bytes: usize = self.runs.iter().map(|r| r.2.len()).sum();
        let mut joined = Joined::with_capacity(edited.len() + cut_bytes);
        let mut runs = self
            .runs
            .iter()
            .map(|(line, start, run)| (moved_line(&diff, *line, after.len()), *start, run))
            .peekable();
        let mut offset = 0;
        for (index, line) in after.iter().enumerate() {
            while let Some((_, start, run)) = runs.next_if(|(at, _, _)| *at <= index) {
                joined.put(run, start, true);
            }
            joined.put(line, offset, false);
            offset += line.len();
        }
        for (_, start, run) in runs {
            joined.put(run, start, true);
        }
        Some(Rejoined {
            text: joined.text,
            edited,
            edited_pieces: joined.edited_pieces,
            cut_pieces: joined.cut_pieces,
            cut_ids: self.cut_ids,
        })
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

/// How the lines of the text as cut map onto the edited text's lines.
/// Lines are matched by their key where they have one, so an entry the
/// change rewrote still stands where it stood, and the runs cut around it
/// go back around it.
fn line_diff(cut_text: &str, after: &[&str]) -> Vec<similar::DiffOp> {
    let before: Vec<&str> = cut_text.split_inclusive('\n').collect();
    similar::capture_diff_slices(
        similar::Algorithm::Myers,
        &before.iter().map(|line| line_key(line)).collect::<Vec<_>>(),
        &after.iter().map(|line| line_key(line)).collect::<Vec<_>>(),
    )
}

/// Where a line of the text as cut went in the edited text, of
/// `after_lines` lines.
fn moved_line(diff: &[similar::DiffOp], line: usize, after_lines: usize) -> usize {
    for op in diff {
        let (old, new) = (op.old_range(), op.new_range());
        if old.contains(&line) {
            // Within a replaced stretch, a line keeps its place as far as
            // the new stretch reaches (a rewritten header followed by a
            // removed entry keeps the run after it).
            return new.start + (line - old.start).min(new.len());
        }
    }
    after_lines
}

/// The whole text as it is put together, with where each piece came from.
struct Joined {
    text: String,
    edited_pieces: Vec<Piece>,
    cut_pieces: Vec<Piece>,
}

impl Joined {
    fn with_capacity(bytes: usize) -> Joined {
        Joined {
            text: String::with_capacity(bytes),
            edited_pieces: Vec::new(),
            cut_pieces: Vec::new(),
        }
    }

    /// Appends `bytes`, which stood at `from` in the edited text or (`cut`)
    /// in the file as it was; a piece that continues the last one of its
    /// source extends it.
    fn put(&mut self, bytes: &str, from: usize, cut: bool) {
        let pieces = if cut {
            &mut self.cut_pieces
        } else {
            &mut self.edited_pieces
        };
        match pieces.last_mut() {
            Some(last) if last.at + last.len == self.text.len() && last.from + last.len == from => {
                last.len += bytes.len();
            }
            _ => pieces.push(Piece {
                at: self.text.len(),
                from,
                len: bytes.len(),
            }),
        }
        self.text.push_str(bytes);
    }
}

impl Rejoined {
    /// Where a byte of the edited text, or (`cut`) of a cut line in the
    /// file as it was, stands in the whole text.
    fn moved(&self, offset: usize, cut: bool) -> usize {
        let pieces = if cut {
            &self.cut_pieces
        } else {
            &self.edited_pieces
        };
        // Pieces of one source are in its order: the last starting at or
        // before the offset holds it.
        let after = pieces.partition_point(|p| p.from <= offset);
        after
            .checked_sub(1)
            .and_then(|i| pieces.get(i))
            .filter(|p| offset < p.from + p.len)
            .map_or(offset, |p| p.at + (offset - p.from))
    }

    /// The new text read and validated, without reading the lines the
    /// change left alone: their clients are the file's as it was (`before`,
    /// which validated), moved to where they now stand; everything else is
    /// read from the edited text and moved likewise. The result equals
    /// `rules::check` of the whole text (tests/cut_edits.rs compares them).
    pub fn checked(&self, before: &Practice, date: NaiveDate) -> Checked {
        rules::check_read(&self.text, date, |text| {
            self.read_from_pieces(before)
                .unwrap_or_else(|| read_practice(text))
        })
    }

    /// The new text as read, assembled from its pieces; `None` when the
    /// edited text reads with findings of its own (the whole text is read
    /// then, so they point where they should).
    fn read_from_pieces(&self, before: &Practice) -> Option<ReadOutcome> {
        let outcome = read_practice(&self.edited);
        if !outcome.parsed || !outcome.findings.0.is_empty() {
            return None;
        }
        let mut practice = outcome.practice;
        practice.respan(&|offset| self.moved(offset, false));
        practice.clients.reserve(self.cut_ids.len());
        for id in &self.cut_ids {
            let mut client = before.client(id)?.clone().raw();
            client.respan(&|offset| self.moved(offset, true));
            practice.clients.push(client);
        }
        practice.clients.sort_by_key(|client| client.id.span.start);
        Some(ReadOutcome {
            practice: practice.indexed(),
            findings: outcome.findings,
            parsed: true,
        })
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
