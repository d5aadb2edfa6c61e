//! What the content-keyed index keeps of a file that validated, in a form
//! a single question can read without decoding the whole practice.
//!
//! The payload is the practice-wide part (name, owner, roles, capabilities,
//! the date-independent findings), then two sections, members and clients,
//! each entry encoded on its own with a table of where it ends and a table
//! of entries sorted by id. `access check` looks up the member, the client
//! and the client's care team by binary search and decodes only those: on
//! 2,000 members and 100,000 clients that is a dozen entries instead of
//! 102,000. Every other command decodes it all.
//!
//! Encoding and decoding are pure: the store reads and writes the bytes.

use super::{Checked, validate};
use crate::findings::Findings;
use crate::model::{Client, CustomCapability, Member, Practice, RoleDef, Spanned};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The practice-wide part, borrowed from a check to encode: the fields of
/// a [`Practice`] in its order, with no members or clients (those are in
/// the sections), then the findings that do not depend on the date. It
/// decodes as a [`Header`].
#[derive(Serialize)]
struct HeaderRef<'a> {
    version: &'a Spanned<i64>,
    name: &'a Spanned<String>,
    owner: &'a Option<Spanned<String>>,
    max_supervisors: &'a Option<Spanned<i64>>,
    capabilities: &'a [CustomCapability],
    roles: &'a [RoleDef],
    members: &'a [Member],
    clients: &'a [Client],
    undated: &'a Findings,
}

/// The practice-wide part decoded.
type Header = (Practice, Findings);

/// The payload to keep for a check, or `None` when the file has errors (an
/// invalid file is never kept: every command on it must report its
/// findings) or is too large for the section tables.
pub fn encode(checked: &Checked) -> Option<Vec<u8>> {
    if checked.findings.has_errors() {
        return None;
    }
    let practice = &checked.practice;
    let dated = validate::dated_codes();
    let undated = Findings(
        checked
            .findings
            .iter()
            .filter(|f| !dated.contains(&f.code))
            .cloned()
            .collect(),
    );
    let header = postcard::to_allocvec(&HeaderRef {
        version: &practice.version,
        name: &practice.name,
        owner: &practice.owner,
        max_supervisors: &practice.max_supervisors,
        capabilities: &practice.capabilities,
        roles: &practice.roles,
        members: &[],
        clients: &[],
        undated: &undated,
    })
    .ok()?;
    let mut out = Vec::new();
    push_u32(&mut out, header.len())?;
    out.extend_from_slice(&header);
    encode_section(&mut out, &practice.members, |m| &m.id.value)?;
    encode_section(&mut out, &practice.clients, |c| &c.id.value)?;
    Some(out)
}

fn push_u32(out: &mut Vec<u8>, value: usize) -> Option<()> {
    out.extend_from_slice(&u32::try_from(value).ok()?.to_le_bytes());
    Some(())
}

/// `count`, the end of each entry, the entries' positions sorted by id,
/// then the entries. Each entry's first field is its id (`Spanned<String>`
/// encodes its value first), which is what the lookup reads.
fn encode_section<T: Serialize>(
    out: &mut Vec<u8>,
    items: &[T],
    id: impl Fn(&T) -> &str,
) -> Option<()> {
    let mut blobs = Vec::new();
    let mut ends = Vec::with_capacity(items.len());
    for item in items {
        blobs = postcard::to_extend(item, blobs).ok()?;
        ends.push(blobs.len());
    }
    let mut sorted: Vec<usize> = (0..items.len()).collect();
    sorted.sort_by(|&a, &b| id(&items[a]).cmp(id(&items[b])));
    push_u32(out, items.len())?;
    for end in ends {
        push_u32(out, end)?;
    }
    for position in sorted {
        push_u32(out, position)?;
    }
    push_u32(out, blobs.len())?;
    out.extend_from_slice(&blobs);
    Some(())
}

