//! The emulator driven over real HTTP, as the CLI and users' scripts drive it: every status and
//! error code, every fault kind, idempotency, rate limits, isolation between organizations,
//! hostile input, persistence, the binary's two modes, and webhook deliveries (in `deliver`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use erzycall_emulator::{
    Emulator, Fault, LoggedRequest, Options, Org, Seed, EXPIRED_KEY, FULL_ACCESS_KEY,
    OTHER_ORG_KEY, READ_ONLY_KEY, REVOKED_KEY,
};
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

#[path = "api/deliver.rs"]
mod deliver;

const KEY: &str = FULL_ACCESS_KEY;
const WEBHOOKS: &str = "/api/v1/webhooks";

/// An emulator and a client for it.
struct Api {
    emulator: Emulator,
    client: reqwest::Client,
}

/// One answer: status, headers, raw body and the body parsed as JSON (`Null` when it is not).
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    text: String,
    json: Value,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn code(&self) -> &str {
        self.json["error"]["code"].as_str().unwrap_or("")
    }

    /// The `field`s of the error's `details`, in order.
    fn detail_fields(&self) -> Vec<&str> {
        self.json["error"]["details"]
            .as_array()
            .map(|details| {
                details
                    .iter()
                    .map(|d| d["field"].as_str().unwrap_or(""))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[track_caller]
    fn expect_error(&self, status: u16, code: &str) {
        assert_eq!(
            (self.status.as_u16(), self.code()),
            (status, code),
            "{}",
            self.text
        );
        assert_eq!(self.header("content-type"), Some("application/json"));
        assert!(self.json["error"]["message"].is_string(), "{}", self.text);
    }
}

impl Api {
    fn start() -> Api {
        Api::start_with(Options::default())
    }

    fn start_with(options: Options) -> Api {
        Api {
            emulator: Emulator::start_with(options).expect("emulator starts"),
            client: reqwest::Client::new(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.emulator.base_url())
    }

    async fn try_send(
        &self,
        method: Method,
        path: &str,
        key: Option<&str>,
        body: Option<Vec<u8>>,
        idempotency_key: Option<&str>,
    ) -> reqwest::Result<Answer> {
        let mut request = self.client.request(method, self.url(path));
        if let Some(key) = key {
            request = request.header("X-API-Key", key);
        }
        if let Some(idempotency_key) = idempotency_key {
            request = request.header("Idempotency-Key", idempotency_key);
        }
        if let Some(body) = body {
            request = request
                .header("Content-Type", "application/json")
                .body(body);
        }
        let response = request.send().await?;
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await?;
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Ok(Answer {
            status,
            headers,
            text,
            json,
        })
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        key: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let body = body.map(|b| serde_json::to_vec(&b).expect("json"));
        self.try_send(method, path, key, body, None)
            .await
            .expect("an answer")
    }

    async fn raw(&self, method: Method, path: &str, body: &[u8]) -> Answer {
        self.try_send(method, path, Some(KEY), Some(body.to_vec()), None)
            .await
            .expect("an answer")
    }

    async fn list(&self, key: &str) -> Answer {
        self.send(Method::GET, WEBHOOKS, Some(key), None).await
    }

    async fn create_as(&self, key: &str, url: &str) -> Answer {
        let body = json!({"url": url, "events": ["call.ended"]});
        self.send(Method::POST, WEBHOOKS, Some(key), Some(body))
            .await
    }

    /// Creates an endpoint in organization A and returns its record (with the secret).
    async fn create(&self, url: &str) -> Value {
        let answer = self.create_as(KEY, url).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
        answer.json["data"].clone()
    }

    async fn control(&self, method: Method, path: &str, body: Option<Value>) -> Answer {
        self.send(method, path, None, body).await
    }
}

fn id_of(record: &Value) -> String {
    record["id"].as_str().expect("record has an id").to_owned()
}

fn is_iso8601_utc(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 20
        && text.ends_with('Z')
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            10 => *b == b'T',
            13 | 16 => *b == b':',
            19 => *b == b'Z',
            _ => b.is_ascii_digit(),
        })
}

#[tokio::test]
async fn list_starts_empty_in_the_data_envelope_with_rate_limit_headers() {
    let api = Api::start();
    let answer = api.list(KEY).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header("content-type"), Some("application/json"));
    assert_eq!(answer.json, json!({"data": []}));
    assert_eq!(answer.header("x-ratelimit-limit"), Some("60"));
    assert_eq!(answer.header("x-ratelimit-remaining"), Some("59"));
    let reset: u64 = answer
        .header("x-ratelimit-reset")
        .and_then(|r| r.parse().ok())
        .expect("a reset time in unix seconds");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs();
    assert!((now..=now + 61).contains(&reset), "{reset} vs {now}");
}

