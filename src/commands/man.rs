//! `erzyhooks man`: the roff man page, generated from the clap definitions plus the sections a
//! man page needs that help text does not have (exit status, environment, files).

use clap::CommandFactory;

use super::Context;
use crate::cli::Cli;
use crate::error::{Error, Result};

/// Print the man page (roff)
///
/// The manual page for erzyhooks, in roff. Read it with `erzyhooks man | man -l -`, or install
/// it where man looks.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  erzyhooks man | man -l -
  erzyhooks man > ~/.local/share/man/man1/erzyhooks.1")]
pub struct Args {}

const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "success"),
    ("1", "a check came out negative"),
    ("2", "usage: bad flags, input rejected before sending, confirmation needed without a terminal, a bad config file"),
    ("3", "no API key, a key that cannot be sent, 401, 403"),
    ("4", "404 or unknown ID"),
    ("5", "the API refused the request: 400, 409, 422"),
    ("6", "still rate limited (429) after the retries"),
    ("7", "network: cannot connect, timeout, TLS, 5xx after retries, a response that is not the API's JSON"),
    ("70", "internal error (a bug: please report it)"),
    ("130", "interrupted"),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    ("ERZYCALL_API_KEY", "the API key"),
    ("ERZYCALL_API_KEY_FILE", "a file holding the API key"),
    (
        "ERZYCALL_API_URL",
        "the API base URL (default https://app.erzycall.com)",
    ),
    ("ERZYHOOKS_PROFILE", "the config profile"),
    ("ERZYHOOKS_CONFIG", "the config file"),
    ("ERZYHOOKS_OUTPUT", "table or json"),
    (
        "NO_COLOR, CLICOLOR_FORCE",
        "turn color off, or on even in a pipe",
    ),
    (
        "ERZYHOOKS_WEBHOOK_SECRET",
        "the webhook signing secret for sign, verify, listen and trigger",
    ),
    ("HTTPS_PROXY, HTTP_PROXY, NO_PROXY", "proxies"),
    (
        "SSL_CERT_FILE",
        "CA certificates to trust instead of the system store",
    ),
];

pub fn run(_args: Args, _ctx: &mut Context) -> Result<()> {
    crate::output::write_stdout(&page()?)
}

/// The whole page.
pub fn page() -> Result<String> {
    let man = clap_mangen::Man::new(Cli::command());
    let mut buffer = Vec::new();
    man.render_title(&mut buffer)
        .and_then(|()| man.render_name_section(&mut buffer))
        .and_then(|()| man.render_synopsis_section(&mut buffer))
        .and_then(|()| man.render_description_section(&mut buffer))
        .and_then(|()| man.render_options_section(&mut buffer))
        .and_then(|()| man.render_subcommands_section(&mut buffer))
        .map_err(Error::internal)?;
    let mut page = String::from_utf8(buffer).map_err(Error::internal)?;
    page.push_str(&definitions("EXIT STATUS", EXIT_STATUS));
    page.push_str(&definitions("ENVIRONMENT", ENVIRONMENT));
    page.push_str(&definitions(
        "FILES",
        &[(
            "~/.config/erzyhooks/config.toml",
            "profiles with api_key, api_url and output; written with mode 0600",
        )],
    ));
    page.push_str(".SH EXAMPLES\n.nf\n");
    for line in [
        "erzyhooks config set-key < key.txt",
        "erzyhooks list -o json | jq -r '.[].id'",
        "erzyhooks create --url https://example.com/hooks --event call.ended --secret-file hook.secret",
        "erzyhooks update wh_123 --add-event contact.created --disable",
        "erzyhooks delete wh_123 --yes",
    ] {
        page.push_str(&escape(line));
        page.push('\n');
    }
    page.push_str(".fi\n");
    let mut buffer = Vec::new();
    man.render_version_section(&mut buffer)
        .map_err(Error::internal)?;
    page.push_str(&String::from_utf8(buffer).map_err(Error::internal)?);
    Ok(page)
}

fn definitions(title: &str, items: &[(&str, &str)]) -> String {
    let mut section = format!(".SH \"{title}\"\n");
    for (term, meaning) in items {
        section.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            escape(term),
            escape(meaning)
        ));
    }
    section
}

/// Roff escapes: backslashes, and a leading dot or quote that would read as a request.
fn escape(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with('.') || text.starts_with('\'') {
        format!("\\&{text}")
    } else {
        text
    }
}
