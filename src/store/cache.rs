//! The content-keyed index: after a file validates, the parsed practice and
//! its date-independent findings are kept in the user's cache directory,
//! keyed by a hash of the file's exact bytes and of this praxis binary, so
//! the next query on the same bytes skips parsing and validation.
//!
//! It must never answer wrongly and never get in the way:
//! - the key covers every byte of the file and the binary's identity, so a
//!   changed file or a new praxis never meets an old entry;
//! - an entry carries a checksum of its payload and is ignored when it does
//!   not match (a damaged entry is rebuilt);
//! - the directory must be the user's own and private (0700), entries 0600
//!   and the user's: another user could otherwise plant an entry that says
//!   "allow", since the key is computable from public bytes;
//! - praxis makes no directory on another user's behalf (SPEC §9.1): as
//!   root with a `HOME`, `XDG_CACHE_HOME` or `PRAXIS_CACHE_DIR` inside
//!   another user's directory (the nearest part of the path that exists is
//!   theirs), the cache is skipped, so root never leaves root-owned
//!   directories in a user's home (and never follows a link they put
//!   there);
//! - entries are read as every file praxis reads: regular files only,
//!   opened without blocking, checked on the handle, and no larger than
//!   [`MAX_ENTRY_BYTES`];
//! - any failure to read or write the cache is silent: the command answers
//!   from the file.

use super::owner;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Bumped whenever the payload's shape changes.
const FORMAT: &str = "praxis-index-2";
const MAGIC: &[u8; 8] = b"PRAXIDX1";
/// Entries kept; the oldest beyond this are pruned after a write.
const KEEP: usize = 32;
/// The largest entry read or written: a few times the largest practice
/// file, which no entry of a file under that limit comes near.
pub const MAX_ENTRY_BYTES: u64 = 4 * crate::limits::MAX_FILE_BYTES;

/// An entry's payload, its checksum verified.
pub struct Payload(Vec<u8>);

impl std::ops::Deref for Payload {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        verified(&self.0).unwrap_or_default()
    }
}

/// Where the index lives, if anywhere.
#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
    /// This binary's size, modification time and inode.
    binary: Vec<u8>,
}

/// The key of one file's entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key([u8; 32]);

impl Cache {
    /// `PRAXIS_CACHE_DIR`, else `$XDG_CACHE_HOME/praxis`, else
    /// `$HOME/.cache/praxis`; none when `PRAXIS_NO_CACHE` is set to
    /// anything but empty or `0`, when `disabled`, or when the place
    /// belongs to another user (see [`ours_all_the_way`]).
    pub fn from_environment(disabled: bool) -> Option<Cache> {
        let off = std::env::var_os("PRAXIS_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0");
        if disabled || off {
            return None;
        }
        let nonempty = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        // The directory, and the one the person's environment names (the
        // part whose owner says whose cache this is).
        let (dir, base) = match (
            nonempty("PRAXIS_CACHE_DIR"),
            nonempty("XDG_CACHE_HOME"),
            nonempty("HOME"),
        ) {
            (Some(dir), _, _) => (PathBuf::from(&dir), PathBuf::from(dir)),
            (None, Some(xdg), _) => (PathBuf::from(&xdg).join("praxis"), PathBuf::from(xdg)),
            (None, None, Some(home)) => (
                PathBuf::from(&home).join(".cache").join("praxis"),
                PathBuf::from(home),
            ),
            (None, None, None) => return None,
        };
        if !ours_all_the_way(&base, &dir) {
            return None;
        }
        // Without knowing which binary this is, a rebuilt praxis of the same
        // version could read another build's entries: no index then.
        let binary = binary_identity()?;
        Some(Cache { dir, binary })
    }

    /// The key for a file's bytes, read by this binary.
    pub fn key(&self, bytes: &[u8]) -> Key {
        self.key_of_parts(&[bytes])
    }

    /// The key of the bytes `parts` make when joined, without joining them
    /// (a file's byte-order mark and text are kept apart once read).
    pub fn key_of_parts(&self, parts: &[&[u8]]) -> Key {
        let mut hasher = blake3::Hasher::new();
        hasher.update(FORMAT.as_bytes());
        hasher.update(&[0]);
        hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
        hasher.update(&[0]);
        hasher.update(&self.binary);
        let len: usize = parts.iter().map(|p| p.len()).sum();
        hasher.update(&(len as u64).to_le_bytes());
        for part in parts {
            hasher.update(part);
        }
        Key(*hasher.finalize().as_bytes())
    }

