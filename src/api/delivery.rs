//! Sending webhook deliveries to a receiver (`trigger`, and `listen --forward-to`): a signed POST
//! of exact bytes, with no API key and no retries, reporting the receiver's status as it is.

use std::time::{Duration, Instant};

use reqwest::header::{HeaderValue, CONTENT_TYPE, USER_AGENT};
use reqwest::Url;

use super::error::Error;
use crate::signature::HEADER;

/// Posts deliveries to one receiver.
#[derive(Clone)]
pub struct Deliverer {
    http: reqwest::Client,
    url: Url,
    timeout: Duration,
}

/// What the receiver answered, and how long it took.
#[derive(Debug, Clone, Copy)]
pub struct Delivered {
    pub status: u16,
    pub elapsed: Duration,
}

impl Deliverer {
    /// A deliverer to `url`, through `proxy` (or the environment's) and trusting `ca_certificates`
    /// besides the system's.
    pub fn new(
        url: Url,
        timeout: Duration,
        proxy: Option<&Url>,
        ca_certificates: &[Vec<u8>],
    ) -> Result<Deliverer, Error> {
        // No API key travels here, so plain http through a proxy is fine.
        let http = super::client::http_builder(&url, proxy, ca_certificates, false)?
            .timeout(timeout)
            .build()
            .map_err(|e| Error::Setup {
                reason: format!("cannot set up HTTP: {e}"),
            })?;
        Ok(Deliverer { http, url, timeout })
    }

    pub fn url(&self) -> &Url {
        &self.url
    }

    /// POSTs `body` as it is, with the signature header when there is one.
    pub async fn send(&self, body: Vec<u8>, signature: Option<&str>) -> Result<Delivered, Error> {
        let mut request = self
            .http
            .post(self.url.clone())
            .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
            .header(
                USER_AGENT,
                HeaderValue::from_static(concat!("erzyhooks/", env!("CARGO_PKG_VERSION"))),
            )
            .body(body);
        if let Some(signature) = signature {
            request = request.header(HEADER, signature);
        }
        let started = Instant::now();
        let response = request
            .send()
            .await
            .map_err(|e| super::client::transport_error(&self.url, self.timeout, &e))?;
        let status = response.status().as_u16();
        // Read the answer so the time covers the whole exchange; its content does not matter.
        let _ = response.bytes().await;
        Ok(Delivered {
            status,
            elapsed: started.elapsed(),
        })
    }

    /// `send`, for callers without a runtime of their own.
    pub fn send_blocking(
        &self,
        body: Vec<u8>,
        signature: Option<&str>,
    ) -> Result<Delivered, Error> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::Setup {
                reason: format!("cannot start the I/O runtime: {e}"),
            })?;
        runtime.block_on(self.send(body, signature))
    }
}
