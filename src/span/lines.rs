//! Byte offsets to 1-based lines and columns, from an index built once per
//! text. Rendering 20,000 findings used to scan the text from its start for
//! each one (quadratic); with the index each position is a binary search
//! plus a count over at most one short stretch of text (STYLE 17).

use serde::Serialize;

/// A position in the file, 1-based; the column counts characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Bytes between character-count checkpoints. A column is the characters
/// between the line start and the offset; counting them from the nearest
/// checkpoint keeps one very long line (an inline array of 20,000 clients)
/// from making every position on it cost the whole line.
const STRIDE: usize = 1024;

/// Line starts and character-count checkpoints of one text.
pub struct LineIndex<'t> {
    text: &'t str,
    /// Byte offset of each line's first byte; `starts[0] == 0`.
    starts: Vec<usize>,
    /// For checkpoint `k`: the char boundary at or below `k * STRIDE` and
    /// the number of characters before it.
    checkpoints: Vec<(usize, usize)>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0;
        let mut previous = 0;
        let mut target = 0;
        while target <= text.len() {
            let at = floor_char_boundary(text, target);
            chars += text[previous..at].chars().count();
            checkpoints.push((at, chars));
            previous = at;
            target += STRIDE;
        }
        LineIndex {
            text,
            starts,
            checkpoints,
        }
    }

    /// The 1-based line and column (in characters) of a byte offset; an
    /// offset past the end or inside a character is moved back onto one.
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        Position {
            line: line + 1,
            column: self.chars_before(offset) - self.chars_before(start) + 1,
        }
    }

    /// The text of a 1-based line, without its line ending; empty past the end.
    pub fn line_text(&self, line: usize) -> &'t str {
        let Some(&start) = line.checked_sub(1).and_then(|i| self.starts.get(i)) else {
            return "";
        };
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        self.text[start..end].trim_end_matches('\r')
    }

    /// The text from a byte offset to the end of its line.
    pub fn rest_of_line(&self, offset: usize) -> &'t str {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.line_of(offset) + 1;
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        self.text[offset..end.max(offset)].trim_end_matches('\r')
    }

    /// 0-based line holding `offset`.
    fn line_of(&self, offset: usize) -> usize {
        // `starts` is sorted and starts with 0, so the partition point is ≥ 1.
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Characters in `text[..offset]`, `offset` on a char boundary.
    fn chars_before(&self, offset: usize) -> usize {
        let (at, chars) = self.checkpoints[(offset / STRIDE).min(self.checkpoints.len() - 1)];
        chars + self.text[at..offset].chars().count()
    }
}

pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The old definition: a scan from the start of the text.
    fn scanned(text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    #[test]
    fn positions_are_one_based_in_characters() {
        let index = LineIndex::new("a = 1\nbé = \"x\"\n");
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        assert_eq!(index.position(6), Position { line: 2, column: 1 });
        assert_eq!(index.position(12), Position { line: 2, column: 6 });
        // Inside `é`: moved back onto it.
        assert_eq!(index.position(8), Position { line: 2, column: 2 });
        // Past the end: the end.
        assert_eq!(index.position(999), Position { line: 3, column: 1 });
    }

    #[test]
    fn every_offset_agrees_with_a_scan_from_the_start() {
        // Long lines with multi-byte characters across checkpoint borders,
        // CRLF endings, an empty line and no final newline.
        let long = "ü€x".repeat(900);
        let text = format!("a\r\n{long}\n\n{long}b\r\nend");
        let index = LineIndex::new(&text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(index.position(offset), scanned(&text, offset), "{offset}");
        }
    }

    #[test]
    fn line_text_drops_the_line_ending() {
        let index = LineIndex::new("one\r\ntwo\nthree");
        assert_eq!(index.line_text(1), "one");
        assert_eq!(index.line_text(2), "two");
        assert_eq!(index.line_text(3), "three");
        assert_eq!(index.line_text(4), "");
        assert_eq!(index.line_text(0), "");
        assert_eq!(index.rest_of_line(1), "ne");
        assert_eq!(index.rest_of_line(5), "two");
        assert_eq!(
            LineIndex::new("").position(0),
            Position { line: 1, column: 1 }
        );
    }
}
