# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_praxis_global_optspecs
    string join \n f/file= format= as= at= q/quiet no-cache h/help V/version
end

function __fish_praxis_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_praxis_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_praxis_using_subcommand
    set -l cmd (__fish_praxis_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c praxis -n "__fish_praxis_needs_command" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_needs_command" -l format -d 'Output format, where the command prints data; each command\'s --help lists its own' -r -f -a "table\t'Human-readable (a table or text)'
json\t''
csv\t''
markdown\t''
github\t'GitHub workflow annotations (validate)'
sarif\t'SARIF 2.1.0 for code scanning (validate)'
junit\t'JUnit XML (test)'
html\t'A self-contained HTML page (review, matrix)'"
complete -c praxis -n "__fish_praxis_needs_command" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_needs_command" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_needs_command" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_needs_command" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_needs_command" -s V -l version -d 'Print version'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "init" -d 'Create a new practice.toml with its owner as administrator'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "member" -d 'Add, edit, remove and list staff members'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "role" -d 'Grant, revoke and list roles'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "supervision" -d 'Add or remove a supervisor'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "client" -d 'Add clients and manage who may open their charts'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "access" -d 'Ask who may do what'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "matrix" -d 'The permissions matrix: roles or members × capabilities'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "validate" -d 'Check practice.toml against every rule'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "diff" -d 'What changed in effective access between two versions'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "test" -d 'Run the practice\'s access assertions (practice.test.toml)'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "review" -d 'The periodic access review: who can read each chart and why'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "history" -d 'The access timeline from git: each commit that changed who can do what, and who approved it'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "export" -d 'Compile the practice for a policy engine: OpenFGA, Cedar or Rego'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "explain" -d 'What a finding code means, an example and the fix (`praxis explain P024`)'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "schema" -d 'Print the JSON Schema of practice.toml, or of a command\'s JSON output'
complete -c praxis -n "__fish_praxis_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c praxis -n "__fish_praxis_using_subcommand init" -l name -d 'The practice\'s name' -r
complete -c praxis -n "__fish_praxis_using_subcommand init" -l owner -d 'The account owner\'s member id' -r
complete -c praxis -n "__fish_praxis_using_subcommand init" -l owner-name -d 'The owner\'s display name' -r
complete -c praxis -n "__fish_praxis_using_subcommand init" -l owner-email -d 'The owner\'s email' -r
complete -c praxis -n "__fish_praxis_using_subcommand init" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand init" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand init" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand init" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c praxis -n "__fish_praxis_using_subcommand init" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand init" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand init" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand member; and not __fish_seen_subcommand_from add edit remove list show help" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand member; and not __fish_seen_subcommand_from add edit remove list show help" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and not __fish_seen_subcommand_from add edit remove list show help" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and not __fish_seen_subcommand_from add edit remove list show help" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand member; and not __fish_seen_subcommand_from add edit remove list show help" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand member; and not __fish_seen_subcommand_from add edit remove list show help" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand member; and not __fish_seen_subcommand_from add edit remove list show help" -f -a "add" -d 'Add a member'
complete -c praxis -n "__fish_praxis_using_subcommand member; and not __fish_seen_subcommand_from add edit remove list show help" -f -a "edit" -d 'Change a member\'s fields'
complete -c praxis -n "__fish_praxis_using_subcommand member; and not __fish_seen_subcommand_from add edit remove list show help" -f -a "remove" -d 'Deactivate a member (kept for history), reassigning clients and supervisees'
complete -c praxis -n "__fish_praxis_using_subcommand member; and not __fish_seen_subcommand_from add edit remove list show help" -f -a "list" -d 'List members'
complete -c praxis -n "__fish_praxis_using_subcommand member; and not __fish_seen_subcommand_from add edit remove list show help" -f -a "show" -d 'Show one member: their fields, supervisees and the charts they are on'
complete -c praxis -n "__fish_praxis_using_subcommand member; and not __fish_seen_subcommand_from add edit remove list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -l name -d 'Display name' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -l legal-name -d 'Name on claims, if it differs' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -l email -d 'Email address, unique across members (no shared logins)' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -l github -d 'The member\'s GitHub login: `diff --as @LOGIN` judges their pull requests as them' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -l role -d 'A role to hold (repeat for several); `praxis role list` shows them' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -l supervisor -d 'A member who supervises them (repeat for several)' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -l npi -d '10-digit National Provider Identifier' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -l taxonomy -d 'Provider taxonomy code (10 characters ending in X)' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -l cosign -d 'Documents that need a supervisor\'s co-signature (progress-notes,treatment-plans)' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -l bill-as-supervisor -d 'Bills under a supervisor\'s NPI (every intern does)'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -l name -d 'New display name' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -l legal-name -d 'New name on claims' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -l email -d 'New email address' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -l github -d 'The member\'s GitHub login: `diff --as @LOGIN` judges their pull requests as them' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -l npi -d 'New National Provider Identifier (needs members.credentials)' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -l taxonomy -d 'New provider taxonomy code (needs members.credentials)' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -l cosign -d 'Documents that need a supervisor\'s co-signature (empty to clear)' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -l bill-as-supervisor -d 'Whether they bill under a supervisor\'s NPI' -r -f -a "true\t''
false\t''"
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -l active -d 'false: kept for history, holds no access' -r -f -a "true\t''
false\t''"
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -l clear -d 'Remove an optional field (repeat for several)' -r -f -a "legal_name\t''
email\t''
github\t''
npi\t''
taxonomy\t''
cosign\t''
bill_as_supervisor\t''"
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from remove" -l reassign-clients-to -d 'The new primary clinician of the clients they are primary for' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from remove" -l reassign-supervisees-to -d 'The new supervisor of the members they supervise' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from remove" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from remove" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from remove" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from remove" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from remove" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from list" -l role -d 'Only members holding this role' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from list" -l search -d 'Only members whose id, name, legal name or email contains TEXT' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table]' -r -f -a "table\t'Human-readable (a table or text)'
json\t''
csv\t''
markdown\t''"
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from list" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from list" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from list" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from list" -l inactive -d 'Include inactive members'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from list" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from show" -l format -d 'Output format [default: table]' -r -f -a "table\t'Human-readable (a table or text)'
json\t''
csv\t''
markdown\t''"
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from show" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from show" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from show" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from show" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a member'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a member\'s fields'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Deactivate a member (kept for history), reassigning clients and supervisees'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "list" -d 'List members'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one member: their fields, supervisees and the charts they are on'
complete -c praxis -n "__fish_praxis_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c praxis -n "__fish_praxis_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list show help" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list show help" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list show help" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list show help" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list show help" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list show help" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list show help" -f -a "grant" -d 'Grant roles to a member'
complete -c praxis -n "__fish_praxis_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list show help" -f -a "revoke" -d 'Revoke roles from a member'
complete -c praxis -n "__fish_praxis_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list show help" -f -a "list" -d 'List roles: built-in, custom, and who holds each'
complete -c praxis -n "__fish_praxis_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list show help" -f -a "show" -d 'Show a role\'s grants and the capabilities they cover'
complete -c praxis -n "__fish_praxis_using_subcommand role; and not __fish_seen_subcommand_from grant revoke list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from grant" -l replace -d 'Roles to take away in the same change (intern → clinician)' -r
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from grant" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from grant" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from grant" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from grant" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from grant" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from grant" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from revoke" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from revoke" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from revoke" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from revoke" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from revoke" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table]' -r -f -a "table\t'Human-readable (a table or text)'
json\t''
csv\t''
markdown\t''"
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from list" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from list" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from list" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from list" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from show" -l format -d 'Output format [default: table]' -r -f -a "table\t'Human-readable (a table or text)'
json\t''
csv\t''
markdown\t''"
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from show" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from show" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from show" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from show" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Grant roles to a member'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke roles from a member'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "list" -d 'List roles: built-in, custom, and who holds each'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a role\'s grants and the capabilities they cover'
complete -c praxis -n "__fish_praxis_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and not __fish_seen_subcommand_from add remove help" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and not __fish_seen_subcommand_from add remove help" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and not __fish_seen_subcommand_from add remove help" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and not __fish_seen_subcommand_from add remove help" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and not __fish_seen_subcommand_from add remove help" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and not __fish_seen_subcommand_from add remove help" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and not __fish_seen_subcommand_from add remove help" -f -a "add" -d 'Add a supervisor to a member'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and not __fish_seen_subcommand_from add remove help" -f -a "remove" -d 'Remove a supervisor from a member'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and not __fish_seen_subcommand_from add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from add" -l by -d 'The supervising member' -r
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from add" -l cosign -d 'Documents that need the supervisor\'s co-signature' -r
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from add" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from add" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from add" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from add" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from add" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from remove" -l by -d 'The supervisor to remove' -r
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from remove" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from remove" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from remove" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from remove" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from remove" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a supervisor to a member'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a supervisor from a member'
complete -c praxis -n "__fish_praxis_using_subcommand supervision; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -f -a "add" -d 'Add a client'
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -f -a "assign" -d 'Change a client\'s primary clinician'
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -f -a "grant" -d 'Give a member clinical (or, with --administrative, administrative) access'
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -f -a "revoke" -d 'Take a member\'s access away (a member may always take themselves off)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -f -a "restrict" -d 'Turn restricted access on (or off with --off)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -f -a "remove" -d 'Delete the client\'s entry (git keeps its history)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -f -a "list" -d 'List clients'
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -f -a "show" -d 'Show one client'
complete -c praxis -n "__fish_praxis_using_subcommand client; and not __fish_seen_subcommand_from add assign grant revoke restrict remove list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from add" -l primary -d 'The primary clinician' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from add" -l clinician -d 'Another clinician with clinical access (repeat for several)' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from add" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from add" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from add" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from add" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from add" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from assign" -l primary -d 'The new primary clinician' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from assign" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from assign" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from assign" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from assign" -l keep-previous -d 'Keep the previous primary as a clinician'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from assign" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from assign" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from assign" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from assign" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from grant" -l until -d 'Temporary access through this date, the last day it holds (needs --reason)' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from grant" -l reason -d 'Why temporary access is needed' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from grant" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from grant" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from grant" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from grant" -l administrative -d 'Administrative access to a restricted client'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from grant" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from grant" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from grant" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from revoke" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from revoke" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from revoke" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from revoke" -l administrative -d 'Revoke administrative access (also takes clinical access)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from revoke" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from revoke" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from restrict" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from restrict" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from restrict" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from restrict" -l off -d 'Lift the restriction (also clears the administrative list)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from restrict" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from restrict" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from restrict" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from restrict" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from remove" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from remove" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from remove" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from remove" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from remove" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from list" -l member -d 'Only clients this member is on (primary, clinician, temporary, administrative)' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table]' -r -f -a "table\t'Human-readable (a table or text)'
json\t''
csv\t''
markdown\t''"
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from list" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from list" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from list" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from list" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from show" -l format -d 'Output format [default: table]' -r -f -a "table\t'Human-readable (a table or text)'
json\t''
csv\t''
markdown\t''"
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from show" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from show" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from show" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from show" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a client'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "assign" -d 'Change a client\'s primary clinician'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Give a member clinical (or, with --administrative, administrative) access'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Take a member\'s access away (a member may always take themselves off)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "restrict" -d 'Turn restricted access on (or off with --off)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Delete the client\'s entry (git keeps its history)'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "list" -d 'List clients'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one client'
complete -c praxis -n "__fish_praxis_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c praxis -n "__fish_praxis_using_subcommand access; and not __fish_seen_subcommand_from check who list help" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand access; and not __fish_seen_subcommand_from check who list help" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand access; and not __fish_seen_subcommand_from check who list help" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand access; and not __fish_seen_subcommand_from check who list help" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand access; and not __fish_seen_subcommand_from check who list help" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand access; and not __fish_seen_subcommand_from check who list help" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand access; and not __fish_seen_subcommand_from check who list help" -f -a "check" -d 'May MEMBER use CAPABILITY? Exit 0 allow, 1 deny, 2 error'
complete -c praxis -n "__fish_praxis_using_subcommand access; and not __fish_seen_subcommand_from check who list help" -f -a "who" -d 'Every member allowed a capability, with the route'
complete -c praxis -n "__fish_praxis_using_subcommand access; and not __fish_seen_subcommand_from check who list help" -f -a "list" -d 'Every capability a member holds, and where'
complete -c praxis -n "__fish_praxis_using_subcommand access; and not __fish_seen_subcommand_from check who list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from check" -l client -d 'The client, for a client capability' -r
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from check" -l author -d 'The author of the document (for `own` grants)' -r
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from check" -l format -d 'Output format [default: table]' -r -f -a "table\t'Human-readable (a table or text)'
json\t''
csv\t''
markdown\t''"
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from check" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from check" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from check" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from check" -l explain -d 'Print the reasons'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from check" -l batch -d 'Read requests from stdin, one per line, answer each as a JSON line'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from check" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from who" -l client -d 'The client, for a client capability' -r
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from who" -l format -d 'Output format [default: table]' -r -f -a "table\t'Human-readable (a table or text)'
json\t''
csv\t''
markdown\t''"
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from who" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from who" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from who" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from who" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from who" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from who" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from list" -l client -d 'Only this client' -r
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table]' -r -f -a "table\t'Human-readable (a table or text)'
json\t''
csv\t''
markdown\t''"
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from list" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from list" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from list" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from list" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "check" -d 'May MEMBER use CAPABILITY? Exit 0 allow, 1 deny, 2 error'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "who" -d 'Every member allowed a capability, with the route'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every capability a member holds, and where'
complete -c praxis -n "__fish_praxis_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c praxis -n "__fish_praxis_using_subcommand matrix" -l by -d 'Rows per role or per member [default: role; member with --client]' -r -f -a "role\t'One row per role: what each role grants, on which scope'
member\t'One row per member: what each member holds through all their roles'"
complete -c praxis -n "__fish_praxis_using_subcommand matrix" -l client -d 'Members × client capabilities for this client, each cell allow or deny' -r
complete -c praxis -n "__fish_praxis_using_subcommand matrix" -l format -d 'Output format [default: table]' -r -f -a "table\t'Human-readable (a table or text)'
json\t''
csv\t''
markdown\t''
html\t'One self-contained HTML page (inline CSS, nothing fetched) that prints cleanly to PDF'"
complete -c praxis -n "__fish_praxis_using_subcommand matrix" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand matrix" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand matrix" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand matrix" -l inactive -d 'Include inactive members'
complete -c praxis -n "__fish_praxis_using_subcommand matrix" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand matrix" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand matrix" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand validate" -l format -d 'Output format [default: table]' -r -f -a "table\t'Compiler-style findings with the source line'
json\t''
csv\t''
markdown\t''
github\t'GitHub workflow annotations'
sarif\t'SARIF 2.1.0 for code scanning'"
complete -c praxis -n "__fish_praxis_using_subcommand validate" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand validate" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand validate" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand validate" -l strict -d 'Treat warnings as errors'
complete -c praxis -n "__fish_praxis_using_subcommand validate" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand validate" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand diff" -l base -d 'Compare the practice file against this git revision' -r
complete -c praxis -n "__fish_praxis_using_subcommand diff" -l format -d 'Output format [default: table]' -r -f -a "table\t'Human-readable (a table or text)'
json\t''
csv\t''
markdown\t''"
complete -c praxis -n "__fish_praxis_using_subcommand diff" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand diff" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand diff" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand diff" -l fail-on-gain -d 'Exit 1 when anyone gains clinical access'
complete -c praxis -n "__fish_praxis_using_subcommand diff" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand diff" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand test" -l format -d 'Output format [default: table]' -r -f -a "table\t'The failures with their explanations'
json\t''
csv\t''
markdown\t''
junit\t'JUnit XML for CI test reports'"
complete -c praxis -n "__fish_praxis_using_subcommand test" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand test" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand test" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand test" -l update -d 'Write today\'s answers into the file: each decision, `[[who]]`\'s members, `[[list]]`\'s capabilities'
complete -c praxis -n "__fish_praxis_using_subcommand test" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand test" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand review" -l member -d 'Only this member\'s access (and the findings about them)' -r
complete -c praxis -n "__fish_praxis_using_subcommand review" -l client -d 'Only this client\'s chart (and the findings about it)' -r
complete -c praxis -n "__fish_praxis_using_subcommand review" -l expiring -d 'Instead: temporary access ending within this many days (14d, 2w) and expired entries still in the file' -r
complete -c praxis -n "__fish_praxis_using_subcommand review" -l stale -d 'Also flag chart access unchanged for longer than this many days (365d, 52w), from the file\'s git history' -r
complete -c praxis -n "__fish_praxis_using_subcommand review" -l since -d 'Also list the commits that changed access since this day (the last review\'s date), from the file\'s git history' -r
complete -c praxis -n "__fish_praxis_using_subcommand review" -l format -d 'Output format [default: table]' -r -f -a "table\t'Human-readable (a table or text)'
json\t''
csv\t''
markdown\t''
html\t'One self-contained HTML page (inline CSS, nothing fetched) that prints cleanly to PDF'"
complete -c praxis -n "__fish_praxis_using_subcommand review" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand review" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand review" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand review" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand review" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand review" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand history" -l client -d 'Only changes to this client\'s access' -r
complete -c praxis -n "__fish_praxis_using_subcommand history" -l member -d 'Only changes to this member\'s access' -r
complete -c praxis -n "__fish_praxis_using_subcommand history" -l capability -d 'Only gains and losses of this capability' -r
complete -c praxis -n "__fish_praxis_using_subcommand history" -l since -d 'Only commits from this day on (YYYY-MM-DD): those on the first-parent line from the first one dated this day or later' -r
complete -c praxis -n "__fish_praxis_using_subcommand history" -l until -d 'Only commits up to this day (YYYY-MM-DD)' -r
complete -c praxis -n "__fish_praxis_using_subcommand history" -l rev -d 'The branch or range to read, as git takes them (`main`, `v1..v2`), along its first-parent line: a merged pull request is one entry [default: HEAD]' -r
complete -c praxis -n "__fish_praxis_using_subcommand history" -l format -d 'Output format [default: table]' -r -f -a "table\t'Human-readable (a table or text)'
json\t''
csv\t''
markdown\t''"
complete -c praxis -n "__fish_praxis_using_subcommand history" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand history" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand history" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand history" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand history" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand export" -l to -d 'The engine to compile for' -r -f -a "openfga\t'OpenFGA: model.fga, model.json and tuples.json'
cedar\t'Cedar: praxis.cedarschema, policies.cedar and entities.json'
rego\t'Rego (OPA, regorus): praxis.rego and data.json'"
complete -c praxis -n "__fish_praxis_using_subcommand export" -l out -d 'Write the export\'s files into this directory' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand export" -l diff -d 'Print the tuple writes and deletes from this older practice file to the current one' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand export" -l base -d 'Print the tuple writes and deletes from the practice file at this git revision' -r
complete -c praxis -n "__fish_praxis_using_subcommand export" -l check -d 'Exit 1 unless this directory holds exactly what the practice compiles to' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand export" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand export" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand export" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand export" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand export" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c praxis -n "__fish_praxis_using_subcommand explain" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand explain" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand explain" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand explain" -l all -d 'Every code, as markdown (the catalogue in docs/findings.md)'
complete -c praxis -n "__fish_praxis_using_subcommand explain" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand explain" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand explain" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand completions" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand completions" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand completions" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand completions" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand completions" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand completions" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand schema" -l output -d 'The schema of this command\'s `--format json` output instead' -r -f -a "validate\t''
access-check\t''
access-check-batch\t''
access-who\t''
access-list\t''
member-list\t''
member-show\t''
client-list\t''
client-show\t''
role-list\t''
role-show\t''
matrix\t''
diff\t''
test\t''
review\t''
history\t''"
complete -c praxis -n "__fish_praxis_using_subcommand schema" -s f -l file -d 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]' -r -F
complete -c praxis -n "__fish_praxis_using_subcommand schema" -l as -d 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]' -r
complete -c praxis -n "__fish_praxis_using_subcommand schema" -l at -d 'Decide as of this date (YYYY-MM-DD) instead of today' -r
complete -c praxis -n "__fish_praxis_using_subcommand schema" -s q -l quiet -d 'Quiet: no warnings on stderr and no change summaries; query results are still printed'
complete -c praxis -n "__fish_praxis_using_subcommand schema" -l no-cache -d 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)'
complete -c praxis -n "__fish_praxis_using_subcommand schema" -s h -l help -d 'Print help'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "init" -d 'Create a new practice.toml with its owner as administrator'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "member" -d 'Add, edit, remove and list staff members'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "role" -d 'Grant, revoke and list roles'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "supervision" -d 'Add or remove a supervisor'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "client" -d 'Add clients and manage who may open their charts'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "access" -d 'Ask who may do what'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "matrix" -d 'The permissions matrix: roles or members × capabilities'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "validate" -d 'Check practice.toml against every rule'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "diff" -d 'What changed in effective access between two versions'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "test" -d 'Run the practice\'s access assertions (practice.test.toml)'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "review" -d 'The periodic access review: who can read each chart and why'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "history" -d 'The access timeline from git: each commit that changed who can do what, and who approved it'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "export" -d 'Compile the practice for a policy engine: OpenFGA, Cedar or Rego'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "explain" -d 'What a finding code means, an example and the fix (`praxis explain P024`)'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "completions" -d 'Print shell completions'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "schema" -d 'Print the JSON Schema of practice.toml, or of a command\'s JSON output'
complete -c praxis -n "__fish_praxis_using_subcommand help; and not __fish_seen_subcommand_from init member role supervision client access matrix validate diff test review history export explain completions schema help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "add" -d 'Add a member'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "edit" -d 'Change a member\'s fields'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "remove" -d 'Deactivate a member (kept for history), reassigning clients and supervisees'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "list" -d 'List members'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "show" -d 'Show one member: their fields, supervisees and the charts they are on'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "grant" -d 'Grant roles to a member'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "revoke" -d 'Revoke roles from a member'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "list" -d 'List roles: built-in, custom, and who holds each'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "show" -d 'Show a role\'s grants and the capabilities they cover'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from supervision" -f -a "add" -d 'Add a supervisor to a member'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from supervision" -f -a "remove" -d 'Remove a supervisor from a member'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "add" -d 'Add a client'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "assign" -d 'Change a client\'s primary clinician'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "grant" -d 'Give a member clinical (or, with --administrative, administrative) access'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "revoke" -d 'Take a member\'s access away (a member may always take themselves off)'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "restrict" -d 'Turn restricted access on (or off with --off)'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "remove" -d 'Delete the client\'s entry (git keeps its history)'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "list" -d 'List clients'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "show" -d 'Show one client'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from access" -f -a "check" -d 'May MEMBER use CAPABILITY? Exit 0 allow, 1 deny, 2 error'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from access" -f -a "who" -d 'Every member allowed a capability, with the route'
complete -c praxis -n "__fish_praxis_using_subcommand help; and __fish_seen_subcommand_from access" -f -a "list" -d 'Every capability a member holds, and where'
