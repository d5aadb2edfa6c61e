//! Moving the spans a practice holds. A change that edits part of a file
//! assembles the new practice from pieces read at other offsets (its edited
//! text, the lines it left alone); each piece's spans are moved to where
//! its bytes stand in the whole file. Spans are moved on the practice as
//! read, before it is validated.

use super::{
    Client, CustomCapability, Grant, Member, Practice, Raw, RoleDef, Span, Spanned, Temporary,
};

/// A value whose spans can be moved by a map of byte offsets.
pub trait Respan {
    fn respan(&mut self, to: &dyn Fn(usize) -> usize);
}

impl Respan for Span {
    fn respan(&mut self, to: &dyn Fn(usize) -> usize) {
        // The end is exclusive: it moves with the last byte it covers.
        let end = if self.end > self.start {
            to(self.end - 1) + 1
        } else {
            to(self.end)
        };
        *self = Span::new(to(self.start), end);
    }
}

impl<T> Respan for Spanned<T> {
    fn respan(&mut self, to: &dyn Fn(usize) -> usize) {
        self.span.respan(to);
    }
}

impl<R: Respan> Respan for Option<R> {
    fn respan(&mut self, to: &dyn Fn(usize) -> usize) {
        if let Some(value) = self {
            value.respan(to);
        }
    }
}

impl<R: Respan> Respan for Vec<R> {
    fn respan(&mut self, to: &dyn Fn(usize) -> usize) {
        for value in self {
            value.respan(to);
        }
    }
}

impl Respan for Grant {
    fn respan(&mut self, to: &dyn Fn(usize) -> usize) {
        self.can.respan(to);
        self.on.respan(to);
        self.span.respan(to);
    }
}

impl Respan for CustomCapability<Raw> {
    fn respan(&mut self, to: &dyn Fn(usize) -> usize) {
        self.name.respan(to);
        self.description.respan(to);
    }
}

impl Respan for RoleDef {
    fn respan(&mut self, to: &dyn Fn(usize) -> usize) {
        self.id.respan(to);
        self.description.respan(to);
        self.grants.respan(to);
        self.requires.respan(to);
        self.excludes.respan(to);
        self.span.respan(to);
    }
}

impl Respan for Member<Raw> {
    fn respan(&mut self, to: &dyn Fn(usize) -> usize) {
        self.id.respan(to);
        self.name.respan(to);
        self.legal_name.respan(to);
        self.email.respan(to);
        self.github.respan(to);
        self.roles.respan(to);
        self.npi.respan(to);
        self.taxonomy.respan(to);
        self.supervisors.respan(to);
        self.cosign.respan(to);
        self.bill_as_supervisor.respan(to);
        self.grants.respan(to);
        self.denies.respan(to);
        self.span.respan(to);
    }
}

impl Respan for Temporary<Raw> {
    fn respan(&mut self, to: &dyn Fn(usize) -> usize) {
        self.member.respan(to);
        self.until.respan(to);
        self.reason.respan(to);
        self.span.respan(to);
    }
}

impl Respan for Client<Raw> {
    fn respan(&mut self, to: &dyn Fn(usize) -> usize) {
        self.id.respan(to);
        self.primary.respan(to);
        self.clinicians.respan(to);
        self.administrative.respan(to);
        self.temporary.respan(to);
        self.span.respan(to);
    }
}

impl Respan for Practice<Raw> {
    /// Every span the file's text gave; the index holds none.
    fn respan(&mut self, to: &dyn Fn(usize) -> usize) {
        self.version.respan(to);
        self.name.respan(to);
        self.owner.respan(to);
        self.max_supervisors.respan(to);
        self.capabilities.respan(to);
        self.roles.respan(to);
        self.members.respan(to);
        self.clients.respan(to);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every span in a serialised value: the `{start, end}` objects.
    fn spans(value: &serde_json::Value, out: &mut Vec<(usize, usize)>) {
        match value {
            serde_json::Value::Object(map) => {
                if let (Some(start), Some(end), 2) = (
                    map.get("start").and_then(serde_json::Value::as_u64),
                    map.get("end").and_then(serde_json::Value::as_u64),
                    map.len(),
                ) {
                    out.push((start as usize, end as usize));
                }
                map.values().for_each(|v| spans(v, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| spans(v, out)),
            _ => {}
        }
    }

    /// Respan lists the fields by hand; this finds every span by walking the
    /// serialised practice instead, so a field added to a model type with a
    /// span in it fails here until `respan` moves it too.
    #[test]
    fn respan_moves_every_span_the_practice_holds() {
        let text = r#"version = 1
max_supervisors = 2
[practice]
name = "Riverbend"
owner = "alice"
[capabilities]
"notes.export" = { description = "Export notes", scope = "client" }
[roles.reader]
description = "Reads"
grants = [{ can = "clinical.view", on = "assigned" }]
requires = ["clinician"]
excludes = ["intern"]
[members.alice]
name = "Alice"
legal_name = "Alice A."
email = "alice@example.org"
github = "alice"
roles = ["administrator"]
npi = "1234567893"
taxonomy = "101YM0800X"
[members.bob]
name = "Bob"
roles = ["clinician", "supervisor"]
grants = [{ can = "files.view", on = "all" }]
denies = ["notes.admin"]
[members.ivy]
name = "Ivy"
roles = ["intern"]
supervisors = ["bob"]
cosign = ["bob"]
bill_as_supervisor = true
[clients]
C-1 = { primary = "bob", clinicians = ["alice"], restricted = true, administrative = ["alice"], temporary = [{ member = "ivy", until = 2027-01-01, reason = "cover" }] }
"#;
        let outcome = crate::model::read_whole(text);
        let mut practice = outcome.practice;
        let before = serde_json::to_value(&practice).unwrap_or_default();
        let mut old = Vec::new();
        spans(&before, &mut old);
        assert!(old.len() > 40, "the sample holds spans everywhere: {old:?}");
        const SHIFT: usize = 1_000_000;
        practice.respan(&|offset| offset + SHIFT);
        let after = serde_json::to_value(&practice).unwrap_or_default();
        let mut new = Vec::new();
        spans(&after, &mut new);
        assert_eq!(old.len(), new.len());
        for (old, new) in old.iter().zip(&new) {
            assert_eq!(
                (old.0 + SHIFT, old.1 + SHIFT),
                *new,
                "a span respan does not move"
            );
        }
    }
}
