//! The control API under `/_emulator/`, for tests and scripts that drive the emulator over HTTP:
//! `POST /_emulator/faults`, `POST /_emulator/reset`, `GET /_emulator/requests`.
//!
//! These calls need no key, are not rate limited and are not logged, so that a test can look at
//! the request log without changing it.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{Method, Request, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use hyper::body::Incoming;
use serde_json::error::Category;
use tower::ServiceExt;

use crate::app::App;
use crate::envelope::{self, ApiError, Detail};
use crate::faults::Fault;
use crate::server::{read_body, BodyRead, BODY_LIMIT};

pub(crate) fn router(app: Arc<App>) -> Router {
    Router::new()
        .route(
            "/_emulator/faults",
            post(add_fault).fallback(|| async { ApiError::method_not_allowed("POST") }),
        )
        .route(
            "/_emulator/reset",
            post(reset).fallback(|| async { ApiError::method_not_allowed("POST") }),
        )
        .route(
            "/_emulator/requests",
            get(requests).fallback(|| async { ApiError::method_not_allowed("GET, HEAD") }),
        )
        .fallback(|method: Method, uri: Uri| async move {
            ApiError::no_route(method.as_str(), uri.path())
        })
        .with_state(app)
}

pub(crate) async fn handle(router: &Router, request: Request<Incoming>) -> Response {
    let (parts, body) = request.into_parts();
    let body = match read_body(body).await {
        BodyRead::Complete(bytes) => bytes,
        BodyRead::TooLarge => return ApiError::payload_too_large(BODY_LIMIT).into_response(),
        BodyRead::Failed => {
            return ApiError::new(
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                "Could not read the request body",
            )
            .into_response()
        }
    };
    match router
        .clone()
        .oneshot(Request::from_parts(parts, Body::from(body)))
        .await
    {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// Queues a fault; answers `{"data": fault}` with the defaults filled in.
async fn add_fault(State(app): State<Arc<App>>, body: Bytes) -> Result<Response, ApiError> {
    let fault: Fault = serde_json::from_slice(&body).map_err(|error| match error.classify() {
        Category::Data => ApiError::new(
            StatusCode::BAD_REQUEST,
            "VALIDATION_ERROR",
            format!("Invalid fault: {error}"),
        ),
        Category::Io | Category::Syntax | Category::Eof => ApiError::invalid_json(error),
    })?;
    app.inject(fault.clone())
        .map_err(|(field, why)| ApiError::validation(vec![Detail::new(field, why)]))?;
    Ok(envelope::data(StatusCode::OK, fault))
}

/// Empties both organizations, the fault queue, the rate-limit counters, the idempotency keys
/// and the request log.
async fn reset(State(app): State<Arc<App>>) -> StatusCode {
    app.reset();
    StatusCode::NO_CONTENT
}

async fn requests(State(app): State<Arc<App>>) -> Response {
    envelope::data(StatusCode::OK, app.requests())
}
