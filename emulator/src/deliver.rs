//! Webhook deliveries, as ErzyCall sends them (`erzycall-api.md` §4), for `POST /_emulator/deliver`
//! and [`crate::Emulator::deliver`].
//!
//! The point is to let a user test their receiver, and a client's `listen`/`verify` tooling, against
//! the exact bytes a delivery carries: a `POST` of compact JSON `{"event", "timestamp", "data"}`
//! (keys in that order, `timestamp` with milliseconds) with `X-Webhook-Signature: sha256=<hex>`, the
//! lowercase hex HMAC-SHA256 of those bytes keyed with the endpoint's whole `whsec_…` secret.
//!
//! Only plain `http://` is spoken: the emulator has no TLS stack, so an `https://` endpoint (or any
//! other scheme) is reported with status 0 at once, as an unreachable receiver would be. That is
//! enough for the loopback receivers the emulator accepts beyond the real API (DESIGN §7).
//! Deliveries to different endpoints run concurrently, each bounded by [`DELIVERY_TIMEOUT`], so one
//! stuck receiver delays the answer by at most that much.

use std::time::Duration;

use axum::body::Bytes;
use axum::http::{header, HeaderValue, Request};
use hmac::{Hmac, Mac};
use http_body_util::{BodyExt, Full, Limited};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::Sha256;
use url::Url;

use crate::envelope::{ApiError, Detail};
use crate::ids::Secret;
use crate::state::Endpoint;
use crate::validate::EVENTS;

/// How long one delivery may take, from connecting to the receiver's status line, before it is
/// given up and reported with status 0.
pub(crate) const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);
/// After the status line, how long the receiver's answer body is read (and thrown away) so the
/// connection ends cleanly rather than with a reset.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(1);
/// How much of an answer body is read at most; the rest is not waited for.
const DRAIN_LIMIT: usize = 1024 * 1024;
/// Sent with every delivery, so a receiver's logs can tell emulator deliveries apart.
const USER_AGENT: &str = "ErzyCall-Webhooks/1.0 (erzycall-emulator)";
/// The signature header of `erzycall-api.md` §4.
pub(crate) const SIGNATURE_HEADER: &str = "x-webhook-signature";

/// The outcome of one delivery: to which endpoint, at which URL, and what the receiver answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    /// The endpoint's `id`.
    pub endpoint_id: String,
    /// The `url` the delivery was sent to.
    pub url: String,
    /// The receiver's HTTP status; 0 when it could not be reached: connection refused, timeout,
    /// name resolution failure, or a URL the emulator cannot send to (`https://` included).
    pub status: u16,
}

/// One endpoint to deliver to, copied out of the state so that no lock is held while sending.
/// The secret is the one current when the delivery was asked for, so a rotation applies from
/// the next delivery on.
#[derive(Debug)]
pub(crate) struct Target {
    endpoint_id: String,
    url: String,
    secret: Secret,
}

impl Target {
    /// The target for `endpoint` if it should get `event`: `isActive` is `true` and `events`
    /// names it. Records planted with `insert_raw` may have any shape; one whose `isActive` is
    /// anything but `true`, or whose `events` is not a list holding the name, gets nothing.
    pub(crate) fn for_event(endpoint: &Endpoint, event: &str) -> Option<Target> {
        let record = &endpoint.record;
        let active = record.get("isActive") == Some(&Value::Bool(true));
        let subscribed = record
            .get("events")
            .and_then(Value::as_array)
            .is_some_and(|events| events.iter().any(|name| name.as_str() == Some(event)));
        (active && subscribed).then(|| Target {
            endpoint_id: text_field(record, "id"),
            url: text_field(record, "url"),
            secret: endpoint.secret.clone(),
        })
    }
}

