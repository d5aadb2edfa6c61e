//! Format-preserving edits of the practice document: the smallest change to
//! a table, list or entry, keeping comments, key order, quoting and the
//! layout of the lines around it (cargo's `toml_mut` habit).

mod lists;

pub use lists::{Emptied, list_contains, pull, pull_temporary, push, push_temporary, replace};

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
    place_clients_header_after_last_client(doc);
    if let Some(section) = section(doc, "clients").as_table_like_mut() {
        section.insert(id, Item::Value(Value::InlineTable(fields)));
    }
}

/// When every client is a `[clients.ID]` table, `[clients]` has no header
/// of its own; the header one-line entries need goes after the last client
/// table (valid TOML: a super-table may follow its sub-tables), not above
/// the first.
fn place_clients_header_after_last_client(doc: &mut DocumentMut) {
    let Some(Item::Table(clients)) = doc.get("clients") else {
        return;
    };
    if !clients.is_implicit() {
        return;
    }
    let Some(last) = max_position(clients) else {
        return;
    };
    shift_positions_after(doc.as_table_mut(), last);
    if let Some(Item::Table(clients)) = doc.get_mut("clients") {
        clients.set_position(Some(last + 1));
        clients.set_implicit(false);
        clients.decor_mut().set_prefix("\n");
    }
}

fn max_position(table: &Table) -> Option<isize> {
    let own = table.position();
    table
        .iter()
        .filter_map(|(_, item)| match item {
            Item::Table(child) => max_position(child),
            Item::ArrayOfTables(array) => array.iter().filter_map(max_position).max(),
            _ => None,
        })
        .chain(own)
        .max()
}

fn shift_positions_after(table: &mut Table, after: isize) {
    if let Some(position) = table.position()
        && position > after
    {
        table.set_position(Some(position + 1));
    }
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(child) => shift_positions_after(child, after),
            Item::ArrayOfTables(array) => {
                for child in array.iter_mut() {
                    shift_positions_after(child, after);
                }
            }
            _ => {}
        }
    }
}

pub fn remove_client(doc: &mut DocumentMut, id: &str) -> bool {
    doc.get_mut("clients")
        .and_then(|c| c.as_table_like_mut())
        .and_then(|c| c.remove(id))
        .is_some()
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
        if same_value(existing, &value) {
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

/// Equal as data, whatever the quoting, spacing or comments around them.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value() == y.value(),
        (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
        (Value::Boolean(x), Value::Boolean(y)) => x.value() == y.value(),
        (Value::Datetime(x), Value::Datetime(y)) => x.value() == y.value(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(x, y)| same_value(x, y))
        }
        (Value::InlineTable(x), Value::InlineTable(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, value)| y.get(key).is_some_and(|other| same_value(value, other)))
        }
        _ => false,
    }
}

pub fn remove(table: &mut dyn TableLike, key: &str) -> bool {
    table.remove(key).is_some()
}

/// Re-spaces the one-line client entries a change touched
/// (`{ a = 1, b = 2 }`): those lines change anyway, and toml_edit's raw
/// spacing around an inserted or removed key would otherwise read
/// `{ a = 1 , b = 2 }`. Other entries keep their spacing.
pub fn tidy_clients<'a>(doc: &mut DocumentMut, touched: impl Iterator<Item = &'a str>) {
    let Some(section) = doc.get_mut("clients").and_then(|c| c.as_table_like_mut()) else {
        return;
    };
    for id in touched {
        if let Some(Item::Value(Value::InlineTable(table))) = section.get_mut(id) {
            table.fmt();
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
        assert!(pull(entry, "clinicians", "a", Emptied::DropKey));
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
        assert!(pull(entry, "clinicians", "a", Emptied::DropKey));
        assert_eq!(d.to_string(), "[clients]\nC-1 = { primary = \"bob\"}\n");
    }

    #[test]
    fn a_new_client_goes_after_the_last_client_table() {
        let mut d = doc(
            "[members.bob]\nname = \"B\"\n\n[clients.C-1]\nprimary = \"bob\"\n\n[clients.C-2]\nprimary = \"bob\"\n\n[roles.x]\ngrants = []\n",
        );
        let mut fields = InlineTable::new();
        fields.insert("primary", Value::from("bob"));
        add_client(&mut d, "C-3", fields);
        assert_eq!(
            d.to_string(),
            "[members.bob]\nname = \"B\"\n\n[clients.C-1]\nprimary = \"bob\"\n\n[clients.C-2]\nprimary = \"bob\"\n\n[clients]\nC-3 = { primary = \"bob\" }\n\n[roles.x]\ngrants = []\n"
        );
        let reread: DocumentMut = d.to_string().parse().unwrap_or_else(|e| panic!("{e}"));
        assert!(reread.get("clients").and_then(|c| c.get("C-3")).is_some());
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
