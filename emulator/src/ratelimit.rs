//! Sliding-window rate limits per API key: by default 60 requests a minute and 1000 an hour,
//! checked independently, as the API documents.
//!
//! The limiter remembers when each accepted request arrived (at most an hour's worth per key), so
//! a window really slides instead of resetting on the minute. Rejected requests are not counted:
//! a client that backs off as told gets through when `Retry-After` says it will, and so does one
//! that waits until the Unix second `X-RateLimit-Reset` names.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// Past this many keys, keys with no request in the last hour are forgotten.
const KEYS_BEFORE_CLEANUP: usize = 10_000;

/// The lengths of the two windows: a minute and an hour, except in tests of the emulator itself,
/// which shorten them so as not to wait a minute for a window to slide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RateWindows {
    pub(crate) minute: Duration,
    pub(crate) hour: Duration,
}

impl Default for RateWindows {
    fn default() -> Self {
        RateWindows {
            minute: Duration::from_secs(60),
            hour: Duration::from_secs(3600),
        }
    }
}

/// What the `X-RateLimit-*` headers say: the window with the fewest requests left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quota {
    pub(crate) limit: u32,
    pub(crate) remaining: u32,
    /// The first whole Unix second at which `remaining` has grown (for a rejected request: at
    /// which a request is allowed again). Rounded up, so a client that waits until this second
    /// has begun is never early.
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
    windows: RateWindows,
    hits: HashMap<String, VecDeque<Instant>>,
}

impl RateLimiter {
    pub(crate) fn new(per_minute: u32, per_hour: u32, windows: RateWindows) -> RateLimiter {
        RateLimiter {
            per_minute,
            per_hour,
            windows,
            hits: HashMap::new(),
        }
    }

    /// The longest window, beyond which no request matters.
    fn longest(&self) -> Duration {
        self.windows.minute.max(self.windows.hour)
    }

    /// Counts a request from `key` if both windows have room, else says how long to wait.
    ///
    /// `now` and `unix_now` (the time since the Unix epoch, with its fraction of a second) are
    /// the same moment; read `now` first, so that `unix_now` is if anything a little late and
    /// the reset time a little later than it needs to be, never earlier.
    pub(crate) fn check(&mut self, key: &str, now: Instant, unix_now: Duration) -> Verdict {
        let longest = self.longest();
        if self.hits.len() > KEYS_BEFORE_CLEANUP {
            self.hits.retain(|_, hits| {
                prune(hits, longest, now);
                !hits.is_empty()
            });
        }
        let (per_minute, per_hour, windows) = (self.per_minute, self.per_hour, self.windows);
        let hits = self.hits.entry(key.to_owned()).or_default();
        prune(hits, longest, now);
        let minute_full = in_window(hits, windows.minute, now) >= per_minute as usize;
        let hour_full = in_window(hits, windows.hour, now) >= per_hour as usize;
        if !minute_full && !hour_full {
            hits.push_back(now);
            return Verdict::Allowed(quota(hits, per_minute, per_hour, windows, now, unix_now));
        }
        let minute_wait = minute_full.then(|| wait_for_room(hits, per_minute, windows.minute, now));
        let hour_wait = hour_full.then(|| wait_for_room(hits, per_hour, windows.hour, now));
        let (limit, wait) = match (minute_wait, hour_wait) {
            (Some(minute), Some(hour)) if hour > minute => (per_hour, hour),
            (Some(minute), _) => (per_minute, minute),
            (None, Some(hour)) => (per_hour, hour),
            (None, None) => (per_minute, Duration::from_secs(1)), // not reached: one is full
        };
        Verdict::Limited {
            quota: Quota {
                limit,
                remaining: 0,
                reset: unix_secs_after(unix_now, wait),
            },
            retry_after: ceil_secs(wait).max(1),
        }
    }

