//! Sliding-window rate limits per API key: by default 60 requests a minute and 1000 an hour,
//! checked independently, as the API documents.
//!
//! The limiter remembers when each accepted request arrived (at most an hour's worth per key), so
//! a window really slides instead of resetting on the minute. Rejected requests are not counted:
//! a client that backs off as told gets through when `Retry-After` says it will.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

const MINUTE: Duration = Duration::from_secs(60);
const HOUR: Duration = Duration::from_secs(3600);
/// Past this many keys, keys with no request in the last hour are forgotten.
const KEYS_BEFORE_CLEANUP: usize = 10_000;

/// What the `X-RateLimit-*` headers say: the window with the fewest requests left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quota {
    pub(crate) limit: u32,
    pub(crate) remaining: u32,
    /// Unix seconds at which `remaining` next grows.
    pub(crate) reset: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    Allowed(Quota),
    Limited { quota: Quota, retry_after: u64 },
}

#[derive(Debug)]
pub(crate) struct RateLimiter {
    per_minute: u32,
    per_hour: u32,
    hits: HashMap<String, VecDeque<Instant>>,
}

impl RateLimiter {
    pub(crate) fn new(per_minute: u32, per_hour: u32) -> RateLimiter {
        RateLimiter {
            per_minute,
            per_hour,
            hits: HashMap::new(),
        }
    }

    /// Counts a request from `key` if both windows have room, else says how long to wait.
    pub(crate) fn check(&mut self, key: &str, now: Instant, unix_now: u64) -> Verdict {
        if self.hits.len() > KEYS_BEFORE_CLEANUP {
            self.hits.retain(|_, hits| {
                prune(hits, now);
                !hits.is_empty()
            });
        }
        let (per_minute, per_hour) = (self.per_minute, self.per_hour);
        let hits = self.hits.entry(key.to_owned()).or_default();
        prune(hits, now);
        let minute_full = in_window(hits, MINUTE, now) >= per_minute as usize;
        let hour_full = hits.len() >= per_hour as usize;
        if !minute_full && !hour_full {
            hits.push_back(now);
            return Verdict::Allowed(quota(hits, per_minute, per_hour, now, unix_now));
        }
        let minute_wait = minute_full.then(|| wait_for_room(hits, per_minute, MINUTE, now));
        let hour_wait = hour_full.then(|| wait_for_room(hits, per_hour, HOUR, now));
        let (limit, retry_after) = match (minute_wait, hour_wait) {
            (Some(minute), Some(hour)) if hour > minute => (per_hour, hour),
            (Some(minute), _) => (per_minute, minute),
            (None, Some(hour)) => (per_hour, hour),
            (None, None) => (per_minute, 1), // not reached: one of the windows is full
        };
        Verdict::Limited {
            quota: Quota {
                limit,
                remaining: 0,
                reset: unix_now + retry_after,
            },
            retry_after,
        }
    }

    /// The quota `key` has now, without counting a request.
    pub(crate) fn peek(&mut self, key: &str, now: Instant, unix_now: u64) -> Quota {
        match self.hits.get_mut(key) {
            Some(hits) => {
                prune(hits, now);
                quota(hits, self.per_minute, self.per_hour, now, unix_now)
            }
            None => quota(
                &VecDeque::new(),
                self.per_minute,
                self.per_hour,
                now,
                unix_now,
            ),
        }
    }

    pub(crate) fn clear(&mut self) {
        self.hits.clear();
    }
}

/// Forgets requests older than the longest window.
fn prune(hits: &mut VecDeque<Instant>, now: Instant) {
    while hits
        .front()
        .is_some_and(|t| now.saturating_duration_since(*t) >= HOUR)
    {
        hits.pop_front();
    }
}

/// Index of the first request still inside `window`.
fn window_start(hits: &VecDeque<Instant>, window: Duration, now: Instant) -> usize {
    hits.partition_point(|t| now.saturating_duration_since(*t) >= window)
}

fn in_window(hits: &VecDeque<Instant>, window: Duration, now: Instant) -> usize {
    hits.len() - window_start(hits, window, now)
}

