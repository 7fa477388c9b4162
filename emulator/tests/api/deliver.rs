//! `POST /_emulator/deliver` and `Emulator::deliver`, checked from the receiving end: local
//! receivers record every request they get, and each signature is recomputed here with the
//! `hmac` crate, whose output is itself pinned to a vector computed with `openssl dgst`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use erzycall_emulator::{Delivery, Emulator, Org, OTHER_ORG_KEY, REVOKED_KEY};
use hmac::{Hmac, Mac};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use sha2::Sha256;

use super::{id_of, Answer, Api, KEY, WEBHOOKS};

const DELIVER: &str = "/_emulator/deliver";

/// An independent computation, by `openssl dgst -sha256 -hmac`, of a delivery's signature:
/// `printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET"`.
const VECTOR_SECRET: &str = "whsec_8kQz2LmN4pRtV6xY9aBcD3eFgH5jK7sW";
const VECTOR_BODY: &str = r#"{"event":"call.ended","timestamp":"2025-01-15T10:30:00.000Z","data":{"id":"call_abc123","status":"completed","to":"+14155550123","from":"+14155550100","duration":127}}"#;
const VECTOR_DIGEST: &str = "0a9b4591826cd28a873afd92df96af474e310abbf97119d34bdb6c76310e204f";

/// `sha256=<lowercase hex HMAC-SHA256>` of `body` keyed with `secret`, as a receiver computes it.
fn expected_signature(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(body);
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("sha256={hex}")
}

/// One request as a receiver got it.
#[derive(Clone, Debug)]
struct Received {
    method: String,
    path: String,
    /// Names lowercased.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Received {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("the body is JSON")
    }

    #[track_caller]
    fn assert_signed_with(&self, secret: &str) {
        assert_eq!(
            self.header("x-webhook-signature"),
            Some(expected_signature(secret, &self.body).as_str()),
            "{}",
            String::from_utf8_lossy(&self.body)
        );
    }
}

