//! The local webhook receiver behind `erzyhooks listen`: a small HTTP/1 server that checks each
//! delivery's signature, answers as a careful receiver would, optionally relays the delivery to
//! the user's own server, and reports every delivery on a channel for the command to print.

use std::convert::Infallible;
use std::sync::Arc;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::{Map, Value};
use tokio::net::TcpListener;
use tokio::sync::mpsc;

use crate::api::Deliverer;
use crate::secret::Secret;
use crate::signature;

/// Bodies larger than this are refused with 413.
pub const MAX_BODY: usize = 1024 * 1024;

pub struct ReceiverOptions {
    /// Only POSTs to this path are deliveries.
    pub path: String,
    /// Deliveries are verified when a secret is known.
    pub secret: Option<Secret>,
    /// Verified (or unverifiable) deliveries are relayed here, and its status is the answer.
    pub forward: Option<Deliverer>,
}

/// One delivery, as `listen` reports it.
#[derive(Debug, Clone)]
pub struct Received {
    pub received_at: String,
    pub event: Option<String>,
    /// `None` when no secret is set.
    pub verified: Option<bool>,
    /// What the receiver answered.
    pub status: u16,
    /// The forward target's status (`0` when it could not be reached).
    pub forward_status: Option<u16>,
    pub headers: Map<String, Value>,
    pub body: Value,
}

/// Accepts connections until the task is dropped; each delivery is sent on `deliveries`.
pub async fn serve(
    listener: TcpListener,
    options: ReceiverOptions,
    deliveries: mpsc::UnboundedSender<Received>,
) {
    let options = Arc::new(options);
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let options = options.clone();
        let deliveries = deliveries.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                handle(request, options.clone(), deliveries.clone())
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn handle(
    request: Request<Incoming>,
    options: Arc<ReceiverOptions>,
    deliveries: mpsc::UnboundedSender<Received>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    if request.uri().path() != options.path {
        return Ok(answer(StatusCode::NOT_FOUND, "not found"));
    }
    if request.method() != Method::POST {
        let mut response = answer(StatusCode::METHOD_NOT_ALLOWED, "deliveries are POSTs");
        response
            .headers_mut()
            .insert("allow", HeaderValue::from_static("POST"));
        return Ok(response);
    }
    let declared = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_BODY as u64) {
        return Ok(answer(StatusCode::PAYLOAD_TOO_LARGE, "body too large"));
    }
    let mut headers = Map::new();
    for (name, value) in request.headers() {
        headers.insert(
            name.as_str().to_owned(),
            Value::String(String::from_utf8_lossy(value.as_bytes()).into_owned()),
        );
    }
    let signature_header = request
        .headers()
        .get(signature::HEADER)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let received_at = crate::payload::now();
    let body = match Limited::new(request.into_body(), MAX_BODY).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return Ok(answer(StatusCode::PAYLOAD_TOO_LARGE, "body too large")),
    };

    let verified = options.secret.as_ref().map(|secret| {
        signature_header
            .as_deref()
            .is_some_and(|value| signature::verify(secret, &body, value).unwrap_or(false))
    });
    let (status, forward_status) = match (verified, &options.forward) {
        (Some(false), _) => (StatusCode::UNAUTHORIZED, None),
        (_, Some(forward)) => {
            match forward
                .send(body.to_vec(), signature_header.as_deref())
                .await
            {
                Ok(delivered) => (
                    StatusCode::from_u16(delivered.status).unwrap_or(StatusCode::BAD_GATEWAY),
                    Some(delivered.status),
                ),
                Err(_) => (StatusCode::BAD_GATEWAY, Some(0)),
            }
        }
        _ => (StatusCode::OK, None),
    };
    let parsed: Value = serde_json::from_slice(&body)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&body).into_owned()));
    let event = parsed
        .get("event")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let _ = deliveries.send(Received {
        received_at,
        event,
        verified,
        status: status.as_u16(),
        forward_status,
        headers,
        body: parsed,
    });
    let text = match status {
        StatusCode::UNAUTHORIZED => "signature mismatch",
        StatusCode::OK => "ok",
        _ => "",
    };
    Ok(answer(status, text))
}

fn answer(status: StatusCode, text: &'static str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from_static(text.as_bytes())));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    response
}