#[tokio::test]
async fn create_update_list_delete() {
    let api = Api::start();
    let created = api
        .send(
            Method::POST,
            WEBHOOKS,
            Some(KEY),
            Some(json!({"url": "https://example.com/hook", "events": ["call.ended", "contact.created"]})),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let record = &created.json["data"];
    let id = id_of(record);
    assert!(id.starts_with("wh_") && id.len() == 19, "{id}");
    assert!(id[3..]
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    let secret = record["secret"].as_str().expect("a secret on create");
    assert!(
        secret.starts_with("whsec_") && secret.len() == 38,
        "{secret}"
    );
    assert!(secret[6..].bytes().all(|b| b.is_ascii_alphanumeric()));
    assert_eq!(record["url"], "https://example.com/hook");
    assert_eq!(record["events"], json!(["call.ended", "contact.created"]));
    assert_eq!(record["isActive"], true);
    assert_eq!(record["description"], Value::Null);
    assert!(
        is_iso8601_utc(record["createdAt"].as_str().unwrap_or("")),
        "{record}"
    );
    // Fields come in the documented order.
    let positions: Vec<usize> = [
        "\"id\"",
        "\"url\"",
        "\"events\"",
        "\"secret\"",
        "\"isActive\"",
        "\"description\"",
        "\"createdAt\"",
    ]
    .iter()
    .map(|field| created.text.find(field).expect("field present"))
    .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "{}",
        created.text
    );
    assert_eq!(api.emulator.secret_of(&id).as_deref(), Some(secret));

    let listed = api.list(KEY).await;
    assert_eq!(listed.status, StatusCode::OK);
    let mut without_secret = record.clone();
    without_secret
        .as_object_mut()
        .expect("object")
        .remove("secret");
    assert_eq!(listed.json, json!({"data": [without_secret]}));
    assert!(!listed.text.contains("whsec_"));
    assert_eq!(api.emulator.endpoints(Org::A), vec![without_secret.clone()]);

    let path = format!("{WEBHOOKS}/{id}");
    let updated = api
        .send(
            Method::PATCH,
            &path,
            Some(KEY),
            Some(json!({"isActive": false, "description": "Production webhook", "events": ["call.failed"]})),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.text);
    let data = &updated.json["data"];
    assert_eq!(data["isActive"], false);
    assert_eq!(data["description"], "Production webhook");
    assert_eq!(data["events"], json!(["call.failed"]));
    assert_eq!(data["url"], "https://example.com/hook");
    assert_eq!(data["createdAt"], record["createdAt"]);
    assert!(data.get("secret").is_none());

    let cleared = api
        .send(
            Method::PATCH,
            &path,
            Some(KEY),
            Some(json!({"description": null, "url": "http://127.0.0.1:9000/hook"})),
        )
        .await;
    assert_eq!(cleared.status, StatusCode::OK, "{}", cleared.text);
    assert_eq!(cleared.json["data"]["description"], Value::Null);
    assert_eq!(cleared.json["data"]["url"], "http://127.0.0.1:9000/hook");

    let deleted = api.send(Method::DELETE, &path, Some(KEY), None).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert_eq!(deleted.text, "");
    assert_eq!(api.list(KEY).await.json, json!({"data": []}));
    api.send(Method::DELETE, &path, Some(KEY), None)
        .await
        .expect_error(404, "NOT_FOUND");
    api.send(
        Method::PATCH,
        &path,
        Some(KEY),
        Some(json!({"isActive": true})),
    )
    .await
    .expect_error(404, "NOT_FOUND");
}

#[tokio::test]
async fn validation_errors_have_one_detail_per_bad_field() {
    let api = Api::start();
    let answer = api
        .send(
            Method::POST,
            WEBHOOKS,
            Some(KEY),
            Some(json!({
                "url": "http://example.com/hook",
                "events": ["call.ended", "call.ended"],
                "description": "é".repeat(501),
                "secret": "mine",
            })),
        )
        .await;
    answer.expect_error(400, "VALIDATION_ERROR");
    assert_eq!(
        answer.detail_fields(),
        ["url", "events", "description", "secret"]
    );

    let cases = [
        (json!({}), vec!["url", "events"]),
        (
            json!({"url": "https://a.example", "events": []}),
            vec!["events"],
        ),
        (
            json!({"url": "https://a.example", "events": ["call.exploded"]}),
            vec!["events"],
        ),
        (
            json!({"url": "https://a.example", "events": "call.ended"}),
            vec!["events"],
        ),
        (json!({"url": 42, "events": ["call.ended"]}), vec!["url"]),
        (
            json!({"url": "ftp://a.example", "events": ["call.ended"]}),
            vec!["url"],
        ),
        (
            json!({"url": "https://", "events": ["call.ended"]}),
            vec!["url"],
        ),
        (
            json!({"url": "https://a.example", "events": ["call.ended"], "description": 5}),
            vec!["description"],
        ),
        (
            json!({"url": "https://a.example", "events": ["call.ended"], "isActive": true}),
            vec!["isActive"],
        ),
        (
            json!({"url": "https://a.example", "events": ["call.started", "call.ended", "call.failed", "call.scheduled", "call.cancelled", "contact.created", "contact.updated", "contact.deleted", "call.x", "call.y", "call.z"]}),
            vec!["events"],
        ),
    ];
    for (body, fields) in cases {
        let answer = api
            .send(Method::POST, WEBHOOKS, Some(KEY), Some(body.clone()))
            .await;
        answer.expect_error(400, "VALIDATION_ERROR");
        assert_eq!(answer.detail_fields(), fields, "{body}");
        for detail in answer.json["error"]["details"]
            .as_array()
            .into_iter()
            .flatten()
        {
            assert!(detail["message"].is_string(), "{detail}");
        }
    }

    // 500 characters are fine even when they take 1000 bytes; loopback http is fine.
    let answer = api
        .send(
            Method::POST,
            WEBHOOKS,
            Some(KEY),
            Some(json!({"url": "http://localhost:8080/hook", "events": ["call.ended"], "description": "é".repeat(500)})),
        )
        .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
    let path = format!("{WEBHOOKS}/{}", id_of(&answer.json["data"]));

    let empty = api
        .send(Method::PATCH, &path, Some(KEY), Some(json!({})))
        .await;
    empty.expect_error(400, "VALIDATION_ERROR");
    let answer = api
        .send(
            Method::PATCH,
            &path,
            Some(KEY),
            Some(json!({"isActive": "yes", "color": "red", "url": "http://10.1.2.3/"})),
        )
        .await;
    answer.expect_error(400, "VALIDATION_ERROR");
    let mut fields = answer.detail_fields();
    fields.sort_unstable();
    assert_eq!(fields, ["color", "isActive", "url"]);
    // Nothing was changed by the refused requests.
    assert_eq!(api.emulator.endpoints(Org::A)[0]["isActive"], true);
}

#[tokio::test]
async fn bodies_that_are_not_json_are_invalid_json() {
    let api = Api::start();
    let id = id_of(&api.create("https://a.example/hook").await);
    let bodies: [&[u8]; 5] = [
        b"",
        b"not json",
        b"[1, 2",
        b"{\"url\": \"https://a.example/\xff\xfe\", \"events\": [\"call.ended\"]}",
        b"{\"url\": \"https://a.example\",",
    ];
    for body in bodies {
        api.raw(Method::POST, WEBHOOKS, body)
            .await
            .expect_error(400, "INVALID_JSON");
        api.raw(Method::PATCH, &format!("{WEBHOOKS}/{id}"), body)
            .await
            .expect_error(400, "INVALID_JSON");
    }
}

#[tokio::test]
async fn json_bodies_that_are_not_objects_are_validation_errors() {
    let api = Api::start();
    let id = id_of(&api.create("https://a.example/hook").await);
    let bodies: [(&[u8], &str); 6] = [
        (b"[]", "an array"),
        (b"[1, 2]", "an array"),
        (b"\"x\"", "a string"),
        (b"\"https://a.example\"", "a string"),
        (b"3", "a number"),
        (b"null", "null"),
    ];
    for (body, kind) in bodies {
        for answer in [
            api.raw(Method::POST, WEBHOOKS, body).await,
            api.raw(Method::PATCH, &format!("{WEBHOOKS}/{id}"), body)
                .await,
            api.try_send(
                Method::POST,
                "/_emulator/deliver",
                None,
                Some(body.to_vec()),
                None,
            )
            .await
            .expect("an answer"),
        ] {
            answer.expect_error(400, "VALIDATION_ERROR");
            assert_eq!(
                answer.json["error"]["details"],
                json!([{"field": "body", "message": format!("must be a JSON object, not {kind}")}]),
                "{}",
                answer.text
            );
        }
    }
    assert_eq!(api.emulator.endpoints(Org::A).len(), 1);
}

#[tokio::test]
async fn malformed_ids_are_invalid_id() {
    let api = Api::start();
    let long = format!("{WEBHOOKS}/wh_{}", "a".repeat(65));
    for path in [
        format!("{WEBHOOKS}/123"),
        format!("{WEBHOOKS}/wh_a%2Fb"),
        format!("{WEBHOOKS}/wh_%FF"),
        format!("{WEBHOOKS}/wh_a-b"),
        long,
    ] {
        api.send(Method::DELETE, &path, Some(KEY), None)
            .await
            .expect_error(400, "INVALID_ID");
        api.send(
            Method::PATCH,
            &path,
            Some(KEY),
            Some(json!({"isActive": true})),
        )
        .await
        .expect_error(400, "INVALID_ID");
        api.send(
            Method::POST,
            &format!("{path}/rotate-secret"),
            Some(KEY),
            None,
        )
        .await
        .expect_error(400, "INVALID_ID");
    }
    // Well-formed but unknown: 404.
    api.send(
        Method::DELETE,
        &format!("{WEBHOOKS}/wh_{}", "a".repeat(64)),
        Some(KEY),
        None,
    )
    .await
    .expect_error(404, "NOT_FOUND");
}

#[tokio::test]
async fn keys_scopes_and_their_errors() {
    let api = Api::start();
    api.send(Method::GET, WEBHOOKS, None, None)
        .await
        .expect_error(401, "UNAUTHORIZED");
    api.list("ek_test_nonsense")
        .await
        .expect_error(401, "UNAUTHORIZED");
    api.list(REVOKED_KEY).await.expect_error(401, "KEY_REVOKED");
    api.list(EXPIRED_KEY).await.expect_error(401, "KEY_EXPIRED");
    api.create_as(REVOKED_KEY, "https://a.example")
        .await
        .expect_error(401, "KEY_REVOKED");

    let id = id_of(&api.create("https://a.example/hook").await);
    let listed = api.list(READ_ONLY_KEY).await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(listed.json["data"][0]["id"], id.as_str());

    let refused = api.create_as(READ_ONLY_KEY, "https://b.example").await;
    refused.expect_error(403, "INSUFFICIENT_SCOPE");
    assert_eq!(
        refused.json["error"]["message"],
        "API key lacks required scope: webhooks:write"
    );
    let path = format!("{WEBHOOKS}/{id}");
    for (method, path, body) in [
        (
            Method::PATCH,
            path.clone(),
            Some(json!({"isActive": false})),
        ),
        (Method::DELETE, path.clone(), None),
        (Method::POST, format!("{path}/rotate-secret"), None),
    ] {
        api.send(method, &path, Some(READ_ONLY_KEY), body)
            .await
            .expect_error(403, "INSUFFICIENT_SCOPE");
    }
    assert_eq!(api.emulator.endpoints(Org::A).len(), 1);
    assert_eq!(api.emulator.endpoints(Org::A)[0]["isActive"], true);
}

#[tokio::test]
async fn organizations_cannot_see_or_touch_each_other() {
    let api = Api::start();
    let a = api.create("https://a.example/hook").await;
    let id = id_of(&a);
    let secret = api.emulator.secret_of(&id);

    assert_eq!(api.list(OTHER_ORG_KEY).await.json, json!({"data": []}));
    let path = format!("{WEBHOOKS}/{id}");
    api.send(
        Method::PATCH,
        &path,
        Some(OTHER_ORG_KEY),
        Some(json!({"isActive": false})),
    )
    .await
    .expect_error(404, "NOT_FOUND");
    api.send(Method::DELETE, &path, Some(OTHER_ORG_KEY), None)
        .await
        .expect_error(404, "NOT_FOUND");
    api.send(
        Method::POST,
        &format!("{path}/rotate-secret"),
        Some(OTHER_ORG_KEY),
        None,
    )
    .await
    .expect_error(404, "NOT_FOUND");

    let b = api.create_as(OTHER_ORG_KEY, "https://b.example/hook").await;
    assert_eq!(b.status, StatusCode::CREATED);
    assert_eq!(api.emulator.endpoints(Org::B).len(), 1);
    let listed_a = api.list(KEY).await;
    assert_eq!(listed_a.json["data"].as_array().map(Vec::len), Some(1));
    assert_eq!(listed_a.json["data"][0]["isActive"], true);
    assert_eq!(api.emulator.secret_of(&id), secret);
}

#[tokio::test]
async fn unknown_routes_and_wrong_methods_answer_with_the_envelope() {
    let api = Api::start();
    api.send(Method::GET, "/api/v1/contacts", Some(KEY), None)
        .await
        .expect_error(404, "NOT_FOUND");
    api.send(Method::GET, "/api/v1/webhooks/", Some(KEY), None)
        .await
        .expect_error(404, "NOT_FOUND");
    api.send(Method::GET, "/", None, None)
        .await
        .expect_error(404, "NOT_FOUND");

    for (method, path, allow) in [
        (Method::PUT, WEBHOOKS.to_owned(), "GET, HEAD, POST"),
        (Method::DELETE, WEBHOOKS.to_owned(), "GET, HEAD, POST"),
        (Method::GET, format!("{WEBHOOKS}/wh_1"), "PATCH, DELETE"),
        (
            Method::GET,
            format!("{WEBHOOKS}/wh_1/rotate-secret"),
            "POST",
        ),
    ] {
        let answer = api.send(method, &path, Some(KEY), None).await;
        answer.expect_error(405, "METHOD_NOT_ALLOWED");
        assert_eq!(answer.header("allow"), Some(allow));
        assert!(answer.header("x-ratelimit-remaining").is_some());
    }
    api.control(Method::GET, "/_emulator/reset", None)
        .await
        .expect_error(405, "METHOD_NOT_ALLOWED");
    api.control(Method::GET, "/_emulator/nothing", None)
        .await
        .expect_error(404, "NOT_FOUND");
}

#[tokio::test]
async fn a_sixth_endpoint_is_refused() {
    let api = Api::start();
    for i in 0..5 {
        api.create(&format!("https://a.example/{i}")).await;
    }
    let refused = api.create_as(KEY, "https://a.example/6").await;
    refused.expect_error(422, "MAX_ENDPOINTS");
    assert_eq!(
        refused.json["error"]["message"],
        "Maximum 5 webhook endpoints per organization"
    );
    assert_eq!(api.emulator.endpoints(Org::A).len(), 5);
    // The limit is per organization.
    assert_eq!(
        api.create_as(OTHER_ORG_KEY, "https://b.example")
            .await
            .status,
        StatusCode::CREATED
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_creates_for_the_last_slots_let_exactly_that_many_win() {
    let api = std::sync::Arc::new(Api::start());
    api.emulator.insert_raw(
        Org::A,
        json!({"id": "wh_existing", "url": "https://a.example", "events": ["call.ended"], "isActive": true, "description": null, "createdAt": "2025-01-15T10:30:00Z"}),
    );
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..20 {
        let api = std::sync::Arc::clone(&api);
        tasks.spawn(async move {
            api.create_as(KEY, &format!("https://a.example/{i}"))
                .await
                .status
                .as_u16()
        });
    }
    let mut statuses = Vec::new();
    while let Some(status) = tasks.join_next().await {
        statuses.push(status.expect("task finished"));
    }
    statuses.sort_unstable();
    let mut expected = vec![201; 4];
    expected.extend([422; 16]);
    assert_eq!(statuses, expected);
    assert_eq!(api.emulator.endpoints(Org::A).len(), 5);
}

#[tokio::test]
async fn idempotency_key_replays_the_first_answer_or_refuses_a_different_body() {
    let api = Api::start();
    let body = br#"{"url": "https://a.example/hook", "events": ["call.ended", "call.failed"], "description": "x"}"#;
    let create = |body: &[u8], key: &'static str, api_key: &'static str| {
        api.try_send(
            Method::POST,
            WEBHOOKS,
            Some(api_key),
            Some(body.to_vec()),
            Some(key),
        )
    };
    let first = create(body, "create-webhook-prod", KEY)
        .await
        .expect("answer");
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);

    // Same JSON, written differently: the same answer, byte for byte, and no new endpoint.
    let same = br#"{"events":["call.ended","call.failed"],"description":"x","url":"https://a.example/hook"}"#;
    let replay = create(same, "create-webhook-prod", KEY)
        .await
        .expect("answer");
    assert_eq!(replay.status, StatusCode::CREATED);
    assert_eq!(replay.text, first.text);
    assert_eq!(api.emulator.endpoints(Org::A).len(), 1);

    let other = br#"{"url": "https://a.example/other", "events": ["call.ended"]}"#;
    create(other, "create-webhook-prod", KEY)
        .await
        .expect("answer")
        .expect_error(409, "IDEMPOTENCY_MISMATCH");
    assert_eq!(api.emulator.endpoints(Org::A).len(), 1);

    // Keys belong to an organization: B's use of the same key is a new request.
    let b = create(body, "create-webhook-prod", OTHER_ORG_KEY)
        .await
        .expect("answer");
    assert_eq!(b.status, StatusCode::CREATED);
    assert_ne!(b.json["data"]["id"], first.json["data"]["id"]);

    // Failures are not stored: a key first used with a bad body can be used again.
    create(br#"{"url": "nope"}"#, "retry-me", KEY)
        .await
        .expect("answer")
        .expect_error(400, "VALIDATION_ERROR");
    assert_eq!(
        create(other, "retry-me", KEY).await.expect("answer").status,
        StatusCode::CREATED
    );

    let logged: Vec<Option<String>> = api
        .emulator
        .requests()
        .into_iter()
        .map(|r| r.idempotency_key)
        .collect();
    assert_eq!(logged[0].as_deref(), Some("create-webhook-prod"));

    // A reset forgets the keys.
    api.emulator.reset();
    let fresh = create(body, "create-webhook-prod", KEY)
        .await
        .expect("answer");
    assert_eq!(fresh.status, StatusCode::CREATED);
    assert_ne!(fresh.json["data"]["id"], first.json["data"]["id"]);
}

#[tokio::test]
async fn rotating_replaces_the_secret_at_once() {
    let api = Api::start();
    let created = api.create("https://a.example/hook").await;
    let id = id_of(&created);
    let old = created["secret"].as_str().expect("secret").to_owned();

    let rotated = api
        .send(
            Method::POST,
            &format!("{WEBHOOKS}/{id}/rotate-secret"),
            Some(KEY),
            None,
        )
        .await;
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.text);
    let new = rotated.json["data"]["secret"]
        .as_str()
        .expect("new secret")
        .to_owned();
    assert_eq!(rotated.json["data"].as_object().map(|o| o.len()), Some(1));
    assert!(new.starts_with("whsec_") && new.len() == 38);
    assert_ne!(new, old);
    assert_eq!(api.emulator.secret_of(&id), Some(new.clone()));

    let again = api
        .send(
            Method::POST,
            &format!("{WEBHOOKS}/{id}/rotate-secret"),
            Some(KEY),
            None,
        )
        .await;
    assert_eq!(
        api.emulator.secret_of(&id).as_deref(),
        again.json["data"]["secret"].as_str()
    );
    assert_ne!(api.emulator.secret_of(&id), Some(new));
    assert!(!api.list(KEY).await.text.contains("whsec_"));
}

#[tokio::test]
async fn rate_limit_headers_and_429() {
    let api = Api::start_with(Options {
        rate_limit_per_minute: 3,
        ..Options::default()
    });
    for remaining in ["2", "1", "0"] {
        let answer = api.list(KEY).await;
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.header("x-ratelimit-limit"), Some("3"));
        assert_eq!(answer.header("x-ratelimit-remaining"), Some(remaining));
    }
    let limited = api.list(KEY).await;
    limited.expect_error(429, "RATE_LIMITED");
    let retry_after: u64 = limited
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_eq!(
        limited.json["error"]["message"],
        format!("Rate limit exceeded. Retry after {retry_after}s")
    );
    assert_eq!(limited.header("x-ratelimit-remaining"), Some("0"));
    assert_eq!(limited.header("x-ratelimit-limit"), Some("3"));

    // Each presented key has its own budget, valid or not.
    let other = api.list(OTHER_ORG_KEY).await;
    assert_eq!(other.status, StatusCode::OK);
    assert_eq!(other.header("x-ratelimit-remaining"), Some("2"));
    let anonymous = api.send(Method::GET, WEBHOOKS, None, None).await;
    anonymous.expect_error(401, "UNAUTHORIZED");
    assert_eq!(anonymous.header("x-ratelimit-remaining"), Some("2"));

    // The hour window: the headers describe whichever window has fewer requests left.
    let api = Api::start_with(Options {
        rate_limit_per_hour: 2,
        ..Options::default()
    });
    assert_eq!(api.list(KEY).await.header("x-ratelimit-limit"), Some("2"));
    api.list(KEY).await;
    let limited = api.list(KEY).await;
    limited.expect_error(429, "RATE_LIMITED");
    let retry_after: u64 = limited
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((3500..=3600).contains(&retry_after), "{retry_after}");

    // A reset clears the counters.
    api.emulator.reset();
    assert_eq!(api.list(KEY).await.status, StatusCode::OK);
}

fn unix_now() -> Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
}

