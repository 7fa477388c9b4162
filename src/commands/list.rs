//! `erzyhooks list`: every endpoint of the organization.

use serde_json::Value;

use super::Context;
use crate::error::Result;

/// List the organization's webhook endpoints
///
/// Shows every webhook endpoint the API key's organization has, as a table, as the API's JSON
/// (`-o json`, an array, `[]` when there are none) or as bare IDs (`-q`, one a line).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  erzyhooks list
  erzyhooks ls -o json | jq -r '.[] | select(.isActive) | .url'
  erzyhooks list -q | xargs -r -n1 erzyhooks get")]
pub struct Args {}

pub fn run(_args: Args, ctx: &mut Context) -> Result<()> {
    let client = ctx.client()?;
    let endpoints = client.list()?;
    if ctx.out.quiet {
        let ids: String = endpoints
            .iter()
            .map(|e| format!("{}\n", crate::output::escape_untrusted(e.id())))
            .collect();
        return crate::output::write_stdout(&ids);
    }
    if ctx.out.json() {
        let data: Vec<Value> = endpoints.iter().map(|e| e.to_json()).collect();
        return ctx.out.print_json(&Value::Array(data));
    }
    if endpoints.is_empty() {
        ctx.status(
            "No webhook endpoints yet. Create one with `erzyhooks create --url URL --event EVENT`.",
        );
        return Ok(());
    }
    ctx.out.print_endpoints(&endpoints)
}
