//! HTTP calls to the webhook-endpoint API, with the retry, timeout and pacing rules of the design in
//! one place so every command behaves the same.
//!
//! Retries happen on 429, 500/502/503/504 and connections that failed or dropped, with exponential
//! backoff and full jitter (at most 8 s a wait). A timeout is not retried: the user chose how long an
//! attempt may take. `create` is safe to retry because it always carries one `Idempotency-Key`.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::Write;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, HeaderValue, CONTENT_TYPE, RETRY_AFTER, USER_AGENT};
use reqwest::{Method, StatusCode, Url};
use serde_json::Value;

use super::error::{Error, FieldError};
use super::models::{CreateEndpoint, Endpoint, UpdateEndpoint};
use crate::secret::Secret;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const MAX_BACKOFF: Duration = Duration::from_secs(8);
const BASE_BACKOFF: Duration = Duration::from_millis(500);
/// A `Retry-After` longer than this is reported instead of waited for.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);
const EXCERPT_CHARS: usize = 120;

/// Everything the client needs, already checked by the caller.
pub struct ClientOptions {
    /// Where the API lives, without `/api/v1` (for example `https://app.erzycall.com`).
    pub base_url: Url,
    pub api_key: Secret,
    pub timeout: Duration,
    pub retries: u32,
    /// One line per attempt on stderr.
    pub verbose: bool,
    /// Say on stderr when waiting before a retry (on a terminal).
    pub show_waits: bool,
    /// A proxy for every request; without one, `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` apply.
    pub proxy: Option<Url>,
    /// PEM certificates to trust besides the system store (a private CA).
    pub ca_certificates: Vec<Vec<u8>>,
}

pub struct Client {
    http: reqwest::Client,
    runtime: tokio::runtime::Runtime,
    options: ClientOptions,
    /// Set when the API said no requests are left in its window: the next request waits until then.
    paused_until: std::cell::Cell<Option<SystemTime>>,
}

/// A successful answer: its status and its parsed body (`None` for 204).
struct Answer {
    body: Option<Value>,
    url: String,
    status: u16,
    content_type: String,
    excerpt: String,
}

