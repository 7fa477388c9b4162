//! Injected failures: the things a real network and a real API do to a client now and then
//! (5xx answers, surprise 429s, HTML from a proxy, dropped connections, slowness, and the worst
//! one: a request that was carried out but whose answer never arrived).
//!
//! Faults wait in a queue, in the order they were added; each one answers the next `count` API
//! requests, then the next fault takes over.

use std::borrow::Cow;
use std::collections::VecDeque;

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};

use crate::envelope::ApiError;

/// A failure to inject into the next API requests.
///
/// Serialized as the control API takes it: internally tagged by `kind` (snake_case), fields in
/// camelCase, `count` optional (default 1, at least 1). For example
/// `{"kind": "status", "status": 503, "count": 2}` or `{"kind": "delay", "ms": 200}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Fault {
    /// Answer `status` (400–599) with the API's error envelope: 400 is `BAD_REQUEST`, 401
    /// `UNAUTHORIZED`, 403 `FORBIDDEN`, 404 `NOT_FOUND`, 409 `CONFLICT`, 422 `UNPROCESSABLE`, 429
    /// `RATE_LIMITED` (without `Retry-After`; see [`Fault::RateLimit`]), any other 4xx
    /// `HTTP_<status>` (such as `HTTP_418`); 500 is `INTERNAL_ERROR`, 502 `BAD_GATEWAY`, 503
    /// `SERVICE_UNAVAILABLE`, 504 `GATEWAY_TIMEOUT`, any other 5xx `INTERNAL_ERROR`.
    Status {
        status: u16,
        #[serde(default = "one")]
        count: u32,
    },
    /// Answer 429 `RATE_LIMITED` with `Retry-After: retry_after` (seconds), whatever the real
    /// counters say.
    RateLimit {
        retry_after: u64,
        #[serde(default = "one")]
        count: u32,
    },
    /// Answer `status` (200–599) with a `text/html` error page, as a proxy or load balancer in
    /// front of the API would.
    Html {
        status: u16,
        #[serde(default = "one")]
        count: u32,
    },
    /// Read the request, then close the connection without sending a single byte back.
    Drop {
        #[serde(default = "one")]
        count: u32,
    },
    /// Wait `ms` milliseconds, then handle the request normally.
    Delay {
        ms: u64,
        #[serde(default = "one")]
        count: u32,
    },
    /// Handle the request fully (a create creates), then close the connection without answering.
    DropAfterCommit {
        #[serde(default = "one")]
        count: u32,
    },
}

fn one() -> u32 {
    1
}

impl Fault {
    /// How many API requests this fault answers.
    pub fn count(&self) -> u32 {
        match self {
            Fault::Status { count, .. }
            | Fault::RateLimit { count, .. }
            | Fault::Html { count, .. }
            | Fault::Drop { count }
            | Fault::Delay { count, .. }
            | Fault::DropAfterCommit { count } => *count,
        }
    }

    /// The field that makes this fault impossible to inject, and why.
    pub(crate) fn problem(&self) -> Option<(&'static str, String)> {
        if self.count() == 0 {
            return Some(("count", "must be at least 1".into()));
        }
        match self {
            Fault::Status { status, .. } if !(400..=599).contains(status) => {
                Some(("status", format!("must be from 400 to 599, not {status}")))
            }
            Fault::Html { status, .. } if !(200..=599).contains(status) => {
                Some(("status", format!("must be from 200 to 599, not {status}")))
            }
            _ => None,
        }
    }
}

/// Faults waiting for requests, oldest first, each with the number of requests it still answers.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    pending: VecDeque<(Fault, u32)>,
}

impl FaultQueue {
    pub(crate) fn push(&mut self, fault: Fault) {
        let count = fault.count();
        if count > 0 {
            self.pending.push_back((fault, count));
        }
    }

    /// The fault that answers the request arriving now, if any.
    pub(crate) fn take(&mut self) -> Option<Fault> {
        let (fault, left) = self.pending.front_mut()?;
        let fault = fault.clone();
        *left -= 1;
        if *left == 0 {
            self.pending.pop_front();
        }
        Some(fault)
    }

    pub(crate) fn clear(&mut self) {
        self.pending.clear();
    }
}

/// The error envelope a `status` fault answers with, its code named after the status: the API's
/// own codes where it has one for that status, the usual names of the common 4xx and 5xx
/// statuses, and `HTTP_<status>` for any other 4xx.
pub(crate) fn status_error(status: u16) -> ApiError {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let code: Cow<'static, str> = match status.as_u16() {
        400 => "BAD_REQUEST".into(),
        401 => "UNAUTHORIZED".into(),
        403 => "FORBIDDEN".into(),
        404 => "NOT_FOUND".into(),
        409 => "CONFLICT".into(),
        422 => "UNPROCESSABLE".into(),
        429 => "RATE_LIMITED".into(),
        502 => "BAD_GATEWAY".into(),
        503 => "SERVICE_UNAVAILABLE".into(),
        504 => "GATEWAY_TIMEOUT".into(),
        500..=599 => "INTERNAL_ERROR".into(),
        other => format!("HTTP_{other}").into(),
    };
    let reason = status.canonical_reason().unwrap_or("Error");
    ApiError::new(
        status,
        code,
        format!("{reason} (fault injected by the emulator)"),
    )
}

/// The page an `html` fault answers with: what nginx in front of an API sends when the upstream
/// is down.
pub(crate) fn html_page(status: u16) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
    let title = format!(
        "{} {}",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error")
    );
    let page = format!(
        "<!DOCTYPE html>\r\n<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n\
         <center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    );
    let mut response = Response::new(Body::from(page));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wire_form() {
        let fault: Fault =
            serde_json::from_value(json!({"kind": "rate_limit", "retryAfter": 2})).expect("valid");
        assert_eq!(
            fault,
            Fault::RateLimit {
                retry_after: 2,
                count: 1
            }
        );
        assert_eq!(
            serde_json::to_value(Fault::DropAfterCommit { count: 3 }).expect("serializes"),
            json!({"kind": "drop_after_commit", "count": 3})
        );
        for bad in [
            json!({"kind": "status"}),
            json!({"kind": "explode", "count": 1}),
            json!({"kind": "drop", "count": -1}),
            json!({"kind": "drop", "cuont": 2}),
            json!({"status": 500}),
        ] {
            assert!(
                serde_json::from_value::<Fault>(bad.clone()).is_err(),
                "{bad}"
            );
        }
        assert!(Fault::Drop { count: 0 }.problem().is_some());
        assert!(Fault::Status {
            status: 200,
            count: 1
        }
        .problem()
        .is_some());
        assert!(Fault::Status {
            status: 503,
            count: 1
        }
        .problem()
        .is_none());
    }

    #[test]
    fn queue_applies_each_fault_count_times_in_order() {
        let mut queue = FaultQueue::default();
        queue.push(Fault::Drop { count: 2 });
        queue.push(Fault::Delay { ms: 5, count: 1 });
        assert_eq!(queue.take(), Some(Fault::Drop { count: 2 }));
        assert_eq!(queue.take(), Some(Fault::Drop { count: 2 }));
        assert_eq!(queue.take(), Some(Fault::Delay { ms: 5, count: 1 }));
        assert_eq!(queue.take(), None);
    }
}