fn reset_of(answer: &Answer) -> u64 {
    answer
        .header("x-ratelimit-reset")
        .and_then(|r| r.parse().ok())
        .expect("X-RateLimit-Reset in Unix seconds")
}

/// Sleeps until the Unix second `second` has begun.
async fn sleep_until_unix(second: u64) {
    let target = Duration::from_secs(second);
    let now = unix_now();
    if target > now {
        tokio::time::sleep(target - now).await;
    }
    assert!(unix_now().as_secs() >= second);
}

#[tokio::test]
async fn waiting_until_x_ratelimit_reset_is_enough() {
    // One request a "minute" of one second, so that the window slides within the test; the
    // rounding is the same as with the real 60 s window.
    let window = Duration::from_secs(1);
    let api = Api {
        emulator: Emulator::start_with_rate_windows(
            Options {
                rate_limit_per_minute: 1,
                ..Options::default()
            },
            window,
            Duration::from_secs(3600),
        )
        .expect("emulator starts"),
        client: reqwest::Client::new(),
    };
    for _ in 0..3 {
        let sent = unix_now();
        let allowed = api.list(KEY).await;
        assert_eq!(allowed.status, StatusCode::OK, "{}", allowed.text);
        assert_eq!(allowed.header("x-ratelimit-remaining"), Some("0"));
        let reset = reset_of(&allowed);
        // The first whole second after the window has slid past this request, not later.
        assert!(
            reset >= (sent + window).as_secs() && reset <= (unix_now() + window).as_secs() + 1,
            "reset {reset}, sent at {sent:?}"
        );

        let limited = api.list(KEY).await;
        limited.expect_error(429, "RATE_LIMITED");
        assert_eq!(reset_of(&limited), reset);

        sleep_until_unix(reset).await;
        // Not one request early: the first request in that second gets through.
        let again = api.list(KEY).await;
        assert_eq!(
            again.status,
            StatusCode::OK,
            "at {:?}: {}",
            unix_now(),
            again.text
        );
        // Start the next round with an empty window.
        sleep_until_unix(reset_of(&again)).await;
    }
}

