//! Free text in the file (SPEC §8): every name, email, reason and
//! description goes through `rules::text::check`, the same function that
//! checks command arguments. Control and bidirectional characters and
//! invisible-only required text are `P038`; a malformed email is `P039`.
//! A temporary entry's reason with nothing visible is a missing reason,
//! `P033`, as SPEC §7 words it, and reported there.

use super::Check;
use crate::findings::Code;
use crate::model::Spanned;
use crate::rules::text::{self, FreeText, TextProblem};

impl<'p> Check<'p> {
    pub(super) fn free_text(&mut self) {
        let practice = self.practice;
        self.text(FreeText::PracticeName, practice.name.as_ref(), "[practice]");
        for capability in &practice.capabilities {
            let owner = format!("capability `{}`", capability.name.value);
            self.text(
                FreeText::CapabilityDescription,
                capability.description.as_ref(),
                &owner,
            );
        }
        for role in &practice.roles {
            let owner = format!("role `{}`", role.id.value);
            self.text(FreeText::RoleDescription, role.description.as_ref(), &owner);
        }
        for member in &practice.members {
            let owner = format!("member `{}`", member.id.value);
            self.text(FreeText::MemberName, member.name.as_ref(), &owner);
            self.text(FreeText::LegalName, member.legal_name.as_ref(), &owner);
            self.text(FreeText::Email, member.email.as_ref(), &owner);
        }
        for client in &practice.clients {
            for entry in &client.temporary {
                let owner = format!("a temporary entry of client `{}`", client.id.value);
                self.text(FreeText::Reason, entry.reason.as_ref(), &owner);
            }
        }
    }

    fn text(&mut self, field: FreeText, value: Option<&Spanned<String>>, owner: &str) {
        let Some(value) = value else {
            return;
        };
        let problem = match text::check(field, &value.value) {
            Ok(()) => return,
            Err(TextProblem::NothingVisible) if field == FreeText::Reason => return,
            Err(problem) => problem,
        };
        let code = match problem {
            TextProblem::EmailAt { .. } | TextProblem::EmailWhitespace => Code::BadEmail,
            TextProblem::Forbidden(..) | TextProblem::NothingVisible => Code::BadText,
        };
        self.push(
            code,
            value.span,
            format!("`{}` of {owner} {problem}", field.key()),
            problem.fix(),
        );
    }
}
