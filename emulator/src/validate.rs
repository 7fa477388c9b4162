//! Checks on request bodies, producing the 400 answers: `INVALID_JSON` for a body that is not
//! JSON at all, `VALIDATION_ERROR` with one `details` entry per bad field otherwise (a body that
//! is JSON but not an object has one, for the field `body`).
//!
//! The rules are those the CLI applies before sending (DESIGN §6), so the emulator rejects
//! whatever a careless client would send: an http URL to a public host, an unknown or repeated
//! event, a long description, a field the API does not have.

use serde_json::{Map, Value};
use url::{Host, Url};

use crate::envelope::{ApiError, Detail};

/// Every event an endpoint can subscribe to, in the order of the API's documentation.
pub(crate) const EVENTS: [&str; 8] = [
    "call.started",
    "call.ended",
    "call.failed",
    "call.scheduled",
    "call.cancelled",
    "contact.created",
    "contact.updated",
    "contact.deleted",
];

const MAX_EVENTS: usize = 10;
const MAX_DESCRIPTION_CHARS: usize = 500;
const MAX_URL_CHARS: usize = 2048;
/// How much of a rejected value an error message repeats.
const ECHO_CHARS: usize = 64;

/// What the body is for: create requires `url` and `events` and has no `isActive`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Operation {
    Create,
    Update,
}

/// The validated fields of a create or update body; `None` means "not sent".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct WebhookFields {
    pub(crate) url: Option<String>,
    pub(crate) events: Option<Vec<String>>,
    /// `Some(None)` when `description` was sent as `null` (no description).
    pub(crate) description: Option<Option<String>>,
    pub(crate) is_active: Option<bool>,
}

/// The body as a JSON object. Bytes that are not JSON are `INVALID_JSON`; invalid UTF-8 and
/// nesting deeper than serde_json's recursion limit are parse errors like any other, so neither
/// can crash the server. Valid JSON of another type (`[]`, `"x"`, `3`) is a `VALIDATION_ERROR`
/// whose one detail is for the field `body`.
pub(crate) fn json_object(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(ApiError::validation(vec![Detail::new(
            "body",
            format!("must be a JSON object, not {}", json_type(&other)),
        )])),
        Err(error) if body.is_empty() => Err(ApiError::invalid_json(format_args!(
            "the body is empty ({error})"
        ))),
        Err(error) => Err(ApiError::invalid_json(error)),
    }
}

/// What kind of JSON value `value` is, with its article, for error messages.
fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Checks a create or update body field by field.
pub(crate) fn webhook_fields(
    body: &Map<String, Value>,
    operation: Operation,
) -> Result<WebhookFields, ApiError> {
    if operation == Operation::Update && body.is_empty() {
        return Err(ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "VALIDATION_ERROR",
            "Request body must contain at least one of: url, events, description, isActive",
        ));
    }
    let mut fields = WebhookFields::default();
    let mut details = Vec::new();

    match body.get("url") {
        Some(value) => match url(value) {
            Ok(url) => fields.url = Some(url),
            Err(why) => details.push(Detail::new("url", why)),
        },
        None if operation == Operation::Create => details.push(Detail::new("url", "is required")),
        None => {}
    }
    match body.get("events") {
        Some(value) => match events(value) {
            Ok(events) => fields.events = Some(events),
            Err(why) => details.push(Detail::new("events", why)),
        },
        None if operation == Operation::Create => {
            details.push(Detail::new("events", "is required"))
        }
        None => {}
    }
    if let Some(value) = body.get("description") {
        match description(value) {
            Ok(description) => fields.description = Some(description),
            Err(why) => details.push(Detail::new("description", why)),
        }
    }
    if let Some(value) = body.get("isActive") {
        match (operation, value) {
            (Operation::Create, _) => details.push(Detail::new(
                "isActive",
                "cannot be set on create (a new endpoint is always active)",
            )),
            (Operation::Update, Value::Bool(active)) => fields.is_active = Some(*active),
            (Operation::Update, _) => details.push(Detail::new("isActive", "must be a boolean")),
        }
    }
    for name in body.keys() {
        if !["url", "events", "description", "isActive"].contains(&name.as_str()) {
            details.push(Detail::new(name.as_str(), "unknown field"));
        }
    }

    if details.is_empty() {
        Ok(fields)
    } else {
        Err(ApiError::validation(details))
    }
}

fn url(value: &Value) -> Result<String, String> {
    let Value::String(text) = value else {
        return Err("must be a string".into());
    };
    if text.chars().count() > MAX_URL_CHARS {
        return Err(format!("must be at most {MAX_URL_CHARS} characters"));
    }
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must not contain whitespace or control characters".into());
    }
    // The url crate forgives `https:host` and similar; an endpoint URL should be written out.
    let has_scheme = |scheme: &str| {
        text.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    };
    if !has_scheme("https://") && !has_scheme("http://") {
        return Err("must be an HTTPS URL (https://host/...)".into());
    }
    let parsed = Url::parse(text).map_err(|error| format!("is not a valid URL: {error}"))?;
    let loopback = match parsed.host() {
        None => return Err("must have a host".into()),
        Some(Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
    };
    if parsed.scheme() == "http" && !loopback {
        return Err(
            "must use https (plain http is accepted only for loopback hosts: 127.0.0.0/8, ::1, localhost)"
                .into(),
        );
    }
    Ok(text.clone())
}

