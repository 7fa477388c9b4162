//! `erzyhooks update ID`: changes only what was given (a PATCH).

use super::{find, Context};
use crate::api::UpdateEndpoint;
use crate::error::{Error, Result};
use crate::input;

/// Change a webhook endpoint
///
/// Sends only the fields given. --events replaces the whole subscription list; --add-event and
/// --remove-event change it relative to what the endpoint has now (read first).
/// --description "" clears the description.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  erzyhooks update wh_123 --url https://example.com/new-hooks
  erzyhooks update wh_123 --events call.ended,call.failed
  erzyhooks update wh_123 --add-event contact.created --remove-event call.failed
  erzyhooks update wh_123 --disable")]
pub struct Args {
    /// Endpoint ID (wh_…)
    pub id: String,

    /// New HTTPS URL for the deliveries
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// Replace the subscribed events (comma-separated or repeated)
    #[arg(long, visible_alias = "event", value_name = "EVENTS", value_delimiter = ',', conflicts_with_all = ["add_event", "remove_event"], value_parser = crate::cli::EventNameParser, hide_possible_values = true)]
    pub events: Option<Vec<String>>,

    /// Subscribe to one more event (repeatable)
    #[arg(long, value_name = "EVENT", value_delimiter = ',', value_parser = crate::cli::EventNameParser, hide_possible_values = true)]
    pub add_event: Vec<String>,

    /// Unsubscribe from an event (repeatable)
    #[arg(long, value_name = "EVENT", value_delimiter = ',', value_parser = crate::cli::EventNameParser, hide_possible_values = true)]
    pub remove_event: Vec<String>,

    /// New description ("" clears it)
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    /// Turn deliveries on
    #[arg(long, conflicts_with = "disable")]
    pub enable: bool,

    /// Turn deliveries off (the endpoint and its secret stay)
    #[arg(long)]
    pub disable: bool,

    /// Send events this version does not know yet
    #[arg(long)]
    pub allow_unknown_events: bool,
}

pub fn run(args: Args, ctx: &mut Context) -> Result<()> {
    input::check_id(&args.id)?;
    let mut patch = UpdateEndpoint {
        url: args.url.as_deref().map(input::check_url).transpose()?,
        events: args
            .events
            .as_deref()
            .map(|events| input::check_events(events, args.allow_unknown_events))
            .transpose()?,
        description: args.description.clone(),
        is_active: match (args.enable, args.disable) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        },
    };
    if let Some(description) = &patch.description {
        input::check_description(description)?;
    }
    if !args.allow_unknown_events {
        input::check_known(&args.add_event)?;
    }
    let relative = !args.add_event.is_empty() || !args.remove_event.is_empty();
    if patch.is_empty() && !relative {
        return Err(Error::usage("nothing to update").with_hint(
            "give at least one of --url, --events, --add-event, --remove-event, --description, --enable, --disable",
        ));
    }
    if let Some(both) = args.add_event.iter().find(|added| {
        args.remove_event
            .iter()
            .any(|removed| removed.trim() == added.trim())
    }) {
        return Err(Error::usage(format!(
            "{} is both added and removed; give it to only one of --add-event and --remove-event",
            crate::output::escape_untrusted(both)
        )));
    }

    let client = ctx.client()?;
    if relative {
        let current = find(client.list()?, &args.id)?;
        let before = current.events();
        let mut events = before.clone();
        for name in &args.remove_event {
            let name = name.trim();
            if !events.iter().any(|e| e == name) {
                let mut note = format!(
                    "note: {} is not subscribed to {}",
                    args.id,
                    crate::output::escape_untrusted(name)
                );
                if let Some(close) =
                    crate::events::suggest(name).filter(|c| before.iter().any(|e| e == c))
                {
                    note.push_str(&format!(" (did you mean `{close}`?)"));
                }
                ctx.status(&note);
            }
            events.retain(|e| e != name);
        }
        for name in &args.add_event {
            let name = name.trim().to_owned();
            if !events.contains(&name) {
                events.push(name);
            }
        }
        if events.is_empty() {
            return Err(Error::usage(format!(
                "removing those events would leave {} with none; an endpoint needs at least one (use --disable or `erzyhooks delete`)",
                args.id
            )));
        }
        if events.len() > input::MAX_EVENTS {
            return Err(Error::usage(format!(
                "{} would have {} events; an endpoint takes at most {}",
                args.id,
                events.len(),
                input::MAX_EVENTS
            )));
        }
        if events == before && patch.is_empty() {
            // Nothing would change: say so, and send nothing.
            ctx.status(&format!(
                "{} already has these events; nothing to change",
                args.id
            ));
            return show(ctx, &current);
        }
        // Events the server already had are kept even if this version does not know them.
        patch.events = Some(events);
    }

    let endpoint = client.update(&args.id, &patch)?;
    show(ctx, &endpoint)
}

fn show(ctx: &Context, endpoint: &crate::api::Endpoint) -> Result<()> {
    if ctx.out.quiet {
        return Ok(());
    }
    if ctx.out.json() {
        return ctx.out.print_json(&endpoint.to_json());
    }
    ctx.out.print_endpoint(endpoint, None)
}
