//! [`Emulator`]: a running server on a free port of 127.0.0.1, for tests.
//!
//! The server gets its own thread and single-threaded tokio runtime, so a test can use it from
//! synchronous code or from any async runtime without sharing an executor, and dropping the
//! handle stops it. The inspection methods read the server's live state directly; `deliver`
//! runs on the server's runtime, so it needs no runtime of the caller's.

use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::Value;
use tokio::sync::oneshot;

use crate::app::App;
use crate::deliver;
use crate::ratelimit::RateWindows;
use crate::validate::EVENTS;
use crate::{Delivery, Fault, LoggedRequest, Options, Org, Server};

/// A running emulator. Dropping it stops the server (requests still in flight get a moment to
/// finish).
///
/// ```no_run
/// use erzycall_emulator::{Emulator, Options};
///
/// let emulator = Emulator::start_with(Options {
///     rate_limit_per_minute: 3,
///     ..Options::default()
/// })?;
/// let url = format!("{}/api/v1/webhooks", emulator.base_url());
/// # let _ = url;
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct Emulator {
    addr: SocketAddr,
    app: Arc<App>,
    /// The server thread's runtime, where [`Emulator::deliver`] sends from.
    runtime: tokio::runtime::Handle,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Emulator {
    /// Starts an empty emulator with the default [`Options`].
    pub fn start() -> io::Result<Emulator> {
        Emulator::start_with(Options::default())
    }

    /// Starts an emulator on a free port of 127.0.0.1. Fails if the state file cannot be read
    /// or written, or if no port or thread can be had.
    pub fn start_with(options: Options) -> io::Result<Emulator> {
        Emulator::start_server(Server::new(options)?)
    }

    /// For the emulator's own tests: [`Emulator::start_with`], but with rate-limit windows of
    /// `minute` and `hour` instead of 60 seconds and an hour, so that a test can watch a window
    /// slide without waiting a minute. Not part of the supported API.
    #[doc(hidden)]
    pub fn start_with_rate_windows(
        options: Options,
        minute: Duration,
        hour: Duration,
    ) -> io::Result<Emulator> {
        let windows = RateWindows { minute, hour };
        Emulator::start_server(Server::with_rate_windows(options, windows)?)
    }

    fn start_server(server: Server) -> io::Result<Emulator> {
        let app = server.app();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let listener = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let listener = {
            let _context = runtime.enter();
            tokio::net::TcpListener::from_std(listener)?
        };
        let handle = runtime.handle().clone();
        let (stop, stopped) = oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name(format!("erzycall-emulator-{}", addr.port()))
            .spawn(move || {
                let shutdown = async move {
                    // A dropped sender means the handle is gone: stop as well.
                    let _ = stopped.await;
                };
                let _ = runtime.block_on(server.run(listener, shutdown));
            })?;
        Ok(Emulator {
            addr,
            app,
            runtime: handle,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash: what `ERZYCALL_API_URL` takes.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Queues a fault for the next API requests, like `POST /_emulator/faults`.
    ///
    /// # Panics
    ///
    /// If the fault is one the control API would refuse: a `count` of 0, a `status` fault
    /// outside 400–599 or an `html` fault outside 200–599.
    pub fn inject(&self, fault: Fault) {
        if let Err((field, why)) = self.app.inject(fault.clone()) {
            panic!("cannot inject {fault:?}: {field} {why}");
        }
    }

    /// Every API request received so far, oldest first, like `GET /_emulator/requests`.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.app.requests()
    }

    /// Empties both organizations, the fault queue, the rate-limit counters, the idempotency
    /// keys and the request log, like `POST /_emulator/reset`.
    pub fn reset(&self) {
        self.app.reset();
    }

    /// The endpoint records of `org` as the list operation returns them (without secrets), in
    /// creation order.
    pub fn endpoints(&self, org: Org) -> Vec<Value> {
        self.app.endpoints(org)
    }

    /// The current signing secret of endpoint `id` (in either organization).
    pub fn secret_of(&self, id: &str) -> Option<String> {
        self.app.secret_of(id)
    }

    /// Sends `event` with `data` to every active endpoint of `org` subscribed to it, signed with
    /// each endpoint's current secret, and returns each delivery's outcome in endpoint creation
    /// order, like `POST /_emulator/deliver`. Blocks until every receiver has answered or timed
    /// out (10 seconds at most).
    ///
    /// The sending happens on the emulator's own runtime, so this works from a plain test thread.
    /// From async code, call it through `spawn_blocking`: a receiver served by the runtime whose
    /// thread is blocked here could never answer.
    ///
    /// ```no_run
    /// use erzycall_emulator::{Emulator, Org};
    /// use serde_json::json;
    ///
    /// let emulator = Emulator::start()?;
    /// // ... create an endpoint for http://127.0.0.1:PORT/hook subscribed to call.ended ...
    /// for delivery in emulator.deliver("call.ended", json!({"id": "call_1"}), Org::A) {
    ///     println!("{} {} -> {}", delivery.endpoint_id, delivery.url, delivery.status);
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    ///
    /// # Panics
    ///
    /// If `event` is not one of the 8 documented events (the control API answers 400 instead),
    /// or if the server thread has died.
    pub fn deliver(&self, event: &str, data: Value, org: Org) -> Vec<Delivery> {
        if !EVENTS.contains(&event) {
            panic!("cannot deliver: {}", deliver::unknown_event(event));
        }
        let app = Arc::clone(&self.app);
        let event = event.to_owned();
        let (done, outcome) = std::sync::mpsc::sync_channel(1);
        self.runtime.spawn(async move {
            let _ = done.send(app.deliver(org, &event, &data).await);
        });
        match outcome.recv() {
            Ok(deliveries) => deliveries,
            Err(_) => panic!("cannot deliver: the emulator's server thread has stopped"),
        }
    }

    /// Stores `record` in `org` exactly as given, with a fresh secret, to show a client data the
    /// emulator would never create itself: null or missing fields, unknown fields, unknown event
    /// names, more than 5 endpoints. Its `id` (if it is a string) is what PATCH, DELETE and
    /// rotate-secret look for.
    ///
    /// # Panics
    ///
    /// If `record` is not a JSON object, or the system's random number generator fails.
    pub fn insert_raw(&self, org: Org, record: Value) {
        let Value::Object(record) = record else {
            panic!("insert_raw needs a JSON object, got {record}");
        };
        if let Err(error) = self.app.insert_raw(org, record) {
            panic!("insert_raw: {error}");
        }
    }
}

impl fmt::Debug for Emulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Emulator")
            .field("addr", &self.addr)
            .finish()
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
