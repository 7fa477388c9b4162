//! Endpoints as code: the wanted endpoints read from a file, and the plan that makes the
//! organization match them (create, update, unchanged, and with pruning delete).
//!
//! Everything here is pure: no HTTP, no terminal. `apply` reads the file, lists the current
//! endpoints once, and hands both to [`plan`].

use serde_json::{json, Map, Value};

use crate::api::{Endpoint, FieldError};
use crate::error::{Error, Result};
use crate::input;

/// The most endpoints an organization may have.
pub const MAX_ENDPOINTS: usize = 5;

/// One endpoint as the file wants it. The URL is its identity.
#[derive(Debug, Clone, PartialEq)]
pub struct Wanted {
    pub url: String,
    pub events: Vec<String>,
    /// `None`: leave the description as it is; `Some("")` clears it.
    pub description: Option<String>,
    pub is_active: bool,
}

/// Fields copied from `list -o json` that the file may carry and that are not wishes.
const IGNORED: [&str; 3] = ["id", "createdAt", "secret"];

/// Parses and checks a whole file: a bare array, or `{"endpoints": [...]}`. Every problem is
/// collected, so one run shows all of them; any problem refuses the file (exit 2).
pub fn parse(document: &Value, allow_unknown_events: bool) -> Result<(Vec<Wanted>, Vec<String>)> {
    let items = match document {
        Value::Array(items) => items,
        Value::Object(map) => match map.get("endpoints") {
            Some(Value::Array(items)) => items,
            _ => {
                return Err(Error::usage(
                    "the file must be an array of endpoints, or have an `endpoints` array",
                ))
            }
        },
        _ => {
            return Err(Error::usage(
                "the file must be an array of endpoints, or have an `endpoints` array",
            ))
        }
    };
    let mut wanted = Vec::new();
    let mut problems: Vec<FieldError> = Vec::new();
    let mut notes = Vec::new();
    let mut seen_urls: Vec<(usize, String)> = Vec::new();
    let mut duplicates: Vec<FieldError> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let at = |field: &str| format!("endpoints[{index}]{field}");
        let mut problem = |field: &str, message: String| {
            problems.push(FieldError {
                field: at(field),
                message,
            })
        };
        let Some(map) = item.as_object() else {
            problem("", "must be an object with `url` and `events`".into());
            continue;
        };
        for key in map.keys() {
            let known = ["url", "events", "description", "isActive"].contains(&key.as_str());
            if !known && !IGNORED.contains(&key.as_str()) {
                notes.push(format!(
                    "note: ignoring `{}` in {}",
                    crate::output::escape_untrusted(key),
                    at("")
                ));
            }
        }
        if let Some(Value::String(url)) = map.get("url") {
            let url = url.trim().to_owned();
            if let Some((first, _)) = seen_urls.iter().find(|(_, seen)| *seen == url) {
                duplicates.push(FieldError {
                    field: at(".url"),
                    message: format!("duplicates endpoints[{first}].url: a URL may appear once"),
                });
            }
            seen_urls.push((index, url));
        }
        let url = match map.get("url") {
            Some(Value::String(url)) => match input::check_url(url) {
                Ok(url) => Some(url),
                Err(error) => {
                    problem(".url", strip_flag(&error.message));
                    None
                }
            },
            _ => {
                problem(".url", "is required and must be a string".into());
                None
            }
        };
        let events = match map.get("events") {
            Some(Value::Array(names)) if names.iter().all(Value::is_string) => {
                let names: Vec<String> = names
                    .iter()
                    .filter_map(|n| n.as_str().map(str::to_owned))
                    .collect();
                match input::check_events(&names, true) {
                    Ok(events) => {
                        let unknown: Vec<String> = events
                            .iter()
                            .filter(|e| !allow_unknown_events && !crate::events::is_known(e))
                            .map(|e| match crate::events::suggest(e) {
                                Some(close) => format!(
                                    "`{}` (did you mean `{close}`?)",
                                    crate::output::escape_untrusted(e)
                                ),
                                None => format!("`{}`", crate::output::escape_untrusted(e)),
                            })
                            .collect();
                        if unknown.is_empty() {
                            Some(events)
                        } else {
                            problem(
                                ".events",
                                format!(
                                    "unknown event{} {} (--allow-unknown-events sends them anyway)",
                                    if unknown.len() == 1 { "" } else { "s" },
                                    unknown.join(", ")
                                ),
                            );
                            None
                        }
                    }
                    Err(error) => {
                        problem(".events", error.message);
                        None
                    }
                }
            }
            _ => {
                problem(
                    ".events",
                    "is required and must be an array of event names".into(),
                );
                None
            }
        };
        let description = match map.get("description") {
            None | Some(Value::Null) => None,
            Some(Value::String(text)) => {
                if let Err(error) = input::check_description(text) {
                    problem(".description", error.message);
                }
                Some(text.clone())
            }
            Some(_) => {
                problem(".description", "must be a string".into());
                None
            }
        };
        let is_active = match map.get("isActive") {
            None | Some(Value::Null) => true,
            Some(Value::Bool(active)) => *active,
            Some(_) => {
                problem(".isActive", "must be true or false".into());
                true
            }
        };
        if let (Some(url), Some(events)) = (url, events) {
            wanted.push(Wanted {
                url,
                events,
                description,
                is_active,
            });
        }
    }
    problems.extend(duplicates);
    if items.len() > MAX_ENDPOINTS {
        problems.push(FieldError {
            field: "endpoints".into(),
            message: format!(
                "{} endpoints listed; an organization has at most {MAX_ENDPOINTS}",
                items.len()
            ),
        });
    }
    if !problems.is_empty() {
        let mut error = Error::usage(format!(
            "the file has {} problem{}; nothing was changed",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        ));
        error.details = problems;
        return Err(error);
    }
    Ok((wanted, notes))
}

