//! Random identifiers and signing secrets, both drawn from the operating system's CSPRNG.
//!
//! A webhook secret keys the HMAC that receivers trust, so it must be unguessable even in an
//! emulator: users copy emulator workflows into production scripts. Characters are picked by
//! rejection sampling so that every character of the alphabet is equally likely.

use std::fmt;
use std::io;

const LOWER_ALPHANUMERIC: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
const BASE62: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// Random characters after `wh_` in a new endpoint ID.
const ID_LENGTH: usize = 16;
/// Random characters after `whsec_`: 32 base62 characters carry about 190 bits.
const SECRET_LENGTH: usize = 32;

/// A webhook signing secret. `Debug` never shows it, so it cannot leak through a log line or a
/// panic message; [`Secret::expose`] is the one way to the text.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Secret(String);

impl Secret {
    pub(crate) fn new(text: String) -> Secret {
        Secret(text)
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(redacted)")
    }
}

/// `wh_` followed by 16 random lowercase letters and digits.
pub(crate) fn new_endpoint_id() -> io::Result<String> {
    Ok(format!(
        "wh_{}",
        random_string(LOWER_ALPHANUMERIC, ID_LENGTH)?
    ))
}

/// `whsec_` followed by 32 random base62 characters.
pub(crate) fn new_secret() -> io::Result<Secret> {
    Ok(Secret(format!(
        "whsec_{}",
        random_string(BASE62, SECRET_LENGTH)?
    )))
}

/// Whether `id` has the form of an endpoint ID (`wh_` and 1–64 ASCII letters or digits). IDs the
/// emulator creates are narrower; this is what a path may carry without being `INVALID_ID`.
pub(crate) fn is_well_formed_endpoint_id(id: &str) -> bool {
    id.strip_prefix("wh_").is_some_and(|rest| {
        (1..=64).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

fn random_string(alphabet: &[u8], length: usize) -> io::Result<String> {
    // Bytes at or above the largest multiple of the alphabet's size would favour its first
    // characters; drop them and draw again.
    let accept_below = 256 - 256 % alphabet.len();
    let mut out = String::with_capacity(length);
    let mut buffer = [0u8; 64];
    while out.len() < length {
        getrandom::fill(&mut buffer).map_err(|error| io::Error::other(error.to_string()))?;
        for &byte in &buffer {
            if usize::from(byte) < accept_below && out.len() < length {
                out.push(char::from(alphabet[usize::from(byte) % alphabet.len()]));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_secrets_have_their_documented_form() {
        let id = new_endpoint_id().expect("random id");
        assert!(id.starts_with("wh_") && id.len() == 19, "{id}");
        assert!(id[3..]
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        assert!(is_well_formed_endpoint_id(&id));

        let secret = new_secret().expect("random secret");
        let text = secret.expose();
        assert!(text.starts_with("whsec_") && text.len() == 38, "{text}");
        assert!(text[6..].bytes().all(|b| b.is_ascii_alphanumeric()));
        assert_ne!(new_secret().expect("random secret"), secret);
        assert_eq!(format!("{secret:?}"), "Secret(redacted)");
    }

    #[test]
    fn id_form() {
        assert!(is_well_formed_endpoint_id("wh_001"));
        assert!(is_well_formed_endpoint_id(&format!(
            "wh_{}",
            "a".repeat(64)
        )));
        assert!(!is_well_formed_endpoint_id(&format!(
            "wh_{}",
            "a".repeat(65)
        )));
        for bad in [
            "", "wh_", "wh-1", "WH_1", "wh_a/b", "wh_a b", "wh_é", "xwh_1",
        ] {
            assert!(!is_well_formed_endpoint_id(bad), "{bad}");
        }
    }
}
