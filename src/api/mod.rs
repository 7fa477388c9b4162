//! The ErzyCall API client: the only module that speaks HTTP.
//!
//! Commands call [`Client`] methods that look blocking; inside, a single-threaded tokio runtime runs
//! reqwest. Nothing here knows about clap, terminals or exit codes: failures come back as the typed
//! [`Error`], which the CLI edge maps to a message and an exit code.

mod client;
mod delivery;
mod error;
mod models;

pub use client::{is_loopback, Client, ClientOptions};
pub use delivery::{Delivered, Deliverer};
pub use error::{Error, FieldError};
pub use models::{CreateEndpoint, Endpoint, UpdateEndpoint};

/// URLs as the client takes them.
pub use reqwest::Url;
