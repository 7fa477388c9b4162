//! The webhook developer tools over real HTTP: the emulator delivers to `erzyhooks listen`,
//! `trigger` sends to it, and `sign`/`verify` agree with an independent HMAC implementation.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use erzycall_emulator::Org;
use serde_json::{json, Value};

use crate::support::{run, World, KEY};

/// A running `erzyhooks listen`, with its stdout lines arriving on a channel.
struct Listener {
    child: Child,
    lines: Receiver<String>,
    url: String,
}

impl Listener {
    fn start(w: &World, args: &[&str]) -> Listener {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("erzyhooks"))
            .args(["listen", "--addr", "127.0.0.1:0"])
            .args(args)
            .env_clear()
            .env("HOME", w.home.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let mut banner = String::new();
        BufReader::new(stderr).read_line(&mut banner).unwrap();
        let url = banner
            .strip_prefix("listening on ")
            .and_then(|rest| rest.split([',', ';']).next())
            .unwrap_or_else(|| panic!("no address in {banner:?}"))
            .to_owned();
        let stdout = child.stdout.take().unwrap();
        let (sender, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        Listener { child, lines, url }
    }

    fn next(&self) -> String {
        self.lines
            .recv_timeout(Duration::from_secs(10))
            .expect("a delivery line within 10 s")
    }

    fn next_json(&self) -> Value {
        serde_json::from_str(&self.next()).expect("one JSON object per line")
    }

    fn nothing_more(&self) {
        assert!(self.lines.recv_timeout(Duration::from_millis(300)).is_err());
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn the_whole_loop_emulator_to_listener_with_rotation() {
    let w = World::new();
    let secret = w.home.path().join("hook.secret");
    let id = w
        .run(&[
            "create",
            "--url",
            "http://127.0.0.1:9/hook",
            "--event",
            "call.ended",
            "-q",
            "--secret-file",
            path(&secret),
        ])
        .ok()
        .stdout
        .trim()
        .to_owned();
    let listener = Listener::start(&w, &["--path", "/hook", "--secret-file", path(&secret)]);
    w.run(&["update", &id, "--url", &listener.url, "-q"]).ok();

    let sent = w
        .emulator
        .deliver("call.ended", json!({"id": "call_1"}), Org::A);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].status, 200);
    let line = listener.next();
    assert!(
        line.contains("call.ended") && line.contains("  verified  200"),
        "{line}"
    );

    // After a rotation the listener still holds the old secret.
    let new_secret = w.home.path().join("new.secret");
    w.run(&[
        "rotate-secret",
        &id,
        "--yes",
        "-q",
        "--secret-file",
        path(&new_secret),
    ])
    .ok();
    let sent = w
        .emulator
        .deliver("call.ended", json!({"id": "call_2"}), Org::A);
    assert_eq!(sent[0].status, 401);
    assert!(listener.next().contains("NOT VERIFIED  401"));

    // Not subscribed: not delivered.
    assert!(w
        .emulator
        .deliver("contact.created", json!({}), Org::A)
        .is_empty());
    listener.nothing_more();
}

#[test]
fn trigger_round_trips_every_event_to_listen() {
    let w = World::new();
    let secret = w.home.path().join("s");
    std::fs::write(&secret, "whsec_round_trip_secret_0123456789abcdef\n").unwrap();
    let listener = Listener::start(&w, &["--secret-file", path(&secret), "-o", "json"]);
    for (event, _) in erzyhooks::events::EVENTS {
        let out = run(w.bare().args([
            "trigger",
            event,
            "--url",
            &listener.url,
            "--secret-file",
            path(&secret),
            "-o",
            "json",
        ]))
        .ok()
        .json();
        assert_eq!(out["status"], json!(200));
        let seen = listener.next_json();
        assert_eq!(seen["event"], json!(event));
        assert_eq!(seen["verified"], json!(true));
        assert_eq!(seen["status"], json!(200));
        assert_eq!(seen["headers"]["content-type"], json!("application/json"));
        assert_eq!(seen["body"]["event"], json!(event));
        assert!(seen["body"]["timestamp"].as_str().unwrap().ends_with('Z'));
        assert!(seen["body"]["data"]
            .as_object()
            .is_some_and(|d| !d.is_empty()));
    }
}

#[test]
fn trigger_exit_codes_follow_the_receiver() {
    let w = World::new();
    let secret = w.home.path().join("a");
    let other = w.home.path().join("b");
    std::fs::write(&secret, "whsec_one").unwrap();
    std::fs::write(&other, "whsec_two").unwrap();
    let listener = Listener::start(&w, &["--secret-file", path(&secret)]);
    let refused = run(w.bare().args([
        "trigger",
        "call.ended",
        "--url",
        &listener.url,
        "--secret-file",
        path(&other),
    ]))
    .fails(5);
    assert!(refused.stderr.contains("401"));
    assert!(listener.next().contains("NOT VERIFIED  401"));
    run(w.bare().args([
        "trigger",
        "call.ended",
        "--url",
        "http://127.0.0.1:9/",
        "--secret-file",
        path(&secret),
        "--timeout",
        "5",
    ]))
    .fails(7);
    // Input is checked first.
    run(w.bare().args([
        "trigger",
        "call.endd",
        "--url",
        &listener.url,
        "--secret-file",
        path(&secret),
    ]))
    .fails(2);
    run(w
        .bare()
        .args(["trigger", "call.ended", "--url", &listener.url]))
    .fails(2);
    let data = w.home.path().join("data.json");
    std::fs::write(&data, "{\"id\": \"custom\"}").unwrap();
    run(w.bare().args([
        "trigger",
        "call.ended",
        "--url",
        &listener.url,
        "--secret-file",
        path(&secret),
        "--data",
        path(&data),
    ]))
    .ok();
    assert!(listener.next().contains("verified  200"));
}

#[test]
fn listen_refuses_large_bodies_and_forwards_verified_deliveries() {
    let w = World::new();
    let secret = w.home.path().join("s");
    std::fs::write(&secret, "whsec_forward").unwrap();
    let target = Listener::start(
        &w,
        &[
            "--secret-file",
            path(&secret),
            "--path",
            "/in",
            "-o",
            "json",
        ],
    );
    let front = Listener::start(
        &w,
        &["--secret-file", path(&secret), "--forward-to", &target.url],
    );
    run(w.bare().args([
        "trigger",
        "contact.updated",
        "--url",
        &front.url,
        "--secret-file",
        path(&secret),
    ]))
    .ok();
    let relayed = target.next_json();
    assert_eq!(
        relayed["verified"],
        json!(true),
        "the exact body and signature were relayed"
    );
    assert_eq!(relayed["event"], json!("contact.updated"));
    assert!(front.next().contains("forwarded: 200"));

    let big = w.home.path().join("big.json");
    std::fs::write(&big, format!("\"{}\"", "x".repeat(1_100_000))).unwrap();
    let out = run(w.bare().args([
        "trigger",
        "call.ended",
        "--url",
        &target.url,
        "--secret-file",
        path(&secret),
        "--data",
        path(&big),
    ]))
    .fails(5);
    assert!(out.stderr.contains("413"), "{}", out.stderr);
}

#[test]
fn sign_and_verify_agree_with_openssl() {
    let w = World::new();
    // printf '%s' "$BODY" | openssl dgst -sha256 -hmac whsec_cli_vector_secret
    let body = w.home.path().join("body.json");
    std::fs::write(
        &body,
        r#"{"event":"contact.created","timestamp":"2025-01-15T10:30:00.000Z","data":{}}"#,
    )
    .unwrap();
    let secret = w.home.path().join("secret");
    std::fs::write(&secret, "whsec_cli_vector_secret\n").unwrap();
    let expected = "sha256=03cb72c574a06876c579e1b8ca1202193959841161bfc79770327f3ebc2bd67c";
    let signed = run(w
        .bare()
        .args(["sign", "--secret-file", path(&secret), path(&body)]))
    .ok();
    assert_eq!(signed.stdout.trim(), expected);
    let piped = run(w
        .bare()
        .args(["sign"])
        .env("ERZYHOOKS_WEBHOOK_SECRET", "whsec_cli_vector_secret")
        .pipe_stdin(&body)
        .unwrap())
    .ok();
    assert_eq!(piped.stdout.trim(), expected);

    run(w.bare().args([
        "verify",
        "--secret-file",
        path(&secret),
        "--signature",
        expected,
        path(&body),
    ]))
    .ok();
    let upper = format!("sha256={}", expected[7..].to_uppercase());
    run(w.bare().args([
        "verify",
        "--secret-file",
        path(&secret),
        "--signature",
        &upper,
        path(&body),
    ]))
    .ok();
    let wrong = format!("sha256={}", "0".repeat(64));
    let mismatch = run(w.bare().args([
        "verify",
        "--secret-file",
        path(&secret),
        "--signature",
        &wrong,
        path(&body),
    ]));
    assert_eq!(mismatch.code, 1);
    assert!(mismatch.stderr.starts_with("error: ") && mismatch.stderr.contains("does not match"));
    run(w.bare().args([
        "verify",
        "--secret-file",
        path(&secret),
        "--signature",
        "sha256=abc",
        path(&body),
    ]))
    .fails(2);
    run(w
        .bare()
        .args(["verify", "--signature", expected, path(&body)]))
    .fails(2);
    assert!(!signed.stderr.contains("whsec_cli_vector_secret"));
    let _ = KEY;
}
