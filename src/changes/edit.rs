//! Format-preserving edits of the practice document: the smallest change to
//! a table, list or entry, keeping comments, key order, quoting and the
//! layout of the lines around it (cargo's `toml_mut` habit).

use chrono::{Datelike, NaiveDate};
use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, TableLike, Value};

/// The `[members.ID]` (or inline `[members] ID = {…}`) entry.
pub fn member<'d>(doc: &'d mut DocumentMut, id: &str) -> Option<&'d mut dyn TableLike> {
    doc.get_mut("members")?.get_mut(id)?.as_table_like_mut()
}

/// The `[clients] ID = {…}` (or `[clients.ID]`) entry.
pub fn client<'d>(doc: &'d mut DocumentMut, id: &str) -> Option<&'d mut dyn TableLike> {
    doc.get_mut("clients")?.get_mut(id)?.as_table_like_mut()
}

/// Every client entry, in file order, with its id.
pub fn clients(doc: &mut DocumentMut) -> Vec<(String, &mut dyn TableLike)> {
    let Some(section) = doc.get_mut("clients").and_then(|c| c.as_table_like_mut()) else {
        return Vec::new();
    };
    section
        .iter_mut()
        .filter_map(|(key, item)| item.as_table_like_mut().map(|t| (key.get().to_string(), t)))
        .collect()
}

/// Every member entry, in file order, with its id.
pub fn members(doc: &mut DocumentMut) -> Vec<(String, &mut dyn TableLike)> {
    let Some(section) = doc.get_mut("members").and_then(|c| c.as_table_like_mut()) else {
        return Vec::new();
    };
    section
        .iter_mut()
        .filter_map(|(key, item)| item.as_table_like_mut().map(|t| (key.get().to_string(), t)))
        .collect()
}

fn section<'d>(doc: &'d mut DocumentMut, name: &str) -> &'d mut Item {
    let item = doc.entry(name).or_insert_with(|| {
        let mut table = Table::new();
        table.set_implicit(true);
        Item::Table(table)
    });
    if let Item::Table(table) = item
        && name == "clients"
    {
        // One-line client entries need a visible `[clients]` header.
        table.set_implicit(false);
    }
    item
}

/// Appends `[members.ID]` after the last member, as a person would.
pub fn add_member(doc: &mut DocumentMut, id: &str, fields: Table) {
    let mut table = fields;
    table.decor_mut().set_prefix("\n");
    if let Some(section) = section(doc, "members").as_table_like_mut() {
        section.insert(id, Item::Table(table));
    }
}

/// Appends `ID = { … }` as one line after the last client.
pub fn add_client(doc: &mut DocumentMut, id: &str, fields: InlineTable) {
    if let Some(section) = section(doc, "clients").as_table_like_mut() {
        section.insert(id, Item::Value(Value::InlineTable(fields)));
    }
}

pub fn remove_client(doc: &mut DocumentMut, id: &str) -> bool {
    doc.get_mut("clients")
        .and_then(|c| c.as_table_like_mut())
        .and_then(|c| c.remove(id))
        .is_some()
}

pub fn string_value(text: &str) -> Value {
    Value::from(text)
}

pub fn date_value(date: NaiveDate) -> Value {
    let datetime = toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: u16::try_from(date.year()).unwrap_or(9999),
            month: u8::try_from(date.month()).unwrap_or(1),
            day: u8::try_from(date.day()).unwrap_or(1),
        }),
        time: None,
        offset: None,
    };
    Value::from(datetime)
}

pub fn string_array(values: &[String]) -> Value {
    let mut array = Array::new();
    for value in values {
        array.push(value.as_str());
    }
    Value::Array(array)
}

/// The string at `key`, if it is one.
pub fn get_str<'t>(table: &'t dyn TableLike, key: &str) -> Option<&'t str> {
    table.get(key).and_then(|i| i.as_str())
}

/// Sets `key` to a value, keeping the key's place and its decoration.
/// Returns false when it already had that value.
pub fn set(table: &mut dyn TableLike, key: &str, value: Value) -> bool {
    if let Some(Item::Value(existing)) = table.get_mut(key) {
        if existing.to_string().trim() == value.to_string().trim() {
            return false;
        }
        let decor = existing.decor().clone();
        *existing = value;
        *existing.decor_mut() = decor;
        return true;
    }
    table.insert(key, Item::Value(value));
    true
}