#[tokio::test]
async fn status_rate_limit_and_html_faults() {
    let api = Api::start_with(Options {
        rate_limit_per_minute: 1,
        ..Options::default()
    });
    // Over the control API, as a script would.
    let queued = api
        .control(
            Method::POST,
            "/_emulator/faults",
            Some(json!({"kind": "status", "status": 503, "count": 2})),
        )
        .await;
    assert_eq!(queued.status, StatusCode::OK, "{}", queued.text);
    assert_eq!(
        queued.json["data"],
        json!({"kind": "status", "status": 503, "count": 2})
    );
    api.emulator.inject(Fault::Status {
        status: 500,
        count: 1,
    });
    api.emulator.inject(Fault::Status {
        status: 502,
        count: 1,
    });
    api.emulator.inject(Fault::Status {
        status: 504,
        count: 1,
    });
    api.emulator.inject(Fault::RateLimit {
        retry_after: 7,
        count: 1,
    });
    api.emulator.inject(Fault::Html {
        status: 502,
        count: 1,
    });

    for code in ["SERVICE_UNAVAILABLE", "SERVICE_UNAVAILABLE"] {
        let answer = api.list(KEY).await;
        answer.expect_error(503, code);
        assert!(answer.header("x-ratelimit-limit").is_some());
    }
    api.list(KEY).await.expect_error(500, "INTERNAL_ERROR");
    api.list(KEY).await.expect_error(502, "BAD_GATEWAY");
    api.list(KEY).await.expect_error(504, "GATEWAY_TIMEOUT");
    let limited = api.list(KEY).await;
    limited.expect_error(429, "RATE_LIMITED");
    assert_eq!(limited.header("retry-after"), Some("7"));
    assert_eq!(
        limited.json["error"]["message"],
        "Rate limit exceeded. Retry after 7s"
    );
    let html = api.list(KEY).await;
    assert_eq!(html.status, StatusCode::BAD_GATEWAY);
    assert_eq!(html.header("content-type"), Some("text/html"));
    assert!(
        html.text.contains("<h1>502 Bad Gateway</h1>"),
        "{}",
        html.text
    );

    // None of those counted against the limit of 1 a minute; this one does.
    assert_eq!(api.list(KEY).await.status, StatusCode::OK);
    api.list(KEY).await.expect_error(429, "RATE_LIMITED");

    let statuses: Vec<u16> = api.emulator.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [503, 503, 500, 502, 504, 429, 502, 200, 429]);
}

