//! Reading a large practice in pieces. The `toml` parser holds the tokens
//! and events of all it parses until it is done (on a 4.6 MB file its peak
//! is 168 MB), and nearly all of a large practice is its `[clients]` table.
//! When that table is one-line entries (`ID = { … }`, blank lines and
//! comments), the file is read as its skeleton (everything else, the
//! `[clients]` header kept) and the table's lines in pieces of about
//! [`PIECE_BYTES`], each parsed on its own and read into clients at once.
//!
//! The outcome is the whole read's: spans are moved to the file's offsets,
//! clients keep the file's order, and anything the pieces cannot vouch for
//! — a line of another shape, a header that is not one, a syntax error, an
//! id twice — sends the file to the whole read, which reports it as it
//! always did (tests below compare the two on every input they have).

use super::{Located, ReadOutcome, Reader, overflowing_integer};
use crate::findings::Findings;
use crate::model::{Practice, Raw, Respan, Span};
use foldhash::HashSet;
use toml::de::DeTable;

/// About how much of the `[clients]` table one piece parses.
pub(super) const PIECE_BYTES: usize = 256 * 1024;

/// The outcome of reading `text` in pieces of about `piece` bytes, or
/// `None` when it is not worth it or the pieces cannot vouch for the text.
pub(super) fn read_in_pieces(text: &str, piece: usize) -> Option<ReadOutcome> {
    let (header, body) = clients_body(text)?;
    if body.len() < 2 * piece.max(1) {
        return None;
    }
    let (mut practice, mut findings) = read_skeleton(text, header, body)?;
    let mut ids: HashSet<String> = practice
        .clients
        .iter()
        .map(|c| c.id.value.clone())
        .collect();
    let mut at = body.start;
    while at < body.end {
        // Bytes, not chars: `at + piece` may fall inside a character.
        let from = (at + piece).min(body.end);
        let end = text.as_bytes()[from..body.end]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(body.end, |n| from + n + 1);
        read_piece(&text[at..end], at, &mut ids, &mut practice, &mut findings)?;
        at = end;
    }
    // The whole read keeps the file's order: by where each id is written.
    practice.clients.sort_by_key(|client| client.id.span.start);
    Some(ReadOutcome {
        practice: practice.indexed(),
        findings,
        parsed: true,
    })
}

/// The file without the `[clients]` table's lines (its header kept), read
/// as the whole read reads it, spans at the file's offsets; `None` when it
/// does not parse or the header is not the table's own.
fn read_skeleton(text: &str, header: usize, body: Span) -> Option<(Practice<Raw>, Findings)> {
    let skeleton = format!("{}{}", &text[..body.start], &text[body.end..]);
    let root = DeTable::parse(&skeleton).ok()?;
    if overflowing_integer(root.get_ref()).is_some() {
        return None;
    }
    // The header must be the `[clients]` table's own: not a line inside a
    // multi-line string, not a table the skeleton defines elsewhere.
    let clients = root.get_ref().get("clients")?;
    if !clients.get_ref().is_table() || clients.span().start != header {
        return None;
    }
    let mut reader = Reader {
        text: &skeleton,
        findings: Findings::default(),
    };
    let mut practice = reader.practice(root.get_ref());
    drop(root);
    let mut findings = reader.findings;
    let after_body = |offset: usize| {
        if offset >= body.start {
            offset + body.len()
        } else {
            offset
        }
    };
    practice.respan(&after_body);
    for finding in &mut findings.0 {
        finding.span.respan(&after_body);
    }
    Some((practice, findings))
}

