//! `erzyhooks listen`: a local receiver that shows each delivery as it arrives.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::sync::mpsc;

use super::{webhook_secret, Context};
use crate::api::Deliverer;
use crate::error::{Error, Result};
use crate::output::escape_untrusted;
use crate::receiver::{self, Received, ReceiverOptions};

/// Receive deliveries locally and show each one
///
/// Listens on --addr for POSTs to --path. Each delivery is verified when a secret is known
/// (--secret-file or ERZYHOOKS_WEBHOOK_SECRET) and shown as one line on stdout, or with -o json
/// as one compact JSON object per line (receivedAt, event, verified, status, headers, body),
/// flushed as it arrives. It answers 200 when the signature matches or no secret is set, 401 on
/// a bad or missing signature, 413 for bodies over 1 MiB. With --forward-to, verified deliveries
/// are relayed (exact body and signature) and answered with the target's status. Runs until
/// Ctrl-C; its address goes to stderr.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  erzyhooks listen --secret-file hook.secret
  erzyhooks listen --addr 127.0.0.1:4000 --path /hooks -o json | jq .event
  erzyhooks listen --secret-file hook.secret --forward-to http://127.0.0.1:3000/webhooks")]
pub struct Args {
    /// Address to listen on (port 0 picks a free one)
    #[arg(long, default_value = "127.0.0.1:4000", value_name = "HOST:PORT")]
    pub addr: String,

    /// Path that receives deliveries
    #[arg(long, default_value = "/", value_name = "PATH")]
    pub path: String,

    /// Relay verified deliveries to this URL and answer with its status
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,

    /// The endpoint's signing secret, in a file
    #[arg(long, value_name = "FILE")]
    pub secret_file: Option<PathBuf>,
}

pub fn run(args: Args, ctx: &mut Context) -> Result<()> {
    let addr: SocketAddr = args.addr.parse().map_err(|_| {
        Error::usage(format!(
            "--addr `{}` must be HOST:PORT with an IP address, like 127.0.0.1:4000",
            escape_untrusted(&args.addr)
        ))
    })?;
    let path_ok = args.path.starts_with('/')
        && !args
            .path
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '?' || c == '#');
    if !path_ok {
        return Err(Error::usage(
            "--path must start with / and have no spaces, `?` or `#` (it is matched exactly)",
        ));
    }
    let forward = match &args.forward_to {
        Some(text) => {
            let url = crate::input::check_http_url("--forward-to", text)?;
            let timeout = Duration::from_secs(ctx.globals.timeout.unwrap_or(30));
            let (proxy, ca_certificates) = ctx.network()?;
            Some(Deliverer::new(
                url,
                timeout,
                proxy.as_ref(),
                &ca_certificates,
            )?)
        }
        None => None,
    };
    let secret = webhook_secret(args.secret_file.as_deref())?;
    let verifying = secret.is_some();

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(Error::internal)?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
            Error::usage(format!("cannot listen on {addr}: {e}"))
                .with_hint("choose another port with --addr, or 127.0.0.1:0 for a free one")
        })?;
        let bound = listener.local_addr().map_err(Error::internal)?;
        let mut banner = format!("listening on http://{bound}{}", args.path);
        banner.push_str(if verifying {
            ", verifying signatures"
        } else {
            ", not verifying (no secret: pass --secret-file or set ERZYHOOKS_WEBHOOK_SECRET)"
        });
        if let Some(forward) = &forward {
            banner.push_str(&format!(", forwarding to {}", forward.url()));
        }
        let _ = writeln!(std::io::stderr(), "{banner}; Ctrl-C to stop");

        let (sender, mut deliveries) = mpsc::unbounded_channel();
        let options = ReceiverOptions {
            path: args.path.clone(),
            secret,
            forward,
        };
        let server = tokio::spawn(receiver::serve(listener, options, sender));
        let result = loop {
            tokio::select! {
                delivery = deliveries.recv() => match delivery {
                    Some(delivery) => {
                        if let Err(error) = show(ctx, &delivery) {
                            break Err(error);
                        }
                    }
                    None => break Ok(()),
                },
                _ = tokio::signal::ctrl_c() => break Ok(()),
            }
        };
        server.abort();
        result
    })
}

/// One delivery: a line for people, or one compact JSON object per line.
fn show(ctx: &Context, delivery: &Received) -> Result<()> {
    if ctx.out.json() {
        let mut line = json!({
            "receivedAt": delivery.received_at,
            "event": delivery.event,
            "verified": delivery.verified,
            "status": delivery.status,
            "headers": Value::Object(delivery.headers.clone()),
            "body": delivery.body,
        });
        if let Some(status) = delivery.forward_status {
            line["forwardStatus"] = json!(status);
        }
        return crate::output::write_stdout(&format!("{line}\n"));
    }
    let verified = match delivery.verified {
        Some(true) => "verified",
        Some(false) => "NOT VERIFIED",
        None => "unverified",
    };
    let mut line = format!(
        "{}  {}  {verified}  {}",
        delivery.received_at,
        escape_untrusted(delivery.event.as_deref().unwrap_or("-")),
        delivery.status
    );
    if let Some(status) = delivery.forward_status {
        line.push_str(&format!("  forwarded: {status}"));
    }
    ctx.out.print_line(&line)
}
