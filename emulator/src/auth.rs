//! The built-in API keys (DESIGN §7) and the scope check.
//!
//! Keys are fixed strings so that tests, the README and a user's CI script can name them. A key
//! is matched exactly: the real API does not trim or fold case, and a client that sends a key
//! with stray whitespace should find out here rather than in production.

use axum::http::StatusCode;

use crate::envelope::ApiError;
use crate::Org;

/// Scope needed to list endpoints.
pub(crate) const WEBHOOKS_READ: &str = "webhooks:read";
/// Scope needed to create, change, delete or rotate.
pub(crate) const WEBHOOKS_WRITE: &str = "webhooks:write";

/// Who is calling: the organization the key belongs to and what it may do.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Caller {
    pub(crate) org: Org,
    scopes: &'static [&'static str],
}

impl Caller {
    /// `403 INSUFFICIENT_SCOPE` naming `scope` unless the key holds it or `*`.
    pub(crate) fn require(&self, scope: &'static str) -> Result<(), ApiError> {
        if self
            .scopes
            .iter()
            .any(|held| *held == "*" || *held == scope)
        {
            Ok(())
        } else {
            Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "INSUFFICIENT_SCOPE",
                format!("API key lacks required scope: {scope}"),
            ))
        }
    }
}

/// The caller behind the `X-API-Key` value, or the 401 that key earns.
pub(crate) fn authenticate(key: Option<&[u8]>) -> Result<Caller, ApiError> {
    let unauthorized = |message: &str| {
        Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "UNAUTHORIZED",
            message,
        ))
    };
    match key {
        None => unauthorized("Missing API key: send it in the X-API-Key header"),
        Some(b"ek_test_emulator") => Ok(Caller {
            org: Org::A,
            scopes: &["*"],
        }),
        Some(b"ek_test_readonly") => Ok(Caller {
            org: Org::A,
            scopes: &[WEBHOOKS_READ],
        }),
        Some(b"ek_test_other_org") => Ok(Caller {
            org: Org::B,
            scopes: &["*"],
        }),
        Some(b"ek_test_revoked") => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "KEY_REVOKED",
            "This API key has been revoked",
        )),
        Some(b"ek_test_expired") => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "KEY_EXPIRED",
            "This API key has expired",
        )),
        Some(_) => unauthorized("Invalid API key"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_scopes() {
        let admin = authenticate(Some(b"ek_test_emulator")).expect("valid key");
        assert_eq!(admin.org, Org::A);
        assert!(admin.require(WEBHOOKS_WRITE).is_ok());

        let reader = authenticate(Some(b"ek_test_readonly")).expect("valid key");
        assert!(reader.require(WEBHOOKS_READ).is_ok());
        let error = reader.require(WEBHOOKS_WRITE).expect_err("read-only");
        assert_eq!(error.code, "INSUFFICIENT_SCOPE");
        assert_eq!(
            error.message,
            "API key lacks required scope: webhooks:write"
        );

        assert_eq!(
            authenticate(Some(b"ek_test_other_org")).expect("valid").org,
            Org::B
        );
        for (key, code) in [
            (Some(&b"ek_test_revoked"[..]), "KEY_REVOKED"),
            (Some(b"ek_test_expired"), "KEY_EXPIRED"),
            (Some(b"ek_test_emulator "), "UNAUTHORIZED"),
            (Some(b""), "UNAUTHORIZED"),
            (None, "UNAUTHORIZED"),
        ] {
            let error = authenticate(key).expect_err("rejected");
            assert_eq!((error.status.as_u16(), &*error.code), (401, code));
        }
    }
}
