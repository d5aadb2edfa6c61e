//! Writes a casbin-rs model and policy equivalent to a practice's care-team
//! grants, from the facts praxis exports for Rego (`data.json` of `praxis
//! export --to rego`): the input of `casbin-batch`.
//!
//! The model is RBAC with client domains, as a practice would write it for
//! casbin: a member holds roles (`g`); a role grants a capability in a scope
//! (`p`); "assigned" and "supervisees" hold through a relation to the
//! client (`g2`, domain = client: on the chart that day, or supervising
//! someone on it); "all" holds on unrestricted clients (`g3`) and, on a
//! restricted one, for its administrative list and care team (`g2 …
//! admin`). The owner holds every client capability. A member's own
//! grants are `p` lines with the member as subject.
//!
//! Not modelled (the bench checks agreement only outside them, and says
//! how many questions that leaves): members with denies (listed in
//! `unmodelled.txt`), `own`-scope grants (they need a document author, which
//! batch questions do not carry: praxis then never allows by them either)
//! and practice capabilities. Temporary access is resolved for one day
//! (`--date`), as a casbin deployment would regenerate its policy daily.
//!
//! usage: casbin-policy DATA.json --date YYYY-MM-DD OUT_DIR
//! writes OUT_DIR/model.conf, OUT_DIR/policy.csv, OUT_DIR/unmodelled.txt

use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::process::ExitCode;

const MODEL: &str = r#"# Written by casbin-policy: praxis's care-team grants as RBAC with client domains.
[request_definition]
r = sub, dom, act

[policy_definition]
p = sub, act, scope

[role_definition]
g = _, _
g2 = _, _, _
g3 = _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = r.act == p.act && g(r.sub, p.sub) && (p.scope == "any" || (p.scope == "all" && (g3(r.dom, "unrestricted") || g2(r.sub, "admin", r.dom))) || g2(r.sub, p.scope, r.dom))
"#;

fn object<'a>(value: &'a Value, key: &str) -> Result<&'a Map<String, Value>, String> {
    value
        .get(key)
        .and_then(Value::as_object)
        .ok_or_else(|| format!("data.json: no object \"{key}\""))
}

fn strings(value: Option<&Value>) -> Vec<&str> {
    value
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// `p` lines for grants `{capability: [scope, …]}` given to `subject`,
/// client capabilities only, without `own`.
fn grants(
    csv: &mut String,
    subject: &str,
    by_capability: Option<&Value>,
    client_capability: &dyn Fn(&str) -> bool,
) {
    let Some(by_capability) = by_capability.and_then(Value::as_object) else {
        return;
    };
    for (capability, scopes) in by_capability {
        if !client_capability(capability) {
            continue;
        }
        for scope in strings(Some(scopes)) {
            if matches!(scope, "all" | "assigned" | "supervisees") {
                let _ = writeln!(csv, "p, {subject}, {capability}, {scope}");
            }
        }
    }
}

fn run(data_path: &str, date: &str, out: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(data_path).map_err(|e| format!("{data_path}: {e}"))?;
    let data: Value = serde_json::from_str(&text).map_err(|e| format!("{data_path}: {e}"))?;
    let praxis = data.get("praxis").ok_or("data.json: no \"praxis\"")?;
    let capabilities = object(praxis, "capabilities")?;
    let client_capability =
        |name: &str| capabilities.get(name).and_then(Value::as_str) == Some("client");
    let roles = object(praxis, "roles")?;
    let members = object(praxis, "members")?;
    let clients = object(praxis, "clients")?;
    let owner = praxis.get("owner").and_then(Value::as_str).unwrap_or("");

    let mut csv = String::with_capacity(clients.len() * 96);
    // Roles are prefixed: a member and a role may share an id.
    for (role, by_capability) in roles {
        grants(
            &mut csv,
            &format!("role:{role}"),
            Some(by_capability),
            &client_capability,
        );
    }
    for (capability, kind) in capabilities {
        if kind.as_str() == Some("client") {
            let _ = writeln!(csv, "p, praxis:owner, {capability}, any");
        }
    }
    let active = |m: &str| {
        members
            .get(m)
            .and_then(|v| v.get("active"))
            .and_then(Value::as_bool)
            == Some(true)
    };
    let mut unmodelled = BTreeSet::new();
    for (id, member) in members {
        if !strings(member.get("denies")).is_empty() {
            unmodelled.insert(id.as_str());
        }
        // An inactive member holds nothing: no links at all.
        if !active(id) {
            continue;
        }
        if id == owner {
            let _ = writeln!(csv, "g, {id}, praxis:owner");
        }
        for role in strings(member.get("roles")) {
            let _ = writeln!(csv, "g, {id}, role:{role}");
        }
        grants(&mut csv, id, member.get("grants"), &client_capability);
    }
    for (id, client) in clients {
        let mut on_chart: BTreeSet<&str> = BTreeSet::new();
        if let Some(primary) = client.get("primary").and_then(Value::as_str) {
            on_chart.insert(primary);
        }
        on_chart.extend(strings(client.get("clinicians")));
        if let Some(temporary) = client.get("temporary").and_then(Value::as_object) {
            for (member, until) in temporary {
                // YYYY-MM-DD compares as text.
                if until.as_str().is_some_and(|u| date <= u) {
                    on_chart.insert(member);
                }
            }
        }
        let mut supervisors = BTreeSet::new();
        for m in &on_chart {
            let _ = writeln!(csv, "g2, {m}, assigned, {id}");
            let of = members.get(*m).and_then(|v| v.get("supervisors"));
            supervisors.extend(strings(of));
        }
        for s in supervisors {
            let _ = writeln!(csv, "g2, {s}, supervisees, {id}");
        }
        if client.get("restricted").and_then(Value::as_bool) == Some(true) {
            let mut admin: BTreeSet<&str> = on_chart;
            admin.extend(strings(client.get("administrative")));
            for m in admin {
                let _ = writeln!(csv, "g2, {m}, admin, {id}");
            }
        } else {
            let _ = writeln!(csv, "g3, {id}, unrestricted");
        }
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{out}: {e}"))?;
    let write = |name: &str, text: &str| {
        std::fs::write(format!("{out}/{name}"), text).map_err(|e| format!("{out}/{name}: {e}"))
    };
    write("model.conf", MODEL)?;
    write("policy.csv", &csv)?;
    let mut list = String::new();
    for m in &unmodelled {
        let _ = writeln!(list, "{m}");
    }
    write("unmodelled.txt", &list)?;
    Ok(format!(
        "{out}: {} policy lines, {} members not modelled (denies)",
        csv.lines().count(),
        unmodelled.len()
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(data), Some("--date"), Some(date), Some(out), None) = (
        args.first(),
        args.get(1).map(String::as_str),
        args.get(2),
        args.get(3),
        args.get(4),
    ) else {
        eprintln!("usage: casbin-policy DATA.json --date YYYY-MM-DD OUT_DIR");
        return ExitCode::from(2);
    };
    match run(data, date, out) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("casbin-policy: {message}");
            ExitCode::from(2)
        }
    }
}
