//! Everything that reaches stdout goes through here: the format is chosen once, commands hand over
//! data, and this module renders it as a table for people or as the API's JSON for programs.
//!
//! A closed pipe (`erzyhooks list | head -1`) is not an error: writing stops and the run ends with
//! exit 0 and no message.

use std::io::{self, IsTerminal, Write};

use comfy_table::{Attribute, Cell, ColumnConstraint, ContentArrangement, Table, Width};
use serde_json::Value;

use crate::api::Endpoint;
use crate::error::{Error, Exit, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(text: &str) -> std::result::Result<Format, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            other => Err(format!(
                "unknown output format `{other}` (expected table or json)"
            )),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// How this run prints: decided once from the settings.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub format: Format,
    pub quiet: bool,
    pub color: bool,
    pub terminal: bool,
}

impl Output {
    pub fn new(format: Format, quiet: bool, color: ColorChoice) -> Output {
        let terminal = io::stdout().is_terminal();
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                let forced = std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0");
                forced || (terminal && !no_color)
            }
        };
        Output {
            format,
            quiet,
            color,
            terminal,
        }
    }

    pub fn json(&self) -> bool {
        self.format == Format::Json
    }

    /// Pretty JSON, one document for the run.
    pub fn print_json(&self, value: &Value) -> Result<()> {
        let text = serde_json::to_string_pretty(value).map_err(Error::internal)?;
        write_stdout(&format!("{text}\n"))
    }

    pub fn print_line(&self, line: &str) -> Result<()> {
        write_stdout(&format!("{line}\n"))
    }

    /// `ID URL EVENTS ACTIVE DESCRIPTION CREATED`, one row per endpoint.
    pub fn print_endpoints(&self, endpoints: &[Endpoint]) -> Result<()> {
        let mut table = self.table();
        table.set_header(self.header(&["ID", "URL", "EVENTS", "ACTIVE", "DESCRIPTION", "CREATED"]));
        for endpoint in endpoints {
            table.add_row(vec![
                escape_untrusted(endpoint.id()),
                or_dash(endpoint.url()),
                self.events_cell(endpoint),
                active_cell(endpoint.is_active()),
                or_dash(endpoint.description()),
                or_dash(endpoint.created_at()),
            ]);
        }
        // On a narrow terminal only the free text wraps: IDs, URLs and times stay whole so
        // they can be copied.
        for index in [0, 1, 3, 5] {
            if let Some(column) = table.column_mut(index) {
                column.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
        if let Some(events) = table.column_mut(2) {
            // Wide enough for the longest event name and its separator.
            events.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(18)));
        }
        self.print_table(table)
    }

    /// Event names as one cell: comma-separated, with a space on a terminal so a long list
    /// wraps between names rather than inside one.
    fn events_cell(&self, endpoint: &Endpoint) -> String {
        let events = endpoint.events();
        if events.is_empty() {
            return "-".to_owned();
        }
        let separator = if self.terminal { ", " } else { "," };
        escape_untrusted(&events.join(separator))
    }

    /// One endpoint as field/value rows; `secret` is added only where the user asked for it.
    pub fn print_endpoint(&self, endpoint: &Endpoint, secret: Option<&str>) -> Result<()> {
        let mut rows = vec![
            ("ID", escape_untrusted(endpoint.id())),
            ("URL", or_dash(endpoint.url())),
            ("EVENTS", self.events_cell(endpoint)),
            ("ACTIVE", active_cell(endpoint.is_active())),
            ("DESCRIPTION", or_dash(endpoint.description())),
            ("CREATED", or_dash(endpoint.created_at())),
        ];
        if let Some(secret) = secret {
            rows.push(("SECRET", escape_untrusted(secret)));
        }
        self.print_fields(&rows)
    }

    /// Field/value rows without a header.
    pub fn print_fields(&self, rows: &[(&str, String)]) -> Result<()> {
        let mut table = self.table();
        for (field, value) in rows {
            let mut label = Cell::new(field);
            if self.color {
                label = label.add_attribute(Attribute::Bold);
            }
            table.add_row(vec![label, Cell::new(value)]);
        }
        self.print_table(table)
    }

    /// Rows under a header.
    pub fn print_rows(&self, header: &[&str], rows: Vec<Vec<String>>) -> Result<()> {
        let mut table = self.table();
        table.set_header(self.header(header));
        for row in rows {
            table.add_row(row);
        }
        self.print_table(table)
    }

    fn header(&self, names: &[&str]) -> Vec<Cell> {
        names
            .iter()
            .map(|name| {
                let cell = Cell::new(name);
                if self.color {
                    cell.add_attribute(Attribute::Bold)
                } else {
                    cell
                }
            })
            .collect()
    }

    /// Borderless columns like `kubectl get`: easy to read, easy to `grep` and `awk`. Only on a
    /// terminal are long cells wrapped to its width; in a pipe every row stays whole.
    fn table(&self) -> Table {
        let mut table = Table::new();
        table.load_preset(comfy_table::presets::NOTHING);
        if self.terminal {
            table.set_content_arrangement(ContentArrangement::Dynamic);
            if self.color {
                table.enforce_styling();
            }
        } else {
            table.force_no_tty();
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
        table
    }

    fn print_table(&self, mut table: Table) -> Result<()> {
        let columns = table.column_count();
        for (index, column) in table.column_iter_mut().enumerate() {
            let right = if index + 1 == columns { 0 } else { 2 };
            column.set_padding((0, right));
        }
        let mut text = String::new();
        for line in table.lines() {
            text.push_str(line.trim_end());
            text.push('\n');
        }
        write_stdout(&text)
    }
}

/// Writes to stdout; a closed pipe becomes a quiet success.
pub fn write_stdout(text: &str) -> Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Err(broken_pipe()),
        Err(error) => Err(Error::new(
            Exit::Internal,
            "OUTPUT",
            format!("cannot write to stdout: {error}"),
        )),
    }
}

/// The reader went away: stop quietly with exit 0.
pub fn broken_pipe() -> Error {
    Error::new(Exit::Success, "BROKEN_PIPE", "stdout was closed")
}

/// Text that came from the server or the user, made safe for a terminal: every control character
/// and bidirectional override is shown escaped (`\u{1b}`, `\r`, …) so it cannot move the cursor,
/// recolour the screen or hide text.
pub fn escape_untrusted(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        let bidi = matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            safe.extend(c.escape_default());
        } else {
            safe.push(c);
        }
    }
    safe
}

fn or_dash(value: Option<&str>) -> String {
    match value {
        Some(text) if !text.is_empty() => escape_untrusted(text),
        _ => "-".to_owned(),
    }
}

fn active_cell(active: Option<bool>) -> String {
    match active {
        Some(true) => "yes".to_owned(),
        Some(false) => "no".to_owned(),
        None => "-".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_control_and_bidi_characters() {
        assert_eq!(
            escape_untrusted("a\u{1b}[2J\u{1b}[31mb\rc\u{7}\u{8}"),
            "a\\u{1b}[2J\\u{1b}[31mb\\rc\\u{7}\\u{8}"
        );
        assert_eq!(escape_untrusted("x\u{202e}y\ny"), "x\\u{202e}y\\ny");
        assert_eq!(escape_untrusted("café ✓"), "café ✓");
    }
}
