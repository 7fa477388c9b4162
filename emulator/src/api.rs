//! The webhook-endpoint API under `/api/`: the request pipeline every API call goes through, and
//! the five operations of `seed-webhook-endpoints.txt`.
//!
//! Pipeline order, fixed so that tests can reason about it: log the request → a `Content-Length`
//! over 16 MiB (413 at once, the body unread, the connection closed) → apply a pending fault →
//! rate limit (per presented key) → authenticate → body size → route → scope → operation. A
//! request answered by a fault or by that early 413 does not count against the rate limit, and
//! every answer carries the `X-RateLimit-*` headers.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, Request, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use axum::{Extension, Router};
use hyper::body::Incoming;
use serde::Serialize;
use serde_json::Value;
use tower::ServiceExt;

use crate::app::App;
use crate::auth::{self, Caller, WEBHOOKS_READ, WEBHOOKS_WRITE};
use crate::envelope::{self, ApiError};
use crate::faults::{self, Fault};
use crate::ids;
use crate::ratelimit::{self, Quota, Verdict};
use crate::server::{
    declared_too_large, read_body, refuse_declared_too_large, BodyRead, Dropped, BODY_LIMIT,
};
use crate::state::{self, Endpoint, StoredResponse, WireRecord, MAX_ENDPOINTS};
use crate::validate::{self, Operation};
use crate::{clock, LoggedRequest};

type Answer = Result<Response, ApiError>;

pub(crate) fn router(app: Arc<App>) -> Router {
    Router::new()
        .route(
            "/api/v1/webhooks",
            get(list)
                .post(create)
                .fallback(|| async { ApiError::method_not_allowed("GET, HEAD, POST") }),
        )
        .route(
            "/api/v1/webhooks/{id}",
            patch(update)
                .delete(delete)
                .fallback(|| async { ApiError::method_not_allowed("PATCH, DELETE") }),
        )
        .route(
            "/api/v1/webhooks/{id}/rotate-secret",
            post(rotate_secret).fallback(|| async { ApiError::method_not_allowed("POST") }),
        )
        .fallback(|method: Method, uri: Uri| async move {
            ApiError::no_route(method.as_str(), uri.path())
        })
        .with_state(app)
}

/// Runs one API request through the pipeline. `Err(Dropped)` closes the connection unanswered.
pub(crate) async fn handle(
    app: &Arc<App>,
    router: &Router,
    request: Request<Incoming>,
) -> Result<Response, Dropped> {
    let (parts, body) = request.into_parts();
    let api_key = parts.headers.get("x-api-key").map(HeaderValue::as_bytes);
    // The limiter counts per presented key, valid or not, so a client stuck on a bad key is
    // throttled like any other.
    let limiter_key =
        api_key.map_or_else(String::new, |key| String::from_utf8_lossy(key).into_owned());
    let ticket = app.lock().log.start(LoggedRequest {
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        idempotency_key: header_text(&parts.headers, "idempotency-key"),
        status: 0,
    });

    // A body announced as too large even to throw away is not waited for.
    if declared_too_large(&body) {
        let quota = peek(app, &limiter_key);
        let response = with_quota(refuse_declared_too_large(), quota);
        return Ok(finish(app, ticket, response));
    }

    // Read the whole body first (up to a cap) even when it will be refused, so that the client
    // is never cut off mid-upload and always gets to read the answer.
    let body = match read_body(body).await {
        BodyRead::Complete(bytes) => Some(bytes),
        BodyRead::TooLarge => None,
        BodyRead::Failed => return Err(Dropped),
    };

    let fault = app.lock().faults.take();
    let mut drop_after_commit = false;
    match fault {
        Some(Fault::Drop { .. }) => return Err(Dropped),
        Some(Fault::Status { status, .. }) => {
            let quota = peek(app, &limiter_key);
            let response = faults::status_error(status).into_response();
            return Ok(finish(app, ticket, with_quota(response, quota)));
        }
        Some(Fault::RateLimit { retry_after, .. }) => {
            let quota = Quota {
                remaining: 0,
                reset: ratelimit::unix_secs_after(
                    clock::unix_now_precise(),
                    Duration::from_secs(retry_after),
                ),
                ..peek(app, &limiter_key)
            };
            let response = ApiError::rate_limited(retry_after).into_response();
            return Ok(finish(app, ticket, with_quota(response, quota)));
        }
        Some(Fault::Html { status, .. }) => {
            let quota = peek(app, &limiter_key);
            let response = faults::html_page(status);
            return Ok(finish(app, ticket, with_quota(response, quota)));
        }
        Some(Fault::Delay { ms, .. }) => tokio::time::sleep(Duration::from_millis(ms)).await,
        Some(Fault::DropAfterCommit { .. }) => drop_after_commit = true,
        None => {}
    }

    let verdict = app
        .lock()
        .limiter
        .check(&limiter_key, Instant::now(), clock::unix_now_precise());
    let response = match verdict {
        Verdict::Limited { quota, retry_after } => {
            with_quota(ApiError::rate_limited(retry_after).into_response(), quota)
        }
        Verdict::Allowed(quota) => {
            let response = match (auth::authenticate(api_key), body) {
                (Err(error), _) => error.into_response(),
                (Ok(_), None) => ApiError::payload_too_large(BODY_LIMIT).into_response(),
                (Ok(caller), Some(bytes)) => {
                    let mut request = Request::from_parts(parts, Body::from(bytes));
                    request.extensions_mut().insert(caller);
                    match router.clone().oneshot(request).await {
                        Ok(response) => response,
                        Err(never) => match never {},
                    }
                }
            };
            with_quota(response, quota)
        }
    };
    if drop_after_commit {
        return Err(Dropped);
    }
    Ok(finish(app, ticket, response))
}

