//! Escaping at the edge, one function per kind of output (SPEC §8 Output).
//!
//! Free text (names, reasons, descriptions, emails, ids echoed from an
//! argument or a broken file, source lines under a finding) reaches a
//! terminal, a CI log, a pull-request comment, a spreadsheet or an XML
//! parser. Each of those reads structure into different characters, so each
//! renderer calls the function here for its format, on the free text only:
//! our own newlines, table rules and markdown stay ours.
//!
//! [`text`] is the one escaping of the forbidden characters, those of
//! `rules::text::FORBIDDEN` (controls, line and paragraph separators, bidi
//! controls): every other function builds on it, so `\u{1b}` reads the same
//! everywhere. No escaper keeps a list of its own; a character added to
//! that table is escaped by all of them.

mod json;

pub use json::{JsonFormatter, json};

use crate::rules::text::is_forbidden;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

/// Free text for a terminal or a log: every forbidden character (control,
/// separator, bidi), newlines included, is written as `\u{1b}`. A line of output built from
/// our words and escaped free text is one line, and it says what it holds.
pub fn text(free: &str) -> Cow<'_, str> {
    if !free.chars().any(is_forbidden) {
        return Cow::Borrowed(free);
    }
    let mut out = String::with_capacity(free.len() + 8);
    for c in free.chars() {
        push_text(&mut out, c);
    }
    Cow::Owned(out)
}

fn push_text(out: &mut String, c: char) {
    if is_forbidden(c) {
        let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
    } else {
        out.push(c);
    }
}

/// Text we rendered ourselves, line by line, that may still hold free
/// text (a message on stderr): our newlines stay, every other control and
/// bidi character is escaped as in [`text`].
pub fn lines(rendered: &str) -> String {
    rendered
        .split('\n')
        .map(text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A path shown at the start of a line (`file:line:col: …`, a diff label):
/// escaped as [`text`], and a relative path that would begin the line with
/// `::` (a GitHub workflow command) is shown as `./::…`, the same file.
pub fn path(path: &Path) -> String {
    let shown = text(&path.to_string_lossy()).into_owned();
    if shown.starts_with(':') {
        format!("./{shown}")
    } else {
        shown
    }
}

/// Free text inside markdown (a table cell, a list item, a heading): it
/// cannot open HTML or a comment, a link or image, code, emphasis or a table
/// cell, and cannot start a block or a line. `<`, `>` and `&` become
/// entities; the other markdown punctuation is backslash-escaped (`(` and
/// `)` only where they could end a list number: with `[` and `]` escaped
/// they open no link); a leading space becomes `&#32;`; a line break is
/// escaped as in [`text`].
pub fn markdown(free: &str) -> String {
    let escaped = text(free);
    let mut out = String::with_capacity(escaped.len() + 8);
    let mut at_start = true;
    let mut leading_digits = false;
    for c in escaped.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // `(` and `)` stay: without a `[` or `]` they open no link.
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '!' | '|' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // Block openers matter only where the text begins (a heading,
            // a list, a thematic break, `1.` after leading digits).
            '#' | '-' | '+' | '=' | ':' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if at_start || leading_digits => {
                out.push('\\');
                out.push(c);
            }
            ' ' if at_start => out.push_str("&#32;"),
            // GitHub links bare addresses and pings `@mentions`: entities
            // render the same characters without either.
            '@' => out.push_str("&#64;"),
            '/' if out.ends_with(':') => out.push_str("&#47;"),
            '.' if out
                .get(out.len().saturating_sub(3)..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case("www")) =>
            {
                out.push_str("&#46;")
            }
            _ => out.push(c),
        }
        leading_digits = (at_start || leading_digits) && c.is_ascii_digit();
        at_start = false;
    }
    out
}

/// A markdown code span for an identifier we know is plain (`[A-Za-z0-9._-]`
/// and the like), else the escaped text without a span: inside a code span
/// a backslash escape would show.
pub fn markdown_code(id: &str) -> String {
    let plain = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '*' | '@' | '/'));
    if plain {
        format!("`{id}`")
    } else {
        markdown(id)
    }
}

