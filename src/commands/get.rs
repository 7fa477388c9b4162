//! `erzyhooks get ID`: one endpoint, found in the list (the API has no single GET).

use super::{find, Context};
use crate::error::Result;
use crate::input;

/// Show one webhook endpoint
///
/// The API has no call for a single endpoint, so this reads the list and picks the ID; an unknown
/// ID exits with 4. With `-q` it prints nothing and only the exit code tells whether it exists.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  erzyhooks get wh_123
  erzyhooks get wh_123 -o json | jq .isActive
  erzyhooks get wh_123 -q && echo exists")]
pub struct Args {
    /// Endpoint ID (wh_…)
    pub id: String,
}

pub fn run(args: Args, ctx: &mut Context) -> Result<()> {
    input::check_id(&args.id)?;
    let client = ctx.client()?;
    let endpoint = find(client.list()?, &args.id)?;
    if ctx.out.quiet {
        return Ok(());
    }
    if ctx.out.json() {
        return ctx.out.print_json(&endpoint.to_json());
    }
    ctx.out.print_endpoint(&endpoint, None)
}
