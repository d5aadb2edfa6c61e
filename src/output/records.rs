//! The JSON records `access check` prints, typed, with their keys in the
//! order SPEC §4 writes them: `member`, `capability`, `client`, then the
//! decision. Every path that answers writes one of these, so the same
//! answer has the same shape wherever it comes from.

use serde::Serialize;
use serde_json::Value;

/// `access check --format json`.
#[derive(Debug, Serialize)]
pub struct Check<'a> {
    pub member: &'a str,
    pub capability: &'a str,
    /// `null` when the request has no client.
    pub client: Option<&'a str>,
    /// `allow` or `deny`.
    pub decision: &'static str,
    /// The reasons, as `output::explain::reasons_json` writes them.
    pub reasons: Value,
}

/// One `access check --batch` answer with a decision.
#[derive(Debug, Serialize)]
pub struct BatchAnswer<'a> {
    pub member: &'a str,
    pub capability: &'a str,
    pub client: Option<&'a str>,
    pub decision: &'static str,
}

/// One `access check --batch` line without a decision: what the line let
/// praxis read of it (any JSON value the request held; `null` for the
/// names it did not), then `"decision": "error"`, the error and the line's
/// number.
#[derive(Debug, Serialize)]
pub struct BatchError {
    pub member: Value,
    pub capability: Value,
    pub client: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Value>,
    pub decision: &'static str,
    pub error: String,
    pub line: usize,
}
