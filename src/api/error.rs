//! What can go wrong when talking to the API, told apart the way a user needs them told apart:
//! the API said no (its error envelope), something that is not the API's JSON came back, or no
//! answer came at all.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// One entry of the error envelope's `details`: which field was wrong and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The API answered with its error envelope.
    #[error("{message}")]
    Api {
        status: u16,
        code: String,
        message: String,
        details: Vec<FieldError>,
        retry_after: Option<Duration>,
    },
    /// A 429 whose `Retry-After` is longer than the tool is willing to wait.
    #[error("rate limited by the API; it asks to wait {}s", retry_after.as_secs())]
    RetryTooFarAway { retry_after: Duration },
    /// A response that is not the API's JSON: an HTML proxy page, an empty body, wrong types.
    #[error("unexpected response from {url}: HTTP {status}, {content_type}: {excerpt}")]
    UnexpectedResponse {
        url: String,
        status: u16,
        content_type: String,
        excerpt: String,
    },
    /// No answer within the per-attempt timeout.
    #[error("no answer from {url} within {}s", timeout.as_secs())]
    Timeout { url: String, timeout: Duration },
    /// An ID that cannot be one path segment; refused before anything is sent.
    #[error("`{id}` is not an endpoint ID")]
    InvalidId { id: String },
    /// The TLS handshake failed: usually a certificate this machine does not trust.
    #[error("cannot reach {url}: {reason}")]
    Tls { url: String, reason: String },
    /// The client could not be set up as asked (a bad proxy URL or CA file).
    #[error("{reason}")]
    Setup { reason: String },
    /// The connection could not be made (`sent` false) or was lost after the request went out.
    #[error("cannot reach {url}: {reason}")]
    Network {
        url: String,
        reason: String,
        sent: bool,
    },
    /// Ctrl-C while waiting for the API.
    #[error("interrupted while waiting for {url}")]
    Interrupted { url: String },
}

impl Error {
    /// Whether the server may have acted on the request without the answer reaching us: the
    /// case where rerunning a create needs the same idempotency key.
    pub fn outcome_unknown(&self) -> bool {
        match self {
            Error::Network { sent, .. } => *sent,
            Error::Timeout { .. } | Error::Interrupted { .. } | Error::RetryTooFarAway { .. } => {
                true
            }
            Error::Api { status, .. } => *status == 429 || *status >= 500,
            // A 2xx whose body could not be used: the server did act.
            Error::UnexpectedResponse { status, .. } => {
                *status >= 500 || (200..300).contains(status)
            }
            Error::Tls { .. } | Error::Setup { .. } | Error::InvalidId { .. } => false,
        }
    }

    /// The HTTP status, where a response came.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. } | Error::UnexpectedResponse { status, .. } => Some(*status),
            Error::RetryTooFarAway { .. } => Some(429),
            Error::Timeout { .. }
            | Error::Network { .. }
            | Error::Interrupted { .. }
            | Error::Tls { .. }
            | Error::Setup { .. }
            | Error::InvalidId { .. } => None,
        }
    }
}
