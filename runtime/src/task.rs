//! [`TaskResponse`], the common reply, and [`TaskError`], its failure.

use core::fmt;

use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::text::OneLine;
use crate::wire::{self, HeaderFields, HeaderRef, REQUEST_ID_REQUIRED, TaskSeed};
use crate::{Code, RequestId};

/// The common reply of the code/requestId dialect: one request, one resource.
///
/// ```json
/// {"code": 0, "message": "", "requestId": "1231231231231"}
/// ```
///
/// # Parsing rules
///
/// - `code` is required; it may be an integer or a string of digits (see [`Code`]).
/// - `message` is optional; absent or `null` reads as `""`.
/// - `requestId` is required when `code` is 0 (a parse error says
///   "requestId is required when code is 0"); a failure may omit it.
/// - `codeDesc` (a symbolic error name some legacy replies carry) is kept when present.
/// - A repeated key is an error; unknown keys are ignored.
///
/// When written, `message` is always present, `requestId` and `codeDesc` only
/// when they are `Some`. Writing a success that has no request id is an error,
/// because it would not parse back.
///
/// ```
/// use task_envelope::{Code, TaskResponse};
///
/// let ok: TaskResponse =
///     serde_json::from_str(r#"{"code": 0, "message": "", "requestId": "123"}"#).unwrap();
/// assert_eq!(ok.into_result().unwrap(), "123");
///
/// let failed: TaskResponse =
///     serde_json::from_str(r#"{"code": "4001", "message": "quota exceeded"}"#).unwrap();
/// assert_eq!(failed.code, Code::new(4001));
/// assert_eq!(failed.into_result().unwrap_err().to_string(), "code 4001: quota exceeded");
///
/// let err = serde_json::from_str::<TaskResponse>(r#"{"code": 0}"#).unwrap_err();
/// assert_eq!(err.to_string(), "requestId is required when code is 0 at line 1 column 11");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TaskResponse {
    /// `0` for success, anything else for failure.
    pub code: Code,
    /// The error message; usually empty on success.
    pub message: String,
    /// The task number to poll; always present on a parsed success.
    pub request_id: Option<RequestId>,
    /// The symbolic error name of legacy replies (`codeDesc`), such as `"InvalidParameter"`.
    pub code_desc: Option<String>,
}

impl TaskResponse {
    /// A successful reply carrying the task number to poll.
    ///
    /// ```
    /// # use task_envelope::TaskResponse;
    /// let reply = TaskResponse::success("123");
    /// assert!(reply.is_success());
    /// assert_eq!(
    ///     serde_json::to_string(&reply).unwrap(),
    ///     r#"{"code":0,"message":"","requestId":"123"}"#,
    /// );
    /// ```
    #[must_use]
    pub fn success(request_id: impl Into<RequestId>) -> Self {
        TaskResponse {
            code: Code::SUCCESS,
            message: String::new(),
            request_id: Some(request_id.into()),
            code_desc: None,
        }
    }

    /// A failed reply without a request id.
    ///
    /// `code` should not be [`Code::SUCCESS`]: a reply with code 0 and no
    /// request id cannot be written to the wire (see the type's docs).
    ///
    /// ```
    /// # use task_envelope::{Code, TaskResponse};
    /// let reply = TaskResponse::failure(Code::new(4001), "quota exceeded");
    /// assert!(!reply.is_success());
    /// assert_eq!(reply.request_id, None);
    /// ```
    #[must_use]
    pub fn failure(code: Code, message: impl Into<String>) -> Self {
        TaskResponse {
            code,
            message: message.into(),
            request_id: None,
            code_desc: None,
        }
    }

    /// Whether `code` is 0.
    #[must_use]
    pub fn is_success(&self) -> bool {
        self.code.is_success()
    }

    /// The request id of a success, or the failure as a [`TaskError`].
    ///
    /// A reply with code 0 but no request id (which parsing never produces,
    /// but the public fields allow) becomes an error with code 0 whose
    /// message says the request id is missing.
    pub fn into_result(self) -> Result<RequestId, TaskError> {
        match self {
            TaskResponse {
                code,
                request_id: Some(request_id),
                ..
            } if code.is_success() => Ok(request_id),
            mut failed => {
                if failed.is_success() {
                    failed.message = if failed.message.is_empty() {
                        REQUEST_ID_REQUIRED.to_owned()
                    } else {
                        format!("{} ({REQUEST_ID_REQUIRED})", failed.message)
                    };
                }
                Err(TaskError::from(failed))
            }
        }
    }

    /// The fields as they are written.
    pub(crate) fn header(&self) -> HeaderRef<'_> {
        HeaderRef {
            code: self.code,
            message: &self.message,
            request_id: self.request_id.as_ref().map(RequestId::as_str),
            code_desc: self.code_desc.as_deref(),
        }
    }

    /// Whether this entry counts as a success in a batch: code 0 *and* a
    /// request id to poll.
    #[inline]
    pub(crate) fn counts_as_success(&self) -> bool {
        self.code.is_success() && self.request_id.is_some()
    }
}

