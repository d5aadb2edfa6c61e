//! Answering one request line of a batch: the common line read straight
//! into a request, any other read key by key so that an error answer can
//! echo what the line held. Apart from reading the lines, which is about
//! buffering and flushing.

use crate::model::Practice;
use crate::output::{self, records};
use crate::rules::decide::{self, Request};
use crate::rules::verdicts::Verdicts;
use chrono::NaiveDate;
use serde_json::{Map, Value};

const BATCH_KEYS: &[&str] = &["member", "capability", "client", "author", "at"];

/// A request object whose keys are each read once: serde_json keeps the
/// last of two equal keys, which would let `{"member":"bob","member":"eve"}`
/// be read one way here and another way by a script or a log reader.
struct RequestObject {
    fields: Map<String, Value>,
    duplicates: Vec<String>,
}

impl<'de> serde::Deserialize<'de> for RequestObject {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RequestVisitor)
    }
}

struct RequestVisitor;

impl<'de> serde::de::Visitor<'de> for RequestVisitor {
    type Value = RequestObject;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut object = RequestObject {
            fields: Map::new(),
            duplicates: Vec::new(),
        };
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            if object.fields.contains_key(&key) {
                if !object.duplicates.contains(&key) {
                    object.duplicates.push(key);
                }
            } else {
                object.fields.insert(key, value);
            }
        }
        Ok(object)
    }
}

/// A request as almost every line writes it: known keys, each once, the
/// names as strings. Anything else is read by [`RequestObject`], which
/// words the error.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PlainRequest<'a> {
    #[serde(borrow)]
    member: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    capability: std::borrow::Cow<'a, str>,
    #[serde(borrow, default)]
    client: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default)]
    author: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default)]
    at: Option<std::borrow::Cow<'a, str>>,
}

/// The answer line to one request line.
pub(super) fn answer(
    verdicts: &Verdicts<'_>,
    line: &str,
    number: usize,
    default_date: NaiveDate,
) -> String {
    // Only an object: a derived struct would also take an array of the
    // fields in order, which is no request.
    let object = line.trim_start().starts_with('{');
    if object && let Ok(plain) = serde_json::from_str::<PlainRequest<'_>>(line) {
        let date = match plain.at.as_deref().map(crate::cli::parse_date) {
            None => Some(default_date),
            Some(Ok(date)) => Some(date),
            Some(Err(_)) => None,
        };
        let request = Request {
            member: &plain.member,
            capability: &plain.capability,
            client: plain.client.as_deref(),
            author: plain.author.as_deref(),
        };
        if let Some(Ok(allowed)) = date.map(|date| verdicts.allows(&request, date)) {
            return output::json_line(&records::BatchAnswer {
                member: request.member,
                capability: request.capability,
                client: request.client,
                decision: if allowed {
                    records::Word::Allow
                } else {
                    records::Word::Deny
                },
            });
        }
    }
    answer_line(verdicts.practice(), line, number, default_date)
}

/// The answer to any line, read key by key so an error can echo what the
/// line held.
fn answer_line(practice: &Practice, line: &str, number: usize, default_date: NaiveDate) -> String {
    let fail = |echo: Map<String, Value>, error: String| {
        output::json_line(&error_line(echo, error, number))
    };
    let object = match serde_json::from_str::<RequestObject>(line) {
        Ok(object) => object,
        // Valid JSON of another type (the values are any JSON, so only the
        // top level can mismatch).
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            return fail(Map::new(), "a request must be a JSON object".into());
        }
        Err(e) => return fail(Map::new(), format!("malformed JSON: {e}")),
    };
    let mut echo = Map::new();
    let (fields, problem) = request_fields(&object, &mut echo);
    let [member, capability, client, author, at] = fields;
    if let Some(problem) = problem {
        return fail(echo, problem);
    }
    let (Some(member), Some(capability)) = (member, capability) else {
        return fail(echo, "a request needs `member` and `capability`".into());
    };
    let date = match at.as_deref().map(crate::cli::parse_date) {
        None => default_date,
        Some(Ok(date)) => date,
        Some(Err(e)) => return fail(echo, e),
    };
    let request = Request {
        member: &member,
        capability: &capability,
        client: client.as_deref(),
        author: author.as_deref(),
    };
    match decide::decide(practice, &request, date) {
        Ok(decision) => output::json_line(&records::BatchAnswer {
            member: &member,
            capability: &capability,
            client: client.as_deref(),
            decision: records::Word::of(&decision),
        }),
        Err(error) => fail(echo, error.to_string()),
    }
}

/// The request's fields in [`BATCH_KEYS`] order, each string value also
/// put in `echo`; and the first problem with the object (a key twice, an
/// unknown key, a value not a string), if any.
fn request_fields(
    object: &RequestObject,
    echo: &mut Map<String, Value>,
) -> ([Option<String>; 5], Option<String>) {
    let mut fields: [Option<String>; 5] = Default::default();
    let mut problems: Vec<String> = object
        .duplicates
        .iter()
        .map(|key| format!("the key `{key}` appears more than once"))
        .collect();
    for (key, value) in &object.fields {
        let Some(slot) = BATCH_KEYS.iter().position(|k| k == key) else {
            problems.push(format!(
                "unknown key `{key}` (a request has {})",
                BATCH_KEYS.join(", ")
            ));
            continue;
        };
        // A key given twice is not echoed: which of its values was meant
        // cannot be told.
        if object.duplicates.contains(key) {
            continue;
        }
        match value {
            Value::String(text) => {
                fields[slot] = Some(text.clone());
                echo.insert(key.clone(), value.clone());
            }
            Value::Null if slot >= 2 => {}
            _ => problems.push(format!("`{key}` must be a string")),
        }
    }
    (fields, problems.into_iter().next())
}

/// The error record for a line, with the fields the line let us read.
pub(super) fn error_line(
    mut echo: Map<String, Value>,
    error: String,
    number: usize,
) -> records::BatchError {
    let mut take = |key: &str| echo.remove(key);
    records::BatchError {
        member: take("member").unwrap_or(Value::Null),
        capability: take("capability").unwrap_or(Value::Null),
        client: take("client").unwrap_or(Value::Null),
        author: take("author"),
        at: take("at"),
        decision: records::NoDecision::Error,
        error,
        line: number,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_twice_is_an_error_that_echoes_the_other_fields() {
        let practice = Practice::catalog_only();
        let date = NaiveDate::MIN;
        let read = |line: &str, number| -> Value {
            serde_json::from_str(&answer_line(&practice, line, number, date)).unwrap_or_default()
        };
        let answer = read(
            r#"{"member":"bob","member":"alice","capability":"clinical.view"}"#,
            7,
        );
        assert_eq!(answer["decision"], "error");
        assert_eq!(answer["member"], Value::Null);
        assert_eq!(answer["capability"], "clinical.view");
        assert_eq!(answer["line"], 7);
        let answer = read("[1]", 1);
        assert_eq!(answer["error"], "a request must be a JSON object");
    }
}