    /// The entry for `key`, if one is there, private, ours and whole.
    pub fn load(&self, key: Key) -> Option<Payload> {
        if !private_dir(&self.dir) {
            return None;
        }
        let path = self.entry(key);
        let bytes = read_private(&path)?;
        if verified(&bytes).is_none() {
            // Damaged: drop it so it is rebuilt.
            self.discard(key);
            return None;
        }
        Some(Payload(bytes))
    }

    /// Drops an entry whose payload does not decode (another shape), so
    /// the next command rebuilds it.
    pub fn discard(&self, key: Key) {
        let _ = fs::remove_file(self.entry(key));
    }

    /// Keeps `payload` under `key`; any failure is ignored.
    pub fn save(&self, key: Key, payload: &[u8]) {
        if payload.len() as u64 + 40 > MAX_ENTRY_BYTES {
            return;
        }
        if make_private_dir(&self.dir).is_err() || !private_dir(&self.dir) {
            return;
        }
        let mut bytes = Vec::with_capacity(payload.len() + 40);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(blake3::hash(payload).as_bytes());
        bytes.extend_from_slice(payload);
        let path = self.entry(key);
        let temp = path.with_extension(format!("tmp-{}", std::process::id()));
        let written = write_private(&temp, &bytes).and_then(|()| fs::rename(&temp, &path));
        if written.is_err() {
            let _ = fs::remove_file(&temp);
            return;
        }
        self.prune();
    }

    fn entry(&self, key: Key) -> PathBuf {
        let name: String = key.0.iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join(format!("{name}.idx"))
    }

    /// Removes the oldest entries beyond [`KEEP`].
    fn prune(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "idx"))
            .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
            .collect();
        if found.len() <= KEEP {
            return;
        }
        found.sort();
        for (_, path) in &found[..found.len() - KEEP] {
            let _ = fs::remove_file(path);
        }
    }
}

/// The payload of an entry whose magic and checksum are right.
fn verified(bytes: &[u8]) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    if rest.len() < 32 {
        return None;
    }
    let (sum, payload) = rest.split_at(32);
    (blake3::hash(payload).as_bytes().as_slice() == sum).then_some(payload)
}

/// What identifies this build of praxis beyond its version: a rebuilt
/// binary (same version, other code) must not read another build's entries.
fn binary_identity() -> Option<Vec<u8>> {
    let metadata = fs::metadata(std::env::current_exe().ok()?).ok()?;
    let modified = metadata
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    let mut id = Vec::new();
    id.extend_from_slice(&metadata.len().to_le_bytes());
    id.extend_from_slice(&modified.as_nanos().to_le_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        id.extend_from_slice(&metadata.ino().to_le_bytes());
    }
    Some(id)
}

/// Whether every part of `dir` that exists, from `dir` up to and
/// including `base` (or, when `base` does not exist, its nearest existing
/// ancestor), is the current user's or root's, seen both as a link and as
/// what it leads to. Root running with another user's `HOME` (`sudo`
/// without `-H`, a service) would otherwise create `.cache/praxis` there,
/// owned by root, in a directory that user controls. A non-root user's
/// cache under `/tmp` (root's) is still theirs to make.
#[cfg(unix)]
fn ours_all_the_way(base: &Path, dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    for part in dir.ancestors() {
        let seen = [fs::symlink_metadata(part), fs::metadata(part)];
        let mut exists = false;
        for metadata in seen.iter().flatten() {
            exists = true;
            if !owner::trusted(metadata.uid()) {
                return false;
            }
        }
        if exists && base.starts_with(part) {
            return true;
        }
    }
    true
}

#[cfg(not(unix))]
fn ours_all_the_way(_base: &Path, _dir: &Path) -> bool {
    true
}

/// The directory exists, is a real directory (not a link), is ours and
/// nobody else may enter or write it.
#[cfg(unix)]
fn private_dir(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::symlink_metadata(dir)
        .is_ok_and(|m| m.is_dir() && m.uid() == owner::current_user() && m.mode() & 0o077 == 0)
}

#[cfg(not(unix))]
fn private_dir(_dir: &Path) -> bool {
    false
}

#[cfg(unix)]
fn make_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::DirBuilder::new().mode(0o700).create(dir)
}

#[cfg(not(unix))]
fn make_private_dir(_dir: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no private cache directory here"))
}