/// A webhook receiver on a free loopback port: records each request, waits `delay`, then answers
/// `status` and closes the connection. A plain thread, not a task, so that it answers whatever
/// the test's own runtime is doing.
struct Receiver {
    addr: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Receiver {
    fn start(status: u16) -> Receiver {
        Receiver::start_with(status, Duration::ZERO)
    }

    fn start_with(status: u16, delay: Duration) -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a receiver");
        let addr = listener.local_addr().expect("receiver address");
        let received = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (received, stop) = (Arc::clone(&received), Arc::clone(&stop));
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let received = Arc::clone(&received);
                    std::thread::spawn(move || answer(stream, status, delay, &received));
                }
            })
        };
        Receiver {
            addr,
            received,
            stop,
            thread: Some(thread),
        }
    }

    fn url(&self) -> String {
        format!("http://{}/hook", self.addr)
    }

    fn received(&self) -> Vec<Received> {
        self.received.lock().expect("not poisoned").clone()
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Reads one HTTP/1.1 request (body by `Content-Length`), records it, answers `status`.
fn answer(stream: TcpStream, status: u16, delay: Duration, received: &Mutex<Vec<Received>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() || line.is_empty() {
        return; // The wake-up connection of `Drop`, or a client that went away.
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() || line.trim_end().is_empty() {
            break;
        }
        if let Some((name, value)) = line.trim_end().split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    let length: usize = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .and_then(|(_, value)| value.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    if reader.read_exact(&mut body).is_err() {
        return;
    }
    received.lock().expect("not poisoned").push(Received {
        method,
        path,
        headers,
        body,
    });
    std::thread::sleep(delay);
    let reply = format!(
        "HTTP/1.1 {status} Whatever\r\ncontent-type: text/plain\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok"
    );
    let _ = (&stream).write_all(reply.as_bytes());
}

impl Api {
    /// Creates an endpoint for `url` subscribed to `events` with `key`; returns its record.
    async fn create_for(&self, key: &str, url: &str, events: &[&str]) -> Value {
        let body = json!({"url": url, "events": events});
        let answer = self
            .send(Method::POST, WEBHOOKS, Some(key), Some(body))
            .await;
        assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
        answer.json["data"].clone()
    }

    async fn deliver(&self, key: Option<&str>, body: Value) -> Answer {
        self.send(Method::POST, DELIVER, key, Some(body)).await
    }

    /// Delivers `event` as organization A and returns the `data` list of the answer.
    async fn deliver_ok(&self, event: &str, data: Value) -> Value {
        let answer = self
            .deliver(None, json!({"event": event, "data": data}))
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
        assert_eq!(answer.header("content-type"), Some("application/json"));
        answer.json["data"].clone()
    }
}

/// The `timestamp` form of webhook payloads: `2025-01-15T10:30:00.000Z`.
fn is_iso8601_millis(text: &str) -> bool {
    text.len() == 24
        && text.as_bytes()[19] == b'.'
        && text[20..23].bytes().all(|b| b.is_ascii_digit())
        && super::is_iso8601_utc(&format!("{}Z", &text[..19]))
}

#[test]
fn the_test_signature_agrees_with_openssl() {
    assert_eq!(
        expected_signature(VECTOR_SECRET, VECTOR_BODY.as_bytes()),
        format!("sha256={VECTOR_DIGEST}")
    );
}

#[tokio::test]
async fn deliver_sends_one_signed_post_to_each_active_subscribed_endpoint() {
    let api = Api::start();
    let subscribed = Receiver::start(200);
    let inactive = Receiver::start(200);
    let other_event = Receiver::start(200);

    let first = api
        .create_for(KEY, &subscribed.url(), &["call.started", "call.ended"])
        .await;
    let disabled = api.create_for(KEY, &inactive.url(), &["call.ended"]).await;
    let patched = api
        .send(
            Method::PATCH,
            &format!("{WEBHOOKS}/{}", id_of(&disabled)),
            Some(KEY),
            Some(json!({"isActive": false})),
        )
        .await;
    assert_eq!(patched.status, StatusCode::OK, "{}", patched.text);
    api.create_for(KEY, &other_event.url(), &["contact.created"])
        .await;
    let requests_before = api.emulator.requests();

    let data = json!({"id": "call_abc123", "status": "completed", "to": "+14155550123", "from": "+14155550100", "duration": 127});
    let deliveries = api.deliver_ok("call.ended", data.clone()).await;
    assert_eq!(
        deliveries,
        json!([{"endpointId": id_of(&first), "url": subscribed.url(), "status": 200}])
    );

    let got = subscribed.received();
    assert_eq!(got.len(), 1, "exactly one delivery");
    let delivery = &got[0];
    assert_eq!(
        (delivery.method.as_str(), delivery.path.as_str()),
        ("POST", "/hook")
    );
    assert_eq!(delivery.header("content-type"), Some("application/json"));
    assert!(delivery
        .header("user-agent")
        .is_some_and(|agent| agent.starts_with("ErzyCall-Webhooks/")));
    // Compact JSON, keys in the documented order, `data` exactly as given.
    let text = String::from_utf8(delivery.body.clone()).expect("UTF-8 body");
    let timestamp = delivery.json()["timestamp"]
        .as_str()
        .expect("a timestamp")
        .to_owned();
    assert!(is_iso8601_millis(&timestamp), "{timestamp}");
    assert_eq!(
        text,
        format!(
            r#"{{"event":"call.ended","timestamp":"{timestamp}","data":{}}}"#,
            serde_json::to_string(&data).expect("json")
        )
    );
    let secret = api.emulator.secret_of(&id_of(&first)).expect("a secret");
    assert_eq!(Some(secret.as_str()), first["secret"].as_str());
    delivery.assert_signed_with(&secret);

    assert!(inactive.received().is_empty(), "an inactive endpoint");
    assert!(other_event.received().is_empty(), "not subscribed");
    // Control calls stay out of the request log.
    assert_eq!(api.emulator.requests(), requests_before);

    // Another event reaches only the endpoints subscribed to it; `data` defaults to `{}`.
    let answer = api.deliver(None, json!({"event": "contact.created"})).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    assert_eq!(answer.json["data"][0]["url"], other_event.url());
    assert_eq!(other_event.received()[0].json()["data"], json!({}));
    assert_eq!(subscribed.received().len(), 1);
}

#[tokio::test]
async fn a_rotated_secret_signs_the_next_delivery() {
    let api = Api::start();
    let receiver = Receiver::start(200);
    let record = api.create_for(KEY, &receiver.url(), &["call.ended"]).await;
    let id = id_of(&record);
    let old = record["secret"].as_str().expect("secret").to_owned();
    api.deliver_ok("call.ended", json!({"n": 1})).await;

    let rotated = api
        .send(
            Method::POST,
            &format!("{WEBHOOKS}/{id}/rotate-secret"),
            Some(KEY),
            None,
        )
        .await;
    let new = rotated.json["data"]["secret"]
        .as_str()
        .expect("new secret")
        .to_owned();
    assert_ne!(new, old);
    api.deliver_ok("call.ended", json!({"n": 2})).await;

    let got = receiver.received();
    assert_eq!(got.len(), 2);
    got[0].assert_signed_with(&old);
    got[1].assert_signed_with(&new);
    assert_ne!(
        got[1].header("x-webhook-signature"),
        Some(expected_signature(&old, &got[1].body).as_str())
    );
}

#[tokio::test]
async fn receivers_statuses_are_reported_as_they_are() {
    let api = Api::start();
    let unauthorized = Receiver::start(401);
    let failing = Receiver::start(500);
    let accepted = Receiver::start(202);
    // A port nobody listens on any more: connection refused.
    let closed = TcpListener::bind("127.0.0.1:0").expect("bind");
    let unreachable = format!("http://{}/hook", closed.local_addr().expect("address"));
    drop(closed);

    let urls = [
        unauthorized.url(),
        failing.url(),
        unreachable.clone(),
        "https://example.com/erzycall/hook".to_owned(),
        accepted.url(),
    ];
    let mut ids = Vec::new();
    for url in &urls {
        ids.push(id_of(&api.create_for(KEY, url, &["call.failed"]).await));
    }
    let started = Instant::now();
    let deliveries = api.deliver_ok("call.failed", json!({"id": "call_1"})).await;
    // https is not spoken (status 0), and must not wait for a timeout.
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    let statuses = [401, 500, 0, 0, 202];
    let expected: Vec<Value> = ids
        .iter()
        .zip(&urls)
        .zip(statuses)
        .map(|((id, url), status)| json!({"endpointId": id, "url": url, "status": status}))
        .collect();
    assert_eq!(deliveries, Value::Array(expected));
    for receiver in [&unauthorized, &failing, &accepted] {
        assert_eq!(receiver.received().len(), 1);
    }
}

#[tokio::test]
async fn deliveries_to_different_endpoints_run_concurrently() {
    let api = Api::start();
    let slow: Vec<Receiver> = (0..3)
        .map(|_| Receiver::start_with(200, Duration::from_millis(800)))
        .collect();
    // One by name, so that resolving `localhost` is covered too.
    let urls = [
        slow[0].url().replace("127.0.0.1", "localhost"),
        slow[1].url(),
        slow[2].url(),
    ];
    for url in &urls {
        api.create_for(KEY, url, &["call.scheduled"]).await;
    }
    let started = Instant::now();
    let deliveries = api.deliver_ok("call.scheduled", json!({})).await;
    let elapsed = started.elapsed();
    assert_eq!(deliveries.as_array().map(Vec::len), Some(3));
    assert!(deliveries
        .as_array()
        .into_iter()
        .flatten()
        .all(|delivery| delivery["status"] == 200));
    assert!(elapsed < Duration::from_millis(2000), "{elapsed:?}");
}

#[tokio::test]
async fn the_key_sent_picks_the_organization() {
    let api = Api::start();
    let receiver_a = Receiver::start(200);
    let receiver_b = Receiver::start(200);
    let a = api
        .create_for(KEY, &receiver_a.url(), &["contact.updated"])
        .await;
    let b = api
        .create_for(OTHER_ORG_KEY, &receiver_b.url(), &["contact.updated"])
        .await;
    let body = json!({"event": "contact.updated", "data": {"id": "contact_1"}});

    let as_b = api.deliver(Some(OTHER_ORG_KEY), body.clone()).await;
    assert_eq!(as_b.status, StatusCode::OK, "{}", as_b.text);
    assert_eq!(
        as_b.json["data"],
        json!([{"endpointId": id_of(&b), "url": receiver_b.url(), "status": 200}])
    );
    assert_eq!(receiver_b.received().len(), 1);
    assert!(receiver_a.received().is_empty());

    // The full-access key, or none at all, means organization A.
    for key in [Some(KEY), None] {
        let as_a = api.deliver(key, body.clone()).await;
        assert_eq!(as_a.json["data"][0]["endpointId"], id_of(&a).as_str());
    }
    assert_eq!(receiver_a.received().len(), 2);
    assert_eq!(receiver_b.received().len(), 1);
}

#[tokio::test]
async fn bad_deliver_requests_are_refused_with_the_envelope() {
    let api = Api::start();
    let receiver = Receiver::start(200);
    api.create_for(KEY, &receiver.url(), &["call.ended"]).await;
    let logged = api.emulator.requests();

    for body in [
        json!({"data": {}}),
        json!({"event": "call.exploded"}),
        json!({"event": ["call.ended"]}),
    ] {
        let answer = api.deliver(None, body).await;
        answer.expect_error(400, "VALIDATION_ERROR");
        assert_eq!(answer.detail_fields(), ["event"]);
    }
    let misspelt = api
        .deliver(None, json!({"event": "call.ended", "dta": {}}))
        .await;
    misspelt.expect_error(400, "VALIDATION_ERROR");
    assert_eq!(misspelt.detail_fields(), ["dta"]);

    let not_json = api
        .try_send(Method::POST, DELIVER, None, Some(b"{".to_vec()), None)
        .await
        .expect("an answer");
    not_json.expect_error(400, "INVALID_JSON");

    api.deliver(Some(REVOKED_KEY), json!({"event": "call.ended"}))
        .await
        .expect_error(401, "KEY_REVOKED");
    api.deliver(Some("ek_test_typo"), json!({"event": "call.ended"}))
        .await
        .expect_error(401, "UNAUTHORIZED");

    let get = api.control(Method::GET, DELIVER, None).await;
    get.expect_error(405, "METHOD_NOT_ALLOWED");
    assert_eq!(get.header("allow"), Some("POST"));

    assert!(receiver.received().is_empty());
    assert_eq!(api.emulator.requests(), logged);
}

#[test]
fn the_library_method_delivers_from_a_plain_thread() {
    let emulator = Emulator::start().expect("emulator starts");
    let receiver = Receiver::start(204);
    let hook = json!({"id": "wh_lib", "url": receiver.url(), "events": ["call.cancelled"], "isActive": true});
    emulator.insert_raw(Org::B, hook);
    // Planted records are delivered to only when `isActive` is exactly true.
    let odd = json!({"id": "wh_odd", "url": receiver.url(), "events": ["call.cancelled"], "isActive": null});
    emulator.insert_raw(Org::B, odd);

    let deliveries = emulator.deliver("call.cancelled", json!({"id": "call_9"}), Org::B);
    assert_eq!(
        deliveries,
        [Delivery {
            endpoint_id: "wh_lib".into(),
            url: receiver.url(),
            status: 204,
        }]
    );
    assert_eq!(
        serde_json::to_value(&deliveries[0]).expect("serializes"),
        json!({"endpointId": "wh_lib", "url": receiver.url(), "status": 204})
    );
    let got = receiver.received();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].json()["data"], json!({"id": "call_9"}));
    got[0].assert_signed_with(&emulator.secret_of("wh_lib").expect("secret"));

    assert!(emulator
        .deliver("call.cancelled", json!({}), Org::A)
        .is_empty());
    assert_eq!(receiver.received().len(), 1);
}

#[test]
#[should_panic(expected = "unknown event")]
fn the_library_method_refuses_unknown_events() {
    let emulator = Emulator::start().expect("emulator starts");
    emulator.deliver("call.exploded", json!({}), Org::A);
}
