//! Checks on what the user typed, made before anything is sent: a rejected input costs no request
//! and gets a message that says exactly what to change (exit 2).

use crate::api::Url;
use crate::config::is_loopback;
use crate::error::{Error, Result};
use crate::events;
use crate::output::escape_untrusted;

pub const MAX_EVENTS: usize = 10;
pub const MAX_DESCRIPTION_CHARS: usize = 500;
pub const MAX_URL_CHARS: usize = 2048;

/// An endpoint ID that can only ever be one path segment.
pub fn check_id(id: &str) -> Result<()> {
    if id.is_empty() {
        return Err(Error::usage("an endpoint ID cannot be empty"));
    }
    let climbs = id == "." || id == "..";
    if climbs || id.contains('/') || id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::usage(format!(
            "`{}` is not an endpoint ID: IDs are not `.` or `..` and contain no `/`, spaces or control characters",
            escape_untrusted(id)
        ))
        .with_hint("IDs look like wh_123abc; `erzyhooks list -q` prints them"));
    }
    Ok(())
}

/// A delivery URL: https with a host; plain http only for a local receiver.
pub fn check_url(text: &str) -> Result<String> {
    let shown = escape_untrusted(text);
    if text
        .trim()
        .chars()
        .any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(Error::usage(format!(
            "--url `{shown}` contains spaces or control characters"
        ))
        .with_hint("percent-encode them (a space is %20)"));
    }
    if text.trim().chars().count() > MAX_URL_CHARS {
        return Err(Error::usage(format!(
            "--url is {} characters long; at most {MAX_URL_CHARS} are allowed",
            text.trim().chars().count()
        )));
    }
    let url = Url::parse(text.trim())
        .map_err(|e| Error::usage(format!("--url `{shown}` is not a valid URL: {e}")))?;
    let host = url.host_str().unwrap_or_default();
    let allowed = match url.scheme() {
        "https" => !host.is_empty(),
        "http" => is_loopback(host),
        _ => false,
    };
    if !allowed {
        return Err(Error::usage(format!(
            "--url `{shown}` must be an https:// URL with a host"
        ))
        .with_hint("ErzyCall delivers only over https (plain http is accepted for 127.0.0.1 and localhost)"));
    }
    Ok(text.trim().to_owned())
}

/// A URL of the user's own server (`trigger --url`, `listen --forward-to`, `--proxy`): http or
/// https with a host. No API key goes there, so plain http is fine anywhere.
pub fn check_http_url(flag: &str, text: &str) -> Result<Url> {
    match Url::parse(text.trim()) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host_str().is_some() => Ok(url),
        _ => Err(Error::usage(format!(
            "{flag} `{}` must be an http:// or https:// URL with a host",
            escape_untrusted(text)
        ))),
    }
}

/// Trims, drops duplicates (keeping the first order), and checks count and names.
pub fn check_events(names: &[String], allow_unknown: bool) -> Result<Vec<String>> {
    let mut events: Vec<String> = Vec::new();
    for name in names.iter().map(|n| n.trim()) {
        if name.is_empty() {
            return Err(Error::usage("an event name cannot be empty"));
        }
        if !events.iter().any(|e| e == name) {
            events.push(name.to_owned());
        }
    }
    if events.is_empty() {
        return Err(Error::usage("at least one event is required").with_hint(
            "pass --event NAME (repeatable) or --events a,b; `erzyhooks events` lists them",
        ));
    }
    if events.len() > MAX_EVENTS {
        return Err(Error::usage(format!(
            "{} events given; an endpoint takes at most {MAX_EVENTS}",
            events.len()
        )));
    }
    if !allow_unknown {
        check_known(&events)?;
    }
    Ok(events)
}

/// Every name must be a documented event, with a suggestion for a typo.
pub fn check_known(events: &[String]) -> Result<()> {
    for name in events {
        if !events::is_known(name) {
            let shown = escape_untrusted(name);
            let hint = match events::suggest(name) {
                Some(close) => format!("did you mean `{close}`? (`erzyhooks events` lists them; --allow-unknown-events sends it anyway)"),
                None => "`erzyhooks events` lists them; --allow-unknown-events sends it anyway".to_owned(),
            };
            return Err(Error::usage(format!("unknown event `{shown}`")).with_hint(hint));
        }
    }
    Ok(())
}

pub fn check_description(text: &str) -> Result<()> {
    let count = text.chars().count();
    if count > MAX_DESCRIPTION_CHARS {
        return Err(Error::usage(format!(
            "the description is {count} characters long; at most {MAX_DESCRIPTION_CHARS} are allowed"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn ids_are_single_path_segments() {
        assert!(check_id("wh_abc123").is_ok());
        for bad in ["", "../x", "..", ".", "wh 1", "wh\u{1b}", "a/b"] {
            assert!(check_id(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn events_are_deduplicated_and_counted() {
        let events = check_events(
            &strings(&["call.ended", " call.ended", "call.failed"]),
            false,
        )
        .unwrap();
        assert_eq!(events, strings(&["call.ended", "call.failed"]));
        assert!(check_events(&[], false).is_err());
        let many: Vec<String> = (0..11).map(|i| format!("x.{i}")).collect();
        assert!(check_events(&many, true).is_err());
        assert!(check_events(&strings(&["call.endd"]), false).is_err());
        assert!(check_events(&strings(&["call.new"]), true).is_ok());
    }

    #[test]
    fn description_counts_characters_not_bytes() {
        assert!(check_description(&"é".repeat(500)).is_ok());
        assert!(check_description(&"e".repeat(501)).is_err());
    }

    #[test]
    fn urls_need_https_except_on_loopback() {
        assert!(check_url("https://example.com/hooks").is_ok());
        assert!(check_url("http://127.0.0.1:4000/hook").is_ok());
        assert!(check_url("http://example.com/hooks").is_err());
        assert!(check_url("example.com").is_err());
        assert!(check_url("https://").is_err());
        assert!(check_url("https://example.com/a b").is_err());
        assert!(check_url("https://example.com/a\u{7}").is_err());
        assert!(check_url(&format!("https://example.com/{}", "a".repeat(2100))).is_err());
    }
}
