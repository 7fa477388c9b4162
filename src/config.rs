//! Settings and where each one comes from: flag > environment > config file > default.
//!
//! Nothing here runs before a command asks for it, so `--help` and `events` never touch the config
//! file. Every resolved value keeps its [`Source`], which `config show` prints and error messages
//! name (never the key itself).

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::api::Url;
use crate::cli::Globals;
use crate::error::{Error, Exit, Result};
use crate::output::Format;
use crate::secret::Secret;

pub const DEFAULT_API_URL: &str = "https://app.erzycall.com";
pub const DEFAULT_PROFILE: &str = "default";

pub const ENV_API_KEY: &str = "ERZYCALL_API_KEY";
pub const ENV_API_KEY_FILE: &str = "ERZYCALL_API_KEY_FILE";
pub const ENV_API_URL: &str = "ERZYCALL_API_URL";
pub const ENV_PROFILE: &str = "ERZYHOOKS_PROFILE";
pub const ENV_CONFIG: &str = "ERZYHOOKS_CONFIG";
pub const ENV_OUTPUT: &str = "ERZYHOOKS_OUTPUT";

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(String),
    Env(String),
    File {
        path: PathBuf,
        profile: Option<String>,
    },
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Env(name) => write!(f, "env {name}"),
            Source::File {
                path,
                profile: Some(profile),
            } => write!(f, "file {} [profiles.{profile}]", path.display()),
            Source::File {
                path,
                profile: None,
            } => write!(f, "file {}", path.display()),
            Source::Default => f.write_str("default"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

fn sourced<T>(value: T, source: Source) -> Sourced<T> {
    Sourced { value, source }
}

/// The config file as written by `config set-key` or by hand.
#[derive(Debug, Default, Deserialize)]
struct FileConfig {
    default_profile: Option<String>,
    output: Option<String>,
    #[serde(default)]
    profiles: BTreeMap<String, FileProfile>,
}

#[derive(Default, Deserialize)]
struct FileProfile {
    api_key: Option<String>,
    api_url: Option<String>,
    output: Option<String>,
}

// Manual so the key in a profile never reaches a log.
impl fmt::Debug for FileProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FileProfile")
            .field("api_url", &self.api_url)
            .field("output", &self.output)
            .finish_non_exhaustive()
    }
}

/// The settings of one run, resolved on demand.
#[derive(Debug)]
pub struct Settings {
    globals: Globals,
    pub config_path: Option<Sourced<PathBuf>>,
    file: FileConfig,
    pub profile: Sourced<String>,
}

impl Settings {
    /// Finds and reads the config file (a missing file is an empty one) and settles the profile.
    pub fn load(globals: &Globals) -> Result<Settings> {
        let config_path = config_path(globals);
        let file = match &config_path {
            Some(path) => read_config(&path.value)?,
            None => FileConfig::default(),
        };
        let profile = if let Some(profile) = &globals.profile {
            sourced(profile.clone(), Source::Flag("--profile".into()))
        } else if let Some(profile) = env(ENV_PROFILE) {
            sourced(profile, Source::Env(ENV_PROFILE.into()))
        } else if let (Some(profile), Some(path)) = (&file.default_profile, &config_path) {
            sourced(
                profile.clone(),
                Source::File {
                    path: path.value.clone(),
                    profile: None,
                },
            )
        } else {
            sourced(DEFAULT_PROFILE.to_owned(), Source::Default)
        };
        Ok(Settings {
            globals: globals.clone(),
            config_path,
            file,
            profile,
        })
    }

    fn profile_section(&self) -> Option<&FileProfile> {
        self.file.profiles.get(&self.profile.value)
    }

    fn file_source(&self, in_profile: bool) -> Source {
        Source::File {
            path: self
                .config_path
                .as_ref()
                .map(|p| p.value.clone())
                .unwrap_or_default(),
            profile: in_profile.then(|| self.profile.value.clone()),
        }
    }

