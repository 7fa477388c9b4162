//! Output contracts: stdout is data, tables are whole in a pipe, server text is escaped, JSON is
//! the API's own, and a closed pipe is a quiet success.

use std::io::Read;
use std::process::Stdio;

use erzycall_emulator::{Fault, Org};
use serde_json::json;

use crate::support::{run, World};

#[test]
fn unknown_fields_nulls_and_new_events_from_the_server_pass_through() {
    let w = World::new();
    let record = json!({
        "id": "wh_odd",
        "url": "https://example.com/odd",
        "events": ["call.ended", "call.transcribed"],
        "isActive": null,
        "description": null,
        "createdAt": "2025-01-15T10:30:00Z",
        "deliveryStats": {"failures": 3}
    });
    w.emulator.insert_raw(Org::A, record.clone());
    assert_eq!(w.run(&["list", "-o", "json"]).ok().json(), json!([record]));
    assert_eq!(w.run(&["get", "wh_odd", "-o", "json"]).ok().json(), record);
    let table = w.run(&["list"]).ok().stdout;
    let row = table.lines().nth(1).unwrap();
    assert!(row.contains("call.ended,call.transcribed"), "{table}");
    assert!(
        row.split_whitespace().filter(|c| *c == "-").count() >= 2,
        "{table}"
    );

    w.emulator.insert_raw(Org::A, json!({"id": "wh_bare"}));
    let table = w.run(&["get", "wh_bare"]).ok().stdout;
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("URL") && l.ends_with('-')),
        "{table}"
    );
}

#[test]
fn control_characters_from_the_server_are_escaped_in_tables_and_exact_in_json() {
    let w = World::new();
    let evil = "ok\u{1b}[2J\u{1b}[31m\rhidden\u{202e}";
    w.emulator.insert_raw(Org::A, json!({"id": "wh_evil", "url": "https://example.com/e", "events": ["call.ended"], "isActive": true, "description": evil, "createdAt": "2025-01-15T10:30:00Z"}));
    let table = w.run(&["list"]).ok().stdout;
    assert!(!table.contains('\u{1b}') && !table.contains('\r') && !table.contains('\u{202e}'));
    assert!(
        table.contains("ok\\u{1b}[2J\\u{1b}[31m\\rhidden\\u{202e}"),
        "{table}"
    );
    let json = w.run(&["list", "-o", "json"]).ok().json();
    assert_eq!(json[0]["description"], json!(evil));
}

#[test]
fn tables_are_not_wrapped_or_cut_in_a_pipe() {
    let w = World::new();
    let long = format!("{} end", "word ".repeat(99));
    w.run(&[
        "create",
        "--url",
        "https://example.com/long",
        "--event",
        "call.ended",
        "--description",
        &long,
    ])
    .ok();
    let table = w.run(&["list"]).ok().stdout;
    assert_eq!(table.lines().count(), 2, "{table}");
    assert!(table.contains(long.trim_end()));
    assert!(!table.contains('\u{1b}'), "no color in a pipe");
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    let w = World::new();
    for i in 0..5 {
        w.create(&format!("https://example.com/{i}"), &["call.ended"]);
    }
    // The reader is gone before the answer arrives, so the write is sure to hit a closed pipe.
    w.emulator.inject(Fault::Delay { ms: 300, count: 1 });
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("erzyhooks"))
        .args(["list", "-o", "json"])
        .env_clear()
        .env("ERZYCALL_API_URL", w.url())
        .env("ERZYCALL_API_KEY", crate::support::KEY)
        .env("HOME", w.home.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");

    let shell = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "'{}' list -o json | head -c 1; exit ${{PIPESTATUS[0]}}",
            assert_cmd::cargo::cargo_bin("erzyhooks").display()
        ))
        .env("ERZYCALL_API_URL", w.url())
        .env("ERZYCALL_API_KEY", crate::support::KEY)
        .output()
        .unwrap();
    assert_eq!(shell.status.code(), Some(0));
    assert_eq!(shell.stdout, b"[");
    assert!(!String::from_utf8_lossy(&shell.stderr).contains("panicked"));
}

