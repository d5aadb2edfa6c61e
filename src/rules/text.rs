//! Free text (SPEC §8): names, emails, reasons and descriptions reach
//! terminals, CI logs, pull-request comments and spreadsheets, so they hold
//! no control or bidirectional characters, and a required one holds
//! something a person can see. One pure function decides it for the file
//! (validation findings) and for command arguments (usage errors), so the
//! two can never disagree.

use std::fmt;

/// The free-text fields of the file, and what each must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FreeText {
    PracticeName,
    MemberName,
    LegalName,
    Email,
    Reason,
    RoleDescription,
    CapabilityDescription,
}

impl FreeText {
    /// The key the field has in the file.
    pub fn key(self) -> &'static str {
        match self {
            FreeText::PracticeName | FreeText::MemberName => "name",
            FreeText::LegalName => "legal_name",
            FreeText::Email => "email",
            FreeText::Reason => "reason",
            FreeText::RoleDescription | FreeText::CapabilityDescription => "description",
        }
    }

    /// A required field must hold at least one visible character.
    pub fn required(self) -> bool {
        matches!(
            self,
            FreeText::PracticeName | FreeText::MemberName | FreeText::Reason
        )
    }
}

/// Why a text is not acceptable. Data, not a sentence: validation and the
/// command line word it each in their own place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// A C0 or C1 control character, DEL, or a Unicode line or paragraph
    /// separator: each can end a line or move the cursor.
    Control(char),
    /// A bidirectional control: it can make text read differently from the
    /// order in which it is stored ("Trojan Source").
    Bidi(char),
    /// A required text of only spaces, zero-width or other invisible characters.
    NothingVisible,
    /// An email address with no `@` or more than one.
    EmailAt { count: usize },
    /// An email address with a space or other whitespace in it.
    EmailWhitespace,
}

/// `U+000A`: how a problem names an invisible character.
pub struct CodePoint(pub char);

impl fmt::Display for CodePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "U+{:04X}", u32::from(self.0))
    }
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextProblem::Control(c) => write!(f, "holds a control character ({})", CodePoint(*c)),
            TextProblem::Bidi(c) => write!(
                f,
                "holds a bidirectional control character ({})",
                CodePoint(*c)
            ),
            TextProblem::NothingVisible => {
                write!(f, "has no visible character")
            }
            TextProblem::EmailAt { count } => write!(f, "has {count} `@` signs, not one"),
            TextProblem::EmailWhitespace => write!(f, "holds whitespace"),
        }
    }
}

impl TextProblem {
    /// What to do about it, as a fix hint or the end of a usage message.
    pub fn fix(self) -> &'static str {
        match self {
            TextProblem::Control(_) | TextProblem::Bidi(_) => {
                "write it as one line of plain text, without control or direction-changing characters"
            }
            TextProblem::NothingVisible => {
                "write something visible: spaces and zero-width characters alone do not count"
            }
            TextProblem::EmailAt { .. } | TextProblem::EmailWhitespace => {
                "write one address, like `name@example.org`, without spaces"
            }
        }
    }
}

/// Whether `text` may stand in `field`; the first problem found when not.
/// Invisible-only text is reported before the characters that make it so
/// (a reason of a lone tab is missing, whatever else it is).
pub fn check(field: FreeText, text: &str) -> Result<(), TextProblem> {
    if field.required() && !has_visible(text) {
        return Err(TextProblem::NothingVisible);
    }
    if let Some(problem) = text.chars().find_map(forbidden) {
        return Err(problem);
    }
    if field == FreeText::Email {
        // A zero-width character in an email is invisible whitespace: two
        // members could otherwise hold what reads as one address.
        if text.chars().any(is_invisible) {
            return Err(TextProblem::EmailWhitespace);
        }
        let count = text.matches('@').count();
        if count != 1 {
            return Err(TextProblem::EmailAt { count });
        }
    }
    Ok(())
}

/// Whether the text holds a character a person can see.
pub fn has_visible(text: &str) -> bool {
    text.chars().any(|c| !is_invisible(c))
}

/// Whether free text may not hold this character at all.
pub fn is_forbidden(c: char) -> bool {
    forbidden(c).is_some()
}

/// The problem a single character is, if any.
fn forbidden(c: char) -> Option<TextProblem> {
    match c {
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' => {
            Some(TextProblem::Control(c))
        }
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            Some(TextProblem::Bidi(c))
        }
        _ => None,
    }
}

