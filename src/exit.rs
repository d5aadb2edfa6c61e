//! Exit codes as a type, and the one place failures become codes and
//! messages (SPEC §5). Nothing else calls `std::process::exit`.

use crate::changes::ChangeError;
use crate::rules::QueryError;
use crate::store::StoreError;
use std::process::ExitCode;

/// How a command that ran ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// 0: success; allowed; no errors.
    Success,
    /// 1: `access check` denied the request.
    Denied,
    /// 1: `validate` found errors (warnings too, with `--strict`).
    Findings,
    /// 1: an assertion of `praxis test` failed.
    TestsFailed,
    /// 1: `diff --as` found changes the author may not make, or
    /// `--fail-on-gain` found clinical access gained.
    Unapproved,
    /// 1: `export --check` found the directory is not what the practice
    /// compiles to.
    Stale,
}

impl Exit {
    /// The process exit code: 0, or 1 for every way a command can say no.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Denied | Exit::Findings | Exit::TestsFailed | Exit::Unapproved | Exit::Stale => 1,
        }
    }
}

/// Why a command could not succeed.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// Exit 2: the command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// Exit 2: the file could not be found, read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Exit 2: the practice cannot be exported to the engine asked for.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// Exit 2: the file's git history could not be read.
    #[error(transparent)]
    Git(#[from] crate::store::git::GitError),
    /// Exit 2: a query names something unknown or asks wrongly.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// Exit 2: the practice file does not parse or fails validation; the
    /// text is the rendered findings.
    #[error("{0}")]
    Invalid(String),
    /// Exit 1: the rules or the actor's permissions refuse the change; the
    /// file is unchanged.
    #[error("{0}")]
    Refused(String),
    /// Exit 2: stdout could not be written (a full disk, a closed file),
    /// so the answer did not reach its reader. A broken pipe is not this:
    /// the reader left on purpose (`| head -1`), and the command ends
    /// quietly with its decision's code.
    #[error("cannot write to standard output: {0}")]
    Output(std::io::Error),
}

impl From<ChangeError> for Failure {
    fn from(error: ChangeError) -> Self {
        // A refusal reaches stderr as it is (other refusals carry rendered
        // findings): its free text, a temporary entry's reason, is escaped
        // here. A change's refusal is one line, so a line break is escaped
        // too.
        let message = error.to_string();
        match error.is_usage() {
            true => Failure::Usage(message),
            false => Failure::Refused(crate::output::escape::text(&message).into_owned()),
        }
    }
}

impl Failure {
    pub fn code(&self) -> u8 {
        match self {
            Failure::Refused(_) => 1,
            _ => 2,
        }
    }
}

pub fn exit_code(result: Result<Exit, Failure>) -> ExitCode {
    match result {
        Ok(exit) => ExitCode::from(exit.code()),
        Err(failure) => {
            let prefix = match failure {
                Failure::Refused(_) => "refused",
                _ => "error",
            };
            let message = failure.to_string();
            // `Invalid` and `Refused` arrive rendered (findings, colour
            // included) with their free text already escaped where it was
            // put in; every other message may echo a path, a git message or
            // an argument, so its control and bidi characters are escaped
            // here.
            let message = match failure {
                Failure::Invalid(_) | Failure::Refused(_) => message,
                _ => crate::output::escape::lines(&message),
            };
            say(&format!("{prefix}: {}", message.trim_end()));
            ExitCode::from(failure.code())
        }
    }
}

/// A line on stderr. Unlike `eprintln!`, a stderr that cannot be written
/// (`2>/dev/full`) does not panic: the exit code still says what happened.
pub fn say(line: &str) {
    use std::io::Write;
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{line}");
}