fn peek(app: &App, limiter_key: &str) -> Quota {
    app.lock()
        .limiter
        .peek(limiter_key, Instant::now(), clock::unix_now_precise())
}

fn with_quota(mut response: Response, quota: Quota) -> Response {
    let headers = response.headers_mut();
    headers.insert("x-ratelimit-limit", HeaderValue::from(quota.limit));
    headers.insert("x-ratelimit-remaining", HeaderValue::from(quota.remaining));
    headers.insert("x-ratelimit-reset", HeaderValue::from(quota.reset));
    response
}

fn finish(app: &App, ticket: u64, response: Response) -> Response {
    app.lock().log.finish(ticket, response.status().as_u16());
    response
}

fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
}

/// The `{id}` of the path, if it has the form of an endpoint ID.
fn endpoint_id(path: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    match path {
        Ok(Path(id)) if ids::is_well_formed_endpoint_id(&id) => Ok(id),
        _ => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "INVALID_ID",
            "Invalid webhook endpoint ID: expected wh_ followed by 1 to 64 letters or digits",
        )),
    }
}

fn unknown_endpoint(id: &str) -> ApiError {
    ApiError::not_found(format!("Webhook endpoint {id} not found"))
}

/// `GET /api/v1/webhooks`: every endpoint of the caller's organization, oldest first.
async fn list(State(app): State<Arc<App>>, Extension(caller): Extension<Caller>) -> Answer {
    caller.require(WEBHOOKS_READ)?;
    let inner = app.lock();
    let records: Vec<WireRecord<'_>> = inner
        .store
        .org(caller.org)
        .endpoints
        .iter()
        .map(|endpoint| WireRecord {
            record: &endpoint.record,
            secret: None,
        })
        .collect();
    Ok(envelope::data(StatusCode::OK, records))
}

#[derive(Serialize)]
struct Data<T> {
    data: T,
}

