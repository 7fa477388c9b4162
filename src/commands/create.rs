//! `erzyhooks create`: registers an endpoint and shows its signing secret, once.

use std::path::PathBuf;

use super::{check_secret_file, write_secret_file, Context};
use crate::api::CreateEndpoint;
use crate::error::{Error, Result};
use crate::input;

/// Create a webhook endpoint
///
/// Registers URL to receive the given events and prints the new endpoint with its signing
/// secret. The API shows the secret only this once: keep it, or write it to a private file with
/// --secret-file. Every attempt carries the same Idempotency-Key (a fresh one unless
/// --idempotency-key is given), so a retried create never makes a second endpoint.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  erzyhooks create --url https://example.com/hooks --event call.ended --event call.failed
  erzyhooks create --url https://example.com/hooks --events call.ended,contact.created \\
      --description 'CRM sync' --secret-file crm.secret
  erzyhooks create --url https://example.com/hooks --event call.ended -q --secret-file s.txt")]
pub struct Args {
    /// HTTPS URL that receives the deliveries
    #[arg(long, value_name = "URL")]
    pub url: String,

    /// Event to subscribe to (repeatable, or comma-separated); see `erzyhooks events`
    #[arg(
        long = "event",
        visible_alias = "events",
        value_name = "EVENT",
        value_delimiter = ',',
        required = true,
        value_parser = crate::cli::EventNameParser,
        hide_possible_values = true
    )]
    pub events: Vec<String>,

    /// What the endpoint is for (at most 500 characters)
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    /// Send events this version does not know yet
    #[arg(long)]
    pub allow_unknown_events: bool,

    /// Idempotency-Key to send; reuse one to finish a create whose answer was lost
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,

    /// Write the signing secret to FILE (mode 0600) instead of printing it
    #[arg(long, value_name = "FILE")]
    pub secret_file: Option<PathBuf>,
}

pub fn run(args: Args, ctx: &mut Context) -> Result<()> {
    let body = CreateEndpoint {
        url: input::check_url(&args.url)?,
        events: input::check_events(&args.events, args.allow_unknown_events)?,
        description: args.description.clone(),
    };
    if let Some(description) = &body.description {
        input::check_description(description)?;
    }
    let idempotency_key = match &args.idempotency_key {
        Some(key) if key.trim().is_empty() || key.chars().any(char::is_control) => {
            return Err(Error::usage("--idempotency-key must be printable text"));
        }
        Some(key) => key.clone(),
        None => uuid::Uuid::new_v4().to_string(),
    };
    match &args.secret_file {
        Some(path) => check_secret_file(path)?,
        None if ctx.out.quiet => {
            return Err(Error::usage(
                "-q prints only the ID, and the secret is shown only once: add --secret-file FILE",
            ))
        }
        None => {}
    }

    let client = ctx.client()?;
    let mut endpoint = client.create(&body, &idempotency_key).map_err(|e| {
        if e.outcome_unknown() {
            with_rerun_hint(e.into(), &idempotency_key)
        } else {
            e.into()
        }
    })?;
    let secret = endpoint.take_secret();

    if let (Some(path), Some(secret)) = (&args.secret_file, &secret) {
        if let Err(error) = write_secret_file(path, secret) {
            // The endpoint exists and the secret cannot be fetched again: show it rather than lose it.
            ctx.out
                .print_json(&endpoint.clone().with_secret(secret).to_json())?;
            return Err(error);
        }
        ctx.status(&format!("Wrote the signing secret to {}.", path.display()));
    }
    let show_secret = secret.as_ref().filter(|_| args.secret_file.is_none());
    if ctx.out.quiet {
        return ctx
            .out
            .print_line(&crate::output::escape_untrusted(endpoint.id()));
    }
    if ctx.out.json() {
        let shown = match show_secret {
            Some(secret) => endpoint.clone().with_secret(secret),
            None => endpoint.clone(),
        };
        ctx.out.print_json(&shown.to_json())?;
    } else {
        ctx.out
            .print_endpoint(&endpoint, show_secret.map(|s| s.expose()))?;
    }
    if show_secret.is_some() {
        ctx.status("Save the signing secret now: it will not be shown again.");
    }
    Ok(())
}

/// When a create ends without a clear answer, it may or may not have happened: rerunning with the
/// same key finishes it without creating twice.
fn with_rerun_hint(error: Error, idempotency_key: &str) -> Error {
    error.with_hint(format!(
        "the endpoint may or may not have been created; rerun the same command with --idempotency-key {idempotency_key} to finish it without creating a second one"
    ))
}
