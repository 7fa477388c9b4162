//! End-to-end tests: the real `erzyhooks` binary against an emulator started in-process on a free
//! loopback port, one per test. Each run has a cleared environment and its own config directory.

mod apply;
mod commands;
mod docs;
mod errors;
mod network;
mod output;
mod resilience;
mod security;
mod settings;
mod support;
mod webhooks;