pub fn remove(table: &mut dyn TableLike, key: &str) -> bool {
    table.remove(key).is_some()
}

fn array_mut<'t>(table: &'t mut dyn TableLike, key: &str) -> Option<&'t mut Array> {
    table.get_mut(key).and_then(|item| item.as_array_mut())
}

pub fn list_contains(table: &dyn TableLike, key: &str, value: &str) -> bool {
    table
        .get(key)
        .and_then(|i| i.as_array())
        .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(value)))
}

/// Adds a string to the list at `key` (creating it), in the list's own
/// style: a multi-line list gets a new line. False when already present.
pub fn push(table: &mut dyn TableLike, key: &str, value: &str) -> bool {
    if list_contains(table, key, value) {
        return false;
    }
    match array_mut(table, key) {
        Some(array) => push_styled(array, Value::from(value)),
        None => {
            let mut array = Array::new();
            array.push(value);
            table.insert(key, Item::Value(Value::Array(array)));
        }
    }
    true
}

/// Pushes in the list's own style: a multi-line list gets the last
/// element's line layout, a one-line list `, value`.
fn push_styled(array: &mut Array, value: Value) {
    let multi_line = array
        .iter()
        .last()
        .and_then(|last| {
            last.decor()
                .prefix()
                .and_then(|p| p.as_str())
                .map(|p| p.contains('\n'))
        })
        .unwrap_or(false);
    let decor = array.iter().last().map(|last| last.decor().clone());
    array.push(value);
    if let (Some(decor), true) = (decor, multi_line)
        && let Some(pushed) = array.get_mut(array.len() - 1)
    {
        *pushed.decor_mut() = decor;
    }
}

/// Re-spaces the one-line client entries an edit changed (`{ a = 1, b = 2 }`):
/// those lines change anyway, and toml_edit's raw spacing around an inserted
/// or removed key would otherwise read `{ a = 1 , b = 2 }`. Untouched
/// entries keep their spacing.
pub fn tidy_changed_clients(before: &DocumentMut, after: &mut DocumentMut) {
    let old = before.get("clients").and_then(|c| c.as_table_like());
    let Some(section) = after.get_mut("clients").and_then(|c| c.as_table_like_mut()) else {
        return;
    };
    for (key, item) in section.iter_mut() {
        let Item::Value(Value::InlineTable(table)) = item else {
            continue;
        };
        let unchanged = old
            .and_then(|o| o.get(key.get()))
            .and_then(|i| i.as_inline_table())
            .is_some_and(|o| o.to_string() == table.to_string());
        if !unchanged {
            table.fmt();
        }
    }
}

/// Removes every element for which `drop` holds, keeping the list's
/// style; an emptied list is removed when `drop_empty`. True when changed.
fn retain(
    table: &mut dyn TableLike,
    key: &str,
    drop_empty: bool,
    drop: impl Fn(&Value) -> bool,
) -> bool {
    let Some(array) = array_mut(table, key) else {
        return false;
    };
    let before = array.len();
    let first_prefix = array.get(0).map(|v| v.decor().prefix().cloned());
    array.retain(|v| !drop(v));
    if array.len() == before {
        return false;
    }
    if let (Some(Some(prefix)), Some(first)) = (first_prefix, array.get_mut(0)) {
        first.decor_mut().set_prefix(prefix);
    }
    if array.is_empty() {
        if drop_empty {
            table.remove(key);
        } else {
            array.set_trailing("");
            array.set_trailing_comma(false);
        }
    }
    true
}

/// Removes a string from the list at `key`. True when it was there.
pub fn pull(table: &mut dyn TableLike, key: &str, value: &str, drop_empty: bool) -> bool {
    retain(table, key, drop_empty, |v| v.as_str() == Some(value))
}