/// `--url \`x\` must be…` reads better in a file as `\`x\` must be…`.
fn strip_flag(message: &str) -> String {
    message.trim_start_matches("--url ").to_owned()
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Create,
    Update,
    Delete,
    Unchanged,
}

impl Action {
    pub fn name(&self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Unchanged => "unchanged",
        }
    }
}

/// A field that changes: its value now and the value wanted.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub field: &'static str,
    pub old: Value,
    pub new: Value,
}

#[derive(Debug, Clone)]
pub struct Step {
    pub action: Action,
    /// The endpoint's ID; for a create, known once it is done.
    pub id: Option<String>,
    pub url: String,
    pub wanted: Option<Wanted>,
    pub changes: Vec<Change>,
}

/// Compares the wanted endpoints with the current ones. Steps come in the order they run:
/// deletes first (so the limit of 5 holds), then updates, then creates; unchanged last.
pub fn plan(wanted: &[Wanted], current: &[Endpoint], prune: bool) -> Vec<Step> {
    let mut deletes = Vec::new();
    let mut updates = Vec::new();
    let mut creates = Vec::new();
    let mut unchanged = Vec::new();
    let mut matched: Vec<&str> = Vec::new();
    for want in wanted {
        let existing = current
            .iter()
            .find(|e| e.url() == Some(want.url.as_str()) && !matched.contains(&e.id()));
        let Some(existing) = existing else {
            let mut changes = vec![Change {
                field: "events",
                old: Value::Null,
                new: json!(want.events),
            }];
            if let Some(description) = want.description.as_ref().filter(|d| !d.is_empty()) {
                changes.push(Change {
                    field: "description",
                    old: Value::Null,
                    new: json!(description),
                });
            }
            if !want.is_active {
                changes.push(Change {
                    field: "isActive",
                    old: Value::Null,
                    new: json!(false),
                });
            }
            creates.push(Step {
                action: Action::Create,
                id: None,
                url: want.url.clone(),
                wanted: Some(want.clone()),
                changes,
            });
            continue;
        };
        matched.push(existing.id());
        let changes = differences(want, existing);
        let action = if changes.is_empty() {
            Action::Unchanged
        } else {
            Action::Update
        };
        let step = Step {
            action,
            id: Some(existing.id().to_owned()),
            url: want.url.clone(),
            wanted: Some(want.clone()),
            changes,
        };
        if step.action == Action::Update {
            updates.push(step);
        } else {
            unchanged.push(step);
        }
    }
    for endpoint in current.iter().filter(|e| !matched.contains(&e.id())) {
        let step = Step {
            action: if prune {
                Action::Delete
            } else {
                Action::Unchanged
            },
            id: Some(endpoint.id().to_owned()),
            url: endpoint.url().unwrap_or("").to_owned(),
            wanted: None,
            changes: Vec::new(),
        };
        if prune {
            deletes.push(step);
        } else {
            unchanged.push(step);
        }
    }
    deletes
        .into_iter()
        .chain(updates)
        .chain(creates)
        .chain(unchanged)
        .collect()
}

/// How many endpoints the organization has once the plan ran.
pub fn end_count(steps: &[Step]) -> usize {
    steps.iter().filter(|s| s.action != Action::Delete).count()
}

/// The fields of `existing` that differ from `want`. Events are compared as a set: the same
/// events in another order are no change.
fn differences(want: &Wanted, existing: &Endpoint) -> Vec<Change> {
    let mut changes = Vec::new();
    let current_events = existing.events();
    let same_events = current_events.len() == want.events.len()
        && want.events.iter().all(|e| current_events.contains(e));
    if !same_events {
        changes.push(Change {
            field: "events",
            old: json!(current_events),
            new: json!(want.events),
        });
    }
    if let Some(description) = &want.description {
        let current = existing.description().unwrap_or("");
        if current != description {
            changes.push(Change {
                field: "description",
                old: json!(existing.description()),
                new: json!(description),
            });
        }
    }
    if existing.is_active() != Some(want.is_active) {
        changes.push(Change {
            field: "isActive",
            old: json!(existing.is_active()),
            new: json!(want.is_active),
        });
    }
    changes
}

