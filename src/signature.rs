//! Webhook signatures as ErzyCall makes them: `X-Webhook-Signature: sha256=<hex>`, the HMAC-SHA256
//! of the raw body bytes keyed with the endpoint's whole `whsec_…` secret as UTF-8.
//!
//! Checking compares in constant time (through `hmac`'s own verification), so a receiver built on
//! this cannot leak how much of a forged signature was right.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::secret::Secret;

pub const HEADER: &str = "X-Webhook-Signature";
const PREFIX: &str = "sha256=";

/// A signature header value that is not `sha256=` and 64 hex digits.
#[derive(Debug, PartialEq, Eq)]
pub struct Malformed;

fn mac(secret: &Secret) -> Hmac<Sha256> {
    // HMAC takes keys of any length, so this cannot fail.
    Hmac::<Sha256>::new_from_slice(secret.expose().as_bytes()).expect("HMAC accepts any key length")
}

/// `sha256=<lowercase hex>` for these exact bytes.
pub fn sign(secret: &Secret, body: &[u8]) -> String {
    let mut mac = mac(secret);
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    let mut text = String::with_capacity(PREFIX.len() + 64);
    text.push_str(PREFIX);
    for byte in digest {
        text.push_str(&format!("{byte:02x}"));
    }
    text
}

/// The digest a header value carries; hex digits in either case.
pub fn parse(value: &str) -> Result<[u8; 32], Malformed> {
    let value = value.trim();
    let hex = value
        .get(..PREFIX.len())
        .filter(|prefix| prefix.eq_ignore_ascii_case(PREFIX))
        .map(|_| &value[PREFIX.len()..])
        .ok_or(Malformed)?;
    if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Malformed);
    }
    let mut digest = [0u8; 32];
    for (index, byte) in digest.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[index * 2..index * 2 + 2], 16).map_err(|_| Malformed)?;
    }
    Ok(digest)
}

/// Whether `value` is the signature of `body` under `secret`, compared in constant time.
pub fn verify(secret: &Secret, body: &[u8], value: &str) -> Result<bool, Malformed> {
    let digest = parse(value)?;
    let mut mac = mac(secret);
    mac.update(body);
    Ok(mac.verify_slice(&digest).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Computed independently:
    /// `printf '%s' '{"event":"call.ended","timestamp":"2025-01-15T10:30:00.000Z","data":{"id":"call_1"}}' | openssl dgst -sha256 -hmac 'whsec_test_vector_secret_0123456789'`
    const BODY: &str =
        r#"{"event":"call.ended","timestamp":"2025-01-15T10:30:00.000Z","data":{"id":"call_1"}}"#;
    const SECRET: &str = "whsec_test_vector_secret_0123456789";
    const OPENSSL: &str = "b32b1d2f99dbb6d21d19d53fa97a3fbfe9ea8c0db97c8ce147e7825b9feb9179";

    #[test]
    fn matches_openssl() {
        let secret = Secret::new(SECRET);
        assert_eq!(sign(&secret, BODY.as_bytes()), format!("sha256={OPENSSL}"));
        assert_eq!(
            verify(&secret, BODY.as_bytes(), &format!("sha256={OPENSSL}")),
            Ok(true)
        );
        let upper = format!("SHA256={}", OPENSSL.to_uppercase());
        assert_eq!(verify(&secret, BODY.as_bytes(), &upper), Ok(true));
    }

    #[test]
    fn a_changed_body_or_secret_does_not_match() {
        let secret = Secret::new(SECRET);
        let good = sign(&secret, BODY.as_bytes());
        assert_eq!(verify(&secret, b"{}", &good), Ok(false));
        assert_eq!(
            verify(&Secret::new("whsec_other"), BODY.as_bytes(), &good),
            Ok(false)
        );
    }

    #[test]
    fn malformed_values_are_refused() {
        let secret = Secret::new(SECRET);
        for bad in [
            "",
            "sha256=",
            "sha1=abc",
            &format!("sha256={}", "g".repeat(64)),
            &format!("sha256={}", "a".repeat(63)),
        ] {
            assert_eq!(verify(&secret, b"x", bad), Err(Malformed), "{bad:?}");
        }
    }
}
