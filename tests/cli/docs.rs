//! Completion scripts and the man page: generated from the binary, committed, and working in the
//! real programs that read them.

use std::process::Command;

use crate::support::World;

const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "erzyhooks.bash"),
    ("zsh", "_erzyhooks"),
    ("fish", "erzyhooks.fish"),
    ("powershell", "_erzyhooks.ps1"),
    ("elvish", "erzyhooks.elv"),
];

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn committed_completions_match_the_binary() {
    let w = World::new();
    for (shell, file) in SCRIPTS {
        let printed = w.run(&["completions", shell]).ok().stdout;
        let committed =
            std::fs::read_to_string(root().join("completions").join(file)).unwrap_or_default();
        assert!(
            printed == committed,
            "completions/{file} is out of date: run scripts/update-completions.sh and commit"
        );
    }
    w.run(&["completions", "tcsh"]).fails(2);
}

/// Asks bash, with the committed script sourced, what it would complete.
fn bash_complete(words: &[&str]) -> Vec<String> {
    let script = root().join("completions").join("erzyhooks.bash");
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={}\nCOMP_LINE=\"${{COMP_WORDS[*]}}\"\nCOMP_POINT=${{#COMP_LINE}}\n_erzyhooks erzyhooks '{}' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display(),
        quoted.join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(program)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_commands_flags_and_event_names() {
    assert_eq!(bash_complete(&["erzyhooks", "cr"]), vec!["create"]);
    assert_eq!(
        bash_complete(&["erzyhooks", "create", "--event", "call.e"]),
        vec!["call.ended"]
    );
    let contacts = bash_complete(&["erzyhooks", "update", "wh_1", "--add-event", "contact."]);
    assert_eq!(
        contacts,
        vec!["contact.created", "contact.updated", "contact.deleted"]
    );
    assert!(bash_complete(&["erzyhooks", "delete", "--y"]).contains(&"--yes".to_owned()));
}

#[test]
fn the_man_page_renders_with_exit_codes_and_environment() {
    let w = World::new();
    let page = w.run(&["man"]).ok().stdout;
    assert!(
        page.contains("\n.TH erzyhooks 1"),
        "{}",
        &page[..80.min(page.len())]
    );
    let rendered = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' man | MANWIDTH=100 man -l -",
            assert_cmd::cargo::cargo_bin("erzyhooks").display()
        ))
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .unwrap();
    assert!(
        rendered.status.success(),
        "{}",
        String::from_utf8_lossy(&rendered.stderr)
    );
    let text = String::from_utf8_lossy(&rendered.stdout);
    for heading in [
        "NAME",
        "SYNOPSIS",
        "EXIT STATUS",
        "ENVIRONMENT",
        "ERZYCALL_API_KEY",
        "EXAMPLES",
    ] {
        assert!(
            text.contains(heading),
            "the rendered page lacks {heading}:\n{text}"
        );
    }
}
