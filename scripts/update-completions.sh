#!/usr/bin/env bash
# Regenerates the committed shell completion scripts from the binary's clap definitions.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=target/debug/erzyhooks
"$bin" completions bash > completions/erzyhooks.bash
"$bin" completions zsh > completions/_erzyhooks
"$bin" completions fish > completions/erzyhooks.fish
"$bin" completions powershell > completions/_erzyhooks.ps1
"$bin" completions elvish > completions/erzyhooks.elv
echo "completions/ updated"
