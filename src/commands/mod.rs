//! One module per command: its clap `Args` and one `run`. Commands check their input, ask the API
//! client, and hand the result to `output`; they never touch HTTP themselves.

pub mod apply;
pub mod completions;
pub mod config;
pub mod create;
pub mod delete;
pub mod events;
pub mod get;
pub mod list;
pub mod listen;
pub mod man;
pub mod rotate_secret;
pub mod sign;
pub mod trigger;
pub mod update;
pub mod verify;

use std::io::{self, BufRead, IsTerminal, Write};
use std::time::Duration;

use crate::api::{Client, ClientOptions, Endpoint};
use crate::cli::Globals;
use crate::config::{early_format, Settings};
use crate::error::{Error, Exit, Result};
use crate::output::{ColorChoice, Format, Output};

const DEFAULT_TIMEOUT_SECS: u64 = 30;
const DEFAULT_RETRIES: u32 = 3;

/// What a command needs from the run: its options, its output, and (on demand) settings and a
/// client.
pub struct Context {
    pub globals: Globals,
    pub out: Output,
    settings: Option<Settings>,
}

impl Context {
    /// Settles the output format from flags and environment; nothing is read from disk yet.
    pub fn new(globals: Globals) -> Result<Context> {
        let format = early_format(&globals)?
            .map(|f| f.value)
            .unwrap_or(Format::Table);
        let out = Output::new(format, globals.quiet, globals.color);
        Ok(Context {
            globals,
            out,
            settings: None,
        })
    }

    /// Like `new`, for when the flags could not even be parsed.
    pub fn fallback() -> Context {
        let globals = Globals::default();
        Context {
            out: Output::new(Format::Table, false, ColorChoice::Auto),
            globals,
            settings: None,
        }
    }

    /// Reads the config file (once) and applies its output setting.
    pub fn settings(&mut self) -> Result<&Settings> {
        if self.settings.is_none() {
            let settings = Settings::load(&self.globals)?;
            self.out.format = settings.output()?.value;
            self.settings = Some(settings);
        }
        self.settings
            .as_ref()
            .ok_or_else(|| Error::internal("settings were not loaded"))
    }

    /// A client for the API: the URL is checked (exit 2), then the key must exist (exit 3).
    pub fn client(&mut self) -> Result<Client> {
        let verbose = self.globals.verbose;
        let timeout = Duration::from_secs(self.globals.timeout.unwrap_or(DEFAULT_TIMEOUT_SECS));
        let retries = self.globals.retries.unwrap_or(DEFAULT_RETRIES);
        let (proxy, ca_certificates) = self.network()?;
        let settings = self.settings()?;
        let base_url = settings.api_url()?.value;
        let api_key = settings.require_api_key()?.value;
        Ok(Client::new(ClientOptions {
            base_url,
            api_key,
            timeout,
            retries,
            verbose,
            show_waits: io::stderr().is_terminal(),
            proxy,
            ca_certificates,
        })?)
    }

    /// `--proxy` and the `--ca-cert` file's contents, checked.
    pub fn network(&self) -> Result<(Option<crate::api::Url>, Vec<Vec<u8>>)> {
        let proxy = self
            .globals
            .proxy
            .as_deref()
            .map(|text| crate::input::check_http_url("--proxy", text))
            .transpose()?;
        let ca_certificates = match &self.globals.ca_cert {
            Some(path) => vec![std::fs::read(path).map_err(|e| {
                Error::usage(format!("cannot read --ca-cert {}: {e}", path.display()))
            })?],
            None => Vec::new(),
        };
        Ok((proxy, ca_certificates))
    }

    /// A message for people, on stderr (never with `-q`).
    pub fn status(&self, message: &str) {
        if !self.out.quiet {
            let _ = writeln!(io::stderr().lock(), "{message}");
        }
    }
}

/// Asks before something that cannot be undone. `--yes` skips the question; without a terminal
/// to ask on, the answer is no (exit 2) and nothing changes.
pub fn confirm(question: &str, yes: bool) -> Result<()> {
    if yes {
        return Ok(());
    }
    if !io::stdin().is_terminal() || !io::stderr().is_terminal() {
        return Err(Error::new(
            Exit::Usage,
            "CONFIRMATION_REQUIRED",
            "confirmation required, but there is no terminal to ask on; nothing was changed",
        )
        .with_hint("pass --yes to confirm"));
    }
    {
        let mut stderr = io::stderr().lock();
        let _ = write!(stderr, "{question} [y/N] ");
        let _ = stderr.flush();
    }
    let (read, answer) = read_answer()?;
    if read == 0 {
        // Ctrl-D: end the prompt's line before the message.
        let _ = writeln!(io::stderr());
    }
    if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        Err(Error::new(
            Exit::Usage,
            "CONFIRMATION_REQUIRED",
            "not confirmed; nothing was changed",
        ))
    }
}