impl Client {
    pub fn new(options: ClientOptions) -> Result<Client, Error> {
        let network = |reason: String| Error::Network {
            url: options.base_url.to_string(),
            reason,
            sent: false,
        };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| network(format!("cannot start the I/O runtime: {e}")))?;
        let mut key = HeaderValue::from_str(options.api_key.expose())
            .map_err(|_| network("the API key is not a valid HTTP header value".into()))?;
        key.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert("x-api-key", key);
        headers.insert(
            USER_AGENT,
            HeaderValue::from_static(concat!("erzyhooks/", env!("CARGO_PKG_VERSION"))),
        );
        let carries_key_in_clear = options.base_url.scheme() == "http";
        let builder = http_builder(
            &options.base_url,
            options.proxy.as_ref(),
            &options.ca_certificates,
            carries_key_in_clear,
        )?;
        let http = builder
            .default_headers(headers)
            .timeout(options.timeout)
            .build()
            .map_err(|e| network(format!("cannot set up HTTP: {e}")))?;
        Ok(Client {
            http,
            runtime,
            options,
            paused_until: std::cell::Cell::new(None),
        })
    }

    /// `GET /api/v1/webhooks`: every endpoint of the organization.
    pub fn list(&self) -> Result<Vec<Endpoint>, Error> {
        let url = self.url(&[])?;
        let mut answer = self.send(Method::GET, &url, None, None)?;
        match answer.data()? {
            Value::Array(items) => items
                .into_iter()
                .map(|item| Endpoint::from_json(item).ok_or_else(|| answer.bad("data[]")))
                .collect(),
            _ => Err(answer.bad("data")),
        }
    }

    /// `POST /api/v1/webhooks` with an `Idempotency-Key`, the same one on every attempt.
    pub fn create(&self, body: &CreateEndpoint, idempotency_key: &str) -> Result<Endpoint, Error> {
        let url = self.url(&[])?;
        let body = serde_json::to_value(body).map_err(|e| internal(&url, e))?;
        let mut answer = self.send(Method::POST, &url, Some(&body), Some(idempotency_key))?;
        let endpoint = answer.endpoint()?;
        // The secret is shown only in this answer: without it the create is not usable.
        if !endpoint
            .to_json()
            .get("secret")
            .is_some_and(Value::is_string)
        {
            return Err(answer.bad("data.secret"));
        }
        Ok(endpoint)
    }

    /// `PATCH /api/v1/webhooks/{id}` with only the fields that are set.
    pub fn update(&self, id: &str, body: &UpdateEndpoint) -> Result<Endpoint, Error> {
        let url = self.url(&[id])?;
        let body = serde_json::to_value(body).map_err(|e| internal(&url, e))?;
        let mut answer = self.send(Method::PATCH, &url, Some(&body), None)?;
        answer.endpoint()
    }

    /// `DELETE /api/v1/webhooks/{id}`.
    pub fn delete(&self, id: &str) -> Result<(), Error> {
        let url = self.url(&[id])?;
        self.send(Method::DELETE, &url, None, None).map(|_| ())
    }

    /// `POST /api/v1/webhooks/{id}/rotate-secret`: the new secret.
    pub fn rotate_secret(&self, id: &str) -> Result<Secret, Error> {
        let url = self.url(&[id, "rotate-secret"])?;
        let mut answer = self.send(Method::POST, &url, None, None)?;
        match answer.data()? {
            Value::Object(mut data) => match data.remove("secret") {
                Some(Value::String(secret)) => Ok(Secret::new(secret)),
                _ => Err(answer.bad("data.secret")),
            },
            _ => Err(answer.bad("data")),
        }
    }

    /// `<base>/api/v1/webhooks/<segments…>`, each segment percent-encoded as one path segment so
    /// an ID like `../contacts` can never reach another path.
    fn url(&self, segments: &[&str]) -> Result<Url, Error> {
        endpoint_url(&self.options.base_url, segments)
    }

    fn send(
        &self,
        method: Method,
        url: &Url,
        body: Option<&Value>,
        idempotency_key: Option<&str>,
    ) -> Result<Answer, Error> {
        self.runtime.block_on(async {
            tokio::select! {
                result = self.send_with_retries(method, url, body, idempotency_key) => result,
                _ = tokio::signal::ctrl_c() => Err(Error::Interrupted { url: url.to_string() }),
            }
        })
    }

    async fn send_with_retries(
        &self,
        method: Method,
        url: &Url,
        body: Option<&Value>,
        idempotency_key: Option<&str>,
    ) -> Result<Answer, Error> {
        let attempts = self.options.retries + 1;
        let mut attempt = 1;
        let mut unanswered = false;
        loop {
            self.wait_for_pacing().await?;
            let result = self.attempt(&method, url, body, idempotency_key).await;
            if method == Method::DELETE && unanswered {
                if let Err(Error::Api { status: 404, .. }) = &result {
                    // An earlier attempt was sent but not answered: it did the delete.
                    if self.options.verbose {
                        self.say("an earlier attempt went unanswered and the endpoint is gone: counted as deleted");
                    }
                    return Ok(Answer {
                        body: None,
                        url: url.to_string(),
                        status: 204,
                        content_type: String::new(),
                        excerpt: String::new(),
                    });
                }
            }
            unanswered |= matches!(&result, Err(Error::Network { sent: true, .. }));
            if let Err(Error::Api {
                status: 429,
                retry_after: Some(after),
                ..
            }) = &result
            {
                if *after > MAX_RETRY_AFTER {
                    return Err(Error::RetryTooFarAway {
                        retry_after: *after,
                    });
                }
            }
            let wait = match &result {
                Ok(_) => return result,
                Err(error) => match retry_wait(error, attempt) {
                    Some(wait) if attempt < attempts => wait,
                    _ => return result,
                },
            };
            let reason = match &result {
                Err(Error::Api { status: 429, .. }) => "rate limited".to_owned(),
                Err(Error::Api { status, .. }) => format!("HTTP {status}"),
                Err(Error::UnexpectedResponse { status, .. }) => format!("HTTP {status}"),
                _ => "connection failed".to_owned(),
            };
            if self.options.verbose || self.options.show_waits {
                self.say(&format!(
                    "{reason}, retrying in {} ({}/{})",
                    human_duration(wait),
                    attempt,
                    attempts - 1
                ));
            }
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    async fn attempt(
        &self,
        method: &Method,
        url: &Url,
        body: Option<&Value>,
        idempotency_key: Option<&str>,
    ) -> Result<Answer, Error> {
        let mut request = self.http.request(method.clone(), url.clone());
        if let Some(body) = body {
            request = request.json(body);
        }
        if let Some(key) = idempotency_key {
            request = request.header("Idempotency-Key", key);
        }
        if self.options.verbose {
            match idempotency_key {
                Some(key) => self.say(&format!("> {method} {url} (Idempotency-Key: {key})")),
                None => self.say(&format!("> {method} {url}")),
            }
        }
        let started = Instant::now();
        let response = request.send().await.map_err(|e| self.transport(url, e))?;
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.map_err(|e| self.transport(url, e))?;
        if self.options.verbose {
            self.say(&format!(
                "< {} in {} ms{}",
                status,
                started.elapsed().as_millis(),
                rate_limit_summary(&headers)
            ));
        }
        self.note_rate_limit(&headers);
        interpret(url, status, &headers, &bytes)
    }

    fn transport(&self, url: &Url, error: reqwest::Error) -> Error {
        transport_error(url, self.options.timeout, &error)
    }

    /// Remembers when the window resets if no requests are left in it.
    fn note_rate_limit(&self, headers: &HeaderMap) {
        let remaining = header_u64(headers, "x-ratelimit-remaining");
        let reset = header_u64(headers, "x-ratelimit-reset");
        if let (Some(0), Some(reset)) = (remaining, reset) {
            self.paused_until
                .set(Some(UNIX_EPOCH + Duration::from_secs(reset)));
        }
    }

    async fn wait_for_pacing(&self) -> Result<(), Error> {
        let Some(until) = self.paused_until.take() else {
            return Ok(());
        };
        let Ok(wait) = until.duration_since(SystemTime::now()) else {
            return Ok(());
        };
        if wait > MAX_RETRY_AFTER {
            // Waiting would not help within a run (the hour's window is spent): say when instead.
            return Err(Error::RetryTooFarAway { retry_after: wait });
        }
        if self.options.verbose || self.options.show_waits {
            self.say(&format!(
                "rate limit reached, waiting {} for the window to reset",
                human_duration(wait)
            ));
        }
        tokio::time::sleep(wait).await;
        Ok(())
    }

    fn say(&self, line: &str) {
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }
}

impl Answer {
    /// The envelope's `data`, taken out of the answer.
    fn data(&mut self) -> Result<Value, Error> {
        match &mut self.body {
            Some(Value::Object(envelope)) => envelope
                .remove("data")
                .filter(|data| !data.is_null())
                .ok_or_else(|| self.bad("data")),
            _ => Err(self.bad("data")),
        }
    }

    fn endpoint(&mut self) -> Result<Endpoint, Error> {
        let data = self.data()?;
        Endpoint::from_json(data).ok_or_else(|| self.bad("data"))
    }

    /// A success whose body is not what the API sends: status, type and body as they came.
    fn bad(&self, field: &str) -> Error {
        Error::UnexpectedResponse {
            url: self.url.clone(),
            status: self.status,
            content_type: self.content_type.clone(),
            excerpt: format!("no usable `{field}` in {}", self.excerpt),
        }
    }
}

/// Trusts the system's CA certificates (or `SSL_CERT_FILE`'s, which replace them).
pub(super) fn with_system_roots(mut builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
    for certificate in rustls_native_certs::load_native_certs().certs {
        if let Ok(certificate) = reqwest::Certificate::from_der(&certificate) {
            builder = builder.add_root_certificate(certificate);
        }
    }
    builder
}

/// A reqwest builder with the network settings every client here shares: the proxy (`--proxy`,
/// or the environment's, with `NO_PROXY=*` meaning none), the system's CA certificates when TLS
/// may be used, and extra CAs from `--ca-cert`.
///
/// With `clear` (a plain-http target that receives the API key), no proxy is used unless it is
/// on loopback itself: otherwise the key would cross the network unencrypted.
// Redirects are never followed (see `http_builder`): the API never redirects, and following one
// could carry the key to another host.
pub(super) fn http_builder(
    target: &Url,
    proxy: Option<&Url>,
    ca_certificates: &[Vec<u8>],
    clear: bool,
) -> Result<reqwest::ClientBuilder, Error> {
    let mut builder = reqwest::Client::builder();
    let no_proxy_at_all = ["NO_PROXY", "no_proxy"]
        .iter()
        .any(|name| std::env::var(name).is_ok_and(|v| v.trim() == "*"));
    if clear || no_proxy_at_all {
        builder = builder.no_proxy();
    }
    if let Some(proxy) = proxy {
        if clear && !is_loopback(proxy.host_str().unwrap_or_default()) {
            return Err(Error::Setup {
                reason: format!(
                    "refusing to send the API key in clear through the proxy {}: the API URL is plain http",
                    proxy.host_str().unwrap_or_default()
                ),
            });
        }
        let proxy = reqwest::Proxy::all(proxy.clone()).map_err(|e| Error::Setup {
            reason: format!("the proxy {proxy} cannot be used: {e}"),
        })?;
        builder = builder.proxy(proxy);
    }
    // The system's CA certificates are read only when TLS can be used: for a plain-http local
    // server, reading and parsing the bundle would cost more than the request itself.
    let proxies_from_env = !clear
        && [
            "HTTPS_PROXY",
            "https_proxy",
            "HTTP_PROXY",
            "http_proxy",
            "ALL_PROXY",
            "all_proxy",
        ]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()));
    if target.scheme() != "http" || proxy.is_some_and(|p| p.scheme() == "https") || proxies_from_env
    {
        builder = with_system_roots(builder);
    }
    for pem in ca_certificates {
        let bundle = reqwest::Certificate::from_pem_bundle(pem)
            .ok()
            .filter(|certificates| !certificates.is_empty())
            .ok_or_else(|| Error::Setup {
                reason: "the --ca-cert file holds no PEM certificate".into(),
            })?;
        for certificate in bundle {
            builder = builder.add_root_certificate(certificate);
        }
    }
    Ok(builder
        .connect_timeout(CONNECT_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none()))
}

