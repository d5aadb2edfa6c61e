//! Findings rendered like a compiler (`file:line:col`, the line, a caret),
//! as JSON, as GitHub workflow annotations, and as SARIF for code scanning.

use crate::findings::{Finding, Findings, Severity};
use crate::output::{Paint, escape, paint};
use crate::span::Span;
use serde::Serialize;

pub use crate::span::{LineIndex, Position};

/// The position of one offset. Builds an index over the whole text: for
/// more than one position, build a [`LineIndex`] once and ask it.
pub fn position(text: &str, offset: usize) -> Position {
    LineIndex::new(text).position(offset)
}

/// Compiler-style text for every finding, then a summary line. The file
/// name, messages, hints and the source line are free text (a broken file's
/// keys and lines are echoed): each is escaped ([`escape::text`]), and a
/// file name cannot begin a line with `::`.
pub fn render_text(file: &str, text: &str, findings: &Findings, color: bool) -> String {
    let index = LineIndex::new(text);
    let file = escape::path(std::path::Path::new(file));
    let file = file.as_str();
    let mut out = String::new();
    let cascades = crate::findings::cascades(findings);
    let (followers, causes): (Vec<_>, Vec<_>) = findings
        .iter()
        .zip(&cascades)
        .partition(|(_, cascade)| **cascade);
    for (finding, _) in causes {
        out.push_str(&render_one(file, &index, finding, color));
        out.push('\n');
    }
    // What follows from a misspelled key, one line each after the rest:
    // every finding is reported, the mistake is not buried under them.
    if !followers.is_empty() {
        out.push_str("these follow from a misspelled key above; fix it first:\n");
        for (finding, _) in followers {
            let at = index.position(finding.span.start);
            out.push_str(&format!(
                "{file}:{}:{}: {}[{}]: {}\n",
                at.line,
                at.column,
                finding.severity.as_str(),
                finding.code.as_str(),
                escape::text(&finding.message)
            ));
        }
        out.push('\n');
    }
    out.push_str(&summary(findings));
    out.push('\n');
    out
}

pub fn summary(findings: &Findings) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(findings.errors(), "error"),
        plural(findings.warnings(), "warning")
    )
}

fn render_one(file: &str, index: &LineIndex<'_>, finding: &Finding, color: bool) -> String {
    let start = index.position(finding.span.start);
    let end = index.position(finding.span.end);
    let source = index.line_text(start.line);
    let rest = index.rest_of_line(finding.span.start);
    let width = if end.line == start.line {
        end.column.saturating_sub(start.column).max(1)
    } else {
        // To the end of the line, counted no further than can be shown.
        rest.chars().take(MAX_SHOWN + 1).count().max(1)
    };
    let gutter = " ".repeat(start.line.to_string().len());
    let (label, tint) = match finding.severity {
        Severity::Error => ("error", Paint::Red),
        Severity::Warning => ("warning", Paint::Yellow),
    };
    // `file:line:col: error[CODE]: message`, as compilers start a finding.
    let mut out = format!(
        "{file}:{}:{}: {}: {}\n",
        start.line,
        start.column,
        paint(&format!("{label}[{}]", finding.code.as_str()), tint, color),
        paint(&escape::text(&finding.message), Paint::Bold, color)
    );
    let at = source.len().saturating_sub(rest.len());
    let (shown, caret_at, width) = excerpt(source, at, start.column - 1, width);
    out.push_str(&format!("{gutter} |\n"));
    out.push_str(&format!("{} | {shown}\n", start.line));
    out.push_str(&format!(
        "{gutter} | {}{}\n",
        " ".repeat(caret_at),
        paint(&"^".repeat(width), tint, color)
    ));
    if !finding.hint.is_empty() {
        out.push_str(&format!(
            "{gutter} = help: {}\n",
            escape::text(&finding.hint)
        ));
    }
    out
}

/// Longest source line shown whole; longer ones are cut around the value.
const MAX_SHOWN: usize = 120;

/// The part of a long line around the value at byte `at` (character
/// `column`, 0-based), the caret's position in it, and a caret width that
/// fits; the part is then made safe to show ([`shown`]).
fn excerpt(line: &str, at: usize, column: usize, width: usize) -> (String, usize, usize) {
    let (cut, caret_at, width) = cut(line, at, column, width);
    shown(&cut, caret_at, width)
}

