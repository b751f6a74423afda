//! [`TaskResponse`], the common reply, and [`TaskError`], its failure.

mod de;
mod error;
mod ser;

pub use error::TaskError;
use error::write_failure;

use core::fmt;

use crate::text::OneLine;
use crate::wire::{TaskFields, TaskFieldsRef};
use crate::{Code, OtherFields, RequestId};

/// The common reply of the code/requestId dialect: one request, one
/// resource, around the action's own fields `P`.
///
/// ```json
/// {"code": 0, "message": "", "codeDesc": "Success", "requestId": 3901942,
///  "dealIds": ["3901942"], "unLoadBalancerIds": {"3901942": ["lb-cjcymkw9"]}}
/// ```
///
/// # The envelope and the payload
///
/// The envelope claims `code`, `message`, `requestId` and `codeDesc`; every
/// other field of the reply goes to the payload type `P`, a plain
/// `#[derive(Deserialize, Serialize)]` struct of yours, read in the same pass
/// (nothing is buffered, and `P`'s errors carry the format's position) and
/// written back beside the envelope's fields. The default `P = ()` keeps
/// nothing; `serde_json::Map<String, serde_json::Value>` keeps every field
/// as it came.
///
/// - On a success (code 0), `P` must read: a missing required field of `P`
///   is an error naming it (``missing field `unLoadBalancerIds` ``).
/// - On a failure, a reply that lacks `P`'s fields still parses, with
///   `payload` `None`.
/// - A field of `P` with a value of the wrong type is an error either way.
///
/// # Parsing rules
///
/// - `code` is required; it may be an integer or a string of digits (see
///   [`Code`]) and is written back in the form it came in.
/// - `message` is optional; absent or `null` reads as `""`.
/// - `requestId` may be a string or an integer (see [`RequestId`]). A
///   success without one is a success with nothing to poll (the action is
///   done): [`into_result`](Self::into_result) gives `Ok(None)`.
/// - `codeDesc` (a symbolic error name legacy replies carry) is kept when present.
/// - A repeated envelope key is an error.
///
/// When written, `message` is always present, `requestId` and `codeDesc` only
/// when they are `Some`, then the payload's fields.
///
/// ```
/// use task_envelope::{Code, TaskResponse};
///
/// let ok: TaskResponse =
///     serde_json::from_str(r#"{"code": 0, "message": "", "requestId": "123"}"#)?;
/// assert_eq!(ok.into_result()?.unwrap(), "123");
///
/// // Done, nothing to poll (ReturnInstance).
/// let done: TaskResponse = serde_json::from_str(r#"{"code": 0, "message": "ok"}"#)?;
/// assert_eq!(done.into_result()?, None);
///
/// let failed: TaskResponse =
///     serde_json::from_str(r#"{"code": "4001", "message": "quota exceeded"}"#)?;
/// assert_eq!(failed.code, Code::new(4001));
/// assert_eq!(failed.into_result().unwrap_err().to_string(), "code 4001: quota exceeded");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A typed payload, the load balancers `CreateLoadBalancer` created:
///
/// ```
/// use std::collections::BTreeMap;
/// use serde::{Deserialize, Serialize};
/// use task_envelope::TaskResponse;
///
/// #[derive(Debug, Deserialize, Serialize)]
/// #[serde(rename_all = "camelCase")]
/// struct CreatedLoadBalancers {
///     deal_ids: Vec<String>,
///     un_load_balancer_ids: BTreeMap<String, Vec<String>>,
/// }
///
/// let body = r#"{"code": 0, "message": "", "codeDesc": "Success", "requestId": 3901942,
///     "dealIds": ["3901942"], "unLoadBalancerIds": {"3901942": ["lb-cjcymkw9", "lb-fpk0oxhp"]}}"#;
/// let reply: TaskResponse<CreatedLoadBalancers> = serde_json::from_str(body)?;
/// let created = reply.payload.as_ref().unwrap();
/// assert_eq!(created.un_load_balancer_ids["3901942"], ["lb-cjcymkw9", "lb-fpk0oxhp"]);
/// assert_eq!(reply.request_id.as_ref().unwrap(), "3901942");
///
/// // Written back as the provider sent it: the integer requestId, the payload's fields.
/// let again: serde_json::Value = serde_json::to_value(&reply)?;
/// assert_eq!(again, serde_json::from_str::<serde_json::Value>(body)?);
///
/// // A success without the payload's fields names the missing one.
/// let err = serde_json::from_str::<TaskResponse<CreatedLoadBalancers>>(
///     r#"{"code": 0, "requestId": 1, "dealIds": []}"#).unwrap_err();
/// assert_eq!(err.to_string(), "missing field `unLoadBalancerIds` at line 1 column 42");
///
/// // A failure need not carry them.
/// let failed: TaskResponse<CreatedLoadBalancers> =
///     serde_json::from_str(r#"{"code": 4000, "message": "InvalidParameter"}"#)?;
/// assert!(failed.payload.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// `data` is a payload field like any other: the task number of some
/// actions sits there (`"data": {"requestId": 375062}`), typed with
/// [`RequestId`]:
///
/// ```
/// use serde::Deserialize;
/// use task_envelope::{RequestId, TaskResponse};
///
/// #[derive(Deserialize)]
/// struct Data { data: Submitted }
/// #[derive(Deserialize)]
/// #[serde(rename_all = "camelCase")]
/// struct Submitted { request_id: RequestId }
///
/// let reply: TaskResponse<Data> = serde_json::from_str(
///     r#"{"code": 0, "message": "", "codeDesc": "Success", "data": {"requestId": 375062}}"#)?;
/// assert_eq!(reply.request_id, None);
/// assert_eq!(reply.payload.unwrap().data.request_id, "375062");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TaskResponse<P = ()> {
    /// `0` for success, anything else for failure.
    pub code: Code,
    /// The error message; usually empty on success.
    pub message: String,
    /// The task number to poll, when the provider sent one.
    pub request_id: Option<RequestId>,
    /// The symbolic error name of legacy replies (`codeDesc`), such as `"InvalidParameter"`.
    pub code_desc: Option<String>,
    /// The action's own fields: `None` when `P` keeps nothing (`()`), when a
    /// failure lacked them, or on a reply built without one.
    pub payload: Option<P>,
    /// The other fields of a `detail` entry, kept as they came and written
    /// back after the known ones (at the top level of a reply, such fields
    /// go to the payload instead).
    pub other: OtherFields,
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
            payload: None,
            other: OtherFields::new(),
        }
    }

    /// A successful reply with nothing to poll: the action is done.
    ///
    /// ```
    /// # use task_envelope::TaskResponse;
    /// let reply = TaskResponse::done().with_message("ok");
    /// assert_eq!(serde_json::to_string(&reply).unwrap(), r#"{"code":0,"message":"ok"}"#);
    /// assert_eq!(reply.into_result().unwrap(), None);
    /// ```
    #[must_use]
    pub fn done() -> Self {
        TaskResponse {
            code: Code::SUCCESS,
            message: String::new(),
            request_id: None,
            code_desc: None,
            payload: None,
            other: OtherFields::new(),
        }
    }

    /// A failed reply without a request id.
    ///
    /// `code` should not be [`Code::SUCCESS`]: a reply with code 0 is a
    /// success.
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
            payload: None,
            other: OtherFields::new(),
        }
    }
}

