//! The `erzyhooks` binary: everything happens in [`erzyhooks::run`].

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    // A panic is a bug: one message and the documented exit code, never a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let _ = writeln!(
            std::io::stderr(),
            "error: internal error: {info}\nhint: this is a bug in erzyhooks; please report it with the command you ran"
        );
        std::process::exit(70);
    }));
    ExitCode::from(erzyhooks::run(std::env::args_os()))
}
