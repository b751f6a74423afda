//! Judging a job by its status: [`JobStatus::outcome`] by the outer-code
//! rule, and [`JobStatus::verify`], which also checks the job's summary
//! against its sub-jobs ([`JobStatusError`]).

use core::fmt;
use std::collections::HashSet;

use super::JobStatus;
use crate::BatchOutcome;
use crate::text::OneLine;
use crate::{BatchTarget, JobState};

impl<R: BatchTarget, P> JobStatus<R, P> {
    /// Whether the job has finished (`SUCCESS` or `FAIL`).
    #[must_use]
    pub fn is_terminal(&self) -> bool {
        self.status.is_terminal()
    }

    /// What the job's results say: `None` while the job is not terminal;
    /// otherwise the 0 / 5100 / 5400 rule over the sub-jobs, where a sub-job
    /// that did not reach `SUCCESS` counts as failed, or, for a job without
    /// sub-jobs, its own status.
    #[must_use]
    pub fn outcome(&self) -> Option<BatchOutcome> {
        if !self.is_terminal() {
            return None;
        }
        let sub_jobs = &self.entities.sub_jobs;
        if sub_jobs.is_empty() {
            return Some(if self.status.is_success() {
                BatchOutcome::AllSucceeded
            } else {
                BatchOutcome::AllFailed
            });
        }
        let failed = sub_jobs
            .iter()
            .filter(|sub| !sub.status.is_success())
            .count();
        Some(crate::rule::judge(failed, sub_jobs.len()))
    }

    /// Checks that the job's summary agrees with its sub-jobs, then returns
    /// [`outcome()`](Self::outcome). The checks, in this order:
    ///
    /// 1. no two sub-jobs name the same resource
    ///    ([`JobStatusError::DuplicateResourceId`]);
    /// 2. `sub_jobs_total`, when sent, is the number of sub-jobs listed
    ///    ([`JobStatusError::SubJobCountMismatch`]);
    /// 3. a terminal job's own status agrees with its sub-jobs: `SUCCESS`
    ///    only when every sub-job succeeded, `FAIL` only when one did not
    ///    ([`JobStatusError::StatusMismatch`]).
    ///
    /// ```
    /// # use task_envelope::{BatchOutcome, JobState, JobStatus, JobStatusError};
    /// # #[derive(task_envelope::Resource)]
    /// # struct Server { #[resource(id)] server_id: String }
    /// let status: JobStatus<Server> = serde_json::from_str(r#"{
    ///     "status": "SUCCESS", "job_id": "j-1",
    ///     "entities": {"sub_jobs": [{"status": "FAIL", "job_id": "j-1a"}]}}"#).unwrap();
    /// assert_eq!(
    ///     status.verify(),
    ///     Err(JobStatusError::StatusMismatch {
    ///         status: JobState::Success,
    ///         outcome: BatchOutcome::AllFailed,
    ///     }),
    /// );
    /// ```
    pub fn verify(&self) -> Result<Option<BatchOutcome>, JobStatusError> {
        let sub_jobs = &self.entities.sub_jobs;
        let mut seen = HashSet::with_capacity(sub_jobs.len());
        for id in sub_jobs.iter().filter_map(|sub| sub.resource_id.as_ref()) {
            if !seen.insert(id) {
                return Err(JobStatusError::DuplicateResourceId { id: id.to_string() });
            }
        }
        if let Some(declared) = self.entities.sub_jobs_total {
            if usize::try_from(declared).ok() != Some(sub_jobs.len()) {
                return Err(JobStatusError::SubJobCountMismatch {
                    declared,
                    listed: sub_jobs.len(),
                });
            }
        }
        let outcome = self.outcome();
        match (&self.status, outcome) {
            (JobState::Success, Some(outcome)) if outcome != BatchOutcome::AllSucceeded => {
                Err(JobStatusError::StatusMismatch {
                    status: JobState::Success,
                    outcome,
                })
            }
            (JobState::Fail, Some(BatchOutcome::AllSucceeded)) if !sub_jobs.is_empty() => {
                Err(JobStatusError::StatusMismatch {
                    status: JobState::Fail,
                    outcome: BatchOutcome::AllSucceeded,
                })
            }
            _ => Ok(outcome),
        }
    }
}

/// Why [`JobStatus::verify`] refused a job status.
///
/// ```
/// use task_envelope::JobStatusError;
///
/// let error = JobStatusError::SubJobCountMismatch { declared: 3, listed: 2 };
/// assert_eq!(error.to_string(), "the job declares 3 sub-jobs but lists 2");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JobStatusError {
    /// Two sub-jobs name the same resource (the id, as displayed).
    DuplicateResourceId {
        /// The repeated resource id.
        id: String,
    },
    /// `sub_jobs_total` disagrees with the sub-jobs listed.
    SubJobCountMismatch {
        /// `sub_jobs_total`.
        declared: u64,
        /// How many sub-jobs the list holds.
        listed: usize,
    },
    /// The job's own terminal status disagrees with its sub-jobs.
    StatusMismatch {
        /// The job's status.
        status: JobState,
        /// What its sub-jobs say.
        outcome: BatchOutcome,
    },
}

impl fmt::Display for JobStatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JobStatusError::DuplicateResourceId { id } => write!(
                f,
                "two sub-jobs name the same resource {}",
                crate::text::IdText(id)
            ),
            JobStatusError::SubJobCountMismatch { declared, listed } => {
                write!(f, "the job declares {declared} sub-jobs but lists {listed}")
            }
            JobStatusError::StatusMismatch { status, outcome } => write!(
                f,
                "the job says {} but its sub-jobs say {outcome}",
                OneLine(status.as_str())
            ),
        }
    }
}

impl std::error::Error for JobStatusError {}
