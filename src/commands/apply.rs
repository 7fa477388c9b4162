//! `erzyhooks apply -f FILE`: make the organization's endpoints match a file, after showing the
//! plan.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::{confirm, write_secret_file, Context};
use crate::api::{CreateEndpoint, UpdateEndpoint};
use crate::error::{Error, Exit, Result};
use crate::output::escape_untrusted;
use crate::plan::{self, Action, Step, MAX_ENDPOINTS};
use crate::secret::Secret;

/// Make the endpoints match a file
///
/// FILE (JSON or TOML by extension, `-` for JSON on stdin) lists the wanted endpoints, as a bare
/// array or as {"endpoints": [...]} ([[endpoints]] tables in TOML). Each has `url` (its
/// identity), `events`, and optionally `description` (left as it is when absent, "" clears it)
/// and `isActive` (true when absent); `id`, `createdAt` and `secret` are ignored, so the output of
/// `erzyhooks list -o json` is a valid file. The current endpoints are read once and a plan is
/// shown: create, update (old → new), unchanged, and with --prune, delete. Without --dry-run it
/// asks before applying on a terminal, and needs --yes without one.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  erzyhooks list -o json > endpoints.json
  erzyhooks apply -f endpoints.json --dry-run
  erzyhooks apply -f endpoints.toml --prune --yes --secrets-dir secrets/
  erzyhooks apply -f endpoints.json --dry-run --exit-code   # exit 1 when out of sync")]
pub struct Args {
    /// The wanted endpoints: a .json or .toml file, or - for JSON on stdin
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: String,

    /// Show the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Also delete endpoints whose URL is not in the file
    #[arg(long)]
    pub prune: bool,

    /// Do not ask for confirmation
    #[arg(short, long)]
    pub yes: bool,

    /// Write each created endpoint's secret to DIR/<id>.secret (mode 0600) instead of printing it
    #[arg(long, value_name = "DIR")]
    pub secrets_dir: Option<PathBuf>,

    /// With --dry-run: exit 1 when the plan has changes ("is it in sync?")
    #[arg(long, requires = "dry_run")]
    pub exit_code: bool,

    /// Accept events this version does not know yet
    #[arg(long)]
    pub allow_unknown_events: bool,
}

/// What became of a step.
enum Outcome {
    Pending,
    Done,
    Failed(Box<Error>),
    NotRun,
}

