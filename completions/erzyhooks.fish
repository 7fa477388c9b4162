# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_erzyhooks_global_optspecs
    string join \n api-key= api-key-file= api-url= profile= config= o/output= json q/quiet color= v/verbose timeout= proxy= ca-cert= retries= h/help V/version
end

function __fish_erzyhooks_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_erzyhooks_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_erzyhooks_using_subcommand
    set -l cmd (__fish_erzyhooks_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -s V -l version -d 'Print version'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "list" -d 'List the organization\'s webhook endpoints'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "ls" -d 'List the organization\'s webhook endpoints'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "get" -d 'Show one webhook endpoint'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "create" -d 'Create a webhook endpoint'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "update" -d 'Change a webhook endpoint'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "delete" -d 'Delete webhook endpoints'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "rotate-secret" -d 'Replace an endpoint\'s signing secret'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "apply" -d 'Make the endpoints match a file'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "events" -d 'List the event types an endpoint can subscribe to'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "sign" -d 'Sign a payload as ErzyCall would'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "verify" -d 'Check a delivery\'s signature'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "listen" -d 'Receive deliveries locally and show each one'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "trigger" -d 'Send a signed test delivery to a receiver'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "completions" -d 'Print the shell completion script'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "config" -d 'Save an API key, show the effective settings'
complete -c erzyhooks -n "__fish_erzyhooks_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l url -d 'HTTPS URL that receives the deliveries' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l event -l events -d 'Event to subscribe to (repeatable, or comma-separated); see `erzyhooks events`' -r -f -a "call.started\t'an outbound call was kicked off'
call.ended\t'a call finished'
call.failed\t'a call ran into an error'
call.scheduled\t'a call was queued for a future time'
call.cancelled\t'a queued call was cancelled'
contact.created\t'a contact was created'
contact.updated\t'a contact was changed'
contact.deleted\t'a contact was removed'"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l description -d 'What the endpoint is for (at most 500 characters)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l idempotency-key -d 'Idempotency-Key to send; reuse one to finish a create whose answer was lost' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l secret-file -d 'Write the signing secret to FILE (mode 0600) instead of printing it' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l allow-unknown-events -d 'Send events this version does not know yet'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l url -d 'New HTTPS URL for the deliveries' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l events -l event -d 'Replace the subscribed events (comma-separated or repeated)' -r -f -a "call.started\t'an outbound call was kicked off'
call.ended\t'a call finished'
call.failed\t'a call ran into an error'
call.scheduled\t'a call was queued for a future time'
call.cancelled\t'a queued call was cancelled'
contact.created\t'a contact was created'
contact.updated\t'a contact was changed'
contact.deleted\t'a contact was removed'"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l add-event -d 'Subscribe to one more event (repeatable)' -r -f -a "call.started\t'an outbound call was kicked off'
call.ended\t'a call finished'
call.failed\t'a call ran into an error'
call.scheduled\t'a call was queued for a future time'
call.cancelled\t'a queued call was cancelled'
contact.created\t'a contact was created'
contact.updated\t'a contact was changed'
contact.deleted\t'a contact was removed'"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l remove-event -d 'Unsubscribe from an event (repeatable)' -r -f -a "call.started\t'an outbound call was kicked off'
call.ended\t'a call finished'
call.failed\t'a call ran into an error'
call.scheduled\t'a call was queued for a future time'
call.cancelled\t'a queued call was cancelled'
contact.created\t'a contact was created'
contact.updated\t'a contact was changed'
contact.deleted\t'a contact was removed'"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l description -d 'New description ("" clears it)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l enable -d 'Turn deliveries on'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l disable -d 'Turn deliveries off (the endpoint and its secret stay)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l allow-unknown-events -d 'Send events this version does not know yet'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -l secret-file -d 'Write the new secret to FILE (mode 0600) instead of printing it' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -s y -l yes -d 'Do not ask for confirmation'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand rotate-secret" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -s f -l file -d 'The wanted endpoints: a .json or .toml file, or - for JSON on stdin' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l secrets-dir -d 'Write each created endpoint\'s secret to DIR/<id>.secret (mode 0600) instead of printing it' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l dry-run -d 'Show the plan and change nothing'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l prune -d 'Also delete endpoints whose URL is not in the file'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -s y -l yes -d 'Do not ask for confirmation'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l exit-code -d 'With --dry-run: exit 1 when the plan has changes ("is it in sync?")'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l allow-unknown-events -d 'Accept events this version does not know yet'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -l secret-file -d 'The endpoint\'s signing secret, in a file' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -l signature -d 'The X-Webhook-Signature value received' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -l secret-file -d 'The endpoint\'s signing secret, in a file' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l addr -d 'Address to listen on (port 0 picks a free one)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l path -d 'Path that receives deliveries' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l forward-to -d 'Relay verified deliveries to this URL and answer with its status' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l secret-file -d 'The endpoint\'s signing secret, in a file' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand listen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -l url -d 'The receiver\'s URL (http or https)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -l data -d 'A file with the JSON to send as `data` instead of the sample' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -l secret-file -d 'The endpoint\'s signing secret, in a file' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand trigger" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -f -a "set-key" -d 'Save an API key in the config file'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -f -a "show" -d 'Show the effective settings and where each comes from'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -f -a "path" -d 'Print the config file\'s path'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and not __fish_seen_subcommand_from set-key show path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from set-key" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -l api-key -d 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -l api-key-file -d 'Read the API key from FILE' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -l api-url -d 'API base URL [default: https://app.erzycall.com]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -l profile -d 'Config profile to use [default: the file\'s default_profile, else "default"]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Config file [default: <config dir>/erzyhooks/config.toml]' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -l timeout -d 'Seconds an attempt may take [default: 30]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -l proxy -d 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -l ca-cert -d 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)' -r -F
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -l retries -d 'Retries on rate limits, 5xx and failed connections [default: 3]' -r
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Same as --output json'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only IDs (list, create) or nothing on success'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Log each request to stderr (the key is never shown)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set-key" -d 'Save an API key in the config file'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the effective settings and where each comes from'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config file\'s path'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "list" -d 'List the organization\'s webhook endpoints'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "get" -d 'Show one webhook endpoint'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "create" -d 'Create a webhook endpoint'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "update" -d 'Change a webhook endpoint'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "delete" -d 'Delete webhook endpoints'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "rotate-secret" -d 'Replace an endpoint\'s signing secret'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "apply" -d 'Make the endpoints match a file'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "events" -d 'List the event types an endpoint can subscribe to'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "sign" -d 'Sign a payload as ErzyCall would'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "verify" -d 'Check a delivery\'s signature'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "listen" -d 'Receive deliveries locally and show each one'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "trigger" -d 'Send a signed test delivery to a receiver'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "completions" -d 'Print the shell completion script'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "man" -d 'Print the man page (roff)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "config" -d 'Save an API key, show the effective settings'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and not __fish_seen_subcommand_from list get create update delete rotate-secret apply events sign verify listen trigger completions man config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set-key" -d 'Save an API key in the config file'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show the effective settings and where each comes from'
complete -c erzyhooks -n "__fish_erzyhooks_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path'