/// One CSV cell: a cell a spreadsheet would read as a formula (it starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`;
/// control and bidi characters are escaped as in [`text`]; then RFC 4180
/// quoting. A cell that starts with `:` is quoted too, so no CSV line can
/// begin with `::`.
pub fn csv(cell: &str) -> String {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let mut value = String::with_capacity(cell.len() + 2);
    if formula {
        value.push('\'');
    }
    value.push_str(&text(cell));
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(':') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// Free text inside XML 1.0 (element content or an attribute value): the
/// five markup characters as entities; control and bidi characters, which
/// XML 1.0 cannot hold or an attribute would normalize, as text like
/// [`text`]; U+FFFE and U+FFFF, which XML forbids, likewise.
pub fn xml(free: &str) -> String {
    let mut out = String::with_capacity(free.len() + 8);
    for c in free.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{fffe}' | '\u{ffff}' => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => push_text(&mut out, c),
        }
    }
    out
}

/// The message of a GitHub workflow command (`::error …::MESSAGE`): `%`,
/// CR and LF percent-encoded as the runner decodes them; any other control
/// or bidi character escaped as in [`text`].
pub fn workflow_data(free: &str) -> String {
    let mut out = String::with_capacity(free.len() + 8);
    for c in free.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => push_text(&mut out, c),
        }
    }
    out
}