/// An entry's bytes, if it is a regular file of ours that only we can
/// read, no larger than [`MAX_ENTRY_BYTES`]; all judged on the handle read.
#[cfg(unix)]
fn read_private(path: &Path) -> Option<Vec<u8>> {
    use std::os::unix::fs::MetadataExt;
    let (file, metadata) = super::open_regular(path, super::Links::Refuse).ok()?;
    if metadata.uid() != owner::current_user()
        || metadata.mode() & 0o077 != 0
        || metadata.len() > MAX_ENTRY_BYTES
    {
        return None;
    }
    let bytes = super::read_bounded(file, MAX_ENTRY_BYTES).ok()?;
    (bytes.len() as u64 <= MAX_ENTRY_BYTES).then_some(bytes)
}

#[cfg(not(unix))]
fn read_private(_path: &Path) -> Option<Vec<u8>> {
    None
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let mut file = options.open(path)?;
    // Not synced: an entry cut short by a crash fails its checksum and is
    // rebuilt, and a sync would cost every first query milliseconds.
    file.write_all(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(cache: &Cache, key: Key) -> Option<Vec<u8>> {
        cache.load(key).map(|payload| payload.to_vec())
    }

    fn cache() -> (tempfile::TempDir, Cache) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let cache = Cache {
            dir: dir.path().join("praxis"),
            binary: vec![1],
        };
        (dir, cache)
    }

    #[test]
    fn an_entry_comes_back_only_for_the_same_bytes() {
        let (_dir, cache) = cache();
        let key = cache.key(b"version = 1\n");
        cache.save(key, &[1, 2, 3]);
        assert_eq!(loaded(&cache, key), Some(vec![1, 2, 3]));
        assert_eq!(loaded(&cache, cache.key(b"version = 1 \n")), None);
        // The key of the parts is the key of the bytes they make.
        assert_eq!(cache.key_of_parts(&[b"version", b" = 1\n"]), key);
    }

    #[test]
    fn another_praxis_never_reads_this_ones_entries() {
        let (_dir, cache) = cache();
        let key = cache.key(b"version = 1\n");
        cache.save(key, &[1, 2, 3]);
        // A newer or rebuilt binary (another version, size, time or inode)
        // computes other keys for the same bytes.
        let other = Cache {
            dir: cache.dir.clone(),
            binary: vec![2],
        };
        let other_key = other.key(b"version = 1\n");
        assert_ne!(other_key, key);
        assert_eq!(loaded(&other, other_key), None);
        assert_eq!(loaded(&cache, key), Some(vec![1, 2, 3]));
    }

    #[cfg(unix)]
    #[test]
    fn a_damaged_entry_is_ignored_and_removed() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, cache) = cache();
        let key = cache.key(b"x");
        cache.save(key, &[7; 100]);
        let path = cache.entry(key);
        let mut bytes = fs::read(&path).unwrap_or_default();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded(&cache, key), None);
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_others_can_enter_or_an_entry_others_can_read_is_not_used() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, cache) = cache();
        let key = cache.key(b"y");
        cache.save(key, &[1]);
        let mode = fs::metadata(&cache.dir)
            .map(|m| m.permissions().mode())
            .unwrap_or(0);
        assert_eq!(mode & 0o777, 0o700);
        let entry_mode = fs::metadata(cache.entry(key))
            .map(|m| m.permissions().mode())
            .unwrap_or(0);
        assert_eq!(entry_mode & 0o777, 0o600);
        fs::set_permissions(cache.entry(key), fs::Permissions::from_mode(0o644))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded(&cache, key), None);
        fs::set_permissions(cache.entry(key), fs::Permissions::from_mode(0o600))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded(&cache, key), Some(vec![1]));
        fs::set_permissions(&cache.dir, fs::Permissions::from_mode(0o755))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded(&cache, key), None);
    }

    #[test]
    fn old_entries_are_pruned() {
        let (_dir, cache) = cache();
        for i in 0..(KEEP + 5) {
            cache.save(cache.key(format!("{i}").as_bytes()), &[i as u8]);
        }
        let count = fs::read_dir(&cache.dir).map(|d| d.count()).unwrap_or(0);
        assert_eq!(count, KEEP);
    }

    #[test]
    fn an_unwritable_cache_is_no_error() {
        let cache = Cache {
            dir: PathBuf::from("/proc/praxis-cache-cannot-be-here"),
            binary: vec![1],
        };
        let key = cache.key(b"z");
        cache.save(key, &[1]);
        assert_eq!(loaded(&cache, key), None);
    }
}