    /// The quota `key` has now, without counting a request.
    pub(crate) fn peek(&mut self, key: &str, now: Instant, unix_now: Duration) -> Quota {
        let longest = self.longest();
        let (per_minute, per_hour, windows) = (self.per_minute, self.per_hour, self.windows);
        match self.hits.get_mut(key) {
            Some(hits) => {
                prune(hits, longest, now);
                quota(hits, per_minute, per_hour, windows, now, unix_now)
            }
            None => quota(
                &VecDeque::new(),
                per_minute,
                per_hour,
                windows,
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
fn prune(hits: &mut VecDeque<Instant>, longest: Duration, now: Instant) {
    while hits
        .front()
        .is_some_and(|t| now.saturating_duration_since(*t) >= longest)
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

/// How long until `window` holds fewer than `limit` requests.
fn wait_for_room(hits: &VecDeque<Instant>, limit: u32, window: Duration, now: Instant) -> Duration {
    let start = window_start(hits, window, now);
    let count = hits.len() - start;
    // With a limit of 0 nothing ever gets through; tell the client to wait a whole window.
    let Some(excess) = (count + 1)
        .checked_sub(limit as usize)
        .filter(|_| limit > 0)
    else {
        return window;
    };
    match hits.get(start + excess - 1) {
        Some(t) => window.saturating_sub(now.saturating_duration_since(*t)),
        None => Duration::from_secs(1),
    }
}

fn quota(
    hits: &VecDeque<Instant>,
    per_minute: u32,
    per_hour: u32,
    windows: RateWindows,
    now: Instant,
    unix_now: Duration,
) -> Quota {
    let minute_left = (per_minute as usize).saturating_sub(in_window(hits, windows.minute, now));
    let hour_left = (per_hour as usize).saturating_sub(in_window(hits, windows.hour, now));
    let (limit, remaining, window) = if minute_left <= hour_left {
        (per_minute, minute_left, windows.minute)
    } else {
        (per_hour, hour_left, windows.hour)
    };
    let oldest = hits.get(window_start(hits, window, now));
    let wait = match oldest {
        Some(t) => window.saturating_sub(now.saturating_duration_since(*t)),
        None => Duration::ZERO,
    };
    Quota {
        limit,
        remaining: u32::try_from(remaining).unwrap_or(u32::MAX),
        reset: unix_secs_after(unix_now, wait),
    }
}

/// The first whole Unix second at or after `unix_now + wait`.
pub(crate) fn unix_secs_after(unix_now: Duration, wait: Duration) -> u64 {
    ceil_secs(unix_now.saturating_add(wait))
}

fn ceil_secs(duration: Duration) -> u64 {
    duration
        .as_secs()
        .saturating_add(u64::from(duration.subsec_nanos() > 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    #[test]
    fn minute_window_slides() {
        let mut limiter = RateLimiter::new(3, 1000, RateWindows::default());
        let t0 = Instant::now();
        for (i, remaining) in [2, 1, 0].into_iter().enumerate() {
            let offset = i as u64 * 10;
            let verdict = limiter.check("k", t0 + secs(offset), secs(1000 + offset));
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
            limiter.check("k", t0 + secs(25), secs(2000)),
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
            limiter.check("other", t0 + secs(25), secs(2000)),
            Verdict::Allowed(_)
        ));
        // Rejected requests were not counted: at t0+60 there is room again.
        assert!(matches!(
            limiter.check("k", t0 + secs(60), secs(3000)),
            Verdict::Allowed(Quota { remaining: 0, .. })
        ));
    }

    #[test]
    fn hour_window_and_header_choice() {
        let mut limiter = RateLimiter::new(60, 4, RateWindows::default());
        let t0 = Instant::now();
        let first = limiter.check("k", t0, secs(0));
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
                limiter.check("k", t0 + secs(i * 100), secs(0)),
                Verdict::Allowed(_)
            ));
        }
        assert_eq!(
            limiter.check("k", t0 + secs(1000), secs(0)),
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
            limiter.peek("k", t0 + secs(1000), secs(0)),
            Quota {
                limit: 4,
                remaining: 0,
                reset: 2600
            }
        );
        limiter.clear();
        assert_eq!(limiter.peek("k", t0, secs(7)).remaining, 4);
    }

    #[test]
    fn zero_limit_blocks_everything() {
        let mut limiter = RateLimiter::new(0, 1000, RateWindows::default());
        assert_eq!(
            limiter.check("k", Instant::now(), secs(0)),
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

    #[test]
    fn reset_is_the_first_whole_second_with_room() {
        let mut limiter = RateLimiter::new(1, 1000, RateWindows::default());
        let t0 = Instant::now();
        let unix = |millis: u64| Duration::from_millis(1_000_700 + millis);
        // Accepted at Unix 1000.7: the window has room again at 1060.7, so in second 1061.
        assert_eq!(
            limiter.check("k", t0, unix(0)),
            Verdict::Allowed(Quota {
                limit: 1,
                remaining: 0,
                reset: 1061
            })
        );
        // Refused at 1010.9: 49.8 s to wait, so Retry-After 50 and the same reset second.
        assert_eq!(
            limiter.check("k", t0 + Duration::from_millis(10_200), unix(10_200)),
            Verdict::Limited {
                quota: Quota {
                    limit: 1,
                    remaining: 0,
                    reset: 1061
                },
                retry_after: 50
            }
        );
        // At the start of second 1061 the window has room.
        assert!(matches!(
            limiter.check("k", t0 + Duration::from_millis(60_300), unix(60_300)),
            Verdict::Allowed(_)
        ));
    }

    #[test]
    fn short_windows_for_tests() {
        let windows = RateWindows {
            minute: Duration::from_millis(1500),
            hour: Duration::from_secs(5),
        };
        let mut limiter = RateLimiter::new(1, 2, windows);
        let t0 = Instant::now();
        assert!(matches!(
            limiter.check("k", t0, secs(100)),
            Verdict::Allowed(Quota { reset: 102, .. })
        ));
        assert_eq!(
            limiter.check("k", t0 + secs(1), secs(101)),
            Verdict::Limited {
                quota: Quota {
                    limit: 1,
                    remaining: 0,
                    reset: 102
                },
                retry_after: 1
            }
        );
        assert!(matches!(
            limiter.check("k", t0 + secs(2), secs(102)),
            Verdict::Allowed(_)
        ));
        // Two in the "hour" of 5 s: the next room is when the first leaves it, at t0 + 5.
        assert_eq!(
            limiter.check("k", t0 + secs(4), secs(104)),
            Verdict::Limited {
                quota: Quota {
                    limit: 2,
                    remaining: 0,
                    reset: 105
                },
                retry_after: 1
            }
        );
    }
}
