//! `erzyhooks verify`: does a signature match a payload?

use std::path::PathBuf;

use serde_json::json;

use super::{read_input, require_webhook_secret, Context};
use crate::error::{Error, Exit, Result};
use crate::signature;

/// Check a delivery's signature
///
/// Exit 0 when --signature matches the raw bytes of FILE (or stdin) under the secret, 1 when it
/// does not, 2 when the value is not of the form `sha256=<64 hex digits>` (either case). The
/// comparison takes the same time however much of the signature is right.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  erzyhooks verify --secret-file hook.secret --signature \"$SIG\" body.json
  erzyhooks verify --signature sha256=3f2a… - < body.json && echo genuine")]
pub struct Args {
    /// The X-Webhook-Signature value received
    #[arg(long, value_name = "VALUE")]
    pub signature: String,

    /// The payload exactly as received: a file, or - for stdin
    #[arg(default_value = "-", value_name = "FILE")]
    pub input: String,

    /// The endpoint's signing secret, in a file
    #[arg(long, value_name = "FILE")]
    pub secret_file: Option<PathBuf>,
}

pub fn run(args: Args, ctx: &mut Context) -> Result<()> {
    signature::parse(&args.signature)
        .map_err(|_| Error::usage("--signature must be sha256= followed by 64 hex digits"))?;
    let secret = require_webhook_secret(args.secret_file.as_deref())?;
    let body = read_input(&args.input)?;
    let matches = signature::verify(&secret, &body, &args.signature).unwrap_or(false);
    if !matches {
        return Err(Error::new(
            Exit::CheckFailed,
            "SIGNATURE_MISMATCH",
            "the signature does not match this payload and secret",
        )
        .with_hint("sign the exact bytes received (not re-serialized JSON), with the endpoint's current secret"));
    }
    if ctx.out.json() {
        return ctx.out.print_json(&json!({ "verified": true }));
    }
    ctx.status("signature matches");
    Ok(())
}
