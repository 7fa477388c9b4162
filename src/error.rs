//! The tool's one error type and the one place that maps every failure to an exit code.
//!
//! Each error carries a stable machine `code` (the API's own, or one of the tool's: `USAGE`,
//! `CONFIRMATION_REQUIRED`, `NO_API_KEY`, …), the HTTP status where a response came, the API's
//! per-field `details`, and a `hint` saying what to do next.

use std::fmt;

use serde_json::{json, Value};

use crate::api::{self, FieldError};

/// The documented exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    CheckFailed = 1,
    Usage = 2,
    Auth = 3,
    NotFound = 4,
    Refused = 5,
    RateLimited = 6,
    Network = 7,
    Internal = 70,
    Interrupted = 130,
}

#[derive(Debug)]
pub struct Error {
    pub exit: Exit,
    pub code: String,
    pub message: String,
    pub status: Option<u16>,
    pub details: Vec<FieldError>,
    pub hint: Option<String>,
    /// Already shown on stderr (each failure of a multi-ID `delete`): only the exit code is left.
    pub reported: bool,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(exit: Exit, code: &str, message: impl Into<String>) -> Error {
        Error {
            exit,
            code: code.to_owned(),
            message: message.into(),
            status: None,
            details: Vec::new(),
            hint: None,
            reported: false,
        }
    }

    /// Bad flags or input, found before anything was sent.
    pub fn usage(message: impl Into<String>) -> Error {
        Error::new(Exit::Usage, "USAGE", message)
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Error {
        self.hint = Some(hint.into());
        self
    }

    /// A bug: the message asks to report it.
    pub fn internal(message: impl fmt::Display) -> Error {
        Error::new(
            Exit::Internal,
            "INTERNAL",
            format!("internal error: {message}"),
        )
        .with_hint("this is a bug in erzyhooks; please report it with the command you ran")
    }

    /// The error as `-o json` prints it on stderr.
    pub fn to_json(&self) -> Value {
        let details: Vec<Value> = self
            .details
            .iter()
            .map(|d| json!({"field": d.field, "message": d.message}))
            .collect();
        let mut error = json!({
            "code": self.code,
            "message": self.message,
            "status": self.status,
            "details": details,
        });
        if let (Some(hint), Value::Object(map)) = (&self.hint, &mut error) {
            map.insert("hint".into(), Value::String(hint.clone()));
        }
        json!({ "error": error })
    }

    /// The error as people read it: `error: …`, one line per detail, then `hint: …`.
    pub fn to_text(&self) -> String {
        use crate::output::escape_untrusted as clean;
        let mut text = format!("error: {}", clean(&self.message));
        let code_is_news = !self.code.is_empty() && !matches!(self.code.as_str(), "USAGE");
        match (self.status, code_is_news) {
            (Some(status), _) => text.push_str(&format!(" ({}, HTTP {status})", clean(&self.code))),
            (None, true) => text.push_str(&format!(" ({})", self.code)),
            (None, false) => {}
        }
        for detail in &self.details {
            text.push_str(&format!(
                "\n  - {}: {}",
                clean(&detail.field),
                clean(&detail.message)
            ));
        }
        if let Some(hint) = &self.hint {
            text.push_str(&format!("\nhint: {hint}"));
        }
        text
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<api::Error> for Error {
    fn from(error: api::Error) -> Error {
        let status = error.status();
        let mut mapped = match &error {
            api::Error::Api {
                status,
                code,
                message,
                details,
                retry_after,
            } => {
                let exit = match status {
                    401 | 403 => Exit::Auth,
                    404 => Exit::NotFound,
                    429 => Exit::RateLimited,
                    500..=599 => Exit::Network,
                    _ => Exit::Refused,
                };
                let message = if message.is_empty() {
                    format!("the API answered HTTP {status}")
                } else {
                    message.clone()
                };
                let mut mapped = Error::new(exit, code, message);
                mapped.details = details.clone();
                mapped.hint = match (*status, code.as_str()) {
                    (401, "KEY_REVOKED") | (401, "KEY_EXPIRED") => Some(
                        "create a new key in the dashboard (Settings > API Keys), then run `erzyhooks config set-key`".into(),
                    ),
                    (401, _) => Some("check the key: `erzyhooks config show` says which one is used and where it comes from".into()),
                    (403, _) => Some("use a key with the webhooks:write scope for changes".into()),
                    (422, "MAX_ENDPOINTS") => Some(
                        "an organization has at most 5 endpoints: delete one first (`erzyhooks list` shows them)".into(),
                    ),
                    (429, _) => Some(match retry_after {
                        Some(after) => format!("try again in {}s", after.as_secs().max(1)),
                        None => "try again in a minute".into(),
                    }),
                    _ => None,
                };
                mapped
            }
            api::Error::RetryTooFarAway { retry_after } => {
                Error::new(Exit::RateLimited, "RATE_LIMITED", error.to_string())
                    .with_hint(format!("try again in {}s, or later", retry_after.as_secs()))
            }
            api::Error::UnexpectedResponse { status, .. } => {
                let hint = if *status >= 500 {
                    "a proxy or gateway answered instead of the API; try again later"
                } else {
                    "the API URL may point at something other than the ErzyCall API (a proxy or a login page); check `erzyhooks config show`"
                };
                // The status still says what happened when the body is not the API's.
                let exit = match status {
                    401 | 403 => Exit::Auth,
                    404 => Exit::NotFound,
                    _ => Exit::Network,
                };
                Error::new(exit, "BAD_RESPONSE", error.to_string()).with_hint(hint)
            }
            api::Error::InvalidId { .. } | api::Error::Setup { .. } => {
                Error::usage(error.to_string())
            }
            api::Error::Tls { .. } => Error::new(Exit::Network, "TLS", error.to_string()).with_hint(
                "if the server uses a private CA, pass --ca-cert FILE or set SSL_CERT_FILE; behind a TLS-inspecting proxy, add its CA the same way",
            ),
            api::Error::Timeout { .. } => Error::new(Exit::Network, "TIMEOUT", error.to_string())
                .with_hint("try again, or allow more time with --timeout SECS"),
            api::Error::Interrupted { .. } => {
                Error::new(Exit::Interrupted, "INTERRUPTED", error.to_string())
            }
            api::Error::Network { .. } => Error::new(Exit::Network, "NETWORK", error.to_string())
                .with_hint("check the network and the API URL (`erzyhooks config show`)"),
        };
        mapped.status = status;
        mapped
    }
}