/// Replaces `old` by `new` in the list at `key`, in place.
pub fn replace(table: &mut dyn TableLike, key: &str, old: &str, new: &str) -> bool {
    let Some(array) = array_mut(table, key) else {
        return false;
    };
    let Some(index) = array.iter().position(|v| v.as_str() == Some(old)) else {
        return false;
    };
    if let Some(slot) = array.get_mut(index) {
        let decor = slot.decor().clone();
        *slot = Value::from(new);
        *slot.decor_mut() = decor;
    }
    true
}

/// Removes the member's entries from a client's `temporary` list.
pub fn pull_temporary(table: &mut dyn TableLike, member: &str) -> bool {
    let is_member = |t: &dyn TableLike| t.get("member").and_then(|m| m.as_str()) == Some(member);
    match table.get_mut("temporary") {
        Some(Item::Value(Value::Array(_))) => retain(table, "temporary", true, |v| {
            v.as_inline_table().is_some_and(|t| is_member(t))
        }),
        Some(Item::ArrayOfTables(tables)) => {
            let before = tables.len();
            tables.retain(|t| !is_member(t));
            let changed = tables.len() != before;
            if tables.is_empty() {
                table.remove("temporary");
            }
            changed
        }
        _ => false,
    }
}

/// Adds `{ member, until, reason }` to a client's `temporary` list.
pub fn push_temporary(table: &mut dyn TableLike, member: &str, until: NaiveDate, reason: &str) {
    let mut entry = InlineTable::new();
    entry.insert("member", Value::from(member));
    entry.insert("until", date_value(until));
    entry.insert("reason", Value::from(reason));
    match table.get_mut("temporary") {
        Some(Item::Value(Value::Array(array))) => push_styled(array, Value::InlineTable(entry)),
        Some(Item::ArrayOfTables(tables)) => {
            tables.push(entry.into_table());
        }
        _ => {
            let mut array = Array::new();
            array.push(Value::InlineTable(entry));
            table.insert("temporary", Item::Value(Value::Array(array)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> DocumentMut {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn push_and_pull_keep_the_line_style() {
        let mut d =
            doc("[clients]\nC-1 = { primary = \"bob\", clinicians = [\"a\", \"b\"] } # note\n");
        let Some(entry) = client(&mut d, "C-1") else {
            panic!("no client")
        };
        assert!(push(entry, "clinicians", "c"));
        assert!(!push(entry, "clinicians", "c"));
        assert!(pull(entry, "clinicians", "a", true));
        assert_eq!(
            d.to_string(),
            "[clients]\nC-1 = { primary = \"bob\", clinicians = [\"b\", \"c\"] } # note\n"
        );
    }

    #[test]
    fn multi_line_lists_grow_by_a_line() {
        let mut d = doc("[members.bob]\nroles = [\n  \"a\",\n  \"b\",\n]\n");
        let Some(entry) = member(&mut d, "bob") else {
            panic!("no member")
        };
        assert!(push(entry, "roles", "c"));
        assert_eq!(
            d.to_string(),
            "[members.bob]\nroles = [\n  \"a\",\n  \"b\",\n  \"c\",\n]\n"
        );
    }

    #[test]
    fn an_emptied_client_list_goes_away() {
        let mut d = doc("[clients]\nC-1 = { primary = \"bob\", clinicians = [\"a\"] }\n");
        let Some(entry) = client(&mut d, "C-1") else {
            panic!("no client")
        };
        assert!(pull(entry, "clinicians", "a", true));
        assert_eq!(d.to_string(), "[clients]\nC-1 = { primary = \"bob\"}\n");
    }

    #[test]
    fn temporary_entries_are_one_line_tables() {
        let mut d = doc("[clients]\nC-1 = { primary = \"bob\" }\n");
        let Some(entry) = client(&mut d, "C-1") else {
            panic!("no client")
        };
        let until = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default();
        push_temporary(entry, "erin", until, "leave");
        assert_eq!(
            d.to_string(),
            "[clients]\nC-1 = { primary = \"bob\" , temporary = [{ member = \"erin\", until = 2026-12-31, reason = \"leave\" }] }\n"
        );
        let Some(entry) = client(&mut d, "C-1") else {
            panic!("no client")
        };
        assert!(pull_temporary(entry, "erin"));
    }
}