/// One line from the terminal, or exit 130 on Ctrl-C. Once a request has run, Ctrl-C is caught
/// (to report what a create may have done), so the prompt listens for it as well.
fn read_answer() -> Result<(usize, String)> {
    let interrupted = || {
        let _ = writeln!(io::stderr());
        Error::new(
            Exit::Interrupted,
            "INTERRUPTED",
            "interrupted; nothing was changed",
        )
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(Error::internal)?;
    runtime.block_on(async {
        let (sender, receiver) = tokio::sync::oneshot::channel();
        std::thread::spawn(move || {
            let mut answer = String::new();
            let read = io::stdin().lock().read_line(&mut answer);
            let _ = sender.send(read.map(|n| (n, answer)));
        });
        tokio::select! {
            read = receiver => match read {
                Ok(Ok(answer)) => Ok(answer),
                Ok(Err(e)) => Err(Error::internal(format!("cannot read the answer: {e}"))),
                Err(_) => Err(interrupted()),
            },
            _ = tokio::signal::ctrl_c() => Err(interrupted()),
        }
    })
}

/// Finds one endpoint in the list (the API has no single GET).
pub fn find(endpoints: Vec<Endpoint>, id: &str) -> Result<Endpoint> {
    endpoints
        .into_iter()
        .find(|e| e.id() == id)
        .ok_or_else(|| not_found(id))
}

pub fn not_found(id: &str) -> Error {
    Error::new(
        Exit::NotFound,
        "NOT_FOUND",
        format!(
            "webhook endpoint {} not found",
            crate::output::escape_untrusted(id)
        ),
    )
    .with_hint("`erzyhooks list` shows the endpoints this key can see")
}

/// Writes a signing secret to the file the user named, private from the start.
pub fn write_secret_file(path: &std::path::Path, secret: &crate::secret::Secret) -> Result<()> {
    crate::files::write_private(path, secret.expose().as_bytes()).map_err(|e| {
        Error::new(
            Exit::Internal,
            "SECRET_FILE",
            format!("cannot write the secret to {}: {e}", path.display()),
        )
    })
}

/// Fails early (before any request) when the secret could not be written where asked.
pub fn check_secret_file(path: &std::path::Path) -> Result<()> {
    if path.is_dir() {
        return Err(Error::usage(format!(
            "--secret-file {} is a directory",
            path.display()
        )));
    }
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => Err(Error::usage(format!(
            "--secret-file {}: the directory {} does not exist",
            path.display(),
            dir.display()
        ))),
        _ => Ok(()),
    }
}

/// Where the webhook secret for `sign`, `verify`, `listen` and `trigger` comes from: never an
/// argument (it would show in `ps` and in shell history).
pub const ENV_WEBHOOK_SECRET: &str = "ERZYHOOKS_WEBHOOK_SECRET";

/// The webhook signing secret from `--secret-file` or `ERZYHOOKS_WEBHOOK_SECRET`, if given.
/// A file is read exactly as `create --secret-file` writes it (surrounding whitespace ignored).
pub fn webhook_secret(file: Option<&std::path::Path>) -> Result<Option<crate::secret::Secret>> {
    let (text, source) = match file {
        Some(path) => (
            crate::files::read_small(path, 64 * 1024).map_err(|e| {
                Error::usage(format!("cannot read --secret-file {}: {e}", path.display()))
            })?,
            format!("--secret-file {}", path.display()),
        ),
        None => match std::env::var(ENV_WEBHOOK_SECRET) {
            Ok(text) if !text.trim().is_empty() => (text, ENV_WEBHOOK_SECRET.to_owned()),
            _ => return Ok(None),
        },
    };
    let secret = crate::secret::Secret::trimmed(&text);
    if secret.is_empty() {
        return Err(Error::usage(format!(
            "the webhook secret from {source} is empty"
        )));
    }
    Ok(Some(crate::secret::Secret::new(secret)))
}

/// The webhook secret, or exit 2 saying how to give one.
pub fn require_webhook_secret(file: Option<&std::path::Path>) -> Result<crate::secret::Secret> {
    webhook_secret(file)?.ok_or_else(|| {
        Error::usage("no webhook secret").with_hint(format!(
            "pass --secret-file FILE (as written by `create --secret-file`) or set {ENV_WEBHOOK_SECRET}"
        ))
    })
}

/// The raw bytes of FILE, or of stdin for `-`.
pub fn read_input(input: &str) -> Result<Vec<u8>> {
    use std::io::Read;
    if input == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::usage(format!("cannot read stdin: {e}")))?;
        return Ok(bytes);
    }
    std::fs::read(input).map_err(|e| Error::usage(format!("cannot read {input}: {e}")))
}