/// `POST /api/v1/webhooks`: a new endpoint and its secret (the only time the secret is shown,
/// apart from rotation). Idempotency check, limit check and insertion happen under one lock.
async fn create(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    caller.require(WEBHOOKS_WRITE)?;
    let request = validate::json_object(&body)?;
    let fields = validate::webhook_fields(&request, Operation::Create);
    let request = Value::Object(request);
    let idempotency_key = header_text(&headers, "idempotency-key");
    let now = clock::unix_now();

    let mut inner = app.lock();
    if let Some(key) = &idempotency_key {
        if let Some(stored) = inner.store.stored_response(caller.org, key, now) {
            if stored.request != request {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    "IDEMPOTENCY_MISMATCH",
                    "Idempotency-Key was already used with a different request body",
                ));
            }
            let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::CREATED);
            return Ok(envelope::json_bytes(
                status,
                stored.body.clone().into_bytes(),
            ));
        }
    }
    let fields = fields?;
    if inner.store.org(caller.org).endpoints.len() >= MAX_ENDPOINTS {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "MAX_ENDPOINTS",
            format!("Maximum {MAX_ENDPOINTS} webhook endpoints per organization"),
        ));
    }
    let id = inner.store.unused_id().map_err(randomness_failed)?;
    let secret = ids::new_secret().map_err(randomness_failed)?;
    let record = state::new_record(
        id,
        fields.url.unwrap_or_default(),
        fields.events.unwrap_or_default(),
        fields.description.flatten(),
        clock::iso8601(now),
    );
    let body = serde_json::to_string(&Data {
        data: WireRecord {
            record: &record,
            secret: Some(secret.expose()),
        },
    })
    .map_err(|_| ApiError::internal("Could not encode the response"))?;
    inner
        .store
        .org_mut(caller.org)
        .endpoints
        .push(Endpoint { record, secret });
    if let Some(key) = idempotency_key {
        let stored = StoredResponse {
            request,
            status: StatusCode::CREATED.as_u16(),
            body: body.clone(),
            stored_at: now,
        };
        inner.store.store_response(caller.org, key, stored);
    }
    app.persist(&inner);
    Ok(envelope::json_bytes(StatusCode::CREATED, body.into_bytes()))
}

fn randomness_failed(error: std::io::Error) -> ApiError {
    ApiError::internal(format!("The random number generator failed: {error}"))
}

/// `PATCH /api/v1/webhooks/{id}`: changes only the fields sent.
async fn update(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    id: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Answer {
    caller.require(WEBHOOKS_WRITE)?;
    let id = endpoint_id(id)?;
    let request = validate::json_object(&body)?;
    let fields = validate::webhook_fields(&request, Operation::Update)?;

    let mut inner = app.lock();
    let endpoint = inner
        .store
        .find_mut(caller.org, &id)
        .ok_or_else(|| unknown_endpoint(&id))?;
    let record = &mut endpoint.record;
    if let Some(url) = fields.url {
        record.insert("url".into(), Value::String(url));
    }
    if let Some(events) = fields.events {
        let events = events.into_iter().map(Value::String).collect();
        record.insert("events".into(), Value::Array(events));
    }
    if let Some(description) = fields.description {
        record.insert(
            "description".into(),
            description.map_or(Value::Null, Value::String),
        );
    }
    if let Some(active) = fields.is_active {
        record.insert("isActive".into(), Value::Bool(active));
    }
    let response = envelope::data(
        StatusCode::OK,
        WireRecord {
            record,
            secret: None,
        },
    );
    app.persist(&inner);
    Ok(response)
}

/// `DELETE /api/v1/webhooks/{id}`: 204 with an empty body.
async fn delete(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    id: Result<Path<String>, PathRejection>,
) -> Answer {
    caller.require(WEBHOOKS_WRITE)?;
    let id = endpoint_id(id)?;
    let mut inner = app.lock();
    if !inner.store.remove(caller.org, &id) {
        return Err(unknown_endpoint(&id));
    }
    app.persist(&inner);
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Serialize)]
struct RotatedSecret<'a> {
    secret: &'a str,
}

/// `POST /api/v1/webhooks/{id}/rotate-secret`: a new secret, valid at once; the old one is gone.
async fn rotate_secret(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    id: Result<Path<String>, PathRejection>,
) -> Answer {
    caller.require(WEBHOOKS_WRITE)?;
    let id = endpoint_id(id)?;
    let secret = ids::new_secret().map_err(randomness_failed)?;
    let mut inner = app.lock();
    let endpoint = inner
        .store
        .find_mut(caller.org, &id)
        .ok_or_else(|| unknown_endpoint(&id))?;
    let response = envelope::data(
        StatusCode::OK,
        RotatedSecret {
            secret: secret.expose(),
        },
    );
    endpoint.secret = secret;
    app.persist(&inner);
    Ok(response)
}
