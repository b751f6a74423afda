//! [`wait_for_task`]: polling a task number until its task ends.

use core::fmt;
use core::future::Future;
use core::time::Duration;

use crate::poll::{Stop, poll_until};
use crate::text::OneLine;
use crate::{Backoff, TaskError};

use super::TaskStatus;

/// Polls a task number until its task ends, sleeping by `backoff` between
/// polls: the task-result twin of [`wait_for_job`](crate::wait_for_job), on
/// the same loop and the same [`Backoff`].
///
/// `fetch` makes the future that asks for the task's result (your HTTP call
/// to `DescribeLoadBalancersTaskResult` or its like); `sleep` makes the
/// future that waits. Returns the first status whose task succeeded or
/// failed. Stops with [`TaskWaitError::Refused`] when the poll call itself
/// is refused (a non-zero `code`: that is the call's failure, not the
/// task's), [`TaskWaitError::Fetch`] on the first error of `fetch`, and
/// [`TaskWaitError::Deadline`] as `wait_for_job` does.
///
/// ```
/// use std::cell::RefCell;
/// use std::future::{Future, ready};
/// use std::task::{Context, Poll, Waker};
/// use task_envelope::{Backoff, TaskState, TaskStatus, wait_for_task};
///
/// let replies = RefCell::new(vec![
///     r#"{"code": 0, "message": "", "data": {"status": 0}}"#,
///     r#"{"code": 0, "message": "", "data": {"status": 2}}"#,
/// ]);
/// let waiting = wait_for_task(
///     Backoff::default(),
///     || ready(serde_json::from_str::<TaskStatus>(replies.borrow_mut().pop().unwrap())),
///     |_| ready(()),
/// );
/// let mut waiting = std::pin::pin!(waiting);
/// let Poll::Ready(done) = waiting.as_mut().poll(&mut Context::from_waker(Waker::noop())) else {
///     unreachable!()
/// };
/// assert_eq!(done.unwrap().state(), Some(TaskState::Succeeded));
/// ```
pub async fn wait_for_task<P, E, Fetch, FetchFuture, Sleep, SleepFuture>(
    backoff: Backoff,
    fetch: Fetch,
    sleep: Sleep,
) -> Result<TaskStatus<P>, TaskWaitError<P, E>>
where
    Fetch: FnMut() -> FetchFuture,
    FetchFuture: Future<Output = Result<TaskStatus<P>, E>>,
    Sleep: FnMut(Duration) -> SleepFuture,
    SleepFuture: Future<Output = ()>,
{
    // Ends at a task's end or at the poll call's own failure (a non-zero code),
    // told apart below without building the error at every poll.
    let ends =
        |status: &TaskStatus<P>| status.is_terminal() || !crate::rule::succeeded(status.code);
    match poll_until(backoff, ends, fetch, sleep).await {
        Ok(status) => match status.call_error() {
            Some(error) => Err(TaskWaitError::Refused { error }),
            None => Ok(status),
        },
        Err(Stop::Fetch { attempts, error }) => Err(TaskWaitError::Fetch { attempts, error }),
        Err(Stop::Deadline {
            attempts,
            waited,
            last,
        }) => Err(TaskWaitError::Deadline {
            attempts,
            waited,
            last: Box::new(last),
        }),
    }
}

/// Why [`wait_for_task`] stopped before the task ended: the shape of
/// [`WaitError`](crate::WaitError), and the poll call's own refusal.
#[derive(Debug)]
#[non_exhaustive]
pub enum TaskWaitError<P, E> {
    /// The task had not ended when the deadline came.
    Deadline {
        /// How many times the result was fetched.
        attempts: u32,
        /// How long was slept between polls in all.
        waited: Duration,
        /// The last status fetched.
        last: Box<TaskStatus<P>>,
    },
    /// Fetching the result failed.
    Fetch {
        /// How many fetches were made, the failed one included.
        attempts: u32,
        /// The fetch's error.
        error: E,
    },
    /// The provider refused the poll call (a non-zero `code`): an unknown
    /// task number, say. The task's own fate is not known.
    Refused {
        /// The call's failure.
        error: TaskError,
    },
}

impl<P, E: fmt::Display> fmt::Display for TaskWaitError<P, E> {
    /// One line, such as `the task did not end after 12 polls over 600s
    /// (last: running)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaskWaitError::Deadline {
                attempts,
                waited,
                last,
            } => write!(
                f,
                "the task did not end after {attempts} polls over {waited:?} (last: {})",
                OneLine(&last.to_string())
            ),
            TaskWaitError::Fetch { attempts, error } => {
                write!(
                    f,
                    "fetching the task result failed at poll {attempts}: {error}"
                )
            }
            TaskWaitError::Refused { error } => {
                write!(f, "the task-result poll was refused: {error}")
            }
        }
    }
}

impl<P: fmt::Debug, E: std::error::Error + 'static> std::error::Error for TaskWaitError<P, E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TaskWaitError::Fetch { error, .. } => Some(error),
            TaskWaitError::Refused { error } => Some(error),
            TaskWaitError::Deadline { .. } => None,
        }
    }
}
