//! The webhook endpoint as the API sends it, and the bodies the tool sends.
//!
//! An [`Endpoint`] keeps the API's JSON object exactly as it came (field order, unknown fields,
//! `null`s), so `-o json` can print the API's `data` unchanged; the accessors give the typed view the
//! tables need and are lenient about missing or `null` optional fields.

use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::secret::Secret;

#[derive(Clone, PartialEq)]
pub struct Endpoint {
    id: String,
    raw: Map<String, Value>,
}

impl Endpoint {
    /// Accepts any JSON object with a string `id`; everything else is optional.
    pub fn from_json(value: Value) -> Option<Endpoint> {
        match value {
            Value::Object(raw) => {
                let id = raw.get("id")?.as_str()?.to_owned();
                Some(Endpoint { id, raw })
            }
            _ => None,
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn url(&self) -> Option<&str> {
        self.raw.get("url").and_then(Value::as_str)
    }

    /// Event names as the server gives them, including names this version does not know.
    pub fn events(&self) -> Vec<String> {
        match self.raw.get("events") {
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Value::String(name) => name.clone(),
                    other => other.to_string(),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn is_active(&self) -> Option<bool> {
        self.raw.get("isActive").and_then(Value::as_bool)
    }

    pub fn description(&self) -> Option<&str> {
        self.raw.get("description").and_then(Value::as_str)
    }

    pub fn created_at(&self) -> Option<&str> {
        self.raw.get("createdAt").and_then(Value::as_str)
    }

    /// Removes the signing secret (present only in a create response) from the record.
    pub fn take_secret(&mut self) -> Option<Secret> {
        match self.raw.shift_remove("secret") {
            Some(Value::String(secret)) => Some(Secret::new(secret)),
            _ => None,
        }
    }

    /// Puts a secret back into the record, where the user asked to see it.
    pub fn with_secret(mut self, secret: &Secret) -> Endpoint {
        self.raw
            .insert("secret".into(), Value::String(secret.expose().to_owned()));
        self
    }

    /// The API's JSON object, unchanged.
    pub fn to_json(&self) -> Value {
        Value::Object(self.raw.clone())
    }
}

// Manual so that a secret inside the raw record can never reach a log.
impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Endpoint")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// Body of `POST /api/v1/webhooks`.
#[derive(Debug, Clone, Serialize)]
pub struct CreateEndpoint {
    pub url: String,
    pub events: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Body of `PATCH /api/v1/webhooks/{id}`: only the fields that are set are sent.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateEndpoint {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
}

impl UpdateEndpoint {
    pub fn is_empty(&self) -> bool {
        self.url.is_none()
            && self.events.is_none()
            && self.description.is_none()
            && self.is_active.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_unknown_fields_and_order() {
        let value = json!({"id": "wh_1", "zeta": 1, "url": null, "alpha": [1]});
        let endpoint = Endpoint::from_json(value.clone()).expect("an object with an id");
        assert_eq!(endpoint.to_json().to_string(), value.to_string());
        assert_eq!(endpoint.url(), None);
        assert!(endpoint.events().is_empty());
    }

    #[test]
    fn refuses_records_without_a_string_id() {
        assert!(Endpoint::from_json(json!({"id": 3})).is_none());
        assert!(Endpoint::from_json(json!(["wh_1"])).is_none());
    }

    #[test]
    fn debug_hides_the_secret() {
        let endpoint =
            Endpoint::from_json(json!({"id": "wh_1", "secret": "whsec_topsecret"})).unwrap();
        assert!(!format!("{endpoint:?}").contains("topsecret"));
    }
}
