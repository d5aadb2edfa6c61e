//! Reading one value of a table: a string, a date, a list…, each with its
//! span, and a finding (wrong type, missing key, unknown key, bad id) when
//! it is not what the practice needs.

use super::{Item, Located, Reader, is_identifier, value_span};
use crate::findings::{Code, Finding};
use crate::model::{Span, Spanned};
use crate::suggest;
use chrono::NaiveDate;
use toml::de::DeValue;

impl Reader<'_> {
    /// How findings name a value's type, in TOML's words.
    pub(super) fn type_name(&self, item: &Item<'_>) -> &'static str {
        let written = self.text.get(item.span().start..).unwrap_or_default();
        match item.get_ref() {
            DeValue::Table(_) if written.starts_with('{') => "inline table",
            // `[[name]]`, not an inline array that opens with an array.
            DeValue::Array(array)
                if written.starts_with("[[")
                    && array
                        .first()
                        .is_some_and(|first| first.get_ref().is_table()) =>
            {
                "array of tables"
            }
            other => other.type_str(),
        }
    }

    pub(super) fn error(
        &mut self,
        code: Code,
        span: Span,
        message: String,
        hint: impl Into<String>,
    ) {
        self.findings.push(Finding::new(code, span, message, hint));
    }

    /// The span of `key`'s value, falling back to the key, then the table.
    pub(super) fn span_of(&self, at: &Located<'_, '_>, key: &str) -> Span {
        at.table
            .get_key_value(key)
            .map(|(k, v)| value_span(v).unwrap_or_else(|| k.span().into()))
            .unwrap_or_else(|| at.span)
    }

    pub(super) fn key_span(at: &Located<'_, '_>, key: &str) -> Span {
        at.table
            .get_key_value(key)
            .map_or_else(|| at.span, |(k, _)| k.span().into())
    }

    pub(super) fn check_keys(&mut self, at: &Located<'_, '_>, known: &[&str]) {
        for (key, _) in at.table.iter() {
            let key_text: &str = key.get_ref();
            if known.contains(&key_text) {
                continue;
            }
            let hint = match suggest::closest(key_text, known.iter().copied()) {
                Some(near) => suggest::mean(near),
                None => format!("known keys here: {}", known.join(", ")),
            };
            let finding = Finding::new(
                Code::UnknownKey,
                key.span(),
                format!("unknown key `{key_text}` in {}", at.what),
                hint,
            );
            // A member with a misspelled key is not read whole: the
            // findings that follow from the missing value are not shown
            // (`rules::check`).
            self.findings
                .push(finding.about(at.about.iter().cloned().collect()));
        }
    }

    pub(super) fn missing(&mut self, at: &Located<'_, '_>, key: &str, example: &str) {
        self.error(
            Code::MissingKey,
            at.span,
            format!("{} has no `{key}`", at.what),
            format!("add `{key} = {example}`"),
        );
    }

    pub(super) fn wrong_type(&mut self, span: Span, what: &str, expected: &str, found: &str) {
        self.error(
            Code::WrongType,
            span,
            format!("{what} must be {expected}, found {found}"),
            format!("write {what} as {expected}"),
        );
    }

    pub(super) fn sub_table<'a, 'i>(
        &mut self,
        item: &'a Item<'i>,
        span: Span,
        what: String,
    ) -> Option<Located<'a, 'i>> {
        match item.get_ref() {
            DeValue::Table(table) => Some(Located {
                table,
                span: value_span(item).unwrap_or(span),
                what,
                about: None,
            }),
            _ => {
                self.wrong_type(span, &what, "a table", self.type_name(item));
                None
            }
        }
    }

    pub(super) fn string(&mut self, at: &Located<'_, '_>, key: &str) -> Option<Spanned<String>> {
        let item = at.get(key)?;
        let span = self.span_of(at, key);
        match item.get_ref() {
            DeValue::String(text) => Some(Spanned::new(text.to_string(), span)),
            _ => {
                self.wrong_type(span, &format!("`{key}`"), "a string", self.type_name(item));
                None
            }
        }
    }

    pub(super) fn required_string(
        &mut self,
        at: &Located<'_, '_>,
        key: &str,
        example: &str,
    ) -> Option<Spanned<String>> {
        if at.get(key).is_none() {
            self.missing(at, key, example);
            return None;
        }
        self.string(at, key)
    }

    pub(super) fn boolean(&mut self, at: &Located<'_, '_>, key: &str) -> Option<Spanned<bool>> {
        let item = at.get(key)?;
        let span = self.span_of(at, key);
        match item.get_ref() {
            DeValue::Boolean(value) => Some(Spanned::new(*value, span)),
            _ => {
                self.wrong_type(
                    span,
                    &format!("`{key}`"),
                    "true or false",
                    self.type_name(item),
                );
                None
            }
        }
    }

    pub(super) fn integer(&mut self, at: &Located<'_, '_>, key: &str) -> Option<Spanned<i64>> {
        let item = at.get(key)?;
        let span = self.span_of(at, key);
        match item.get_ref() {
            // In range: `read_practice` refused the file otherwise.
            DeValue::Integer(value) => i64::from_str_radix(value.as_str(), value.radix())
                .ok()
                .map(|value| Spanned::new(value, span)),
            _ => {
                self.wrong_type(
                    span,
                    &format!("`{key}`"),
                    "an integer",
                    self.type_name(item),
                );
                None
            }
        }
    }

    pub(super) fn date(&mut self, at: &Located<'_, '_>, key: &str) -> Option<Spanned<NaiveDate>> {
        let item = at.get(key)?;
        let span = self.span_of(at, key);
        let datetime = match item.get_ref() {
            DeValue::Datetime(datetime) => Some(datetime),
            _ => None,
        };
        let date = datetime.and_then(|d| match (d.date, d.time, d.offset) {
            (Some(date), None, None) => NaiveDate::from_ymd_opt(
                i32::from(date.year),
                u32::from(date.month),
                u32::from(date.day),
            ),
            _ => None,
        });
        match date {
            Some(date) => Some(Spanned::new(date, span)),
            None => {
                let found = if datetime.is_some() {
                    "a date-time"
                } else {
                    self.type_name(item)
                };
                self.error(
                    Code::WrongType,
                    span,
                    format!("`{key}` must be a TOML local date, found {found}"),
                    "write the date without quotes and without a time, e.g. `until = 2026-12-31`",
                );
                None
            }
        }
    }

    /// A list of strings; each element keeps its own span.
    pub(super) fn string_list(&mut self, at: &Located<'_, '_>, key: &str) -> Vec<Spanned<String>> {
        let Some(item) = at.get(key) else {
            return Vec::new();
        };
        let span = self.span_of(at, key);
        let DeValue::Array(array) = item.get_ref() else {
            self.wrong_type(
                span,
                &format!("`{key}`"),
                "an array of strings",
                self.type_name(item),
            );
            return Vec::new();
        };
        let mut strings = Vec::with_capacity(array.len());
        for value in array.iter() {
            let value_span = value_span(value).unwrap_or(span);
            match value.get_ref() {
                DeValue::String(text) => strings.push(Spanned::new(text.to_string(), value_span)),
                _ => self.wrong_type(
                    value_span,
                    &format!("each entry of `{key}`"),
                    "a string",
                    self.type_name(value),
                ),
            }
        }
        strings
    }

    /// An array of inline tables or an array of tables (`[[...]]`).
    pub(super) fn table_list<'a, 'i>(
        &mut self,
        at: &Located<'a, 'i>,
        key: &str,
        what: &str,
    ) -> Vec<Located<'a, 'i>> {
        let Some(item) = at.get(key) else {
            return Vec::new();
        };
        let span = self.span_of(at, key);
        let DeValue::Array(array) = item.get_ref() else {
            self.wrong_type(
                span,
                &format!("`{key}`"),
                "an array of tables",
                self.type_name(item),
            );
            return Vec::new();
        };
        let mut tables = Vec::new();
        for value in array.iter() {
            let value_span = value_span(value).unwrap_or(span);
            match value.get_ref() {
                DeValue::Table(table) => tables.push(Located {
                    table,
                    span: value_span,
                    what: what.to_string(),
                    about: None,
                }),
                _ => self.wrong_type(
                    value_span,
                    &format!("each entry of `{key}`"),
                    "an inline table `{ ... }`",
                    self.type_name(value),
                ),
            }
        }
        tables
    }

    pub(super) fn identifier(&mut self, id: &str, span: Span, what: &str) {
        if !is_identifier(id) {
            self.error(
                Code::BadIdentifier,
                span,
                format!("{what} id `{id}` is not a valid identifier"),
                "use 1-64 letters, digits, `.`, `_` or `-`, starting with a letter or digit",
            );
        }
    }
}
