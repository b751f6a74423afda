//! [`BatchReport`]: one view of per-resource results for both dialects, so
//! failure handling is written once.

use core::fmt;

use crate::text::OneLine;
use crate::{BatchOutcome, BatchResponse, BatchTarget, JobId, JobStatus, RequestId, ResourceKey};

/// The per-resource results of a batch, whichever dialect reported them.
///
/// Implemented by [`BatchResponse`] (code/requestId dialect), [`JobStatus`]
/// (`job_id`/`error` dialect) and
/// [`SyncBatchResponse`](crate::SyncBatchResponse), so "report the failed
/// resources and retry them" is written once:
///
/// ```
/// use task_envelope::{
///     BatchReport, BatchResponse, Code, JobStatus, RequestId, Resource, ResourceReport, TaskError,
/// };
///
/// #[derive(Resource)]
/// struct Server {
///     #[resource(id)]
///     server_id: String,
/// }
///
/// /// The ids to submit again, whatever the dialect.
/// fn to_retry<B: BatchReport<Id = String>>(report: &B) -> Vec<String> {
///     report
///         .entries()
///         .filter_map(ResourceReport::into_failure)
///         .filter_map(|(id, _failure)| id.cloned())
///         .collect()
/// }
///
/// let batch = BatchResponse::<Server>::from_results([
///     ("s-1".to_owned(), Ok(RequestId::from("1"))),
///     ("s-2".to_owned(), Err(TaskError::new(Code::new(4001), "locked"))),
/// ]);
/// let job: JobStatus<Server> = serde_json::from_str(r#"{"status": "FAIL", "job_id": "j",
///     "entities": {"sub_jobs": [
///         {"status": "SUCCESS", "job_id": "a", "entities": {"server_id": "s-1"}},
///         {"status": "FAIL", "job_id": "b", "error_code": "Ecs.0001",
///          "fail_reason": "locked", "entities": {"server_id": "s-2"}}]}}"#).unwrap();
///
/// assert_eq!(to_retry(&batch), ["s-2"]);
/// assert_eq!(to_retry(&job), ["s-2"]);
/// assert_eq!(batch.final_outcome(), job.final_outcome());
/// ```
///
/// # One name per thing, one line per failure
///
/// The reply types keep their own, typed methods: [`BatchResponse::failed`]
/// gives each failed id with its [`TaskResponse`](crate::TaskResponse),
/// [`BatchResponse::outcome`] a [`BatchOutcome`]. This trait is the same
/// information in one shape for every dialect, under names that are not
/// theirs, so that importing it never puts a second `failed` or a second
/// `outcome` (of another type) beside a reply's own:
///
/// - [`entries`](Self::entries) is every resource, and
///   [`ResourceReport::into_failure`] picks out the failed ones (there is no
///   second list of failures beside `failed()`);
/// - [`final_outcome`](Self::final_outcome) is `Option<BatchOutcome>`,
///   `None` while a job still runs, where each reply's `outcome()` is what
///   that reply can say (a batch reply has always ended).
///
/// A failure prints the same line through either route:
/// [`ResourceFailure`]'s `Display` is [`TaskResponse`](crate::TaskResponse)'s
/// for the same entry (`code 4001: quota exceeded (requestId 7)`).
pub trait BatchReport {
    /// The resource id type.
    type Id: ResourceKey;

    /// Each resource with its status, in wire order.
    fn entries(&self) -> impl Iterator<Item = ResourceReport<'_, Self::Id>>;

    /// The outcome by the 0 / 5100 / 5400 rule once the work has ended, or
    /// `None` while it is still running (a job that is not terminal). A
    /// batch reply and a synchronous reply have always ended: for them it is
    /// `Some` of their own `outcome()`.
    fn final_outcome(&self) -> Option<BatchOutcome>;
}

/// One resource's line of a [`BatchReport`].
///
/// Its fields are the whole of it (who, and how it went); what may grow
/// grows inside [`ResourceStatus`] and [`ResourceFailure`], which are
/// `#[non_exhaustive]`, so it is built with a struct literal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResourceReport<'a, Id> {
    /// The resource, when known (a sub-job whose entities lack the id has
    /// none).
    pub id: Option<&'a Id>,
    /// How its task went.
    pub status: ResourceStatus<'a>,
}