    /// The API key, if one is set anywhere; a key that cannot be sent is an error (exit 3).
    pub fn api_key(&self) -> Result<Option<Sourced<Secret>>> {
        let found = if let Some(key) = &self.globals.api_key {
            Some(sourced(
                key.expose().to_owned(),
                Source::Flag("--api-key".into()),
            ))
        } else if let Some(path) = &self.globals.api_key_file {
            let source = Source::Flag(format!("--api-key-file {}", path.display()));
            Some(sourced(read_key_file(path, &source)?, source))
        } else if let Some(key) = env(ENV_API_KEY) {
            Some(sourced(key, Source::Env(ENV_API_KEY.into())))
        } else if let Some(path) = env(ENV_API_KEY_FILE) {
            let source = Source::Env(format!("{ENV_API_KEY_FILE} ({path})"));
            Some(sourced(read_key_file(Path::new(&path), &source)?, source))
        } else {
            self.profile_section()
                .and_then(|p| p.api_key.clone())
                .map(|key| sourced(key, self.file_source(true)))
        };
        let Some(Sourced { value, source }) = found else {
            return Ok(None);
        };
        let key = Secret::trimmed(&value);
        if key.is_empty() {
            return Err(Error::new(
                Exit::Auth,
                "NO_API_KEY",
                format!("the API key from {source} is empty"),
            )
            .with_hint(key_hint()));
        }
        if !key.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Error::new(
                Exit::Auth,
                "INVALID_API_KEY",
                format!("the API key from {source} contains characters that cannot be sent in a header"),
            )
            .with_hint("an ErzyCall key looks like ek_live_… or ek_test_…; set it again with `erzyhooks config set-key`"));
        }
        Ok(Some(sourced(Secret::new(key), source)))
    }

    /// The API key, or exit 3 with a hint naming every way to give one.
    pub fn require_api_key(&self) -> Result<Sourced<Secret>> {
        self.api_key()?.ok_or_else(|| {
            let place = match &self.config_path {
                Some(path) => format!(
                    " (profile `{}` in {})",
                    self.profile.value,
                    path.value.display()
                ),
                None => String::new(),
            };
            Error::new(Exit::Auth, "NO_API_KEY", format!("no API key found{place}"))
                .with_hint(key_hint())
        })
    }

    /// The API's base URL, checked: https, or http only to a loopback host.
    pub fn api_url(&self) -> Result<Sourced<Url>> {
        let Sourced { value, source } = if let Some(url) = &self.globals.api_url {
            sourced(url.clone(), Source::Flag("--api-url".into()))
        } else if let Some(url) = env(ENV_API_URL) {
            sourced(url, Source::Env(ENV_API_URL.into()))
        } else if let Some(url) = self.profile_section().and_then(|p| p.api_url.clone()) {
            sourced(url, self.file_source(true))
        } else {
            sourced(DEFAULT_API_URL.to_owned(), Source::Default)
        };
        let url = check_api_url(value.trim(), &source)?;
        Ok(sourced(url, source))
    }

    /// Output format: `--json` / `-o` > `ERZYHOOKS_OUTPUT` > the file (profile, then top level).
    pub fn output(&self) -> Result<Sourced<Format>> {
        if let Some(format) = early_format(&self.globals)? {
            return Ok(format);
        }
        let (text, source) =
            if let Some(text) = self.profile_section().and_then(|p| p.output.clone()) {
                (text, self.file_source(true))
            } else if let Some(text) = self.file.output.clone() {
                (text, self.file_source(false))
            } else {
                return Ok(sourced(Format::Table, Source::Default));
            };
        let format = text
            .parse()
            .map_err(|e: String| Error::usage(format!("{e} in {source}")))?;
        Ok(sourced(format, source))
    }
}

/// The output format from flags and environment alone, known before any file is read (so even
/// an error about the config file can be printed as JSON).
pub fn early_format(globals: &Globals) -> Result<Option<Sourced<Format>>> {
    if globals.json {
        return Ok(Some(sourced(Format::Json, Source::Flag("--json".into()))));
    }
    if let Some(format) = globals.output {
        return Ok(Some(sourced(format, Source::Flag("--output".into()))));
    }
    if let Some(text) = env(ENV_OUTPUT) {
        let format = text
            .parse()
            .map_err(|e: String| Error::usage(format!("{e} in {ENV_OUTPUT}")))?;
        return Ok(Some(sourced(format, Source::Env(ENV_OUTPUT.into()))));
    }
    Ok(None)
}

/// `--config` > `ERZYHOOKS_CONFIG` > `<config dir>/erzyhooks/config.toml`.
pub fn config_path(globals: &Globals) -> Option<Sourced<PathBuf>> {
    if let Some(path) = &globals.config {
        return Some(sourced(path.clone(), Source::Flag("--config".into())));
    }
    if let Some(path) = env(ENV_CONFIG) {
        return Some(sourced(PathBuf::from(path), Source::Env(ENV_CONFIG.into())));
    }
    dirs::config_dir()
        .map(|dir| sourced(dir.join("erzyhooks").join("config.toml"), Source::Default))
}

fn key_hint() -> String {
    format!("pass --api-key-file FILE (or --api-key KEY), set {ENV_API_KEY}, or save one with `erzyhooks config set-key`")
}

