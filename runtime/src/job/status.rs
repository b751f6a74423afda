//! [`JobStatus`]: what a job id is polled for, with its sub-jobs tied to
//! their resources, judged by the outer-code rule.

use core::fmt;
use std::collections::HashSet;

use crate::outcome::BatchOutcome;
use crate::text::OneLine;
use crate::{JobId, JobState, Resource};

/// The status of a job of the `job_id`/`error` dialect, as its status query
/// returns it (field names as the providers' SDKs define them).
///
/// ```json
/// {"status": "SUCCESS", "job_id": "j-1", "job_type": "batchStartServers",
///  "begin_time": "2026-11-23T10:00:00Z", "end_time": "2026-11-23T10:01:00Z",
///  "error_code": null, "fail_reason": null,
///  "entities": {"sub_jobs_total": 2, "sub_jobs": [
///     {"status": "SUCCESS", "job_id": "j-1a", "entities": {"server_id": "s-1"}},
///     {"status": "FAIL", "job_id": "j-1b", "error_code": "Ecs.0001",
///      "fail_reason": "locked", "entities": {"server_id": "s-2"}}]}}
/// ```
///
/// Each sub-job is tied to its resource: its id is read from
/// `entities[R::ID_FIELD]` and parsed as `R::Id` (a sub-job whose entities
/// lack it keeps `None`; it is never dropped). A single-resource job carries
/// its own id the same way, in [`JobEntities::resource_id`].
///
/// # Parsing rules
///
/// - `status` and `job_id` are required; an unknown status is kept as
///   [`JobState::Unknown`].
/// - `job_type`, `begin_time`, `end_time` may be absent or `null` (read as
///   `""`); `error_code` and `fail_reason` may be absent or `null` (`None`),
///   and `error_code` may be a string or an integer (kept as text).
/// - `entities` may be absent or `null`; a `null` resource id reads as `None`.
/// - Unknown keys are ignored; a repeated key is an error; errors name the
///   field and the sub-job (`` `status` in `entities.sub_jobs[2]` ``).
/// - A reply without `status` that is an error body (any shape
///   [`ApiError`](crate::ApiError) reads: `error`, `error_code` with
///   `error_msg`, `errorCode`, `code` with `message`, a fault such as
///   `itemNotFound`) means the status query itself failed: the parse error
///   is that error, one line, `the job status query failed: APIG.0101: API
///   does not exist (request_id r-1)`, not ``missing field `status` ``.
///
/// Writing gives back the same fields; `error_code`, `fail_reason`, the
/// resource id, `sub_jobs_total` and `sub_jobs` only when present.
///
/// # Judging the job
///
/// [`outcome()`](Self::outcome) is `None` while the job runs; once it is
/// terminal, the 0 / 5100 / 5400 rule is applied to the sub-jobs (a sub-job
/// that did not reach `SUCCESS` counts as failed), and a job without sub-jobs
/// is judged by its own status. [`verify()`](Self::verify) also checks that
/// the job's summary agrees with its sub-jobs.
///
/// ```
/// use task_envelope::{BatchOutcome, JobState, JobStatus, Resource};
///
/// #[derive(Resource)]
/// struct Server {
///     #[resource(id)]
///     server_id: String,
/// }
///
/// let status: JobStatus<Server> = serde_json::from_str(r#"{
///     "status": "FAIL", "job_id": "j-1",
///     "entities": {"sub_jobs_total": 2, "sub_jobs": [
///         {"status": "SUCCESS", "job_id": "j-1a", "entities": {"server_id": "s-1"}},
///         {"status": "FAIL", "job_id": "j-1b", "error_code": 4001, "entities": {"server_id": "s-2"}}
///     ]}
/// }"#).unwrap();
///
/// assert!(status.is_terminal());
/// assert_eq!(status.outcome(), Some(BatchOutcome::PartialFailure));
/// assert_eq!(status.verify(), Ok(Some(BatchOutcome::PartialFailure)));
/// let failed = &status.entities.sub_jobs[1];
/// assert_eq!(failed.resource_id.as_deref(), Some("s-2"));
/// assert_eq!(failed.error_code.as_deref(), Some("4001"));
/// ```
pub struct JobStatus<R: Resource> {
    /// The job's state.
    pub status: JobState,
    /// The job's id.
    pub job_id: JobId,
    /// The kind of job, such as `"batchStartServers"` (`""` when absent).
    pub job_type: String,
    /// When the job started, as sent (`""` when absent).
    pub begin_time: String,
    /// When the job ended, as sent (`""` when absent).
    pub end_time: String,
    /// The job's error code, as text.
    pub error_code: Option<String>,
    /// Why the job failed.
    pub fail_reason: Option<String>,
    /// The resource and the sub-jobs the job is about.
    pub entities: JobEntities<R>,
}

/// The `entities` of a [`JobStatus`].
pub struct JobEntities<R: Resource> {
    /// `entities[R::ID_FIELD]`: the resource of a single-resource job.
    pub resource_id: Option<R::Id>,
    /// `sub_jobs_total`: how many sub-jobs the provider says there are.
    pub sub_jobs_total: Option<u64>,
    /// `sub_jobs`, in wire order.
    pub sub_jobs: Vec<SubJob<R>>,
}

/// One sub-job of a batch job: one resource's part of the work.
pub struct SubJob<R: Resource> {
    /// The sub-job's state.
    pub status: JobState,
    /// The sub-job's id.
    pub job_id: JobId,
    /// The kind of sub-job (`""` when absent).
    pub job_type: String,
    /// When it started (`""` when absent).
    pub begin_time: String,
    /// When it ended (`""` when absent).
    pub end_time: String,
    /// Its error code, as text.
    pub error_code: Option<String>,
    /// Why it failed.
    pub fail_reason: Option<String>,
    /// `entities[R::ID_FIELD]`: the resource this sub-job worked on, or
    /// `None` when its entities do not say.
    pub resource_id: Option<R::Id>,
}

impl<R: Resource> JobStatus<R> {
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

/// `Clone`, `Debug`, `PartialEq` and `Eq` for a struct generic over a
/// [`Resource`], bounded on what its fields hold rather than on `R` itself
/// (a derive would require `R: Clone`, which resources need not be).
macro_rules! impl_field_traits {
    ($name:ident { $($field:ident),* $(,)? }) => {
        impl<R: Resource> Clone for $name<R> {
            fn clone(&self) -> Self {
                $name { $($field: self.$field.clone()),* }
            }
        }

        impl<R: Resource> fmt::Debug for $name<R> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name))
                    $(.field(stringify!($field), &self.$field))*
                    .finish()
            }
        }

        impl<R: Resource> PartialEq for $name<R> {
            fn eq(&self, other: &Self) -> bool {
                true $(&& self.$field == other.$field)*
            }
        }

        impl<R: Resource> Eq for $name<R> {}
    };
}

impl_field_traits!(JobStatus {
    status,
    job_id,
    job_type,
    begin_time,
    end_time,
    error_code,
    fail_reason,
    entities,
});
impl_field_traits!(JobEntities {
    resource_id,
    sub_jobs_total,
    sub_jobs,
});
impl_field_traits!(SubJob {
    status,
    job_id,
    job_type,
    begin_time,
    end_time,
    error_code,
    fail_reason,
    resource_id,
});

impl<R: Resource> Default for JobEntities<R> {
    fn default() -> Self {
        JobEntities {
            resource_id: None,
            sub_jobs_total: None,
            sub_jobs: Vec::new(),
        }
    }
}
