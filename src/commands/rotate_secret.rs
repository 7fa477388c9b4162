//! `erzyhooks rotate-secret ID`: a new signing secret; the old one stops working at once.

use std::path::PathBuf;

use serde_json::json;

use super::{check_secret_file, confirm, write_secret_file, Context};
use crate::error::{Error, Result};
use crate::input;

/// Replace an endpoint's signing secret
///
/// The old secret stops working at once, so deliveries fail verification until the receiver has
/// the new one. Asks first on a terminal; --yes skips the question and is required without one.
/// If the answer is lost and the command is retried, the secret may be rotated twice: the secret
/// printed is always the valid one.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  erzyhooks rotate-secret wh_123
  erzyhooks rotate-secret wh_123 --yes --secret-file receiver.secret
  erzyhooks rotate-secret wh_123 --yes -o json | jq -r .secret")]
pub struct Args {
    /// Endpoint ID (wh_…)
    pub id: String,

    /// Do not ask for confirmation
    #[arg(short, long)]
    pub yes: bool,

    /// Write the new secret to FILE (mode 0600) instead of printing it
    #[arg(long, value_name = "FILE")]
    pub secret_file: Option<PathBuf>,
}

pub fn run(args: Args, ctx: &mut Context) -> Result<()> {
    input::check_id(&args.id)?;
    match &args.secret_file {
        Some(path) => check_secret_file(path)?,
        None if ctx.out.quiet => {
            return Err(Error::usage(
                "-q prints nothing, and the new secret is shown only once: add --secret-file FILE",
            ))
        }
        None => {}
    }
    let client = ctx.client()?;
    confirm(
        &format!(
            "Rotate the signing secret of {}? The old secret stops working at once.",
            args.id
        ),
        args.yes,
    )?;
    let secret = client.rotate_secret(&args.id)?;

    if let Some(path) = &args.secret_file {
        if let Err(error) = write_secret_file(path, &secret) {
            ctx.out
                .print_json(&json!({"id": args.id, "secret": secret.expose()}))?;
            return Err(error);
        }
        ctx.status(&format!(
            "Wrote the new signing secret to {}.",
            path.display()
        ));
        if ctx.out.json() && !ctx.out.quiet {
            ctx.out.print_json(&json!({"id": args.id}))?;
        }
        return Ok(());
    }
    if ctx.out.json() {
        ctx.out
            .print_json(&json!({"id": args.id, "secret": secret.expose()}))?;
    } else {
        ctx.out.print_fields(&[
            ("ID", args.id.clone()),
            ("SECRET", crate::output::escape_untrusted(secret.expose())),
        ])?;
    }
    ctx.status("Save the new signing secret now: it will not be shown again.");
    Ok(())
}
