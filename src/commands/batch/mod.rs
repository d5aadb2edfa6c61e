//! `praxis access check --batch`: one JSON request per line on stdin, one
//! JSON answer per line on stdout, in order (SPEC §4, §8 Batch). A line
//! that cannot be answered gets an error answer and the batch goes on.

mod request;

use super::Context;
use crate::exit::{Exit, Failure};
use crate::output;
use crate::rules::verdicts::Verdicts;
use request::{answer, error_line};
use serde_json::Map;
use std::io::{BufRead, BufReader, Write};

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
            Ok(Next::End) => break,
            Ok(read) => read,
            // The reader went away while we flushed: nobody is asking.
            Err(Ask::Write(error)) => return super::written(Err(error)).map(|()| Exit::Success),
            Err(Ask::Read(error)) => {
                return Err(Failure::Usage(format!("cannot read stdin: {error}")));
            }
        };
        number += 1;
        let Some(mut text) = answer_read(&verdicts, read, &line, number, context.date) else {
            continue;
        };
        text.push('\n');
        if let Err(error) = out.write_all(text.as_bytes()) {
            return super::written(Err(error)).map(|()| Exit::Success);
        }
    }
    super::written(out.flush())?;
    // SPEC §4: exit 0 once every line is answered. A line without a
    // decision is answered `"decision": "error"`: a script reads each
    // line's decision, never the exit code alone.
    Ok(Exit::Success)
}

/// The answer to request line `number`: what [`read_request`] read into
/// `line`. A blank line gets none.
fn answer_read(
    verdicts: &Verdicts<'_>,
    read: Next,
    line: &[u8],
    number: usize,
    date: chrono::NaiveDate,
) -> Option<String> {
    let no_decision = |why: String| output::json_line(&error_line(Map::new(), why, number));
    if read == Next::TooLong {
        return Some(no_decision(format!(
            "the line is longer than {MAX_LINE} bytes"
        )));
    }
    // Each line is decoded on its own, so one bad line is one error line.
    match std::str::from_utf8(line) {
        Ok(text) if text.trim().is_empty() => None,
        Ok(text) => Some(answer(verdicts, text, number, date)),
        Err(_) => Some(no_decision("the line is not UTF-8".into())),
    }
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
}
