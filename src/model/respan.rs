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
