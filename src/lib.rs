//! erzyhooks: manage the webhook endpoints of an ErzyCall organization.
//!
//! Layers point down only: `cli` parses, `commands` check input and call `api`, `output` renders.
//! [`run`] is the whole program: it turns every outcome into one message and an exit code.

pub mod api;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod events;
pub mod files;
pub mod input;
pub mod output;
pub mod payload;
pub mod plan;
pub mod receiver;
pub mod secret;
pub mod signature;

use std::ffi::OsString;
use std::io::Write;

use clap::Parser;

use cli::{Cli, Command};
use commands::Context;
use error::{Error, Exit};
use output::Format;

/// Runs the tool with these arguments and returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> u8 {
    let args: Vec<OsString> = args.into_iter().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(error) => return clap_exit(error, wants_json(&args)),
    };
    let mut ctx = match Context::new(cli.globals.clone()) {
        Ok(ctx) => ctx,
        Err(error) => {
            let ctx = Context::fallback();
            report_error(&error, ctx.out.format);
            return error.exit as u8;
        }
    };
    let result = match cli.command {
        Command::List(args) => commands::list::run(args, &mut ctx),
        Command::Get(args) => commands::get::run(args, &mut ctx),
        Command::Create(args) => commands::create::run(args, &mut ctx),
        Command::Update(args) => commands::update::run(args, &mut ctx),
        Command::Delete(args) => commands::delete::run(args, &mut ctx),
        Command::RotateSecret(args) => commands::rotate_secret::run(args, &mut ctx),
        Command::Apply(args) => commands::apply::run(args, &mut ctx),
        Command::Events(args) => commands::events::run(args, &mut ctx),
        Command::Sign(args) => commands::sign::run(args, &mut ctx),
        Command::Verify(args) => commands::verify::run(args, &mut ctx),
        Command::Listen(args) => commands::listen::run(args, &mut ctx),
        Command::Trigger(args) => commands::trigger::run(args, &mut ctx),
        Command::Config(command) => commands::config::run(command, &mut ctx),
        Command::Completions(args) => commands::completions::run(args, &mut ctx),
        Command::Man(args) => commands::man::run(args, &mut ctx),
    };
    match result {
        Ok(()) => Exit::Success as u8,
        Err(error) if error.exit == Exit::Success => Exit::Success as u8,
        Err(error) if error.reported => error.exit as u8,
        Err(error) => {
            report_error(&error, ctx.out.format);
            error.exit as u8
        }
    }
}

/// Prints an error on stderr: text for people, one JSON object with `-o json`.
pub fn report_error(error: &Error, format: Format) {
    let text = match format {
        Format::Json => error.to_json().to_string(),
        Format::Table => error.to_text(),
    };
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// clap's own messages: help and version on stdout (exit 0), usage errors on stderr (exit 2),
/// as one JSON object when JSON output was asked for.
fn clap_exit(error: clap::Error, json: bool) -> u8 {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            Exit::Success as u8
        }
        _ if json => {
            let rendered = error.render().to_string();
            // clap's text up to its usage block, as one line.
            let message = rendered
                .lines()
                .take_while(|line| !line.starts_with("Usage:"))
                .map(str::trim)
                .filter(|line| !line.is_empty() && !line.starts_with("For more information"))
                .collect::<Vec<_>>()
                .join(" ");
            let message = message.trim_start_matches("error: ").to_owned();
            report_error(&Error::usage(message), Format::Json);
            Exit::Usage as u8
        }
        _ => {
            let _ = error.print();
            Exit::Usage as u8
        }
    }
}

/// Whether the raw arguments (or `ERZYHOOKS_OUTPUT`) ask for JSON, for errors found before the
/// arguments could be parsed.
fn wants_json(args: &[OsString]) -> bool {
    let mut previous: Option<&str> = None;
    for arg in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if arg == "--" {
            break;
        }
        let json = arg == "--json"
            || arg == "--output=json"
            || arg == "-ojson"
            || (arg == "json" && matches!(previous, Some("-o" | "--output")));
        if json {
            return true;
        }
        previous = Some(arg);
    }
    std::env::var(config::ENV_OUTPUT).is_ok_and(|v| v.trim().eq_ignore_ascii_case("json"))
}
