//! Keys, secrets, files and untrusted input.

use erzycall_emulator::Options;
use serde_json::json;

use crate::support::{mode, run, World, CANARIES, KEY};

/// Every command, with and without `-v`, in table and JSON mode, on success and on the error
/// paths the emulator can produce. The harness checks each run's output for every key.
#[test]
fn no_command_ever_prints_the_api_key() {
    let w = World::with(Options {
        rate_limit_per_minute: 100_000,
        rate_limit_per_hour: 100_000,
        ..Options::default()
    });
    let id = w.create("https://example.com/canary", &["call.ended"])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let secret_file = w.home.path().join("s.secret");
    let secret_file = secret_file.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["get", &id],
        vec!["get", "wh_unknown"],
        vec![
            "create",
            "--url",
            "https://example.com/c2",
            "--event",
            "call.ended",
        ],
        vec![
            "create",
            "--url",
            "https://example.com/c3",
            "--event",
            "call.x",
            "--allow-unknown-events",
        ],
        vec!["update", &id, "--add-event", "call.failed"],
        vec!["update", "wh_unknown", "--disable"],
        vec!["rotate-secret", &id, "--yes", "--secret-file", secret_file],
        vec!["rotate-secret", &id],
        vec!["delete", "wh_unknown", "--yes"],
        vec!["config", "show"],
        vec!["config", "path"],
        vec!["events"],
        vec!["list", "--api-url", "http://example.com"],
    ];
    for command in &commands {
        for verbose in [false, true] {
            for json in [false, true] {
                let mut args = command.clone();
                if verbose {
                    args.push("-v");
                }
                if json {
                    args.push("--json");
                }
                w.run(&args);
                run(w.bare().arg("--api-key").arg(KEY).args(&args));
                if verbose && json {
                    for key in CANARIES {
                        run(w.bare().env("ERZYCALL_API_KEY", key).args(&args));
                    }
                }
            }
        }
    }
    w.emulator.inject(erzycall_emulator::Fault::Html {
        status: 502,
        count: 8,
    });
    w.run(&["list", "-v", "--retries", "1"]).fails(7);
    w.run(&["list", "-v", "--retries", "1", "--json"]).fails(7);
    run(w.cmd().args([
        "list",
        "--api-url",
        "http://127.0.0.1:9",
        "-v",
        "--retries",
        "0",
    ]))
    .fails(7);
}

#[test]
fn files_with_secrets_are_private_whatever_the_umask() {
    let bin = assert_cmd::cargo::cargo_bin("erzyhooks");
    for umask in ["022", "077", "777"] {
        let w = World::new();
        let secret = w.home.path().join("out").join("hook.secret");
        std::fs::create_dir(secret.parent().unwrap()).unwrap();
        let script = format!(
            "umask {umask}; echo {KEY} | '{bin}' config set-key && '{bin}' create --url https://example.com/m --event call.ended -q --secret-file '{secret}'",
            bin = bin.display(),
            secret = secret.display()
        );
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .env_clear()
            .env("HOME", w.home.path())
            .env("XDG_CONFIG_HOME", w.home.path().join("config"))
            .env("ERZYCALL_API_URL", w.url())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "umask {umask}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(mode(&w.config_path()), 0o600, "umask {umask}");
        assert_eq!(
            mode(w.config_path().parent().unwrap()),
            0o700,
            "umask {umask}"
        );
        assert_eq!(mode(&secret), 0o600, "umask {umask}");
    }
}

#[test]
fn ids_can_never_reach_another_api_path() {
    let w = World::new();
    for id in ["../contacts/1", "..", ".", "wh_1/../../x"] {
        w.run(&["delete", id, "--yes"]).fails(2);
    }
    assert!(w.emulator.requests().is_empty());
    w.run(&["delete", "wh_1?x=1#y", "--yes"]).fails(5);
    w.run(&["update", "%2e%2e", "--disable"]).fails(5);
    let paths: Vec<String> = w.emulator.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        paths,
        vec![
            "/api/v1/webhooks/wh_1%3Fx=1%23y",
            "/api/v1/webhooks/%252e%252e"
        ]
    );
}

#[test]
fn redirects_are_not_followed_with_the_key() {
    let w = World::new();
    let redirect = format!(
        "HTTP/1.1 307 Temporary Redirect\r\nLocation: {}/api/v1/webhooks\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        w.url()
    );
    let url = crate::support::canned_server(vec![redirect]);
    let out = w
        .run(&["list", "--api-url", &url, "--retries", "0"])
        .fails(7);
    assert!(out.stderr.contains("307"), "{}", out.stderr);
    assert!(
        w.emulator.requests().is_empty(),
        "the redirect was followed"
    );
}

