//! [`TaskStatus`]: what polling a task number answers in the code/requestId
//! dialect (`DescribeLoadBalancersTaskResult`, `DescribeVpcTaskResult`,
//! `DescribeTaskInfo`), its [`TaskState`], and [`wait_for_task`].

use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::time::Duration;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::poll::{Stop, poll_until};
use crate::text::OneLine;
use crate::wire::CodeSeed;
use crate::wire::KeptSeed;
use crate::wire::{self, Claim, Field, FieldState, Key, NullOr, TaskFieldsReader, reject_repeat};
use crate::{AnyValue, Backoff, Code, RequestId, TaskError, TaskResponse};

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
enum StatusKey {
    Common(Key),
    Data,
}

fn status_key(name: &str) -> Option<StatusKey> {
    match name {
        "data" => Some(StatusKey::Data),
        _ => Key::common(name).map(StatusKey::Common),
    }
}

/// The envelope of a task-result reply.
struct StatusFields {
    header: TaskFieldsReader<String>,
    data: FieldState<DataRead>,
}

struct DataRead {
    status: Option<Code>,
    extras: Vec<(String, AnyValue)>,
}

impl<'de> Claim<'de> for StatusFields {
    type Key = StatusKey;

    fn claim(name: &str) -> Option<StatusKey> {
        status_key(name)
    }

    fn read<A: MapAccess<'de>>(&mut self, key: StatusKey, map: &mut A) -> Result<(), A::Error> {
        match key {
            StatusKey::Common(key) => self.header.read(key, map, None),
            StatusKey::Data => {
                reject_repeat(self.data.is_seen(), Field::named("data", None))?;
                self.data.fill(map.next_value_seed(NullOr(DataSeed))?);
                Ok(())
            }
        }
    }
}

/// Reads `data`: its `status` and every other field, kept.
struct DataSeed;

impl<'de> DeserializeSeed<'de> for DataSeed {
    type Value = DataRead;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<DataRead, D::Error> {
        crate::wire::deserialize_object(deserializer, self)
    }
}

impl<'de> Visitor<'de> for DataSeed {
    type Value = DataRead;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`data` to be an object with `status`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DataRead, A::Error> {
        let path: &dyn fmt::Display = &"data";
        let mut status = None;
        let mut extras = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            if name == "status" {
                let field = Field::at("status", path);
                reject_repeat(status.is_some(), field)?;
                status = Some(map.next_value_seed(CodeSeed(field))?);
            } else {
                let value = map.next_value_seed(KeptSeed(Field::at(&name, path)))?;
                extras.push((name, value));
            }
        }
        Ok(DataRead { status, extras })
    }
}

impl<'de, P: Deserialize<'de>> Deserialize<'de> for TaskStatus<P> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::deserialize_object(deserializer, StatusVisitor(PhantomData))
    }
}

struct StatusVisitor<P>(PhantomData<fn() -> P>);

impl<'de, P: Deserialize<'de>> Visitor<'de> for StatusVisitor<P> {
    type Value = TaskStatus<P>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a task-result reply: an object with `code` and `data`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut envelope = StatusFields {
            header: TaskFieldsReader::default(),
            data: FieldState::Absent,
        };
        let read = wire::read_object::<A, _, P>(&mut map, &mut envelope)?;
        let fields = envelope.header.finish(None)?;
        let success = crate::rule::succeeded(fields.code);
        let data = match envelope.data {
            FieldState::Absent => Data::Absent,
            FieldState::Null => Data::Null,
            FieldState::Value(DataRead { status, extras }) => Data::Object { status, extras },
        };
        if success
            && !matches!(
                data,
                Data::Object {
                    status: Some(_),
                    ..
                }
            )
        {
            return Err(de::Error::custom("missing field `status` in `data`"));
        }
        let payload = read.into_payload(success)?;
        let task = TaskResponse::from(fields);
        Ok(TaskStatus {
            code: task.code,
            message: task.message,
            code_desc: task.code_desc,
            request_id: task.request_id,
            payload,
            data,
        })
    }
}

impl<P: Serialize> Serialize for TaskStatus<P> {
    /// As it was read: the common fields, `data` (when it came), then the
    /// payload's fields.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let header = wire::TaskFieldsRef {
            code: self.code,
            message: &self.message,
            request_id: self.request_id.as_ref().map(RequestId::wire),
            code_desc: self.code_desc.as_deref(),
            other: &[],
        };
        // A `null` `data` is left out of a compact format, which reads the
        // object itself.
        let readable = serializer.is_human_readable();
        let writes_data = match self.data {
            Data::Absent => false,
            Data::Null => readable,
            Data::Object { .. } => true,
        };
        let own = header.len() + usize::from(writes_data);
        let payload = self.payload.as_ref();
        let mut map = serializer.serialize_map(wire::payload_len(payload).map(|n| n + own))?;
        header.write(&mut map)?;
        match &self.data {
            Data::Null if readable => map.serialize_entry("data", &wire::Null)?,
            Data::Absent | Data::Null => {}
            Data::Object { status, extras } => map.serialize_entry(
                "data",
                &wire::Present(&DataRef {
                    status: status.as_ref(),
                    extras,
                }),
            )?,
        }
        if let Some(payload) = payload {
            wire::write_payload(&mut map, payload, |name| status_key(name).is_some())?;
        }
        map.end()
    }
}

struct DataRef<'a> {
    status: Option<&'a Code>,
    extras: &'a [(String, AnyValue)],
}

impl Serialize for DataRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = usize::from(self.status.is_some()) + self.extras.len();
        let mut map = serializer.serialize_map(Some(len))?;
        if let Some(status) = self.status {
            map.serialize_entry("status", status)?;
        }
        for (key, value) in self.extras {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

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
