//! Who acts: `--as MEMBER` names a member by id, `--as @LOGIN` by the
//! GitHub login in their `github` key (SPEC §8), so a pull request is
//! judged as the member its author is, never as whatever member id happens
//! to equal a login. Ids cannot start with `@`, so the two never collide.
//! Changes and `diff --as` resolve the actor here, the same way.

use crate::model::{Member, Practice};
use crate::suggest;

/// GitHub's rule for logins: 1–39 letters, digits or single hyphens, not
/// starting or ending with a hyphen.
pub fn is_github_login(login: &str) -> bool {
    login.len() <= 39
        && !login.is_empty()
        && !login.starts_with('-')
        && !login.ends_with('-')
        && !login.contains("--")
        && login
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Why an actor could not be resolved (a usage error, exit 2).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ActorError {
    #[error("unknown actor `{name}`{hint}")]
    UnknownMember { name: String, hint: String },
    // The text after `@` is not echoed: it is not a login, and may hold
    // anything a terminal would act on.
    #[error(
        "`--as @…` takes a GitHub login (1-39 letters, digits or single hyphens), and this is not one"
    )]
    MalformedLogin,
    #[error("unknown GitHub login `@{login}`: no member has `github = \"{login}\"`")]
    UnknownLogin { login: String },
}

/// The member `actor` names: `@LOGIN` by their `github` key (ignoring
/// letter case, as GitHub does), anything else by id (exactly).
pub fn resolve<'p>(practice: &'p Practice, actor: &str) -> Result<&'p Member, ActorError> {
    if let Some(login) = actor.strip_prefix('@') {
        if !is_github_login(login) {
            return Err(ActorError::MalformedLogin);
        }
        return practice
            .member_by_github(login)
            .ok_or_else(|| ActorError::UnknownLogin {
                login: login.to_string(),
            });
    }
    practice
        .member(actor)
        .ok_or_else(|| ActorError::UnknownMember {
            name: actor.to_string(),
            hint: suggest::trailing(actor, practice.members.iter().map(|m| m.id.value.as_str())),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::check;

    fn practice() -> Practice {
        let text = "version = 1\n[practice]\nname = \"P\"\nowner = \"alice\"\n\
                    [members.alice]\nname = \"A\"\nroles = [\"administrator\"]\ngithub = \"Alice-M\"\n\
                    [members.bob]\nname = \"B\"\nroles = [\"clinician\"]\n";
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let checked = check(text, date);
        assert!(!checked.findings.has_errors(), "{:?}", checked.findings);
        checked.practice
    }

    #[test]
    fn logins_follow_github_rules() {
        for good in ["a", "octo-cat", "A1", &"a".repeat(39)] {
            assert!(is_github_login(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "a_b",
            "a.b",
            "@a",
            "é",
            &"a".repeat(40),
        ] {
            assert!(!is_github_login(bad), "{bad}");
        }
    }

    #[test]
    fn at_login_resolves_by_github_key_ignoring_case() {
        let practice = practice();
        let found = resolve(&practice, "@alice-m").map(|m| m.id.value.as_str());
        assert_eq!(found, Ok("alice"));
        assert_eq!(
            resolve(&practice, "@ALICE-M").map(|m| m.id.value.as_str()),
            Ok("alice")
        );
        // An id is never read as a login, nor a login as an id.
        assert_eq!(
            resolve(&practice, "@bob").map(|m| m.id.value.as_str()),
            Err(ActorError::UnknownLogin {
                login: "bob".into()
            })
        );
        assert!(matches!(
            resolve(&practice, "Alice-M"),
            Err(ActorError::UnknownMember { .. })
        ));
        assert_eq!(
            resolve(&practice, "@a\u{1b}b").map(|m| m.id.value.as_str()),
            Err(ActorError::MalformedLogin)
        );
        assert_eq!(
            resolve(&practice, "@").map(|m| m.id.value.as_str()),
            Err(ActorError::MalformedLogin)
        );
        assert_eq!(
            resolve(&practice, "bob").map(|m| m.id.value.as_str()),
            Ok("bob")
        );
    }
}
