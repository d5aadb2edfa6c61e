//! Editing one list of an entry (`roles`, `clinicians`, `temporary`…) in
//! the list's own style: a multi-line list grows and shrinks by a line, a
//! one-line list by `, value`, and the comments at the ends of lines stay
//! on the lines they were written on. Kept apart from the entry-level
//! edits in `edit`: keeping comments in place is most of a list edit.

use super::date_value;
use chrono::NaiveDate;
use toml_edit::{Array, InlineTable, Item, TableLike, Value};

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

/// The text of a decor prefix or trailing, or "".
fn raw(text: Option<&toml_edit::RawString>) -> String {
    text.and_then(|r| r.as_str()).unwrap_or("").to_string()
}

/// Splits a prefix at its first line break: the head is the end of the
/// line before (spaces and maybe that line's comment), the body the rest.
fn split_head(text: &str) -> (&str, &str) {
    match text.find('\n') {
        Some(i) => text.split_at(i),
        None => (text, ""),
    }
}

/// Pushes in the list's own style: a multi-line list gets a line of its
/// own with the last element's indentation, leaving any comment on the
/// previous last line where it was; a one-line list gets `, value`.
fn push_styled(array: &mut Array, value: Value) {
    let last_prefix = array.iter().last().map(|last| raw(last.decor().prefix()));
    array.push(value);
    let Some(last_prefix) = last_prefix.filter(|p| p.contains('\n')) else {
        return;
    };
    let indent = last_prefix.rsplit('\n').next().unwrap_or("").to_string();
    let trailing = raw(Some(array.trailing()));
    let prefix = if array.trailing_comma() && trailing.contains('\n') {
        // The comment after the old last element's comma lives in the
        // trailing; it stays on that line, before the new element.
        let (head, body) = split_head(&trailing);
        let head = head.to_string();
        array.set_trailing(body.to_string());
        format!("{head}\n{indent}")
    } else {
        format!("\n{indent}")
    };
    let index = array.len() - 1;
    if let Some(pushed) = array.get_mut(index) {
        pushed.decor_mut().set_prefix(prefix);
    }
}

/// Removes one element, keeping the comment that ended the line before it
/// (stored at the start of the removed element's prefix) and dropping the
/// one that ended its own line.
fn remove_at(array: &mut Array, index: usize) {
    let removed = raw(array.get(index).and_then(|v| v.decor().prefix()));
    array.remove(index);
    let (kept_head, _) = split_head(&removed);
    let kept_head = kept_head.to_string();
    if let Some(next) = array.get_mut(index) {
        let prefix = raw(next.decor().prefix());
        let (_, body) = split_head(&prefix);
        let prefix = format!("{kept_head}{body}");
        next.decor_mut().set_prefix(prefix);
    } else {
        let trailing = raw(Some(array.trailing()));
        if trailing.contains('\n') {
            let (_, body) = split_head(&trailing);
            let trailing = format!("{kept_head}{body}");
            array.set_trailing(trailing);
        }
    }
}

/// What to do with a list a removal empties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emptied {
    /// Remove the key: an empty `clinicians = []` says nothing.
    DropKey,
    /// Keep `key = []`: an empty `roles` or `supervisors` is a statement.
    KeepKey,
}

/// Removes every element for which `drop` holds, keeping the list's
/// style. True when changed.
fn retain(
    table: &mut dyn TableLike,
    key: &str,
    emptied: Emptied,
    drop: impl Fn(&Value) -> bool,
) -> bool {
    let Some(array) = array_mut(table, key) else {
        return false;
    };
    let doomed: Vec<usize> = array
        .iter()
        .enumerate()
        .filter(|(_, v)| drop(v))
        .map(|(i, _)| i)
        .collect();
    if doomed.is_empty() {
        return false;
    }
    for index in doomed.into_iter().rev() {
        remove_at(array, index);
    }
    if array.is_empty() {
        if emptied == Emptied::DropKey {
            table.remove(key);
        } else {
            array.set_trailing("");
            array.set_trailing_comma(false);
        }
    }
    true
}

/// Removes a string from the list at `key`. True when it was there.
pub fn pull(table: &mut dyn TableLike, key: &str, value: &str, emptied: Emptied) -> bool {
    retain(table, key, emptied, |v| v.as_str() == Some(value))
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
        Some(Item::Value(Value::Array(_))) => retain(table, "temporary", Emptied::DropKey, |v| {
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