/// An unset or empty variable is no setting at all.
fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn read_key_file(path: &Path, source: &Source) -> Result<String> {
    crate::files::read_small(path, 64 * 1024).map_err(|e| {
        Error::new(
            Exit::Auth,
            "NO_API_KEY",
            format!(
                "cannot read the API key file from {source}: {}",
                io_reason(&e)
            ),
        )
    })
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::InvalidData => "not UTF-8 text".into(),
        _ => error.to_string(),
    }
}

/// Reads the config file. A missing file is empty; one that cannot be read or parsed is an error
/// that names the file (and the line, for TOML errors).
fn read_config(path: &Path) -> Result<FileConfig> {
    let text = match read_config_text(path)? {
        Some(text) => text,
        None => return Ok(FileConfig::default()),
    };
    if crate::files::readable_by_others(path) {
        let _ = writeln!(
            std::io::stderr(),
            "warning: {} is readable by other users and holds API keys; run: chmod 600 {}",
            path.display(),
            path.display()
        );
    }
    if text.trim().is_empty() {
        return Err(config_error(
            path,
            "the file is empty (delete it or run `erzyhooks config set-key`)",
        ));
    }
    toml::from_str(&text).map_err(|e| config_error(path, &toml_reason(&text, &e)))
}

/// The config file's text without a byte-order mark, or `None` when there is no file.
pub fn read_config_text(path: &Path) -> Result<Option<String>> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(config_error(path, &io_reason(&e))),
    };
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(config_error(path, "the file is UTF-16; save it as UTF-8"));
    }
    let text =
        String::from_utf8(bytes).map_err(|_| config_error(path, "the file is not UTF-8 text"))?;
    Ok(Some(
        text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned(),
    ))
}

pub fn toml_reason(text: &str, error: &toml::de::Error) -> String {
    // toml's message can run over several lines; the first says what is wrong.
    let message = error
        .message()
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .to_owned();
    match error.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}

pub fn config_error(path: &Path, reason: &str) -> Error {
    Error::new(
        Exit::Usage,
        "CONFIG",
        format!("config file {}: {reason}", path.display()),
    )
}

/// Checks an API URL before anything is sent to it.
fn check_api_url(text: &str, source: &Source) -> Result<Url> {
    let url = Url::parse(text).map_err(|e| {
        Error::usage(format!(
            "the API URL `{}` from {source} is not a URL: {e}",
            crate::output::escape_untrusted(text)
        ))
        .with_hint("expected something like https://app.erzycall.com")
    })?;
    let host = url.host_str().unwrap_or_default().to_owned();
    if host.is_empty() || !matches!(url.scheme(), "http" | "https") {
        return Err(Error::usage(format!(
            "the API URL `{url}` from {source} must be an https:// URL with a host"
        )));
    }
    if url.scheme() == "http" && !is_loopback(&host) {
        return Err(Error::usage(format!(
            "refusing to send the API key over plain http to {host} (API URL from {source})"
        ))
        .with_hint(
            "use https://, or plain http:// only for a local server on 127.0.0.1 or localhost",
        ));
    }
    Ok(without_api_prefix(url))
}

/// `https://app.erzycall.com/api/v1` (the docs' base URL) means the same as the host alone: the
/// tool appends `/api/v1/…` itself.
fn without_api_prefix(mut url: Url) -> Url {
    let path = url.path().trim_end_matches('/').to_owned();
    if let Some(prefix) = path.strip_suffix("/api/v1") {
        let prefix = if prefix.is_empty() { "/" } else { prefix };
        url.set_path(prefix);
    }
    url
}

pub use crate::api::is_loopback;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_loopback() {
        let src = Source::Default;
        assert!(check_api_url("http://127.0.0.1:8787", &src).is_ok());
        assert!(check_api_url("http://localhost:1", &src).is_ok());
        assert!(check_api_url("http://[::1]:1", &src).is_ok());
        assert!(check_api_url("https://example.com", &src).is_ok());
        let refused = check_api_url("http://example.com", &src).unwrap_err();
        assert_eq!(refused.exit, Exit::Usage);
        assert!(check_api_url("ftp://example.com", &src).is_err());
        assert!(check_api_url("not a url", &src).is_err());
    }

    #[test]
    fn toml_errors_name_the_line() {
        let text = "default_profile = \"a\"\n[profiles.a\n";
        let error = toml::from_str::<FileConfig>(text).unwrap_err();
        assert!(toml_reason(text, &error).starts_with("line 2:"));
    }
}