/// A transport failure as the user needs it told: a timeout (connecting, or waiting for the
/// answer), TLS, or a connection that failed or was lost.
pub(super) fn transport_error(url: &Url, timeout: Duration, error: &reqwest::Error) -> Error {
    let url = url.to_string();
    if error.is_timeout() && error.is_connect() {
        return Error::Network {
            url,
            reason: format!("could not connect within {}s", CONNECT_TIMEOUT.as_secs()),
            sent: false,
        };
    }
    if error.is_timeout() {
        return Error::Timeout { url, timeout };
    }
    let (reason, tls) = describe_transport(error);
    if tls {
        Error::Tls { url, reason }
    } else {
        Error::Network {
            url,
            reason,
            sent: !error.is_connect(),
        }
    }
}

/// Loopback hosts: `localhost`, 127.0.0.0/8 and ::1.
pub fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if bare.eq_ignore_ascii_case("localhost") {
        return true;
    }
    bare.parse::<std::net::IpAddr>()
        .map(|ip| ip.is_loopback())
        .unwrap_or(false)
}

/// `<base>/api/v1/webhooks/<segments…>`, each segment percent-encoded as one path segment.
/// `.` and `..` are refused: a URL cannot carry them as segments (they would climb the path).
fn endpoint_url(base: &Url, segments: &[&str]) -> Result<Url, Error> {
    if let Some(bad) = segments
        .iter()
        .find(|s| s.is_empty() || **s == "." || **s == "..")
    {
        return Err(Error::InvalidId {
            id: (*bad).to_owned(),
        });
    }
    let mut url = base.clone();
    url.set_query(None);
    url.set_fragment(None);
    if let Ok(mut path) = url.path_segments_mut() {
        path.pop_if_empty()
            .extend(["api", "v1", "webhooks"])
            .extend(segments);
    }
    Ok(url)
}