/// A step as the JSON plan shows it.
pub fn step_json(step: &Step) -> Value {
    let mut changes = Map::new();
    for change in &step.changes {
        changes.insert(
            change.field.to_owned(),
            json!({"old": change.old, "new": change.new}),
        );
    }
    json!({
        "action": step.action.name(),
        "id": step.id,
        "url": step.url,
        "inFile": step.action == Action::Create || step.wanted.is_some(),
        "changes": changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoint(
        id: &str,
        url: &str,
        events: &[&str],
        active: bool,
        description: Option<&str>,
    ) -> Endpoint {
        Endpoint::from_json(json!({"id": id, "url": url, "events": events, "isActive": active, "description": description})).unwrap()
    }

    fn want(url: &str, events: &[&str]) -> Wanted {
        Wanted {
            url: url.into(),
            events: events.iter().map(|e| e.to_string()).collect(),
            description: None,
            is_active: true,
        }
    }

    #[test]
    fn plans_creates_updates_deletes_and_leaves_the_rest() {
        let current = vec![
            endpoint(
                "wh_1",
                "https://a.example.com",
                &["call.ended"],
                true,
                Some("A"),
            ),
            endpoint(
                "wh_2",
                "https://b.example.com",
                &["call.ended", "call.failed"],
                true,
                None,
            ),
            endpoint(
                "wh_3",
                "https://gone.example.com",
                &["call.ended"],
                true,
                None,
            ),
        ];
        let wanted = vec![
            want("https://a.example.com", &["call.ended"]),
            want("https://b.example.com", &["call.failed"]),
            want("https://new.example.com", &["contact.created"]),
        ];
        let steps = plan(&wanted, &current, true);
        let actions: Vec<(&str, Option<&str>)> = steps
            .iter()
            .map(|s| (s.action.name(), s.id.as_deref()))
            .collect();
        assert_eq!(
            actions,
            vec![
                ("delete", Some("wh_3")),
                ("update", Some("wh_2")),
                ("create", None),
                ("unchanged", Some("wh_1"))
            ]
        );
        assert_eq!(steps[1].changes[0].field, "events");
        assert_eq!(end_count(&steps), 3);

        let kept = plan(&wanted, &current, false);
        assert!(kept.iter().all(|s| s.action != Action::Delete));
        assert_eq!(end_count(&kept), 4);
    }

    #[test]
    fn event_order_and_absent_descriptions_are_no_change() {
        let current = vec![endpoint(
            "wh_1",
            "https://a.example.com",
            &["call.ended", "call.failed"],
            true,
            Some("kept"),
        )];
        let steps = plan(
            &[want(
                "https://a.example.com",
                &["call.failed", "call.ended"],
            )],
            &current,
            false,
        );
        assert_eq!(steps[0].action, Action::Unchanged);
        let mut cleared = want("https://a.example.com", &["call.failed", "call.ended"]);
        cleared.description = Some(String::new());
        cleared.is_active = false;
        let steps = plan(&[cleared], &current, false);
        let fields: Vec<&str> = steps[0].changes.iter().map(|c| c.field).collect();
        assert_eq!(fields, vec!["description", "isActive"]);
    }

    #[test]
    fn files_are_checked_whole() {
        let document = json!({"endpoints": [
            {"url": "http://example.com/x", "events": ["call.ended"]},
            {"url": "https://ok.example.com", "events": ["call.endd"], "id": "wh_ignored"},
            {"url": "https://ok.example.com", "events": ["call.ended"]},
            {"events": []},
        ]});
        let error = parse(&document, false).unwrap_err();
        let fields: Vec<&str> = error.details.iter().map(|d| d.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "endpoints[0].url",
                "endpoints[1].events",
                "endpoints[3].url",
                "endpoints[3].events",
                "endpoints[2].url",
            ]
        );

        let six: Vec<Value> = (0..6)
            .map(|i| json!({"url": format!("https://{i}.example.com"), "events": ["call.ended"]}))
            .collect();
        let error = parse(&Value::Array(six), false).unwrap_err();
        assert!(error.details[0].message.contains("at most 5"));

        let listed = json!([{"id": "wh_1", "url": "https://a.example.com", "events": ["call.ended"], "isActive": true, "description": null, "createdAt": "2025-01-01T00:00:00Z", "extra": 1}]);
        let (wanted, notes) = parse(&listed, false).unwrap();
        assert_eq!(wanted[0].description, None);
        assert_eq!(notes.len(), 1);
    }
}
