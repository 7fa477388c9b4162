//! The event types an endpoint can subscribe to, and help for a mistyped one.

/// Every event ErzyCall documents, with what triggers it.
pub const EVENTS: [(&str, &str); 8] = [
    ("call.started", "an outbound call was kicked off"),
    ("call.ended", "a call finished"),
    ("call.failed", "a call ran into an error"),
    ("call.scheduled", "a call was queued for a future time"),
    ("call.cancelled", "a queued call was cancelled"),
    ("contact.created", "a contact was created"),
    ("contact.updated", "a contact was changed"),
    ("contact.deleted", "a contact was removed"),
];

pub fn is_known(name: &str) -> bool {
    EVENTS.iter().any(|(known, _)| *known == name)
}

/// The known event closest to `name`, when it is close enough to be a typo.
pub fn suggest(name: &str) -> Option<&'static str> {
    let lowered = name.to_lowercase();
    EVENTS
        .iter()
        .map(|(known, _)| (*known, edit_distance(&lowered, known)))
        .filter(|(_, distance)| *distance <= 3)
        .min_by_key(|(_, distance)| *distance)
        .map(|(known, _)| known)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_event() {
        assert_eq!(suggest("call.endd"), Some("call.ended"));
        assert_eq!(suggest("Contact.Created"), Some("contact.created"));
        assert_eq!(suggest("call.canceled"), Some("call.cancelled"));
        assert_eq!(suggest("something.else.entirely"), None);
    }
}
