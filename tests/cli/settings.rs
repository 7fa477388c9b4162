//! Settings: flag > environment > config file > default, and the config commands.

use serde_json::json;

use crate::support::{mode, run, set_mode, World, KEY};

#[test]
fn the_key_comes_from_flag_then_env_then_file() {
    let w = World::new();
    let path = w.write_config(&format!("[profiles.default]\napi_key = \"{KEY}\"\n"));
    // File alone works.
    run(w.bare().arg("list")).ok();
    // The environment beats the file.
    let out = run(w
        .bare()
        .env("ERZYCALL_API_KEY", "ek_test_revoked")
        .arg("list"))
    .fails(3);
    assert!(out.stderr.contains("KEY_REVOKED"));
    // A flag beats the environment.
    run(w
        .bare()
        .env("ERZYCALL_API_KEY", "ek_test_revoked")
        .args(["list", "--api-key", KEY]))
    .ok();
    let key_file = w.home.path().join("key.txt");
    std::fs::write(&key_file, format!("  {KEY}\n")).unwrap();
    run(w.bare().env("ERZYCALL_API_KEY", "ek_test_revoked").args([
        "list",
        "--api-key-file",
        key_file.to_str().unwrap(),
    ]))
    .ok();
    run(w.bare().env("ERZYCALL_API_KEY_FILE", &key_file).arg("list")).ok();
    // A flag set to a revoked key beats the good key in the file.
    run(w.bare().args(["--api-key", "ek_test_revoked", "list"])).fails(3);
    assert!(path.exists());
}

#[test]
fn the_api_url_and_profile_come_from_flag_then_env_then_file() {
    let w = World::new();
    let url = w.url();
    w.write_config(&format!(
        "default_profile = \"staging\"\n[profiles.staging]\napi_key = \"{KEY}\"\napi_url = \"{url}\"\n[profiles.broken]\napi_key = \"{KEY}\"\napi_url = \"http://127.0.0.1:9\"\n"
    ));
    let bare = || {
        let mut cmd = w.bare();
        cmd.env_remove("ERZYCALL_API_URL");
        cmd
    };
    run(bare().arg("list")).ok();
    run(bare().args(["list", "--profile", "broken", "--retries", "0"])).fails(7);
    run(bare()
        .env("ERZYHOOKS_PROFILE", "broken")
        .args(["list", "--retries", "0"]))
    .fails(7);
    run(bare()
        .env("ERZYHOOKS_PROFILE", "broken")
        .args(["list", "--profile", "staging"]))
    .ok();
    run(bare()
        .env("ERZYHOOKS_PROFILE", "broken")
        .env("ERZYCALL_API_URL", &url)
        .arg("list"))
    .ok();
    run(bare().args(["list", "--api-url", "http://127.0.0.1:9", "--retries", "0"])).fails(7);
}

#[test]
fn config_show_names_each_source_and_masks_the_key() {
    let w = World::new();
    let key = "ek_live_abcdefghijklmnopqrstuvwxyz";
    let path = w.write_config(&format!("[profiles.default]\napi_key = \"{key}\"\n"));
    let out = run(w.bare().args(["config", "show"])).ok();
    assert!(!out.stdout.contains(key) && !out.stderr.contains(key));
    assert!(out.stdout.contains("ek_live_…wxyz"), "{}", out.stdout);
    assert!(out
        .stdout
        .contains(&format!("file {} [profiles.default]", path.display())));
    assert!(out.stdout.contains("env ERZYCALL_API_URL"));

    let json = run(w
        .bare()
        .args(["config", "show", "-o", "json"])
        .env("ERZYCALL_API_KEY", KEY))
    .ok()
    .json();
    assert_eq!(json["api_key"]["source"], json!("env ERZYCALL_API_KEY"));
    assert_eq!(
        json["profile"],
        json!({"value": "default", "source": "default"})
    );
    assert_eq!(
        json["output"],
        json!({"value": "json", "source": "flag --output"})
    );
    let flagged = run(w.bare().args([
        "config",
        "show",
        "--json",
        "--api-key",
        KEY,
        "--api-url",
        "https://api.example.com",
    ]))
    .ok()
    .json();
    assert_eq!(flagged["api_key"]["source"], json!("flag --api-key"));
    assert_eq!(
        flagged["api_url"],
        json!({"value": "https://api.example.com/", "source": "flag --api-url"})
    );
    assert!(!flagged.to_string().contains(KEY));

    let empty = World::new();
    let none = run(empty
        .bare()
        .env_remove("ERZYCALL_API_URL")
        .args(["config", "show", "--json"]))
    .ok()
    .json();
    assert_eq!(none["api_key"], json!({"value": null, "source": null}));
    assert_eq!(none["api_url"]["source"], json!("default"));
}

