//! [`JobState`]: the `status` of a job or sub-job.

use core::fmt;

use serde::de::{Deserialize, DeserializeSeed, Deserializer};
use serde::ser::{Serialize, Serializer};

use crate::wire::{Field, TextSeed};

/// The state of a job or sub-job, as the status query reports it.
///
/// A state this crate does not know is kept as [`JobState::Unknown`] with its
/// text, so a provider that adds a state never breaks parsing; it is written
/// back unchanged. Names are matched exactly (`"SUCCESS"`, not `"success"`).
///
/// ```
/// use task_envelope::JobState;
///
/// assert_eq!(JobState::from("RUNNING"), JobState::Running);
/// assert!(JobState::from("SUCCESS").is_terminal());
/// let new = JobState::from("ROLLING_BACK");
/// assert_eq!(new, JobState::Unknown("ROLLING_BACK".into()));
/// assert!(!new.is_terminal());
/// assert_eq!(new.to_string(), "ROLLING_BACK");
/// ```
///
/// More states may be named in later versions (a state that is `Unknown`
/// today may get its own variant), so the enum is `#[non_exhaustive]`;
/// match on [`as_str`](Self::as_str) for a service's own states, and give
/// [`wait_for_job_until`](crate::wait_for_job_until) the states that end
/// its jobs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JobState {
    /// `INIT`: created, not started.
    Init,
    /// `RUNNING`: in progress.
    Running,
    /// `SUCCESS`: finished and succeeded (terminal).
    Success,
    /// `FAIL`: finished and failed (terminal).
    Fail,
    /// `PENDING_PAYMENT`: waiting for an order to be paid (not terminal).
    PendingPayment,
    /// Any other state, kept as sent. Not terminal.
    Unknown(String),
}

impl JobState {
    /// The state as it is written on the wire.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            JobState::Init => "INIT",
            JobState::Running => "RUNNING",
            JobState::Success => "SUCCESS",
            JobState::Fail => "FAIL",
            JobState::PendingPayment => "PENDING_PAYMENT",
            JobState::Unknown(state) => state,
        }
    }

    /// Whether the job has finished: [`Success`](JobState::Success) or
    /// [`Fail`](JobState::Fail). Polling stops at a terminal state.
    #[must_use]
    pub fn is_terminal(&self) -> bool {
        matches!(self, JobState::Success | JobState::Fail)
    }

    /// Whether this is [`Success`](JobState::Success).
    #[must_use]
    pub fn is_success(&self) -> bool {
        matches!(self, JobState::Success)
    }

    fn known(state: &str) -> Option<JobState> {
        Some(match state {
            "INIT" => JobState::Init,
            "RUNNING" => JobState::Running,
            "SUCCESS" => JobState::Success,
            "FAIL" => JobState::Fail,
            "PENDING_PAYMENT" => JobState::PendingPayment,
            _ => return None,
        })
    }
}

impl From<&str> for JobState {
    fn from(state: &str) -> Self {
        JobState::known(state).unwrap_or_else(|| JobState::Unknown(state.to_owned()))
    }
}

impl From<String> for JobState {
    fn from(state: String) -> Self {
        JobState::known(&state).unwrap_or(JobState::Unknown(state))
    }
}

impl fmt::Display for JobState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for JobState {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for JobState {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        JobStateSeed(Field::standalone("the job state")).deserialize(deserializer)
    }
}

/// Reads a [`JobState`], naming `field` when the value is not a string.
pub(crate) struct JobStateSeed<'a>(pub(crate) Field<'a>);

impl<'de> DeserializeSeed<'de> for JobStateSeed<'_> {
    type Value = JobState;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<JobState, D::Error> {
        TextSeed::<String>::text(self.0)
            .deserialize(deserializer)
            .map(JobState::from)
    }
}