#[tokio::test]
async fn status_faults_name_4xx_codes_after_their_status() {
    let api = Api::start();
    let expected = [
        (400, "BAD_REQUEST"),
        (401, "UNAUTHORIZED"),
        (403, "FORBIDDEN"),
        (404, "NOT_FOUND"),
        (409, "CONFLICT"),
        (418, "HTTP_418"),
        (422, "UNPROCESSABLE"),
        (429, "RATE_LIMITED"),
        (451, "HTTP_451"),
        (499, "HTTP_499"),
        (501, "INTERNAL_ERROR"),
    ];
    for (status, _) in expected {
        let queued = api
            .control(
                Method::POST,
                "/_emulator/faults",
                Some(json!({"kind": "status", "status": status})),
            )
            .await;
        assert_eq!(queued.status, StatusCode::OK, "{}", queued.text);
    }
    for (status, code) in expected {
        let answer = api.list(KEY).await;
        answer.expect_error(status, code);
        assert!(
            answer.json["error"]["message"]
                .as_str()
                .is_some_and(|m| m.ends_with("(fault injected by the emulator)")),
            "{}",
            answer.text
        );
    }
    assert_eq!(api.list(KEY).await.status, StatusCode::OK);
}

#[tokio::test]
async fn delay_fault_waits_then_answers_normally() {
    let api = Api::start();
    api.emulator.inject(Fault::Delay { ms: 500, count: 1 });
    let started = Instant::now();
    assert_eq!(api.list(KEY).await.status, StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(500));
    let started = Instant::now();
    assert_eq!(api.list(KEY).await.status, StatusCode::OK);
    assert!(started.elapsed() < Duration::from_millis(500));
}

#[tokio::test]
async fn drop_fault_closes_the_connection_without_an_answer() {
    let api = Api::start();
    api.emulator.inject(Fault::Drop { count: 1 });
    let dropped = api
        .try_send(Method::GET, WEBHOOKS, Some(KEY), None, None)
        .await;
    assert!(dropped.is_err(), "expected a connection error");
    assert_eq!(api.list(KEY).await.status, StatusCode::OK);

    // Not one byte comes back, not even a status line.
    api.emulator.inject(Fault::Drop { count: 1 });
    let answer = raw_exchange(
        &api.emulator,
        b"GET /api/v1/webhooks HTTP/1.1\r\nHost: localhost\r\nX-API-Key: ek_test_emulator\r\n\r\n",
    );
    assert_eq!(answer, b"");

    assert_eq!(
        api.emulator.requests(),
        vec![
            logged("GET", WEBHOOKS, None, 0),
            logged("GET", WEBHOOKS, None, 200),
            logged("GET", WEBHOOKS, None, 0),
        ]
    );
}

#[tokio::test]
async fn drop_after_commit_does_the_work_but_never_answers() {
    let api = Api::start();
    api.control(
        Method::POST,
        "/_emulator/faults",
        Some(json!({"kind": "drop_after_commit"})),
    )
    .await;
    let body =
        serde_json::to_vec(&json!({"url": "https://a.example/hook", "events": ["call.ended"]}))
            .expect("json");
    let lost = api
        .try_send(Method::POST, WEBHOOKS, Some(KEY), Some(body), Some("k1"))
        .await;
    assert!(lost.is_err(), "expected a connection error");
    let endpoints = api.emulator.endpoints(Org::A);
    assert_eq!(endpoints.len(), 1);
    assert_eq!(endpoints[0]["url"], "https://a.example/hook");
    assert_eq!(
        api.emulator.requests(),
        vec![logged("POST", WEBHOOKS, Some("k1"), 0)]
    );
    // The retry with the same key gets the answer that was lost, not a second endpoint.
    let body =
        serde_json::to_vec(&json!({"url": "https://a.example/hook", "events": ["call.ended"]}))
            .expect("json");
    let retried = api
        .try_send(Method::POST, WEBHOOKS, Some(KEY), Some(body), Some("k1"))
        .await
        .expect("answer");
    assert_eq!(retried.status, StatusCode::CREATED);
    assert_eq!(retried.json["data"]["id"], endpoints[0]["id"]);
    assert_eq!(api.emulator.endpoints(Org::A).len(), 1);
}

