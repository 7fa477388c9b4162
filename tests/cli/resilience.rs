//! Retries, rate limits, timeouts and responses that are not the API's JSON, driven by the
//! emulator's fault injection.

use std::time::{Duration, Instant};

use erzycall_emulator::{Fault, Org};

use crate::support::{World, KEY};

fn statuses(w: &World) -> Vec<u16> {
    w.emulator
        .requests()
        .into_iter()
        .map(|r| r.status)
        .collect()
}

#[test]
fn two_server_errors_then_success_is_a_success() {
    let w = World::new();
    w.emulator.inject(Fault::Status {
        status: 500,
        count: 2,
    });
    let out = w.run(&["list", "-o", "json"]).ok();
    assert_eq!(out.stdout.trim(), "[]");
    assert_eq!(statuses(&w), vec![500, 500, 200]);
}

#[test]
fn a_rate_limit_waits_for_retry_after() {
    let w = World::new();
    w.emulator.inject(Fault::RateLimit {
        retry_after: 1,
        count: 1,
    });
    let started = Instant::now();
    w.run(&["list"]).ok();
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(statuses(&w), vec![429, 200]);
}

#[test]
fn rate_limits_beyond_the_retries_exit_6() {
    let w = World::new();
    w.emulator.inject(Fault::RateLimit {
        retry_after: 1,
        count: 2,
    });
    let out = w.run(&["list", "--retries", "1"]).fails(6);
    assert!(
        out.stderr.contains("RATE_LIMITED") && out.stderr.contains("HTTP 429"),
        "{}",
        out.stderr
    );
    assert_eq!(statuses(&w), vec![429, 429]);
}

#[test]
fn a_retry_after_beyond_the_cap_fails_at_once_with_exit_6() {
    let w = World::new();
    w.emulator.inject(Fault::RateLimit {
        retry_after: 600,
        count: 1,
    });
    let started = Instant::now();
    let out = w.run(&["list"]).fails(6);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(out.stderr.contains("600s"), "{}", out.stderr);
    assert_eq!(statuses(&w), vec![429]);
}

#[test]
fn a_lost_create_answer_is_replayed_not_repeated() {
    let w = World::new();
    w.emulator.inject(Fault::DropAfterCommit { count: 1 });
    let created = w.create("https://example.com/once", &["call.ended"]);
    let endpoints = w.emulator.endpoints(Org::A);
    assert_eq!(endpoints.len(), 1);
    assert_eq!(endpoints[0]["id"], created["id"]);
    let requests = w.emulator.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].idempotency_key, requests[1].idempotency_key);
    assert_eq!(requests[0].status, 0);
}

#[test]
fn an_html_page_beyond_the_retries_exits_7_with_an_excerpt() {
    let w = World::new();
    w.emulator.inject(Fault::Html {
        status: 502,
        count: 4,
    });
    let out = w.run(&["list"]).fails(7);
    assert!(
        out.stderr.contains("BAD_RESPONSE") && out.stderr.contains("text/html"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("HTTP 502"));
    assert!(
        out.stderr.contains('<'),
        "an excerpt of the page: {}",
        out.stderr
    );
    assert_eq!(statuses(&w).len(), 4);
}

#[test]
fn a_slow_answer_times_out_with_exit_7() {
    let w = World::new();
    w.emulator.inject(Fault::Delay { ms: 5000, count: 1 });
    let started = Instant::now();
    let out = w.run(&["list", "--timeout", "1"]).fails(7);
    assert!(started.elapsed() < Duration::from_secs(4));
    assert!(
        out.stderr.contains("TIMEOUT") && out.stderr.contains(&w.url()),
        "{}",
        out.stderr
    );
}

#[test]
fn retries_zero_makes_one_attempt() {
    let w = World::new();
    w.emulator.inject(Fault::Status {
        status: 503,
        count: 1,
    });
    w.run(&["list", "--retries", "0"]).fails(7);
    assert_eq!(statuses(&w), vec![503]);
    w.emulator.inject(Fault::Drop { count: 1 });
    let out = w.run(&["list", "--retries", "0"]).fails(7);
    assert!(out.stderr.contains("NETWORK"), "{}", out.stderr);
}

#[test]
fn a_failed_create_names_the_idempotency_key_to_rerun_with() {
    let w = World::new();
    w.emulator.inject(Fault::DropAfterCommit { count: 1 });
    let out = w
        .run(&[
            "create",
            "--url",
            "https://example.com/k",
            "--event",
            "call.ended",
            "--retries",
            "0",
            "--idempotency-key",
            "job-7",
        ])
        .fails(7);
    assert!(
        out.stderr.contains("--idempotency-key job-7"),
        "{}",
        out.stderr
    );
    // The rerun the hint suggests finishes the job without a second endpoint.
    w.run(&[
        "create",
        "--url",
        "https://example.com/k",
        "--event",
        "call.ended",
        "--idempotency-key",
        "job-7",
    ])
    .ok();
    assert_eq!(w.emulator.endpoints(Org::A).len(), 1);
}

#[test]
fn verbose_logs_each_attempt_without_the_key() {
    let w = World::new();
    w.emulator.inject(Fault::Status {
        status: 500,
        count: 1,
    });
    let out = w
        .run(&[
            "create",
            "--url",
            "https://example.com/v",
            "--event",
            "call.ended",
            "-v",
            "--idempotency-key",
            "verbose-1",
        ])
        .ok();
    assert!(
        out.stderr.contains("POST") && out.stderr.contains("/api/v1/webhooks"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("verbose-1"));
    assert!(out.stderr.contains("retrying"));
    assert!(out.stderr.contains("201"));
    assert!(!out.stderr.contains(KEY) && !out.stdout.contains(KEY));
}

#[test]
fn an_exhausted_window_far_away_fails_at_once_with_exit_6() {
    let w = World::new();
    let reset = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 3000;
    let spent = format!(
        "HTTP/1.1 204 No Content\r\nX-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: {reset}\r\nConnection: close\r\n\r\n"
    );
    let url = crate::support::canned_server(vec![spent]);
    let started = Instant::now();
    let out = w.run(&["delete", "wh_a", "wh_b", "--yes", "--api-url", &url]);
    assert_eq!(out.code, 6, "{}", out.stderr);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(out.stdout, "deleted wh_a\n");
    assert!(out.stderr.contains("RATE_LIMITED"), "{}", out.stderr);
}
