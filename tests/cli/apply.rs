//! `apply -f FILE`: plans against the emulator, applies, and finishes after a failure.

use erzycall_emulator::{Fault, Org};
use serde_json::{json, Value};

use crate::support::{mode, run, World};

fn write(w: &World, name: &str, value: &Value) -> String {
    let path = w.home.path().join(name);
    std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
    path.to_str().unwrap().to_owned()
}

fn three() -> Value {
    json!({"endpoints": [
        {"url": "https://example.com/calls", "events": ["call.ended", "call.failed"], "description": "Calls"},
        {"url": "https://example.com/contacts", "events": ["contact.created"]},
        {"url": "https://example.com/paused", "events": ["call.started"], "isActive": false},
    ]})
}

#[test]
fn apply_creates_everything_then_changes_nothing() {
    let w = World::new();
    let file = write(&w, "endpoints.json", &three());
    let out = w.run(&["apply", "-f", &file, "--yes", "-o", "json"]).ok();
    let document = out.json();
    assert_eq!(document["applied"], json!(true));
    let actions: Vec<&str> = document["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, vec!["create", "create", "create"]);
    assert!(document["steps"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["outcome"] == json!("done") && s.get("secret").is_none()));
    assert_eq!(document["secrets"].as_array().unwrap().len(), 3);
    let endpoints = w.emulator.endpoints(Org::A);
    assert_eq!(endpoints.len(), 3);
    assert_eq!(endpoints[2]["isActive"], json!(false));
    assert!(out.stderr.contains("created"));

    // list -o json is a valid file, and applying it (or the original) changes nothing.
    let listed = w.run(&["list", "-o", "json"]).ok().json();
    let listed_file = write(&w, "listed.json", &listed);
    let mark = w.mark();
    for file in [&listed_file, &file] {
        let again = w
            .run(&["apply", "-f", file, "--dry-run", "--exit-code"])
            .ok();
        assert!(again.stderr.contains("No changes"), "{}", again.stderr);
        w.run(&["apply", "-f", file]).ok();
    }
    assert!(
        w.writes_since(mark).is_empty(),
        "no write request: {:?}",
        w.writes_since(mark)
    );
}

#[test]
fn editing_one_event_is_exactly_one_patch() {
    let w = World::new();
    let file = write(&w, "e.json", &three());
    w.run(&["apply", "-f", &file, "--yes"]).ok();
    let mut edited = three();
    edited["endpoints"][1]["events"] = json!(["contact.created", "contact.deleted"]);
    let file = write(&w, "e.json", &edited);
    let mark = w.mark();
    let plan = w.run(&["apply", "-f", &file, "--dry-run", "--exit-code"]);
    assert_eq!(plan.code, 1, "{}", plan.stderr);
    assert!(
        plan.stdout
            .contains("contact.created → contact.created,contact.deleted"),
        "{}",
        plan.stdout
    );
    w.run(&["apply", "-f", &file, "--yes"]).ok();
    let writes = w.writes_since(mark);
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert!(writes[0].starts_with("PATCH /api/v1/webhooks/wh_"));
}

#[test]
fn prune_deletes_what_the_file_does_not_list_and_only_with_prune() {
    let w = World::new();
    w.create("https://example.com/stray", &["call.ended"]);
    let file = write(
        &w,
        "p.json",
        &json!([{"url": "https://example.com/kept", "events": ["call.ended"]}]),
    );
    w.run(&["apply", "-f", &file, "--yes"]).ok();
    assert_eq!(
        w.emulator.endpoints(Org::A).len(),
        2,
        "without --prune the stray stays"
    );
    let out = w.run(&["apply", "-f", &file, "--yes", "--prune"]).ok();
    assert!(out.stdout.contains("delete"));
    let left = w.emulator.endpoints(Org::A);
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["url"], json!("https://example.com/kept"));
}

