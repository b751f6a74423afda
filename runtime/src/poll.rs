//! Polling a job or a task until it ends, without choosing an async
//! runtime: [`Backoff`], [`wait_for_job`] and
//! [`wait_for_task`](crate::wait_for_task), on one polling loop.

use core::fmt;
use core::future::Future;
use core::time::Duration;

use crate::{BatchTarget, JobState, JobStatus};

/// How long to wait between polls of a job, and for how long in all.
///
/// The delays start at `initial`, grow by `factor` after each poll, and never
/// exceed `cap`; polling stops once the delays slept add up to `deadline`.
/// Time is counted from the delays requested, not read from a clock, so a
/// test clock (or any runtime's sleep) gives the same schedule. The time the
/// fetches themselves take is not counted.
///
/// A `factor` below 1 (or not a number) is taken as 1, a delay is never
/// shorter than 1 ms (so a zero `initial` cannot poll in a tight loop), and
/// growth that overflows stops at `cap`: no setting can panic.
///
/// ```
/// use std::time::Duration;
/// use task_envelope::Backoff;
///
/// let backoff = Backoff::default();
/// assert_eq!(backoff.initial, Duration::from_secs(1));
/// assert_eq!(backoff.factor, 1.5);
/// assert_eq!(backoff.cap, Duration::from_secs(15));
/// assert_eq!(backoff.deadline, Duration::from_secs(600));
///
/// let first: Vec<f64> = backoff.delays().take(4).map(|d| d.as_secs_f64()).collect();
/// assert_eq!(first, [1.0, 1.5, 2.25, 3.375]);
/// assert_eq!(backoff.delays().nth(20), Some(Duration::from_secs(15)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Backoff {
    /// The first delay. Default: 1 s.
    pub initial: Duration,
    /// How much each delay grows over the one before. Default: 1.5.
    pub factor: f64,
    /// The longest delay. Default: 15 s.
    pub cap: Duration,
    /// The most time to spend waiting in all. Default: 10 minutes.
    pub deadline: Duration,
}

/// The shortest delay [`Backoff`] uses.
const MIN_DELAY: Duration = Duration::from_millis(1);

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            initial: Duration::from_secs(1),
            factor: 1.5,
            cap: Duration::from_secs(15),
            deadline: Duration::from_secs(600),
        }
    }
}

impl Backoff {
    /// The delays between polls, without end (the deadline is applied by
    /// [`wait_for_job`]).
    #[must_use]
    pub fn delays(&self) -> Delays {
        let cap = self.cap.max(MIN_DELAY);
        Delays {
            next: self.initial.clamp(MIN_DELAY, cap),
            factor: if self.factor >= 1.0 { self.factor } else { 1.0 },
            cap,
        }
    }
}

/// The delays of a [`Backoff`], from [`Backoff::delays`].
#[derive(Debug, Clone)]
pub struct Delays {
    next: Duration,
    factor: f64,
    cap: Duration,
}

impl Iterator for Delays {
    type Item = Duration;

    fn next(&mut self) -> Option<Duration> {
        let delay = self.next;
        self.next = Duration::try_from_secs_f64(delay.as_secs_f64() * self.factor)
            .map_or(self.cap, |grown| grown.min(self.cap));
        Some(delay)
    }
}

