//! Exit codes and error messages: what the API refused, what the tool refused, and what never
//! got an answer.

use erzycall_emulator::Org;
use serde_json::json;

use crate::support::{run, World};

#[test]
fn no_key_exits_3_with_a_hint_naming_every_option() {
    let w = World::new();
    let out = run(w.bare().arg("list")).fails(3);
    assert!(out.stderr.contains("NO_API_KEY"));
    for option in ["--api-key", "ERZYCALL_API_KEY", "config set-key"] {
        assert!(
            out.stderr.contains(option),
            "hint lacks {option}: {}",
            out.stderr
        );
    }
    assert!(w.emulator.requests().is_empty());
}

#[test]
fn revoked_expired_and_unknown_keys_exit_3_with_the_api_code() {
    let w = World::new();
    for (key, code) in [
        ("ek_test_revoked", "KEY_REVOKED"),
        ("ek_test_expired", "KEY_EXPIRED"),
        ("ek_test_wrong", "UNAUTHORIZED"),
    ] {
        let out = run(w.bare().env("ERZYCALL_API_KEY", key).arg("list")).fails(3);
        assert!(out.stderr.contains(code), "{key}: {}", out.stderr);
        assert!(out.stderr.contains("HTTP 401"));
        assert!(out.stderr.contains("hint:"));
    }
}

#[test]
fn a_read_only_key_cannot_write_exit_3() {
    let w = World::new();
    let out = run(w.bare().env("ERZYCALL_API_KEY", "ek_test_readonly").args([
        "create",
        "--url",
        "https://example.com/x",
        "--event",
        "call.ended",
    ]))
    .fails(3);
    assert!(
        out.stderr.contains("INSUFFICIENT_SCOPE") && out.stderr.contains("webhooks:write"),
        "{}",
        out.stderr
    );
    run(w
        .bare()
        .env("ERZYCALL_API_KEY", "ek_test_readonly")
        .arg("list"))
    .ok();
}

#[test]
fn another_organizations_endpoint_is_not_found() {
    let w = World::new();
    let id = w.create("https://example.com/a", &["call.ended"])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let other = || {
        let mut cmd = w.bare();
        cmd.env("ERZYCALL_API_KEY", "ek_test_other_org");
        cmd
    };
    run(other().args(["get", &id])).fails(4);
    run(other().args(["delete", &id, "--yes"])).fails(4);
    assert_eq!(w.emulator.endpoints(Org::A).len(), 1);
}

#[test]
fn validation_errors_from_the_api_show_each_detail_exit_5() {
    let w = World::new();
    let out = w
        .run(&[
            "create",
            "--url",
            "https://example.com/x",
            "--event",
            "call.answered",
            "--allow-unknown-events",
        ])
        .fails(5);
    assert!(
        out.stderr.contains("VALIDATION_ERROR") && out.stderr.contains("HTTP 400"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .lines()
            .any(|l| l.trim_start().starts_with("- events")),
        "{}",
        out.stderr
    );

    let json = w
        .run(&[
            "create",
            "--url",
            "https://example.com/x",
            "--event",
            "call.answered",
            "--allow-unknown-events",
            "-o",
            "json",
        ])
        .fails(5)
        .stderr_json();
    assert_eq!(json["error"]["code"], json!("VALIDATION_ERROR"));
    assert_eq!(json["error"]["status"], json!(400));
    assert_eq!(json["error"]["details"][0]["field"], json!("events"));
}

#[test]
fn the_sixth_endpoint_is_refused_exit_5() {
    let w = World::new();
    for i in 0..5 {
        w.create(&format!("https://example.com/{i}"), &["call.ended"]);
    }
    let out = w
        .run(&[
            "create",
            "--url",
            "https://example.com/6",
            "--event",
            "call.ended",
        ])
        .fails(5);
    assert!(
        out.stderr.contains("MAX_ENDPOINTS") && out.stderr.contains("HTTP 422"),
        "{}",
        out.stderr
    );
}

#[test]
fn bad_input_is_refused_before_anything_is_sent() {
    let w = World::new();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["create", "--url", "http://example.com/x", "--event", "call.ended"], "https://"),
        (vec!["create", "--url", "not-a-url", "--event", "call.ended"], "not a valid URL"),
        (vec!["create", "--url", "https://example.com/a b", "--event", "call.ended"], "spaces"),
        (vec!["create", "--url", "https://example.com/x", "--event", "call.endd"], "did you mean `call.ended`"),
        (vec!["create", "--url", "https://example.com/x", "--events", "call.ended,,call.failed"], "empty"),
        (
            vec!["create", "--url", "https://example.com/x", "--events", "call.started,call.ended,call.failed,call.scheduled,call.cancelled,contact.created,contact.updated,contact.deleted,x.1,x.2,x.3", "--allow-unknown-events"],
            "at most 10",
        ),
        (vec!["update", "wh_1"], "nothing to update"),
        (vec!["update", "wh_1", "--add-event", "contact.create"], "did you mean `contact.created`"),
        (vec!["get", "../contacts/1"], "not an endpoint ID"),
        (vec!["delete", "wh_1", "wh 2", "--yes"], "not an endpoint ID"),
        (vec!["rotate-secret", "a/b", "--yes"], "not an endpoint ID"),
    ];
    for (args, expected) in cases {
        let out = w.run(&args).fails(2);
        assert!(
            out.stderr.contains(expected),
            "{args:?}: expected {expected:?} in {}",
            out.stderr
        );
        assert!(out.stderr.starts_with("error: "), "{}", out.stderr);
    }
    let long = "é".repeat(501);
    let out = w
        .run(&[
            "create",
            "--url",
            "https://example.com/x",
            "--event",
            "call.ended",
            "--description",
            &long,
        ])
        .fails(2);
    assert!(out.stderr.contains("501 characters"));
    w.run(&[
        "create",
        "--url",
        "https://example.com/x",
        "--event",
        "call.ended",
        "--description",
        &"é".repeat(500),
    ])
    .ok();
    assert_eq!(
        w.emulator.requests().len(),
        1,
        "only the valid create was sent"
    );
}

