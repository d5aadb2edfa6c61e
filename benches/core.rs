#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark that cannot set up has nothing to measure"
)]

//! The library's core, in process, with divan: loading a practice (read +
//! validate), deciding a spread of requests (with reasons, and the verdict
//! alone), the content-keyed index (save; load all of it; load what one
//! question needs) and one change (`changes::apply`), on generated
//! practices of
//! 50 members × 2,000 clients ("small") and 2,000 × 100,000 ("large").
//! Whole-process timings against the performance targets are
//! `scripts/bench`; this bench shows where a process's time goes.
//!
//! Run: `cargo bench --bench core` (divan options after `--`, for example
//! `cargo bench --bench core -- decide --sample-count 20`).

#[path = "support/generate.rs"]
mod generate;

use chrono::NaiveDate;
use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use praxis::changes::{self, cut::Reach};
use praxis::rules::kept::{self, Names, View};
use praxis::rules::{Checked, Request, check, decide};
use praxis::store::cache::Cache;
use std::sync::LazyLock;

const SIZES: [&str; 2] = ["small", "large"];
/// Requests decided per iteration of the `decide` bench.
const REQUESTS: usize = 1_000;

/// A fixed date: the generated temporary access runs to 2099.
fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).expect("a valid date")
}

struct Fixture {
    text: String,
    checked: Checked,
    /// (member, capability, client) for the `decide` bench.
    requests: Vec<(String, &'static str, Option<String>)>,
}

fn fixture(members: usize, clients: usize) -> Fixture {
    let (text, shape) = generate::practice(members, clients, 7);
    let checked = check(&text, date());
    assert!(
        !checked.findings.has_errors(),
        "the generated practice must be valid"
    );
    // Clinicians (allowed on their own charts, denied on most others),
    // office staff (denied clinical work) and the owner (allowed
    // everywhere), asking client capabilities on charts spread over the
    // practice, and now and then a practice-wide capability.
    let capabilities = [
        "clinical.view",
        "client.view",
        "client.edit",
        "schedule.view",
        "files.view",
        "clinical.sign",
    ];
    let staff = ["owner", "staff0", "staff1", "staff2"];
    let requests = (0..REQUESTS)
        .map(|i| {
            let member = if i % 5 == 4 {
                staff[i % staff.len()].to_string()
            } else {
                shape.clinicians[(i * 31) % shape.clinicians.len()].clone()
            };
            if i % 50 == 49 {
                return (member, "members.manage", None);
            }
            let client = format!("C-{}", (i * 7919) % shape.clients);
            (member, capabilities[i % capabilities.len()], Some(client))
        })
        .collect();
    Fixture {
        text,
        checked,
        requests,
    }
}

static SMALL: LazyLock<Fixture> = LazyLock::new(|| fixture(50, 2_000));
static LARGE: LazyLock<Fixture> = LazyLock::new(|| fixture(2_000, 100_000));

fn practice(size: &str) -> &'static Fixture {
    match size {
        "small" => &SMALL,
        _ => &LARGE,
    }
}

/// The index, in the bench's own directory (set up in `main`).
fn cache() -> Cache {
    Cache::from_environment(false).expect("PRAXIS_CACHE_DIR is set by main")
}

/// Parse and validate the whole text: what every command without the
/// index does first.
#[divan::bench(args = SIZES, sample_count = 10)]
fn load(bencher: Bencher, size: &str) {
    let fixture = practice(size);
    bencher.bench(|| check(black_box(&fixture.text), date()));
}

/// One decision each for a spread of requests on a loaded practice.
#[divan::bench(args = SIZES)]
fn decide_spread(bencher: Bencher, size: &str) {
    let fixture = practice(size);
    bencher.counter(ItemsCount::new(REQUESTS)).bench(|| {
        let mut allowed = 0usize;
        for (member, capability, client) in &fixture.requests {
            let request = Request {
                member,
                capability,
                client: client.as_deref(),
                author: None,
            };
            if let Ok(decision) = decide(&fixture.checked.practice, black_box(&request), date()) {
                allowed += usize::from(decision.allowed);
            }
        }
        allowed
    });
}

