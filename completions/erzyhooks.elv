
use builtin;
use str;

set edit:completion:arg-completer[erzyhooks] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'erzyhooks'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'erzyhooks'= {
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the organization''s webhook endpoints'
            cand ls 'List the organization''s webhook endpoints'
            cand get 'Show one webhook endpoint'
            cand create 'Create a webhook endpoint'
            cand update 'Change a webhook endpoint'
            cand delete 'Delete webhook endpoints'
            cand rotate-secret 'Replace an endpoint''s signing secret'
            cand events 'List the event types an endpoint can subscribe to'
            cand completions 'Print the shell completion script'
            cand man 'Print the man page (roff)'
            cand config 'Save an API key, show the effective settings'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'erzyhooks;list'= {
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'erzyhooks;ls'= {
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'erzyhooks;get'= {
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'erzyhooks;create'= {
            cand --url 'HTTPS URL that receives the deliveries'
            cand --event 'Event to subscribe to (repeatable, or comma-separated); see `erzyhooks events`'
            cand --events 'Event to subscribe to (repeatable, or comma-separated); see `erzyhooks events`'
            cand --description 'What the endpoint is for (at most 500 characters)'
            cand --idempotency-key 'Idempotency-Key to send; reuse one to finish a create whose answer was lost'
            cand --secret-file 'Write the signing secret to FILE (mode 0600) instead of printing it'
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand --allow-unknown-events 'Send events this version does not know yet'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'erzyhooks;update'= {
            cand --url 'New HTTPS URL for the deliveries'
            cand --events 'Replace the subscribed events (comma-separated or repeated)'
            cand --event 'Replace the subscribed events (comma-separated or repeated)'
            cand --add-event 'Subscribe to one more event (repeatable)'
            cand --remove-event 'Unsubscribe from an event (repeatable)'
            cand --description 'New description ("" clears it)'
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand --enable 'Turn deliveries on'
            cand --disable 'Turn deliveries off (the endpoint and its secret stay)'
            cand --allow-unknown-events 'Send events this version does not know yet'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'erzyhooks;delete'= {
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'erzyhooks;rotate-secret'= {
            cand --secret-file 'Write the new secret to FILE (mode 0600) instead of printing it'
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'erzyhooks;events'= {
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'erzyhooks;completions'= {
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'erzyhooks;man'= {
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'erzyhooks;config'= {
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand set-key 'Save an API key in the config file'
            cand show 'Show the effective settings and where each comes from'
            cand path 'Print the config file''s path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'erzyhooks;config;set-key'= {
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'erzyhooks;config;show'= {
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'erzyhooks;config;path'= {
            cand --api-key 'API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)'
            cand --api-key-file 'Read the API key from FILE'
            cand --api-url 'API base URL [default: https://app.erzycall.com]'
            cand --profile 'Config profile to use [default: the file''s default_profile, else "default"]'
            cand --config 'Config file [default: <config dir>/erzyhooks/config.toml]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --color 'When to use color'
            cand --timeout 'Seconds an attempt may take [default: 30]'
            cand --proxy 'Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]'
            cand --ca-cert 'Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)'
            cand --retries 'Retries on rate limits, 5xx and failed connections [default: 3]'
            cand --json 'Same as --output json'
            cand -q 'Print only IDs (list, create) or nothing on success'
            cand --quiet 'Print only IDs (list, create) or nothing on success'
            cand -v 'Log each request to stderr (the key is never shown)'
            cand --verbose 'Log each request to stderr (the key is never shown)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'erzyhooks;config;help'= {
            cand set-key 'Save an API key in the config file'
            cand show 'Show the effective settings and where each comes from'
            cand path 'Print the config file''s path'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'erzyhooks;config;help;set-key'= {
        }
        &'erzyhooks;config;help;show'= {
        }
        &'erzyhooks;config;help;path'= {
        }
        &'erzyhooks;config;help;help'= {
        }
        &'erzyhooks;help'= {
            cand list 'List the organization''s webhook endpoints'
            cand get 'Show one webhook endpoint'
            cand create 'Create a webhook endpoint'
            cand update 'Change a webhook endpoint'
            cand delete 'Delete webhook endpoints'
            cand rotate-secret 'Replace an endpoint''s signing secret'
            cand events 'List the event types an endpoint can subscribe to'
            cand completions 'Print the shell completion script'
            cand man 'Print the man page (roff)'
            cand config 'Save an API key, show the effective settings'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'erzyhooks;help;list'= {
        }
        &'erzyhooks;help;get'= {
        }
        &'erzyhooks;help;create'= {
        }
        &'erzyhooks;help;update'= {
        }
        &'erzyhooks;help;delete'= {
        }
        &'erzyhooks;help;rotate-secret'= {
        }
        &'erzyhooks;help;events'= {
        }
        &'erzyhooks;help;completions'= {
        }
        &'erzyhooks;help;man'= {
        }
        &'erzyhooks;help;config'= {
            cand set-key 'Save an API key in the config file'
            cand show 'Show the effective settings and where each comes from'
            cand path 'Print the config file''s path'
        }
        &'erzyhooks;help;config;set-key'= {
        }
        &'erzyhooks;help;config;show'= {
        }
        &'erzyhooks;help;config;path'= {
        }
        &'erzyhooks;help;help'= {
        }
    ]
    $completions[$command]
}