/// A record's field as text: a string as is, any other JSON value as its JSON text, "" when
/// missing. Only odd records from `insert_raw` have non-string IDs or URLs; their deliveries are
/// still reported, with status 0, rather than silently skipped.
fn text_field(record: &Map<String, Value>, name: &str) -> String {
    match record.get(name) {
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// Checks a `POST /_emulator/deliver` body: `event` (one of the 8 documented events) and an
/// optional `data` (any JSON, `{}` when absent). Unknown fields are refused, as in the API's own
/// bodies, so that a misspelt `data` is not silently delivered as `{}`.
pub(crate) fn parse_request(mut body: Map<String, Value>) -> Result<(String, Value), ApiError> {
    let mut details = Vec::new();
    let event = match body.remove("event") {
        Some(Value::String(name)) if EVENTS.contains(&name.as_str()) => Some(name),
        Some(Value::String(name)) => {
            details.push(Detail::new("event", unknown_event(&name)));
            None
        }
        Some(_) => {
            details.push(Detail::new("event", "must be a string"));
            None
        }
        None => {
            details.push(Detail::new("event", "is required"));
            None
        }
    };
    let data = body
        .remove("data")
        .unwrap_or_else(|| Value::Object(Map::new()));
    for name in body.keys() {
        details.push(Detail::new(name.as_str(), "unknown field"));
    }
    match event {
        Some(event) if details.is_empty() => Ok((event, data)),
        _ => Err(ApiError::validation(details)),
    }
}

/// Why `name` is refused as an event, listing the valid ones.
pub(crate) fn unknown_event(name: &str) -> String {
    let shown: String = name.chars().take(64).collect();
    format!(
        "unknown event {shown:?}; known events: {}",
        EVENTS.join(", ")
    )
}

/// The exact bytes of a delivery: compact JSON with `event`, `timestamp` and `data` in that order
/// (a struct, so the order holds whatever serde_json's map does).
pub(crate) fn payload(event: &str, timestamp: &str, data: &Value) -> Vec<u8> {
    #[derive(Serialize)]
    struct Payload<'a> {
        event: &'a str,
        timestamp: &'a str,
        data: &'a Value,
    }
    // Serializing strings and a `Value` cannot fail; an empty body would only fail to verify.
    serde_json::to_vec(&Payload {
        event,
        timestamp,
        data,
    })
    .unwrap_or_default()
}

/// `sha256=` and the lowercase hex HMAC-SHA256 of `body`, keyed with the whole secret text as
/// UTF-8 (no prefix stripped, no decoding), as the API's verification sample computes it.
pub(crate) fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC takes keys of any length"),
    };
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(7 + 2 * digest.len());
    text.push_str("sha256=");
    for byte in digest {
        text.push(char::from(HEX[usize::from(byte >> 4)]));
        text.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    text
}

/// Sends `body` to every target at once and reports each outcome in the targets' order. Must run
/// inside a tokio runtime with I/O and time enabled.
pub(crate) async fn send_all(targets: Vec<Target>, body: Vec<u8>) -> Vec<Delivery> {
    let mut connector = HttpConnector::new();
    // The scheme is checked before sending (see `send_one`), with the `url` crate's parsing.
    connector.enforce_http(false);
    connector.set_nodelay(true);
    // One connection per delivery, closed after it: nothing lingers on the receiver's side, and a
    // receiver that reads one request per connection works.
    let client: Client<HttpConnector, Full<Bytes>> = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(0)
        .build(connector);
    let body = Bytes::from(body);
    let sends: Vec<_> = targets
        .into_iter()
        .map(|target| {
            let client = client.clone();
            let body = body.clone();
            let url = target.url.clone();
            let task =
                tokio::spawn(async move { send_one(&client, &url, &target.secret, body).await });
            (target.endpoint_id, target.url, task)
        })
        .collect();
    let mut deliveries = Vec::with_capacity(sends.len());
    for (endpoint_id, url, task) in sends {
        // A delivery task that panicked is a bug here, not the receiver's doing: report it as
        // unreachable rather than failing the whole call.
        let status = task.await.unwrap_or(0);
        deliveries.push(Delivery {
            endpoint_id,
            url,
            status,
        });
    }
    deliveries
}

