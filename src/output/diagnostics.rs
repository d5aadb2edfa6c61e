//! Findings rendered like a compiler (`file:line:col`, the line, a caret),
//! as JSON, as GitHub workflow annotations, and as SARIF for code scanning.

use crate::findings::{Finding, Findings, Severity};
use crate::model::Span;
use crate::output::{Paint, escape, paint};
use serde::Serialize;

/// A position in the file, 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The 1-based line and column (in characters) of a byte offset.
pub fn position(text: &str, offset: usize) -> Position {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line,
        column: before[line_start..].chars().count() + 1,
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn line_text(text: &str, line: usize) -> &str {
    text.split('\n')
        .nth(line - 1)
        .unwrap_or("")
        .trim_end_matches('\r')
}

/// Compiler-style text for every finding, then a summary line. The file
/// name, messages, hints and the source line are free text (a broken file's
/// keys and lines are echoed): each is escaped ([`escape::text`]), and a
/// file name cannot begin a line with `::`.
pub fn render_text(file: &str, text: &str, findings: &Findings, color: bool) -> String {
    let file = escape::path(std::path::Path::new(file));
    let file = file.as_str();
    let mut out = String::new();
    for finding in findings.iter() {
        out.push_str(&render_one(file, text, finding, color));
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

fn render_one(file: &str, text: &str, finding: &Finding, color: bool) -> String {
    let start = position(text, finding.span.start);
    let end = position(text, finding.span.end);
    let source = line_text(text, start.line);
    let width = if end.line == start.line {
        end.column.saturating_sub(start.column).max(1)
    } else {
        source
            .chars()
            .count()
            .saturating_sub(start.column - 1)
            .max(1)
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
    let (shown, caret_at, width) = excerpt(source, start.column - 1, width);
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

/// The part of a long line around `column` (0-based, in characters), the
/// caret's position in it, and a caret width that fits; the part is then
/// made safe to show ([`shown`]).
fn excerpt(line: &str, column: usize, width: usize) -> (String, usize, usize) {
    let (cut, caret_at, width) = cut(line, column, width);
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

fn cut(line: &str, column: usize, width: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= MAX_SHOWN {
        return (line.to_string(), column, width);
    }
    let from = column.saturating_sub(MAX_SHOWN / 2).min(chars.len());
    let to = (from + MAX_SHOWN).min(chars.len());
    let mut shown = String::new();
    let mut caret_at = column - from;
    if from > 0 {
        shown.push('…');
        caret_at += 1;
    }
    shown.extend(&chars[from..to]);
    if to < chars.len() {
        shown.push('…');
    }
    let width = width.min(to.saturating_sub(column)).max(1);
    (shown, caret_at, width)
}

#[derive(Serialize)]
struct JsonFinding<'a> {
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

#[derive(Serialize)]
struct JsonReport<'a> {
    file: &'a str,
    valid: bool,
    errors: usize,
    warnings: usize,
    findings: Vec<JsonFinding<'a>>,
}

fn json_findings<'a>(file: &'a str, text: &str, findings: &'a Findings) -> Vec<JsonFinding<'a>> {
    findings
        .iter()
        .map(|f| {
            let start = position(text, f.span.start);
            let end = position(text, f.span.end);
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

/// One row per finding, for CSV and markdown.
pub fn findings_table(file: &str, text: &str, findings: &Findings) -> crate::output::Table {
    let mut table = crate::output::Table::new(&[
        "file", "line", "column", "severity", "code", "message", "hint",
    ]);
    for finding in findings.iter() {
        let at = position(text, finding.span.start);
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
    let mut out = String::new();
    for finding in findings.iter() {
        let start = position(text, finding.span.start);
        let end = position(text, finding.span.end);
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
    let results: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            let start = position(text, f.span.start);
            let end = position(text, f.span.end);
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
    offset..offset + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Code;

    #[test]
    fn positions_are_one_based_in_characters() {
        let text = "a = 1\nbé = \"x\"\n";
        assert_eq!(position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(position(text, 6), Position { line: 2, column: 1 });
        assert_eq!(position(text, 12), Position { line: 2, column: 6 });
    }

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
        let (shown, caret_at, width) = cut(&line, 500, 1);
        assert!(shown.chars().count() <= MAX_SHOWN + 2);
        assert_eq!(shown.chars().nth(caret_at), Some('X'));
        assert_eq!(width, 1);
        assert_eq!(cut("short", 2, 3), ("short".to_string(), 2, 3));
    }

    #[test]
    fn source_lines_are_escaped_and_the_caret_follows() {
        let (line, caret_at, width) = excerpt("\tk\u{1b}y = \"v\"", 2, 2);
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
