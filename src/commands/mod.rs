//! One module per command group: parse arguments, call the core, hand the
//! result to `output`. `run` dispatches; `Context` carries the global options
//! and loads the practice the way every command needs it.

pub mod access;
pub mod batch;
pub mod client;
pub mod diff;
pub mod export;
pub mod history;
pub mod init;
pub mod matrix;
pub mod member;
pub mod mutate;
pub mod review;
pub mod role;
pub mod test;
mod timeline;
pub mod tooling;
pub mod validate;

use crate::cli::{Cli, Command};
use crate::exit::{Exit, Failure};
use crate::findings::Findings;
use crate::model::Practice;
use crate::output;
use crate::output::Format;
use crate::rules;
use crate::rules::kept::Names;
use crate::store::{self, Contents};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The global options, resolved.
pub struct Context {
    pub file: Option<PathBuf>,
    pub format: Option<Format>,
    pub actor: Option<String>,
    /// `--as` as given on the command line (not `$PRAXIS_ACTOR`): who
    /// `access check CAPABILITY` asks about, kubectl-style.
    pub as_given: Option<String>,
    /// The decision date: `--at`, else today.
    pub date: NaiveDate,
    /// Whether `--at` was given: queries take it, changes refuse it.
    pub at_given: bool,
    pub quiet: bool,
    /// The content-keyed index of validated files, unless disabled.
    pub cache: Option<store::cache::Cache>,
}

/// A practice file read and validated without errors.
pub struct Loaded {
    pub path: PathBuf,
    pub contents: Contents,
    pub practice: Practice,
    /// Warnings only: a file with errors does not load.
    pub findings: Findings,
}

impl Context {
    pub fn today() -> NaiveDate {
        chrono::Local::now().date_naive()
    }