/// Turns a response into data or a typed error; never trusts the body's shape.
fn interpret(
    url: &Url,
    status: StatusCode,
    headers: &HeaderMap,
    bytes: &[u8],
) -> Result<Answer, Error> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("no content type")
        .to_owned();
    let unexpected = || Error::UnexpectedResponse {
        url: url.to_string(),
        status: status.as_u16(),
        content_type: content_type.clone(),
        excerpt: excerpt(bytes),
    };
    let answer = |body: Option<Value>| Answer {
        body,
        url: url.to_string(),
        status: status.as_u16(),
        content_type: content_type.clone(),
        excerpt: excerpt(bytes),
    };
    if status == StatusCode::NO_CONTENT {
        return Ok(answer(None));
    }
    let parsed: Option<Value> = serde_json::from_slice(bytes).ok();
    if status.is_success() {
        return match parsed {
            Some(body @ Value::Object(_)) => Ok(answer(Some(body))),
            _ => Err(unexpected()),
        };
    }
    let envelope = parsed
        .as_ref()
        .and_then(|body| body.get("error"))
        .and_then(Value::as_object);
    let Some(envelope) = envelope else {
        return Err(unexpected());
    };
    let Some(code) = envelope.get("code").and_then(Value::as_str) else {
        return Err(unexpected());
    };
    let message = envelope
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let text = |value: Option<&Value>| match value {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    let details = match envelope.get("details") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| FieldError {
                field: text(item.get("field")),
                message: text(item.get("message")),
            })
            .collect(),
        _ => Vec::new(),
    };
    let retry_after = headers
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(parse_retry_after);
    Err(Error::Api {
        status: status.as_u16(),
        code: code.to_owned(),
        message,
        details,
        retry_after,
    })
}