/// Whole seconds until `window` holds fewer than `limit` requests.
fn wait_for_room(hits: &VecDeque<Instant>, limit: u32, window: Duration, now: Instant) -> u64 {
    let start = window_start(hits, window, now);
    let count = hits.len() - start;
    // With a limit of 0 nothing ever gets through; tell the client to wait a whole window.
    let Some(excess) = (count + 1)
        .checked_sub(limit as usize)
        .filter(|_| limit > 0)
    else {
        return window.as_secs();
    };
    match hits.get(start + excess - 1) {
        Some(t) => ceil_secs(window.saturating_sub(now.saturating_duration_since(*t))).max(1),
        None => 1,
    }
}

fn quota(
    hits: &VecDeque<Instant>,
    per_minute: u32,
    per_hour: u32,
    now: Instant,
    unix_now: u64,
) -> Quota {
    let minute_count = in_window(hits, MINUTE, now);
    let minute_left = (per_minute as usize).saturating_sub(minute_count);
    let hour_left = (per_hour as usize).saturating_sub(hits.len());
    let (limit, remaining, window) = if minute_left <= hour_left {
        (per_minute, minute_left, MINUTE)
    } else {
        (per_hour, hour_left, HOUR)
    };
    let oldest = hits.get(window_start(hits, window, now));
    let reset = match oldest {
        Some(t) => unix_now + ceil_secs(window.saturating_sub(now.saturating_duration_since(*t))),
        None => unix_now,
    };
    Quota {
        limit,
        remaining: u32::try_from(remaining).unwrap_or(u32::MAX),
        reset,
    }
}

fn ceil_secs(duration: Duration) -> u64 {
    duration.as_secs() + u64::from(duration.subsec_nanos() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    #[test]
    fn minute_window_slides() {
        let mut limiter = RateLimiter::new(3, 1000);
        let t0 = Instant::now();
        for (i, remaining) in [2, 1, 0].into_iter().enumerate() {
            let offset = i as u64 * 10;
            let verdict = limiter.check("k", t0 + secs(offset), 1000 + offset);
            assert_eq!(
                verdict,
                Verdict::Allowed(Quota {
                    limit: 3,
                    remaining,
                    reset: 1060
                })
            );
        }
        // At t0+25 the oldest request (t0) leaves the window at t0+60: 35 s from now.
        assert_eq!(
            limiter.check("k", t0 + secs(25), 2000),
            Verdict::Limited {
                quota: Quota {
                    limit: 3,
                    remaining: 0,
                    reset: 2035
                },
                retry_after: 35
            }
        );
        // Another key has its own window.
        assert!(matches!(
            limiter.check("other", t0 + secs(25), 2000),
            Verdict::Allowed(_)
        ));
        // Rejected requests were not counted: at t0+60 there is room again.
        assert!(matches!(
            limiter.check("k", t0 + secs(60), 3000),
            Verdict::Allowed(Quota { remaining: 0, .. })
        ));
    }

    #[test]
    fn hour_window_and_header_choice() {
        let mut limiter = RateLimiter::new(60, 4);
        let t0 = Instant::now();
        let first = limiter.check("k", t0, 0);
        // 59 left this minute, 3 this hour: the headers describe the hour.
        assert_eq!(
            first,
            Verdict::Allowed(Quota {
                limit: 4,
                remaining: 3,
                reset: 3600
            })
        );
        for i in 1..4 {
            assert!(matches!(
                limiter.check("k", t0 + secs(i * 100), 0),
                Verdict::Allowed(_)
            ));
        }
        assert_eq!(
            limiter.check("k", t0 + secs(1000), 0),
            Verdict::Limited {
                quota: Quota {
                    limit: 4,
                    remaining: 0,
                    reset: 2600
                },
                retry_after: 2600
            }
        );
        assert_eq!(
            limiter.peek("k", t0 + secs(1000), 0),
            Quota {
                limit: 4,
                remaining: 0,
                reset: 2600
            }
        );
        limiter.clear();
        assert_eq!(limiter.peek("k", t0, 7).remaining, 4);
    }

    #[test]
    fn zero_limit_blocks_everything() {
        let mut limiter = RateLimiter::new(0, 1000);
        assert_eq!(
            limiter.check("k", Instant::now(), 0),
            Verdict::Limited {
                quota: Quota {
                    limit: 0,
                    remaining: 0,
                    reset: 60
                },
                retry_after: 60
            }
        );
    }
}