/// Polls a job until it ends, sleeping by `backoff` between polls.
///
/// `fetch` makes the future that fetches the job's status (your HTTP call);
/// `sleep` makes the future that waits (`tokio::time::sleep`,
/// `async_std::task::sleep`, or a test clock). Neither is tied to a runtime.
///
/// Returns the first terminal status (`SUCCESS` or `FAIL`, see
/// [`JobStatus::is_terminal`]; [`wait_for_job_until`] takes other end
/// states). Stops with [`WaitError::Deadline`] when the
/// job is still not terminal at a poll made once the delays slept reach
/// `backoff.deadline` (the last delay is shortened to end exactly there), and
/// with [`WaitError::Fetch`] on the first error of `fetch` (retrying a failed
/// fetch is the fetch's own business). Both carry the number of polls made.
///
/// ```
/// use std::cell::RefCell;
/// use std::future::{Future, ready};
/// use std::task::{Context, Poll, Waker};
/// use std::time::Duration;
/// use task_envelope::{Backoff, JobStatus, Resource, wait_for_job};
///
/// #[derive(Resource)]
/// struct Server { #[resource(id)] server_id: String }
///
/// // Two polls see RUNNING, the third SUCCESS.
/// let replies = RefCell::new(vec![
///     r#"{"status": "SUCCESS", "job_id": "j"}"#,
///     r#"{"status": "RUNNING", "job_id": "j"}"#,
///     r#"{"status": "RUNNING", "job_id": "j"}"#,
/// ]);
/// let slept = RefCell::new(Vec::new());
/// let waiting = wait_for_job(
///     Backoff::default(),
///     || ready(serde_json::from_str::<JobStatus<Server>>(replies.borrow_mut().pop().unwrap())),
///     |delay| { slept.borrow_mut().push(delay); ready(()) },
/// );
///
/// // These futures are ready at once; a real program awaits on its runtime.
/// let mut waiting = std::pin::pin!(waiting);
/// let Poll::Ready(done) = waiting.as_mut().poll(&mut Context::from_waker(Waker::noop())) else {
///     unreachable!()
/// };
/// assert!(done.unwrap().status.is_success());
/// assert_eq!(*slept.borrow(), [Duration::from_secs(1), Duration::from_millis(1500)]);
/// ```
pub async fn wait_for_job<R, P, E, Fetch, FetchFuture, Sleep, SleepFuture>(
    backoff: Backoff,
    fetch: Fetch,
    sleep: Sleep,
) -> Result<JobStatus<R, P>, WaitError<R, E, P>>
where
    R: BatchTarget,
    Fetch: FnMut() -> FetchFuture,
    FetchFuture: Future<Output = Result<JobStatus<R, P>, E>>,
    Sleep: FnMut(Duration) -> SleepFuture,
    SleepFuture: Future<Output = ()>,
{
    wait_for_job_until(backoff, JobState::is_terminal, fetch, sleep).await
}

/// [`wait_for_job`] for a service whose jobs end in other states: polling
/// stops at the first status whose state `ends` says is an end.
///
/// Services differ: one ends with `SUCCESS`/`FAIL`, another with
/// `Completed`, a third with a lower-case `failed`. Those this crate does
/// not name are [`JobState::Unknown`], matched by their text.
///
/// ```
/// use std::future::{Future, ready};
/// use std::task::{Context, Poll, Waker};
/// use task_envelope::{Backoff, JobState, JobStatus, Resource, wait_for_job_until};
///
/// #[derive(Resource)]
/// struct Server { #[resource(id)] server_id: String }
///
/// let ends = |state: &JobState| {
///     state.is_terminal() || matches!(state.as_str(), "Completed" | "failed")
/// };
/// let waiting = wait_for_job_until(
///     Backoff::default(),
///     ends,
///     || ready(serde_json::from_str::<JobStatus<Server>>(r#"{"status": "Completed", "job_id": "j"}"#)),
///     |_| ready(()),
/// );
/// let mut waiting = std::pin::pin!(waiting);
/// let Poll::Ready(done) = waiting.as_mut().poll(&mut Context::from_waker(Waker::noop())) else {
///     unreachable!()
/// };
/// assert_eq!(done.unwrap().status.as_str(), "Completed");
/// ```
pub async fn wait_for_job_until<R, P, E, Ends, Fetch, FetchFuture, Sleep, SleepFuture>(
    backoff: Backoff,
    ends: Ends,
    fetch: Fetch,
    sleep: Sleep,
) -> Result<JobStatus<R, P>, WaitError<R, E, P>>
where
    R: BatchTarget,
    Ends: Fn(&JobState) -> bool,
    Fetch: FnMut() -> FetchFuture,
    FetchFuture: Future<Output = Result<JobStatus<R, P>, E>>,
    Sleep: FnMut(Duration) -> SleepFuture,
    SleepFuture: Future<Output = ()>,
{
    match poll_until(
        backoff,
        |status: &JobStatus<R, P>| ends(&status.status),
        fetch,
        sleep,
    )
    .await
    {
        Ok(status) => Ok(status),
        Err(Stop::Fetch { attempts, error }) => Err(WaitError::Fetch { attempts, error }),
        Err(Stop::Deadline {
            attempts,
            waited,
            last,
        }) => Err(WaitError::Deadline {
            attempts,
            waited,
            last: Box::new(last),
        }),
    }
}