/// A source line as the terminal will show it: a tab as four spaces (as
/// compilers do), other control and bidi characters escaped, the caret
/// moved and widened by what the escapes add before and under it.
fn shown(line: &str, caret_at: usize, width: usize) -> (String, usize, usize) {
    let mut out = String::with_capacity(line.len());
    let (mut new_caret, mut new_width) = (caret_at, width);
    for (i, c) in line.chars().enumerate() {
        let piece = if c == '\t' {
            "    ".to_string()
        } else {
            escape::text(c.encode_utf8(&mut [0; 4])).into_owned()
        };
        let extra = piece.chars().count() - 1;
        if i < caret_at {
            new_caret += extra;
        } else if i < caret_at + width {
            new_width += extra;
        }
        out.push_str(&piece);
    }
    (out, new_caret, new_width)
}

/// Only the shown characters are visited, so a finding on a line of a
/// million characters costs no more than one on a short line.
fn cut(line: &str, at: usize, column: usize, width: usize) -> (String, usize, usize) {
    if line.chars().take(MAX_SHOWN + 1).count() <= MAX_SHOWN {
        return (line.to_string(), column, width);
    }
    let at = crate::span::floor_char_boundary(line, at.min(line.len()));
    let before = line[..at].char_indices().rev().take(MAX_SHOWN / 2).last();
    let (from, skipped) = match before {
        Some((i, _)) => (i, line[i..at].chars().count()),
        None => (at, 0),
    };
    let mut shown = String::new();
    let mut caret_at = skipped;
    if from > 0 {
        shown.push('…');
        caret_at += 1;
    }
    let mut window = line[from..].chars();
    shown.extend(window.by_ref().take(MAX_SHOWN));
    let visible = shown.chars().count() - usize::from(from > 0);
    if window.next().is_some() {
        shown.push('…');
    }
    let width = width.min(visible.saturating_sub(skipped)).max(1);
    (shown, caret_at, width)
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct JsonFinding<'a> {
    code: &'a str,
    severity: Severity,
    title: &'a str,
    message: &'a str,
    hint: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct JsonReport<'a> {
    file: &'a str,
    valid: bool,
    errors: usize,
    warnings: usize,
    findings: Vec<JsonFinding<'a>>,
}

fn json_findings<'a>(file: &'a str, text: &str, findings: &'a Findings) -> Vec<JsonFinding<'a>> {
    let index = LineIndex::new(text);
    findings
        .iter()
        .map(|f| {
            let start = index.position(f.span.start);
            let end = index.position(f.span.end);
            JsonFinding {
                code: f.code.as_str(),
                severity: f.severity,
                title: f.code.title(),
                message: &f.message,
                hint: &f.hint,
                file,
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
            }
        })
        .collect()
}

pub fn render_json(file: &str, text: &str, findings: &Findings) -> String {
    crate::output::json(&JsonReport {
        file,
        valid: !findings.has_errors(),
        errors: findings.errors(),
        warnings: findings.warnings(),
        findings: json_findings(file, text, findings),
    })
}

/// The findings as a markdown table, or a line saying there are none (an
/// empty table renders as a header with nothing under it).
pub fn render_markdown(file: &str, text: &str, findings: &Findings) -> String {
    if findings.iter().next().is_none() {
        return format!(
            "No findings: {} is valid.\n",
            crate::output::escape::markdown(file)
        );
    }
    findings_table(file, text, findings).to_markdown()
}

/// One row per finding, for CSV and markdown.
pub fn findings_table(file: &str, text: &str, findings: &Findings) -> crate::output::Table {
    let mut table = crate::output::Table::new(&[
        "file", "line", "column", "severity", "code", "message", "hint",
    ]);
    let index = LineIndex::new(text);
    for finding in findings.iter() {
        let at = index.position(finding.span.start);
        table.push(vec![
            file.to_string(),
            at.line.to_string(),
            at.column.to_string(),
            finding.severity.as_str().to_string(),
            finding.code.as_str().to_string(),
            finding.message.clone(),
            finding.hint.clone(),
        ]);
    }
    table
}

/// `::error file=…,line=…,col=…,title=CODE::message` lines.
pub fn render_github(file: &str, text: &str, findings: &Findings) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    for finding in findings.iter() {
        let start = index.position(finding.span.start);
        let end = index.position(finding.span.end);
        let mut message = finding.message.clone();
        if !finding.hint.is_empty() {
            message.push_str(&format!(" — {}", finding.hint));
        }
        out.push_str(&format!(
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            finding.severity.as_str(),
            escape::workflow_property(file),
            start.line,
            start.column,
            end.line,
            end.column,
            escape::workflow_property(finding.code.as_str()),
            escape::workflow_data(&message)
        ));
    }
    out
}