#[tokio::test]
async fn invalid_faults_are_refused() {
    let api = Api::start();
    for (body, code) in [
        (json!({"kind": "drop", "count": 0}), "VALIDATION_ERROR"),
        (json!({"kind": "status", "status": 200}), "VALIDATION_ERROR"),
        (json!({"kind": "status"}), "VALIDATION_ERROR"),
        (json!({"kind": "explode"}), "VALIDATION_ERROR"),
        (json!({"kind": "drop", "cuont": 2}), "VALIDATION_ERROR"),
        (json!([]), "VALIDATION_ERROR"),
    ] {
        api.control(Method::POST, "/_emulator/faults", Some(body))
            .await
            .expect_error(400, code);
    }
    let answer = api
        .try_send(
            Method::POST,
            "/_emulator/faults",
            None,
            Some(b"{".to_vec()),
            None,
        )
        .await
        .expect("answer");
    answer.expect_error(400, "INVALID_JSON");
    // Nothing was queued.
    assert_eq!(api.list(KEY).await.status, StatusCode::OK);
}

fn logged(method: &str, path: &str, idempotency_key: Option<&str>, status: u16) -> LoggedRequest {
    LoggedRequest {
        method: method.to_owned(),
        path: path.to_owned(),
        idempotency_key: idempotency_key.map(str::to_owned),
        status,
    }
}

#[tokio::test]
async fn request_log_and_reset_over_the_control_api() {
    let api = Api::start();
    api.create("https://a.example/hook").await;
    api.send(
        Method::GET,
        "/api/v1/webhooks/wh_a%2Fb?limit=5",
        Some(KEY),
        None,
    )
    .await;
    api.emulator.inject(Fault::Drop { count: 1 });
    let _ = api
        .try_send(Method::GET, WEBHOOKS, Some(KEY), None, None)
        .await;

    let log = api.control(Method::GET, "/_emulator/requests", None).await;
    assert_eq!(log.status, StatusCode::OK);
    assert_eq!(
        log.json,
        json!({"data": [
            {"method": "POST", "path": "/api/v1/webhooks", "idempotencyKey": null, "status": 201},
            {"method": "GET", "path": "/api/v1/webhooks/wh_a%2Fb", "idempotencyKey": null, "status": 405},
            {"method": "GET", "path": "/api/v1/webhooks", "idempotencyKey": null, "status": 0},
        ]})
    );

    api.emulator.inject(Fault::Status {
        status: 500,
        count: 5,
    });
    let reset = api.control(Method::POST, "/_emulator/reset", None).await;
    assert_eq!(reset.status, StatusCode::NO_CONTENT);
    assert_eq!(
        api.control(Method::GET, "/_emulator/requests", None)
            .await
            .json,
        json!({"data": []})
    );
    // State and faults are gone too.
    assert_eq!(api.list(KEY).await.json, json!({"data": []}));
    assert!(api.emulator.endpoints(Org::A).is_empty());
}

