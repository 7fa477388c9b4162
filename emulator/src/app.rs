//! The emulator's shared state behind one mutex: endpoints and idempotency records, the fault
//! queue, the rate-limit counters and the request log.
//!
//! One lock makes every API operation atomic, which is what makes the 5-endpoint limit race-free
//! (twenty concurrent creates for the last slot: exactly one wins) and an idempotent replay
//! exact. The lock is never held across an `.await`. The in-process [`crate::Emulator`] methods
//! and the HTTP server both go through this type, so they always see the same state.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use serde_json::{Map, Value};

use crate::clock;
use crate::deliver::{self, Delivery, Target};
use crate::faults::{Fault, FaultQueue};
use crate::ids;
use crate::ratelimit::{RateLimiter, RateWindows};
use crate::state::{Endpoint, Store};
use crate::{LoggedRequest, Options, Org, Seed};

#[derive(Debug)]
pub(crate) struct App {
    inner: Mutex<Inner>,
    state_file: Option<PathBuf>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) store: Store,
    pub(crate) faults: FaultQueue,
    pub(crate) limiter: RateLimiter,
    pub(crate) log: RequestLog,
}

impl App {
    /// Loads the state file (or applies the seed when there is none) and writes it back at once,
    /// so a state file that cannot be read or written is reported at start, not on the first
    /// change. Every such error names the file.
    pub(crate) fn new(options: &Options, windows: RateWindows) -> io::Result<App> {
        let loaded = match &options.state_file {
            Some(path) => {
                Store::load(path).map_err(|error| state_file_error("read", path, error))?
            }
            None => None,
        };
        let store = match loaded {
            Some(store) => store,
            None => {
                let mut store = Store::default();
                if options.seed == Some(Seed::Demo) {
                    store.seed_demo()?;
                }
                store
            }
        };
        if let Some(path) = &options.state_file {
            store
                .save(path)
                .map_err(|error| state_file_error("write", path, error))?;
        }
        Ok(App {
            inner: Mutex::new(Inner {
                store,
                faults: FaultQueue::default(),
                limiter: RateLimiter::new(
                    options.rate_limit_per_minute,
                    options.rate_limit_per_hour,
                    windows,
                ),
                log: RequestLog::default(),
            }),
            state_file: options.state_file.clone(),
        })
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave the state half-changed in a way that matters
        // more than a dead emulator would, so keep serving.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Writes the state file after a change, if there is one. Called with the lock held, so saves
    /// happen in the order of the changes.
    pub(crate) fn persist(&self, inner: &Inner) {
        if let Some(path) = &self.state_file {
            if let Err(error) = inner.store.save(path) {
                eprintln!(
                    "erzycall-emulator: warning: could not save state to {}: {error}",
                    path.display()
                );
            }
        }
    }

    pub(crate) fn reset(&self) {
        let mut inner = self.lock();
        inner.store = Store::default();
        inner.faults.clear();
        inner.limiter.clear();
        inner.log.clear();
        self.persist(&inner);
    }

    /// Queues `fault`, or says why it is invalid.
    pub(crate) fn inject(&self, fault: Fault) -> Result<(), (&'static str, String)> {
        if let Some(problem) = fault.problem() {
            return Err(problem);
        }
        self.lock().faults.push(fault);
        Ok(())
    }

    pub(crate) fn requests(&self) -> Vec<LoggedRequest> {
        self.lock().log.entries()
    }

    pub(crate) fn endpoints(&self, org: Org) -> Vec<Value> {
        self.lock()
            .store
            .org(org)
            .endpoints
            .iter()
            .map(|endpoint| Value::Object(endpoint.record.clone()))
            .collect()
    }

    pub(crate) fn secret_of(&self, id: &str) -> Option<String> {
        self.lock()
            .store
            .secret_of(id)
            .map(|secret| secret.expose().to_owned())
    }

    /// Sends `event` with `data` to every active endpoint of `org` subscribed to it, with one
    /// payload (one timestamp) signed with each endpoint's secret as it is now. The lock is only
    /// held to copy the targets out: receivers may be slow, and a receiver may well call the API
    /// (or rotate the secret) while its delivery is in flight.
    pub(crate) async fn deliver(&self, org: Org, event: &str, data: &Value) -> Vec<Delivery> {
        let targets: Vec<Target> = self
            .lock()
            .store
            .org(org)
            .endpoints
            .iter()
            .filter_map(|endpoint| Target::for_event(endpoint, event))
            .collect();
        let timestamp = clock::iso8601_millis(clock::unix_now_millis());
        let body = deliver::payload(event, &timestamp, data);
        deliver::send_all(targets, body).await
    }

    pub(crate) fn insert_raw(&self, org: Org, record: Map<String, Value>) -> io::Result<()> {
        let secret = ids::new_secret()?;
        let mut inner = self.lock();
        inner
            .store
            .org_mut(org)
            .endpoints
            .push(Endpoint { record, secret });
        self.persist(&inner);
        Ok(())
    }
}

/// `error` from reading or writing the state file at `path`, saying which file and what went
/// wrong, as in `cannot read state file ./x: Permission denied (os error 13)`.
fn state_file_error(action: &str, path: &Path, error: io::Error) -> io::Error {
    let why = if path.is_dir() {
        "it is a directory, not a file".to_owned()
    } else {
        error.to_string()
    };
    io::Error::new(
        error.kind(),
        format!("cannot {action} state file {}: {why}", path.display()),
    )
}

/// API requests in arrival order. An entry is added when a request arrives and gets its status
/// when the answer is ready, so a request that never gets one keeps status 0.
#[derive(Debug, Default)]
pub(crate) struct RequestLog {
    next_ticket: u64,
    entries: Vec<(u64, LoggedRequest)>,
}

impl RequestLog {
    /// Adds an entry; the ticket finds it again even if the log was reset meanwhile.
    pub(crate) fn start(&mut self, request: LoggedRequest) -> u64 {
        let ticket = self.next_ticket;
        self.next_ticket += 1;
        self.entries.push((ticket, request));
        ticket
    }

    pub(crate) fn finish(&mut self, ticket: u64, status: u16) {
        if let Some((_, request)) = self.entries.iter_mut().rev().find(|(t, _)| *t == ticket) {
            request.status = status;
        }
    }

    fn entries(&self) -> Vec<LoggedRequest> {
        self.entries
            .iter()
            .map(|(_, request)| request.clone())
            .collect()
    }

    fn clear(&mut self) {
        self.entries.clear();
    }
}
