//! [`TaskStatus`]: what polling a task number answers in the code/requestId
//! dialect (`DescribeLoadBalancersTaskResult`, `DescribeVpcTaskResult`,
//! `DescribeTaskInfo`), its [`TaskState`], and [`wait_for_task`].

mod de;
mod ser;
mod wait;

pub use wait::{TaskWaitError, wait_for_task};

use core::fmt;

#[cfg(doc)]
use crate::TaskResponse;
use crate::wire::Key;
use crate::{AnyValue, Code, RequestId, TaskError};

/// Where a polled task stands, from the reply's `data.status`: `0`
/// succeeded, `1` failed, `2` still running.
///
/// ```
/// use task_envelope::TaskState;
///
/// assert_eq!(TaskState::from_status(0), TaskState::Succeeded);
/// assert!(TaskState::Failed.is_terminal());
/// assert!(!TaskState::Running.is_terminal());
/// assert_eq!(TaskState::from_status(7), TaskState::Unknown(7));
/// assert!(!TaskState::Unknown(7).is_terminal());
/// assert_eq!(TaskState::Unknown(7).to_string(), "unknown status 7");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TaskState {
    /// `0`: the task succeeded.
    Succeeded,
    /// `1`: the task failed.
    Failed,
    /// `2`: the task is still running.
    Running,
    /// A status the documentation does not name, kept as it came. It is
    /// not an end: polling goes on until the deadline, whose error names it.
    Unknown(i64),
}

impl TaskState {
    /// The state of `data.status`.
    #[must_use]
    pub const fn from_status(status: i64) -> Self {
        match status {
            0 => TaskState::Succeeded,
            1 => TaskState::Failed,
            2 => TaskState::Running,
            other => TaskState::Unknown(other),
        }
    }

    /// The `data.status` of this state.
    #[must_use]
    pub const fn status(self) -> i64 {
        match self {
            TaskState::Succeeded => 0,
            TaskState::Failed => 1,
            TaskState::Running => 2,
            TaskState::Unknown(other) => other,
        }
    }

    /// Whether the task has ended: succeeded or failed.
    #[must_use]
    pub const fn is_terminal(self) -> bool {
        matches!(self, TaskState::Succeeded | TaskState::Failed)
    }
}

/// `succeeded`, `failed`, `running` or `unknown status 7`.
impl fmt::Display for TaskState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaskState::Succeeded => f.write_str("succeeded"),
            TaskState::Failed => f.write_str("failed"),
            TaskState::Running => f.write_str("running"),
            TaskState::Unknown(status) => write!(f, "unknown status {status}"),
        }
    }
}

/// The reply to a task-result poll of the code/requestId dialect:
///
/// ```json
/// {"code": 0, "message": "", "codeDesc": "Success", "data": {"status": 0}}
/// ```
///
/// `code`, `message`, `codeDesc` and `requestId` are the poll call's own,
/// read as in [`TaskResponse`]; `data.status` is the task's
/// [`TaskState`]. A non-zero `code` is the poll call's own failure
/// ([`call_error`](Self::call_error)), never a task state: the task may
/// well be running still. Other fields of `data` are kept as they came
/// ([`data_extras`](Self::data_extras)); the reply's other fields go to the
/// payload `P`, as for [`TaskResponse`]. Written back as it was read.
///
/// - With code 0, `data.status` is required (an integer or a string of
///   digits); without it the reply says nothing and is an error naming it.
/// - With a non-zero code, `data` may be absent.
///
/// ```
/// use task_envelope::{TaskState, TaskStatus};
///
/// let done: TaskStatus = serde_json::from_str(
///     r#"{"code": 0, "message": "", "codeDesc": "Success", "data": {"status": 0}}"#)?;
/// assert_eq!(done.state(), Some(TaskState::Succeeded));
///
/// let refused: TaskStatus = serde_json::from_str(
///     r#"{"code": 4000, "message": "requestId not found", "codeDesc": "InvalidParameter"}"#)?;
/// assert_eq!(refused.state(), None);
/// assert_eq!(
///     refused.call_error().unwrap().to_string(),
///     "code 4000 (InvalidParameter): requestId not found",
/// );
///
/// let err = serde_json::from_str::<TaskStatus>(r#"{"code": 0, "data": {}}"#).unwrap_err();
/// assert_eq!(err.to_string(), "missing field `status` in `data` at line 1 column 23");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskStatus<P = ()> {
    /// The poll call's code: `0` when the call succeeded.
    pub code: Code,
    /// The poll call's message.
    pub message: String,
    /// The poll call's `codeDesc`, such as `"Success"`.
    pub code_desc: Option<String>,
    /// The poll call's own `requestId`, when the provider sends one.
    pub request_id: Option<RequestId>,
    /// The reply's other fields, read into `P` (see [`TaskResponse`]).
    pub payload: Option<P>,
    data: Data,
}

