//! Reads `practice.toml` text into a [`Practice`], collecting every shape
//! problem (syntax, wrong types, unknown and missing keys, bad identifiers)
//! as findings instead of stopping at the first, as serde would. Spans come
//! from the `toml` parser's spanned tables, so findings point at the value
//! itself. This file reads the practice's tables; `read_entries.rs` reads
//! one entry of a table (a member, a client…) and `read_values.rs` one
//! value of an entry, reporting what is wrong with it.

use super::{Practice, Raw, Span, Spanned};
use crate::findings::{Code, Finding, Findings, Subject};
use toml::de::{DeTable, DeValue};

/// A parsed value and the bytes it was written at.
type Item<'i> = toml::Spanned<DeValue<'i>>;

/// What reading produced: the practice (possibly partial) and the findings
/// about its shape. Rules findings are added later by `rules::validate`.
pub struct ReadOutcome {
    pub practice: Practice<Raw>,
    pub findings: Findings,
    /// False when the text is not TOML at all; the practice is then empty.
    pub parsed: bool,
}

const TOP_KEYS: &[&str] = &[
    "version",
    "practice",
    "capabilities",
    "roles",
    "members",
    "clients",
];
const PRACTICE_KEYS: &[&str] = &["name", "owner", "max_supervisors"];

/// Parses the text (without a BOM) and reads it into a practice. A large
/// file whose `[clients]` table is one-line entries is parsed in pieces
/// (see `read_pieces.rs`), with the same outcome.
pub fn read_practice(text: &str) -> ReadOutcome {
    read_in_pieces(text).unwrap_or_else(|| read_whole(text))
}

/// The text read in pieces, or `None` when it is too small for that or the
/// pieces cannot vouch for it (see `read_pieces.rs`).
pub fn read_in_pieces(text: &str) -> Option<ReadOutcome> {
    pieces::read_in_pieces(text, pieces::PIECE_BYTES)
}

#[path = "read_entries.rs"]
mod entries;
#[path = "read_pieces.rs"]
mod pieces;
#[path = "read_values.rs"]
mod values;

/// Parses and reads the whole text at once: what [`read_practice`] does
/// for a file it cannot read in pieces, and what it must equal when it can.
pub fn read_whole(text: &str) -> ReadOutcome {
    match DeTable::parse(text) {
        Ok(root) if let Some(span) = overflowing_integer(root.get_ref()) => ReadOutcome {
            // The `toml` parser leaves integers as text; one that does not
            // fit 64 bits is not TOML, and is reported as the syntax error
            // it is.
            practice: Practice::indexed_empty(),
            findings: Findings(vec![syntax_error(span, "integer number overflowed")]),
            parsed: false,
        },
        Ok(root) => {
            let mut reader = Reader {
                text,
                findings: Findings::default(),
            };
            let practice = reader.practice(root.get_ref()).indexed();
            ReadOutcome {
                practice,
                findings: reader.findings,
                parsed: true,
            }
        }
        Err(error) => unparsed(&error),
    }
}

/// The outcome for text that is not TOML: one syntax finding.
fn unparsed(error: &toml::de::Error) -> ReadOutcome {
    ReadOutcome {
        practice: Practice::indexed_empty(),
        findings: Findings(vec![syntax_error(
            error.span().unwrap_or(0..0).into(),
            error.message().trim(),
        )]),
        parsed: false,
    }
}

fn syntax_error(span: Span, message: &str) -> Finding {
    Finding::new(
        Code::Syntax,
        span,
        format!("TOML syntax error: {message}"),
        "fix the TOML syntax at this point (strings need quotes, tables need [brackets])",
    )
}

/// The first integer in the document (in file order) outside TOML's 64-bit
/// range.
fn overflowing_integer(table: &DeTable<'_>) -> Option<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut pending: Vec<&Item<'_>> = table.values().collect();
    while let Some(item) = pending.pop() {
        match item.get_ref() {
            DeValue::Integer(integer)
                if i64::from_str_radix(integer.as_str(), integer.radix()).is_err() =>
            {
                spans.push(item.span().into());
            }
            DeValue::Table(table) => pending.extend(table.values()),
            DeValue::Array(array) => pending.extend(array.iter()),
            _ => {}
        }
    }
    spans.into_iter().min_by_key(|span| span.start)
}

struct Reader<'t> {
    /// The text read, to tell an inline table from a `[table]` in messages.
    text: &'t str,
    findings: Findings,
}

/// A table and where it stands in the text, for "missing key" findings.
struct Located<'a, 'i> {
    table: &'a DeTable<'i>,
    span: Span,
    /// How findings name it: "member `bob`", "[practice]".
    what: String,
    /// The member or client whose entry it is, for the findings about it.
    about: Option<Subject>,
}

impl<'a, 'i> Located<'a, 'i> {
    fn get(&self, key: &str) -> Option<&'a Item<'i>> {
        self.table.get(key)
    }
}

/// Where a value was written; `None` for a table no header or key wrote
/// (`[members]` implied by `[members.bob]`), which has no place of its own.
fn value_span(item: &Item<'_>) -> Option<Span> {
    let span = item.span();
    (!span.is_empty()).then_some(span.into())
}

