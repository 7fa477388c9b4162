//! The HTTP server: a hand-written accept loop on hyper's HTTP/1 connection driver, routing
//! `/api/` and `/_emulator/` to their axum routers.
//!
//! axum's own `serve` always answers something; the `drop` faults need the opposite, closing a
//! connection without writing a byte. Here the service may fail with [`Dropped`], and hyper
//! then closes the connection with no response, which is exactly what a client sees when a
//! server or proxy dies mid-request.

use std::future::Future;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{header, HeaderValue, Request};
use axum::response::{IntoResponse, Response};
use axum::Router;
use http_body_util::BodyExt;
use hyper::body::{Body as _, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;

use crate::app::App;
use crate::envelope::ApiError;
use crate::ratelimit::RateWindows;
use crate::{api, control, Options};

/// Largest request body accepted; larger ones get 413 `PAYLOAD_TOO_LARGE`.
pub(crate) const BODY_LIMIT: usize = 64 * 1024;
/// Up to this much of a too-large body is read and thrown away, so the client can finish sending
/// and read the 413; past it the connection is closed after the answer. A request whose
/// `Content-Length` says it is larger gets its 413 at once, before any of the body is read.
const DISCARD_LIMIT: usize = 16 * 1024 * 1024;
/// A client has this long to send a request's headers.
const HEADER_TIMEOUT: Duration = Duration::from_secs(30);
/// On shutdown, requests in flight get this long to finish.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// The service's way of saying "close this connection without answering".
#[derive(Debug)]
pub(crate) struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped on purpose")
    }
}

impl std::error::Error for Dropped {}

pub(crate) enum BodyRead {
    Complete(Bytes),
    TooLarge,
    /// The client went away or sent a broken body.
    Failed,
}

/// Whether the request's `Content-Length` announces a body larger than [`DISCARD_LIMIT`]: one not
/// worth reading even to throw it away, refused at once with [`refuse_declared_too_large`].
pub(crate) fn declared_too_large(body: &Incoming) -> bool {
    body.size_hint().lower() > DISCARD_LIMIT as u64
}

/// The 413 `PAYLOAD_TOO_LARGE` for a body [`declared_too_large`], sent without reading a byte of
/// it. `Connection: close`: the unread body makes the connection useless for another request.
pub(crate) fn refuse_declared_too_large() -> Response {
    let mut response = ApiError::payload_too_large(BODY_LIMIT).into_response();
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// Reads a request body, keeping at most [`BODY_LIMIT`] bytes.
pub(crate) async fn read_body(mut body: Incoming) -> BodyRead {
    let mut kept = Vec::new();
    let mut total = 0usize;
    while let Some(frame) = body.frame().await {
        let Ok(frame) = frame else {
            return BodyRead::Failed;
        };
        if let Ok(data) = frame.into_data() {
            total = total.saturating_add(data.len());
            if total <= BODY_LIMIT {
                kept.extend_from_slice(&data);
            } else if total > DISCARD_LIMIT {
                return BodyRead::TooLarge;
            } else {
                kept = Vec::new();
            }
        }
    }
    if total > BODY_LIMIT {
        BodyRead::TooLarge
    } else {
        BodyRead::Complete(Bytes::from(kept))
    }
}

/// An emulator ready to serve: its state is loaded (or seeded) but it listens nowhere yet.
///
/// Splitting [`Server::new`] from [`Server::run`] lets a program report a bad state file before it
/// announces an address; [`serve`] does both in one call.
#[derive(Debug)]
pub struct Server {
    app: Arc<App>,
}

impl Server {
    /// Loads the state file or applies the seed, as `options` say. Fails, naming the file, if the
    /// state file cannot be read or written.
    pub fn new(options: Options) -> io::Result<Server> {
        Server::with_rate_windows(options, RateWindows::default())
    }

    /// [`Server::new`] with other lengths for the minute and hour windows of the rate limits.
    pub(crate) fn with_rate_windows(options: Options, windows: RateWindows) -> io::Result<Server> {
        Ok(Server {
            app: Arc::new(App::new(&options, windows)?),
        })
    }

    pub(crate) fn app(&self) -> Arc<App> {
        Arc::clone(&self.app)
    }

    /// Serves HTTP/1.1 on `listener` until `shutdown` completes, then lets requests in flight
    /// finish (for up to 3 seconds) and returns.
    pub async fn run(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> io::Result<()> {
        let routes = Arc::new(Routes {
            api: api::router(self.app()),
            control: control::router(self.app()),
            app: self.app,
        });
        let connections = GracefulShutdown::new();
        let mut shutdown = std::pin::pin!(shutdown);
        loop {
            tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok((stream, _)) => {
                        // Small JSON answers should not wait for Nagle's algorithm.
                        let _ = stream.set_nodelay(true);
                        let routes = Arc::clone(&routes);
                        let service = service_fn(move |request| {
                            let routes = Arc::clone(&routes);
                            async move { routes.dispatch(request).await }
                        });
                        let connection = http1::Builder::new()
                            .timer(TokioTimer::new())
                            .header_read_timeout(HEADER_TIMEOUT)
                            // A client that shuts down its writing side after the request
                            // still gets the answer, as from any real server.
                            .half_close(true)
                            .serve_connection(TokioIo::new(stream), service);
                        let connection = connections.watch(connection);
                        tokio::spawn(async move {
                            // Errors here are a client going away or a dropped connection.
                            let _ = connection.await;
                        });
                    }
                    // Such as running out of file descriptors: wait a little instead of spinning.
                    Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
                },
                () = &mut shutdown => break,
            }
        }
        drop(listener);
        let _ = tokio::time::timeout(SHUTDOWN_GRACE, connections.shutdown()).await;
        Ok(())
    }
}

/// Serves the emulator on `listener` with `options` until `shutdown` completes.
///
/// The same as `Server::new(options)?.run(listener, shutdown)`.
pub async fn serve(
    listener: TcpListener,
    options: Options,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    Server::new(options)?.run(listener, shutdown).await
}

struct Routes {
    app: Arc<App>,
    api: Router,
    control: Router,
}

impl Routes {
    async fn dispatch(&self, request: Request<Incoming>) -> Result<Response, Dropped> {
        let path = request.uri().path();
        if is_under(path, "/api") {
            api::handle(&self.app, &self.api, request).await
        } else if is_under(path, "/_emulator") {
            Ok(control::handle(&self.control, request).await)
        } else {
            Ok(ApiError::no_route(request.method().as_str(), path).into_response())
        }
    }
}

fn is_under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}
