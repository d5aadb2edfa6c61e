#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! The markdown praxis writes for pull requests and wikis renders as meant
//! on GitHub: each output is rendered with a CommonMark + GitHub Flavored
//! Markdown renderer (comrak, with GFM's table, strikethrough and autolink
//! extensions) and the HTML is checked for what a reader sees.

mod common;

use comrak::{Options, markdown_to_html};

fn gfm(markdown: &str) -> String {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    options.render.r#unsafe = true; // GitHub keeps <details>
    markdown_to_html(markdown, &options)
}

fn praxis(dir: &std::path::Path, args: &[&str]) -> String {
    let mut command = common::praxis_in(dir);
    command.args(args);
    let run = common::run(&mut command);
    assert!(run.code == 0 || run.code == 1, "{args:?}: {}", run.stderr);
    run.stdout
}

/// Table rows, each as its cells' count.
fn row_widths(html: &str) -> Vec<usize> {
    html.split("<tr>")
        .skip(1)
        .map(|row| {
            let row = row.split("</tr>").next().unwrap_or("");
            row.matches("<td").count() + row.matches("<th").count()
        })
        .collect()
}

#[test]
fn diff_markdown_keeps_its_signs_and_explains_its_counts() {
    let dir = tempfile::tempdir().unwrap();
    let example = common::root().join("examples/therapynotes/practice.toml");
    let (old, new) = (dir.path().join("old.toml"), dir.path().join("new.toml"));
    std::fs::copy(&example, &old).unwrap();
    std::fs::copy(&example, &new).unwrap();
    let new_file = new.to_str().unwrap();
    praxis(
        dir.path(),
        &[
            "-f", new_file, "--as", "nora", "client", "grant", "C-1001", "dev",
        ],
    );
    praxis(
        dir.path(),
        &[
            "-f", new_file, "--as", "nora", "client", "revoke", "C-1002", "dev",
        ],
    );
    praxis(
        dir.path(),
        &[
            "-f", new_file, "--as", "nora", "role", "grant", "sara", "biller",
        ],
    );
    let markdown = praxis(
        dir.path(),
        &[
            "diff",
            old.to_str().unwrap(),
            new_file,
            "--format",
            "markdown",
        ],
    );
    let html = gfm(&markdown);
    // Gains and losses are list items with their words, not nested lists
    // that swallow a `+` or `-`.
    assert!(html.contains("<li>➕ gains "), "{html}");
    assert!(html.contains("<li>➖ loses "), "{html}");
    assert!(!html.contains("<ul>\n<li>\n<ul>"), "nested list: {html}");
    assert!(!html.contains("<li>+") && !html.contains("<li>-"), "{html}");
    // One table, every row as wide as its header, and the counts explained.
    let widths = row_widths(&html);
    assert!(!widths.is_empty(), "{html}");
    assert!(widths.iter().all(|w| *w == 4), "{widths:?}");
    assert!(html.contains("<em>(n): on n clients"), "{html}");
    assert!(html.contains("<details>"), "{html}");
}

#[test]
fn a_wide_matrix_is_transposed_for_markdown() {
    let root = common::root();
    let markdown = praxis(
        &root,
        &[
            "-f",
            "examples/therapynotes/practice.toml",
            "matrix",
            "--format",
            "markdown",
        ],
    );
    let html = gfm(&markdown);
    let widths = row_widths(&html);
    let roles = praxis(
        &root,
        &[
            "-f",
            "examples/therapynotes/practice.toml",
            "role",
            "list",
            "--format",
            "csv",
        ],
    )
    .lines()
    .count()
        - 1;
    // Capabilities down the side, one column per role plus their names.
    assert!(widths.iter().all(|w| *w == roles + 1), "{widths:?}");
    assert!(widths.len() > roles, "one row per capability: {widths:?}");
    assert!(html.contains("<th>capability</th>"), "{html}");
}

#[test]
fn validate_markdown_with_no_findings_says_so() {
    let root = common::root();
    let markdown = praxis(
        &root,
        &[
            "-f",
            "examples/therapynotes/practice.toml",
            "validate",
            "--format",
            "markdown",
        ],
    );
    let html = gfm(&markdown);
    assert!(!html.contains("<table>"), "{html}");
    assert!(html.contains("No findings"), "{html}");
}

#[test]
fn review_markdown_renders_its_tables_whole() {
    let root = common::root();
    let markdown = praxis(
        &root,
        &[
            "-f",
            "examples/therapynotes/practice.toml",
            "review",
            "--format",
            "markdown",
        ],
    );
    let html = gfm(&markdown);
    assert!(html.contains("<table>"), "{html}");
    // Every table's rows are as wide as its header.
    for table in html.split("<table>").skip(1) {
        let table = table.split("</table>").next().unwrap();
        let widths = row_widths(table);
        assert!(
            widths.windows(2).all(|w| w[0] == w[1]),
            "{widths:?}\n{table}"
        );
    }
}