impl Reader<'_> {
    fn practice(&mut self, root: &DeTable<'_>) -> Practice<Raw> {
        let top = Located {
            table: root,
            span: Span::default(),
            what: "the file".to_string(),
            about: None,
        };
        self.check_keys(&top, TOP_KEYS);
        let mut practice = Practice::default();
        match top.get("version") {
            None => self.missing(&top, "version", "1"),
            Some(_) => practice.version = self.integer(&top, "version"),
        }
        match top.get("practice") {
            None => self.error(
                Code::MissingKey,
                Span::default(),
                "the file has no [practice] table".to_string(),
                "add `[practice]` with `name = \"Your Practice\"`",
            ),
            Some(item) => {
                let span = Self::key_span(&top, "practice");
                if let Some(at) = self.sub_table(item, span, "[practice]".to_string()) {
                    self.check_keys(&at, PRACTICE_KEYS);
                    practice.name = self.required_string(&at, "name", "\"Your Practice\"");
                    practice.owner = self.string(&at, "owner");
                    practice.max_supervisors = self.integer(&at, "max_supervisors");
                }
            }
        }
        for (id, at) in self.entries(&top, "capabilities", "capability") {
            practice.capabilities.push(self.custom_capability(id, &at));
        }
        for (id, at) in self.entries(&top, "roles", "role") {
            practice.roles.push(self.role(id, &at));
        }
        for (id, at) in self.entries(&top, "members", "member") {
            practice.members.push(self.member(id, &at));
        }
        for (id, at) in self.entries(&top, "clients", "client") {
            practice.clients.push(self.client(id, &at));
        }
        practice
    }

    /// The entries of a keyed section (`[members.ID]`, `[clients] ID = {}`),
    /// each with its id and span; the id is checked as an identifier.
    fn entries<'a, 'i>(
        &mut self,
        top: &Located<'a, 'i>,
        key: &str,
        what: &str,
    ) -> Vec<(Spanned<String>, Located<'a, 'i>)> {
        let Some(item) = top.get(key) else {
            return Vec::new();
        };
        let span = Self::key_span(top, key);
        let Some(section) = self.sub_table(item, span, format!("[{key}]")) else {
            return Vec::new();
        };
        self.section_entries(&section, what)
    }

    /// The entries of a keyed section already found.
    fn section_entries<'a, 'i>(
        &mut self,
        section: &Located<'a, 'i>,
        what: &str,
    ) -> Vec<(Spanned<String>, Located<'a, 'i>)> {
        let mut entries = Vec::with_capacity(section.table.len());
        for (id, entry) in section.table.iter() {
            let id_span: Span = id.span().into();
            let id: &str = id.get_ref();
            self.identifier(id, id_span, what);
            if let Some(mut at) = self.sub_table(entry, id_span, format!("{what} `{id}`")) {
                at.about = match what {
                    "member" => Some(Subject::Member(id.to_string())),
                    "client" => Some(Subject::Client(id.to_string())),
                    _ => None,
                };
                entries.push((Spanned::new(id.to_string(), id_span), at));
            }
        }
        entries
    }
}

/// `^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`
pub fn is_identifier(id: &str) -> bool {
    let mut chars = id.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    id.len() <= 64
        && first.is_ascii_alphanumeric()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        read_practice(text)
            .findings
            .iter()
            .map(|f| f.code.as_str())
            .collect()
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("C-1001"));
        assert!(is_identifier("a.b_c-d"));
        assert!(is_identifier(&"a".repeat(64)));
        assert!(!is_identifier(&"a".repeat(65)));
        assert!(!is_identifier("-bob"));
        assert!(!is_identifier("bob smith"));
        assert!(!is_identifier(""));
        assert!(!is_identifier("böb"));
    }

    #[test]
    fn reads_both_client_forms_and_dates() {
        let outcome = read_practice(
            "version = 1\n[practice]\nname = \"x\"\n[clients]\nC-1 = { primary = \"bob\", temporary = [{ member = \"erin\", until = 2026-12-31, reason = \"leave\" }] }\n[clients.C-2]\nprimary = \"bob\"\nrestricted = true\n",
        );
        assert!(outcome.findings.0.is_empty(), "{:?}", outcome.findings);
        let practice = outcome.practice;
        assert_eq!(practice.clients.len(), 2);
        let until = practice.clients[0].temporary[0]
            .until
            .as_ref()
            .map(|u| u.value);
        assert_eq!(until, chrono::NaiveDate::from_ymd_opt(2026, 12, 31));
        assert!(practice.clients[1].restricted);
    }

    #[test]
    fn syntax_wrong_type_unknown_and_missing_keys() {
        assert_eq!(codes("version = "), ["P001"]);
        assert_eq!(
            codes("version = \"1\"\n[practice]\nname = \"x\"\n"),
            ["P002"]
        );
        assert_eq!(
            codes("version = 1\n[practice]\nname = \"x\"\nownr = \"a\"\n"),
            ["P003"]
        );
        assert_eq!(codes("version = 1\n[practice]\n"), ["P004"]);
        assert_eq!(
            codes("version = 1\n[practice]\nname = \"x\"\n"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn unknown_key_suggests_the_closest() {
        let outcome = read_practice(
            "version = 1\n[practice]\nname = \"x\"\n[members.bob]\nname = \"B\"\nrole = []\n",
        );
        let finding = &outcome.findings.0[0];
        assert_eq!(finding.code, Code::UnknownKey);
        assert!(finding.hint.contains("`roles`"), "{}", finding.hint);
    }

    #[test]
    fn until_must_be_a_date() {
        let outcome = read_practice(
            "version = 1\n[practice]\nname = \"x\"\n[clients]\nC-1 = { primary = \"b\", temporary = [{ member = \"e\", until = \"2026-12-31\", reason = \"r\" }] }\n",
        );
        assert_eq!(outcome.findings.0[0].code, Code::WrongType);
    }
}
