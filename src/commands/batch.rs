//! `praxis access check --batch`: one JSON request per line on stdin, one
//! JSON answer per line on stdout, in order (SPEC §4, §8 Batch). A line
//! that cannot be answered gets an error answer and the batch goes on.

use super::Context;
use crate::exit::{Exit, Failure};
use crate::model::Practice;
use crate::output::{self, records};
use crate::rules::decide::{self, Request};
use crate::rules::verdicts::Verdicts;
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::io::{BufRead, BufReader, Write};

const BATCH_KEYS: &[&str] = &["member", "capability", "client", "author", "at"];

/// The longest request line read (SPEC §8 Batch), newline excluded.
pub const MAX_LINE: usize = 64 * 1024;

/// One JSON line per request, in order; errors are answered, not fatal.
/// Answers are flushed whenever praxis is about to wait for input, so a
/// coprocess can ask one question at a time; a piped file is read and
/// answered a buffer at a time.
pub fn run(context: &Context) -> Result<Exit, Failure> {
    // --batch always writes JSON Lines, whatever --format says.
    if context.file.as_deref().is_some_and(crate::store::is_stdin) {
        return Err(Failure::Usage(
            "--batch reads its requests from standard input, so -f - cannot also \
             read the practice from it; name the file"
                .into(),
        ));
    }
    let loaded = context.load()?;
    let verdicts = Verdicts::new(&loaded.practice);
    let mut input = BufReader::with_capacity(MAX_LINE, std::io::stdin().lock());
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        let read = match read_request(&mut input, &mut line, &mut out) {
            Ok(read) => read,
            // The reader went away while we flushed: nobody is asking.
            Err(Ask::Write(error)) => return super::written(Err(error)).map(|()| Exit::Success),
            Err(Ask::Read(error)) => {
                return Err(Failure::Usage(format!("cannot read stdin: {error}")));
            }
        };
        let mut text = match read {
            Next::End => break,
            Next::Line => {
                number += 1;
                // Each line is decoded on its own, so one bad line is one
                // error line.
                match std::str::from_utf8(&line) {
                    Ok(text) if text.trim().is_empty() => continue,
                    Ok(text) => answer(&verdicts, text, number, context.date),
                    Err(_) => output::json_line(&error_line(
                        Map::new(),
                        "the line is not UTF-8".into(),
                        number,
                    )),
                }
            }
            Next::TooLong => {
                number += 1;
                output::json_line(&error_line(
                    Map::new(),
                    format!("the line is longer than {MAX_LINE} bytes"),
                    number,
                ))
            }
        };
        text.push('\n');
        if let Err(error) = out.write_all(text.as_bytes()) {
            return super::written(Err(error)).map(|()| Exit::Success);
        }
    }
    super::written(out.flush())?;
    Ok(Exit::Success)
}

/// What [`read_request`] found.
#[derive(Debug, PartialEq, Eq)]
enum Next {
    /// A whole line (without its newline) is in the buffer.
    Line,
    /// A line longer than [`MAX_LINE`]: read to its end and dropped.
    TooLong,
    /// No more input.
    End,
}

enum Ask {
    Read(std::io::Error),
    Write(std::io::Error),
}

