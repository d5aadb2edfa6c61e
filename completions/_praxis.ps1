
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'praxis' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'praxis'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'praxis' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format, where the command prints data; each command''s --help lists its own')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new practice.toml with its owner as administrator')
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Add, edit, remove and list staff members')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Grant, revoke and list roles')
            [CompletionResult]::new('supervision', 'supervision', [CompletionResultType]::ParameterValue, 'Add or remove a supervisor')
            [CompletionResult]::new('client', 'client', [CompletionResultType]::ParameterValue, 'Add clients and manage who may open their charts')
            [CompletionResult]::new('access', 'access', [CompletionResultType]::ParameterValue, 'Ask who may do what')
            [CompletionResult]::new('matrix', 'matrix', [CompletionResultType]::ParameterValue, 'The permissions matrix: roles or members × capabilities')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check practice.toml against every rule')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed in effective access between two versions')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run the practice''s access assertions (practice.test.toml)')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'The periodic access review: who can read each chart and why')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'The access timeline from git: each commit that changed who can do what, and who approved it')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Compile the practice for a policy engine: OpenFGA, Cedar or Rego')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'What a finding code means, an example and the fix (`praxis explain P024`)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of practice.toml, or of a command''s JSON output')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'praxis;init' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The practice''s name')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'The account owner''s member id')
            [CompletionResult]::new('--owner-name', '--owner-name', [CompletionResultType]::ParameterName, 'The owner''s display name')
            [CompletionResult]::new('--owner-email', '--owner-email', [CompletionResultType]::ParameterName, 'The owner''s email')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;member' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a member')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a member''s fields')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Deactivate a member (kept for history), reassigning clients and supervisees')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List members')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one member: their fields, supervisees and the charts they are on')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'praxis;member;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name')
            [CompletionResult]::new('--legal-name', '--legal-name', [CompletionResultType]::ParameterName, 'Name on claims, if it differs')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address, unique across members (no shared logins)')
            [CompletionResult]::new('--github', '--github', [CompletionResultType]::ParameterName, 'The member''s GitHub login: `diff --as @LOGIN` judges their pull requests as them')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'A role to hold (repeat for several); `praxis role list` shows them')
            [CompletionResult]::new('--supervisor', '--supervisor', [CompletionResultType]::ParameterName, 'A member who supervises them (repeat for several)')
            [CompletionResult]::new('--npi', '--npi', [CompletionResultType]::ParameterName, '10-digit National Provider Identifier')
            [CompletionResult]::new('--taxonomy', '--taxonomy', [CompletionResultType]::ParameterName, 'Provider taxonomy code (10 characters ending in X)')
            [CompletionResult]::new('--cosign', '--cosign', [CompletionResultType]::ParameterName, 'Documents that need a supervisor''s co-signature (progress-notes,treatment-plans)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--bill-as-supervisor', '--bill-as-supervisor', [CompletionResultType]::ParameterName, 'Bills under a supervisor''s NPI (every intern does)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;member;edit' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'New display name')
            [CompletionResult]::new('--legal-name', '--legal-name', [CompletionResultType]::ParameterName, 'New name on claims')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'New email address')
            [CompletionResult]::new('--github', '--github', [CompletionResultType]::ParameterName, 'The member''s GitHub login: `diff --as @LOGIN` judges their pull requests as them')
            [CompletionResult]::new('--npi', '--npi', [CompletionResultType]::ParameterName, 'New National Provider Identifier (needs members.credentials)')
            [CompletionResult]::new('--taxonomy', '--taxonomy', [CompletionResultType]::ParameterName, 'New provider taxonomy code (needs members.credentials)')
            [CompletionResult]::new('--cosign', '--cosign', [CompletionResultType]::ParameterName, 'Documents that need a supervisor''s co-signature (empty to clear)')
            [CompletionResult]::new('--bill-as-supervisor', '--bill-as-supervisor', [CompletionResultType]::ParameterName, 'Whether they bill under a supervisor''s NPI')
            [CompletionResult]::new('--active', '--active', [CompletionResultType]::ParameterName, 'false: kept for history, holds no access')
            [CompletionResult]::new('--clear', '--clear', [CompletionResultType]::ParameterName, 'Remove an optional field (repeat for several)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;member;remove' {
            [CompletionResult]::new('--reassign-clients-to', '--reassign-clients-to', [CompletionResultType]::ParameterName, 'The new primary clinician of the clients they are primary for')
            [CompletionResult]::new('--reassign-supervisees-to', '--reassign-supervisees-to', [CompletionResultType]::ParameterName, 'The new supervisor of the members they supervise')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;member;list' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Only members holding this role')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only members whose id, name, legal name or email contains TEXT')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--inactive', '--inactive', [CompletionResultType]::ParameterName, 'Include inactive members')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;member;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;member;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a member')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a member''s fields')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Deactivate a member (kept for history), reassigning clients and supervisees')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List members')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one member: their fields, supervisees and the charts they are on')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'praxis;member;help;add' {
            break
        }
        'praxis;member;help;edit' {
            break
        }
        'praxis;member;help;remove' {
            break
        }
        'praxis;member;help;list' {
            break
        }
        'praxis;member;help;show' {
            break
        }
        'praxis;member;help;help' {
            break
        }
        'praxis;role' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant roles to a member')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke roles from a member')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles: built-in, custom, and who holds each')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a role''s grants and the capabilities they cover')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'praxis;role;grant' {
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Roles to take away in the same change (intern → clinician)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;role;revoke' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;role;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;role;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;role;help' {
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant roles to a member')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke roles from a member')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles: built-in, custom, and who holds each')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a role''s grants and the capabilities they cover')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'praxis;role;help;grant' {
            break
        }
        'praxis;role;help;revoke' {
            break
        }
        'praxis;role;help;list' {
            break
        }
        'praxis;role;help;show' {
            break
        }
        'praxis;role;help;help' {
            break
        }
        'praxis;supervision' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a supervisor to a member')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a supervisor from a member')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'praxis;supervision;add' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'The supervising member')
            [CompletionResult]::new('--cosign', '--cosign', [CompletionResultType]::ParameterName, 'Documents that need the supervisor''s co-signature')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;supervision;remove' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'The supervisor to remove')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;supervision;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a supervisor to a member')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a supervisor from a member')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'praxis;supervision;help;add' {
            break
        }
        'praxis;supervision;help;remove' {
            break
        }
        'praxis;supervision;help;help' {
            break
        }
        'praxis;client' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a client')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Change a client''s primary clinician')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a member clinical (or, with --administrative, administrative) access')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take a member''s access away (a member may always take themselves off)')
            [CompletionResult]::new('restrict', 'restrict', [CompletionResultType]::ParameterValue, 'Turn restricted access on (or off with --off)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete the client''s entry (git keeps its history)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List clients')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one client')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'praxis;client;add' {
            [CompletionResult]::new('--primary', '--primary', [CompletionResultType]::ParameterName, 'The primary clinician')
            [CompletionResult]::new('--clinician', '--clinician', [CompletionResultType]::ParameterName, 'Another clinician with clinical access (repeat for several)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;client;assign' {
            [CompletionResult]::new('--primary', '--primary', [CompletionResultType]::ParameterName, 'The new primary clinician')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--keep-previous', '--keep-previous', [CompletionResultType]::ParameterName, 'Keep the previous primary as a clinician')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;client;grant' {
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Temporary access through this date, the last day it holds (needs --reason)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why temporary access is needed')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--administrative', '--administrative', [CompletionResultType]::ParameterName, 'Administrative access to a restricted client')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;client;revoke' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--administrative', '--administrative', [CompletionResultType]::ParameterName, 'Revoke administrative access (also takes clinical access)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;client;restrict' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--off', '--off', [CompletionResultType]::ParameterName, 'Lift the restriction (also clears the administrative list)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;client;remove' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;client;list' {
            [CompletionResult]::new('--member', '--member', [CompletionResultType]::ParameterName, 'Only clients this member is on (primary, clinician, temporary, administrative)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;client;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;client;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a client')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Change a client''s primary clinician')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a member clinical (or, with --administrative, administrative) access')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take a member''s access away (a member may always take themselves off)')
            [CompletionResult]::new('restrict', 'restrict', [CompletionResultType]::ParameterValue, 'Turn restricted access on (or off with --off)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete the client''s entry (git keeps its history)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List clients')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one client')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'praxis;client;help;add' {
            break
        }
        'praxis;client;help;assign' {
            break
        }
        'praxis;client;help;grant' {
            break
        }
        'praxis;client;help;revoke' {
            break
        }
        'praxis;client;help;restrict' {
            break
        }
        'praxis;client;help;remove' {
            break
        }
        'praxis;client;help;list' {
            break
        }
        'praxis;client;help;show' {
            break
        }
        'praxis;client;help;help' {
            break
        }
        'praxis;access' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'May MEMBER use CAPABILITY? Exit 0 allow, 1 deny, 2 error')
            [CompletionResult]::new('who', 'who', [CompletionResultType]::ParameterValue, 'Every member allowed a capability, with the route')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every capability a member holds, and where')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'praxis;access;check' {
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'The client, for a client capability')
            [CompletionResult]::new('--author', '--author', [CompletionResultType]::ParameterName, 'The author of the document (for `own` grants)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print the reasons')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Read requests from stdin, one per line, answer each as a JSON line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;access;who' {
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'The client, for a client capability')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;access;list' {
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Only this client')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;access;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'May MEMBER use CAPABILITY? Exit 0 allow, 1 deny, 2 error')
            [CompletionResult]::new('who', 'who', [CompletionResultType]::ParameterValue, 'Every member allowed a capability, with the route')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every capability a member holds, and where')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'praxis;access;help;check' {
            break
        }
        'praxis;access;help;who' {
            break
        }
        'praxis;access;help;list' {
            break
        }
        'praxis;access;help;help' {
            break
        }
        'praxis;matrix' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Rows per role or per member [default: role; member with --client]')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Members × client capabilities for this client, each cell allow or deny')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--inactive', '--inactive', [CompletionResultType]::ParameterName, 'Include inactive members')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;validate' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as errors')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;diff' {
            [CompletionResult]::new('--base', '--base', [CompletionResultType]::ParameterName, 'Compare the practice file against this git revision')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--fail-on-gain', '--fail-on-gain', [CompletionResultType]::ParameterName, 'Exit 1 when anyone gains clinical access')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;test' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--update', '--update', [CompletionResultType]::ParameterName, 'Write today''s answers into the file: each decision, `[[who]]`''s members, `[[list]]`''s capabilities')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;review' {
            [CompletionResult]::new('--member', '--member', [CompletionResultType]::ParameterName, 'Only this member''s access (and the findings about them)')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Only this client''s chart (and the findings about it)')
            [CompletionResult]::new('--expiring', '--expiring', [CompletionResultType]::ParameterName, 'Instead: temporary access ending within this many days (14d, 2w) and expired entries still in the file')
            [CompletionResult]::new('--stale', '--stale', [CompletionResultType]::ParameterName, 'Also flag chart access unchanged for longer than this many days (365d, 52w), from the file''s git history')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Also list the commits that changed access since this day (the last review''s date), from the file''s git history')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;history' {
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'Only changes to this client''s access')
            [CompletionResult]::new('--member', '--member', [CompletionResultType]::ParameterName, 'Only changes to this member''s access')
            [CompletionResult]::new('--capability', '--capability', [CompletionResultType]::ParameterName, 'Only gains and losses of this capability')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only commits from this day on (YYYY-MM-DD): those on the first-parent line from the first one dated this day or later')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only commits up to this day (YYYY-MM-DD)')
            [CompletionResult]::new('--rev', '--rev', [CompletionResultType]::ParameterName, 'The branch or range to read, as git takes them (`main`, `v1..v2`), along its first-parent line: a merged pull request is one entry [default: HEAD]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;export' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The engine to compile for')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the export''s files into this directory')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Print the tuple writes and deletes from this older practice file to the current one')
            [CompletionResult]::new('--base', '--base', [CompletionResultType]::ParameterName, 'Print the tuple writes and deletes from the practice file at this git revision')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Exit 1 unless this directory holds exactly what the practice compiles to')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'praxis;explain' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every code, as markdown (the catalogue in docs/findings.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;completions' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;schema' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The schema of this command''s `--format json` output instead')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The practice file [default: $PRAXIS_FILE, else the nearest practice.toml upwards]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The acting member: who makes a change, whose permissions `diff --as` checks, or who asks `access check` [default: $PRAXIS_ACTOR for changes]')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Decide as of this date (YYYY-MM-DD) instead of today')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no warnings on stderr and no change summaries; query results are still printed')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Read and validate the file without the content-keyed index (also PRAXIS_NO_CACHE=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'praxis;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new practice.toml with its owner as administrator')
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Add, edit, remove and list staff members')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Grant, revoke and list roles')
            [CompletionResult]::new('supervision', 'supervision', [CompletionResultType]::ParameterValue, 'Add or remove a supervisor')
            [CompletionResult]::new('client', 'client', [CompletionResultType]::ParameterValue, 'Add clients and manage who may open their charts')
            [CompletionResult]::new('access', 'access', [CompletionResultType]::ParameterValue, 'Ask who may do what')
            [CompletionResult]::new('matrix', 'matrix', [CompletionResultType]::ParameterValue, 'The permissions matrix: roles or members × capabilities')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check practice.toml against every rule')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed in effective access between two versions')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run the practice''s access assertions (practice.test.toml)')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'The periodic access review: who can read each chart and why')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'The access timeline from git: each commit that changed who can do what, and who approved it')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Compile the practice for a policy engine: OpenFGA, Cedar or Rego')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'What a finding code means, an example and the fix (`praxis explain P024`)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of practice.toml, or of a command''s JSON output')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'praxis;help;init' {
            break
        }
        'praxis;help;member' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a member')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a member''s fields')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Deactivate a member (kept for history), reassigning clients and supervisees')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List members')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one member: their fields, supervisees and the charts they are on')
            break
        }
        'praxis;help;member;add' {
            break
        }
        'praxis;help;member;edit' {
            break
        }
        'praxis;help;member;remove' {
            break
        }
        'praxis;help;member;list' {
            break
        }
        'praxis;help;member;show' {
            break
        }
        'praxis;help;role' {
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant roles to a member')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke roles from a member')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles: built-in, custom, and who holds each')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a role''s grants and the capabilities they cover')
            break
        }
        'praxis;help;role;grant' {
            break
        }
        'praxis;help;role;revoke' {
            break
        }
        'praxis;help;role;list' {
            break
        }
        'praxis;help;role;show' {
            break
        }
        'praxis;help;supervision' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a supervisor to a member')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a supervisor from a member')
            break
        }
        'praxis;help;supervision;add' {
            break
        }
        'praxis;help;supervision;remove' {
            break
        }
        'praxis;help;client' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a client')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Change a client''s primary clinician')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a member clinical (or, with --administrative, administrative) access')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take a member''s access away (a member may always take themselves off)')
            [CompletionResult]::new('restrict', 'restrict', [CompletionResultType]::ParameterValue, 'Turn restricted access on (or off with --off)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete the client''s entry (git keeps its history)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List clients')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one client')
            break
        }
        'praxis;help;client;add' {
            break
        }
        'praxis;help;client;assign' {
            break
        }
        'praxis;help;client;grant' {
            break
        }
        'praxis;help;client;revoke' {
            break
        }
        'praxis;help;client;restrict' {
            break
        }
        'praxis;help;client;remove' {
            break
        }
        'praxis;help;client;list' {
            break
        }
        'praxis;help;client;show' {
            break
        }
        'praxis;help;access' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'May MEMBER use CAPABILITY? Exit 0 allow, 1 deny, 2 error')
            [CompletionResult]::new('who', 'who', [CompletionResultType]::ParameterValue, 'Every member allowed a capability, with the route')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every capability a member holds, and where')
            break
        }
        'praxis;help;access;check' {
            break
        }
        'praxis;help;access;who' {
            break
        }
        'praxis;help;access;list' {
            break
        }
        'praxis;help;matrix' {
            break
        }
        'praxis;help;validate' {
            break
        }
        'praxis;help;diff' {
            break
        }
        'praxis;help;test' {
            break
        }
        'praxis;help;review' {
            break
        }
        'praxis;help;history' {
            break
        }
        'praxis;help;export' {
            break
        }
        'praxis;help;explain' {
            break
        }
        'praxis;help;completions' {
            break
        }
        'praxis;help;schema' {
            break
        }
        'praxis;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
