//! The borrowed view of a batch reply: [`BatchResponseRef`], whose ids and
//! text borrow from the input instead of being copied.

mod id_ref;
mod task_ref;
mod text;

pub use id_ref::IdRef;
pub use task_ref::{RequestIdRef, TaskRef};
pub use text::Text;

use core::borrow::Borrow;

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

use super::de::{BatchParts, deserialize_batch};
use super::ser::{DetailRef, write_batch};
use super::{Parts, batch_reply_traits};
use crate::DetailMap;
use crate::wire::TaskFieldsRef;
use crate::{
    AnyValue, BatchError, BatchOutcome, BatchResponse, BatchTarget, Code, ResourceId, rule,
};

/// A batch reply whose ids and text borrow from the input: the same rules,
/// checks and answers as [`BatchResponse`], without copying a string that has
/// no escapes (an escaped one is unescaped into an owned [`Text`], never
/// refused).
///
/// Parse it with `serde_json::from_str` or `from_slice` (a reader cannot lend
/// its bytes, so every string from one is owned). It is typed by `R` like the
/// owned reply, needs `R::Id` to implement [`ResourceId`] (as `String` and
/// every `#[derive(ResourceId)]` type do) to check ids without building them,
/// and refuses duplicate ids, naming them, like the owned reply.
///
/// ```
/// use task_envelope::{BatchOutcome, BatchResponseRef, Resource, ResourceId};
///
/// #[derive(ResourceId)]
/// #[resource_id(prefix = "ins-")]
/// struct InstanceId(String);
///
/// #[derive(Resource)]
/// struct Instance {
///     #[resource(id)]
///     instance_id: InstanceId,
/// }
///
/// let json = r#"{"code": 5400, "message": "some resources failed", "detail": {
///     "ins-1": {"code": 0, "message": "", "requestId": "1231231231231"},
///     "ins-2": {"code": "4001", "message": "quota exceeded"}}}"#;
/// let reply: BatchResponseRef<'_, Instance> = serde_json::from_str(json).unwrap();
///
/// assert_eq!(reply.verify(), Ok(BatchOutcome::PartialFailure));
/// let (id, failure) = reply.failed().next().unwrap();
/// assert_eq!((id.as_str(), failure.message.as_str()), ("ins-2", "quota exceeded"));
/// assert!(id.is_borrowed() && failure.message.is_borrowed());
/// assert!(reply.get("ins-1").is_some());
/// assert!(reply.get(&"ins-1".parse::<InstanceId>().unwrap()).is_some());
///
/// let owned = reply.into_owned();
/// assert_eq!(owned, serde_json::from_str(json).unwrap());
/// ```
pub struct BatchResponseRef<'a, R: BatchTarget, P = ()> {
    code: Code,
    message: Text<'a>,
    request_id: Option<RequestIdRef<'a>>,
    code_desc: Option<Text<'a>>,
    detail: DetailMap<IdRef<'a, R>, TaskRef<'a>>,
    /// How many entries failed, counted while parsing.
    failed: usize,
    /// The values of `detail` that are not entries.
    extras: Vec<(String, AnyValue)>,
    /// Whether the reply carried `detail` (see [`BatchResponse`]'s).
    detail_sent: bool,
    payload: Option<P>,
}

impl<'a, R: BatchTarget, P> BatchResponseRef<'a, R, P> {
    /// The payload (see [`BatchResponse::payload`]); `P` may borrow from
    /// the input too.
    #[must_use]
    pub fn payload(&self) -> Option<&P> {
        self.payload.as_ref()
    }

    /// The values of `detail` that are not entries (see
    /// [`BatchResponse::detail_extras`]).
    #[must_use]
    pub fn detail_extras(&self) -> &[(String, AnyValue)] {
        &self.extras
    }

    /// The outer code as the reply declares it.
    #[must_use]
    pub fn code(&self) -> Code {
        self.code
    }