/// A SARIF 2.1.0 log with one run, for code-scanning uploads.
pub fn render_sarif(file: &str, text: &str, findings: &Findings) -> String {
    let rules: Vec<serde_json::Value> = crate::findings::Code::ALL
        .iter()
        .map(|code| {
            serde_json::json!({
                "id": code.as_str(),
                "name": code.title(),
                "shortDescription": { "text": code.title() },
                "defaultConfiguration": { "level": level(code.severity()) },
            })
        })
        .collect();
    let index = LineIndex::new(text);
    let results: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            let start = index.position(f.span.start);
            let end = index.position(f.span.end);
            serde_json::json!({
                "ruleId": f.code.as_str(),
                "level": level(f.severity),
                "message": { "text": if f.hint.is_empty() { f.message.clone() } else { format!("{} ({})", f.message, f.hint) } },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": file },
                        "region": {
                            "startLine": start.line,
                            "startColumn": start.column,
                            "endLine": end.line,
                            "endColumn": end.column.max(start.column + usize::from(end.line == start.line)),
                        }
                    }
                }]
            })
        })
        .collect();
    crate::output::json(&serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "praxis",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/praxis",
                "rules": rules,
            }},
            "results": results,
        }]
    }))
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A span covering a whole line, for findings about text that is not UTF-8.
pub fn offset_span(offset: usize) -> Span {
    Span::new(offset, offset + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Code;

    #[test]
    fn text_points_a_caret_at_the_value() {
        let text = "version = 2\n";
        let findings = Findings(vec![Finding::new(Code::BadVersion, 10..11, "bad", "set 1")]);
        let rendered = render_text("p.toml", text, &findings, false);
        assert_eq!(
            rendered,
            "p.toml:1:11: error[P005]: bad\n  |\n1 | version = 2\n  |           ^\n  = help: set 1\n\n1 error, 0 warnings\n"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_value() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let (shown, caret_at, width) = cut(&line, 500, 500, 1);
        assert!(shown.chars().count() <= MAX_SHOWN + 2);
        assert_eq!(shown.chars().nth(caret_at), Some('X'));
        assert_eq!(width, 1);
        assert_eq!(cut("short", 2, 2, 3), ("short".to_string(), 2, 3));
        // Multi-byte characters: the byte offset and the column differ.
        let wide = format!("{}X{}", "é".repeat(500), "ü".repeat(500));
        let (shown, caret_at, _) = cut(&wide, 1000, 500, 1);
        assert_eq!(shown.chars().nth(caret_at), Some('X'));
        // Near the start and the end of a long line.
        let (shown, caret_at, _) = cut(&line, 0, 0, 1);
        assert_eq!((shown.chars().next(), caret_at), (Some('a'), 0));
        let (shown, caret_at, width) = cut(&line, 1000, 1000, 9);
        assert_eq!(shown.chars().nth(caret_at), Some('b'));
        assert!(shown.starts_with('…') && !shown.ends_with('…'));
        assert_eq!(width, 1);
    }

    #[test]
    fn source_lines_are_escaped_and_the_caret_follows() {
        let (line, caret_at, width) = excerpt("\tk\u{1b}y = \"v\"", 2, 2, 2);
        assert_eq!(line, "    k\\u{1b}y = \"v\"");
        assert_eq!(caret_at, 5);
        assert_eq!(width, 7);
    }

    #[test]
    fn text_escapes_what_a_broken_file_echoes() {
        let text = "\"\u{1b}]0;x\u{7}\" = 1\n";
        let findings = Findings(vec![Finding::new(
            Code::BadVersion,
            0..3,
            "unknown key `\u{1b}]0;x\u{7}`\n::error::forged",
            "",
        )]);
        let rendered = render_text("::p.toml", text, &findings, false);
        assert!(!rendered.contains('\u{1b}'), "{rendered}");
        assert!(rendered.lines().all(|l| !l.starts_with("::")), "{rendered}");
    }

    #[test]
    fn github_annotations_escape_separators() {
        let findings = Findings(vec![Finding::new(Code::BadVersion, 0..1, "a, b: c", "")]);
        let rendered = render_github("dir,x/p.toml", "v", &findings);
        assert_eq!(
            rendered,
            "::error file=dir%2Cx/p.toml,line=1,col=1,endLine=1,endColumn=2,title=P005::a, b: c\n"
        );
    }
}