fn events(value: &Value) -> Result<Vec<String>, String> {
    let Value::Array(items) = value else {
        return Err("must be an array of event names".into());
    };
    if items.is_empty() {
        return Err("must contain at least 1 event".into());
    }
    if items.len() > MAX_EVENTS {
        return Err(format!("must contain at most {MAX_EVENTS} events"));
    }
    let mut names: Vec<String> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let Value::String(name) = item else {
            return Err(format!("entry {index} must be a string"));
        };
        if !EVENTS.contains(&name.as_str()) {
            return Err(format!(
                "unknown event {:?}; known events: {}",
                echo(name),
                EVENTS.join(", ")
            ));
        }
        if names.contains(name) {
            return Err(format!("duplicate event {name:?}"));
        }
        names.push(name.clone());
    }
    Ok(names)
}

fn description(value: &Value) -> Result<Option<String>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(text) if text.chars().count() > MAX_DESCRIPTION_CHARS => Err(format!(
            "must be at most {MAX_DESCRIPTION_CHARS} characters"
        )),
        Value::String(text) => Ok(Some(text.clone())),
        _ => Err("must be a string or null".into()),
    }
}

/// The start of a client's value, so an error message stays short whatever was sent.
fn echo(text: &str) -> String {
    match text.char_indices().nth(ECHO_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(body: Value, operation: Operation) -> Result<WebhookFields, Vec<Detail>> {
        let Value::Object(map) = body else {
            panic!("test bodies are objects")
        };
        webhook_fields(&map, operation).map_err(|error| error.details.unwrap_or_default())
    }

    fn fields_of(details: &[Detail]) -> Vec<&str> {
        details.iter().map(|d| d.field.as_str()).collect()
    }

    #[test]
    fn accepts_a_valid_create() {
        let fields = check(
            json!({"url": "https://example.com/hook", "events": ["call.ended"], "description": "é".repeat(500)}),
            Operation::Create,
        )
        .expect("valid");
        assert_eq!(fields.url.as_deref(), Some("https://example.com/hook"));
        assert_eq!(fields.events, Some(vec!["call.ended".to_owned()]));
    }

    #[test]
    fn urls() {
        for good in [
            "https://example.com",
            "HTTPS://example.com/x?y=1",
            "http://127.0.0.1:9000/hook",
            "http://127.9.9.9/",
            "http://[::1]:8080/",
            "http://localhost/hook",
            "http://LOCALHOST/",
        ] {
            assert!(url(&json!(good)).is_ok(), "{good}");
        }
        for bad in [
            json!("http://example.com/hook"),
            json!("http://10.0.0.1/"),
            json!("ftp://example.com/"),
            json!("https:example.com"),
            json!("https://"),
            json!("example.com"),
            json!(" https://example.com"),
            json!("https://exa mple.com"),
            json!(42),
            json!(null),
        ] {
            assert!(url(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn one_detail_per_bad_field() {
        let details = check(
            json!({"url": "http://example.com", "events": [], "description": "x".repeat(501), "secret": "s"}),
            Operation::Create,
        )
        .expect_err("invalid");
        assert_eq!(
            fields_of(&details),
            ["url", "events", "description", "secret"]
        );

        let details = check(json!({}), Operation::Create).expect_err("invalid");
        assert_eq!(fields_of(&details), ["url", "events"]);

        let details = check(
            json!({"url": "https://a.example", "events": ["call.ended"], "isActive": false}),
            Operation::Create,
        )
        .expect_err("invalid");
        assert_eq!(fields_of(&details), ["isActive"]);
    }

    #[test]
    fn events_rules() {
        assert!(events(&json!(["call.ended", "call.ended"])).is_err());
        assert!(events(&json!(["call.exploded"])).is_err());
        assert!(events(&json!([1])).is_err());
        assert!(events(&json!("call.ended")).is_err());
        assert!(events(&json!(EVENTS)).is_ok());
        let eleven: Vec<String> = (0..11).map(|i| format!("e{i}")).collect();
        assert!(events(&json!(eleven)).is_err());
    }

    #[test]
    fn update_rules() {
        assert!(check(json!({"isActive": false}), Operation::Update).is_ok());
        assert_eq!(
            check(json!({"description": null}), Operation::Update)
                .expect("valid")
                .description,
            Some(None)
        );
        assert_eq!(
            fields_of(&check(json!({"isActive": "no"}), Operation::Update).expect_err("bad")),
            ["isActive"]
        );
        let Value::Object(empty) = json!({}) else {
            unreachable!()
        };
        let error = webhook_fields(&empty, Operation::Update).expect_err("empty");
        assert_eq!(error.code, "VALIDATION_ERROR");
    }

    #[test]
    fn bodies_that_are_not_json() {
        for body in [
            &b""[..],
            b"{",
            b"{\"url\": \"\xff\"}",
            b"{} {}",
            b"not json",
        ] {
            assert_eq!(json_object(body).expect_err("invalid").code, "INVALID_JSON");
        }
        let deep = "[".repeat(10_000);
        assert_eq!(
            json_object(deep.as_bytes()).expect_err("deep").code,
            "INVALID_JSON"
        );
    }

    #[test]
    fn json_that_is_not_an_object() {
        for (body, kind) in [
            (&b"[]"[..], "an array"),
            (b"\"x\"", "a string"),
            (b"3", "a number"),
            (b" true ", "a boolean"),
            (b"null", "null"),
        ] {
            let error = json_object(body).expect_err("not an object");
            assert_eq!(error.code, "VALIDATION_ERROR");
            assert_eq!(
                error.details,
                Some(vec![Detail::new(
                    "body",
                    format!("must be a JSON object, not {kind}")
                )])
            );
        }
    }
}
