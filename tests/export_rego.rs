#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up should panic"
)]

//! `praxis export --to rego` agrees with `praxis access check`, proven by
//! a real Rego engine in process (`regorus`, a dev-dependency; the same
//! policy and data run under `opa eval`): every (member, capability,
//! client, date) of the generated practice gets praxis's answer from
//! `data.praxis.allow`. `cargo test --test export_rego` asks 20,000;
//! `-- --ignored` the long run (100,000 or `PRAXIS_EQUIVALENCE_REQUESTS`).

#[path = "support/equivalence.rs"]
mod equivalence;

use praxis::model::{Kind, Practice};
use regorus::{Engine, Value};

fn engine(practice: &Practice) -> Engine {
    let files = praxis::export::rego(practice);
    let text = |name: &str| files.iter().find(|f| f.name == name).unwrap().text.clone();
    let mut engine = Engine::new();
    let package = engine
        .add_policy("praxis.rego".to_string(), text("praxis.rego"))
        .unwrap();
    assert_eq!(package, "data.praxis");
    engine
        .add_data(Value::from_json_str(&text("data.json")).unwrap())
        .unwrap();
    engine
}

fn agree(practice: &Practice, budget: usize) -> usize {
    let mut engine = engine(practice);
    let (mut asked, mut allowed) = (0, 0);
    for request in equivalence::requests(practice, budget) {
        let mut input = serde_json::json!({
            "member": request.member,
            "capability": request.capability,
            "date": request.day,
        });
        if let (Kind::Client, Some(client)) = (request.kind, &request.client) {
            input["client"] = serde_json::json!(client);
        }
        engine.set_input(Value::from_json_str(&input.to_string()).unwrap());
        let answer = engine.eval_rule("data.praxis.allow".to_string()).unwrap();
        let got = answer == Value::from(true);
        assert!(
            got || answer == Value::from(false),
            "{answer:?} for {request:?}"
        );
        let expected = equivalence::praxis_allows(practice, &request);
        assert_eq!(got, expected, "Rego disagrees with praxis on {request:?}");
        asked += 1;
        allowed += usize::from(got);
    }
    assert!(
        allowed > asked / 20 && allowed < asked - asked / 20,
        "{allowed} of {asked}"
    );
    asked
}

#[test]
fn rego_answers_as_praxis_does() {
    let practice = equivalence::practice(30, 150, 7);
    assert!(agree(&practice, 20_000) >= 20_000);
}

#[test]
#[ignore = "the long run: cargo test --test export_rego -- --ignored --nocapture"]
fn rego_answers_100_000_requests_as_praxis_does() {
    let practice = equivalence::practice(60, 400, 11);
    let started = std::time::Instant::now();
    let asked = agree(&practice, equivalence::budget(100_000));
    println!(
        "rego: {asked} requests ({} members, {} clients, 3 dates) agree with praxis in {:.1} s",
        practice.members.len(),
        practice.clients.len(),
        started.elapsed().as_secs_f64()
    );
}

/// What praxis cannot answer (an error: a client it does not know, in
/// other letter case or missing, a client for a practice capability) the
/// policy denies, for every member, the owner and all-scope readers too.
#[test]
fn a_request_praxis_cannot_read_is_denied() {
    let practice = equivalence::practice(30, 150, 7);
    let mut engine = engine(&practice);
    let client = practice.clients[0].id.value.clone();
    let practice_capability = praxis::catalog::CAPABILITIES
        .iter()
        .find(|c| c.kind == Kind::Practice)
        .unwrap()
        .name;
    let mut allowed_somewhere = 0;
    for member in &practice.members {
        let mut ask = |input: serde_json::Value| {
            engine.set_input(Value::from_json_str(&input.to_string()).unwrap());
            engine.eval_rule("data.praxis.allow".to_string()).unwrap() == Value::from(true)
        };
        let id = &member.id.value;
        let day = "2026-12-01";
        for unreadable in [
            serde_json::json!({"member": id, "capability": "clinical.view", "client": client.to_lowercase(), "date": day}),
            serde_json::json!({"member": id, "capability": "clinical.view", "client": "C-NOWHERE", "date": day}),
            serde_json::json!({"member": id, "capability": "clinical.view", "client": "", "date": day}),
            serde_json::json!({"member": id, "capability": "clinical.view", "client": null, "date": day}),
            serde_json::json!({"member": id, "capability": "clinical.view", "date": day}),
            serde_json::json!({"member": id, "capability": practice_capability, "client": client, "date": day}),
        ] {
            assert!(!ask(unreadable.clone()), "allowed: {unreadable}");
        }
        // The same member on a request praxis reads is answered as usual.
        let readable = serde_json::json!({"member": id, "capability": "clinical.view", "client": client, "date": day});
        allowed_somewhere += usize::from(ask(readable));
    }
    assert!(
        allowed_somewhere > 0,
        "the readable requests were all denied"
    );
}
