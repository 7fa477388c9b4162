//! The API's two JSON envelopes: `{"data": …}` on success and
//! `{"error": {"code", "message", "details"?}}` on failure, always as `application/json`.
//!
//! Every answer the emulator gives, including 404s for unknown routes and 405s, goes through here
//! so that clients can rely on one shape.

use std::borrow::Cow;

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// One problem with one field of a request body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct Detail {
    pub(crate) field: String,
    pub(crate) message: String,
}

impl Detail {
    pub(crate) fn new(field: impl Into<String>, message: impl Into<String>) -> Detail {
        Detail {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// An error answer. Handlers return it with `?`; it renders as the error envelope.
#[derive(Clone, Debug)]
pub(crate) struct ApiError {
    pub(crate) status: StatusCode,
    /// Mostly a fixed code; a `status` fault with an unusual status makes one up (`HTTP_418`).
    pub(crate) code: Cow<'static, str>,
    pub(crate) message: String,
    pub(crate) details: Option<Vec<Detail>>,
    /// `Retry-After` in seconds, for 429s.
    pub(crate) retry_after: Option<u64>,
    /// `Allow`, for 405s.
    pub(crate) allow: Option<&'static str>,
}

impl ApiError {
    pub(crate) fn new(
        status: StatusCode,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        ApiError {
            status,
            code: code.into(),
            message: message.into(),
            details: None,
            retry_after: None,
            allow: None,
        }
    }

    pub(crate) fn validation(details: Vec<Detail>) -> Self {
        let mut error = ApiError::new(
            StatusCode::BAD_REQUEST,
            "VALIDATION_ERROR",
            "Request validation failed",
        );
        error.details = Some(details);
        error
    }

    pub(crate) fn invalid_json(why: impl std::fmt::Display) -> Self {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "INVALID_JSON",
            format!("Request body is not valid JSON: {why}"),
        )
    }

    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "NOT_FOUND", message)
    }

    pub(crate) fn no_route(method: &str, path: &str) -> Self {
        ApiError::not_found(format!("No route for {method} {path}"))
    }

    pub(crate) fn method_not_allowed(allow: &'static str) -> Self {
        let mut error = ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "METHOD_NOT_ALLOWED",
            format!("Method not allowed; this path accepts {allow}"),
        );
        error.allow = Some(allow);
        error
    }

    pub(crate) fn payload_too_large(limit: usize) -> Self {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "PAYLOAD_TOO_LARGE",
            format!("Request body is larger than {} KiB", limit / 1024),
        )
    }

    pub(crate) fn rate_limited(retry_after: u64) -> Self {
        let mut error = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "RATE_LIMITED",
            format!("Rate limit exceeded. Retry after {retry_after}s"),
        );
        error.retry_after = Some(retry_after);
        error
    }

    pub(crate) fn internal(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", message)
    }
}

#[derive(Serialize)]
struct ErrorEnvelope<'a> {
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<&'a [Detail]>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let envelope = ErrorEnvelope {
            error: ErrorBody {
                code: &self.code,
                message: &self.message,
                details: self.details.as_deref(),
            },
        };
        let mut response = json(self.status, &envelope);
        let headers = response.headers_mut();
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if let Some(allow) = self.allow {
            headers.insert(header::ALLOW, HeaderValue::from_static(allow));
        }
        response
    }
}

#[derive(Serialize)]
struct DataEnvelope<T> {
    data: T,
}

/// `{"data": data}` with `status`.
pub(crate) fn data<T: Serialize>(status: StatusCode, data: T) -> Response {
    json(status, &DataEnvelope { data })
}

/// `value` serialized as the whole body.
pub(crate) fn json<T: Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(bytes) => json_bytes(status, bytes),
        // Serializing maps with string keys cannot fail; answer something sane if it ever does.
        Err(_) => json_bytes(
            StatusCode::INTERNAL_SERVER_ERROR,
            br#"{"error":{"code":"INTERNAL_ERROR","message":"Could not encode the response"}}"#
                .to_vec(),
        ),
    }
}

/// A body that is already JSON text.
pub(crate) fn json_bytes(status: StatusCode, bytes: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}