/// Reads the next line into `line`, holding at most [`MAX_LINE`] bytes of
/// it: the rest of a longer line is read and dropped up to its newline.
/// Before any read that may wait, what was answered so far is flushed.
fn read_request<R: std::io::Read, W: Write>(
    input: &mut BufReader<R>,
    line: &mut Vec<u8>,
    out: &mut W,
) -> Result<Next, Ask> {
    line.clear();
    let mut too_long = false;
    let mut started = false;
    loop {
        if input.buffer().is_empty() {
            out.flush().map_err(Ask::Write)?;
        }
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(Ask::Read(error)),
        };
        if available.is_empty() {
            return Ok(match (started, too_long) {
                (false, _) => Next::End,
                (true, false) => Next::Line,
                (true, true) => Next::TooLong,
            });
        }
        started = true;
        let (chunk, used, ended) = match available.iter().position(|&b| b == b'\n') {
            Some(at) => (&available[..at], at + 1, true),
            None => (available, available.len(), false),
        };
        if !too_long {
            if line.len() + chunk.len() > MAX_LINE {
                too_long = true;
                line.clear();
            } else {
                line.extend_from_slice(chunk);
            }
        }
        input.consume(used);
        if ended {
            return Ok(if too_long { Next::TooLong } else { Next::Line });
        }
    }
}

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
fn answer(verdicts: &Verdicts<'_>, line: &str, number: usize, default_date: NaiveDate) -> String {
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
    let mut echo = Map::new();
    let fail = |echo: Map<String, Value>, error: String| {
        output::json_line(&error_line(echo, error, number))
    };
    let (request, duplicates) = match serde_json::from_str::<RequestObject>(line) {
        Ok(object) => (object.fields, object.duplicates),
        // Valid JSON of another type (the values are any JSON, so only the
        // top level can mismatch).
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            return fail(echo, "a request must be a JSON object".into());
        }
        Err(e) => return fail(echo, format!("malformed JSON: {e}")),
    };
    let mut fields: [Option<String>; 5] = Default::default();
    let mut problems: Vec<String> = duplicates
        .iter()
        .map(|key| format!("the key `{key}` appears more than once"))
        .collect();
    for (key, value) in &request {
        let Some(slot) = BATCH_KEYS.iter().position(|k| k == key) else {
            problems.push(format!(
                "unknown key `{key}` (a request has {})",
                BATCH_KEYS.join(", ")
            ));
            continue;
        };
        // A key given twice is not echoed: which of its values was meant
        // cannot be told.
        if duplicates.contains(key) {
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
    let [member, capability, client, author, at] = fields;
    if let Some(problem) = problems.into_iter().next() {
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

/// The error record for a line, with the fields the line let us read.
fn error_line(mut echo: Map<String, Value>, error: String, number: usize) -> records::BatchError {
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

    /// Counts flushes, so a test can see when answers would go out.
    #[derive(Default)]
    struct Flushes(usize);

    impl Write for Flushes {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.0 += 1;
            Ok(())
        }
    }

    fn next(input: &mut BufReader<&[u8]>, line: &mut Vec<u8>) -> Next {
        match read_request(input, line, &mut Flushes::default()) {
            Ok(next) => next,
            Err(_) => panic!("reading a slice cannot fail"),
        }
    }

    #[test]
    fn an_overlong_line_is_dropped_without_being_held() {
        let text = format!(
            "{}\nshort\n{}",
            "x".repeat(3 * MAX_LINE),
            "y".repeat(MAX_LINE + 1)
        );
        let mut input = BufReader::with_capacity(1024, text.as_bytes());
        let mut line = Vec::new();
        assert_eq!(next(&mut input, &mut line), Next::TooLong);
        assert!(line.capacity() <= 2 * MAX_LINE, "{}", line.capacity());
        assert_eq!(next(&mut input, &mut line), Next::Line);
        assert_eq!(line, b"short");
        assert_eq!(next(&mut input, &mut line), Next::TooLong);
        assert_eq!(next(&mut input, &mut line), Next::End);
    }

    #[test]
    fn answers_are_flushed_only_when_the_input_buffer_runs_dry() {
        let text = "a\nb\nc\n".repeat(100);
        let mut input = BufReader::with_capacity(4096, text.as_bytes());
        let mut line = Vec::new();
        let mut out = Flushes::default();
        let mut lines = 0;
        while let Ok(Next::Line) = read_request(&mut input, &mut line, &mut out) {
            lines += 1;
        }
        assert_eq!(lines, 300);
        // Once before the first read, once before the read that found the end.
        assert_eq!(out.0, 2);
    }

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
