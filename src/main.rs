//! The `erzyhooks` binary: everything happens in [`erzyhooks::run`].

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(erzyhooks::run(std::env::args_os()))
}
