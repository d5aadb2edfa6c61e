//! Capability patterns: an exact name, `family.*` or `*` (SPEC §2).

use crate::model::{Capability, Kind, Practice, Stage};

/// Whether `pattern` matches the capability `name`.
pub fn matches(pattern: &str, name: &str) -> bool {
    if pattern == "*" || pattern == name {
        return true;
    }
    match pattern.strip_suffix(".*") {
        Some(family) => name
            .strip_prefix(family)
            .is_some_and(|rest| rest.starts_with('.')),
        None => false,
    }
}

/// Whether the text is written like a pattern rather than a name.
pub fn is_pattern(text: &str) -> bool {
    text.contains('*')
}

/// The practice's capabilities that `pattern` matches, of any kind.
pub fn covered<'p, S: Stage>(
    practice: &'p Practice<S>,
    pattern: &str,
) -> impl Iterator<Item = &'p Capability> {
    practice
        .capabilities()
        .iter()
        .filter(move |c| matches(pattern, &c.name))
}

/// The capabilities of `kind` that `pattern` covers.
pub fn covered_of_kind<'p, S: Stage>(
    practice: &'p Practice<S>,
    pattern: &str,
    kind: Kind,
) -> impl Iterator<Item = &'p Capability> {
    covered(practice, pattern).filter(move |c| c.kind == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_family_and_everything() {
        assert!(matches("clinical.view", "clinical.view"));
        assert!(!matches("clinical.view", "clinical.viewer"));
        assert!(matches("clinical.*", "clinical.delete-signed"));
        assert!(!matches("clinical.*", "clinicalx.view"));
        assert!(!matches("clinical.*", "client.view"));
        assert!(matches("*", "hr.view"));
        assert!(!matches("clin*", "clinical.view"));
        assert!(matches("rx.*", "rx.prescribe"));
    }
}