/// One piece of the `[clients]` table, `chunk`, written at byte `at` of
/// the file: its clients added to the practice and its findings to the
/// others, at the file's offsets. `None` when the piece does not parse, an
/// integer overflows or an id was already read.
fn read_piece(
    chunk: &str,
    at: usize,
    ids: &mut HashSet<String>,
    practice: &mut Practice<Raw>,
    findings: &mut Findings,
) -> Option<()> {
    let root = DeTable::parse(chunk).ok()?;
    if overflowing_integer(root.get_ref()).is_some() {
        return None;
    }
    let mut reader = Reader {
        text: chunk,
        findings: Findings::default(),
    };
    let section = Located {
        table: root.get_ref(),
        span: Span::default(),
        what: "[clients]".to_string(),
        about: None,
    };
    let to_file = |offset: usize| offset + at;
    for (id, entry) in reader.section_entries(&section, "client") {
        if !ids.insert(id.value.clone()) {
            return None;
        }
        let mut client = reader.client(id, &entry);
        client.respan(&to_file);
        practice.clients.push(client);
    }
    for mut finding in reader.findings.0 {
        finding.span.respan(&to_file);
        findings.0.push(finding);
    }
    Some(())
}

/// Where the `[clients]` header line starts, and the bytes of its table
/// (the lines after the header up to the next header or the end), when
/// every one of those lines is blank, a comment or a one-line entry.
fn clients_body(text: &str) -> Option<(usize, Span)> {
    let mut lines = text.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    });
    let header = lines.find(|(_, line)| {
        let content = strip_comment(line.trim());
        content.trim_end() == "[clients]"
    })?;
    let start = header.0 + header.1.len();
    let mut end = text.len();
    for (at, line) in lines {
        let content = line.trim();
        if content.starts_with('[') {
            end = at;
            break;
        }
        if !(content.is_empty() || content.starts_with('#') || one_line_entry(content)) {
            return None;
        }
    }
    let header_start = header.0 + (header.1.len() - header.1.trim_start().len());
    Some((header_start, Span::new(start, end)))
}

/// The text before a `#` that no string holds (the header line has none).
fn strip_comment(line: &str) -> &str {
    line.split_once('#').map_or(line, |(before, _)| before)
}

/// `KEY = { … }` alone on the line: a bare or plainly quoted key, an inline
/// table whose brackets and strings close on the line, and at most a
/// comment after it. Conservative: a line it refuses sends the file to the
/// whole read.
fn one_line_entry(line: &str) -> bool {
    entry_value(line).is_some_and(|value| value.starts_with('{') && closes_on_the_line(value))
}

/// What follows `KEY =` on the line, the key bare or plainly quoted (no
/// escapes); `None` for any other start.
fn entry_value(line: &str) -> Option<&str> {
    let key_end = if let Some(rest) = line.strip_prefix('"') {
        match rest.find(['"', '\\']) {
            Some(n) if rest.as_bytes()[n] == b'"' => n + 2,
            _ => return None,
        }
    } else {
        line.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(line.len())
    };
    if key_end == 0 {
        return None;
    }
    line[key_end..]
        .trim_start_matches([' ', '\t'])
        .strip_prefix('=')
        .map(|v| v.trim_start_matches([' ', '\t']))
}