pub fn run(args: Args, ctx: &mut Context) -> Result<()> {
    let document = read_document(&args.file)?;
    let (wanted, notes) = plan::parse(&document, args.allow_unknown_events)?;
    for note in notes {
        ctx.status(&note);
    }
    if let Some(dir) = &args.secrets_dir {
        check_secrets_dir(dir)?;
    }
    let client = ctx.client()?;
    let current = client.list()?;
    let mut steps = plan::plan(&wanted, &current, args.prune);
    let ending = plan::end_count(&steps);
    if ending > MAX_ENDPOINTS {
        let kept = steps
            .iter()
            .filter(|s| s.action == Action::Unchanged && s.wanted.is_none())
            .count();
        let mut error = Error::usage(format!(
            "applying would leave {ending} endpoints; an organization has at most {MAX_ENDPOINTS}; nothing was changed"
        ));
        if kept > 0 && !args.prune {
            error = error.with_hint(format!(
                "{kept} endpoint(s) not in the file would stay: add them to the file, or pass --prune to delete them"
            ));
        }
        return Err(error);
    }
    let changes = steps
        .iter()
        .filter(|s| s.action != Action::Unchanged)
        .count();
    let creates = steps.iter().any(|s| s.action == Action::Create);
    if creates && ctx.out.quiet && args.secrets_dir.is_none() && !args.dry_run {
        return Err(Error::usage(
            "-q prints nothing, and the secrets of created endpoints are shown only once: add --secrets-dir DIR",
        ));
    }
    let mut outcomes: Vec<Outcome> = steps.iter().map(|_| Outcome::Pending).collect();

    if !ctx.out.json() && !ctx.out.quiet {
        print_plan(ctx, &steps)?;
    }
    ctx.status(&summary(&steps));
    if changes == 0 || args.dry_run {
        if ctx.out.json() {
            print_document(ctx, &steps, None, false, &[])?;
        }
        if changes == 0 {
            ctx.status("No changes: the endpoints match the file.");
        }
        if args.exit_code && changes > 0 {
            return Err(Error::new(
                Exit::CheckFailed,
                "CHANGES_PENDING",
                format!("{changes} change(s) pending"),
            ));
        }
        return Ok(());
    }
    confirm(&format!("Apply {changes} change(s)?"), args.yes)?;

    // Secrets to show (no --secrets-dir, or a file that could not be written).
    let mut shown: Vec<(String, String, Secret)> = Vec::new();
    let mut unwritten = 0;
    let mut failure: Option<usize> = None;
    for (index, step) in steps.iter_mut().enumerate() {
        if step.action == Action::Unchanged {
            outcomes[index] = Outcome::Done;
            continue;
        }
        if failure.is_some() {
            outcomes[index] = Outcome::NotRun;
            continue;
        }
        match apply_step(&client, step) {
            Ok(secret) => {
                ctx.status(&format!(
                    "{} {} {}",
                    past(&step.action),
                    step.id.as_deref().unwrap_or("-"),
                    escape_untrusted(&step.url)
                ));
                if let (Some(secret), Some(id)) = (secret, &step.id) {
                    let written = match &args.secrets_dir {
                        Some(dir) => {
                            let path = dir.join(format!("{id}.secret"));
                            match write_secret_file(&path, &secret) {
                                Ok(()) => {
                                    ctx.status(&format!("  its secret is in {}", path.display()));
                                    true
                                }
                                Err(error) => {
                                    // The endpoint exists and its secret cannot be read again.
                                    ctx.status(&format!(
                                        "warning: {}; showing it instead",
                                        error.message
                                    ));
                                    unwritten += 1;
                                    false
                                }
                            }
                        }
                        None => false,
                    };
                    if !written {
                        shown.push((id.clone(), step.url.clone(), secret));
                    }
                }
                outcomes[index] = Outcome::Done;
            }
            Err(error) => {
                outcomes[index] = Outcome::Failed(Box::new(error));
                failure = Some(index);
            }
        }
    }

    if ctx.out.json() {
        print_document(ctx, &steps, Some(&outcomes), true, &shown)?;
    } else if !shown.is_empty() {
        let rows = shown
            .iter()
            .map(|(id, url, secret)| {
                vec![
                    id.clone(),
                    escape_untrusted(url),
                    escape_untrusted(secret.expose()),
                ]
            })
            .collect();
        ctx.out.print_rows(&["ID", "URL", "SECRET"], rows)?;
    }
    if !shown.is_empty() {
        ctx.status("Save the signing secrets now: they will not be shown again.");
    }
    let Some(index) = failure else {
        if unwritten > 0 {
            return Err(Error::new(
                Exit::Internal,
                "SECRET_FILE",
                format!("applied, but {unwritten} secret(s) could not be written to --secrets-dir; they were printed instead"),
            ));
        }
        ctx.status("Applied.");
        return Ok(());
    };
    let done = outcomes
        .iter()
        .zip(&steps)
        .filter(|(o, s)| matches!(o, Outcome::Done) && s.action != Action::Unchanged)
        .count();
    let not_run = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::NotRun))
        .count();
    let Outcome::Failed(error) = std::mem::replace(&mut outcomes[index], Outcome::NotRun) else {
        return Err(Error::internal("a failed step without its error"));
    };
    let step = &steps[index];
    let mut error = *error;
    error.message = format!(
        "{} {} failed: {} ({done} change(s) made, {not_run} not tried)",
        step.action.name(),
        escape_untrusted(&step.url),
        error.message
    );
    let unknown_outcome = matches!(
        error.exit,
        Exit::Network | Exit::RateLimited | Exit::Interrupted
    );
    if step.action == Action::Create && unknown_outcome {
        error.hint = Some(format!(
            "the endpoint may have been created without its answer arriving: if `erzyhooks list` shows {}, its secret was never seen, so get a new one with `erzyhooks rotate-secret ID`; then run the same apply again to finish",
            escape_untrusted(&step.url)
        ));
    } else if error.hint.is_none() || unknown_outcome {
        error.hint =
            Some("run the same apply again to finish: it plans from what is there now".into());
    }
    Err(error)
}

/// A directory the secrets can be written to, tried before anything changes.
fn check_secrets_dir(dir: &Path) -> Result<()> {
    if !dir.exists() {
        return Err(Error::usage(format!(
            "--secrets-dir {} does not exist",
            dir.display()
        )));
    }
    if !dir.is_dir() {
        return Err(Error::usage(format!(
            "--secrets-dir {} is not a directory",
            dir.display()
        )));
    }
    let probe = dir.join(format!(".erzyhooks-probe-{}", std::process::id()));
    crate::files::write_private(&probe, b"")
        .and_then(|()| std::fs::remove_file(&probe))
        .map_err(|e| {
            Error::usage(format!(
                "--secrets-dir {} cannot be written: {e}",
                dir.display()
            ))
        })
}

/// The file as JSON: `.toml` files are read as TOML, everything else (and stdin) as JSON.
fn read_document(file: &str) -> Result<Value> {
    let name = if file == "-" { "stdin" } else { file };
    let text = if file == "-" {
        let bytes = super::read_input("-")?;
        String::from_utf8(bytes).map_err(|_| Error::usage("stdin is not UTF-8 text"))?
    } else {
        std::fs::read_to_string(file)
            .map_err(|e| Error::usage(format!("cannot read {file}: {e}")))?
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(Error::usage(format!("{name} is empty")).with_hint("an empty list is `[]`"));
    }
    let is_toml = Path::new(file)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if is_toml {
        let table: toml::Table = toml::from_str(text).map_err(|e| {
            Error::usage(format!(
                "{file} is not valid TOML: {}",
                crate::config::toml_reason(text, &e)
            ))
        })?;
        return serde_json::to_value(table).map_err(Error::internal);
    }
    serde_json::from_str(text).map_err(|e| {
        Error::usage(format!("{name} is not valid JSON: {e}"))
            .with_hint("files ending in .toml are read as TOML, everything else as JSON")
    })
}