/// One line: `success (requestId 123)` for a success, otherwise the same
/// line as the [`TaskError`] it would become.
///
/// ```
/// # use task_envelope::{Code, TaskResponse};
/// assert_eq!(TaskResponse::success("123").to_string(), "success (requestId 123)");
/// assert_eq!(
///     TaskResponse::failure(Code::new(4001), "quota exceeded").to_string(),
///     "code 4001: quota exceeded",
/// );
/// ```
impl fmt::Display for TaskResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.request_id {
            Some(request_id) if self.code.is_success() => {
                write!(f, "success (requestId {})", OneLine(request_id.as_str()))
            }
            _ => write_failure(f, self.header()),
        }
    }
}

impl From<TaskError> for TaskResponse {
    fn from(error: TaskError) -> Self {
        TaskResponse {
            code: error.code,
            message: error.message,
            request_id: error.request_id,
            code_desc: error.code_desc,
        }
    }
}

impl From<HeaderFields> for TaskResponse {
    #[inline]
    fn from(fields: HeaderFields) -> Self {
        TaskResponse {
            code: fields.code,
            message: fields.message,
            request_id: fields.request_id.map(RequestId::from),
            code_desc: fields.code_desc,
        }
    }
}

impl Serialize for TaskResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.header().write_task(serializer, None)
    }
}

impl<'de> Deserialize<'de> for TaskResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        TaskSeed::<String>::new(None)
            .deserialize(deserializer)
            .map(TaskResponse::from)
    }
}

/// A failed task: the failure half of [`TaskResponse::into_result`].
///
/// Its `Display` is one line with the code, the `codeDesc` when there is one,
/// the message, and the request id when there is one. Control characters in
/// the message are escaped so the line stays one line.
///
/// ```
/// use task_envelope::{Code, TaskError};
///
/// let plain = TaskError::new(Code::new(4001), "quota exceeded");
/// assert_eq!(plain.to_string(), "code 4001: quota exceeded");
///
/// let full = TaskError::new(Code::new(4000), "bad\nvalue")
///     .with_code_desc("InvalidParameter")
///     .with_request_id("1231231231232");
/// assert_eq!(
///     full.to_string(),
///     r"code 4000 (InvalidParameter): bad\nvalue (requestId 1231231231232)",
/// );
/// ```
///
/// It is written to and read from the wire in the shape of the common reply.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TaskError {
    /// The failure code.
    pub code: Code,
    /// The error message.
    pub message: String,
    /// The task number, when the provider gave one for the failed task.
    pub request_id: Option<RequestId>,
    /// The symbolic error name of legacy replies (`codeDesc`).
    pub code_desc: Option<String>,
}

impl TaskError {
    /// An error with a code and a message, and no request id.
    #[must_use]
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        TaskError {
            code,
            message: message.into(),
            request_id: None,
            code_desc: None,
        }
    }

    /// Sets the request id.
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<RequestId>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// Sets the `codeDesc`.
    #[must_use]
    pub fn with_code_desc(mut self, code_desc: impl Into<String>) -> Self {
        self.code_desc = Some(code_desc.into());
        self
    }

    fn header(&self) -> HeaderRef<'_> {
        HeaderRef {
            code: self.code,
            message: &self.message,
            request_id: self.request_id.as_ref().map(RequestId::as_str),
            code_desc: self.code_desc.as_deref(),
        }
    }
}

impl From<TaskResponse> for TaskError {
    /// Keeps every field; the reply is taken as a failure whatever its code.
    fn from(reply: TaskResponse) -> Self {
        TaskError {
            code: reply.code,
            message: reply.message,
            request_id: reply.request_id,
            code_desc: reply.code_desc,
        }
    }
}

impl fmt::Display for TaskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_failure(f, self.header())
    }
}

/// One line: `code 4001 (codeDesc): message (requestId 123)`.
fn write_failure(f: &mut fmt::Formatter<'_>, task: HeaderRef<'_>) -> fmt::Result {
    write!(f, "code {}", task.code)?;
    if let Some(code_desc) = task.code_desc {
        write!(f, " ({})", OneLine(code_desc))?;
    }
    if task.message.is_empty() {
        f.write_str(": (no message)")?;
    } else {
        write!(f, ": {}", OneLine(task.message))?;
    }
    if let Some(request_id) = task.request_id {
        write!(f, " (requestId {})", OneLine(request_id))?;
    }
    Ok(())
}

impl std::error::Error for TaskError {}

impl Serialize for TaskError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.header().write_object(serializer)
    }
}

impl<'de> Deserialize<'de> for TaskError {
    /// Reads the shape of the common reply, whatever the code (an error with
    /// code 0 and no request id is read as it is).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ErrorVisitor)
    }
}

struct ErrorVisitor;

impl<'de> Visitor<'de> for ErrorVisitor {
    type Value = TaskError;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a task error: an object with `code` and `message`")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<TaskError, A::Error> {
        wire::read_fields::<A, String>(map, None)
            .map(|fields| TaskError::from(TaskResponse::from(fields)))
    }
}