    /// The output format: the command's own `--format` (clap checked it),
    /// else the one given before the subcommand, refused where the command
    /// does not print it; else the command's first.
    pub fn format<F>(&self, own: Option<F>, command: &str) -> Result<Format, Failure>
    where
        F: clap::ValueEnum + Into<Format> + Copy,
    {
        if let Some(own) = own {
            return Ok(own.into());
        }
        let allowed: Vec<Format> = F::value_variants().iter().map(|&f| f.into()).collect();
        match self.format {
            None => Ok(allowed[0]),
            Some(format) if allowed.contains(&format) => Ok(format),
            Some(format) => Err(Failure::Usage(format!(
                "`{command}` does not print --format {}; use one of: {}",
                format.name(),
                allowed
                    .iter()
                    .map(|f| f.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// The date a change is judged as of: always today (SPEC §8). `--at`
    /// on a change would let an expired temporary member act as if their
    /// access still held, so it is a usage error rather than ignored.
    pub fn change_date(&self) -> Result<NaiveDate, Failure> {
        if self.at_given {
            return Err(Failure::Usage(
                "--at does not apply to changes: a change is always judged as of today \
                 (--at is for access, matrix, validate, diff, review and test)"
                    .into(),
            ));
        }
        Ok(Context::today())
    }

    /// Takes the write lock for `target`: saying so on stderr when another
    /// change holds it for more than a second, and giving up after
    /// `PRAXIS_LOCK_TIMEOUT` seconds (default 30) rather than hanging.
    pub fn lock(&self, target: &Path) -> Result<store::Lock, Failure> {
        if store::is_stdin(target) {
            return Err(Failure::Usage(STDIN_IS_READ_ONLY.into()));
        }
        let timeout = match std::env::var("PRAXIS_LOCK_TIMEOUT") {
            Err(_) => store::Wait::DEFAULT_TIMEOUT,
            Ok(text) => text
                .trim()
                .parse::<u64>()
                .map(std::time::Duration::from_secs)
                .map_err(|_| {
                    Failure::Usage(format!(
                        "PRAXIS_LOCK_TIMEOUT must be a whole number of seconds, not `{}`",
                        output::escape::text(&text)
                    ))
                })?,
        };
        let notice = |lock: &Path| {
            // Not silenced by -q: a command that seems to hang must say why.
            eprintln!(
                "waiting for another praxis change to finish (lock {}; giving up after {} s)",
                crate::output::escape::text(&lock.display().to_string()),
                timeout.as_secs()
            );
        };
        let wait = store::Wait {
            timeout,
            notice: &notice,
        };
        Ok(store::Lock::acquire(target, &wait)?)
    }

    /// Talk for a person on stderr, unless `-q`. The message is ours and
    /// may hold free text: its control and bidi characters are escaped.
    pub fn talk(&self, message: &str) {
        if !self.quiet {
            crate::exit::say(&output::escape::lines(message));
        }
    }

    /// The practice file's path and how it was come to (named or
    /// discovered): a discovered file is read only if it is the user's.
    pub fn locate(&self) -> Result<store::Located, Failure> {
        Ok(store::locate(self.file.as_deref())?)
    }

    /// The practice file's path, for commands that do not read it from
    /// disk through [`Context::load`] (git history).
    pub fn path(&self) -> Result<PathBuf, Failure> {
        Ok(self.locate()?.path)
    }

    /// Reads the practice file; a file that does not parse or fails
    /// validation is a failure carrying its findings (exit 2).
    pub fn load(&self) -> Result<Loaded, Failure> {
        self.load_located(&self.locate()?)
    }

    /// Reads and validates the practice the person named at `path` as of
    /// the decision date.
    pub fn load_path(&self, path: &Path) -> Result<Loaded, Failure> {
        self.load_located(&store::Located {
            path: path.to_path_buf(),
            origin: store::Origin::Named,
        })
    }

    /// Reads and validates the practice at `file`, its owner checked on
    /// the handle read when it was discovered.
    pub fn load_located(&self, file: &store::Located) -> Result<Loaded, Failure> {
        let contents = read_contents(&file.path, file.origin)?;
        self.load_text(&file.path, contents)
    }

    /// Validates text already read, through the content-keyed index: the
    /// same bytes, read by the same praxis, validated before, are not parsed
    /// again. Only a file without errors is ever kept.
    pub fn load_text(&self, path: &Path, contents: Contents) -> Result<Loaded, Failure> {
        let Some(cache) = &self.cache else {
            return load_text(path, contents, self.date);
        };
        let key = cache.key_of_parts(&contents.original_parts());
        if let Some(checked) = kept(cache, key, |view| view.checked(self.date)) {
            return Ok(Loaded {
                path: path.to_path_buf(),
                contents,
                practice: checked.practice,
                findings: checked.findings,
            });
        }
        let loaded = load_text(path, contents, self.date)?;
        let checked = rules::Checked {
            practice: loaded.practice,
            findings: loaded.findings,
        };
        if let Some(payload) = rules::kept::encode(&checked) {
            cache.save(key, &payload);
        }
        Ok(Loaded {
            path: loaded.path,
            contents: loaded.contents,
            practice: checked.practice,
            findings: checked.findings,
        })
    }

    /// The practice one access question needs. From the index, only what
    /// the question names is decoded (see `rules::kept`); otherwise, or when
    /// the question names something the file lacks, the whole practice, as
    /// [`Context::load`] reads it. A file with errors fails as it does there.
    pub fn load_for_question(&self, names: Names<'_>) -> Result<Practice, Failure> {
        let store::Located { path, origin } = self.locate()?;
        let read = store::read_practice(&path, origin)?;
        let identity = read.identity;
        let bytes = read.bytes;
        if let Some(cache) = &self.cache {
            let key = cache.key(&bytes);
            let partial =
                cache
                    .load(key)
                    .and_then(|payload| match rules::kept::View::parse(&payload) {
                        Some(view) => view.practice_for(names),
                        None => {
                            cache.discard(key);
                            None
                        }
                    });
            if let Some(practice) = partial {
                return Ok(practice);
            }
        }
        let contents = decode(&path, bytes)?.read_from(identity);
        Ok(self.load_text(&path, contents)?.practice)
    }
}

/// Why a change refuses `-f -`.
pub const STDIN_IS_READ_ONLY: &str = "-f - reads the practice from standard input, so there is \
     no file to change; name the file (`-f practice.toml`), or add --dry-run to see the diff";

/// What the index keeps under `key`, read through `read`; an entry that
/// does not decode is dropped so the next command rebuilds it.
fn kept<T>(
    cache: &store::cache::Cache,
    key: store::cache::Key,
    read: impl FnOnce(&rules::kept::View<'_>) -> Option<T>,
) -> Option<T> {
    let payload = cache.load(key)?;
    let value = rules::kept::View::parse(&payload).and_then(|view| read(&view));
    if value.is_none() {
        cache.discard(key);
    }
    value
}

/// Reads and validates the practice at `path` as of `date`, without the
/// index.
pub fn load_path(path: &Path, date: NaiveDate) -> Result<Loaded, Failure> {
    let contents = read_contents(path, store::Origin::Named)?;
    load_text(path, contents, date)
}

/// The file's text as read from one checked handle, knowing which file it
/// came from (so a change replaces only that file).
pub fn read_contents(path: &Path, origin: store::Origin) -> Result<Contents, Failure> {
    let read = store::read_practice(path, origin)?;
    Ok(decode(path, read.bytes)?.read_from(read.identity))
}

pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<Contents, Failure> {
    Contents::decode(bytes).map_err(|bad| {
        let at = output::diagnostics::position(&bad.lossy, bad.offset);
        Failure::Invalid(format!(
            "{}:{}:{}: the file is not UTF-8 (bad byte at offset {}); save it as UTF-8",
            output::escape::path(path),
            at.line,
            at.column,
            bad.offset
        ))
    })
}

/// Validates text already read; errors become a failure with the findings.
pub fn load_text(path: &Path, contents: Contents, date: NaiveDate) -> Result<Loaded, Failure> {
    let checked = rules::check(&contents.text, date);
    if checked.findings.has_errors() {
        let mut errors = checked.findings.clone();
        errors
            .0
            .retain(|f| f.severity == crate::findings::Severity::Error);
        let rendered = output::diagnostics::render_text(
            &path.display().to_string(),
            &contents.text,
            &errors,
            output::stderr_color(),
        );
        return Err(Failure::Invalid(format!(
            "{} fails validation; fix it first (`praxis validate`):\n{rendered}",
            output::escape::path(path)
        )));
    }
    Ok(Loaded {
        path: path.to_path_buf(),
        contents,
        practice: checked.practice,
        findings: checked.findings,
    })
}

pub fn run(cli: Cli) -> Result<Exit, Failure> {
    // `$PRAXIS_FILE` set but empty is a usage error (SPEC §8): falling back
    // to discovery would let a script that meant a file get another one.
    // `$PRAXIS_ACTOR` when empty is an unknown actor (exit 2), so
    // `--as "$LOGIN"` or an empty variable never skips a permission check.
    let file_variable = std::env::var_os("PRAXIS_FILE");
    let reads_file = !matches!(
        cli.command,
        Command::Completions(_) | Command::Schema(_) | Command::Explain(_)
    );
    if cli.file.is_none() && reads_file && file_variable.as_ref().is_some_and(|f| f.is_empty()) {
        return Err(Failure::Usage(
            "PRAXIS_FILE is set but empty; set it to the practice file's path, \
             pass -f PATH, or unset it to look for practice.toml upwards"
                .into(),
        ));
    }
    let context = Context {
        file: cli.file.or_else(|| file_variable.map(PathBuf::from)),
        format: cli.format.map(Into::into),
        as_given: cli.actor.clone(),
        actor: cli
            .actor
            .or_else(|| std::env::var_os("PRAXIS_ACTOR").map(|a| a.to_string_lossy().into_owned())),
        date: cli.at.unwrap_or_else(Context::today),
        at_given: cli.at.is_some(),
        quiet: cli.quiet,
        cache: store::cache::Cache::from_environment(cli.no_cache),
    };
    match cli.command {
        Command::Init(args) => init::run(args, &context),
        Command::Member(command) => member::run(command, &context),
        Command::Role(command) => role::run(command, &context),
        Command::Supervision(command) => member::run_supervision(command, &context),
        Command::Client(command) => client::run(command, &context),
        Command::Access(command) => access::run(command, &context),
        Command::Matrix(args) => matrix::run(args, &context),
        Command::Validate(args) => validate::run(args, &context),
        Command::Diff(args) => diff::run(args, &context),
        Command::Test(args) => test::run(args, &context),
        Command::Review(args) => review::run(args, &context),
        Command::Completions(args) => tooling::completions(args),
        Command::Schema(args) => tooling::schema(args),
        Command::Explain(args) => tooling::explain(args),
        Command::Export(args) => export::run(args, &context),
        Command::History(args) => history::run(args, &context),
    }
}

/// Prints data to stdout. A reader that left (`praxis matrix | head -1`,
/// a broken pipe) is no error: the command goes on to its decision's exit
/// code, quietly. Any other write error (`> /dev/full`) is a failure, exit
/// 2: an answer that did not arrive never reads as success.
pub fn emit(text: &str) -> Result<(), Failure> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    written(
        stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush()),
    )
}

/// A write to stdout's result as SPEC §8 Output reads it: a broken pipe is
/// fine, anything else a [`Failure::Output`].
pub fn written(result: std::io::Result<()>) -> Result<(), Failure> {
    match result {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::Output(error)),
        _ => Ok(()),
    }
}
