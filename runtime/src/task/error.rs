//! [`TaskError`]: a failed task, the failure half of
//! [`TaskResponse::into_result`].

use core::fmt;

use super::TaskResponse;
use crate::text::OneLine;
use crate::wire::TaskFieldsRef;
use crate::{Code, RequestId};

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

    pub(super) fn wire_fields(&self) -> TaskFieldsRef<'_> {
        TaskFieldsRef {
            code: self.code,
            message: &self.message,
            request_id: self.request_id.as_ref().map(RequestId::wire),
            code_desc: self.code_desc.as_deref(),
            other: &[],
        }
    }
}

impl<P> From<TaskResponse<P>> for TaskError {
    /// Keeps every field but the payload; the reply is taken as a failure
    /// whatever its code.
    fn from(reply: TaskResponse<P>) -> Self {
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
        write_failure(f, self.wire_fields())
    }
}

/// One line: `code 4001 (codeDesc): message (requestId 123)`.
pub(super) fn write_failure(f: &mut fmt::Formatter<'_>, task: TaskFieldsRef<'_>) -> fmt::Result {
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
        write!(f, " (requestId {})", OneLine(request_id.text))?;
    }
    Ok(())
}

impl std::error::Error for TaskError {}
