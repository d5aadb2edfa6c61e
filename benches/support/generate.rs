//! A deterministic generator of large, valid practices for benchmarks and
//! tests: `members` staff (an owner, administrators, supervisors, clinicians,
//! interns, schedulers, billers) and `clients` charts, some restricted, some
//! with temporary access. The same seed gives the same text.
//!
//! Two shapes of file: [`Form::Plain`] (bare keys, LF, one line per client,
//! few relations: what `praxis init` and its commands write) and
//! [`Form::Dense`], the shape of a large practice that grew by hand and by
//! imports, where the reader's and the review's slow paths showed: quoted
//! member keys in both forms, a quarter of the members supervised, temporary
//! entries on about 2% of clients (some expired), about 5% restricted, CRLF
//! line endings, a comment every 40 clients and some clients as tables.

use std::fmt::Write;

/// A small linear congruential generator: enough variety, no dependency.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A valid NPI for a number: nine digits and their check digit.
pub fn npi(n: u64) -> String {
    let base = format!("{:09}", 100_000_000 + n % 800_000_000);
    let check = praxis::rules::validate::npi_check_digit(&base).unwrap_or('0');
    format!("{base}{check}")
}

/// The ids of the generated practice's members, by kind, for queries.
pub struct Shape {
    pub clinicians: Vec<String>,
    pub clients: usize,
}

/// Which shape of file to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Plain,
    Dense,
}

impl Form {
    /// The form a `--shape` argument names.
    #[allow(dead_code, reason = "only the generate bench parses a shape")]
    pub fn named(name: &str) -> Option<Form> {
        match name {
            "plain" => Some(Form::Plain),
            "dense" => Some(Form::Dense),
            _ => None,
        }
    }
}

/// Practice text of either shape with `members` members and `clients`
/// clients.
#[allow(dead_code, reason = "not every user of the generator asks for a shape")]
pub fn practice_in(form: Form, members: usize, clients: usize, seed: u64) -> (String, Shape) {
    match form {
        Form::Plain => practice(members, clients, seed),
        Form::Dense => dense(members, clients, seed),
    }
}

/// Practice text with `members` members and `clients` clients, plain shape.
pub fn practice(members: usize, clients: usize, seed: u64) -> (String, Shape) {
    let mut rng = Lcg::new(seed);
    let mut out = String::with_capacity(clients * 64 + members * 160);
    out.push_str("version = 1\n\n[practice]\nname = \"Generated Practice\"\nowner = \"owner\"\n\n");
    out.push_str("[members.owner]\nname = \"Owner\"\nroles = [\"administrator\"]\n\n");
    let members = members.max(10);
    let supervisors = (members / 20).max(2);
    let interns = members / 10;
    let staff = members / 10;
    let clinicians = members - 1 - supervisors - interns - staff;
    let mut clinician_ids = Vec::new();
    for i in 0..supervisors {
        let _ = writeln!(
            out,
            "[members.sup{i}]\nname = \"Supervisor {i}\"\nemail = \"sup{i}@practice.example\"\nroles = [\"clinician\", \"supervisor\"]\nnpi = \"{}\"\ntaxonomy = \"101YM0800X\"\n",
            npi(i as u64)
        );
        clinician_ids.push(format!("sup{i}"));
    }
    for i in 0..clinicians {
        let supervised = i % 3 == 0;
        let _ = write!(
            out,
            "[members.clin{i}]\nname = \"Clinician {i}\"\nemail = \"clin{i}@practice.example\"\nroles = [\"clinician\"]\nnpi = \"{}\"\n",
            npi(10_000 + i as u64)
        );
        if supervised {
            let _ = write!(
                out,
                "supervisors = [\"sup{}\"]\ncosign = [\"progress-notes\"]\n",
                rng.below(supervisors)
            );
        }
        out.push('\n');
        clinician_ids.push(format!("clin{i}"));
    }
    for i in 0..interns {
        let _ = writeln!(
            out,
            "[members.intern{i}]\nname = \"Intern {i}\"\nroles = [\"intern\"]\nsupervisors = [\"sup{}\"]\nbill_as_supervisor = true\n",
            rng.below(supervisors)
        );
        clinician_ids.push(format!("intern{i}"));
    }
    for i in 0..staff {
        let role = ["scheduler", "biller", "administrator"][i % 3];
        let _ = writeln!(
            out,
            "[members.staff{i}]\nname = \"Staff {i}\"\nroles = [\"{role}\"]\n"
        );
    }
    out.push_str("[clients]\n");
    for c in 0..clients {
        let primary = &clinician_ids[rng.below(clinician_ids.len())];
        let _ = write!(out, "C-{c} = {{ primary = \"{primary}\"");
        let mut clinician = None;
        if rng.below(4) == 0 {
            let other = &clinician_ids[rng.below(clinician_ids.len())];
            if other != primary {
                let _ = write!(out, ", clinicians = [\"{other}\"]");
                clinician = Some(other);
            }
        }
        if rng.below(50) == 0 {
            out.push_str(", restricted = true, administrative = [\"staff1\"]");
        }
        if rng.below(40) == 0 {
            let other = &clinician_ids[rng.below(clinician_ids.len())];
            // Temporary access for someone who already has it is an error
            // (P034): the draw stays, so other practices keep their bytes.
            if other != primary && clinician != Some(other) {
                let _ = write!(
                    out,
                    ", temporary = [{{ member = \"{other}\", until = 2099-12-31, reason = \"coverage\" }}]"
                );
            }
        }
        out.push_str(" }\n");
    }
    (
        out,
        Shape {
            clinicians: clinician_ids,
            clients,
        },
    )
}

