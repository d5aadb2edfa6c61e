//! Role ids and custom capability names are unique regardless of letter
//! case, also against the built-in catalog (SPEC §8), as member and client
//! ids are. `Clinician` beside `clinician` reads as the same role to a
//! person and as two to a machine: a reviewer would approve the wrong one.
//! Lookups stay exact; a file where case alone tells two ids apart does
//! not validate, so no lookup ever has to choose.
//!
//! GitHub logins (`github`, SPEC §8) live here too: GitHub ignores case in
//! logins, so `diff --as @LOGIN` must find exactly one member. A malformed
//! login is `P040`, one used twice `P041` (as emails have `P009`).
//!
//! Codes: a second id that differs only in case is `P008` (id used twice),
//! for roles also when the first is a built-in role, since a file may
//! replace a built-in role under its exact id and so an id clash is the
//! only thing wrong. A custom capability that matches a built-in name in
//! any case is `P036`, the existing rule that custom capabilities may not
//! reuse built-in names, which this makes case-insensitive.

use super::Check;
use crate::catalog;
use crate::findings::Code;
use crate::rules::actor::is_github_login;
use foldhash::HashMap;

impl<'p> Check<'p> {
    pub(super) fn unique_role_ids(&mut self) {
        let mut custom: HashMap<String, &str> = HashMap::default();
        for role in &self.practice.roles {
            let id = role.id.value.as_str();
            let key = id.to_lowercase();
            if let Some(name) = catalog::builtin_role_ignoring_case(id)
                && name != id
            {
                self.push(
                    Code::DuplicateId,
                    role.id.span,
                    format!(
                        "role `{id}` differs from the built-in role `{name}` only in letter case (role ids ignore case)"
                    ),
                    format!(
                        "to replace the built-in role write `[roles.{name}]`; otherwise give the role an id of its own"
                    ),
                );
            } else if let Some(first) = custom.insert(key, id) {
                self.push(
                    Code::DuplicateId,
                    role.id.span,
                    format!(
                        "role id `{id}` is already used by `{first}` (role ids ignore letter case)"
                    ),
                    "merge the two roles or give one an id of its own",
                );
            }
        }
    }

    pub(super) fn unique_capability_names(&mut self) {
        let mut custom: HashMap<String, &str> = HashMap::default();
        for capability in &self.practice.capabilities {
            let name = capability.name.value.as_str();
            if let Some(builtin) = catalog::builtin_capability_ignoring_case(name) {
                let message = if builtin == name {
                    format!("custom capability `{name}` reuses a built-in name")
                } else {
                    format!(
                        "custom capability `{name}` differs from the built-in `{builtin}` only in letter case"
                    )
                };
                self.push(
                    Code::CapabilityShadowsBuiltin,
                    capability.name.span,
                    message,
                    "remove it, or give the custom capability a name of its own (e.g. `x.view`)",
                );
            } else if let Some(first) = custom.insert(name.to_lowercase(), name) {
                self.push(
                    Code::DuplicateId,
                    capability.name.span,
                    format!(
                        "custom capability `{name}` is already defined as `{first}` (capability names ignore letter case)"
                    ),
                    "keep one of the two definitions",
                );
            }
        }
    }

    pub(super) fn unique_github_logins(&mut self) {
        let mut logins: HashMap<String, &str> = HashMap::default();
        for member in &self.practice.members {
            let Some(login) = &member.github else {
                continue;
            };
            if !is_github_login(&login.value) {
                self.push(
                    Code::BadGithubLogin,
                    login.span,
                    format!("`github` of member `{}` is not a GitHub login", member.id.value),
                    "write the login alone, without `@` or a URL: 1-39 letters, digits or single hyphens, not starting or ending with a hyphen",
                );
            } else if let Some(first) = logins.insert(login.value.to_lowercase(), &member.id.value)
            {
                self.push(
                    Code::DuplicateGithubLogin,
                    login.span,
                    format!(
                        "GitHub login `{}` is also member `{first}`'s (logins ignore letter case)",
                        login.value
                    ),
                    "give each member their own GitHub login: a pull request is judged as exactly one member",
                );
            }
        }
    }
}
