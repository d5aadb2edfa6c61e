//! Whose files praxis trusts. Root's files are trusted by everyone, since
//! root could change praxis itself; otherwise only the current user's. One
//! place asks the system who we are, so the `unsafe` call is written once.

/// The effective user id praxis runs as.
#[cfg(unix)]
pub fn current_user() -> u32 {
    // SAFETY: geteuid has no preconditions, touches no memory of ours and
    // cannot fail (POSIX: "always successful").
    unsafe { libc::geteuid() }
}

/// Whether praxis runs as root (and so may act on other users' files).
#[cfg(unix)]
pub fn is_root() -> bool {
    current_user() == 0
}

#[cfg(not(unix))]
pub fn is_root() -> bool {
    false
}

/// Whether a file owned by `uid` may be trusted without being named:
/// the current user's own, or root's.
#[cfg(unix)]
pub fn trusted(uid: u32) -> bool {
    uid == 0 || uid == current_user()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn root_and_the_current_user_are_trusted_and_nobody_else() {
        assert!(trusted(0));
        assert!(trusted(current_user()));
        // An id no test runs as.
        assert!(!trusted(54_321));
    }
}
