//! The `erzycall-emulator` binary: serve the emulator on an address (`erzycall-emulator
//! --addr 127.0.0.1:8787`), or run one command against a fresh one (`erzycall-emulator exec --
//! CMD…`).
//!
//! stdout carries one line, `listening on http://ADDR`, so a script can wait for it and read the
//! port; in `exec` mode it carries nothing at all, leaving stdout to CMD. Problems go to stderr.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::{ExitCode, ExitStatus};

use clap::error::ErrorKind;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use erzycall_emulator::{Emulator, Options, Seed, Server, FULL_ACCESS_KEY};

const DEFAULT_ADDR: &str = "127.0.0.1:8787";
/// The exit code of a command that could not be started, as in a shell.
const CANNOT_RUN: u8 = 127;

/// A local server that behaves like the ErzyCall webhook-endpoint API.
///
/// Built-in keys: ek_test_emulator (all scopes, organization A), ek_test_readonly (webhooks:read,
/// organization A), ek_test_other_org (all scopes, organization B), ek_test_revoked and
/// ek_test_expired (always 401).
///
/// Examples:
///   erzycall-emulator --seed demo
///   erzycall-emulator --addr 127.0.0.1:0 --state emulator.json
///   erzycall-emulator exec --seed demo -- erzyhooks list
#[derive(Parser)]
#[command(name = "erzycall-emulator", version, verbatim_doc_comment)]
struct Cli {
    /// Address to listen on; port 0 picks a free port (the first stdout line tells which)
    #[arg(long, value_name = "HOST:PORT")]
    addr: Option<String>,

    #[command(flatten)]
    server: ServerArgs,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Args)]
struct ServerArgs {
    /// Start with example endpoints (only when the state file does not exist yet)
    #[arg(long, value_enum, global = true)]
    seed: Option<SeedName>,

    /// Keep state in FILE: loaded at start if it exists, saved after every change (mode 0600)
    #[arg(long, value_name = "FILE", global = true)]
    state: Option<PathBuf>,

    /// Requests one API key may make in any 60 seconds (at least 1)
    #[arg(
        long,
        value_name = "N",
        default_value_t = 60,
        global = true,
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    rate_limit_per_minute: u32,

    /// Requests one API key may make in any hour (at least 1)
    #[arg(
        long,
        value_name = "N",
        default_value_t = 1000,
        global = true,
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    rate_limit_per_hour: u32,
}

#[derive(Clone, Copy, ValueEnum)]
enum SeedName {
    /// Two endpoints in organization A (call events and contact events)
    Demo,
}

#[derive(Subcommand)]
enum Command {
    /// Run CMD against a fresh emulator on a free port, then stop it and exit with CMD's code
    ///
    /// CMD inherits stdin, stdout, stderr and the environment, plus
    /// ERZYCALL_API_URL=http://127.0.0.1:PORT and ERZYCALL_API_KEY=ek_test_emulator. The emulator
    /// itself prints nothing on stdout. If CMD is killed by a signal, the exit code is 128 + the
    /// signal number; if it cannot be started, 127.
    ///
    /// SIGTERM and SIGHUP sent to the emulator are passed on to CMD, and the emulator stops once
    /// CMD has exited. Ctrl-C reaches CMD from the terminal; the emulator keeps serving until
    /// CMD is done.
    ///
    /// Example: erzycall-emulator exec --seed demo -- sh -c 'erzyhooks list --json'
    Exec {
        /// The command to run and its arguments (after `--`)
        #[arg(
            required = true,
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "CMD"
        )]
        command: Vec<OsString>,
    },
}

impl ServerArgs {
    fn options(&self) -> Options {
        Options {
            seed: self.seed.map(|SeedName::Demo| Seed::Demo),
            state_file: self.state.clone(),
            rate_limit_per_minute: self.rate_limit_per_minute,
            rate_limit_per_hour: self.rate_limit_per_hour,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let options = cli.server.options();
    match cli.command {
        None => run(cli.addr.as_deref().unwrap_or(DEFAULT_ADDR), options),
        Some(Command::Exec { command }) => {
            if cli.addr.is_some() {
                Cli::command()
                    .error(
                        ErrorKind::ArgumentConflict,
                        "--addr cannot be used with exec, which always listens on a free port of 127.0.0.1",
                    )
                    .exit();
            }
            exec(&command, options)
        }
    }
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("erzycall-emulator: error: {message}");
    ExitCode::FAILURE
}

/// Serves on `addr` until Ctrl-C or SIGTERM.
fn run(addr: &str, options: Options) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => return fail(format_args!("cannot start the runtime: {error}")),
    };
    runtime.block_on(async {
        // Load the state before announcing an address, so a script waiting for the first line
        // never sees "listening" from an emulator that is about to exit.
        let server = match Server::new(options) {
            Ok(server) => server,
            Err(error) => return fail(error),
        };
        let listener = match tokio::net::TcpListener::bind(addr).await {
            Ok(listener) => listener,
            Err(error) => return fail(format_args!("cannot listen on {addr}: {error}")),
        };
        let shutdown = match shutdown_signal() {
            Ok(shutdown) => shutdown,
            Err(error) => return fail(format_args!("cannot handle signals: {error}")),
        };
        let local = match listener.local_addr() {
            Ok(local) => local,
            Err(error) => return fail(format_args!("cannot listen on {addr}: {error}")),
        };
        let mut stdout = std::io::stdout().lock();
        // A closed stdout only means nobody reads the address; keep serving.
        let _ = writeln!(stdout, "listening on http://{local}");
        let _ = stdout.flush();
        drop(stdout);
        match server.run(listener, shutdown).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => fail(error),
        }
    })
}