#[test]
fn files_that_cannot_be_applied_are_refused_before_any_change() {
    let w = World::new();
    let six: Vec<Value> = (0..6)
        .map(|i| json!({"url": format!("https://example.com/{i}"), "events": ["call.ended"]}))
        .collect();
    let file = write(&w, "six.json", &Value::Array(six));
    let out = w.run(&["apply", "-f", &file, "--yes"]).fails(2);
    assert!(out.stderr.contains("at most 5"), "{}", out.stderr);
    assert!(
        w.emulator.requests().is_empty(),
        "refused before any request"
    );

    let bad = write(
        &w,
        "bad.json",
        &json!([
            {"url": "http://example.com/x", "events": ["call.ended"]},
            {"url": "https://example.com/y", "events": ["call.endd"]},
            {"url": "https://example.com/y", "events": ["call.ended"]},
        ]),
    );
    let out = w.run(&["apply", "-f", &bad, "--yes"]).fails(2);
    for field in [
        "endpoints[0].url",
        "endpoints[1].events",
        "endpoints[2].url",
    ] {
        assert!(out.stderr.contains(field), "{field}: {}", out.stderr);
    }
    assert!(out.stderr.contains("did you mean `call.ended`"));

    // Three existing endpoints not in the file plus three new ones would make six.
    for i in 0..3 {
        w.create(&format!("https://example.com/old{i}"), &["call.ended"]);
    }
    let mark = w.mark();
    let file = write(&w, "three.json", &three());
    let out = w.run(&["apply", "-f", &file, "--yes"]).fails(2);
    assert!(out.stderr.contains("--prune"), "{}", out.stderr);
    assert!(w.writes_since(mark).is_empty());

    // Without a terminal, --yes is needed.
    let refused = w.run(&["apply", "-f", &file, "--prune"]);
    assert_eq!(refused.code, 2);
    assert!(w.writes_since(mark).is_empty());
    assert_eq!(w.emulator.endpoints(Org::A).len(), 3);
}

#[test]
fn a_failure_halfway_is_finished_by_running_apply_again() {
    let w = World::new();
    let file = write(
        &w,
        "two.json",
        &json!([
            {"url": "https://example.com/first", "events": ["call.ended"]},
            {"url": "https://example.com/second", "events": ["call.failed"]},
        ]),
    );
    // The list and the first create go through; the second create fails on every attempt.
    w.emulator.inject(Fault::Delay { ms: 1, count: 2 });
    w.emulator.inject(Fault::Status {
        status: 500,
        count: 4,
    });
    let out = w.run(&["apply", "-f", &file, "--yes", "-o", "json"]);
    assert_eq!(out.code, 7, "{}", out.stderr);
    let document = out.json();
    assert_eq!(document["steps"][0]["outcome"], json!("done"));
    assert_eq!(document["steps"][1]["outcome"], json!("failed"));
    assert_eq!(document["steps"][1]["error"]["status"], json!(500));
    let error = out.stderr.lines().last().unwrap();
    assert!(error.contains("run the same apply again"), "{}", out.stderr);
    assert_eq!(w.emulator.endpoints(Org::A).len(), 1);

    let rerun = w.run(&["apply", "-f", &file, "--yes"]).ok();
    assert!(
        rerun.stderr.contains("1 to create") && rerun.stderr.contains("1 unchanged"),
        "{}",
        rerun.stderr
    );
    let urls: Vec<Value> = w
        .emulator
        .endpoints(Org::A)
        .iter()
        .map(|e| e["url"].clone())
        .collect();
    assert_eq!(
        urls,
        vec![
            json!("https://example.com/first"),
            json!("https://example.com/second")
        ]
    );
}

