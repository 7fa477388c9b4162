//! `erzyhooks config`: save a key, show the effective settings, print the file's path.

use std::io::{self, IsTerminal, Read};

use serde_json::{json, Map, Value};

use super::Context;
use crate::config::{self, config_error, read_config_text, Source, DEFAULT_PROFILE};
use crate::error::{Error, Exit, Result};
use crate::secret::Secret;

/// Save an API key, show the effective settings
///
/// The config file keeps API keys and API URLs per profile (TOML, mode 0600). `set-key` writes
/// it; `show` says which key, URL, profile and output format a command would use, and where each
/// comes from; `path` prints where the file is.
#[derive(Debug, clap::Subcommand)]
#[command(after_help = "Examples:
  erzyhooks config set-key
  erzyhooks config show
  erzyhooks --profile staging config show -o json")]
pub enum Command {
    /// Save an API key in the config file
    ///
    /// Reads the key from stdin when it is piped, or asks for it (without echo) on a terminal.
    /// Only its form is checked (ek_live_… or ek_test_…); the API is not called. The file is
    /// written atomically with mode 0600 in a 0700 directory.
    #[command(after_help = "Examples:
  erzyhooks config set-key
  erzyhooks config set-key --profile staging < staging-key.txt
  pass show erzycall | erzyhooks config set-key")]
    SetKey,

    /// Show the effective settings and where each comes from
    ///
    /// Each setting with its source: a flag, an environment variable, the config file (and
    /// profile), or the default. The key is masked.
    #[command(after_help = "Examples:
  erzyhooks config show
  erzyhooks --profile staging config show -o json")]
    Show,

    /// Print the config file's path
    #[command(after_help = "Examples:
  erzyhooks config path
  $EDITOR \"$(erzyhooks config path)\"")]
    Path,
}

pub fn run(command: Command, ctx: &mut Context) -> Result<()> {
    match command {
        Command::SetKey => set_key(ctx),
        Command::Show => show(ctx),
        Command::Path => {
            let path = config::config_path(&ctx.globals).ok_or_else(no_config_dir)?;
            if ctx.out.json() {
                return ctx
                    .out
                    .print_json(&json!({"path": path.value, "source": path.source.to_string()}));
            }
            ctx.out.print_line(&path.value.display().to_string())
        }
    }
}

fn no_config_dir() -> Error {
    Error::usage("cannot tell where the config file goes (no home directory)")
        .with_hint("pass --config FILE or set ERZYHOOKS_CONFIG")
}

fn set_key(ctx: &mut Context) -> Result<()> {
    let path = config::config_path(&ctx.globals)
        .ok_or_else(no_config_dir)?
        .value;
    // A config kept elsewhere and linked here (dotfile managers do this) is updated where it is.
    let path = std::fs::canonicalize(&path).unwrap_or(path);
    // Read and parse the existing file before asking, so a broken file is reported first and
    // never overwritten. The file is edited in place: comments and layout are kept.
    let mut document: toml_edit::DocumentMut = match read_config_text(&path)? {
        Some(text) if !text.trim().is_empty() => {
            text.parse().map_err(|e: toml_edit::TomlError| {
                config_error(
                    &path,
                    e.message().lines().next().unwrap_or("not valid TOML"),
                )
            })?
        }
        _ => toml_edit::DocumentMut::new(),
    };
    let key = read_key()?;
    check_key_form(&key)?;

    let profile = match (&ctx.globals.profile, std::env::var(config::ENV_PROFILE)) {
        (Some(profile), _) => profile.clone(),
        (None, Ok(profile)) if !profile.trim().is_empty() => profile,
        _ => document
            .get("default_profile")
            .and_then(|v| v.as_str())
            .unwrap_or(DEFAULT_PROFILE)
            .to_owned(),
    };
    let profiles = document.entry("profiles").or_insert_with(|| {
        let mut table = toml_edit::Table::new();
        table.set_implicit(true);
        toml_edit::Item::Table(table)
    });
    let Some(profiles) = profiles.as_table_like_mut() else {
        return Err(config_error(&path, "`profiles` is not a table"));
    };
    let section = profiles
        .entry(&profile)
        .or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new()));
    let Some(section) = section.as_table_like_mut() else {
        return Err(config_error(
            &path,
            &format!("`profiles.{profile}` is not a table"),
        ));
    };
    section.insert("api_key", toml_edit::value(key.expose()));

    let text = document.to_string();
    crate::files::write_private(&path, text.as_bytes()).map_err(|e| {
        Error::new(
            Exit::Usage,
            "CONFIG",
            format!("cannot write the config file {}: {e}", path.display()),
        )
    })?;
    ctx.status(&format!(
        "Saved API key {} for profile `{profile}` in {}.",
        key.masked(),
        path.display()
    ));
    Ok(())
}