/// A kept payload, checked for shape but not decoded.
pub struct View<'a> {
    header: &'a [u8],
    members: Section<'a>,
    clients: Section<'a>,
}

struct Section<'a> {
    count: usize,
    ends: &'a [u8],
    sorted: &'a [u8],
    blobs: &'a [u8],
}

/// Splits `n` bytes off the front of `bytes`.
fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if bytes.len() < n {
        return None;
    }
    let (head, rest) = bytes.split_at(n);
    *bytes = rest;
    Some(head)
}

fn take_u32(bytes: &mut &[u8]) -> Option<usize> {
    let raw: [u8; 4] = take(bytes, 4)?.try_into().ok()?;
    usize::try_from(u32::from_le_bytes(raw)).ok()
}

fn u32_at(table: &[u8], i: usize) -> Option<usize> {
    let raw: [u8; 4] = table.get(i * 4..i * 4 + 4)?.try_into().ok()?;
    usize::try_from(u32::from_le_bytes(raw)).ok()
}

impl<'a> Section<'a> {
    fn read(bytes: &mut &'a [u8]) -> Option<Section<'a>> {
        let count = take_u32(bytes)?;
        let ends = take(bytes, count.checked_mul(4)?)?;
        let sorted = take(bytes, count.checked_mul(4)?)?;
        let size = take_u32(bytes)?;
        let blobs = take(bytes, size)?;
        Some(Section {
            count,
            ends,
            sorted,
            blobs,
        })
    }

    fn blob(&self, position: usize) -> Option<&'a [u8]> {
        let start = match position {
            0 => 0,
            _ => u32_at(self.ends, position - 1)?,
        };
        self.blobs.get(start..u32_at(self.ends, position)?)
    }

    fn decode<T: Deserialize<'a>>(&self, position: usize) -> Option<T> {
        postcard::from_bytes(self.blob(position)?).ok()
    }

    fn decode_all<T: Deserialize<'a>>(&self) -> Option<Vec<T>> {
        (0..self.count).map(|i| self.decode(i)).collect()
    }

    /// The position of the entry whose id is `id`.
    fn find(&self, id: &str) -> Option<usize> {
        let (mut low, mut high) = (0, self.count);
        while low < high {
            let middle = low + (high - low) / 2;
            let position = u32_at(self.sorted, middle)?;
            let (found, _) = postcard::take_from_bytes::<&str>(self.blob(position)?).ok()?;
            match found.cmp(id) {
                std::cmp::Ordering::Equal => return Some(position),
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
            }
        }
        None
    }
}

/// What one access question names: the member, the client and the author.
#[derive(Clone, Copy, Debug)]
pub struct Names<'q> {
    pub member: &'q str,
    pub client: Option<&'q str>,
    pub author: Option<&'q str>,
}