#[test]
fn a_key_that_cannot_be_sent_names_its_source_not_itself() {
    let w = World::new();
    let out = run(w
        .bare()
        .env("ERZYCALL_API_KEY", "ek_test_bad\u{7}key")
        .arg("list"))
    .fails(3);
    assert!(
        out.stderr.contains("env ERZYCALL_API_KEY"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("bad"));
    let file = w.home.path().join("key");
    std::fs::write(&file, "ek_test_has space\n").unwrap();
    let out = run(w
        .bare()
        .args(["list", "--api-key-file", file.to_str().unwrap()]))
    .fails(3);
    assert!(out.stderr.contains("--api-key-file") && !out.stderr.contains("has space"));
}

#[test]
fn empty_and_utf16_config_files_are_errors_naming_the_file() {
    let w = World::new();
    let path = w.write_config("");
    let out = w.run(&["list"]).fails(2);
    assert!(out.stderr.contains(path.to_str().unwrap()) && out.stderr.contains("empty"));
    std::fs::write(&path, [0xff, 0xfe, b'a', 0]).unwrap();
    let out = w.run(&["list"]).fails(2);
    assert!(out.stderr.contains("UTF-16"), "{}", out.stderr);
    // set-key refuses to overwrite a file it cannot read.
    run(w.bare().args(["config", "set-key"]).write_stdin(KEY)).fails(2);
    assert_eq!(std::fs::read(&path).unwrap(), [0xff, 0xfe, b'a', 0]);
}

#[test]
fn json_output_keeps_untrusted_text_exact() {
    let w = World::new();
    let description = "line\nbreak \"quoted\" \\ \u{1b}[31m";
    let created = w
        .run(&[
            "create",
            "--url",
            "https://example.com/j",
            "--event",
            "call.ended",
            "--description",
            description,
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(created["description"], json!(description));
}

#[test]
fn a_create_answer_without_a_secret_or_with_a_crafted_id_is_caught() {
    let w = World::new();
    let no_secret = crate::support::json_response("201 Created", "", r#"{"data":{"id":"wh_1"}}"#);
    let url = crate::support::canned_server(vec![no_secret]);
    let file = w.home.path().join("sf");
    let out = w
        .run(&[
            "create",
            "--url",
            "https://example.com/x",
            "--event",
            "call.ended",
            "-q",
            "--secret-file",
            file.to_str().unwrap(),
            "--api-url",
            &url,
            "--idempotency-key",
            "k-1",
        ])
        .fails(7);
    assert!(
        out.stderr.contains("data.secret") && out.stderr.contains("--idempotency-key k-1"),
        "{}",
        out.stderr
    );
    assert!(!file.exists());

    let crafted = crate::support::json_response(
        "201 Created",
        "",
        r#"{"data":{"id":"wh_1\u001b[2J\r","secret":"whsec_x"}}"#,
    );
    let url = crate::support::canned_server(vec![crafted]);
    let out = w
        .run(&[
            "create",
            "--url",
            "https://example.com/x",
            "--event",
            "call.ended",
            "-q",
            "--secret-file",
            file.to_str().unwrap(),
            "--api-url",
            &url,
        ])
        .ok();
    assert_eq!(out.stdout, "wh_1\\u{1b}[2J\\r\n");
}

#[test]
fn key_and_secret_files_are_read_with_a_size_limit() {
    let w = World::new();
    let out = run(w.bare().args(["list", "--api-key-file", "/dev/zero"])).fails(3);
    assert!(out.stderr.contains("/dev/zero"), "{}", out.stderr);
    run(w
        .bare()
        .args(["sign", "--secret-file", "/dev/zero", "/dev/null"]))
    .fails(2);
}

#[test]
fn a_secret_file_never_replaces_a_device_or_a_link() {
    let w = World::new();
    run(w.cmd().args([
        "create",
        "--url",
        "https://example.com/n",
        "--event",
        "call.ended",
        "-q",
        "--secret-file",
        "/dev/null",
    ]))
    .ok();
    assert!(!std::fs::metadata("/dev/null").unwrap().is_file());
    let target = w.home.path().join("real.secret");
    let link = w.home.path().join("link.secret");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let id = run(w.cmd().args([
        "create",
        "--url",
        "https://example.com/l",
        "--event",
        "call.ended",
        "-q",
        "--secret-file",
        link.to_str().unwrap(),
    ]))
    .ok()
    .stdout;
    assert_eq!(
        std::fs::read_to_string(&target).ok(),
        w.emulator.secret_of(id.trim())
    );
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
}