#[tokio::test]
async fn hostile_input_does_not_break_it() {
    let api = Api::start();
    let big = vec![b'{'; 1024 * 1024];
    api.raw(Method::POST, WEBHOOKS, &big)
        .await
        .expect_error(413, "PAYLOAD_TOO_LARGE");
    let big_valid = serde_json::to_vec(&json!({"url": "https://a.example", "events": ["call.ended"], "description": "x".repeat(1024 * 1024)}))
        .expect("json");
    api.raw(Method::POST, WEBHOOKS, &big_valid)
        .await
        .expect_error(413, "PAYLOAD_TOO_LARGE");
    api.raw(Method::POST, "/_emulator/faults", &big)
        .await
        .expect_error(413, "PAYLOAD_TOO_LARGE");

    api.raw(Method::POST, WEBHOOKS, b"{\"url\": \"\xc3\x28\"}")
        .await
        .expect_error(400, "INVALID_JSON");
    let deep = format!("{{\"url\": {}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    api.raw(Method::POST, WEBHOOKS, deep.as_bytes())
        .await
        .expect_error(400, "INVALID_JSON");
    let deep_objects = "{\"a\":".repeat(10_000);
    api.raw(Method::POST, WEBHOOKS, deep_objects.as_bytes())
        .await
        .expect_error(400, "INVALID_JSON");

    // Garbage that is not HTTP, and a request cut off in the middle of its body.
    let _ = raw_exchange(&api.emulator, b"\x00\x01\x02 not http at all\r\n\r\n");
    let mut cut_off = TcpStream::connect(api.emulator.addr()).expect("connect");
    cut_off
        .write_all(b"POST /api/v1/webhooks HTTP/1.1\r\nHost: x\r\nX-API-Key: ek_test_emulator\r\nContent-Length: 100\r\n\r\n{\"url\"")
        .expect("send");
    drop(cut_off);

    // Still serving, with nothing created by any of that.
    api.create("https://a.example/hook").await;
    assert_eq!(api.emulator.endpoints(Org::A).len(), 1);
}

#[tokio::test]
async fn a_huge_declared_body_is_refused_at_once_without_reading_it() {
    let api = Api::start();
    for path in [WEBHOOKS, "/_emulator/faults"] {
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: x\r\nX-API-Key: {KEY}\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{{\"url\""
        );
        let started = Instant::now();
        // raw_exchange reads until the server closes the connection (or 5 s pass).
        let answer = raw_exchange(&api.emulator, request.as_bytes());
        let elapsed = started.elapsed();
        let answer = String::from_utf8_lossy(&answer);
        assert!(answer.starts_with("HTTP/1.1 413 "), "{path}: {answer:?}");
        assert!(
            answer.contains("\"PAYLOAD_TOO_LARGE\""),
            "{path}: {answer:?}"
        );
        assert!(
            answer.to_ascii_lowercase().contains("connection: close"),
            "{path}: {answer:?}"
        );
        assert!(elapsed < Duration::from_secs(3), "{path}: took {elapsed:?}");
    }
    // The API request is logged with its 413; it did not count against the rate limit.
    assert_eq!(
        api.emulator.requests(),
        [logged("POST", WEBHOOKS, None, 413)]
    );
    assert_eq!(
        api.list(KEY).await.header("x-ratelimit-remaining"),
        Some("59")
    );
}

/// Sends `request` on a fresh connection and returns all bytes that come back before the server
/// closes it.
fn raw_exchange(emulator: &Emulator, request: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(emulator.addr()).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    stream.write_all(request).expect("send");
    let mut answer = Vec::new();
    // A reset connection counts as "nothing came back" as much as a clean close does.
    let _ = stream.read_to_end(&mut answer);
    answer
}

#[tokio::test]
async fn odd_records_inserted_raw_are_served_verbatim() {
    let api = Api::start();
    let odd = json!({"id": "wh_odd", "url": "https://a.example", "events": ["call.ended", "call.transcribed"], "isActive": null, "createdAt": "2025-01-15T10:30:00Z", "deliveryStats": {"ok": 3}});
    api.emulator.insert_raw(Org::A, odd.clone());
    let listed = api.list(KEY).await;
    assert_eq!(listed.json, json!({"data": [odd]}));
    assert!(api.emulator.secret_of("wh_odd").is_some());
    let updated = api
        .send(
            Method::PATCH,
            "/api/v1/webhooks/wh_odd",
            Some(KEY),
            Some(json!({"isActive": true})),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK);
    assert_eq!(updated.json["data"]["isActive"], true);
    assert_eq!(updated.json["data"]["deliveryStats"], json!({"ok": 3}));
}

#[tokio::test]
async fn state_file_keeps_endpoints_secrets_and_idempotency_keys_across_restarts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("emulator-state.json");
    let options = Options {
        seed: Some(Seed::Demo),
        state_file: Some(path.clone()),
        ..Options::default()
    };
    let body =
        serde_json::to_vec(&json!({"url": "https://a.example/hook", "events": ["call.ended"]}))
            .expect("json");

    let first = Api::start_with(options.clone());
    let seeded = first.emulator.endpoints(Org::A);
    assert_eq!(seeded.len(), 2);
    assert_eq!(seeded[0]["url"], "https://example.com/erzycall/calls");
    assert_eq!(seeded[1]["url"], "https://example.com/erzycall/contacts");
    let created = first
        .try_send(
            Method::POST,
            WEBHOOKS,
            Some(KEY),
            Some(body.clone()),
            Some("once"),
        )
        .await
        .expect("answer");
    assert_eq!(created.status, StatusCode::CREATED);
    let id = id_of(&created.json["data"]);
    let secret = first.emulator.secret_of(&id);
    drop(first);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)
            .expect("state file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // The seed does not apply again: the file wins.
    let second = Api::start_with(options.clone());
    let endpoints = second.emulator.endpoints(Org::A);
    assert_eq!(endpoints.len(), 3);
    assert_eq!(endpoints[..2], seeded[..]);
    assert_eq!(second.emulator.secret_of(&id), secret);
    let replay = second
        .try_send(Method::POST, WEBHOOKS, Some(KEY), Some(body), Some("once"))
        .await
        .expect("answer");
    assert_eq!(replay.text, created.text);
    second
        .send(Method::DELETE, &format!("{WEBHOOKS}/{id}"), Some(KEY), None)
        .await;
    drop(second);

    let third = Api::start_with(options);
    assert_eq!(third.emulator.endpoints(Org::A).len(), 2);
    drop(third);

    // Only the state file is there: no temporary files left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, [std::ffi::OsString::from("emulator-state.json")]);

    std::fs::write(&path, b"{\"version\": 1}").expect("write");
    assert!(Emulator::start_with(Options {
        state_file: Some(path),
        ..Options::default()
    })
    .is_err());
}

const BINARY: &str = env!("CARGO_BIN_EXE_erzycall-emulator");

#[tokio::test]
async fn binary_prints_its_address_first_and_serves_until_sigterm() {
    let mut child = Command::new(BINARY)
        .args([
            "--addr",
            "127.0.0.1:0",
            "--seed",
            "demo",
            "--rate-limit-per-minute",
            "7",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut first_line = String::new();
    BufReader::new(stdout)
        .read_line(&mut first_line)
        .expect("first line");
    let base_url = first_line
        .trim_end()
        .strip_prefix("listening on ")
        .expect("listening line")
        .to_owned();
    assert!(base_url.starts_with("http://127.0.0.1:"), "{base_url}");
    assert!(!base_url.ends_with(":0"), "{base_url}");

    let response = reqwest::Client::new()
        .get(format!("{base_url}{WEBHOOKS}"))
        .header("X-API-Key", KEY)
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response
            .headers()
            .get("x-ratelimit-limit")
            .and_then(|v| v.to_str().ok()),
        Some("7")
    );
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["data"].as_array().map(Vec::len), Some(2));

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let output = child.wait_with_output().expect("exits");
    assert!(output.status.success(), "{:?}", output.status);
}

#[test]
fn binary_refuses_a_bad_state_file_before_announcing_an_address() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.json");
    std::fs::write(&path, b"garbage").expect("write");
    let output = Command::new(BINARY)
        .args(["--addr", "127.0.0.1:0", "--state"])
        .arg(&path)
        .output()
        .expect("binary runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("state file"));
}

#[test]
fn exec_runs_the_command_against_a_fresh_emulator() {
    let output = Command::new(BINARY)
        .args([
            "exec",
            "--",
            "sh",
            "-c",
            "echo $ERZYCALL_API_URL; echo $ERZYCALL_API_KEY >&2; exit 3",
        ])
        .output()
        .expect("binary runs");
    assert_eq!(output.status.code(), Some(3));
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let url = stdout.strip_suffix('\n').expect("one line");
    assert!(!url.contains('\n'), "{stdout:?}");
    let port: u16 = url
        .strip_prefix("http://127.0.0.1:")
        .and_then(|p| p.parse().ok())
        .expect("a loopback URL with a port");
    assert_ne!(port, 0);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "ek_test_emulator\n"
    );
}

