//! Proxies and private certificate authorities: a small forwarding proxy and a TLS front for the
//! emulator, both on loopback, show that `--proxy`, `HTTP_PROXY`/`NO_PROXY`, `--ca-cert` and
//! `SSL_CERT_FILE` are used.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;

use crate::support::{run, World};

/// Reads one HTTP/1.1 request (head and `Content-Length` body) from a stream.
fn read_request(stream: &mut impl Read) -> Option<Vec<u8>> {
    let mut data = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        let n = stream.read(&mut buffer).ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buffer[..n]);
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).to_lowercase();
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            while data.len() < end + 4 + length {
                let n = stream.read(&mut buffer).ok()?;
                if n == 0 {
                    break;
                }
                data.extend_from_slice(&buffer[..n]);
            }
            return Some(data);
        }
    }
}

/// Sends one request to the emulator on a fresh connection and returns the whole answer.
fn forward(emulator: std::net::SocketAddr, request: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(request);
    // Ask for `Connection: close` so the answer ends with the stream.
    let patched = text.replacen("\r\n", "\r\nConnection: close\r\n", 1);
    let mut upstream = TcpStream::connect(emulator).unwrap();
    upstream.write_all(patched.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = upstream.read_to_end(&mut answer);
    answer
}

/// A plain-HTTP forward proxy: records each request line and passes the request on.
fn start_proxy(emulator: std::net::SocketAddr) -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let Some(request) = read_request(&mut stream) else {
                continue;
            };
            let line = String::from_utf8_lossy(&request)
                .lines()
                .next()
                .unwrap_or("")
                .to_owned();
            log.lock().unwrap().push(line);
            let answer = forward(emulator, &request);
            let _ = stream.write_all(&answer);
        }
    });
    (port, seen)
}

#[test]
fn an_explicit_proxy_and_the_proxy_variables_are_used() {
    let w = World::new();
    let (port, seen) = start_proxy(w.emulator.addr());
    let proxy = format!("http://127.0.0.1:{port}");
    run(w.cmd().args(["list", "--proxy", &proxy])).ok();
    assert_eq!(seen.lock().unwrap().len(), 1);
    assert!(seen.lock().unwrap()[0].contains(&format!("{}/api/v1/webhooks", w.url())));

    // The key never crosses a proxy in clear: for a plain-http API the environment's proxies
    // are not used, and a proxy that is not on loopback is refused.
    run(w.cmd().env("HTTP_PROXY", &proxy).arg("list")).ok();
    assert_eq!(seen.lock().unwrap().len(), 1);
    let refused = run(w
        .cmd()
        .args(["list", "--proxy", "http://proxy.example.com:3128"]))
    .fails(2);
    assert!(refused.stderr.contains("in clear"), "{}", refused.stderr);

    // Deliveries carry no key: the environment's proxy and NO_PROXY apply to them.
    let secret = w.home.path().join("s");
    std::fs::write(&secret, "whsec_proxy").unwrap();
    let receiver = format!("{}/api/v1/webhooks", w.url());
    let trigger = |no_proxy: &str| {
        let mut cmd = w.bare();
        cmd.env("HTTP_PROXY", &proxy)
            .env("NO_PROXY", no_proxy)
            .args([
                "trigger",
                "call.ended",
                "--url",
                &receiver,
                "--secret-file",
                secret.to_str().unwrap(),
            ]);
        run(&mut cmd)
    };
    // The emulator answers a delivery without a key with 401: what matters is the route taken.
    trigger("example.com").fails(5);
    assert_eq!(seen.lock().unwrap().len(), 2, "HTTP_PROXY used");
    trigger("127.0.0.1").fails(5);
    trigger("*").fails(5);
    assert_eq!(seen.lock().unwrap().len(), 2, "NO_PROXY bypasses the proxy");

    run(w.cmd().args(["list", "--proxy", "not a url"])).fails(2);
}

/// A CA and a certificate for localhost/127.0.0.1 signed by it, made with the openssl CLI.
fn make_certificates(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let script = r#"set -e
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem \
  -days 2 -subj /CN=erzyhooks-test-ca -addext basicConstraints=critical,CA:TRUE \
  -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key -out server.csr \
  -subj /CN=localhost 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > ext.cnf
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 \
  -extfile ext.cnf 2>/dev/null
"#;
    let status = Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(
        status.success(),
        "openssl could not make the test certificates"
    );
    (
        dir.join("ca.pem"),
        dir.join("server.pem"),
        dir.join("server.key"),
    )
}

/// A TLS front for the emulator, with a certificate from the test CA.
fn start_tls_front(emulator: std::net::SocketAddr, cert: &Path, key: &Path) -> u16 {
    let identity = native_tls::Identity::from_pkcs8(
        &std::fs::read(cert).unwrap(),
        &std::fs::read(key).unwrap(),
    )
    .unwrap();
    let acceptor = Arc::new(native_tls::TlsAcceptor::new(identity).unwrap());
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let acceptor = acceptor.clone();
            thread::spawn(move || {
                let Ok(mut tls) = acceptor.accept(stream) else {
                    return;
                };
                if let Some(request) = read_request(&mut tls) {
                    let answer = forward(emulator, &request);
                    let _ = tls.write_all(&answer);
                    let _ = tls.shutdown();
                }
            });
        }
    });
    port
}

#[test]
fn a_private_ca_is_trusted_with_ca_cert_or_ssl_cert_file() {
    let w = World::new();
    let dir = tempfile::tempdir().unwrap();
    let (ca, cert, key) = make_certificates(dir.path());
    let port = start_tls_front(w.emulator.addr(), &cert, &key);
    let url = format!("https://localhost:{port}");

    let untrusted = run(w.cmd().args(["list", "--api-url", &url, "--retries", "0"])).fails(7);
    assert!(untrusted.stderr.contains("(TLS)"), "{}", untrusted.stderr);
    assert!(untrusted.stderr.contains("--ca-cert") && untrusted.stderr.contains("SSL_CERT_FILE"));

    run(w
        .cmd()
        .args(["list", "--api-url", &url, "--ca-cert", ca.to_str().unwrap()]))
    .ok();
    run(w
        .cmd()
        .env("SSL_CERT_FILE", &ca)
        .args(["list", "--api-url", &url]))
    .ok();
    assert_eq!(w.emulator.requests().len(), 2);

    // trigger uses --ca-cert too: the TLS front answers (the emulator's 404 for this path).
    let secret = dir.path().join("s");
    std::fs::write(&secret, "whsec_tls").unwrap();
    let trigger = |extra: &[&str]| {
        let mut cmd = w.bare();
        cmd.args([
            "trigger",
            "call.ended",
            "--url",
            &format!("{url}/hook"),
            "--secret-file",
            secret.to_str().unwrap(),
        ])
        .args(extra);
        run(&mut cmd)
    };
    assert!(trigger(&[]).fails(7).stderr.contains("(TLS)"));
    assert!(trigger(&["--ca-cert", ca.to_str().unwrap()])
        .fails(5)
        .stderr
        .contains("404"));

    let not_pem = dir.path().join("ext.cnf");
    run(w.cmd().args([
        "list",
        "--api-url",
        &url,
        "--ca-cert",
        not_pem.to_str().unwrap(),
    ]))
    .fails(2);
    run(w
        .cmd()
        .args(["list", "--api-url", &url, "--ca-cert", "/nonexistent.pem"]))
    .fails(2);
}
