
use builtin;
use str;

set edit:completion:arg-completer[praxis] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'praxis'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'praxis'= {
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --format 'Output format, where the command prints data; each command''s --help lists its own'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a new practice.toml with its owner as administrator'
            cand member 'Add, edit, remove and list staff members'
            cand role 'Grant, revoke and list roles'
            cand supervision 'Add or remove a supervisor'
            cand client 'Add clients and manage who may open their charts'
            cand access 'Ask who may do what'
            cand matrix 'The permissions matrix: roles or members × capabilities'
            cand validate 'Check practice.toml against every rule'
            cand diff 'What changed in effective access between two versions'
            cand test 'Run the practice''s access assertions (practice.test.toml)'
            cand review 'The periodic access review: who can read each chart and why'
            cand history 'The access timeline from git: each commit that changed who can do what, and who approved it'
            cand export 'Compile the practice for a policy engine: OpenFGA, Cedar or Rego'
            cand explain 'What a finding code means, an example and the fix (`praxis explain P024`)'
            cand completions 'Print shell completions'
            cand schema 'Print the JSON Schema of practice.toml, or of a command''s JSON output'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'praxis;init'= {
            cand --name 'The practice''s name'
            cand --owner 'The account owner''s member id'
            cand --owner-name 'The owner''s display name'
            cand --owner-email 'The owner''s email'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;member'= {
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a member'
            cand edit 'Change a member''s fields'
            cand remove 'Deactivate a member (kept for history), reassigning clients and supervisees'
            cand list 'List members'
            cand show 'Show one member: their fields, supervisees and the charts they are on'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'praxis;member;add'= {
            cand --name 'Display name'
            cand --legal-name 'Name on claims, if it differs'
            cand --email 'Email address, unique across members (no shared logins)'
            cand --github 'The member''s GitHub login: `diff --as @LOGIN` judges their pull requests as them'
            cand --role 'A role to hold (repeat for several); `praxis role list` shows them'
            cand --supervisor 'A member who supervises them (repeat for several)'
            cand --npi '10-digit National Provider Identifier'
            cand --taxonomy 'Provider taxonomy code (10 characters ending in X)'
            cand --cosign 'Documents that need a supervisor''s co-signature (progress-notes,treatment-plans)'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --bill-as-supervisor 'Bills under a supervisor''s NPI (every intern does)'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;member;edit'= {
            cand --name 'New display name'
            cand --legal-name 'New name on claims'
            cand --email 'New email address'
            cand --github 'The member''s GitHub login: `diff --as @LOGIN` judges their pull requests as them'
            cand --npi 'New National Provider Identifier (needs members.credentials)'
            cand --taxonomy 'New provider taxonomy code (needs members.credentials)'
            cand --cosign 'Documents that need a supervisor''s co-signature (empty to clear)'
            cand --bill-as-supervisor 'Whether they bill under a supervisor''s NPI'
            cand --active 'false: kept for history, holds no access'
            cand --clear 'Remove an optional field (repeat for several)'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;member;remove'= {
            cand --reassign-clients-to 'The new primary clinician of the clients they are primary for'
            cand --reassign-supervisees-to 'The new supervisor of the members they supervise'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;member;list'= {
            cand --role 'Only members holding this role'
            cand --search 'Only members whose id, name, legal name or email contains TEXT'
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --inactive 'Include inactive members'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;member;show'= {
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;member;help'= {
            cand add 'Add a member'
            cand edit 'Change a member''s fields'
            cand remove 'Deactivate a member (kept for history), reassigning clients and supervisees'
            cand list 'List members'
            cand show 'Show one member: their fields, supervisees and the charts they are on'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'praxis;member;help;add'= {
        }
        &'praxis;member;help;edit'= {
        }
        &'praxis;member;help;remove'= {
        }
        &'praxis;member;help;list'= {
        }
        &'praxis;member;help;show'= {
        }
        &'praxis;member;help;help'= {
        }
        &'praxis;role'= {
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand grant 'Grant roles to a member'
            cand revoke 'Revoke roles from a member'
            cand list 'List roles: built-in, custom, and who holds each'
            cand show 'Show a role''s grants and the capabilities they cover'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'praxis;role;grant'= {
            cand --replace 'Roles to take away in the same change (intern → clinician)'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;role;revoke'= {
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;role;list'= {
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;role;show'= {
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;role;help'= {
            cand grant 'Grant roles to a member'
            cand revoke 'Revoke roles from a member'
            cand list 'List roles: built-in, custom, and who holds each'
            cand show 'Show a role''s grants and the capabilities they cover'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'praxis;role;help;grant'= {
        }
        &'praxis;role;help;revoke'= {
        }
        &'praxis;role;help;list'= {
        }
        &'praxis;role;help;show'= {
        }
        &'praxis;role;help;help'= {
        }
        &'praxis;supervision'= {
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a supervisor to a member'
            cand remove 'Remove a supervisor from a member'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'praxis;supervision;add'= {
            cand --by 'The supervising member'
            cand --cosign 'Documents that need the supervisor''s co-signature'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;supervision;remove'= {
            cand --by 'The supervisor to remove'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;supervision;help'= {
            cand add 'Add a supervisor to a member'
            cand remove 'Remove a supervisor from a member'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'praxis;supervision;help;add'= {
        }
        &'praxis;supervision;help;remove'= {
        }
        &'praxis;supervision;help;help'= {
        }
        &'praxis;client'= {
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a client'
            cand assign 'Change a client''s primary clinician'
            cand grant 'Give a member clinical (or, with --administrative, administrative) access'
            cand revoke 'Take a member''s access away (a member may always take themselves off)'
            cand restrict 'Turn restricted access on (or off with --off)'
            cand remove 'Delete the client''s entry (git keeps its history)'
            cand list 'List clients'
            cand show 'Show one client'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'praxis;client;add'= {
            cand --primary 'The primary clinician'
            cand --clinician 'Another clinician with clinical access (repeat for several)'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;client;assign'= {
            cand --primary 'The new primary clinician'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --keep-previous 'Keep the previous primary as a clinician'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;client;grant'= {
            cand --until 'Temporary access through this date, the last day it holds (needs --reason)'
            cand --reason 'Why temporary access is needed'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --administrative 'Administrative access to a restricted client'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;client;revoke'= {
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --administrative 'Revoke administrative access (also takes clinical access)'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;client;restrict'= {
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --off 'Lift the restriction (also clears the administrative list)'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;client;remove'= {
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;client;list'= {
            cand --member 'Only clients this member is on (primary, clinician, temporary, administrative)'
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;client;show'= {
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;client;help'= {
            cand add 'Add a client'
            cand assign 'Change a client''s primary clinician'
            cand grant 'Give a member clinical (or, with --administrative, administrative) access'
            cand revoke 'Take a member''s access away (a member may always take themselves off)'
            cand restrict 'Turn restricted access on (or off with --off)'
            cand remove 'Delete the client''s entry (git keeps its history)'
            cand list 'List clients'
            cand show 'Show one client'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'praxis;client;help;add'= {
        }
        &'praxis;client;help;assign'= {
        }
        &'praxis;client;help;grant'= {
        }
        &'praxis;client;help;revoke'= {
        }
        &'praxis;client;help;restrict'= {
        }
        &'praxis;client;help;remove'= {
        }
        &'praxis;client;help;list'= {
        }
        &'praxis;client;help;show'= {
        }
        &'praxis;client;help;help'= {
        }
        &'praxis;access'= {
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand check 'May MEMBER use CAPABILITY? Exit 0 allow, 1 deny, 2 error'
            cand who 'Every member allowed a capability, with the route'
            cand list 'Every capability a member holds, and where'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'praxis;access;check'= {
            cand --client 'The client, for a client capability'
            cand --author 'The author of the document (for `own` grants)'
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --explain 'Print the reasons'
            cand --batch 'Read requests from stdin, one per line, answer each as a JSON line'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;access;who'= {
            cand --client 'The client, for a client capability'
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;access;list'= {
            cand --client 'Only this client'
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;access;help'= {
            cand check 'May MEMBER use CAPABILITY? Exit 0 allow, 1 deny, 2 error'
            cand who 'Every member allowed a capability, with the route'
            cand list 'Every capability a member holds, and where'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'praxis;access;help;check'= {
        }
        &'praxis;access;help;who'= {
        }
        &'praxis;access;help;list'= {
        }
        &'praxis;access;help;help'= {
        }
        &'praxis;matrix'= {
            cand --by 'Rows per role or per member [default: role; member with --client]'
            cand --client 'Members × client capabilities for this client, each cell allow or deny'
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --inactive 'Include inactive members'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;validate'= {
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --strict 'Treat warnings as errors'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;diff'= {
            cand --base 'Compare the practice file against this git revision'
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --fail-on-gain 'Exit 1 when anyone gains clinical access'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;test'= {
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --update 'Write today''s answers into the file: each decision, `[[who]]`''s members, `[[list]]`''s capabilities'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;review'= {
            cand --member 'Only this member''s access (and the findings about them)'
            cand --client 'Only this client''s chart (and the findings about it)'
            cand --expiring 'Instead: temporary access ending within this many days (14d, 2w) and expired entries still in the file'
            cand --stale 'Also flag chart access unchanged for longer than this many days (365d, 52w), from the file''s git history'
            cand --since 'Also list the commits that changed access since this day (the last review''s date), from the file''s git history'
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;history'= {
            cand --client 'Only changes to this client''s access'
            cand --member 'Only changes to this member''s access'
            cand --capability 'Only gains and losses of this capability'
            cand --since 'Only commits from this day on (YYYY-MM-DD): those on the first-parent line from the first one dated this day or later'
            cand --until 'Only commits up to this day (YYYY-MM-DD)'
            cand --rev 'The branch or range to read, as git takes them (`main`, `v1..v2`), along its first-parent line: a merged pull request is one entry [default: HEAD]'
            cand --format 'Output format [default: table]'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;export'= {
            cand --to 'The engine to compile for'
            cand --out 'Write the export''s files into this directory'
            cand --diff 'Print the tuple writes and deletes from this older practice file to the current one'
            cand --base 'Print the tuple writes and deletes from the practice file at this git revision'
            cand --check 'Exit 1 unless this directory holds exactly what the practice compiles to'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'praxis;explain'= {
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand --all 'Every code, as markdown (the catalogue in docs/findings.md)'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;completions'= {
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;schema'= {
            cand --output 'The schema of this command''s `--format json` output instead'
            cand -f 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --file 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]'
            cand --as 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]'
            cand --at 'Decide as of this date (YYYY-MM-DD) instead of today'
            cand -q 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --quiet 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
            cand --no-cache 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'praxis;help'= {
            cand init 'Create a new practice.toml with its owner as administrator'
            cand member 'Add, edit, remove and list staff members'
            cand role 'Grant, revoke and list roles'
            cand supervision 'Add or remove a supervisor'
            cand client 'Add clients and manage who may open their charts'
            cand access 'Ask who may do what'
            cand matrix 'The permissions matrix: roles or members × capabilities'
            cand validate 'Check practice.toml against every rule'
            cand diff 'What changed in effective access between two versions'
            cand test 'Run the practice''s access assertions (practice.test.toml)'
            cand review 'The periodic access review: who can read each chart and why'
            cand history 'The access timeline from git: each commit that changed who can do what, and who approved it'
            cand export 'Compile the practice for a policy engine: OpenFGA, Cedar or Rego'
            cand explain 'What a finding code means, an example and the fix (`praxis explain P024`)'
            cand completions 'Print shell completions'
            cand schema 'Print the JSON Schema of practice.toml, or of a command''s JSON output'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'praxis;help;init'= {
        }
        &'praxis;help;member'= {
            cand add 'Add a member'
            cand edit 'Change a member''s fields'
            cand remove 'Deactivate a member (kept for history), reassigning clients and supervisees'
            cand list 'List members'
            cand show 'Show one member: their fields, supervisees and the charts they are on'
        }
        &'praxis;help;member;add'= {
        }
        &'praxis;help;member;edit'= {
        }
        &'praxis;help;member;remove'= {
        }
        &'praxis;help;member;list'= {
        }
        &'praxis;help;member;show'= {
        }
        &'praxis;help;role'= {
            cand grant 'Grant roles to a member'
            cand revoke 'Revoke roles from a member'
            cand list 'List roles: built-in, custom, and who holds each'
            cand show 'Show a role''s grants and the capabilities they cover'
        }
        &'praxis;help;role;grant'= {
        }
        &'praxis;help;role;revoke'= {
        }
        &'praxis;help;role;list'= {
        }
        &'praxis;help;role;show'= {
        }
        &'praxis;help;supervision'= {
            cand add 'Add a supervisor to a member'
            cand remove 'Remove a supervisor from a member'
        }
        &'praxis;help;supervision;add'= {
        }
        &'praxis;help;supervision;remove'= {
        }
        &'praxis;help;client'= {
            cand add 'Add a client'
            cand assign 'Change a client''s primary clinician'
            cand grant 'Give a member clinical (or, with --administrative, administrative) access'
            cand revoke 'Take a member''s access away (a member may always take themselves off)'
            cand restrict 'Turn restricted access on (or off with --off)'
            cand remove 'Delete the client''s entry (git keeps its history)'
            cand list 'List clients'
            cand show 'Show one client'
        }
        &'praxis;help;client;add'= {
        }
        &'praxis;help;client;assign'= {
        }
        &'praxis;help;client;grant'= {
        }
        &'praxis;help;client;revoke'= {
        }
        &'praxis;help;client;restrict'= {
        }
        &'praxis;help;client;remove'= {
        }
        &'praxis;help;client;list'= {
        }
        &'praxis;help;client;show'= {
        }
        &'praxis;help;access'= {
            cand check 'May MEMBER use CAPABILITY? Exit 0 allow, 1 deny, 2 error'
            cand who 'Every member allowed a capability, with the route'
            cand list 'Every capability a member holds, and where'
        }
        &'praxis;help;access;check'= {
        }
        &'praxis;help;access;who'= {
        }
        &'praxis;help;access;list'= {
        }
        &'praxis;help;matrix'= {
        }
        &'praxis;help;validate'= {
        }
        &'praxis;help;diff'= {
        }
        &'praxis;help;test'= {
        }
        &'praxis;help;review'= {
        }
        &'praxis;help;history'= {
        }
        &'praxis;help;export'= {
        }
        &'praxis;help;explain'= {
        }
        &'praxis;help;completions'= {
        }
        &'praxis;help;schema'= {
        }
        &'praxis;help;help'= {
        }
    ]
    $completions[$command]
}
