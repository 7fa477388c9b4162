//! `erzyhooks delete ID…`: removes endpoints for good, after asking.

use serde_json::{json, Value};

use super::{confirm, Context};
use crate::error::{Error, Result};
use crate::input;

/// Delete webhook endpoints
///
/// Deletes each ID for good; deliveries still pending for it are cancelled. On a terminal it asks
/// first; --yes skips the question, and without a terminal --yes is required (exit 2, nothing
/// deleted). Every ID is tried and reported; the exit code is the first failure's.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  erzyhooks delete wh_123
  erzyhooks delete wh_123 wh_456 --yes
  erzyhooks list -q | xargs -r erzyhooks delete --yes")]
pub struct Args {
    /// Endpoint IDs (wh_…)
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,

    /// Do not ask for confirmation
    #[arg(short, long)]
    pub yes: bool,
}

pub fn run(args: Args, ctx: &mut Context) -> Result<()> {
    let mut ids: Vec<&str> = Vec::new();
    for id in &args.ids {
        input::check_id(id)?;
        if !ids.contains(&id.as_str()) {
            ids.push(id);
        }
    }
    let client = ctx.client()?;
    let question = match ids.as_slice() {
        [one] => format!("Delete webhook endpoint {one}? This cannot be undone."),
        many => format!(
            "Delete {} webhook endpoints ({})? This cannot be undone.",
            many.len(),
            many.join(", ")
        ),
    };
    confirm(&question, args.yes)?;

    let mut first_failure: Option<Error> = None;
    let mut report: Vec<Value> = Vec::new();
    for id in ids {
        match client.delete(id) {
            Ok(()) => {
                report.push(json!({"id": id, "deleted": true}));
                if !ctx.out.json() && !ctx.out.quiet {
                    ctx.out.print_line(&format!("deleted {id}"))?;
                }
            }
            Err(error) => {
                let mut error = Error::from(error);
                if !error.message.contains(id) {
                    error.message = format!("{id}: {}", error.message);
                }
                let mut entry = json!({"id": id, "deleted": false});
                entry["error"] = error.to_json()["error"].clone();
                report.push(entry);
                // Each failure is told as it happens, in order; the first decides the exit code.
                crate::report_error(&error, ctx.out.format);
                if first_failure.is_none() {
                    error.reported = true;
                    first_failure = Some(error);
                }
            }
        }
    }
    if ctx.out.json() && !ctx.out.quiet {
        ctx.out.print_json(&Value::Array(report))?;
    }
    match first_failure {
        Some(error) => Err(error),
        None => Ok(()),
    }
}
