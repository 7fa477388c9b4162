//! A string that must never be shown by accident: API keys and webhook secrets.
//!
//! `Debug` and `Display` print `(redacted)`, so a secret can sit inside any struct that derives
//! `Debug` without leaking into logs or panic messages. The only way to the text is `expose`, which
//! makes every place that prints or sends a secret easy to find.

use std::fmt;

#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// A key or secret as typed, piped or saved by an editor: surrounding whitespace and a
    /// byte-order mark are not part of it.
    pub fn trimmed(text: &str) -> &str {
        text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
    }

    /// The secret itself, for the few places that must send, store or (when asked) print it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `ek_live_…wxyz`: enough to tell two keys apart, not enough to use one.
    pub fn masked(&self) -> String {
        let text = self.0.as_str();
        let prefix = ["ek_live_", "ek_test_", "whsec_"]
            .into_iter()
            .find(|p| text.starts_with(p))
            .unwrap_or("");
        let rest: Vec<char> = text[prefix.len()..].chars().collect();
        // Show the last four only when at least twelve stay hidden.
        if rest.len() >= 16 {
            let tail: String = rest[rest.len() - 4..].iter().collect();
            format!("{prefix}…{tail}")
        } else {
            format!("{prefix}…")
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_redact() {
        let s = Secret::new("ek_live_abcdefghijklmnopqrstuvwxyz");
        assert_eq!(format!("{s:?}"), "(redacted)");
        assert_eq!(format!("{s}"), "(redacted)");
    }

    #[test]
    fn masked_shows_prefix_and_last_four_only_for_long_keys() {
        assert_eq!(
            Secret::new("ek_live_abcdefghijklmnopwxyz").masked(),
            "ek_live_…wxyz"
        );
        assert_eq!(Secret::new("ek_test_short").masked(), "ek_test_…");
        assert_eq!(Secret::new("nothing").masked(), "…");
    }
}
