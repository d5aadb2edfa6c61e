//! `praxis validate`: every finding, as text, JSON, GitHub annotations or
//! SARIF. Problems in the file's content are findings (exit 1); only a file
//! that cannot be read at all is exit 2.

use super::{Context, emit};
use crate::cli::ValidateArgs;
use crate::exit::{Exit, Failure};
use crate::findings::{Code, Finding, Findings};
use crate::output::Format;
use crate::output::diagnostics;
use crate::rules;
use crate::store::{self, Contents};

pub fn run(args: ValidateArgs, context: &Context) -> Result<Exit, Failure> {
    let format = context.format(args.format, "validate")?;
    let store::Located { path, origin } = context.locate()?;
    let bytes = match store::read_practice(&path, origin).map(|read| read.bytes) {
        Err(store::StoreError::TooLarge { size, .. }) => {
            return report(
                &path,
                format,
                "",
                Findings(vec![rules::too_large(size)]),
                args.strict,
            );
        }
        other => other?,
    };
    let (text, findings) = match Contents::decode(bytes) {
        Ok(contents) => {
            let checked = rules::check(&contents.text, context.date);
            (contents.text, checked.findings)
        }
        Err(bad) => {
            let finding = Finding::new(
                Code::Syntax,
                diagnostics::offset_span(bad.offset),
                format!("the file is not UTF-8 (bad byte at offset {})", bad.offset),
                "save the file as UTF-8",
            );
            (bad.lossy, Findings(vec![finding]))
        }
    };
    report(&path, format, &text, findings, args.strict)
}

fn report(
    path: &std::path::Path,
    format: Format,
    text: &str,
    mut findings: Findings,
    strict: bool,
) -> Result<Exit, Failure> {
    if strict {
        findings.make_strict();
    }
    let text = text.to_string();
    let file = path.display().to_string();
    let rendered = match format {
        Format::Json => diagnostics::render_json(&file, &text, &findings),
        Format::Github => diagnostics::render_github(&file, &text, &findings),
        Format::Sarif => diagnostics::render_sarif(&file, &text, &findings),
        Format::Csv => diagnostics::findings_table(&file, &text, &findings).to_csv(),
        Format::Markdown => diagnostics::render_markdown(&file, &text, &findings),
        _ => diagnostics::render_text(&file, &text, &findings, crate::output::stdout_color()),
    };
    emit(&rendered)?;
    Ok(if findings.has_errors() {
        Exit::Findings
    } else {
        Exit::Success
    })
}