    /// The top-level message.
    #[must_use]
    pub fn message(&self) -> &Text<'a> {
        &self.message
    }

    /// The top-level `requestId`, when the reply carries one.
    #[must_use]
    pub fn request_id(&self) -> Option<&RequestIdRef<'a>> {
        self.request_id.as_ref()
    }

    /// The top-level `codeDesc`, when the reply carries one.
    #[must_use]
    pub fn code_desc(&self) -> Option<&Text<'a>> {
        self.code_desc.as_ref()
    }

    /// How many resources `detail` holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.detail.len()
    }

    /// Whether `detail` is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.detail.is_empty()
    }

    /// How many resources failed.
    #[must_use]
    pub fn failed_count(&self) -> usize {
        self.failed
    }

    /// Every entry of `detail`, in wire order.
    #[must_use]
    pub fn detail(&self) -> &DetailMap<IdRef<'a, R>, TaskRef<'a>> {
        &self.detail
    }

    /// What the reply says, exactly as [`BatchResponse::outcome`] does (O(1)).
    #[must_use]
    pub fn outcome(&self) -> BatchOutcome {
        rule::outcome(self.code, self.detail.len(), self.failed)
    }

    /// Checks the outer code against the entries, exactly as
    /// [`BatchResponse::verify`] does.
    pub fn verify(&self) -> Result<BatchOutcome, BatchError> {
        rule::verify(self.code, &self.message, self.detail.len(), self.failed)
    }

    /// The resources that succeeded, in order, each with the request id to
    /// poll, or `None` when its action is done.
    pub fn succeeded(
        &self,
    ) -> impl DoubleEndedIterator<Item = (&IdRef<'a, R>, Option<&RequestIdRef<'a>>)> + '_ {
        self.detail
            .iter()
            .filter(|(_, task)| rule::succeeded(task.code))
            .map(|(id, task)| (id, task.request_id.as_ref()))
    }

    /// The resources that failed, with their task result, in order.
    pub fn failed(&self) -> impl DoubleEndedIterator<Item = (&IdRef<'a, R>, &TaskRef<'a>)> + '_ {
        self.detail
            .iter()
            .filter(|(_, task)| !rule::succeeded(task.code))
    }
}

impl<R: BatchTarget, P> BatchResponseRef<'_, R, P>
where
    R::Id: ResourceId,
{
    /// The task result of one resource, looked up by its id (`&R::Id`) or,
    /// for an id type that borrows as `str`, by its text, exactly as
    /// [`BatchResponse::get`] does: `reply.get("ins-1")`.
    #[must_use]
    pub fn get<Q>(&self, id: &Q) -> Option<&TaskRef<'_>>
    where
        R::Id: Borrow<Q>,
        Q: AsRef<str> + ?Sized,
    {
        self.detail.get(id.as_ref())
    }

    /// The owned reply, equal to what parsing the same input as a
    /// [`BatchResponse`] gives.
    #[must_use]
    ///
    /// The payload moves as it is: a `P` that borrows from the input keeps
    /// borrowing.
    pub fn into_owned(self) -> BatchResponse<R, P> {
        let detail = self
            .detail
            .into_iter()
            .map(|(id, task)| (id.into_id(), task.into_owned()))
            .collect();
        BatchResponse::from_parts(Parts {
            code: self.code,
            message: self.message.into_owned(),
            request_id: self.request_id.map(RequestIdRef::into_owned),
            code_desc: self.code_desc.map(Text::into_owned),
            detail,
            failed: self.failed,
            extras: self.extras,
            detail_sent: self.detail_sent,
            payload: self.payload,
        })
    }
}

impl<R: BatchTarget, P: Serialize> Serialize for BatchResponseRef<'_, R, P> {
    /// Writes what the owned reply writes for the same input.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = TaskFieldsRef {
            code: self.code,
            message: &self.message,
            request_id: self.request_id.as_ref().map(RequestIdRef::wire),
            code_desc: self.code_desc.as_deref(),
            other: &[],
        };
        let entries = self
            .detail
            .iter()
            .map(|(id, task)| (id, task.wire_fields()));
        let detail = DetailRef {
            entries,
            extras: &self.extras,
            sent: self.detail_sent,
        };
        write_batch(serializer, fields, detail, self.payload.as_ref())
    }
}

impl<'de, R: BatchTarget, P: Deserialize<'de>> Deserialize<'de> for BatchResponseRef<'de, R, P>
where
    R::Id: ResourceId,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let parts: BatchParts<IdRef<'de, R>, TaskRef<'de>, Text<'de>, P> =
            deserialize_batch(deserializer)?;
        Ok(BatchResponseRef {
            code: parts.fields.code,
            message: parts.fields.message,
            request_id: parts.fields.request_id.map(RequestIdRef::from),
            code_desc: parts.fields.code_desc,
            detail: parts.detail,
            failed: parts.failed,
            extras: parts.extras,
            detail_sent: parts.detail_sent,
            payload: parts.payload,
        })
    }
}

batch_reply_traits!(BatchResponseRef<'a>);