impl<'a, Id> ResourceReport<'a, Id> {
    /// The resource and why it failed, when it failed: the way to pick the
    /// failures out of [`BatchReport::entries`],
    /// `report.entries().filter_map(ResourceReport::into_failure)`.
    ///
    /// ```
    /// use task_envelope::{BatchReport, BatchResponse, ById, Code, RequestId, ResourceReport, TaskError};
    ///
    /// let reply = BatchResponse::<ById<String>>::from_results([
    ///     ("ins-1".to_owned(), Ok(RequestId::from("1"))),
    ///     ("ins-2".to_owned(), Err(TaskError::new(Code::new(4001), "quota exceeded"))),
    /// ]);
    /// for (id, failure) in reply.entries().filter_map(ResourceReport::into_failure) {
    ///     assert_eq!(id.map(String::as_str), Some("ins-2"));
    ///     // The line `failed()` gives for the same entry.
    ///     assert_eq!(failure.to_string(), "code 4001: quota exceeded");
    ///     assert_eq!(failure.to_string(), reply.failed().next().unwrap().1.to_string());
    /// }
    /// ```
    #[must_use]
    pub fn into_failure(self) -> Option<(Option<&'a Id>, ResourceFailure<'a>)> {
        match self.status {
            ResourceStatus::Failed(failure) => Some((self.id, failure)),
            ResourceStatus::Succeeded(_) | ResourceStatus::Pending(_) => None,
        }
    }
}

/// How one resource's task went (`#[non_exhaustive]`: a later dialect may
/// add a way).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResourceStatus<'a> {
    /// It succeeded: `Some` with its task when the provider gave one to
    /// poll (a task accepted), `None` when it gave none (the action is
    /// done, there is nothing to poll).
    Succeeded(Option<TaskHandle<'a>>),
    /// It failed.
    Failed(ResourceFailure<'a>),
    /// It is still running (a sub-job of a job that has not ended).
    Pending(TaskHandle<'a>),
}

/// The task number of one resource's task, in either dialect
/// (`#[non_exhaustive]`: a synchronous reply has none, which a later version
/// may name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TaskHandle<'a> {
    /// A `requestId` of the code/requestId dialect.
    Request(&'a RequestId),
    /// A `job_id` of the `job_id`/`error` dialect.
    Job(&'a JobId),
}

impl fmt::Display for TaskHandle<'_> {
    /// `requestId 123` or `job_id 70a5...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaskHandle::Request(id) => write!(f, "requestId {}", OneLine(id.as_str())),
            TaskHandle::Job(id) => write!(f, "job_id {}", OneLine(id.as_str())),
        }
    }
}

/// Why one resource failed, in either dialect.
///
/// Its `Display` is one line, the line [`TaskResponse`](crate::TaskResponse)
/// prints for the same failure: `code 4001 (QuotaExceeded): quota exceeded
/// (requestId 123)`, or `code Ecs.0001: locked (job_id 70a5...)`.
///
/// `#[non_exhaustive]`: a dialect may bring more to say; build one with
/// [`new`](Self::new) and the `with_` methods.
///
/// ```
/// use task_envelope::ResourceFailure;
///
/// let failure = ResourceFailure::new(Some("4000".into()), "bad\nvalue").with_code_desc("InvalidParameter");
/// assert_eq!(failure.to_string(), r"code 4000 (InvalidParameter): bad\nvalue");
/// assert_eq!(ResourceFailure::new(None, "").to_string(), "no code: (no message)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ResourceFailure<'a> {
    /// The error code as text (`"4001"`, `"Ecs.0001"`), when there is one.
    pub code: Option<String>,
    /// The symbolic name of the code (`codeDesc` of the code/requestId
    /// dialect), when there is one.
    pub code_desc: Option<&'a str>,
    /// The error message (`""` when there is none).
    pub message: &'a str,
    /// The failed task, when the provider named it.
    pub task: Option<TaskHandle<'a>>,
}

impl<'a> ResourceFailure<'a> {
    /// A failure with its code (as text) and message, and nothing else.
    #[must_use]
    pub fn new(code: Option<String>, message: &'a str) -> Self {
        ResourceFailure {
            code,
            code_desc: None,
            message,
            task: None,
        }
    }

    /// Sets the symbolic name of the code.
    #[must_use]
    pub fn with_code_desc(mut self, code_desc: &'a str) -> Self {
        self.code_desc = Some(code_desc);
        self
    }

