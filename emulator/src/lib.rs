//! A local server that behaves like the ErzyCall webhook-endpoint API, for tests and offline use.
//!
//! It speaks real HTTP on a real port, with the documented behaviour: the built-in API keys and
//! their scopes, two organizations that cannot see each other, validation errors with per-field
//! `details`, at most 5 endpoints per organization, `Idempotency-Key` replay, sliding-window rate
//! limits with `X-RateLimit-*` headers, and `whsec_` secrets from a CSPRNG. A control API (and the
//! methods of [`Emulator`]) injects failures, shows what a client sent, and sends signed webhook
//! deliveries to the endpoints' receivers.
//!
//! In a test, start one per test on a free port:
//!
//! ```no_run
//! use erzycall_emulator::{Emulator, Fault, Org, FULL_ACCESS_KEY};
//!
//! let emulator = Emulator::start()?;
//! // Point the client under test at emulator.base_url() with FULL_ACCESS_KEY, then:
//! emulator.inject(Fault::Status { status: 503, count: 1 });
//! // ... run the client ...
//! assert!(emulator.endpoints(Org::A).len() <= 5);
//! for request in emulator.requests() {
//!     println!("{} {} -> {}", request.method, request.path, request.status);
//! }
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! The `erzycall-emulator` binary runs the same server from a terminal or a CI script.

mod api;
mod app;
mod auth;
mod clock;
mod control;
mod deliver;
mod emulator;
mod envelope;
mod faults;
mod ids;
mod ratelimit;
mod server;
mod state;
mod validate;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use deliver::Delivery;
pub use emulator::Emulator;
pub use faults::Fault;
pub use server::{serve, Server};

/// Scope `*` in organization A: the key `exec` hands to its command.
pub const FULL_ACCESS_KEY: &str = "ek_test_emulator";
/// Scope `webhooks:read` only, in organization A: writing with it gets 403 `INSUFFICIENT_SCOPE`.
pub const READ_ONLY_KEY: &str = "ek_test_readonly";
/// Scope `*` in organization B, which cannot see or touch organization A's endpoints.
pub const OTHER_ORG_KEY: &str = "ek_test_other_org";
/// Always answered with 401 `KEY_REVOKED`.
pub const REVOKED_KEY: &str = "ek_test_revoked";
/// Always answered with 401 `KEY_EXPIRED`.
pub const EXPIRED_KEY: &str = "ek_test_expired";

/// How to start an emulator. `Options::default()` is an empty emulator, without a state file,
/// with the API's documented limits (60 requests a minute, 1000 an hour, per key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Example data to start with; ignored when `state_file` already exists.
    pub seed: Option<Seed>,
    /// Where to keep state across restarts: loaded at start when it exists, written (atomically,
    /// mode 0600) at start and after every change. A file that cannot be read or written makes
    /// the start fail, with an error that names it.
    pub state_file: Option<PathBuf>,
    /// Requests one key may make in any 60 seconds; 0 rate-limits every request (the binary's
    /// `--rate-limit-per-minute` refuses 0).
    pub rate_limit_per_minute: u32,
    /// Requests one key may make in any hour; 0 rate-limits every request (the binary's
    /// `--rate-limit-per-hour` refuses 0).
    pub rate_limit_per_hour: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: None,
            state_file: None,
            rate_limit_per_minute: 60,
            rate_limit_per_hour: 1000,
        }
    }
}

/// Example data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Seed {
    /// Two endpoints in organization A: `https://example.com/erzycall/calls` (the five `call.*`
    /// events) and `https://example.com/erzycall/contacts` (the three `contact.*` events).
    Demo,
}

/// The emulator's two organizations. Keys [`FULL_ACCESS_KEY`] and [`READ_ONLY_KEY`] belong to
/// A, [`OTHER_ORG_KEY`] to B.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Org {
    A,
    B,
}

impl Org {
    fn index(self) -> usize {
        match self {
            Org::A => 0,
            Org::B => 1,
        }
    }
}

/// One API request as the emulator received it (control API calls are not logged).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggedRequest {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path as sent, still percent-encoded, without the query string.
    pub path: String,
    /// The `Idempotency-Key` header, if one was sent.
    pub idempotency_key: Option<String>,
    /// The status answered; 0 when the connection was closed without an answer (a `drop` or
    /// `drop_after_commit` fault, or a client that went away) or while the request is in flight.
    pub status: u16,
}
