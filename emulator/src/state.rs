//! What the emulator remembers: each organization's endpoints (with their secrets) and the
//! responses stored under `Idempotency-Key`s, plus saving all of that to a state file.
//!
//! Endpoint records are kept as plain JSON objects rather than a typed struct, so that tests can
//! plant odd data (null fields, unknown fields, event names from the future) and see how a client
//! copes; the emulator only ever reads `id` from a record and writes the fields a PATCH names.
//! Secrets live beside the record, never inside it, so no listing can leak one.

use std::collections::HashMap;
use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::clock;
use crate::ids::{self, Secret};
use crate::Org;

/// Endpoints an organization may have; the API answers `422 MAX_ENDPOINTS` beyond.
pub(crate) const MAX_ENDPOINTS: usize = 5;
/// How long a response stays replayable under its `Idempotency-Key`.
const IDEMPOTENCY_TTL_SECS: u64 = 24 * 3600;
/// The order fields appear in on the wire, as in the API's examples; other fields follow.
const FIELD_ORDER: [&str; 7] = [
    "id",
    "url",
    "events",
    "secret",
    "isActive",
    "description",
    "createdAt",
];

#[derive(Debug)]
pub(crate) struct Endpoint {
    pub(crate) record: Map<String, Value>,
    pub(crate) secret: Secret,
}

impl Endpoint {
    fn has_id(&self, id: &str) -> bool {
        self.record.get("id").and_then(Value::as_str) == Some(id)
    }
}

/// The first successful answer to a create sent with an `Idempotency-Key`.
#[derive(Clone)]
pub(crate) struct StoredResponse {
    /// The parsed request body, compared with a retry's body as JSON values.
    pub(crate) request: Value,
    pub(crate) status: u16,
    /// The exact body sent, so a replay is byte for byte the same (it contains the secret).
    pub(crate) body: String,
    /// Unix seconds.
    pub(crate) stored_at: u64,
}

impl fmt::Debug for StoredResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The body holds the endpoint's secret.
        f.debug_struct("StoredResponse")
            .field("status", &self.status)
            .field("stored_at", &self.stored_at)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Default)]
pub(crate) struct OrgData {
    pub(crate) endpoints: Vec<Endpoint>,
    idempotency: HashMap<String, StoredResponse>,
}

#[derive(Debug, Default)]
pub(crate) struct Store {
    orgs: [OrgData; 2],
}

impl Store {
    pub(crate) fn org(&self, org: Org) -> &OrgData {
        &self.orgs[org.index()]
    }

    pub(crate) fn org_mut(&mut self, org: Org) -> &mut OrgData {
        &mut self.orgs[org.index()]
    }

    pub(crate) fn find_mut(&mut self, org: Org, id: &str) -> Option<&mut Endpoint> {
        self.org_mut(org)
            .endpoints
            .iter_mut()
            .find(|endpoint| endpoint.has_id(id))
    }

    /// Removes the endpoint; false when `org` has none with that ID.
    pub(crate) fn remove(&mut self, org: Org, id: &str) -> bool {
        let endpoints = &mut self.org_mut(org).endpoints;
        let before = endpoints.len();
        endpoints.retain(|endpoint| !endpoint.has_id(id));
        endpoints.len() != before
    }

    fn id_taken(&self, id: &str) -> bool {
        self.orgs
            .iter()
            .flat_map(|org| &org.endpoints)
            .any(|endpoint| endpoint.has_id(id))
    }

    /// A fresh ID that no endpoint of any organization has.
    pub(crate) fn unused_id(&self) -> io::Result<String> {
        loop {
            let id = ids::new_endpoint_id()?;
            if !self.id_taken(&id) {
                return Ok(id);
            }
        }
    }

    pub(crate) fn secret_of(&self, id: &str) -> Option<&Secret> {
        self.orgs
            .iter()
            .flat_map(|org| &org.endpoints)
            .find(|endpoint| endpoint.has_id(id))
            .map(|endpoint| &endpoint.secret)
    }

    /// The response stored under `key` in `org`, unless it is older than a day.
    pub(crate) fn stored_response(
        &mut self,
        org: Org,
        key: &str,
        now: u64,
    ) -> Option<&StoredResponse> {
        let stored = &mut self.org_mut(org).idempotency;
        if stored
            .get(key)
            .is_some_and(|response| now.saturating_sub(response.stored_at) >= IDEMPOTENCY_TTL_SECS)
        {
            stored.remove(key);
        }
        stored.get(key)
    }

