//! [`TaskRef`] and [`RequestIdRef`]: a task entry and its request id,
//! borrowed from the input.

use core::fmt;
use core::hash::Hash;
use core::ops::Deref;

use serde::ser::{Serialize, Serializer};

use super::Text;
use crate::wire::{Numbered, TaskFields, TaskFieldsRef};
use crate::{Code, OtherFields, RequestId, TaskResponse, rule};

/// A [`RequestId`] borrowed from the input: its text (the decimal text of
/// an integer) and whether it came as an integer. It derefs to `str`.
///
/// ```
/// use task_envelope::BatchResponseRef;
/// # #[derive(task_envelope::Resource)]
/// # struct Instance { #[resource(id)] instance_id: String }
///
/// let reply: BatchResponseRef<'_, Instance> = serde_json::from_str(
///     r#"{"code": 0, "detail": {"ins-1": {"code": 0, "requestId": 42}}}"#).unwrap();
/// let (_, request_id) = reply.succeeded().next().unwrap();
/// let request_id = request_id.unwrap();
/// assert_eq!((request_id.as_str(), request_id.is_integer()), ("42", true));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestIdRef<'a> {
    text: Text<'a>,
    integer: bool,
}

impl<'a> RequestIdRef<'a> {
    /// The id's text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// Whether it came as a JSON integer.
    #[must_use]
    pub fn is_integer(&self) -> bool {
        self.integer
    }

    /// The id as text.
    #[must_use]
    pub fn text(&self) -> &Text<'a> {
        &self.text
    }

    /// The owned [`RequestId`], in the same form.
    #[must_use]
    pub fn into_owned(self) -> RequestId {
        // Straight from the text: a short id goes inline without first
        // being copied into a `String`.
        RequestId::new(self.text.as_str(), self.integer)
    }

    pub(super) fn wire(&self) -> Numbered<&str> {
        Numbered {
            text: self.text.as_str(),
            integer: self.integer,
        }
    }
}

impl Deref for RequestIdRef<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.text.as_str()
    }
}

impl fmt::Display for RequestIdRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for RequestIdRef<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for RequestIdRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.wire().serialize(serializer)
    }
}

/// One resource's task result in a [`BatchResponseRef`](crate::BatchResponseRef): the fields of a
/// [`TaskResponse`], with text borrowed from the input.
///
/// Not `#[non_exhaustive]`, like [`TaskResponse`], whose fields it mirrors
/// (and which is built with a struct literal, `..TaskResponse::success(..)`):
/// a field the wire gains would come to both, in a breaking release.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TaskRef<'a> {
    /// `0` for success, anything else for failure.
    pub code: Code,
    /// The error message; usually empty on success.
    pub message: Text<'a>,
    /// The task number to poll, when the provider sent one.
    pub request_id: Option<RequestIdRef<'a>>,
    /// The symbolic error name of legacy replies (`codeDesc`).
    pub code_desc: Option<Text<'a>>,
    /// The entry's other fields, kept as they came (see [`OtherFields`]).
    pub other: OtherFields,
}

impl TaskRef<'_> {
    /// Whether `code` is 0 (with or without a request id to poll).
    #[must_use]
    pub fn is_success(&self) -> bool {
        rule::succeeded(self.code)
    }

    /// The owned [`TaskResponse`].
    #[must_use]
    pub fn into_owned(self) -> TaskResponse {
        TaskResponse {
            code: self.code,
            message: self.message.into_owned(),
            request_id: self.request_id.map(RequestIdRef::into_owned),
            code_desc: self.code_desc.map(Text::into_owned),
            payload: None,
            other: self.other,
        }
    }

    pub(super) fn wire_fields(&self) -> TaskFieldsRef<'_> {
        TaskFieldsRef {
            code: self.code,
            message: &self.message,
            request_id: self.request_id.as_ref().map(RequestIdRef::wire),
            code_desc: self.code_desc.as_deref(),
            other: &self.other,
        }
    }
}

/// One line, as [`TaskResponse`]'s `Display`.
impl fmt::Display for TaskRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::task::write_task(f, self.wire_fields())
    }
}

impl Serialize for TaskRef<'_> {
    /// Writes the shape of [`TaskResponse`].
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.wire_fields().write_object(serializer)
    }
}

impl<'a> From<TaskFields<Text<'a>>> for TaskRef<'a> {
    #[inline]
    fn from(fields: TaskFields<Text<'a>>) -> Self {
        TaskRef {
            code: fields.code,
            message: fields.message,
            request_id: fields.request_id.map(RequestIdRef::from),
            code_desc: fields.code_desc,
            other: fields.other,
        }
    }
}

impl<'a> From<Numbered<Text<'a>>> for RequestIdRef<'a> {
    #[inline]
    fn from(id: Numbered<Text<'a>>) -> Self {
        RequestIdRef {
            text: id.text,
            integer: id.integer,
        }
    }
}
