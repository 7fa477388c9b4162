//! The command line as clap sees it: global options (accepted before or after the subcommand) and
//! the subcommands, whose arguments live beside their code in `commands/`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::commands;
use crate::output::{ColorChoice, Format};
use crate::secret::Secret;

const EXAMPLES: &str = "\
Examples:
  erzyhooks config set-key < key.txt
  erzyhooks list
  erzyhooks create --url https://example.com/hooks --event call.ended --event call.failed
  erzyhooks update wh_123 --add-event contact.created --disable
  erzyhooks list -o json | jq -r '.[].id'
  erzyhooks delete wh_123 --yes

Exit codes:
  0 success, 2 usage or confirmation needed, 3 no key / 401 / 403, 4 not found,
  5 refused by the API (400, 409, 422), 6 rate limited, 7 network or unexpected response,
  70 internal error, 130 interrupted";

/// Manage the webhook endpoints of an ErzyCall organization.
///
/// erzyhooks lists, creates, updates and deletes the webhook endpoints ErzyCall delivers call and
/// contact events to, and rotates their signing secrets. Tables are for people; `-o json` prints
/// the API's own JSON for scripts. Data goes to stdout, messages to stderr.
#[derive(Debug, Parser)]
#[command(name = "erzyhooks", version, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub globals: Globals,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes, before or after its name.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Globals {
    /// API key (visible to other users in `ps`: prefer --api-key-file or ERZYCALL_API_KEY)
    #[arg(long, global = true, value_name = "KEY", value_parser = parse_secret, hide_env_values = true, help_heading = "Global options")]
    pub api_key: Option<Secret>,

    /// Read the API key from FILE
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        conflicts_with = "api_key",
        help_heading = "Global options"
    )]
    pub api_key_file: Option<PathBuf>,

    /// API base URL [default: https://app.erzycall.com]
    #[arg(
        long,
        global = true,
        value_name = "URL",
        help_heading = "Global options"
    )]
    pub api_url: Option<String>,

    /// Config profile to use [default: the file's default_profile, else "default"]
    #[arg(
        long,
        global = true,
        value_name = "NAME",
        help_heading = "Global options"
    )]
    pub profile: Option<String>,

    /// Config file [default: <config dir>/erzyhooks/config.toml]
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        help_heading = "Global options"
    )]
    pub config: Option<PathBuf>,

    /// Output format
    #[arg(
        short = 'o',
        long,
        global = true,
        value_enum,
        value_name = "FORMAT",
        help_heading = "Global options"
    )]
    pub output: Option<Format>,

    /// Same as --output json
    #[arg(
        long,
        global = true,
        conflicts_with = "output",
        help_heading = "Global options"
    )]
    pub json: bool,

    /// Print only IDs (list, create) or nothing on success
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub quiet: bool,

    /// When to use color
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = "Global options")]
    pub color: ColorChoice,

    /// Log each request to stderr (the key is never shown)
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub verbose: bool,

    /// Seconds an attempt may take [default: 30]
    #[arg(long, global = true, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=3600), help_heading = "Global options")]
    pub timeout: Option<u64>,

    /// Send every request through this proxy [default: HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY]
    #[arg(
        long,
        global = true,
        value_name = "URL",
        help_heading = "Global options"
    )]
    pub proxy: Option<String>,

    /// Also trust the CA certificates in this PEM file (SSL_CERT_FILE replaces the system store)
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        help_heading = "Global options"
    )]
    pub ca_cert: Option<PathBuf>,

    /// Retries on rate limits, 5xx and failed connections [default: 3]
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=10), help_heading = "Global options")]
    pub retries: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(visible_alias = "ls")]
    List(commands::list::Args),
    Get(commands::get::Args),
    Create(commands::create::Args),
    Update(commands::update::Args),
    Delete(commands::delete::Args),
    RotateSecret(commands::rotate_secret::Args),
    Apply(commands::apply::Args),
    Events(commands::events::Args),
    Sign(commands::sign::Args),
    Verify(commands::verify::Args),
    Listen(commands::listen::Args),
    Trigger(commands::trigger::Args),
    Completions(commands::completions::Args),
    Man(commands::man::Args),
    #[command(subcommand)]
    Config(commands::config::Command),
}

/// Event names: any text is accepted (`--allow-unknown-events` decides later), but the known
/// names are offered to shell completion and listed in help.
#[derive(Debug, Clone, Copy)]
pub struct EventNameParser;

impl clap::builder::TypedValueParser for EventNameParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(crate::events::EVENTS.iter().map(
            |(name, trigger)| clap::builder::PossibleValue::new(*name).help(*trigger),
        )))
    }
}

fn parse_secret(text: &str) -> Result<Secret, String> {
    Ok(Secret::new(text))
}