/// The dense shape: members `m-0000` … under quoted keys (every third one
/// as an inline entry of `[members]`, the rest as `[members."m-…"]`
/// tables), supervisors 5%, interns 10% (all supervised), a sixth of the
/// clinicians supervised too (about 25% of members in all), a few
/// clinical administrators; clients with temporary access on about 2%
/// (a tenth of those expired), restricted on about 5%, one in 25 written
/// as a `[clients."C-…"]` table after the one-line entries; CRLF endings
/// and a comment line every 40 clients.
#[allow(dead_code, reason = "not every user of the generator asks for a shape")]
pub fn dense(members: usize, clients: usize, seed: u64) -> (String, Shape) {
    let mut rng = Lcg::new(seed);
    let members = members.max(20);
    let width = members.to_string().len().max(4);
    let id = |i: usize| format!("m-{i:0width$}");
    let supervisors = (members / 20).max(2);
    let interns = members / 10;
    let staff = members / 10;
    let clinicians = members - 1 - supervisors - interns - staff;
    // (id, the member's fields as `key = value` lines)
    let mut entries: Vec<(String, Vec<String>)> = Vec::with_capacity(members);
    entries.push((
        id(0),
        vec![
            "name = \"Owner of the practice\"".into(),
            "roles = [\"administrator\"]".into(),
        ],
    ));
    let mut clinician_ids = Vec::new();
    let mut supervisor_ids = Vec::new();
    for s in 0..supervisors {
        let member = id(entries.len());
        entries.push((
            member.clone(),
            vec![
                format!("name = \"Supervisor {s}\""),
                format!("email = \"{member}@practice.example\""),
                "roles = [\"clinician\", \"supervisor\"]".into(),
                format!("npi = \"{}\"", npi(s as u64)),
                "taxonomy = \"101YM0800X\"".into(),
            ],
        ));
        clinician_ids.push(member.clone());
        supervisor_ids.push(member);
    }
    for c in 0..clinicians {
        let member = id(entries.len());
        let mut fields = vec![
            format!("name = \"Clinician {c}\""),
            format!("email = \"{member}@practice.example\""),
        ];
        fields.push(match c % 150 {
            0 => "roles = [\"clinician\", \"clinical-admin\"]".into(),
            _ => "roles = [\"clinician\"]".into(),
        });
        fields.push(format!("npi = \"{}\"", npi(10_000 + c as u64)));
        if c % 6 == 0 {
            let supervisor = &supervisor_ids[rng.below(supervisor_ids.len())];
            fields.push(format!("supervisors = [\"{supervisor}\"]"));
            fields.push("cosign = [\"progress-notes\", \"treatment-plans\"]".into());
        }
        clinician_ids.push(member.clone());
        entries.push((member, fields));
    }
    for i in 0..interns {
        let member = id(entries.len());
        let supervisor = &supervisor_ids[rng.below(supervisor_ids.len())];
        entries.push((
            member.clone(),
            vec![
                format!("name = \"Intern {i}\""),
                "roles = [\"intern\"]".into(),
                format!("supervisors = [\"{supervisor}\"]"),
                "bill_as_supervisor = true".into(),
            ],
        ));
        clinician_ids.push(member);
    }
    let mut office = Vec::new();
    for i in 0..staff {
        let member = id(entries.len());
        let role = ["scheduler", "biller", "administrator"][i % 3];
        entries.push((
            member.clone(),
            vec![
                format!("name = \"Staff {i}\""),
                format!("roles = [\"{role}\"]"),
            ],
        ));
        office.push(member);
    }
    let mut out = String::with_capacity(clients * 72 + members * 180);
    out.push_str("# A practice that grew by hand: quoted keys, CRLF, comments.\n");
    out.push_str("version = 1\n\n[practice]\nname = \"Generated Dense Practice\"\n");
    let _ = writeln!(out, "owner = \"{}\"\n", id(0));
    // Inline members first: `[members]` cannot take key lines once a
    // `[members."…"]` table has opened.
    out.push_str("[members]\n");
    for (member, fields) in entries.iter().step_by(3) {
        let _ = writeln!(out, "\"{member}\" = {{ {} }}", fields.join(", "));
    }
    for (i, (member, fields)) in entries.iter().enumerate() {
        if i % 3 != 0 {
            let _ = writeln!(out, "\n[members.\"{member}\"]\n{}", fields.join("\n"));
        }
    }
    out.push_str("\n[clients]\n");
    let mut tables = String::new();
    for c in 0..clients {
        if c % 40 == 0 {
            let _ = writeln!(out, "# clients {c} to {}", c + 39);
        }
        let primary = &clinician_ids[rng.below(clinician_ids.len())];
        let mut fields = vec![format!("primary = \"{primary}\"")];
        let mut clinician = None;
        if rng.below(4) == 0 {
            let other = &clinician_ids[rng.below(clinician_ids.len())];
            if other != primary {
                fields.push(format!("clinicians = [\"{other}\"]"));
                clinician = Some(other);
            }
        }
        if rng.below(20) == 0 {
            fields.push("restricted = true".into());
            if rng.below(2) == 0 {
                let admin = &office[rng.below(office.len())];
                fields.push(format!("administrative = [\"{admin}\"]"));
            }
        }
        if rng.below(50) == 0 {
            let other = &clinician_ids[rng.below(clinician_ids.len())];
            if other != primary && clinician != Some(other) {
                let until = match rng.below(10) {
                    0 => "2020-01-31",
                    _ => "2099-12-31",
                };
                fields.push(format!(
                    "temporary = [{{ member = \"{other}\", until = {until}, reason = \"Covering, leave of absence\" }}]"
                ));
            }
        }
        match c % 25 {
            12 => {
                let _ = writeln!(tables, "\n[clients.\"C-{c}\"]\n{}", fields.join("\n"));
            }
            _ => {
                let _ = writeln!(out, "C-{c} = {{ {} }}", fields.join(", "));
            }
        }
    }
    out.push_str(&tables);
    (
        out.replace('\n', "\r\n"),
        Shape {
            clinicians: clinician_ids,
            clients,
        },
    )
}