#[test]
fn a_missing_flag_is_a_usage_error() {
    let w = World::new();
    w.run(&["create", "--event", "call.ended"]).fails(2);
    w.run(&["create", "--url", "https://example.com/x"])
        .fails(2);
    w.run(&["delete"]).fails(2);
    w.run(&["update", "wh_1", "--enable", "--disable"]).fails(2);
    w.run(&["list", "--output", "yaml"]).fails(2);
    assert!(w.emulator.requests().is_empty());
}

#[test]
fn checks_run_in_order_input_then_key_then_confirmation() {
    let w = World::new();
    run(w.bare().args(["get", "a/b"])).fails(2);
    run(w.bare().args(["delete", "wh_1"])).fails(3);
    w.run(&["delete", "wh_1"]).fails(2);
    assert!(w.emulator.requests().is_empty());
}

#[test]
fn json_mode_prints_the_tools_own_errors_as_json() {
    let w = World::new();
    let out = run(w.bare().args(["list", "-o", "json"]))
        .fails(3)
        .stderr_json();
    assert_eq!(out["error"]["code"], json!("NO_API_KEY"));
    assert_eq!(out["error"]["status"], json!(null));
    let out = w
        .run(&["get", "wh_nothing", "--json"])
        .fails(4)
        .stderr_json();
    assert_eq!(out["error"]["code"], json!("NOT_FOUND"));
    let out = w.run(&["delete", "wh_1", "--json"]).fails(2).stderr_json();
    assert_eq!(out["error"]["code"], json!("CONFIRMATION_REQUIRED"));
    let out = w.run(&["update", "wh_1", "--json"]).fails(2).stderr_json();
    assert_eq!(out["error"]["code"], json!("USAGE"));
}

#[test]
fn a_server_that_is_down_exits_7() {
    let w = World::new();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let started = std::time::Instant::now();
    let out = run(w.cmd().args([
        "list",
        "--retries",
        "0",
        "--api-url",
        &format!("http://127.0.0.1:{port}"),
    ]))
    .fails(7);
    assert!(
        out.stderr.contains("NETWORK") && out.stderr.contains(&port.to_string()),
        "{}",
        out.stderr
    );
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn plain_http_to_a_remote_host_is_refused_before_connecting() {
    let w = World::new();
    let out = w.run(&["list", "--api-url", "http://example.com"]).fails(2);
    assert!(out.stderr.contains("plain http"), "{}", out.stderr);
}

#[test]
fn usage_errors_from_the_parser_are_json_in_json_mode() {
    let w = World::new();
    for args in [
        vec!["-o", "json", "create", "--url", "https://example.com/x"],
        vec!["list", "--json", "--bogus"],
        vec!["--output=json", "nosuchcommand"],
    ] {
        let out = w.run(&args).fails(2).stderr_json();
        assert_eq!(out["error"]["code"], json!("USAGE"), "{args:?}");
        assert!(!out["error"]["message"].as_str().unwrap().is_empty());
    }
    let text = w.run(&["list", "--bogus"]).fails(2);
    assert!(text.stderr.starts_with("error: unexpected argument"));
}

#[test]
fn ctrl_c_during_a_create_exits_130_with_the_key_to_rerun_with() {
    let w = World::new();
    w.emulator
        .inject(erzycall_emulator::Fault::Delay { ms: 3000, count: 1 });
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("erzyhooks"))
        .args([
            "create",
            "--url",
            "https://example.com/int",
            "--event",
            "call.ended",
            "--idempotency-key",
            "ctrl-c-1",
        ])
        .env_clear()
        .env("HOME", w.home.path())
        .env("ERZYCALL_API_URL", w.url())
        .env("ERZYCALL_API_KEY", crate::support::KEY)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the request is in flight, then interrupt.
    let started = std::time::Instant::now();
    while w.emulator.requests().is_empty() && started.elapsed().as_secs() < 10 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(100));
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(stderr.contains("--idempotency-key ctrl-c-1"), "{stderr}");
}