/// Runs one step; a create gives back its secret.
fn apply_step(client: &crate::api::Client, step: &mut Step) -> Result<Option<Secret>> {
    match step.action {
        Action::Delete => {
            let id = step.id.clone().unwrap_or_default();
            client.delete(&id)?;
            Ok(None)
        }
        Action::Update => {
            let id = step.id.clone().unwrap_or_default();
            let mut patch = UpdateEndpoint::default();
            for change in &step.changes {
                match change.field {
                    "events" => patch.events = serde_json::from_value(change.new.clone()).ok(),
                    "description" => patch.description = change.new.as_str().map(str::to_owned),
                    "isActive" => patch.is_active = change.new.as_bool(),
                    _ => {}
                }
            }
            client.update(&id, &patch)?;
            Ok(None)
        }
        Action::Create => {
            let Some(wanted) = step.wanted.clone() else {
                return Err(Error::internal("a create step without its endpoint"));
            };
            let body = CreateEndpoint {
                url: wanted.url.clone(),
                events: wanted.events.clone(),
                description: wanted.description.clone().filter(|d| !d.is_empty()),
            };
            let key = uuid::Uuid::new_v4().to_string();
            let mut endpoint = client.create(&body, &key)?;
            step.id = Some(endpoint.id().to_owned());
            let secret = endpoint.take_secret();
            if !wanted.is_active {
                client.update(
                    endpoint.id(),
                    &UpdateEndpoint {
                        is_active: Some(false),
                        ..UpdateEndpoint::default()
                    },
                )?;
            }
            Ok(secret)
        }
        Action::Unchanged => Ok(None),
    }
}

fn past(action: &Action) -> &'static str {
    match action {
        Action::Create => "created",
        Action::Update => "updated",
        Action::Delete => "deleted",
        Action::Unchanged => "unchanged",
    }
}

fn summary(steps: &[Step]) -> String {
    let count = |action: Action| steps.iter().filter(|s| s.action == action).count();
    format!(
        "Plan: {} to create, {} to update, {} to delete, {} unchanged.",
        count(Action::Create),
        count(Action::Update),
        count(Action::Delete),
        count(Action::Unchanged)
    )
}

fn value_text(value: &Value) -> String {
    match value {
        Value::Null => "-".into(),
        Value::String(text) if text.is_empty() => "\"\"".into(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| i.to_string())
            })
            .collect::<Vec<_>>()
            .join(","),
        other => other.to_string(),
    }
}

/// `ACTION ID URL CHANGES`, one row per step.
fn print_plan(ctx: &Context, steps: &[Step]) -> Result<()> {
    let rows = steps
        .iter()
        .map(|step| {
            let changes = step
                .changes
                .iter()
                .map(|c| match step.action {
                    Action::Create => format!("{}: {}", c.field, value_text(&c.new)),
                    _ => format!(
                        "{}: {} → {}",
                        c.field,
                        value_text(&c.old),
                        value_text(&c.new)
                    ),
                })
                .collect::<Vec<_>>()
                .join("; ");
            let changes = if step.action == Action::Unchanged && step.wanted.is_none() {
                "not in the file: kept (--prune deletes it)".to_owned()
            } else if changes.is_empty() {
                "-".to_owned()
            } else {
                escape_untrusted(&changes)
            };
            vec![
                step.action.name().to_owned(),
                step.id
                    .clone()
                    .map(|id| escape_untrusted(&id))
                    .unwrap_or_else(|| "-".into()),
                escape_untrusted(&step.url),
                changes,
            ]
        })
        .collect();
    ctx.out
        .print_rows(&["ACTION", "ID", "URL", "CHANGES"], rows)
}

/// The plan as one JSON document: the steps, with their outcomes once applied, and the secrets
/// of created endpoints (outside the plan) when they were not written to files.
fn print_document(
    ctx: &Context,
    steps: &[Step],
    outcomes: Option<&[Outcome]>,
    applied: bool,
    secrets: &[(String, String, Secret)],
) -> Result<()> {
    let steps: Vec<Value> = steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let mut value = plan::step_json(step);
            if let Some(outcomes) = outcomes.filter(|_| step.action != Action::Unchanged) {
                let (outcome, error) = match &outcomes[index] {
                    Outcome::Done => ("done", Value::Null),
                    Outcome::Failed(error) => ("failed", error.to_json()["error"].clone()),
                    Outcome::NotRun | Outcome::Pending => ("not run", Value::Null),
                };
                value["outcome"] = json!(outcome);
                if !error.is_null() {
                    value["error"] = error;
                }
            }
            value
        })
        .collect();
    let changes = steps.iter().any(|s| s["action"] != json!("unchanged"));
    let mut document = json!({"changes": changes, "applied": applied, "steps": steps});
    if !secrets.is_empty() {
        document["secrets"] = secrets
            .iter()
            .map(|(id, url, secret)| json!({"id": id, "url": url, "secret": secret.expose()}))
            .collect();
    }
    ctx.out.print_json(&document)
}
