//! The control API under `/_emulator/`, for tests and scripts that drive the emulator over HTTP:
//! `POST /_emulator/faults`, `POST /_emulator/reset`, `GET /_emulator/requests` and
//! `POST /_emulator/deliver`.
//!
//! These calls need no key, are not rate limited and are not logged, so that a test can look at
//! the request log without changing it. `deliver` alone reads `X-API-Key`, to pick the
//! organization whose endpoints get the event.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, Method, Request, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use hyper::body::Incoming;
use serde_json::error::Category;
use tower::ServiceExt;

use crate::app::App;
use crate::auth;
use crate::deliver;
use crate::envelope::{self, ApiError, Detail};
use crate::faults::Fault;
use crate::server::{
    declared_too_large, read_body, refuse_declared_too_large, BodyRead, BODY_LIMIT,
};
use crate::validate;
use crate::Org;

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
            "/_emulator/deliver",
            post(deliver).fallback(|| async { ApiError::method_not_allowed("POST") }),
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
    if declared_too_large(&body) {
        return refuse_declared_too_large();
    }
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

/// Sends a webhook event to the receivers of the caller's organization and answers
/// `{"data": [{"endpointId", "url", "status"}]}`, in endpoint creation order.
///
/// The organization is that of the `X-API-Key` sent, or A when none is: a script can then
/// deliver without knowing any key, and a test of organization B names B's key. A key the API
/// would refuse (revoked, expired, unknown) gets the API's 401, so a mistyped key is not quietly
/// taken for organization A. Scopes do not matter: this is not an API call.
async fn deliver(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let org = match headers.get("x-api-key") {
        None => Org::A,
        Some(key) => auth::authenticate(Some(key.as_bytes()))?.org,
    };
    let (event, data) = deliver::parse_request(validate::json_object(&body)?)?;
    let deliveries = app.deliver(org, &event, &data).await;
    Ok(envelope::data(StatusCode::OK, deliveries))
}