#[test]
fn toml_files_stdin_and_a_secrets_directory() {
    let w = World::new();
    let toml = w.home.path().join("endpoints.toml");
    std::fs::write(&toml, "[[endpoints]]\nurl = \"https://example.com/t\"\nevents = [\"call.ended\"]\ndescription = \"from TOML\"\n").unwrap();
    let secrets = w.home.path().join("secrets");
    std::fs::create_dir(&secrets).unwrap();
    let out = w
        .run(&[
            "apply",
            "-f",
            toml.to_str().unwrap(),
            "--yes",
            "--secrets-dir",
            secrets.to_str().unwrap(),
        ])
        .ok();
    assert!(!out.stdout.contains("whsec_") && !out.stderr.contains("whsec_"));
    let id = w.emulator.endpoints(Org::A)[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = secrets.join(format!("{id}.secret"));
    assert_eq!(
        std::fs::read_to_string(&path).ok(),
        w.emulator.secret_of(&id)
    );
    assert_eq!(mode(&path), 0o600);

    let stdin = run(w
        .cmd()
        .args(["apply", "-f", "-", "--dry-run", "--exit-code"])
        .write_stdin(
            r#"[{"url": "https://example.com/t", "events": ["call.ended"], "description": ""}]"#,
        ));
    assert_eq!(stdin.code, 1);
    assert!(
        stdin.stdout.contains("description: from TOML → \"\""),
        "{}",
        stdin.stdout
    );
}

#[test]
fn secrets_are_never_silently_lost() {
    let w = World::new();
    let file = write(
        &w,
        "s.json",
        &json!([{"url": "https://example.com/s", "events": ["call.ended"]}]),
    );
    let quiet = w.run(&["apply", "-f", &file, "--yes", "-q"]).fails(2);
    assert!(quiet.stderr.contains("--secrets-dir"), "{}", quiet.stderr);
    let unwritable = w
        .run(&["apply", "-f", &file, "--yes", "--secrets-dir", "/proc"])
        .fails(2);
    assert!(
        unwritable.stderr.contains("cannot be written"),
        "{}",
        unwritable.stderr
    );
    w.run(&[
        "apply",
        "-f",
        &file,
        "--yes",
        "--secrets-dir",
        "/nonexistent",
    ])
    .fails(2);
    assert!(w.writes().is_empty());

    // A create whose answer is lost says how to recover its secret.
    w.emulator.inject(Fault::Delay { ms: 1, count: 1 });
    w.emulator.inject(Fault::DropAfterCommit { count: 1 });
    let lost = w.run(&["apply", "-f", &file, "--yes", "--retries", "0"]);
    assert_eq!(lost.code, 7, "{}", lost.stderr);
    assert!(lost.stderr.contains("rotate-secret"), "{}", lost.stderr);
    assert!(lost.stderr.contains("0 change(s) made"), "{}", lost.stderr);
}

#[test]
fn the_plan_says_what_is_kept_and_exit_code_goes_with_dry_run() {
    let w = World::new();
    w.create("https://example.com/other", &["call.ended"]);
    let file = write(
        &w,
        "k.json",
        &json!([{"url": "https://example.com/mine", "events": ["call.ended"]}]),
    );
    let plan = w.run(&["apply", "-f", &file, "--dry-run"]).ok();
    assert!(
        plan.stdout.contains("not in the file: kept"),
        "{}",
        plan.stdout
    );
    let json = w
        .run(&["apply", "-f", &file, "--dry-run", "-o", "json"])
        .ok()
        .json();
    let kept = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["url"] == json!("https://example.com/other"))
        .unwrap()
        .clone();
    assert_eq!(kept["inFile"], json!(false));
    w.run(&["apply", "-f", &file, "--yes", "--exit-code"])
        .fails(2);
    let spaced = write(
        &w,
        "space.json",
        &json!([{"url": "https://example.com/a b", "events": ["call.ended", "nope1", "nope2"]}]),
    );
    let out = w.run(&["apply", "-f", &spaced, "--yes"]).fails(2);
    assert!(
        out.stderr.contains("spaces") && out.stderr.contains("`nope1`, `nope2`"),
        "{}",
        out.stderr
    );
    assert!(
        w.writes().len() == 1,
        "only the setup create: {:?}",
        w.writes()
    );
}