/// The verdict alone for the same spread, as `access check --batch` asks
/// (grants folded into scope bits once, outside the timing).
#[divan::bench(args = SIZES)]
fn allows_spread(bencher: Bencher, size: &str) {
    let fixture = practice(size);
    let verdicts = praxis::rules::verdicts::Verdicts::new(&fixture.checked.practice);
    bencher.counter(ItemsCount::new(REQUESTS)).bench(|| {
        let mut allowed = 0usize;
        for (member, capability, client) in &fixture.requests {
            let request = Request {
                member,
                capability,
                client: client.as_deref(),
                author: None,
            };
            let verdict = verdicts.allows(black_box(&request), date());
            allowed += usize::from(verdict == Ok(true));
        }
        allowed
    });
}

/// Keep a validated practice in the index: encode, checksum, write, prune.
#[divan::bench(args = SIZES, sample_count = 10)]
fn index_save(bencher: Bencher, size: &str) {
    let fixture = practice(size);
    let cache = cache();
    let key = cache.key(fixture.text.as_bytes());
    bencher.bench(|| {
        let payload = kept::encode(black_box(&fixture.checked)).expect("a valid practice is kept");
        cache.save(key, &payload);
    });
}

/// Saves the fixture's entry and returns its key.
fn saved(fixture: &Fixture, cache: &Cache) -> praxis::store::cache::Key {
    let key = cache.key(fixture.text.as_bytes());
    let payload = kept::encode(&fixture.checked).expect("a valid practice is kept");
    cache.save(key, &payload);
    assert!(
        cache.load(key).is_some(),
        "the index must answer after a save"
    );
    key
}

/// The warm path of `validate`, `matrix`, `review` and `--batch`: hash the
/// file's bytes, read and verify the entry, decode all of it, rebuild the
/// lookups and add the dated findings.
#[divan::bench(args = SIZES, sample_count = 10)]
fn index_load(bencher: Bencher, size: &str) {
    let fixture = practice(size);
    let cache = cache();
    saved(fixture, &cache);
    bencher.bench(|| {
        let key = cache.key(black_box(fixture.text.as_bytes()));
        let payload = cache.load(key)?;
        View::parse(&payload)?.checked(date())
    });
}

/// The warm path of one `access check`: hash, read and verify the entry,
/// decode only the member, the client and its care team.
#[divan::bench(args = SIZES, sample_count = 20)]
fn index_question(bencher: Bencher, size: &str) {
    let fixture = practice(size);
    let cache = cache();
    saved(fixture, &cache);
    let (member, _, client) = &fixture.requests[0];
    bencher.bench(|| {
        let key = cache.key(black_box(fixture.text.as_bytes()));
        let payload = cache.load(key)?;
        View::parse(&payload)?.practice_for(Names {
            member,
            client: client.as_deref(),
            author: None,
        })
    });
}

/// One change as `praxis client grant` makes it, without the write: cut the
/// client's line out, edit it, put the file back together, validate it from
/// its pieces, refuse self-gains, work out the access delta.
#[divan::bench(args = SIZES, sample_count = 10)]
fn apply(bencher: Bencher, size: &str) {
    let fixture = practice(size);
    let practice = &fixture.checked.practice;
    let actor = changes::Actor::resolve(practice, Some("owner"), date()).expect("the owner");
    let client = practice.clients[practice.clients.len() / 2]
        .id
        .value
        .clone();
    let member = fixture
        .requests
        .iter()
        .map(|(m, _, _)| m)
        .find(|m| m.starts_with("clin"))
        .expect("a clinician")
        .clone();
    // The actor records what it was judged on: not shared between threads.
    bencher.bench_local(|| {
        changes::apply(
            black_box(&fixture.text),
            &fixture.checked.findings,
            &actor,
            date(),
            Reach::Client(&client),
            |actor, doc| changes::client_grant(actor, doc, &client, &member, None),
        )
        .is_ok()
    });
}

fn main() {
    let dir = std::env::temp_dir().join(format!("praxis-core-bench-{}", std::process::id()));
    // SAFETY: nothing else runs yet (divan starts its threads below), so no
    // thread can read the environment while it changes.
    unsafe {
        std::env::remove_var("PRAXIS_NO_CACHE");
        std::env::set_var("PRAXIS_CACHE_DIR", &dir);
    }
    divan::main();
    let _ = std::fs::remove_dir_all(&dir);
}