/// One signed `POST` to `url`; the receiver's status, or 0 when there is none to be had.
async fn send_one(
    client: &Client<HttpConnector, Full<Bytes>>,
    url: &str,
    secret: &Secret,
    body: Bytes,
) -> u16 {
    let Some(uri) = http_uri(url) else {
        return 0;
    };
    let Ok(signature) = HeaderValue::from_str(&signature(secret.expose(), &body)) else {
        return 0;
    };
    let request = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::USER_AGENT, USER_AGENT)
        .header(SIGNATURE_HEADER, signature)
        .body(Full::new(body));
    let Ok(request) = request else {
        return 0;
    };
    let response = match tokio::time::timeout(DELIVERY_TIMEOUT, client.request(request)).await {
        Ok(Ok(response)) => response,
        // Refused, reset, unresolvable name, or timed out.
        Ok(Err(_)) | Err(_) => return 0,
    };
    let status = response.status().as_u16();
    let drain = Limited::new(response.into_body(), DRAIN_LIMIT).collect();
    let _ = tokio::time::timeout(DRAIN_TIMEOUT, drain).await;
    status
}

/// `url` as a request URI if it is an `http://` URL the client can send to; `None` for
/// `https://` (no TLS here), other schemes and text that is not a URL. The fragment, which is
/// never sent, is dropped.
fn http_uri(url: &str) -> Option<axum::http::Uri> {
    let mut parsed = Url::parse(url).ok()?;
    if parsed.scheme() != "http" || parsed.host().is_none() {
        return None;
    }
    parsed.set_fragment(None);
    parsed.as_str().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => panic!("test bodies are objects"),
        }
    }

    #[test]
    fn signature_matches_openssl() {
        // printf '%s' '{"event":"call.ended","timestamp":"2025-01-15T10:30:00.000Z","data":{}}' \
        //   | openssl dgst -sha256 -hmac 'whsec_test'
        assert_eq!(
            signature(
                "whsec_test",
                br#"{"event":"call.ended","timestamp":"2025-01-15T10:30:00.000Z","data":{}}"#
            ),
            "sha256=32154e8293035784a5fd50aa5d24df12d610dc7f944344f232736093d8719e16"
        );
    }

    #[test]
    fn payload_is_compact_with_keys_in_order() {
        let data = json!({"id": "call_1", "to": "+4930123", "duration": 42});
        assert_eq!(
            String::from_utf8(payload("call.ended", "2025-01-15T10:30:00.000Z", &data))
                .expect("utf-8"),
            r#"{"event":"call.ended","timestamp":"2025-01-15T10:30:00.000Z","data":{"id":"call_1","to":"+4930123","duration":42}}"#
        );
    }

    #[test]
    fn requests() {
        let (event, data) = parse_request(object(json!({"event": "call.ended"}))).expect("valid");
        assert_eq!((event.as_str(), data), ("call.ended", json!({})));
        let (_, data) = parse_request(object(
            json!({"event": "contact.deleted", "data": [1, null]}),
        ))
        .expect("valid");
        assert_eq!(data, json!([1, null]));

        for (body, fields) in [
            (json!({}), vec!["event"]),
            (json!({"event": "call.exploded"}), vec!["event"]),
            (json!({"event": 1}), vec!["event"]),
            (json!({"event": "call.ended", "Data": {}}), vec!["Data"]),
        ] {
            let error = parse_request(object(body.clone())).expect_err("invalid");
            assert_eq!(error.code, "VALIDATION_ERROR", "{body}");
            let details = error.details.unwrap_or_default();
            let names: Vec<&str> = details.iter().map(|d| d.field.as_str()).collect();
            assert_eq!(names, fields, "{body}");
        }
    }

    #[test]
    fn only_plain_http_urls_are_sent_to() {
        assert_eq!(
            http_uri("http://127.0.0.1:4000/hook?x=1#frag").map(|uri| uri.to_string()),
            Some("http://127.0.0.1:4000/hook?x=1".to_owned())
        );
        assert!(http_uri("http://[::1]:4000/").is_some());
        for url in [
            "https://example.com/hook",
            "ftp://example.com/",
            "not a url",
            "",
            "null",
        ] {
            assert!(http_uri(url).is_none(), "{url}");
        }
    }
}