impl<P> TaskResponse<P> {
    /// Whether `code` is 0 (with or without a request id to poll).
    #[must_use]
    pub fn is_success(&self) -> bool {
        crate::rule::succeeded(self.code)
    }

    /// Whether this is a success that gave a task number to poll (as
    /// opposed to one that is done, or a failure).
    #[must_use]
    pub fn needs_polling(&self) -> bool {
        self.is_success() && self.request_id.is_some()
    }

    /// The same reply around another payload.
    ///
    /// ```
    /// # use task_envelope::TaskResponse;
    /// let reply = TaskResponse::success(3_901_942).with_payload(vec![("dealIds", ["3901942"])]
    ///     .into_iter().collect::<std::collections::BTreeMap<_, _>>());
    /// assert_eq!(
    ///     serde_json::to_string(&reply).unwrap(),
    ///     r#"{"code":0,"message":"","requestId":3901942,"dealIds":["3901942"]}"#,
    /// );
    /// ```
    #[must_use]
    pub fn with_payload<Q>(self, payload: Q) -> TaskResponse<Q> {
        self.with_payload_option(Some(payload))
    }

    /// The same reply around `payload` (or none).
    fn with_payload_option<Q>(self, payload: Option<Q>) -> TaskResponse<Q> {
        TaskResponse {
            code: self.code,
            message: self.message,
            request_id: self.request_id,
            code_desc: self.code_desc,
            payload,
            other: self.other,
        }
    }

