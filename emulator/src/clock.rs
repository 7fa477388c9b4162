//! Wall-clock time as the API writes it: ISO 8601 UTC with whole seconds (`2025-01-15T10:30:00Z`)
//! in resources, and with milliseconds (`2025-01-15T10:30:00.000Z`) in webhook payloads.
//!
//! The emulator needs just these two date formats, so a few lines of civil-calendar arithmetic
//! (Howard Hinnant's `civil_from_days`) replace a date-time dependency.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch; a clock set before 1970 counts as the epoch itself.
pub(crate) fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Time since the Unix epoch, to the nanosecond; a clock set before 1970 counts as the epoch.
pub(crate) fn unix_now_precise() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
}

/// Milliseconds since the Unix epoch; a clock set before 1970 counts as the epoch itself.
pub(crate) fn unix_now_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// `unix_millis` as `YYYY-MM-DDTHH:MM:SS.mmmZ`, the form of a webhook payload's `timestamp`.
pub(crate) fn iso8601_millis(unix_millis: u64) -> String {
    let seconds = iso8601(unix_millis / 1000);
    let whole = seconds.strip_suffix('Z').unwrap_or(&seconds);
    format!("{whole}.{:03}Z", unix_millis % 1000)
}

/// `unix_secs` as `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn iso8601(unix_secs: u64) -> String {
    let days = (unix_secs / 86_400) as i64;
    let rest = unix_secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // day of era, 0..=146096
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // year of era, 0..=399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of year from March 1st
    let mp = (5 * doy + 2) / 153; // month from March, 0..=11
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::{iso8601, iso8601_millis};

    #[test]
    fn formats_known_instants() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_736_937_000), "2025-01-15T10:30:00Z");
        assert_eq!(iso8601(951_868_799), "2000-02-29T23:59:59Z");
        assert_eq!(iso8601(4_107_542_400), "2100-03-01T00:00:00Z");
    }

    #[test]
    fn formats_milliseconds() {
        assert_eq!(iso8601_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            iso8601_millis(1_736_937_000_000),
            "2025-01-15T10:30:00.000Z"
        );
        assert_eq!(
            iso8601_millis(1_736_937_000_042),
            "2025-01-15T10:30:00.042Z"
        );
        assert_eq!(iso8601_millis(951_868_799_999), "2000-02-29T23:59:59.999Z");
    }
}