/// The key from a hidden prompt on a terminal, or from stdin when it is piped.
fn read_key() -> Result<Secret> {
    let text = if io::stdin().is_terminal() {
        let typed = rpassword::prompt_password("ErzyCall API key: ")
            .map_err(|e| Error::usage(format!("cannot read the key: {e}")));
        if typed.is_err() {
            // Ctrl-D: end the prompt's line before the message.
            eprintln!();
        }
        typed?
    } else {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Error::usage(format!("cannot read the key from stdin: {e}")))?;
        text
    };
    let key = Secret::trimmed(&text);
    if key.is_empty() {
        return Err(Error::usage("no key given; nothing was saved")
            .with_hint("type or paste the key at the prompt, or pipe it in: erzyhooks config set-key < key.txt"));
    }
    Ok(Secret::new(key))
}

/// `ek_live_…` or `ek_test_…`, with nothing that cannot go in a header.
fn check_key_form(key: &Secret) -> Result<()> {
    let text = key.expose();
    let rest = text
        .strip_prefix("ek_live_")
        .or_else(|| text.strip_prefix("ek_test_"));
    match rest {
        Some(rest) if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_graphic()) => Ok(()),
        _ => Err(Error::usage(
            "that does not look like an ErzyCall API key (expected ek_live_… or ek_test_…); nothing was saved",
        )),
    }
}

fn show(ctx: &mut Context) -> Result<()> {
    let settings = ctx.settings()?;
    // A key that cannot be sent is shown as a problem, not a failure: this is where people look.
    let (key, key_problem) = match settings.api_key() {
        Ok(key) => (key, None),
        Err(error) => (None, Some(error.message)),
    };
    let url = settings.api_url();
    let output = settings.output()?;
    let config_path = settings.config_path.clone();
    let profile = settings.profile.clone();

    let mut rows: Vec<(&str, String, String)> = vec![
        ("profile", profile.value.clone(), profile.source.to_string()),
        match &config_path {
            Some(path) => (
                "config",
                path.value.display().to_string(),
                path.source.to_string(),
            ),
            None => ("config", "-".into(), "-".into()),
        },
        match (&key, &key_problem) {
            (Some(key), _) => ("api_key", key.value.masked(), key.source.to_string()),
            (None, Some(problem)) => ("api_key", format!("(unusable: {problem})"), "-".into()),
            (None, None) => ("api_key", "(not set)".into(), "-".into()),
        },
    ];
    rows.push(match &url {
        Ok(url) => ("api_url", url.value.to_string(), url.source.to_string()),
        Err(error) => (
            "api_url",
            format!("(invalid: {})", error.message),
            "-".into(),
        ),
    });
    rows.push((
        "output",
        format!("{:?}", output.value).to_lowercase(),
        output.source.to_string(),
    ));

    if ctx.out.json() {
        let mut map = Map::new();
        for (name, value, source) in &rows {
            let value = if *name == "api_key" && key.is_none() && key_problem.is_none() {
                Value::Null
            } else {
                Value::String(value.clone())
            };
            let source = if source == "-" {
                Value::Null
            } else {
                Value::String(source.clone())
            };
            map.insert((*name).into(), json!({"value": value, "source": source}));
        }
        return ctx.out.print_json(&Value::Object(map));
    }
    let table_rows = rows
        .into_iter()
        .map(|(name, value, source)| vec![name.to_owned(), value, source])
        .collect();
    ctx.out
        .print_rows(&["SETTING", "VALUE", "SOURCE"], table_rows)?;
    if matches!(config_path.map(|p| p.source), Some(Source::Default)) && key.is_none() {
        ctx.status("No API key yet: save one with `erzyhooks config set-key`.");
    }
    Ok(())
}
