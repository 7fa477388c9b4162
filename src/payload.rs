//! Delivery bodies as ErzyCall sends them: compact JSON `{"event", "timestamp", "data"}`, with a
//! realistic sample `data` for each event so a receiver can be tried without a real call.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};

/// A sample `data` for a documented event, shaped like the API's call and contact resources.
pub fn sample(event: &str) -> Option<Value> {
    let call = |status: &str| {
        json!({
            "id": "call_8f14e45fceea167a",
            "status": status,
            "to": "+14155550123",
            "from": "+14155550199",
            "assistantId": "asst_5d41402abc4b2a76",
        })
    };
    let contact = json!({
        "id": "contact_c4ca4238a0b92382",
        "name": "Ada Lovelace",
        "phone": "+442071838750",
        "email": "ada@example.com",
    });
    Some(match event {
        "call.started" => call("in-progress"),
        "call.ended" => {
            let mut data = call("completed");
            data["duration"] = json!(127);
            data
        }
        "call.failed" => {
            let mut data = call("failed");
            data["error"] = json!("no-answer");
            data
        }
        "call.scheduled" => {
            let mut data = call("scheduled");
            data["scheduledAt"] = json!("2025-01-15T14:00:00Z");
            data
        }
        "call.cancelled" => call("cancelled"),
        "contact.created" | "contact.updated" => contact,
        "contact.deleted" => json!({"id": "contact_c4ca4238a0b92382"}),
        _ => return None,
    })
}

/// The exact bytes of a delivery: compact JSON, keys in ErzyCall's order.
pub fn body(event: &str, data: &Value, timestamp: &str) -> Vec<u8> {
    let envelope = json!({"event": event, "timestamp": timestamp, "data": data});
    envelope.to_string().into_bytes()
}

/// Now, as ISO 8601 UTC with milliseconds (`2025-01-15T10:30:00.000Z`), like ErzyCall's payloads.
pub fn now() -> String {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    timestamp(since.as_secs(), since.subsec_millis())
}

/// Unix seconds and milliseconds as ISO 8601 UTC (the civil-from-days conversion of
/// Howard Hinnant's date algorithms).
pub fn timestamp(seconds: u64, millis: u32) -> String {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_iso_8601_with_milliseconds() {
        assert_eq!(timestamp(0, 0), "1970-01-01T00:00:00.000Z");
        assert_eq!(timestamp(1_736_937_000, 7), "2025-01-15T10:30:00.007Z");
        assert_eq!(timestamp(951_782_400, 999), "2000-02-29T00:00:00.999Z");
    }

    #[test]
    fn every_documented_event_has_a_sample_and_bodies_are_compact() {
        for (event, _) in crate::events::EVENTS {
            let data = sample(event).expect("a sample");
            let text = String::from_utf8(body(event, &data, "2025-01-15T10:30:00.000Z")).unwrap();
            assert!(text.starts_with(&format!("{{\"event\":\"{event}\",\"timestamp\":")));
            assert!(!text.contains(": ") && !text.contains('\n'));
        }
        assert!(sample("call.unknown").is_none());
    }
}