#[test]
fn config_set_key_reads_stdin_and_writes_a_private_file() {
    let w = World::new();
    let out = run(w
        .bare()
        .args(["config", "set-key"])
        .write_stdin(format!("{KEY}\n")))
    .ok();
    assert!(!out.stderr.contains(KEY), "{}", out.stderr);
    let path = w.config_path();
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    run(w.bare().arg("list")).ok();

    run(w
        .bare()
        .args(["config", "set-key", "--profile", "staging"])
        .write_stdin("ek_test_other_org"))
    .ok();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("[profiles.default]") && text.contains("[profiles.staging]"),
        "{text}"
    );
    run(w.bare().args(["--profile", "staging", "list"])).ok();

    let printed = run(w.bare().args(["config", "path"])).ok().stdout;
    assert_eq!(printed.trim(), path.to_str().unwrap());
}

#[test]
fn config_set_key_refuses_what_is_not_a_key() {
    let w = World::new();
    for bad in ["", "hello", "ek_prod_123", "ek_live_", "ek_live_has space"] {
        run(w.bare().args(["config", "set-key"]).write_stdin(bad)).fails(2);
    }
    assert!(!w.config_path().exists());
    assert!(w.emulator.requests().is_empty());
}

#[test]
fn a_config_readable_by_others_gets_a_warning() {
    let w = World::new();
    let path = w.write_config(&format!("[profiles.default]\napi_key = \"{KEY}\"\n"));
    set_mode(&path, 0o644);
    let out = run(w.bare().arg("list")).ok();
    assert!(
        out.stderr.contains("warning") && out.stderr.contains("chmod 600"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_broken_config_names_the_file_and_line() {
    let w = World::new();
    let path = w.write_config("[profiles.default\napi_key = 1\n");
    let out = w.run(&["list"]).fails(2);
    assert!(
        out.stderr.contains(path.to_str().unwrap()) && out.stderr.contains("line 1"),
        "{}",
        out.stderr
    );
    w.write_config("\u{feff}[profiles.default]\napi_key = \"ek_test_emulator\"\n");
    run(w.bare().arg("list")).ok();
}

#[test]
fn global_flags_work_before_and_after_the_subcommand() {
    let w = World::new();
    w.create("https://example.com/g", &["call.ended"]);
    let after = w.run(&["list", "-o", "json"]).ok().json();
    let before = w.run(&["-o", "json", "list"]).ok().json();
    assert_eq!(after, before);
    let env = run(w.cmd().env("ERZYHOOKS_OUTPUT", "json").arg("list"))
        .ok()
        .json();
    assert_eq!(env, after);
    let table = run(w
        .cmd()
        .env("ERZYHOOKS_OUTPUT", "json")
        .args(["list", "-o", "table"]))
    .ok();
    assert!(table.stdout.starts_with("ID"));
    w.write_config(&format!(
        "output = \"json\"\n[profiles.default]\napi_key = \"{KEY}\"\n"
    ));
    let file = run(w.bare().arg("list")).ok().json();
    assert_eq!(file, after);
}

#[test]
fn config_show_reports_an_unusable_key_instead_of_failing() {
    let w = World::new();
    let out = run(w
        .bare()
        .env("ERZYCALL_API_KEY", "ek_live_abc def")
        .args(["config", "show"]))
    .ok();
    assert!(out.stdout.contains("unusable"), "{}", out.stdout);
    assert!(!out.stdout.contains("abc def"));
}

#[test]
fn a_key_file_with_a_byte_order_mark_works() {
    let w = World::new();
    let file = w.home.path().join("bom.key");
    std::fs::write(&file, format!("\u{feff}{KEY}\r\n")).unwrap();
    run(w
        .bare()
        .args(["list", "--api-key-file", file.to_str().unwrap()]))
    .ok();
}

#[test]
fn config_path_in_json() {
    let w = World::new();
    let json = run(w.bare().args(["config", "path", "--json"])).ok().json();
    assert_eq!(json["path"], json!(w.config_path().to_str().unwrap()));
}

#[test]
fn config_set_key_keeps_comments_and_follows_a_symlink() {
    let w = World::new();
    let real = w.home.path().join("dotfiles").join("erzyhooks.toml");
    std::fs::create_dir_all(real.parent().unwrap()).unwrap();
    std::fs::write(&real, "# my settings\noutput = \"json\"   # for scripts\n\n[profiles.staging]\napi_key = \"ek_test_other_org\"\n").unwrap();
    let link = w.config_path();
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();

    run(w.bare().args(["config", "set-key"]).write_stdin(KEY)).ok();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(
        text.contains("# my settings") && text.contains("# for scripts"),
        "{text}"
    );
    assert!(
        text.contains("[profiles.staging]") && text.contains("[profiles.default]"),
        "{text}"
    );
    assert_eq!(mode(&real), 0o600);
    run(w.bare().arg("list")).ok();
}