/// Text folded for "the same regardless of case": upper-cased, then
/// lower-cased, so look-alikes that lower-case differently (`ſ` and `s`,
/// the Kelvin sign and `k`) compare equal.
pub fn fold_case(text: &str) -> String {
    text.chars()
        .flat_map(char::to_uppercase)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whitespace, controls, and the format characters that render as nothing:
/// zero-width space and joiners, word joiner and invisible operators, the
/// byte-order mark, soft hyphen, variation selectors, Hangul fillers, tags.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || forbidden(c).is_some()
        || matches!(
            c,
            '\u{ad}'
                | '\u{34f}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200b}'..='\u{200d}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206a}'..='\u{206f}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{1bca0}'..='\u{1bca3}'
                | '\u{e0000}'..='\u{e007f}'
                // Other format characters and blanks that render as
                // nothing: Arabic number signs, Syriac abbreviation mark,
                // interlinear annotation, Braille blank, Egyptian
                // hieroglyph format controls, musical beam and tie
                // controls, variation selectors supplement.
                | '\u{600}'..='\u{605}'
                | '\u{6dd}'
                | '\u{70f}'
                | '\u{890}'..='\u{891}'
                | '\u{8e2}'
                | '\u{2800}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{110bd}'
                | '\u{110cd}'
                | '\u{13430}'..='\u{1345f}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0100}'..='\u{e01ef}'
        )
}

#[cfg(test)]
mod tests {

    #[test]
    fn blanks_that_render_as_nothing_are_not_visible() {
        for blank in ["\u{2800}", "\u{1d173}", "\u{fff9}", "\u{600}", "\u{e0100}"] {
            assert!(!has_visible(blank), "{:?}", blank);
        }
        assert!(has_visible("Dr. \u{dc}nal"));
    }

    #[test]
    fn emails_fold_look_alikes_and_refuse_invisible_characters() {
        assert_eq!(fold_case("\u{17f}am@x.example"), fold_case("SAM@x.example"));
        assert_eq!(fold_case("\u{212a}im"), "kim");
        assert!(check(FreeText::Email, "s\u{200b}am@x.example").is_err());
    }

    use super::*;

    #[test]
    fn plain_text_passes() {
        assert_eq!(check(FreeText::MemberName, "Alicia Moreno-Núñez"), Ok(()));
        assert_eq!(check(FreeText::MemberName, "أحمد"), Ok(()));
        assert_eq!(
            check(FreeText::Reason, "Covering while bob is on leave"),
            Ok(())
        );
        assert_eq!(check(FreeText::Email, "alice@riverbend.example"), Ok(()));
        // Optional text may be empty.
        assert_eq!(check(FreeText::LegalName, ""), Ok(()));
        assert_eq!(check(FreeText::RoleDescription, ""), Ok(()));
    }

    #[test]
    fn control_characters_are_refused_everywhere() {
        for c in [
            '\0', '\n', '\r', '\t', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}', '\u{2028}',
        ] {
            let text = format!("Bob{c}Smith");
            for field in [
                FreeText::PracticeName,
                FreeText::MemberName,
                FreeText::LegalName,
                FreeText::Email,
                FreeText::Reason,
                FreeText::RoleDescription,
                FreeText::CapabilityDescription,
            ] {
                assert_eq!(check(field, &text), Err(TextProblem::Control(c)), "{c:?}");
            }
        }
        assert_eq!(check(FreeText::MemberName, "Bob\u{a0}Smith"), Ok(()));
    }

    #[test]
    fn bidirectional_controls_are_refused() {
        for c in [
            '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}',
        ] {
            let text = format!("admin{c}nimda");
            assert_eq!(check(FreeText::LegalName, &text), Err(TextProblem::Bidi(c)));
        }
    }

    #[test]
    fn required_text_needs_something_visible() {
        for text in [
            "",
            "   ",
            "\u{200b}",
            "\u{200c}\u{200d}",
            "\u{2060}\u{feff}",
            "\u{3000}",
            "\t",
        ] {
            assert_eq!(
                check(FreeText::MemberName, text),
                Err(TextProblem::NothingVisible),
                "{text:?}"
            );
            assert_eq!(
                check(FreeText::Reason, text),
                Err(TextProblem::NothingVisible)
            );
        }
        assert!(has_visible(" x "));
        // Optional text is not required to show anything, only to be clean.
        assert_eq!(check(FreeText::LegalName, "\u{200b}"), Ok(()));
    }

    #[test]
    fn email_has_one_at_and_no_whitespace() {
        assert_eq!(
            check(FreeText::Email, "alice.example"),
            Err(TextProblem::EmailAt { count: 0 })
        );
        assert_eq!(
            check(FreeText::Email, "a@b@c"),
            Err(TextProblem::EmailAt { count: 2 })
        );
        assert_eq!(
            check(FreeText::Email, ""),
            Err(TextProblem::EmailAt { count: 0 })
        );
        assert_eq!(
            check(FreeText::Email, "alice @example.org"),
            Err(TextProblem::EmailWhitespace)
        );
        assert_eq!(
            check(FreeText::Email, "alice@example.org\u{3000}"),
            Err(TextProblem::EmailWhitespace)
        );
    }

    #[test]
    fn problems_name_the_character() {
        assert_eq!(
            TextProblem::Control('\n').to_string(),
            "holds a control character (U+000A)"
        );
        assert_eq!(
            TextProblem::Bidi('\u{202e}').to_string(),
            "holds a bidirectional control character (U+202E)"
        );
    }
}