/// The bracket `value` opens closes on the line, every string in it closes
/// on the line, and nothing but a comment follows it.
fn closes_on_the_line(value: &str) -> bool {
    let mut depth: Vec<char> = Vec::new();
    let mut chars = value.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' | '[' => depth.push(c),
            '}' | ']' => {
                let open = if c == '}' { '{' } else { '[' };
                if depth.pop() != Some(open) {
                    return false;
                }
                if depth.is_empty() {
                    let rest = value[i + 1..].trim();
                    return rest.is_empty() || rest.starts_with('#');
                }
            }
            '"' | '\'' => {
                // A multi-line string may hold newlines: not one line.
                if value[i..].starts_with("\"\"\"") || value[i..].starts_with("'''") {
                    return false;
                }
                let mut closed = false;
                while let Some((_, s)) = chars.next() {
                    if s == '\\' && c == '"' {
                        chars.next();
                    } else if s == c {
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    return false;
                }
            }
            '#' => return false,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::read_whole;
    use super::*;

    /// Everything a read says (the look-up tables print as `Index { .. }`).
    fn shown(outcome: &ReadOutcome) -> String {
        format!(
            "{}\n{:?}\n{:?}",
            outcome.parsed, outcome.practice, outcome.findings
        )
    }

    /// Reads `text` in pieces of every small size; each that the pieces
    /// take must equal the whole read. Returns how many did.
    fn same_as_whole(text: &str) -> usize {
        let mut taken = 0;
        for piece in [1, 7, 40, 200] {
            if let Some(outcome) = read_in_pieces(text, piece) {
                let mut sorted = outcome;
                sorted.findings.sort();
                let mut expected = read_whole(text);
                expected.findings.sort();
                assert_eq!(shown(&sorted), shown(&expected), "piece {piece}:\n{text}");
                taken += 1;
            }
        }
        taken
    }

    const HEAD: &str = "version = 1\n[practice]\nname = \"P\"\nowner = \"a\"\n[members.a]\nname = \"A\"\nroles = [\"administrator\"]\n";

    #[test]
    fn pieces_read_as_the_whole_file_does() {
        let body: String = (0..40)
            .map(|i| match i % 5 {
                0 => format!("C-{i} = {{ primary = \"a\" }}\n"),
                1 => format!("\"C-{i}\" = {{ primary = \"a\", clinicians = [\"b\"] }} # note\n"),
                2 => format!("C-{i} = {{ primary = \"a\", temporary = [{{ member = \"a\", until = 2027-01-01, reason = \"x # y\" }}] }}\r\n"),
                3 => "\n# a comment\n".to_string(),
                _ => format!("C-{i} = {{ primary = 3, bogus = true, restricted = \"no\" }}\n"),
            })
            .collect();
        let cases = [
            format!("{HEAD}[clients]\n{body}"),
            format!("{HEAD}[clients]\n{body}[roles.r]\ngrants = []\n"),
            format!("{HEAD}[clients.X-1]\nprimary = \"a\"\n[clients]\n{body}"),
            format!("{HEAD}[clients]\n{body}[clients.X-1]\nprimary = \"a\"\n"),
            format!("{HEAD}[clients]\n{body}bad id = {{ primary = \"a\" }}\n"),
            format!("{HEAD}[clients]\n{body}C-0 = {{ primary = \"a\" }}\n"),
            format!(
                "{HEAD}[clients]\n{body}C-99 = {{ primary = \"a\", x = 99999999999999999999 }}\n"
            ),
            format!("{HEAD}[clients]\n{body}C-98 = {{ primary = \"a\"\n"),
            format!("{HEAD}x = \"\"\"\n[clients]\n{body}\"\"\"\n"),
            format!("{HEAD}[clients] # the charts\n{body}"),
            format!("{HEAD}  [clients]\n{body}[clients]\nC-97 = {{ primary = \"a\" }}\n"),
        ];
        let mut taken = 0;
        for text in &cases {
            taken += same_as_whole(text);
        }
        assert!(taken >= 20, "the pieces took only {taken} reads");
    }

    #[test]
    fn generated_examples_and_fuzzed_files_read_as_a_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = Vec::new();
        for dir in [
            "fuzz/corpus/validate",
            "fuzz/corpus/change",
            "tests/fixtures",
        ] {
            if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
                for entry in entries.flatten() {
                    if let Ok(text) = std::fs::read_to_string(entry.path()) {
                        texts.push(text);
                    }
                }
            }
        }
        for example in [
            "therapynotes",
            "sessions-health",
            "community-ehr",
            "simplepractice",
        ] {
            let path = root.join(format!("examples/{example}/practice.toml"));
            texts.push(std::fs::read_to_string(path).unwrap_or_default());
        }
        assert!(texts.len() > 500, "the corpus is missing: {}", texts.len());
        let taken: usize = texts.iter().map(|t| same_as_whole(t)).sum();
        assert!(taken > 100, "the pieces took only {taken} reads");
    }
}