    /// Replaces the message.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }

    /// Sets the `codeDesc`.
    #[must_use]
    pub fn with_code_desc(mut self, code_desc: impl Into<String>) -> Self {
        self.code_desc = Some(code_desc.into());
        self
    }

    /// On a success, the task number to poll, or `None` when the provider
    /// gave none (the action is done, there is nothing to poll); on a
    /// failure, the failure as a [`TaskError`]. The payload stays behind:
    /// read `payload` first, or take it with `reply.payload.take()`.
    pub fn into_result(self) -> Result<Option<RequestId>, TaskError> {
        if self.is_success() {
            Ok(self.request_id)
        } else {
            Err(TaskError::from(self))
        }
    }

    /// The fields as they are written.
    pub(crate) fn wire_fields(&self) -> TaskFieldsRef<'_> {
        TaskFieldsRef {
            code: self.code,
            message: &self.message,
            request_id: self.request_id.as_ref().map(RequestId::wire),
            code_desc: self.code_desc.as_deref(),
            other: &self.other,
        }
    }
}

/// One line: `success (requestId 123)` for a success with a task number,
/// `success (nothing to poll)` for one without, otherwise the same line as
/// the [`TaskError`] it would become. The payload is not shown.
///
/// ```
/// # use task_envelope::{Code, TaskResponse};
/// assert_eq!(TaskResponse::success("123").to_string(), "success (requestId 123)");
/// assert_eq!(TaskResponse::done().to_string(), "success (nothing to poll)");
/// assert_eq!(
///     TaskResponse::failure(Code::new(4001), "quota exceeded").to_string(),
///     "code 4001: quota exceeded",
/// );
/// ```
impl<P> fmt::Display for TaskResponse<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_task(f, self.wire_fields())
    }
}

/// One line for a task of either kind (see `TaskResponse`'s `Display`).
pub(crate) fn write_task(f: &mut fmt::Formatter<'_>, task: TaskFieldsRef<'_>) -> fmt::Result {
    if !crate::rule::succeeded(task.code) {
        return write_failure(f, task);
    }
    match task.request_id {
        Some(request_id) => write!(f, "success (requestId {})", OneLine(request_id.text)),
        None => f.write_str("success (nothing to poll)"),
    }
}

impl<P> From<TaskError> for TaskResponse<P> {
    fn from(error: TaskError) -> Self {
        TaskResponse {
            code: error.code,
            message: error.message,
            request_id: error.request_id,
            code_desc: error.code_desc,
            payload: None,
            other: OtherFields::new(),
        }
    }
}

impl From<TaskFields> for TaskResponse {
    #[inline]
    fn from(fields: TaskFields) -> Self {
        TaskResponse {
            code: fields.code,
            message: fields.message,
            request_id: fields.request_id,
            code_desc: fields.code_desc,
            payload: None,
            other: fields.other,
        }
    }
}