#[test]
fn exec_serves_the_api_to_the_command_and_passes_on_signals_and_failures() {
    // The command really reaches the API (a raw HTTP request through bash's /dev/tcp when bash
    // is there; otherwise only the exit code is checked).
    let script = r#"
        port=${ERZYCALL_API_URL##*:}
        if command -v bash >/dev/null; then
          bash -c "exec 3<>/dev/tcp/127.0.0.1/$port; printf 'GET /api/v1/webhooks HTTP/1.1\r\nHost: x\r\nX-API-Key: $ERZYCALL_API_KEY\r\nConnection: close\r\n\r\n' >&3; cat <&3" | grep -c erzycall/contacts
        else
          echo 1
        fi
    "#;
    let output = Command::new(BINARY)
        .args(["exec", "--seed", "demo", "--", "sh", "-c", script])
        .output()
        .expect("binary runs");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(String::from_utf8_lossy(&output.stdout), "1\n");

    let killed = Command::new(BINARY)
        .args(["exec", "--", "sh", "-c", "kill -TERM $$"])
        .output()
        .expect("binary runs");
    assert_eq!(killed.status.code(), Some(128 + 15));

    let missing = Command::new(BINARY)
        .args(["exec", "--", "/nonexistent/command-for-erzycall-tests"])
        .output()
        .expect("binary runs");
    assert_eq!(missing.status.code(), Some(127));
    assert!(missing.stdout.is_empty());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot run"));

    let conflict = Command::new(BINARY)
        .args(["--addr", "127.0.0.1:0", "exec", "--", "true"])
        .output()
        .expect("binary runs");
    assert_eq!(conflict.status.code(), Some(2));
}

#[test]
fn state_file_errors_name_the_file_and_stop_before_listening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dir_path = dir.path().display().to_string();

    // A directory where the state file should be, with and without exec.
    for args in [
        vec!["--addr", "127.0.0.1:0", "--state", &dir_path],
        vec!["exec", "--state", &dir_path, "--", "echo", "ran"],
    ] {
        let output = Command::new(BINARY)
            .args(&args)
            .output()
            .expect("binary runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}: {output:?}");
        assert_eq!(
            stderr,
            format!(
                "erzycall-emulator: error: cannot read state file {dir_path}: it is a directory, not a file\n"
            ),
            "{args:?}"
        );
    }

    // A state file in a directory that does not exist.
    let missing = dir.path().join("missing").join("state.json");
    let output = Command::new(BINARY)
        .args(["--addr", "127.0.0.1:0", "--state"])
        .arg(&missing)
        .output()
        .expect("binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(output.stdout.is_empty());
    assert!(
        stderr.starts_with(&format!(
            "erzycall-emulator: error: cannot write state file {}: ",
            missing.display()
        )),
        "{stderr}"
    );

    // The library says the same.
    let error = Emulator::start_with(Options {
        state_file: Some(dir.path().to_owned()),
        ..Options::default()
    })
    .expect_err("a directory is no state file");
    assert_eq!(
        error.to_string(),
        format!("cannot read state file {dir_path}: it is a directory, not a file")
    );

    // An existing state file that cannot be replaced (in a read-only directory) is reported at
    // start too, not on the first change. Root ignores permissions: then there is nothing to see.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).expect("mkdir");
        let path = locked.join("state.json");
        drop(Emulator::start_with(Options {
            state_file: Some(path.clone()),
            ..Options::default()
        }));
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).expect("chmod");
        let permissions_apply = std::fs::write(locked.join("probe"), b"").is_err();
        if permissions_apply {
            let output = Command::new(BINARY)
                .args(["--addr", "127.0.0.1:0", "--state"])
                .arg(&path)
                .output()
                .expect("binary runs");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{stderr}");
            assert!(output.stdout.is_empty());
            assert!(
                stderr.starts_with(&format!(
                    "erzycall-emulator: error: cannot write state file {}: ",
                    path.display()
                )),
                "{stderr}"
            );
        }
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    }
}

#[test]
fn rate_limits_of_zero_are_refused_at_the_command_line() {
    for args in [
        &["--addr", "127.0.0.1:0", "--rate-limit-per-minute", "0"][..],
        &["--addr", "127.0.0.1:0", "--rate-limit-per-hour", "0"],
        &["exec", "--rate-limit-per-minute", "0", "--", "echo", "ran"],
        &["exec", "--rate-limit-per-hour=0", "--", "echo", "ran"],
    ] {
        let output = Command::new(BINARY)
            .args(args)
            .output()
            .expect("binary runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}: {output:?}");
        assert!(stderr.contains("--rate-limit-per-"), "{stderr}");
        assert!(stderr.contains("0 is not in 1.."), "{stderr}");
    }
}

/// `exec` running a shell that traps `signal` (printing `got-<name>` and exiting with `code`),
/// started in a process group of its own as a terminal would start a job. Returns once the shell
/// has set its trap, with the shell's stdout positioned after its `ready` line and the shell's
/// PID.
#[cfg(unix)]
fn exec_trapping(
    signal: &str,
    code: u8,
) -> (
    std::process::Child,
    BufReader<std::process::ChildStdout>,
    u32,
) {
    use std::os::unix::process::CommandExt;
    let name = signal.to_ascii_lowercase();
    let script = format!(
        "trap 'echo got-{name}; exit {code}' {signal}; echo ready $$; while :; do sleep 0.1; done"
    );
    let mut child = Command::new(BINARY)
        .args(["exec", "--", "sh", "-c", &script])
        .stdout(Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("binary starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("ready line");
    let shell: u32 = line
        .strip_prefix("ready ")
        .and_then(|pid| pid.trim().parse().ok())
        .unwrap_or_else(|| panic!("not a ready line: {line:?}"));
    (child, stdout, shell)
}

/// Waits up to 10 s for `exec` to exit; if it does not (or the shell outlives it), kills the
/// shell so that no test leaves a process behind.
#[cfg(unix)]
fn wait_for_exec(child: &mut std::process::Child, shell: u32) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // Once exec has exited, so must have the shell: exec waits for it.
    let shell_alive = Command::new("kill")
        .args(["-0", &shell.to_string()])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if shell_alive {
        let _ = Command::new("kill")
            .args(["-KILL", &shell.to_string()])
            .status();
    }
    let status = status.expect("exec exits within 10 s");
    assert!(
        !shell_alive,
        "exec exited ({status:?}) but left its command running"
    );
    status
}

#[cfg(unix)]
fn send_signal(signal: &str, target: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), "--", target])
        .status()
        .expect("kill runs");
    assert!(sent.success(), "kill -{signal} {target}");
}

#[cfg(unix)]
#[test]
fn exec_passes_sigterm_and_sighup_on_to_the_command_and_exits_with_its_code() {
    for (signal, code) in [("TERM", 7), ("HUP", 9)] {
        let (mut child, mut stdout, shell) = exec_trapping(signal, code);
        // Aimed at exec alone, as a service manager or `timeout` would.
        send_signal(signal, &child.id().to_string());
        let status = wait_for_exec(&mut child, shell);
        let mut rest = String::new();
        stdout.read_to_string(&mut rest).expect("stdout");
        assert_eq!(
            status.code(),
            Some(i32::from(code)),
            "{signal}: {status:?}, {rest:?}"
        );
        assert_eq!(rest, format!("got-{}\n", signal.to_ascii_lowercase()));
    }
}

#[cfg(unix)]
#[test]
fn exec_leaves_ctrl_c_to_the_command_and_keeps_serving_until_it_exits() {
    // Ctrl-C in a terminal: SIGINT to the whole foreground process group, exec and its command.
    let (mut child, mut stdout, shell) = exec_trapping("INT", 5);
    send_signal("INT", &format!("-{}", child.id()));
    let status = wait_for_exec(&mut child, shell);
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).expect("stdout");
    assert_eq!(status.code(), Some(5), "{status:?}, {rest:?}");
    assert_eq!(rest, "got-int\n");

    // SIGINT to exec alone is ignored while the command runs; a SIGTERM then ends both.
    let (mut child, mut stdout, shell) = exec_trapping("TERM", 6);
    send_signal("INT", &child.id().to_string());
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().expect("try_wait").is_none(),
        "exec died of SIGINT"
    );
    send_signal("TERM", &child.id().to_string());
    let status = wait_for_exec(&mut child, shell);
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).expect("stdout");
    assert_eq!(status.code(), Some(6), "{status:?}, {rest:?}");
    assert_eq!(rest, "got-term\n");
}