#[test]
fn every_command_has_a_summary_a_description_and_an_example() {
    let w = World::new();
    let commands: &[&[&str]] = &[
        &["list"],
        &["get"],
        &["create"],
        &["update"],
        &["delete"],
        &["rotate-secret"],
        &["events"],
        &["config", "set-key"],
        &["config", "show"],
        &["config", "path"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        let help = w.run(&args).ok().stdout;
        let lines: Vec<&str> = help.lines().collect();
        assert!(
            !lines[0].is_empty() && lines[1].is_empty() && !lines[2].is_empty(),
            "{command:?} help lacks a description:\n{help}"
        );
        assert!(
            help.contains("Examples:\n  erzyhooks"),
            "{command:?} help lacks an example:\n{help}"
        );
    }
}

/// Runs the binary on a pseudo-terminal of the given width (util-linux `script`), as a person
/// would see it.
fn on_terminal(w: &World, columns: u16, args: &str) -> String {
    let bin = assert_cmd::cargo::cargo_bin("erzyhooks");
    let out = std::process::Command::new("script")
        .args(["-qec", &format!("'{}' {args}", bin.display()), "/dev/null"])
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("COLUMNS", columns.to_string())
        .env("HOME", w.home.path())
        .env("ERZYCALL_API_URL", w.url())
        .env("ERZYCALL_API_KEY", crate::support::KEY)
        .env("NO_COLOR", "1")
        .output()
        .expect("script(1) runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stdout).replace('\r', "")
}

#[test]
fn on_a_narrow_terminal_each_endpoint_stays_on_one_line() {
    let w = World::new();
    w.run(&[
        "create",
        "--url",
        "https://example.com/a/rather/long/path/for/deliveries",
        "--events",
        "call.started,call.ended,call.failed,call.scheduled",
        "--description",
        "Deliveries for the CRM integration in production",
    ])
    .ok();
    w.create("https://example.com/b", &["contact.created"]);
    for columns in [80, 100, 120] {
        let screen = on_terminal(&w, columns, "list");
        let lines: Vec<&str> = screen.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 3, "{columns} columns:\n{screen}");
        for line in &lines {
            assert!(
                line.chars().count() <= columns as usize,
                "{columns} columns:\n{screen}"
            );
        }
        assert!(lines[1].contains('…'), "{screen}");
        assert!(lines[1].starts_with("wh_"));
    }
    let wide = on_terminal(&w, 250, "list");
    assert!(
        !wide.contains('…') && wide.contains("Deliveries for the CRM integration in production")
    );
}

#[test]
fn color_can_be_forced_in_a_pipe() {
    let w = World::new();
    w.create("https://example.com/c", &["call.ended"]);
    assert!(w
        .run(&["list", "--color", "always"])
        .ok()
        .stdout
        .contains("\u{1b}["));
    assert!(run(w.cmd().env("CLICOLOR_FORCE", "1").arg("list"))
        .ok()
        .stdout
        .contains("\u{1b}["));
    assert!(!w.run(&["list"]).ok().stdout.contains('\u{1b}'));
    assert!(!run(w
        .cmd()
        .env("CLICOLOR_FORCE", "1")
        .args(["list", "--color", "never"]))
    .ok()
    .stdout
    .contains('\u{1b}'));
}

#[test]
fn bare_ids_from_the_server_are_escaped_too() {
    let w = World::new();
    w.emulator
        .insert_raw(Org::A, json!({"id": "wh_4\u{1b}]0;title\u{7}"}));
    let out = w.run(&["list", "-q"]).ok();
    assert_eq!(out.stdout, "wh_4\\u{1b}]0;title\\u{7}\n");
}
