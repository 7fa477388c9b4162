//! Each command against the emulator, in table and JSON form.

use erzycall_emulator::{Fault, Org};
use serde_json::{json, Value};

use crate::support::{mode, run, World};

#[test]
fn the_whole_lifecycle_works_and_every_json_output_parses() {
    let w = World::new();
    let created = w
        .run(&[
            "create",
            "--url",
            "https://example.com/hooks",
            "--event",
            "call.ended",
            "--event",
            "call.failed",
            "-o",
            "json",
        ])
        .ok();
    assert!(
        created.stderr.contains("will not be shown again"),
        "{}",
        created.stderr
    );
    let created = created.json();
    let id = created["id"].as_str().expect("an id").to_owned();
    assert_eq!(created["events"], json!(["call.ended", "call.failed"]));
    assert_eq!(
        created["secret"].as_str(),
        w.emulator.secret_of(&id).as_deref()
    );

    let ids: Vec<Value> = w
        .run(&["list", "-o", "json"])
        .ok()
        .json()
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(
        ids.iter().map(|e| e["id"].clone()).collect::<Vec<_>>(),
        vec![json!(id)]
    );

    w.run(&["update", &id, "--add-event", "contact.created", "--disable"])
        .ok();
    let got = w.run(&["get", &id, "-o", "json"]).ok().json();
    assert_eq!(got["isActive"], json!(false));
    assert_eq!(
        got["events"],
        json!(["call.ended", "call.failed", "contact.created"])
    );

    let rotated = w
        .run(&["rotate-secret", &id, "--yes", "-o", "json"])
        .ok()
        .json();
    assert_eq!(rotated["id"], json!(id));
    assert_eq!(
        rotated["secret"].as_str(),
        w.emulator.secret_of(&id).as_deref()
    );
    assert_ne!(rotated["secret"], created["secret"]);

    w.run(&["delete", &id, "--yes"]).ok();
    w.run(&["get", &id]).fails(4);
}

#[test]
fn list_prints_a_table_json_and_bare_ids() {
    let w = World::new();
    let a = w.create("https://example.com/a", &["call.ended"]);
    let b = w.create(
        "https://example.com/b",
        &["contact.created", "contact.deleted"],
    );

    let table = w.run(&["list"]).ok().stdout;
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3, "{table}");
    for column in ["ID", "URL", "EVENTS", "ACTIVE", "DESCRIPTION", "CREATED"] {
        assert!(lines[0].contains(column), "{table}");
    }
    assert!(lines[1].starts_with(a["id"].as_str().unwrap()));
    assert!(lines[2].contains("contact.created,contact.deleted"));
    assert!(lines[2].contains("yes"));

    let json = w.run(&["ls", "-o", "json"]).ok().json();
    assert_eq!(json, json!([without_secret(&a), without_secret(&b)]));

    let quiet = w.run(&["list", "-q"]).ok().stdout;
    assert_eq!(
        quiet,
        format!(
            "{}\n{}\n",
            a["id"].as_str().unwrap(),
            b["id"].as_str().unwrap()
        )
    );
}

fn without_secret(record: &Value) -> Value {
    let mut record = record.clone();
    record.as_object_mut().unwrap().remove("secret");
    record
}

#[test]
fn an_empty_list_is_an_empty_array_and_a_message_on_stderr() {
    let w = World::new();
    assert_eq!(w.run(&["list", "--json"]).ok().stdout.trim(), "[]");
    let table = w.run(&["list"]).ok();
    assert!(table.stdout.is_empty());
    assert!(table.stderr.contains("No webhook endpoints"));
}