/// Why [`poll_until`] stopped without an end.
pub(crate) enum Stop<S, E> {
    /// The deadline came; `last` is the last status fetched.
    Deadline {
        attempts: u32,
        waited: Duration,
        last: S,
    },
    /// A fetch failed.
    Fetch { attempts: u32, error: E },
}

/// The one polling loop: fetches until `ends` says a status is an end,
/// sleeping by `backoff` between fetches; stops at the deadline (checked
/// after each fetch, the last delay shortened to end exactly there) or at
/// the first failed fetch. Returns the status that ended it.
pub(crate) async fn poll_until<S, E, Ends, Fetch, FetchFuture, Sleep, SleepFuture>(
    backoff: Backoff,
    ends: Ends,
    mut fetch: Fetch,
    mut sleep: Sleep,
) -> Result<S, Stop<S, E>>
where
    Ends: Fn(&S) -> bool,
    Fetch: FnMut() -> FetchFuture,
    FetchFuture: Future<Output = Result<S, E>>,
    Sleep: FnMut(Duration) -> SleepFuture,
    SleepFuture: Future<Output = ()>,
{
    let mut delays = backoff.delays();
    let mut attempts: u32 = 0;
    let mut waited = Duration::ZERO;
    loop {
        attempts = attempts.saturating_add(1);
        let status = match fetch().await {
            Ok(status) => status,
            Err(error) => return Err(Stop::Fetch { attempts, error }),
        };
        if ends(&status) {
            return Ok(status);
        }
        let left = backoff.deadline.saturating_sub(waited);
        if left.is_zero() {
            return Err(Stop::Deadline {
                attempts,
                waited,
                last: status,
            });
        }
        let delay = delays.next().unwrap_or(MIN_DELAY).min(left);
        sleep(delay).await;
        waited += delay;
    }
}

/// Why [`wait_for_job`] stopped before the job ended (`P` is the job
/// status's payload type, `()` by default).
#[non_exhaustive]
pub enum WaitError<R: BatchTarget, E, P = ()> {
    /// The job had not ended when the deadline came.
    Deadline {
        /// How many times the status was fetched.
        attempts: u32,
        /// How long was slept between polls in all.
        waited: Duration,
        /// The last status fetched.
        last: Box<JobStatus<R, P>>,
    },
    /// Fetching the status failed.
    Fetch {
        /// How many fetches were made, the failed one included.
        attempts: u32,
        /// The fetch's error.
        error: E,
    },
}

impl<R: BatchTarget, E, P> WaitError<R, E, P> {
    /// How many times the status was fetched (or tried).
    #[must_use]
    pub fn attempts(&self) -> u32 {
        match self {
            WaitError::Deadline { attempts, .. } | WaitError::Fetch { attempts, .. } => *attempts,
        }
    }
}

impl<R: BatchTarget, E: fmt::Debug, P: fmt::Debug> fmt::Debug for WaitError<R, E, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitError::Deadline {
                attempts,
                waited,
                last,
            } => f
                .debug_struct("Deadline")
                .field("attempts", attempts)
                .field("waited", waited)
                .field("last", last)
                .finish(),
            WaitError::Fetch { attempts, error } => f
                .debug_struct("Fetch")
                .field("attempts", attempts)
                .field("error", error)
                .finish(),
        }
    }
}

impl<R: BatchTarget, E: fmt::Display, P> fmt::Display for WaitError<R, E, P> {
    /// One line, such as `job j-1 did not reach an end state after 12 polls
    /// over 600s (last state RUNNING)`: the state is the last one fetched,
    /// which the caller's end states did not include.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitError::Deadline {
                attempts,
                waited,
                last,
            } => write!(
                f,
                "job {} did not reach an end state after {attempts} polls over {waited:?} (last state {})",
                crate::text::OneLine(last.job_id.as_str()),
                crate::text::OneLine(last.status.as_str()),
            ),
            WaitError::Fetch { attempts, error } => {
                write!(
                    f,
                    "fetching the job status failed at poll {attempts}: {error}"
                )
            }
        }
    }
}

impl<R: BatchTarget, E: std::error::Error + 'static, P: fmt::Debug> std::error::Error
    for WaitError<R, E, P>
{
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WaitError::Fetch { error, .. } => Some(error),
            WaitError::Deadline { .. } => None,
        }
    }
}
