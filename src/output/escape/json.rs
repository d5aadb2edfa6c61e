//! JSON output escaped for a terminal or a log: a `serde_json` formatter
//! that writes the forbidden characters serde_json leaves raw (C1
//! controls, bidi controls, line and paragraph separators: the table
//! `rules::text::FORBIDDEN`) as `\uXXXX`. Kept apart from
//! the text escapes because it works inside serde_json's writer, not on a
//! string.

use crate::rules::text::is_forbidden;

/// JSON output that holds no raw C1 control or bidi character: serde_json
/// already escapes C0 controls, `"` and `\`; this formatter also writes
/// U+007F–U+009F, the bidi controls and U+2028/U+2029 as `\uXXXX`, so a
/// JSON document printed to a terminal or a log cannot reorder or hide
/// what it shows. The parsed value is the same.
pub struct JsonFormatter<F> {
    inner: F,
}

impl<F> JsonFormatter<F> {
    pub fn new(inner: F) -> Self {
        JsonFormatter { inner }
    }
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for JsonFormatter<F> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| is_forbidden(c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    // Everything else is the inner formatter's: indentation, separators.
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.inner.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.inner.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.inner.end_object_value(w)
    }
}

/// `value` as pretty JSON (`pretty`) or one line, through [`JsonFormatter`].
pub fn json<T: serde::Serialize + ?Sized>(value: &T, pretty: bool) -> serde_json::Result<String> {
    let mut bytes = Vec::new();
    if pretty {
        let formatter = JsonFormatter::new(serde_json::ser::PrettyFormatter::new());
        let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, formatter);
        value.serialize(&mut serializer)?;
    } else {
        let formatter = JsonFormatter::new(serde_json::ser::CompactFormatter);
        let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, formatter);
        value.serialize(&mut serializer)?;
    }
    // The formatter writes only valid UTF-8: the input's own bytes and
    // ASCII escapes.
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::escape::tests::HOSTILE;

    #[test]
    fn json_escapes_c1_and_bidi_and_still_parses() {
        let value = serde_json::json!({ "name": HOSTILE, "line\u{2028}": 1 });
        let pretty = json(&value, true).unwrap_or_default();
        let compact = json(&value, false).unwrap_or_default();
        for rendered in [&pretty, &compact] {
            // Pretty JSON's own newlines and indentation are its structure.
            assert!(
                !rendered.chars().any(|c| is_forbidden(c) && c != '\n'),
                "{rendered}"
            );
            let back: serde_json::Value = serde_json::from_str(rendered).unwrap_or_default();
            assert_eq!(back, value);
        }
        assert!(pretty.contains("\\u202e") && pretty.contains("\\u009b"));
    }
}
