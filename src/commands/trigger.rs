//! `erzyhooks trigger EVENT --url URL`: one signed delivery, as ErzyCall would send it.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{json, Value};

use super::{require_webhook_secret, Context};
use crate::api::Deliverer;
use crate::error::{Error, Exit, Result};
use crate::output::escape_untrusted;
use crate::{input, payload, signature};

/// Send a signed test delivery to a receiver
///
/// POSTs EVENT to URL as ErzyCall would: compact JSON {"event", "timestamp", "data"} with a
/// realistic sample `data` for the event (or the JSON in --data), Content-Type application/json,
/// and the X-Webhook-Signature made with the secret from --secret-file or
/// ERZYHOOKS_WEBHOOK_SECRET. Prints the receiver's status and time. Exit 0 on 2xx, 5 when the
/// receiver refused, 7 when it could not be reached.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  erzyhooks trigger call.ended --url http://127.0.0.1:3000/webhooks --secret-file hook.secret
  erzyhooks trigger contact.created --url http://127.0.0.1:4000/ --data contact.json -o json")]
pub struct Args {
    /// The event to send; see `erzyhooks events`
    #[arg(value_name = "EVENT", value_parser = crate::cli::EventNameParser, hide_possible_values = true)]
    pub event: String,

    /// The receiver's URL (http or https)
    #[arg(long, value_name = "URL")]
    pub url: String,

    /// A file with the JSON to send as `data` instead of the sample
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,

    /// The endpoint's signing secret, in a file
    #[arg(long, value_name = "FILE")]
    pub secret_file: Option<PathBuf>,
}

pub fn run(args: Args, ctx: &mut Context) -> Result<()> {
    input::check_known(std::slice::from_ref(&args.event)).map_err(|error| {
        // trigger has samples only for the documented events.
        let hint = crate::events::suggest(&args.event)
            .map(|close| format!("did you mean `{close}`? (`erzyhooks events` lists them)"))
            .unwrap_or_else(|| "`erzyhooks events` lists them".into());
        error.with_hint(hint)
    })?;
    let url = input::check_http_url("--url", &args.url)?;
    let data = match &args.data {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Error::usage(format!("cannot read --data {}: {e}", path.display())))?;
            serde_json::from_str::<Value>(&text)
                .map_err(|e| Error::usage(format!("--data {} is not JSON: {e}", path.display())))?
        }
        None => payload::sample(&args.event)
            .ok_or_else(|| Error::internal(format!("no sample for {}", args.event)))?,
    };
    let secret = require_webhook_secret(args.secret_file.as_deref())?;

    let body = payload::body(&args.event, &data, &payload::now());
    let signed = signature::sign(&secret, &body);
    let timeout = Duration::from_secs(ctx.globals.timeout.unwrap_or(30));
    let (proxy, ca_certificates) = ctx.network()?;
    let deliverer = Deliverer::new(url.clone(), timeout, proxy.as_ref(), &ca_certificates)?;
    let delivered = deliverer.send_blocking(body, Some(&signed)).map_err(|e| {
        let unreachable = matches!(e, crate::api::Error::Network { .. });
        let error = Error::from(e);
        if unreachable {
            error.with_hint("is the receiver running? `erzyhooks listen` starts one")
        } else {
            error
        }
    })?;
    let millis = delivered.elapsed.as_millis();
    if !(200..300).contains(&delivered.status) {
        let mut error = Error::new(
            Exit::Refused,
            "RECEIVER_REFUSED",
            format!(
                "the receiver at {url} answered HTTP {} in {millis} ms",
                delivered.status
            ),
        );
        error.status = Some(delivered.status);
        if delivered.status == 401 {
            error.hint = Some("the receiver may hold another secret: a rotated secret signs from the next delivery on".into());
        }
        return Err(error);
    }
    if ctx.out.quiet {
        return Ok(());
    }
    if ctx.out.json() {
        return ctx.out.print_json(&json!({
            "event": args.event,
            "url": url.as_str(),
            "status": delivered.status,
            "ms": millis,
        }));
    }
    ctx.out.print_line(&format!(
        "{} {} answered {} in {millis} ms",
        escape_untrusted(&args.event),
        url,
        delivered.status
    ))
}
