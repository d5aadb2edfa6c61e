//! "Did you mean": the closest known name to a misspelt one.

/// The candidate nearest to `name` by edit distance, when it is near enough
/// to be a plausible typo (a third of the name's length, at least two edits).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = name.to_lowercase();
    let limit = (wanted.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|candidate| {
            (
                strsim::levenshtein(&wanted, &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// "did you mean `x`?": how every hint offers a near name.
pub fn mean(near: &str) -> String {
    format!("did you mean `{near}`?")
}

/// "did you mean `x`?" for the nearest candidate, or nothing.
pub fn did_you_mean<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(name, candidates).map_or_else(String::new, mean)
}

/// " (did you mean `x`?)" for the nearest candidate, or nothing: the end of
/// an error message.
pub fn trailing<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(name, candidates).map_or_else(String::new, |near| format!(" ({})", mean(near)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        assert_eq!(
            closest("supervisor", ["supervisors", "roles"]),
            Some("supervisors")
        );
        assert_eq!(closest("rolse", ["supervisors", "roles"]), Some("roles"));
        assert_eq!(closest("zzzzzz", ["supervisors", "roles"]), None);
        assert_eq!(closest("BOB", ["bob"]), Some("bob"));
    }
}
