//! The hermetic test harness: an emulator, a private home, and a command builder.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use erzycall_emulator::{Emulator, Options};
use serde_json::Value;
use tempfile::TempDir;

pub const KEY: &str = "ek_test_emulator";

/// Every key the suite uses. None may ever appear in anything the tool prints, in any test.
pub const CANARIES: [&str; 6] = [
    KEY,
    "ek_test_readonly",
    "ek_test_other_org",
    "ek_test_revoked",
    "ek_test_expired",
    "ek_live_abcdefghijklmnopqrstuvwxyz",
];

pub struct World {
    pub emulator: Emulator,
    pub home: TempDir,
}

/// What one run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    pub fn stderr_json(&self) -> Value {
        serde_json::from_str(self.stderr.trim())
            .unwrap_or_else(|e| panic!("stderr is not one JSON document ({e}):\n{}", self.stderr))
    }

    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn fails(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "unexpected exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        assert!(
            self.stdout.is_empty(),
            "stdout must be empty on failure, got:\n{}",
            self.stdout
        );
        assert!(!self.stderr.contains("panicked"), "panic: {}", self.stderr);
        self
    }
}

impl World {
    pub fn new() -> World {
        World::with(Options::default())
    }

    pub fn with(options: Options) -> World {
        World {
            emulator: Emulator::start_with(options).expect("the emulator starts"),
            home: tempfile::tempdir().expect("a temporary home"),
        }
    }

    pub fn url(&self) -> String {
        self.emulator.base_url()
    }

    pub fn config_path(&self) -> PathBuf {
        self.home
            .path()
            .join("config")
            .join("erzyhooks")
            .join("config.toml")
    }

    /// `erzyhooks` with nothing from the outside: no key, the emulator's URL, a private config dir.
    pub fn bare(&self) -> Command {
        let mut cmd = Command::cargo_bin("erzyhooks").expect("the binary is built");
        cmd.env_clear()
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("ERZYCALL_API_URL", self.url())
            .env("ERZYHOOKS_TEST", "1")
            .timeout(std::time::Duration::from_secs(60));
        cmd
    }

    /// `erzyhooks` with the emulator's full-access key in the environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = self.bare();
        cmd.env("ERZYCALL_API_KEY", KEY);
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        run(self.cmd().args(args))
    }

    /// Creates an endpoint through the CLI and returns its JSON.
    pub fn create(&self, url: &str, events: &[&str]) -> Value {
        let mut args = vec!["create", "--url", url, "-o", "json"];
        for event in events {
            args.push("--event");
            args.push(event);
        }
        self.run(&args).ok().json()
    }

    pub fn write_config(&self, text: &str) -> PathBuf {
        let path = self.config_path();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        set_mode(&path, 0o600);
        path
    }

    /// Requests the emulator received that were not reads.
    pub fn writes(&self) -> Vec<String> {
        self.writes_since(0)
    }

    /// How many requests the emulator has logged so far.
    pub fn mark(&self) -> usize {
        self.emulator.requests().len()
    }

    /// Writes logged after `mark`.
    pub fn writes_since(&self, mark: usize) -> Vec<String> {
        self.emulator
            .requests()
            .into_iter()
            .skip(mark)
            .filter(|r| r.method != "GET")
            .map(|r| format!("{} {}", r.method, r.path))
            .collect()
    }
}

pub fn run(cmd: &mut Command) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("the binary runs");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

pub fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A server on loopback that answers each connection with the next canned HTTP response (then
/// closes it): for answers the emulator never gives. Returns its base URL.
pub fn canned_server(responses: Vec<String>) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for response in responses {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            let mut request = Vec::new();
            let mut buffer = [0u8; 4096];
            // Read the head and any body the headers announce.
            while let Ok(n) = stream.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                request.extend_from_slice(&buffer[..n]);
                if let Some(end) = request.windows(4).position(|w| w == b"\r\n\r\n") {
                    let head = String::from_utf8_lossy(&request[..end]).to_lowercase();
                    let length: usize = head
                        .lines()
                        .find_map(|l| l.strip_prefix("content-length:"))
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(0);
                    if request.len() >= end + 4 + length {
                        break;
                    }
                }
            }
            let _ = stream.write_all(response.as_bytes());
        }
    });
    url
}

/// An HTTP response with a JSON body.
pub fn json_response(status: &str, headers: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n{body}",
        body.len()
    )
}
