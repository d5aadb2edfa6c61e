//! A client's entry as the file writes it: its primary, care team,
//! restriction, administrative list and temporary access, with the
//! questions asked of one client alone (who is on the chart, on a date).

use super::{Raw, Span, Spanned, Stage, Valid};
use chrono::NaiveDate;

/// Time-limited clinical access: coverage or "break the glass".
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(bound = "")]
pub struct Temporary<S: Stage = Valid> {
    pub member: S::Required<Spanned<String>>,
    /// The last day the entry holds.
    pub until: S::Required<Spanned<NaiveDate>>,
    pub reason: Option<Spanned<String>>,
    pub span: Span,
}

impl<S: Stage> Temporary<S> {
    /// The last day the entry holds, if the file says.
    pub fn last_day(&self) -> Option<NaiveDate> {
        S::get(&self.until).map(|u| u.value)
    }

    /// The member the entry names, if the file says.
    pub fn member_id(&self) -> Option<&str> {
        S::get(&self.member).map(|m| m.value.as_str())
    }

    /// The entry holds through the end of `until`, and not after.
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.last_day().is_some_and(|until| until >= date)
    }

    pub fn member_is(&self, id: &str) -> bool {
        self.member_id() == Some(id)
    }

    pub fn reason_text(&self) -> &str {
        self.reason.as_ref().map_or("", |r| r.value.as_str())
    }
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(bound = "")]
pub struct Client<S: Stage = Valid> {
    pub id: Spanned<String>,
    pub primary: S::Required<Spanned<String>>,
    pub clinicians: Vec<Spanned<String>>,
    pub restricted: bool,
    pub administrative: Vec<Spanned<String>>,
    pub temporary: Vec<Temporary<S>>,
    pub span: Span,
}

impl<S: Stage> Client<S> {
    /// The primary clinician's id, if the file says.
    pub fn primary_id(&self) -> Option<&str> {
        S::get(&self.primary).map(|p| p.value.as_str())
    }

    pub fn is_primary(&self, member: &str) -> bool {
        self.primary_id() == Some(member)
    }

    pub fn is_clinician(&self, member: &str) -> bool {
        self.clinicians.iter().any(|c| c.value == member)
    }

    pub fn in_administrative(&self, member: &str) -> bool {
        self.administrative.iter().any(|c| c.value == member)
    }

    /// The member's temporary entry that holds on `date`, if any.
    pub fn temporary_for(&self, member: &str, date: NaiveDate) -> Option<&Temporary<S>> {
        self.temporary
            .iter()
            .filter(|t| t.member_is(member) && t.holds_on(date))
            .max_by_key(|t| t.last_day())
    }

    /// Whether the entry names `member` anywhere: primary, clinicians,
    /// administrative list or a temporary entry (expired ones included).
    pub fn names(&self, member: &str) -> bool {
        self.is_primary(member)
            || self.is_clinician(member)
            || self.in_administrative(member)
            || self.temporary.iter().any(|t| t.member_is(member))
    }

    /// Primary, clinicians and unexpired temporary members: who has clinical
    /// access through the chart itself.
    pub fn care_team(&self, date: NaiveDate) -> impl Iterator<Item = &str> {
        self.primary_id()
            .into_iter()
            .chain(self.clinicians.iter().map(|c| c.value.as_str()))
            .chain(
                self.temporary
                    .iter()
                    .filter(move |t| t.holds_on(date))
                    .filter_map(|t| t.member_id()),
            )
    }
}

impl Client<Raw> {
    pub(super) fn validated(self) -> Option<Client> {
        Some(Client {
            id: self.id,
            primary: self.primary?,
            clinicians: self.clinicians,
            restricted: self.restricted,
            administrative: self.administrative,
            temporary: self
                .temporary
                .into_iter()
                .map(|t| {
                    Some(Temporary {
                        member: t.member?,
                        until: t.until?,
                        reason: t.reason,
                        span: t.span,
                    })
                })
                .collect::<Option<_>>()?,
            span: self.span,
        })
    }
}
