//! `erzyhooks sign`: the signature ErzyCall would send with a payload.

use std::path::PathBuf;

use serde_json::json;

use super::{read_input, require_webhook_secret, Context};
use crate::error::Result;
use crate::signature;

/// Sign a payload as ErzyCall would
///
/// Prints the X-Webhook-Signature value (`sha256=<hex>`) for the raw bytes of FILE (or stdin):
/// the HMAC-SHA256 of exactly those bytes, keyed with the endpoint's whole `whsec_…` secret. The
/// secret comes from --secret-file or ERZYHOOKS_WEBHOOK_SECRET, never from an argument.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  erzyhooks sign --secret-file hook.secret payload.json
  printf '%s' \"$BODY\" | ERZYHOOKS_WEBHOOK_SECRET=\"$SECRET\" erzyhooks sign
  curl -H \"X-Webhook-Signature: $(erzyhooks sign --secret-file s payload.json)\" --data-binary @payload.json http://127.0.0.1:3000/hook")]
pub struct Args {
    /// The payload: a file, or - for stdin
    #[arg(default_value = "-", value_name = "FILE")]
    pub input: String,

    /// The endpoint's signing secret, in a file
    #[arg(long, value_name = "FILE")]
    pub secret_file: Option<PathBuf>,
}

pub fn run(args: Args, ctx: &mut Context) -> Result<()> {
    let secret = require_webhook_secret(args.secret_file.as_deref())?;
    let body = read_input(&args.input)?;
    let value = signature::sign(&secret, &body);
    if ctx.out.json() {
        return ctx.out.print_json(&json!({ "signature": value }));
    }
    ctx.out.print_line(&value)
}