/// A property value of a workflow command (`file=…,title=…`): as
/// [`workflow_data`], and `:` and `,` percent-encoded, which would end it.
pub fn workflow_property(free: &str) -> String {
    workflow_data(free).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {

    #[test]
    fn markdown_neither_links_nor_mentions() {
        let shown = markdown("Per https://evil.example/ok or www.evil.example, approved by @alice");
        assert!(!shown.contains("://"), "{shown}");
        assert!(!shown.to_ascii_lowercase().contains("www."), "{shown}");
        assert!(!shown.contains('@'), "{shown}");
    }

    use super::*;

    pub(super) const HOSTILE: &str = "a\u{1b}]0;pwned\u{7}b\r\n::error::x\u{202e}cba\u{9b}2J\u{0}";

    #[test]
    fn text_escapes_every_control_and_bidi_character() {
        assert_eq!(
            text(HOSTILE),
            "a\\u{1b}]0;pwned\\u{7}b\\u{d}\\u{a}::error::x\\u{202e}cba\\u{9b}2J\\u{0}"
        );
        for c in [
            '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{2066}', '\u{2069}', '\u{7f}',
        ] {
            assert!(text(&c.to_string()).starts_with("\\u{"), "{c:?}");
        }
        assert!(matches!(text("plain ünïcode ✓"), Cow::Borrowed(_)));
        assert_eq!(text("tab\there"), "tab\\u{9}here");
    }

    /// Every escaper, by name, applied to one text: the list a new escaper
    /// joins so the table tests below cover it.
    fn every_escaper(free: &str) -> Vec<(&'static str, String)> {
        vec![
            ("text", text(free).into_owned()),
            // Our own line breaks, and pretty JSON's, are structure: only
            // what is left must hold no raw forbidden character.
            ("lines", lines(free).replace('\n', "")),
            ("path", path(Path::new(free))),
            ("markdown", markdown(free)),
            ("markdown_code", markdown_code(free)),
            ("csv", csv(free)),
            ("xml", xml(free)),
            ("workflow_data", workflow_data(free)),
            ("workflow_property", workflow_property(free)),
            ("json", json(free, false).unwrap_or_default()),
            (
                "json pretty",
                json(&[free], true).unwrap_or_default().replace('\n', ""),
            ),
        ]
    }

    #[test]
    fn every_character_of_the_table_is_escaped_by_every_escaper() {
        for c in crate::rules::text::forbidden_characters() {
            for (escaper, shown) in every_escaper(&format!("a{c}b")) {
                assert!(!shown.contains(c), "{escaper} printed {c:?} raw: {shown:?}");
            }
        }
    }

    #[test]
    fn escapers_have_no_private_table() {
        // On every character outside printable ASCII (whose markup each
        // format escapes its own way) and the two XML cannot hold, each
        // escaper prints the character raw exactly when the one table
        // allows it: a list of its own, longer or shorter, would show here.
        // Every character of the basic plane, where the table and every
        // list of controls live, and a stride through the others (all of
        // them take 20 s in a debug build).
        for c in (0..0x20)
            .chain(0x7f..=0xffff)
            .chain((0x1_0000..=u32::from(char::MAX)).step_by(61))
            .filter_map(char::from_u32)
            .filter(|c| !matches!(c, '\u{fffe}' | '\u{ffff}'))
        {
            let allowed = !is_forbidden(c);
            let free = format!("a{c}b");
            for (escaper, shown) in every_escaper(&free) {
                assert_eq!(shown.contains(c), allowed, "{escaper} on {c:?}: {shown:?}");
            }
        }
    }

    #[test]
    fn lines_keep_our_newlines_only() {
        assert_eq!(lines("one\u{1b}[2J\ntwo"), "one\\u{1b}[2J\ntwo");
    }

    #[test]
    fn paths_never_begin_a_workflow_command() {
        assert_eq!(path(Path::new("::error::x.toml")), "./::error::x.toml");
        assert_eq!(path(Path::new("dir/p\u{1b}.toml")), "dir/p\\u{1b}.toml");
    }

    #[test]
    fn markdown_opens_nothing() {
        let escaped = markdown(
            "x\n\n<!-- hidden --> <script>alert(1)</script> & [a](b) ![i](j) `c` *e* _u_ ~s~ |t|",
        );
        assert!(
            !escaped.contains('<') && !escaped.contains('>'),
            "{escaped}"
        );
        assert!(!escaped.contains('\n'));
        for raw in ["[a](b)", "`c`", "*e*", "_u_", "~s~", "|t|", "!["] {
            assert!(!escaped.contains(raw), "{raw} in {escaped}");
        }
        assert!(escaped.contains("&lt;\\!-- hidden --&gt;"), "{escaped}");
    }

    #[test]
    fn markdown_starts_no_block() {
        assert_eq!(markdown("# h"), "\\# h");
        assert_eq!(markdown("> q"), "&gt; q");
        assert_eq!(markdown("- l"), "\\- l");
        assert_eq!(markdown("+ l"), "\\+ l");
        assert_eq!(markdown("12. n"), "12\\. n");
        assert_eq!(markdown("3) n"), "3\\) n");
        assert_eq!(markdown("a (b)"), "a (b)");
        assert_eq!(markdown("    code"), "&#32;   code");
        assert_eq!(markdown("==="), "\\===");
        // Inside the text, ordinary punctuation stays readable.
        assert_eq!(markdown("C-1001 clinical.view"), "C-1001 clinical.view");
    }

    #[test]
    fn markdown_code_spans_only_plain_ids() {
        assert_eq!(markdown_code("clinical.view"), "`clinical.view`");
        assert_eq!(markdown_code("a`b"), "a\\`b");
    }

    #[test]
    fn csv_defuses_formulas() {
        assert_eq!(csv("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(csv("+1"), "'+1");
        assert_eq!(csv("-1"), "'-1");
        assert_eq!(csv("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv("\t=1"), "'\\u{9}=1");
        assert_eq!(csv("\r=1"), "'\\u{d}=1");
        assert_eq!(csv("a,b"), "\"a,b\"");
        assert_eq!(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv("::error::x"), "\"::error::x\"");
        assert_eq!(csv("line\nbreak"), "line\\u{a}break");
        assert_eq!(csv("C-1001"), "C-1001");
    }

    #[test]
    fn xml_holds_only_what_xml_allows() {
        assert_eq!(
            xml("<a href=\"x\">&'\u{1}\u{1b}\u{fffe}"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\\u{1}\\u{1b}\\u{fffe}"
        );
    }

    #[test]
    fn workflow_commands_cannot_be_ended_early() {
        assert_eq!(
            workflow_data("50%\r\n::stop\u{1b}"),
            "50%25%0D%0A::stop\\u{1b}"
        );
        assert_eq!(workflow_property("a:b,c"), "a%3Ab%2Cc");
    }
}