    pub(crate) fn store_response(&mut self, org: Org, key: String, response: StoredResponse) {
        let stored = &mut self.org_mut(org).idempotency;
        let now = response.stored_at;
        stored.retain(|_, old| now.saturating_sub(old.stored_at) < IDEMPOTENCY_TTL_SECS);
        stored.insert(key, response);
    }

    /// The two example endpoints of `--seed demo`, in organization A.
    pub(crate) fn seed_demo(&mut self) -> io::Result<()> {
        let created_at = clock::iso8601(clock::unix_now());
        let examples = [
            (
                "https://example.com/erzycall/calls",
                &crate::validate::EVENTS[..5],
                "Call events for the CRM",
            ),
            (
                "https://example.com/erzycall/contacts",
                &crate::validate::EVENTS[5..],
                "Contact sync",
            ),
        ];
        for (url, events, description) in examples {
            let id = self.unused_id()?;
            let record = new_record(
                id,
                url.to_owned(),
                events.iter().map(|e| (*e).to_owned()).collect(),
                Some(description.to_owned()),
                created_at.clone(),
            );
            self.org_mut(Org::A).endpoints.push(Endpoint {
                record,
                secret: ids::new_secret()?,
            });
        }
        Ok(())
    }

    /// Reads a state file; `None` when there is none yet. Errors do not name the file: the caller
    /// does.
    pub(crate) fn load(path: &Path) -> io::Result<Option<Store>> {
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(error),
        };
        let file: StateFile = serde_json::from_slice(&bytes).map_err(|error| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("not an emulator state file: {error}"),
            )
        })?;
        if file.version != STATE_FILE_VERSION {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "state file version {}, but this emulator reads version {STATE_FILE_VERSION}",
                    file.version
                ),
            ));
        }
        let [a, b] = [file.organizations.a, file.organizations.b].map(|org| OrgData {
            endpoints: org
                .endpoints
                .into_iter()
                .map(|endpoint| Endpoint {
                    record: endpoint.record,
                    secret: Secret::new(endpoint.secret),
                })
                .collect(),
            idempotency: org
                .idempotency_keys
                .into_iter()
                .map(|stored| {
                    (
                        stored.key,
                        StoredResponse {
                            request: stored.request,
                            status: stored.status,
                            body: stored.response,
                            stored_at: stored.stored_at,
                        },
                    )
                })
                .collect(),
        });
        Ok(Some(Store { orgs: [a, b] }))
    }

    /// Writes the state file atomically: a private temporary file beside it, renamed over it, so
    /// a crash leaves the old state or the new, never half of one. Mode 0600, as it holds secrets.
    /// Errors do not name the file: the caller does.
    pub(crate) fn save(&self, path: &Path) -> io::Result<()> {
        let file = StateFile {
            version: STATE_FILE_VERSION,
            organizations: FileOrgs {
                a: self.orgs[0].to_file(),
                b: self.orgs[1].to_file(),
            },
        };
        let mut text = serde_json::to_vec_pretty(&file).map_err(io::Error::other)?;
        text.push(b'\n');

        static SAVES: AtomicU64 = AtomicU64::new(0);
        let name = path.file_name().ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, "the path does not name a file")
        })?;
        let temporary = path.with_file_name(format!(
            ".{}.{}-{}.tmp",
            name.to_string_lossy(),
            std::process::id(),
            SAVES.fetch_add(1, Ordering::Relaxed)
        ));
        let written = write_private(&temporary, &text).and_then(|()| fs::rename(&temporary, path));
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        written
    }
}

impl OrgData {
    fn to_file(&self) -> FileOrg {
        FileOrg {
            endpoints: self
                .endpoints
                .iter()
                .map(|endpoint| FileEndpoint {
                    record: endpoint.record.clone(),
                    secret: endpoint.secret.expose().to_owned(),
                })
                .collect(),
            idempotency_keys: self
                .idempotency
                .iter()
                .map(|(key, stored)| FileStoredResponse {
                    key: key.clone(),
                    request: stored.request.clone(),
                    status: stored.status,
                    response: stored.body.clone(),
                    stored_at: stored.stored_at,
                })
                .collect(),
        }
    }
}

fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// A new endpoint record, fields in the API's order.
pub(crate) fn new_record(
    id: String,
    url: String,
    events: Vec<String>,
    description: Option<String>,
    created_at: String,
) -> Map<String, Value> {
    let mut record = Map::new();
    record.insert("id".into(), Value::String(id));
    record.insert("url".into(), Value::String(url));
    record.insert(
        "events".into(),
        Value::Array(events.into_iter().map(Value::String).collect()),
    );
    record.insert("isActive".into(), Value::Bool(true));
    record.insert(
        "description".into(),
        description.map_or(Value::Null, Value::String),
    );
    record.insert("createdAt".into(), Value::String(created_at));
    record
}

/// A record as sent on the wire: known fields in the documented order whatever order the map
/// keeps (serde_json sorts keys unless a crate turns on `preserve_order`), then any other fields;
/// `secret` is placed after `events` when given (create responses only).
pub(crate) struct WireRecord<'a> {
    pub(crate) record: &'a Map<String, Value>,
    pub(crate) secret: Option<&'a str>,
}

impl Serialize for WireRecord<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for name in FIELD_ORDER {
            match (name, self.secret) {
                ("secret", Some(secret)) => map.serialize_entry(name, secret)?,
                _ => {
                    if let Some(value) = self.record.get(name) {
                        map.serialize_entry(name, value)?;
                    }
                }
            }
        }
        for (name, value) in self.record {
            if !FIELD_ORDER.contains(&name.as_str()) {
                map.serialize_entry(name, value)?;
            }
        }
        map.end()
    }
}

const STATE_FILE_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateFile {
    version: u32,
    organizations: FileOrgs,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileOrgs {
    #[serde(rename = "A")]
    a: FileOrg,
    #[serde(rename = "B")]
    b: FileOrg,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FileOrg {
    endpoints: Vec<FileEndpoint>,
    #[serde(default)]
    idempotency_keys: Vec<FileStoredResponse>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEndpoint {
    record: Map<String, Value>,
    secret: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FileStoredResponse {
    key: String,
    request: Value,
    status: u16,
    response: String,
    stored_at: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wire_order_is_the_documented_one() {
        let record = new_record(
            "wh_1".into(),
            "https://a.example".into(),
            vec!["call.ended".into()],
            None,
            "2025-01-15T10:30:00Z".into(),
        );
        let text = serde_json::to_string(&WireRecord {
            record: &record,
            secret: Some("whsec_x"),
        })
        .expect("serializes");
        assert_eq!(
            text,
            r#"{"id":"wh_1","url":"https://a.example","events":["call.ended"],"secret":"whsec_x","isActive":true,"description":null,"createdAt":"2025-01-15T10:30:00Z"}"#
        );
    }

    #[test]
    fn save_and_load_round_trip() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state.json");
        assert!(Store::load(&path).expect("no file yet").is_none());

        let mut store = Store::default();
        store.seed_demo().expect("seed");
        store.store_response(
            Org::A,
            "key-1".into(),
            StoredResponse {
                request: json!({"url": "https://a.example"}),
                status: 201,
                body: "{}".into(),
                stored_at: clock::unix_now(),
            },
        );
        store.save(&path).expect("save");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).expect("metadata").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let loaded = Store::load(&path).expect("load").expect("file exists");
        assert_eq!(loaded.org(Org::A).endpoints.len(), 2);
        let id = loaded.org(Org::A).endpoints[0].record["id"]
            .as_str()
            .expect("id")
            .to_owned();
        assert_eq!(loaded.secret_of(&id), store.secret_of(&id));
        let mut loaded = loaded;
        assert!(loaded
            .stored_response(Org::A, "key-1", clock::unix_now())
            .is_some());
        assert!(loaded
            .stored_response(Org::A, "key-1", clock::unix_now() + IDEMPOTENCY_TTL_SECS)
            .is_none());
        // Only the state file is left behind: no temporary files.
        assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1);

        fs::write(&path, b"not json").expect("write");
        assert_eq!(
            Store::load(&path).err().map(|e| e.kind()),
            Some(io::ErrorKind::InvalidData)
        );
    }
}