/// `data` as it came.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
enum Data {
    #[default]
    Absent,
    Null,
    Object {
        status: Option<Code>,
        extras: Vec<(String, AnyValue)>,
    },
}

impl TaskStatus {
    /// A successful poll that found the task in `state`.
    ///
    /// ```
    /// # use task_envelope::{TaskState, TaskStatus};
    /// let status = TaskStatus::new(TaskState::Running).with_code_desc("Success");
    /// assert_eq!(
    ///     serde_json::to_string(&status).unwrap(),
    ///     r#"{"code":0,"message":"","codeDesc":"Success","data":{"status":2}}"#,
    /// );
    /// ```
    #[must_use]
    pub fn new(state: TaskState) -> Self {
        TaskStatus {
            code: Code::SUCCESS,
            message: String::new(),
            code_desc: None,
            request_id: None,
            payload: None,
            data: Data::Object {
                status: Some(Code::new(state.status())),
                extras: Vec::new(),
            },
        }
    }

    /// A poll call that failed: the provider refused it (an unknown task
    /// number, a bad parameter).
    ///
    /// ```
    /// # use task_envelope::{Code, TaskStatus};
    /// let status = TaskStatus::call_failed(Code::new(4000), "requestId not found");
    /// assert_eq!(status.state(), None);
    /// assert!(status.call_error().is_some());
    /// ```
    #[must_use]
    pub fn call_failed(code: Code, message: impl Into<String>) -> Self {
        TaskStatus {
            code,
            message: message.into(),
            code_desc: None,
            request_id: None,
            payload: None,
            data: Data::Absent,
        }
    }
}

impl<P> TaskStatus<P> {
    /// The task's state; `None` when the poll call itself failed (see
    /// [`call_error`](Self::call_error)).
    #[must_use]
    pub fn state(&self) -> Option<TaskState> {
        if !crate::rule::succeeded(self.code) {
            return None;
        }
        match &self.data {
            Data::Object {
                status: Some(status),
                ..
            } => Some(TaskState::from_status(status.get())),
            _ => None,
        }
    }

    /// The poll call's own failure: `Some` when `code` is not 0.
    #[must_use]
    pub fn call_error(&self) -> Option<TaskError> {
        if crate::rule::succeeded(self.code) {
            return None;
        }
        let mut error = TaskError::new(self.code, self.message.clone());
        error.code_desc.clone_from(&self.code_desc);
        error.request_id.clone_from(&self.request_id);
        Some(error)
    }

    /// Whether the task has ended (succeeded or failed).
    #[must_use]
    pub fn is_terminal(&self) -> bool {
        self.state().is_some_and(TaskState::is_terminal)
    }

    /// The fields of `data` beside `status`, in wire order.
    #[must_use]
    pub fn data_extras(&self) -> &[(String, AnyValue)] {
        match &self.data {
            Data::Object { extras, .. } => extras,
            Data::Absent | Data::Null => &[],
        }
    }

    /// Sets the `codeDesc`.
    #[must_use]
    pub fn with_code_desc(mut self, code_desc: impl Into<String>) -> Self {
        self.code_desc = Some(code_desc.into());
        self
    }

    /// The same reply around another payload.
    #[must_use]
    pub fn with_payload<Q>(self, payload: Q) -> TaskStatus<Q> {
        TaskStatus {
            code: self.code,
            message: self.message,
            code_desc: self.code_desc,
            request_id: self.request_id,
            payload: Some(payload),
            data: self.data,
        }
    }
}

/// One line: `task succeeded`, `task running`, or the poll call's failure.
impl<P> fmt::Display for TaskStatus<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.state(), self.call_error()) {
            (_, Some(error)) => write!(f, "the task-result poll failed: {error}"),
            (Some(state), None) => write!(f, "task {state}"),
            (None, None) => f.write_str("task status unknown"),
        }
    }
}

/// The keys of a task-result reply: the common ones, and `data`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum StatusKey {
    Common(Key),
    Data,
}

pub(super) fn status_key(name: &str) -> Option<StatusKey> {
    match name {
        "data" => Some(StatusKey::Data),
        _ => Key::common(name).map(StatusKey::Common),
    }
}
