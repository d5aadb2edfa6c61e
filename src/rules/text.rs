//! Free text (SPEC §8, §9.1): names, emails, reasons and descriptions reach
//! terminals, CI logs, pull-request comments and spreadsheets, so they hold
//! no control, separator or bidirectional characters, and a required one
//! holds something a person can see. One pure function decides it for the
//! file (validation findings) and for command arguments (usage errors), so
//! the two can never disagree.
//!
//! [`FORBIDDEN`] is the one table of characters no text praxis takes may
//! hold and no output may print raw: the file's free text, command
//! arguments and environment variables (`crate::arguments`) and every
//! escaper (`crate::output::escape`) read it through [`forbidden`], so a
//! character added here is refused and escaped everywhere at once.

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

/// What kind of forbidden character a character is: how a message names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Forbidden {
    /// A C0 or C1 control character or DEL: it can end a line, move the
    /// cursor or retitle a terminal.
    Control,
    /// U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR: a line break to
    /// JavaScript, many editors and some terminals (SPEC §9.1).
    Separator,
    /// A bidirectional control: it can make text read differently from the
    /// order in which it is stored ("Trojan Source").
    Bidi,
}

impl Forbidden {
    /// The kind in words, for a message: "a control character".
    pub fn words(self) -> &'static str {
        match self {
            Forbidden::Control => "a control character",
            Forbidden::Separator => "a line or paragraph separator",
            Forbidden::Bidi => "a bidirectional control character",
        }
    }
}

/// The one table of forbidden characters (SPEC §8 Free text, §9.1): first
/// and last character of each range, both included. Free text in the file,
/// command arguments, environment variables and every output escaper
/// consult it through [`forbidden`]; nothing else lists these characters.
pub const FORBIDDEN: &[(char, char, Forbidden)] = &[
    ('\u{0}', '\u{1f}', Forbidden::Control),
    ('\u{7f}', '\u{9f}', Forbidden::Control),
    ('\u{61c}', '\u{61c}', Forbidden::Bidi),
    ('\u{200e}', '\u{200f}', Forbidden::Bidi),
    ('\u{2028}', '\u{2029}', Forbidden::Separator),
    ('\u{202a}', '\u{202e}', Forbidden::Bidi),
    ('\u{2066}', '\u{2069}', Forbidden::Bidi),
];

/// What kind of forbidden character `c` is, if it is one.
pub fn forbidden(c: char) -> Option<Forbidden> {
    // Printable ASCII is most of every text: answered without the table
    // (the table holds none of it; `every_forbidden_character_is_in_the_table`
    // compares this function with the table on every character).
    if (' '..='~').contains(&c) {
        return None;
    }
    FORBIDDEN
        .iter()
        .find(|(first, last, _)| (*first..=*last).contains(&c))
        .map(|&(_, _, kind)| kind)
}

/// Whether no text praxis takes may hold `c`, and no output print it raw.
pub fn is_forbidden(c: char) -> bool {
    forbidden(c).is_some()
}

/// Every character of the table, in order: for tests that must cover each
/// one on every path, whatever is added to the table later.
pub fn forbidden_characters() -> impl Iterator<Item = char> {
    FORBIDDEN.iter().flat_map(|&(first, last, _)| first..=last)
}

/// Why a text is not acceptable. Data, not a sentence: validation and the
/// command line word it each in their own place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// A character of [`FORBIDDEN`], and which kind it is.
    Forbidden(char, Forbidden),
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
            TextProblem::Forbidden(c, kind) => {
                write!(f, "holds {} ({})", kind.words(), CodePoint(*c))
            }
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
            TextProblem::Forbidden(..) => {
                "write it as one line of plain text, without control, separator or direction-changing characters"
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
    if let Some(problem) = text
        .chars()
        .find_map(|c| forbidden(c).map(|kind| TextProblem::Forbidden(c, kind)))
    {
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
    // Every forbidden character is invisible too (C0/C1 controls are all
    // of Unicode's `Cc`): a reason of one tab is missing, whatever else.
    c.is_whitespace()
        || is_forbidden(c)
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
    fn every_character_of_the_table_is_refused_in_every_field() {
        for c in forbidden_characters() {
            let text = format!("Bob{c}Smith");
            let kind = forbidden(c);
            assert!(kind.is_some(), "{c:?}");
            for field in [
                FreeText::PracticeName,
                FreeText::MemberName,
                FreeText::LegalName,
                FreeText::Email,
                FreeText::Reason,
                FreeText::RoleDescription,
                FreeText::CapabilityDescription,
            ] {
                assert_eq!(
                    check(field, &text)
                        .map_err(|p| matches!(p, TextProblem::Forbidden(f, _) if f == c)),
                    Err(true),
                    "{c:?} in {field:?}"
                );
            }
        }
        assert_eq!(check(FreeText::MemberName, "Bob\u{a0}Smith"), Ok(()));
    }

    #[test]
    fn the_table_holds_the_spec_characters_and_no_others() {
        // SPEC §8 and §9.1, written out once more on purpose: the table may
        // grow, but never lose one of these.
        for c in [
            '\0', '\n', '\r', '\t', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}', '\u{61c}', '\u{200e}',
            '\u{200f}', '\u{2028}', '\u{2029}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}',
        ] {
            assert!(is_forbidden(c), "{c:?}");
        }
        assert_eq!(forbidden('\u{2028}'), Some(Forbidden::Separator));
        assert_eq!(forbidden('\u{202e}'), Some(Forbidden::Bidi));
        assert_eq!(forbidden('\u{85}'), Some(Forbidden::Control));
        for c in [
            ' ', '~', '\u{a0}', '\u{200b}', '\u{2027}', '\u{202f}', 'é', '📅',
        ] {
            assert!(!is_forbidden(c), "{c:?}");
        }
    }

    #[test]
    fn every_forbidden_character_is_in_the_table() {
        // `forbidden` answers printable ASCII without the table: on every
        // character it must agree with the table itself.
        let in_table = |c: char| {
            FORBIDDEN
                .iter()
                .any(|&(first, last, _)| (first..=last).contains(&c))
        };
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_forbidden(c), in_table(c), "{c:?}");
        }
        assert_eq!(forbidden_characters().count(), 32 + 33 + 1 + 2 + 2 + 5 + 4);
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
            TextProblem::Forbidden('\n', Forbidden::Control).to_string(),
            "holds a control character (U+000A)"
        );
        assert_eq!(
            TextProblem::Forbidden('\u{202e}', Forbidden::Bidi).to_string(),
            "holds a bidirectional control character (U+202E)"
        );
        assert_eq!(
            TextProblem::Forbidden('\u{2028}', Forbidden::Separator).to_string(),
            "holds a line or paragraph separator (U+2028)"
        );
    }
}
