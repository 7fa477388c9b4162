//! `erzyhooks completions SHELL`: the tab-completion script, generated from the same clap
//! definitions as the parser (so it cannot drift), including event names for `--event`.

use clap::CommandFactory;
use clap_complete::Shell;

use super::Context;
use crate::cli::Cli;
use crate::error::{Error, Result};

/// Print the shell completion script
///
/// Completes commands, flags and event names. The same scripts are in the repository's
/// `completions/` folder.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  erzyhooks completions bash > ~/.local/share/bash-completion/completions/erzyhooks
  erzyhooks completions zsh > ~/.zfunc/_erzyhooks
  erzyhooks completions fish > ~/.config/fish/completions/erzyhooks.fish")]
pub struct Args {
    /// bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: Args, _ctx: &mut Context) -> Result<()> {
    crate::output::write_stdout(&script(args.shell)?)
}

/// The completion script for one shell.
pub fn script(shell: Shell) -> Result<String> {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "erzyhooks", &mut buffer);
    String::from_utf8(buffer).map_err(Error::internal)
}