#[test]
fn get_shows_one_record_and_unknown_ids_exit_4() {
    let w = World::new();
    let created = w.create("https://example.com/one", &["call.started"]);
    let id = created["id"].as_str().unwrap();
    let table = w.run(&["get", id]).ok().stdout;
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("ID") && l.ends_with(id)),
        "{table}"
    );
    assert!(table
        .lines()
        .any(|l| l.starts_with("URL") && l.ends_with("https://example.com/one")));
    assert!(table
        .lines()
        .any(|l| l.starts_with("DESCRIPTION") && l.ends_with('-')));
    assert!(!table.contains("SECRET"));
    assert_eq!(
        w.run(&["get", id, "--json"]).ok().json(),
        without_secret(&created)
    );

    let missing = w.run(&["get", "wh_doesnotexist"]).fails(4);
    assert!(missing.stderr.contains("wh_doesnotexist"));
    w.run(&["get", id, "-q"]).ok();
    assert_eq!(w.run(&["get", "wh_nope", "-q"]).code, 4);
}

#[test]
fn create_prints_the_secret_once_in_a_table() {
    let w = World::new();
    let out = w
        .run(&[
            "create",
            "--url",
            "https://example.com/t",
            "--events",
            "call.ended,call.failed",
            "--description",
            "CRM sync",
        ])
        .ok();
    let id = w.emulator.endpoints(Org::A)[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let secret = w.emulator.secret_of(&id).unwrap();
    assert!(
        out.stdout
            .lines()
            .any(|l| l.starts_with("SECRET") && l.ends_with(&secret)),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("CRM sync"));
    assert!(out.stderr.contains("will not be shown again"));
    assert!(!out.stderr.contains(&secret));
}

#[test]
fn create_with_a_secret_file_keeps_the_secret_off_stdout() {
    let w = World::new();
    let secret_path = w.home.path().join("hook.secret");
    let out = w
        .run(&[
            "create",
            "--url",
            "https://example.com/s",
            "--event",
            "call.ended",
            "-q",
            "--secret-file",
            secret_path.to_str().unwrap(),
        ])
        .ok();
    let id = out.stdout.trim();
    assert!(id.starts_with("wh_"), "{}", out.stdout);
    assert_eq!(out.stdout, format!("{id}\n"));
    let secret = std::fs::read_to_string(&secret_path).unwrap();
    assert_eq!(Some(secret.clone()), w.emulator.secret_of(id));
    assert_eq!(mode(&secret_path), 0o600);

    let json_path = w.home.path().join("second.secret");
    let json = w
        .run(&[
            "create",
            "--url",
            "https://example.com/s2",
            "--event",
            "call.ended",
            "-o",
            "json",
            "--secret-file",
            json_path.to_str().unwrap(),
        ])
        .ok();
    assert!(json.json().get("secret").is_none());
    assert!(!json.stdout.contains("whsec_"));
}

#[test]
fn create_quiet_without_a_secret_file_is_refused_before_sending() {
    let w = World::new();
    let out = w
        .run(&[
            "create",
            "--url",
            "https://example.com/q",
            "--event",
            "call.ended",
            "-q",
        ])
        .fails(2);
    assert!(out.stderr.contains("--secret-file"));
    assert!(w.emulator.requests().is_empty());
}

#[test]
fn create_sends_one_idempotency_key_and_a_given_one_replays() {
    let w = World::new();
    let args = [
        "create",
        "--url",
        "https://example.com/i",
        "--event",
        "call.ended",
        "--idempotency-key",
        "deploy-42",
        "-o",
        "json",
    ];
    let first = w.run(&args).ok().json();
    let second = w.run(&args).ok().json();
    assert_eq!(first["id"], second["id"]);
    assert_eq!(w.emulator.endpoints(Org::A).len(), 1);
    let keys: Vec<Option<String>> = w
        .emulator
        .requests()
        .into_iter()
        .map(|r| r.idempotency_key)
        .collect();
    assert_eq!(
        keys,
        vec![Some("deploy-42".to_owned()), Some("deploy-42".to_owned())]
    );

    w.create("https://example.com/j", &["call.ended"]);
    let generated = w
        .emulator
        .requests()
        .last()
        .unwrap()
        .idempotency_key
        .clone()
        .unwrap();
    assert_eq!(generated.len(), 36, "a UUID: {generated}");
}

#[test]
fn update_sends_only_what_was_given() {
    let w = World::new();
    let created = w.create("https://example.com/u", &["call.ended"]);
    let id = created["id"].as_str().unwrap();

    let updated = w
        .run(&[
            "update",
            id,
            "--events",
            "contact.updated,contact.deleted",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(
        updated["events"],
        json!(["contact.updated", "contact.deleted"])
    );
    assert_eq!(updated["url"], json!("https://example.com/u"));

    let table = w
        .run(&[
            "update",
            id,
            "--url",
            "https://example.com/v",
            "--description",
            "moved",
        ])
        .ok()
        .stdout;
    assert!(table.contains("https://example.com/v") && table.contains("moved"));

    w.run(&[
        "update",
        id,
        "--remove-event",
        "contact.updated",
        "--enable",
        "-q",
    ])
    .ok();
    let got = w.run(&["get", id, "-o", "json"]).ok().json();
    assert_eq!(got["events"], json!(["contact.deleted"]));
    assert_eq!(got["isActive"], json!(true));

    let emptied = w
        .run(&["update", id, "--remove-event", "contact.deleted"])
        .fails(2);
    assert!(emptied.stderr.contains("at least one"));
    let patches = w.writes().iter().filter(|r| r.starts_with("PATCH")).count();
    assert_eq!(patches, 3);
}

#[test]
fn update_unknown_id_exits_4() {
    let w = World::new();
    w.run(&["update", "wh_missing", "--disable"]).fails(4);
    w.run(&["update", "wh_missing", "--add-event", "call.ended"])
        .fails(4);
}

#[test]
fn delete_without_a_terminal_needs_yes_and_deletes_nothing() {
    let w = World::new();
    let id = w.create("https://example.com/d", &["call.ended"])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let refused = run(w.cmd().args(["delete", &id]).write_stdin("y\n")).fails(2);
    assert!(refused.stderr.contains("--yes"), "{}", refused.stderr);
    assert!(refused.stderr.contains("CONFIRMATION_REQUIRED"));
    assert_eq!(w.emulator.endpoints(Org::A).len(), 1);
    assert!(w.writes().iter().all(|r| !r.starts_with("DELETE")));

    let json = w.run(&["delete", &id, "--yes", "-o", "json"]).ok().json();
    assert_eq!(json, json!([{"id": id, "deleted": true}]));
    assert!(w.emulator.endpoints(Org::A).is_empty());
}

#[test]
fn delete_tries_every_id_and_exits_with_the_first_failure() {
    let w = World::new();
    let a = w.create("https://example.com/1", &["call.ended"])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let b = w.create("https://example.com/2", &["call.ended"])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let out = w.run(&["delete", &a, "wh_unknown", &b, "--yes"]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert_eq!(out.stdout, format!("deleted {a}\ndeleted {b}\n"));
    assert!(out.stderr.contains("wh_unknown"));
    assert!(w.emulator.endpoints(Org::A).is_empty());

    let c = w.create("https://example.com/3", &["call.ended"])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let json = w.run(&["delete", "wh_gone", &c, "--yes", "-o", "json"]);
    assert_eq!(json.code, 4);
    let report = json.json();
    assert_eq!(report[0]["id"], json!("wh_gone"));
    assert_eq!(report[0]["deleted"], json!(false));
    assert_eq!(report[0]["error"]["code"], json!("NOT_FOUND"));
    assert_eq!(report[0]["error"]["status"], json!(404));
    assert_eq!(report[1], json!({"id": c, "deleted": true}));
}

#[test]
fn rotate_secret_needs_confirmation_and_prints_the_new_secret() {
    let w = World::new();
    let created = w.create("https://example.com/r", &["call.ended"]);
    let id = created["id"].as_str().unwrap();
    let before = w.emulator.secret_of(id);
    w.run(&["rotate-secret", id]).fails(2);
    assert_eq!(
        w.emulator.secret_of(id),
        before,
        "nothing rotated without --yes"
    );

    let table = w.run(&["rotate-secret", id, "--yes"]).ok();
    let secret = w.emulator.secret_of(id).unwrap();
    assert_ne!(Some(secret.clone()), before);
    assert!(table
        .stdout
        .lines()
        .any(|l| l.starts_with("SECRET") && l.ends_with(&secret)));

    let path = w.home.path().join("rotated.secret");
    let quiet = w
        .run(&[
            "rotate-secret",
            id,
            "--yes",
            "-q",
            "--secret-file",
            path.to_str().unwrap(),
        ])
        .ok();
    assert!(quiet.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&path).ok(),
        w.emulator.secret_of(id)
    );
    assert_eq!(mode(&path), 0o600);
    w.run(&["rotate-secret", id, "--yes", "-q"]).fails(2);
    w.run(&["rotate-secret", "wh_unknown", "--yes"]).fails(4);
}

#[test]
fn events_work_offline_without_a_key() {
    let w = World::new();
    let out = run(w
        .bare()
        .env("ERZYCALL_API_URL", "http://127.0.0.1:9")
        .arg("events"))
    .ok();
    assert!(out.stdout.contains("call.ended") && out.stdout.contains("contact.deleted"));
    let json = run(w.bare().args(["events", "-o", "json"])).ok().json();
    assert_eq!(json.as_array().unwrap().len(), 8);
    assert_eq!(json[1]["name"], json!("call.ended"));
    let quiet = run(w.bare().args(["events", "-q"])).ok().stdout;
    assert_eq!(quiet.lines().count(), 8);
}

#[test]
fn update_refuses_contradictions_and_sends_nothing_when_nothing_changes() {
    let w = World::new();
    let id = w.create("https://example.com/n", &["call.ended"])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let both = w
        .run(&[
            "update",
            &id,
            "--add-event",
            "call.failed",
            "--remove-event",
            "call.failed",
        ])
        .fails(2);
    assert!(both.stderr.contains("both added and removed"));
    let same = w
        .run(&["update", &id, "--add-event", "call.ended", "-o", "json"])
        .ok();
    assert!(same.stderr.contains("nothing to change"), "{}", same.stderr);
    assert_eq!(same.json()["id"], json!(id));
    let typo = w
        .run(&[
            "update",
            &id,
            "--remove-event",
            "call.endd",
            "--add-event",
            "call.failed",
        ])
        .ok();
    assert!(
        typo.stderr.contains("did you mean `call.ended`"),
        "{}",
        typo.stderr
    );
    assert_eq!(
        w.writes().iter().filter(|r| r.starts_with("PATCH")).count(),
        1
    );

    let all: Vec<&str> = vec![
        "call.started",
        "call.failed",
        "call.scheduled",
        "call.cancelled",
        "contact.created",
        "contact.updated",
        "contact.deleted",
    ];
    let mut args = vec!["update", id.as_str(), "--allow-unknown-events"];
    for event in all.iter().chain(["x.one", "x.two", "x.three"].iter()) {
        args.push("--add-event");
        args.push(event);
    }
    let many = w.run(&args).fails(2);
    assert!(
        many.stderr.contains("would have 11 events"),
        "{}",
        many.stderr
    );
}

#[test]
fn a_delete_whose_answer_was_lost_counts_as_deleted() {
    let w = World::new();
    let id = w.create("https://example.com/lost", &["call.ended"])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    w.emulator.inject(Fault::DropAfterCommit { count: 1 });
    let out = w.run(&["delete", &id, "--yes", "-o", "json"]).ok();
    assert_eq!(out.json(), json!([{"id": id, "deleted": true}]));
    assert!(w.emulator.endpoints(Org::A).is_empty());
    // A plain unknown ID is still an error.
    w.run(&["delete", "wh_never", "--yes"]).fails(4);
}

#[test]
fn the_docs_base_url_with_api_v1_works_too() {
    let w = World::new();
    let url = format!("{}/api/v1/", w.url());
    w.run(&["list", "--api-url", &url]).ok();
    assert_eq!(w.emulator.requests()[0].path, "/api/v1/webhooks");
}
