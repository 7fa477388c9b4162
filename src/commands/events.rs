//! `erzyhooks events`: the event types an endpoint can subscribe to. Needs no key and no network.

use serde_json::json;

use super::Context;
use crate::error::Result;
use crate::events::EVENTS;

/// List the event types an endpoint can subscribe to
///
/// The events ErzyCall documents, with what triggers each. Works offline, without a key.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  erzyhooks events
  erzyhooks events -q | grep '^call\\.'")]
pub struct Args {}

pub fn run(_args: Args, ctx: &mut Context) -> Result<()> {
    if ctx.out.quiet {
        let names: String = EVENTS.iter().map(|(name, _)| format!("{name}\n")).collect();
        return crate::output::write_stdout(&names);
    }
    if ctx.out.json() {
        let events: Vec<_> = EVENTS
            .iter()
            .map(|(name, trigger)| json!({"name": name, "description": trigger}))
            .collect();
        return ctx.out.print_json(&json!(events));
    }
    let rows = EVENTS
        .iter()
        .map(|(name, trigger)| vec![name.to_string(), trigger.to_string()])
        .collect();
    ctx.out.print_rows(&["EVENT", "TRIGGER"], rows)
}