impl<'a> View<'a> {
    /// Reads the payload's frame; `None` when it is not one this praxis
    /// wrote (the caller then reads the file).
    pub fn parse(payload: &'a [u8]) -> Option<View<'a>> {
        let mut rest = payload;
        let header_len = take_u32(&mut rest)?;
        let header = take(&mut rest, header_len)?;
        let members = Section::read(&mut rest)?;
        let clients = Section::read(&mut rest)?;
        rest.is_empty().then_some(View {
            header,
            members,
            clients,
        })
    }

    /// The whole check of the kept bytes as of `date`: the date-dependent
    /// findings added to the kept ones, in the order [`super::check`] gives.
    pub fn checked(&self, date: NaiveDate) -> Option<Checked> {
        let header: Header = postcard::from_bytes(self.header).ok()?;
        let members = self.members.decode_all()?;
        let clients = self.clients.decode_all()?;
        let (practice, mut findings) = header;
        let practice = practice.with_entries(members, clients);
        findings.0.extend(validate::dated(&practice, date).0);
        findings.sort();
        Some(Checked { practice, findings })
    }

    /// The part of the practice one access question reads: every role and
    /// capability, the member, the author, the client, and every member the
    /// client's entry names (so a supervisor's route through a supervisee
    /// on the chart is found). Members keep their file order, so the answer
    /// and its reasons are those of the whole practice. `None` when the
    /// question names a member or client the file does not have: the
    /// caller answers from the whole practice, whose error suggests the
    /// closest id.
    pub fn practice_for(&self, names: Names<'_>) -> Option<Practice> {
        let header: Header = postcard::from_bytes(self.header).ok()?;
        let mut positions = vec![self.members.find(names.member)?];
        if let Some(author) = names.author {
            positions.push(self.members.find(author)?);
        }
        let client: Option<Client> = match names.client {
            None => None,
            Some(id) => Some(self.clients.decode(self.clients.find(id)?)?),
        };
        if let Some(client) = &client {
            let named = std::iter::once(&client.primary)
                .chain(&client.clinicians)
                .chain(&client.administrative)
                .chain(client.temporary.iter().map(|t| &t.member));
            for member in named {
                positions.push(self.members.find(&member.value)?);
            }
        }
        positions.sort_unstable();
        positions.dedup();
        let members = positions
            .into_iter()
            .map(|p| self.members.decode(p))
            .collect::<Option<Vec<Member>>>()?;
        Some(header.0.with_entries(members, client.into_iter().collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"
version = 1
[practice]
name = "Riverbend"
owner = "alice"
[members.alice]
name = "Alice"
roles = ["administrator"]
[members.bob]
name = "Bob"
roles = ["clinician", "supervisor"]
npi = "1234567893"
[members.dana]
name = "Dana"
roles = ["biller"]
[members.erin]
name = "Erin"
roles = ["intern"]
supervisors = ["bob"]
[members.zed]
name = "Zed"
roles = ["clinician"]
[clients]
C-2 = { primary = "zed" }
C-1 = { primary = "erin", restricted = true, administrative = ["dana"] }
"#;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
    }

    #[test]
    fn a_kept_check_decodes_to_the_same_check() {
        let checked = super::super::check(TEXT, date());
        let payload = encode(&checked).unwrap_or_default();
        let view = View::parse(&payload);
        let again = view.and_then(|v| v.checked(date()));
        let again = again.unwrap_or_else(|| panic!("the payload must decode"));
        assert_eq!(
            format!("{:?}", again.findings),
            format!("{:?}", checked.findings)
        );
        let ids = |p: &Practice| {
            p.clients
                .iter()
                .map(|c| c.id.value.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&again.practice), ids(&checked.practice));
    }

    #[test]
    fn a_question_reads_the_member_the_client_and_its_care_team() {
        let checked = super::super::check(TEXT, date());
        let payload = encode(&checked).unwrap_or_default();
        let view = View::parse(&payload).unwrap_or_else(|| panic!("frame"));
        let practice = view
            .practice_for(Names {
                member: "bob",
                client: Some("C-1"),
                author: None,
            })
            .unwrap_or_else(|| panic!("all named"));
        let ids: Vec<_> = practice
            .members
            .iter()
            .map(|m| m.id.value.as_str())
            .collect();
        assert_eq!(ids, ["bob", "dana", "erin"]);
        assert_eq!(practice.clients.len(), 1);
        assert_eq!(practice.supervisees_of("bob"), ["erin"]);
        for missing in [("nobody", Some("C-1")), ("bob", Some("C-9"))] {
            let names = Names {
                member: missing.0,
                client: missing.1,
                author: None,
            };
            assert!(view.practice_for(names).is_none(), "{missing:?}");
        }
    }

    #[test]
    fn a_damaged_frame_is_refused() {
        let checked = super::super::check(TEXT, date());
        let payload = encode(&checked).unwrap_or_default();
        assert!(View::parse(&payload[..payload.len() - 1]).is_none());
        let mut longer = payload.clone();
        longer.push(0);
        assert!(View::parse(&longer).is_none());
        assert!(View::parse(&[]).is_none());
    }
}