/// A future that completes on Ctrl-C (SIGINT) or SIGTERM. The handlers are installed now, not
/// when the future is first polled, so a signal sent right after the "listening" line is never
/// fatal.
fn shutdown_signal() -> std::io::Result<impl std::future::Future<Output = ()> + Send + 'static> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut interrupt = signal(SignalKind::interrupt())?;
        let mut terminate = signal(SignalKind::terminate())?;
        Ok(async move {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }
}

/// Runs `command` against a fresh emulator and returns its exit code.
fn exec(command: &[OsString], options: Options) -> ExitCode {
    let Some((program, args)) = command.split_first() else {
        Cli::command()
            .error(
                ErrorKind::MissingRequiredArgument,
                "exec needs a command after --",
            )
            .exit();
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => return fail(format_args!("cannot start the runtime: {error}")),
    };
    // Take over SIGTERM and SIGHUP first thing, so that from here on they reach CMD (at once if
    // one came before CMD started) instead of ending the emulator under CMD's feet.
    let mut signals = match runtime.block_on(async { Signals::new() }) {
        Ok(signals) => signals,
        Err(error) => return fail(format_args!("cannot handle signals: {error}")),
    };
    let emulator = match Emulator::start_with(options) {
        Ok(emulator) => emulator,
        Err(error) => return fail(error),
    };
    let code = runtime.block_on(async {
        let child = tokio::process::Command::new(program)
            .args(args)
            .env("ERZYCALL_API_URL", emulator.base_url())
            .env("ERZYCALL_API_KEY", FULL_ACCESS_KEY)
            .spawn();
        let mut child = match child {
            Ok(child) => child,
            Err(error) => {
                eprintln!(
                    "erzycall-emulator: cannot run {}: {error}",
                    program.to_string_lossy()
                );
                return CANNOT_RUN;
            }
        };
        match signals.wait_for(&mut child).await {
            Ok(status) => exit_code(status),
            Err(error) => {
                eprintln!("erzycall-emulator: error: waiting for the command failed: {error}");
                1
            }
        }
    });
    // Stop the server only after CMD is done with it.
    drop(emulator);
    ExitCode::from(code)
}

/// The signals `exec` handles while CMD runs.
struct Signals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
    #[cfg(unix)]
    hangup: tokio::signal::unix::Signal,
}

impl Signals {
    fn new() -> std::io::Result<Signals> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            Ok(Signals {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
                hangup: signal(SignalKind::hangup())?,
            })
        }
        #[cfg(not(unix))]
        {
            Ok(Signals {})
        }
    }

    /// Waits for CMD. Ctrl-C from a terminal reaches CMD too (it is in the terminal's foreground
    /// process group with the emulator), so the emulator ignores it and keeps serving until CMD
    /// has exited. A SIGTERM or SIGHUP aimed at the emulator alone is passed on to CMD, which
    /// can then clean up (and stop its own children) before it exits; the emulator keeps
    /// serving until it has.
    async fn wait_for(&mut self, child: &mut tokio::process::Child) -> std::io::Result<ExitStatus> {
        #[cfg(unix)]
        loop {
            tokio::select! {
                status = child.wait() => return status,
                Some(()) = self.interrupt.recv() => {}
                Some(()) = self.terminate.recv() => forward(child, libc::SIGTERM),
                Some(()) = self.hangup.recv() => forward(child, libc::SIGHUP),
            }
        }
        #[cfg(not(unix))]
        child.wait().await
    }
}

/// Sends `signal` to CMD (its process only: CMD passes it on to its own children if it wants).
#[cfg(unix)]
fn forward(child: &tokio::process::Child, signal: libc::c_int) {
    // `id` is None once CMD has been reaped, when its PID may belong to another process.
    let Some(pid) = child.id().and_then(|pid| libc::pid_t::try_from(pid).ok()) else {
        return;
    };
    // SAFETY: kill(2) takes plain integers and touches no memory of ours.
    let sent = unsafe { libc::kill(pid, signal) };
    if sent != 0 {
        let error = std::io::Error::last_os_error();
        eprintln!(
            "erzycall-emulator: warning: could not pass signal {signal} on to the command: {error}"
        );
    }
}

fn exit_code(status: ExitStatus) -> u8 {
    if let Some(code) = status.code() {
        return (code & 0xff) as u8;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return (128 + signal).clamp(0, 255) as u8;
        }
    }
    1
}
