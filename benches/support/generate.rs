//! A deterministic generator of large, valid practices for benchmarks and
//! tests: `members` staff (an owner, administrators, supervisors, clinicians,
//! interns, schedulers, billers) and `clients` charts, some restricted, some
//! with temporary access. The same seed gives the same text.

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

/// Practice text with `members` members and `clients` clients.
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
