//! `praxis test --update`: the test file with every expectation set to
//! what the practice answers now — a decision, who may, what a member holds
//! — for a reviewer to read in the pull request's diff. Comments, order and
//! layout stay; a question with no answer (an unknown name) is left as it
//! is, to fail until it is fixed.

use super::{Answer, Run, Verdict};
use toml_edit::{Array, DocumentMut, Item, Value};

/// The file's text with the answers of `run` written in, and how many
/// assertions changed; `None` when the text cannot be edited.
pub fn updated(text: &str, run: &Run) -> Option<(String, usize)> {
    let mut document: DocumentMut = text.parse().ok()?;
    let mut changed = 0;
    if let Some(tables) = document
        .get_mut("expect")
        .and_then(Item::as_array_of_tables_mut)
    {
        for (table, result) in tables.iter_mut().zip(&run.checks) {
            let word = match (&result.answer, result.actual()) {
                (Answer::Decided(_), Verdict::Allow) => "allow",
                (Answer::Decided(_), _) => "deny",
                (Answer::NoDecision(_), _) => continue,
            };
            if table.get("decision").and_then(Item::as_str) != Some(word) {
                set(table, "decision", Value::from(word));
                changed += 1;
            }
        }
    }
    let listings = [
        (
            "who",
            "members",
            run.who
                .iter()
                .map(|r| r.answer.as_ref().ok())
                .collect::<Vec<_>>(),
        ),
        (
            "list",
            "capabilities",
            run.lists.iter().map(|r| r.answer.as_ref().ok()).collect(),
        ),
    ];
    for (name, key, answers) in listings {
        let Some(tables) = document
            .get_mut(name)
            .and_then(Item::as_array_of_tables_mut)
        else {
            continue;
        };
        for (table, answer) in tables.iter_mut().zip(answers) {
            let Some(names) = answer else { continue };
            let now: Vec<&str> = table
                .get(key)
                .and_then(Item::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            if now != names.iter().map(String::as_str).collect::<Vec<_>>() {
                set(
                    table,
                    key,
                    Value::Array(names.iter().map(String::as_str).collect::<Array>()),
                );
                changed += 1;
            }
        }
    }
    Some((document.to_string(), changed))
}

/// Sets `key`, keeping the spacing and comment around the old value.
fn set(table: &mut toml_edit::Table, key: &str, mut value: Value) {
    if let Some(old) = table.get(key).and_then(Item::as_value) {
        *value.decor_mut() = old.decor().clone();
    }
    table.insert(key, Item::Value(value));
}
