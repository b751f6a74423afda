//! The borrowed view of a batch reply: [`BatchResponseRef`], whose ids and
//! text borrow from the input instead of being copied.

use core::borrow::Borrow;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;
use core::ops::Deref;
use std::borrow::Cow;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer};
use serde::ser::{Serialize, Serializer};

use super::de::{BatchParts, deserialize_batch};
use super::ser::{DetailRef, write_batch};
use super::{Parts, batch_reply_traits};
use crate::DetailMap;
use crate::wire::{Field, FromText, Numbered, TaskFields, TaskFieldsRef, TextSeed};
use crate::{
    AnyValue, BatchError, BatchOutcome, BatchResponse, BatchTarget, Code, OtherFields, RequestId,
    ResourceId, TaskResponse, rule,
};

/// Text borrowed from the input when it can be, owned when it must be.
///
/// A JSON string without escapes is borrowed as it is; one with escapes
/// (`"ins\u002d1"`) has to be unescaped, so it is kept as an owned copy
/// rather than refused. It derefs to `str`.
///
/// ```
/// use task_envelope::Text;
///
/// let plain: Text<'_> = serde_json::from_str(r#""ins-1""#).unwrap();
/// assert!(plain.is_borrowed());
/// let escaped: Text<'_> = serde_json::from_str(r#""ins\u002d1""#).unwrap();
/// assert!(!escaped.is_borrowed());
/// assert_eq!(plain, escaped);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Text<'a>(Cow<'a, str>);

impl Text<'_> {
    /// The text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the text borrows from the input (it had no escapes).
    #[must_use]
    pub fn is_borrowed(&self) -> bool {
        matches!(self.0, Cow::Borrowed(_))
    }

    /// The text as an owned `String` (copied only if it was borrowed).
    #[must_use]
    pub fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Text<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(text: &'a str) -> Self {
        Text(Cow::Borrowed(text))
    }
}

impl From<String> for Text<'_> {
    fn from(text: String) -> Self {
        Text(Cow::Owned(text))
    }
}

impl<'a> crate::wire::Numbers for Text<'a> {
    type Numbered = Numbered<Text<'a>>;
}

impl<'de> FromText<'de> for Text<'de> {
    const BORROWS: bool = true;

    #[inline]
    fn borrowed(text: &'de str) -> Self {
        Text(Cow::Borrowed(text))
    }

    #[inline]
    fn copied(text: &str) -> Self {
        Text(Cow::Owned(text.to_owned()))
    }

    #[inline]
    fn owned(text: String) -> Self {
        Text(Cow::Owned(text))
    }
}

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        TextSeed::text(Field::standalone("the text")).deserialize(deserializer)
    }
}

/// A resource id borrowed from the input, typed by its resource `R`: ids of
/// different kinds of resource still cannot be mixed.
///
/// Parsing checks it by the rules of `R::Id` (see [`ResourceId::check`]),
/// without building an `R::Id`. It hashes and compares as its text, so a
/// batch can be looked up with a `&str` or with an `R::Id`.
pub struct IdRef<'a, R: BatchTarget> {
    text: Text<'a>,
    resource: PhantomData<fn() -> R>,
}

impl<'a, R: BatchTarget> IdRef<'a, R> {
    /// The id's text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// Whether the id borrows from the input (it had no escapes).
    #[must_use]
    pub fn is_borrowed(&self) -> bool {
        self.text.is_borrowed()
    }

    /// The id as text.
    #[must_use]
    pub fn text(&self) -> &Text<'a> {
        &self.text
    }
}

impl<R: BatchTarget> IdRef<'_, R>
where
    R::Id: ResourceId,
{
    /// The id as an owned `R::Id`.
    #[must_use]
    pub fn to_id(&self) -> R::Id {
        R::Id::__from_checked(self.text.as_str().to_owned())
    }

    /// The id as an owned `R::Id`, reusing the text when it is owned.
    #[must_use]
    pub fn into_id(self) -> R::Id {
        R::Id::__from_checked(self.text.into_owned())
    }
}

impl<R: BatchTarget> Clone for IdRef<'_, R> {
    fn clone(&self) -> Self {
        IdRef {
            text: self.text.clone(),
            resource: PhantomData,
        }
    }
}

impl<R: BatchTarget> fmt::Debug for IdRef<'_, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl<R: BatchTarget> fmt::Display for IdRef<'_, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<R: BatchTarget> PartialEq for IdRef<'_, R> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl<R: BatchTarget> Eq for IdRef<'_, R> {}

impl<R: BatchTarget> Hash for IdRef<'_, R> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

/// Hashes and compares like its text, so `&str` lookups work.
impl<R: BatchTarget> Borrow<str> for IdRef<'_, R> {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl<R: BatchTarget> Serialize for IdRef<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de, R: BatchTarget> Deserialize<'de> for IdRef<'de, R>
where
    R::Id: ResourceId,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text: Text<'de> =
            TextSeed::text(Field::standalone("a resource id")).deserialize(deserializer)?;
        R::Id::check(text.as_str()).map_err(de::Error::custom)?;
        Ok(IdRef {
            text,
            resource: PhantomData,
        })
    }
}

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
        RequestId::from_numbered(Numbered {
            text: self.text.into_owned(),
            integer: self.integer,
        })
    }

    fn wire(&self) -> Numbered<&str> {
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

/// One resource's task result in a [`BatchResponseRef`]: the fields of a
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

    fn header(&self) -> TaskFieldsRef<'_> {
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
        crate::task::write_task(f, self.header())
    }
}

impl Serialize for TaskRef<'_> {
    /// Writes the shape of [`TaskResponse`].
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.header().write_object(serializer)
    }
}

impl<'a> From<TaskFields<Text<'a>>> for TaskRef<'a> {
    #[inline]
    fn from(fields: TaskFields<Text<'a>>) -> Self {
        TaskRef {
            code: fields.code,
            message: fields.message,
            request_id: fields.request_id.map(|id| RequestIdRef {
                text: id.text,
                integer: id.integer,
            }),
            code_desc: fields.code_desc,
            other: fields.other,
        }
    }
}

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
            payload: self.payload,
        })
    }
}

impl<R: BatchTarget, P: Serialize> Serialize for BatchResponseRef<'_, R, P> {
    /// Writes what the owned reply writes for the same input.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let header = TaskFieldsRef {
            code: self.code,
            message: &self.message,
            request_id: self.request_id.as_ref().map(RequestIdRef::wire),
            code_desc: self.code_desc.as_deref(),
            other: &[],
        };
        let entries = self.detail.iter().map(|(id, task)| (id, task.header()));
        let detail = DetailRef {
            entries,
            extras: &self.extras,
        };
        write_batch(serializer, header, detail, self.payload.as_ref())
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
            request_id: parts.fields.request_id.map(|id| RequestIdRef {
                text: id.text,
                integer: id.integer,
            }),
            code_desc: parts.fields.code_desc,
            detail: parts.detail,
            failed: parts.failed,
            extras: parts.extras,
            payload: parts.payload,
        })
    }
}

batch_reply_traits!(BatchResponseRef<'a>);