/// How long to wait before trying again, or `None` when this failure is not worth a retry.
fn retry_wait(error: &Error, attempt: u32) -> Option<Duration> {
    match error {
        Error::Api {
            status: 429,
            retry_after: Some(after),
            ..
        } => Some(*after),
        Error::Api { status, .. } | Error::UnexpectedResponse { status, .. }
            if matches!(status, 429 | 500 | 502 | 503 | 504) =>
        {
            Some(backoff(attempt))
        }
        Error::Network { .. } => Some(backoff(attempt)),
        _ => None,
    }
}

/// Exponential backoff with full jitter: a random wait between 0 and `base * 2^(attempt-1)`,
/// capped at 8 s, so many clients that failed together do not retry together.
fn backoff(attempt: u32) -> Duration {
    let ceiling = BASE_BACKOFF
        .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
        .min(MAX_BACKOFF);
    let random = RandomState::new().build_hasher().finish();
    let fraction = (random % 1_000_001) as f64 / 1_000_000.0;
    ceiling.mul_f64(fraction)
}

/// `Retry-After` as seconds or as an HTTP date.
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // More seconds than fit: as good as never.
        return Some(Duration::from_secs(u64::MAX / 4));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

fn header_u64(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

fn rate_limit_summary(headers: &HeaderMap) -> String {
    match (
        header_u64(headers, "x-ratelimit-remaining"),
        header_u64(headers, "x-ratelimit-limit"),
    ) {
        (Some(remaining), Some(limit)) => format!(", rate limit {remaining}/{limit} left"),
        _ => String::new(),
    }
}

/// The first characters of a body, with control characters escaped, for error messages.
fn excerpt(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "empty body".to_owned();
    }
    let text = String::from_utf8_lossy(bytes);
    let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut short: String = collapsed.chars().take(EXCERPT_CHARS).collect();
    if collapsed.chars().count() > EXCERPT_CHARS {
        short.push('…');
    }
    crate::output::escape_untrusted(&short)
}

fn internal(url: &Url, error: serde_json::Error) -> Error {
    Error::Setup {
        reason: format!("cannot encode the request to {url}: {error}"),
    }
}

/// reqwest's own message is "error sending request"; the cause chain says what happened.
/// Also tells whether the failure was in TLS (certificate or handshake).
pub(super) fn describe_transport(error: &reqwest::Error) -> (String, bool) {
    let mut reason = String::new();
    let mut tls = false;
    let mut source: Option<&dyn std::error::Error> = std::error::Error::source(error);
    while let Some(cause) = source {
        reason = cause.to_string();
        let lowered = reason.to_lowercase();
        tls |= ["certificate", "ssl", "tls", "handshake"]
            .iter()
            .any(|word| lowered.contains(word));
        source = cause.source();
    }
    if reason.is_empty() {
        reason = error.to_string();
    }
    let reason = crate::output::escape_untrusted(&reason);
    if tls {
        (format!("TLS failed ({reason})"), true)
    } else if error.is_connect() {
        (format!("connection failed ({reason})"), false)
    } else {
        (format!("connection lost ({reason})"), false)
    }
}

fn human_duration(wait: Duration) -> String {
    if wait.as_secs() >= 1 {
        format!("{}s", wait.as_secs_f64().round() as u64)
    } else {
        format!("{}ms", wait.as_millis())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        assert_eq!(parse_retry_after("12"), Some(Duration::from_secs(12)));
        let past = "Wed, 21 Oct 2015 07:28:00 GMT";
        assert_eq!(parse_retry_after(past), Some(Duration::ZERO));
        let future = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(120));
        let wait = parse_retry_after(&future).expect("an HTTP date");
        assert!(wait > Duration::from_secs(100) && wait <= Duration::from_secs(120));
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn ids_stay_one_path_segment() {
        let base = Url::parse("https://api.example.com/prefix/").unwrap();
        let url = |id: &str| endpoint_url(&base, &[id]).unwrap().to_string();
        assert_eq!(
            url("wh_1"),
            "https://api.example.com/prefix/api/v1/webhooks/wh_1"
        );
        assert_eq!(
            url("wh_1?x=1#f"),
            "https://api.example.com/prefix/api/v1/webhooks/wh_1%3Fx=1%23f"
        );
        for climbing in ["..", ".", ""] {
            assert!(endpoint_url(&base, &[climbing]).is_err());
        }
        assert_eq!(
            url("%2e%2e"),
            "https://api.example.com/prefix/api/v1/webhooks/%252e%252e"
        );
    }

    #[test]
    fn backoff_stays_under_its_ceiling() {
        for attempt in 1..10 {
            assert!(backoff(attempt) <= MAX_BACKOFF);
        }
        assert!(backoff(1) <= BASE_BACKOFF);
    }
}
