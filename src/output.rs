//! Everything that reaches stdout goes through here: the format is chosen once, commands hand over
//! data, and this module renders it as a table for people or as the API's JSON for programs.
//!
//! A closed pipe (`erzyhooks list | head -1`) is not an error: writing stops and the run ends with
//! exit 0 and no message.

use std::io::{self, IsTerminal, Write};

use comfy_table::{Attribute, Cell, ContentArrangement, Table};
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

    /// `ID URL EVENTS ACTIVE DESCRIPTION CREATED`, one row per endpoint. On a terminal too
    /// narrow for the rows, the description, then the events, then the URL are cut with `…` so
    /// each endpoint stays on one line (like `gh`); in a pipe nothing is ever cut.
    pub fn print_endpoints(&self, endpoints: &[Endpoint]) -> Result<()> {
        let header = ["ID", "URL", "EVENTS", "ACTIVE", "DESCRIPTION", "CREATED"];
        let mut rows: Vec<Vec<String>> = endpoints
            .iter()
            .map(|endpoint| {
                vec![
                    escape_untrusted(endpoint.id()),
                    or_dash(endpoint.url()),
                    events_cell(endpoint),
                    active_cell(endpoint.is_active()),
                    or_dash(endpoint.description()),
                    or_dash(endpoint.created_at()),
                ]
            })
            .collect();
        let mut header: Vec<&str> = header.to_vec();
        if let Some(width) = terminal_width().filter(|_| self.terminal) {
            // Which columns give way first, and the narrowest each may become; when even that
            // is too wide, CREATED and then DESCRIPTION are left out.
            let flexible = [(4, 11), (2, 12), (1, 20)];
            let mut fitted = rows.clone();
            fit_to_width(&header, &mut fitted, width, &flexible);
            for column in [5, 4] {
                if table_width(&header, &fitted) <= width {
                    break;
                }
                header.remove(column);
                for row in rows.iter_mut() {
                    row.remove(column);
                }
                fitted = rows.clone();
                let flexible: Vec<_> = flexible
                    .iter()
                    .copied()
                    .filter(|(c, _)| *c < column)
                    .collect();
                fit_to_width(&header, &mut fitted, width, &flexible);
            }
            rows = fitted;
        }
        self.print_rows(&header, rows)
    }

    /// One endpoint as field/value rows; `secret` is added only where the user asked for it.
    pub fn print_endpoint(&self, endpoint: &Endpoint, secret: Option<&str>) -> Result<()> {
        let mut rows = vec![
            ("ID", escape_untrusted(endpoint.id())),
            ("URL", or_dash(endpoint.url())),
            ("EVENTS", events_cell(endpoint)),
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
    /// Borderless columns like `kubectl get`: easy to read, easy to `grep` and `awk`. Cells
    /// are never wrapped: a row is one line.
    fn table(&self) -> Table {
        let mut table = Table::new();
        table.load_preset(comfy_table::presets::NOTHING);
        table.set_content_arrangement(ContentArrangement::Disabled);
        if self.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
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

/// Columns of the terminal stdout is on.
fn terminal_width() -> Option<usize> {
    if let Some(columns) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
        return Some(columns);
    }
    Table::new().width().map(usize::from)
}

/// Space between columns.
const GAP: usize = 2;

fn column_widths(header: &[&str], rows: &[Vec<String>]) -> Vec<usize> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (index, cell) in row.iter().enumerate() {
            widths[index] = widths[index].max(cell.chars().count());
        }
    }
    widths
}

/// How wide the table's longest line is.
fn table_width(header: &[&str], rows: &[Vec<String>]) -> usize {
    let widths = column_widths(header, rows);
    widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1)
}

/// Cuts cells so the rows fit in `width`: each `(column, narrowest)` in turn gives up what it
/// can until the rows fit. Cut cells end with `…`.
fn fit_to_width(
    header: &[&str],
    rows: &mut [Vec<String>],
    width: usize,
    flexible: &[(usize, usize)],
) {
    let mut widths = column_widths(header, rows);
    let total = |widths: &[usize]| widths.iter().sum::<usize>() + GAP * (widths.len() - 1);
    for &(column, narrowest) in flexible {
        let excess = total(&widths).saturating_sub(width);
        if excess == 0 {
            break;
        }
        let floor = narrowest.max(header[column].chars().count());
        widths[column] -= excess.min(widths[column].saturating_sub(floor));
    }
    for row in rows.iter_mut() {
        for (index, cell) in row.iter_mut().enumerate() {
            if cell.chars().count() > widths[index] {
                let mut cut: String = cell.chars().take(widths[index].saturating_sub(1)).collect();
                cut.push('…');
                *cell = cut;
            }
        }
    }
}

fn events_cell(endpoint: &Endpoint) -> String {
    let events = endpoint.events();
    if events.is_empty() {
        return "-".to_owned();
    }
    escape_untrusted(&events.join(","))
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
    fn rows_are_cut_to_fit_a_narrow_terminal() {
        let header = ["ID", "URL", "DESCRIPTION"];
        let mut rows = vec![vec![
            "wh_1".to_owned(),
            "https://example.com/a/long/path".to_owned(),
            "a description that goes on".to_owned(),
        ]];
        fit_to_width(&header, &mut rows, 40, &[(2, 11), (1, 10)]);
        assert_eq!(rows[0][2], "a descript…");
        assert_eq!(rows[0][1].chars().count(), 40 - 4 - 11 - 4);
        assert!(rows[0][1].ends_with('…'));
        let line = rows[0].join("  ");
        assert!(line.chars().count() <= 40, "{line}");
    }

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