    /// Sets the failed task.
    #[must_use]
    pub fn with_task(mut self, task: TaskHandle<'a>) -> Self {
        self.task = Some(task);
        self
    }
}

impl fmt::Display for ResourceFailure<'_> {
    /// As [`TaskResponse`](crate::TaskResponse) writes a failure, with
    /// `no code` when the provider gave none.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.code {
            Some(code) => write!(f, "code {}", OneLine(code))?,
            None => f.write_str("no code")?,
        }
        if let Some(code_desc) = self.code_desc {
            write!(f, " ({})", OneLine(code_desc))?;
        }
        if self.message.is_empty() {
            f.write_str(": (no message)")?;
        } else {
            write!(f, ": {}", OneLine(self.message))?;
        }
        match &self.task {
            Some(task) => write!(f, " ({task})"),
            None => Ok(()),
        }
    }
}

impl<R: BatchTarget, P> BatchReport for BatchResponse<R, P> {
    type Id = R::Id;

    /// The entries of `detail`; a rejected request has none, and says so
    /// through [`final_outcome`](BatchReport::final_outcome).
    fn entries(&self) -> impl Iterator<Item = ResourceReport<'_, R::Id>> {
        self.detail().iter().map(|(id, task)| {
            let handle = task.request_id.as_ref().map(TaskHandle::Request);
            ResourceReport {
                id: Some(id),
                status: if crate::rule::succeeded(task.code) {
                    ResourceStatus::Succeeded(handle)
                } else {
                    ResourceStatus::Failed(ResourceFailure {
                        code: Some(task.code.to_string()),
                        code_desc: task.code_desc.as_deref(),
                        message: &task.message,
                        task: handle,
                    })
                },
            }
        })
    }

    fn final_outcome(&self) -> Option<BatchOutcome> {
        Some(self.outcome())
    }
}

impl<R: BatchTarget, P> BatchReport for JobStatus<R, P> {
    type Id = R::Id;

    /// The sub-jobs, or, for a job without sub-jobs, the job itself. Once the
    /// job has ended, a sub-job that did not reach `SUCCESS` is reported as
    /// failed, as [`JobStatus::outcome`] counts it. A failure's message is
    /// `fail_reason`, or when that is absent the sub-job's
    /// [`errorcode_message`](crate::SubJob::errorcode_message) (for the job
    /// itself, a string `errorcode_message` of its `entities`).
    fn entries(&self) -> impl Iterator<Item = ResourceReport<'_, R::Id>> {
        let ended = self.is_terminal();
        let sub_jobs = &self.entities.sub_jobs;
        let own = sub_jobs.is_empty().then_some(JobLine {
            id: self.entities.resource_id.as_ref(),
            state: &self.status,
            job_id: &self.job_id,
            error_code: self.error_code.as_deref(),
            fail_reason: self.fail_reason.as_deref().or_else(|| {
                self.entities
                    .get("errorcode_message")
                    .and_then(crate::AnyValue::as_str)
            }),
        });
        let subs = sub_jobs.iter().map(|sub| JobLine {
            id: sub.resource_id.as_ref(),
            state: &sub.status,
            job_id: &sub.job_id,
            error_code: sub.error_code.as_deref(),
            fail_reason: sub.reason(),
        });
        own.into_iter()
            .chain(subs)
            .map(move |line| line.report(ended))
    }

    /// [`JobStatus::outcome`].
    fn final_outcome(&self) -> Option<BatchOutcome> {
        self.outcome()
    }
}

/// A job or sub-job, as much of it as a report needs.
struct JobLine<'a, Id> {
    id: Option<&'a Id>,
    state: &'a crate::JobState,
    job_id: &'a JobId,
    error_code: Option<&'a str>,
    fail_reason: Option<&'a str>,
}

impl<'a, Id> JobLine<'a, Id> {
    fn report(self, job_ended: bool) -> ResourceReport<'a, Id> {
        let task = TaskHandle::Job(self.job_id);
        let status = if self.state.is_success() {
            ResourceStatus::Succeeded(Some(task))
        } else if job_ended || self.state.is_terminal() {
            ResourceStatus::Failed(
                ResourceFailure::new(
                    self.error_code.map(str::to_owned),
                    self.fail_reason.unwrap_or_default(),
                )
                .with_task(task),
            )
        } else {
            ResourceStatus::Pending(task)
        };
        ResourceReport {
            id: self.id,
            status,
        }
    }
}
