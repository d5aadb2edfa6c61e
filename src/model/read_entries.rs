//! Reading one entry of each kind — a custom capability, a grant, a role,
//! a member, a client and its temporary entries — from its table, with
//! the keys each may have. `read.rs` walks the file's sections and hands
//! each entry here; `read_values.rs` reads the values inside it.

use super::{Located, Reader};
use crate::findings::Code;
use crate::model::{
    Client, CustomCapability, Grant, Kind, Member, Raw, RoleDef, Scope, Spanned, Temporary,
};
use crate::suggest;

const CAPABILITY_KEYS: &[&str] = &["scope", "description"];
const ROLE_KEYS: &[&str] = &["description", "grants", "requires", "excludes"];
const GRANT_KEYS: &[&str] = &["can", "on"];
const MEMBER_KEYS: &[&str] = &[
    "name",
    "legal_name",
    "email",
    "github",
    "roles",
    "npi",
    "taxonomy",
    "supervisors",
    "cosign",
    "bill_as_supervisor",
    "grants",
    "denies",
    "active",
];
const CLIENT_KEYS: &[&str] = &[
    "primary",
    "clinicians",
    "restricted",
    "administrative",
    "temporary",
];
const TEMPORARY_KEYS: &[&str] = &["member", "until", "reason"];

impl Reader<'_> {
    pub(super) fn custom_capability(
        &mut self,
        name: Spanned<String>,
        at: &Located<'_, '_>,
    ) -> CustomCapability<Raw> {
        self.check_keys(at, CAPABILITY_KEYS);
        let scope = self.required_string(at, "scope", "\"client\"");
        let kind = scope.and_then(|scope| match scope.value.as_str() {
            "client" => Some(Kind::Client),
            "practice" => Some(Kind::Practice),
            other => {
                let hint = format!(
                    "use \"client\" or \"practice\"{}",
                    suggest::trailing(other, ["client", "practice"])
                );
                self.error(
                    Code::UnknownScope,
                    scope.span,
                    format!("capability scope `{other}` is neither client nor practice"),
                    hint,
                );
                None
            }
        });
        let description = self.string(at, "description");
        CustomCapability {
            name,
            kind,
            description,
        }
    }

    fn grants(&mut self, at: &Located<'_, '_>, owner: &str) -> Vec<Grant> {
        let what = format!("a grant of {owner}");
        let mut grants = Vec::new();
        for grant in self.table_list(at, "grants", &what) {
            self.check_keys(&grant, GRANT_KEYS);
            if grant.get("can").is_none() {
                self.missing(&grant, "can", "[\"client.view\"]");
            }
            let can = self.string_list(&grant, "can");
            let on = self
                .string(&grant, "on")
                .and_then(|on| match Scope::parse(&on.value) {
                    Some(scope) => Some(Spanned::new(scope, on.span)),
                    None => {
                        let names: Vec<&str> = Scope::ALL.iter().map(|s| s.as_str()).collect();
                        self.error(
                            Code::UnknownScope,
                            on.span,
                            format!("unknown scope `{}`", on.value),
                            format!(
                                "use one of {}{}",
                                names.join(", "),
                                suggest::trailing(&on.value, names.iter().copied())
                            ),
                        );
                        None
                    }
                });
            // A grant whose scope could not be read is dropped rather than
            // read as a practice grant: the file is invalid either way.
            if grant.get("on").is_some() && on.is_none() {
                continue;
            }
            grants.push(Grant {
                can,
                on,
                span: grant.span,
            });
        }
        grants
    }

    pub(super) fn role(&mut self, id: Spanned<String>, at: &Located<'_, '_>) -> RoleDef {
        self.check_keys(at, ROLE_KEYS);
        let description = self.string(at, "description");
        let grants = self.grants(at, &format!("role `{}`", id.value));
        RoleDef {
            description,
            grants,
            requires: self.string_list(at, "requires"),
            excludes: self.string_list(at, "excludes"),
            builtin: false,
            span: at.span,
            id,
        }
    }

    pub(super) fn member(&mut self, id: Spanned<String>, at: &Located<'_, '_>) -> Member<Raw> {
        self.check_keys(at, MEMBER_KEYS);
        let grants = self.grants(at, &format!("member `{}`", id.value));
        Member {
            name: self.required_string(at, "name", "\"Display Name\""),
            legal_name: self.string(at, "legal_name"),
            email: self.string(at, "email"),
            github: self.string(at, "github"),
            roles: self.string_list(at, "roles"),
            npi: self.string(at, "npi"),
            taxonomy: self.string(at, "taxonomy"),
            supervisors: self.string_list(at, "supervisors"),
            cosign: self.string_list(at, "cosign"),
            bill_as_supervisor: self.boolean(at, "bill_as_supervisor"),
            grants,
            denies: self.string_list(at, "denies"),
            active: self.boolean(at, "active").is_none_or(|a| a.value),
            span: at.span,
            id,
        }
    }

    pub(super) fn client(&mut self, id: Spanned<String>, at: &Located<'_, '_>) -> Client<Raw> {
        self.check_keys(at, CLIENT_KEYS);
        let primary = self.required_string(at, "primary", "\"member-id\"");
        let mut temporary = Vec::new();
        for entry in self.table_list(
            at,
            "temporary",
            &format!("a temporary entry of client `{}`", id.value),
        ) {
            self.check_keys(&entry, TEMPORARY_KEYS);
            let member = self.required_string(&entry, "member", "\"member-id\"");
            if entry.get("until").is_none() {
                self.missing(&entry, "until", "2026-12-31");
            }
            let until = self.date(&entry, "until");
            temporary.push(Temporary {
                member,
                until,
                reason: self.string(&entry, "reason"),
                span: entry.span,
            });
        }
        Client {
            primary,
            clinicians: self.string_list(at, "clinicians"),
            restricted: self.boolean(at, "restricted").is_some_and(|r| r.value),
            administrative: self.string_list(at, "administrative"),
            temporary,
            span: at.span,
            id,
        }
    }
}
