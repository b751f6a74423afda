//! [`SyncBatchResponse`]: the reply of a synchronous batch action of the
//! `job_id`/`error` dialect (batch reset password, batch resize), which
//! answers at once, resource by resource, with no job to poll.

use core::fmt;
use core::marker::PhantomData;
use std::collections::HashSet;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::job::ErrorBody;
use crate::report::{BatchReport, ResourceFailure, ResourceReport, ResourceStatus};
use crate::wire::{self, Field, NullOr, TextSeed, reject_repeat};
use crate::{ApiError, BatchOutcome, BatchTarget, Code};

/// The reply of a synchronous batch action: `{"response": [{"id": ...}]}`
/// when every resource succeeded, or an error body with `internalError`
/// naming each resource that failed.
///
/// ```json
/// {"response": [{"id": "616fb98f-..."}, {"id": "516fb98f-..."}]}
/// {"error": {"code": "Ecs.xxxx", "message": "..."},
///  "internalError": [{"id": "616fb98f-...", "error_code": "ECS.XXXX", "error_message": "..."}]}
/// ```
///
/// # Parsing rules
///
/// - `response` is an array of objects with an `id` (the resource's id,
///   read as `R::Id`); `internalError` an array of objects with an `id`,
///   `error_code` (a string or an integer, kept as text) and
///   `error_message` (a string), both optional. Both may be `null`.
/// - The other fields are an error body of any shape
///   [`ApiError`] reads (`error`, `error_code`/`error_msg`, a fault such as
///   `badRequest`, ...); other keys of an entry are ignored.
/// - A reply with neither `response`, `internalError` nor an error is an
///   error; so is an id named twice (in either list), which would hide a
///   failure.
///
/// Writing gives back the same JSON value: `response`, the error body's
/// fields, `internalError`, each when it came (an integer `error_code` is
/// written as a string).
///
/// # What the reply can tell
///
/// It names the resources that succeeded (`response`) or those that failed
/// (`internalError`), rarely both. So [`outcome`](Self::outcome) is:
///
/// - [`AllSucceeded`](BatchOutcome::AllSucceeded) for `response` without
///   an error;
/// - [`PartialFailure`](BatchOutcome::PartialFailure) when both lists name
///   resources;
/// - [`AllFailed`](BatchOutcome::AllFailed) when only failures are named:
///   the reply does not say whether other resources of the request
///   succeeded, and a success it cannot see is never reported; ask
///   [`outcome_for`](Self::outcome_for) with the ids you sent;
/// - [`Rejected`](BatchOutcome::Rejected) for an error that names no
///   failed resource: the request was refused as a whole, never a success.
///   Its code is the error's when that is an integer (`400` of a fault),
///   else 5100, as a textual code (`Ecs.0001`) has no integer form (read it
///   from [`error`](Self::error)).
///
/// ```
/// use task_envelope::{BatchOutcome, Resource, SyncBatchResponse};
///
/// #[derive(Resource)]
/// struct Server { #[resource(id)] server_id: String }
///
/// let ok: SyncBatchResponse<Server> =
///     serde_json::from_str(r#"{"response": [{"id": "s-1"}, {"id": "s-2"}]}"#)?;
/// assert_eq!(ok.outcome(), BatchOutcome::AllSucceeded);
/// assert_eq!(ok.succeeded_ids().collect::<Vec<_>>(), ["s-1", "s-2"]);
///
/// let failed: SyncBatchResponse<Server> = serde_json::from_str(r#"{
///     "error": {"code": "Ecs.0001", "message": "some servers failed"},
///     "internalError": [{"id": "s-2", "error_code": "Ecs.0002", "error_message": "locked"}]}"#)?;
/// assert_eq!(failed.outcome(), BatchOutcome::AllFailed);
/// let sent = ["s-1".to_owned(), "s-2".to_owned()];
/// assert_eq!(failed.outcome_for(&sent), BatchOutcome::PartialFailure);
/// let why = &failed.failed()[0];
/// assert_eq!((why.id.as_str(), why.to_string().as_str()), ("s-2", "code Ecs.0002: locked"));
///
/// let refused: SyncBatchResponse<Server> =
///     serde_json::from_str(r#"{"error": {"code": "Ecs.0001", "message": "bad request"}}"#)?;
/// assert!(matches!(refused.outcome(), BatchOutcome::Rejected { .. }));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub struct SyncBatchResponse<R: BatchTarget> {
    response: Option<Vec<R::Id>>,
    error: Option<ApiError>,
    internal_error: Option<Vec<SyncFailure<R>>>,
}

/// One resource that failed in a [`SyncBatchResponse`]: an entry of
/// `internalError`.
///
/// `#[non_exhaustive]`: the provider's entries may bring more fields; build
/// one with [`new`](Self::new).
#[non_exhaustive]
pub struct SyncFailure<R: BatchTarget> {
    /// The resource.
    pub id: R::Id,
    /// `error_code`, as text.
    pub error_code: Option<String>,
    /// `error_message`.
    pub error_message: Option<String>,
}

impl<R: BatchTarget> SyncFailure<R> {
    /// A failure of `id` with its code and message.
    #[must_use]
    pub fn new(id: R::Id, error_code: impl Into<String>, error_message: impl Into<String>) -> Self {
        SyncFailure {
            id,
            error_code: Some(error_code.into()),
            error_message: Some(error_message.into()),
        }
    }
}

impl<R: BatchTarget> SyncBatchResponse<R> {
    /// Every resource succeeded: `{"response": [{"id": ...}, ...]}`.
    ///
    /// ```
    /// # use task_envelope::SyncBatchResponse;
    /// # #[derive(task_envelope::Resource)]
    /// # struct Server { #[resource(id)] server_id: String }
    /// let ok = SyncBatchResponse::<Server>::all_succeeded(["s-1".to_owned()]);
    /// assert_eq!(serde_json::to_string(&ok).unwrap(), r#"{"response":[{"id":"s-1"}]}"#);
    /// ```
    #[must_use]
    pub fn all_succeeded(ids: impl IntoIterator<Item = R::Id>) -> Self {
        SyncBatchResponse {
            response: Some(ids.into_iter().collect()),
            error: None,
            internal_error: None,
        }
    }

    /// The request failed with `error`, naming the resources that failed
    /// (none: a rejection of the whole request).
    #[must_use]
    pub fn failure(error: ApiError, failures: Vec<SyncFailure<R>>) -> Self {
        SyncBatchResponse {
            response: None,
            internal_error: (!failures.is_empty()).then_some(failures),
            error: Some(error),
        }
    }

    /// The ids `response` names, in wire order.
    pub fn succeeded_ids(&self) -> impl Iterator<Item = &R::Id> {
        self.response.iter().flatten()
    }

    /// The entries of `internalError`, in wire order.
    #[must_use]
    pub fn failed(&self) -> &[SyncFailure<R>] {
        self.internal_error.as_deref().unwrap_or_default()
    }

    /// The error body, when the reply has one.
    #[must_use]
    pub fn error(&self) -> Option<&ApiError> {
        self.error.as_ref()
    }

    /// What the reply says (see [What the reply can tell](Self#what-the-reply-can-tell)).
    #[must_use]
    pub fn outcome(&self) -> BatchOutcome {
        let failed = self.failed().len();
        let succeeded = self.succeeded_ids().count();
        if failed > 0 {
            crate::rule::judge(failed, failed + succeeded)
        } else if let Some(error) = &self.error {
            BatchOutcome::Rejected {
                code: error.code.parse().map_or(Code::ALL_FAILED, Code::new),
            }
        } else {
            BatchOutcome::AllSucceeded
        }
    }

    /// The outcome for a request that named `requested`: a resource the
    /// reply does not name as failed succeeded, unless the request was
    /// rejected as a whole.
    ///
    /// ```
    /// # use task_envelope::{ApiError, BatchOutcome, SyncBatchResponse, SyncFailure};
    /// # #[derive(task_envelope::Resource)]
    /// # struct Server { #[resource(id)] server_id: String }
    /// let reply = SyncBatchResponse::<Server>::failure(
    ///     ApiError::new("Ecs.0001", "failed"),
    ///     vec![SyncFailure::new("s-1".to_owned(), "Ecs.0002", "locked")],
    /// );
    /// assert_eq!(reply.outcome_for(&["s-1".to_owned()]), BatchOutcome::AllFailed);
    /// assert_eq!(
    ///     reply.outcome_for(&["s-1".to_owned(), "s-2".to_owned()]),
    ///     BatchOutcome::PartialFailure,
    /// );
    /// ```
    #[must_use]
    pub fn outcome_for(&self, requested: &[R::Id]) -> BatchOutcome {
        let failed: HashSet<&R::Id> = self.failed().iter().map(|failure| &failure.id).collect();
        match self.outcome() {
            BatchOutcome::AllFailed | BatchOutcome::PartialFailure => {
                let others = requested.iter().filter(|id| !failed.contains(id)).count();
                crate::rule::judge(failed.len(), failed.len() + others)
            }
            outcome => outcome,
        }
    }
}

impl<R: BatchTarget> BatchReport for SyncBatchResponse<R> {
    type Id = R::Id;

    /// The resources of `response` (succeeded, nothing to poll), then those
    /// of `internalError` (failed, with their code and message; no task).
    fn entries(&self) -> impl Iterator<Item = ResourceReport<'_, R::Id>> {
        let succeeded = self.succeeded_ids().map(|id| ResourceReport {
            id: Some(id),
            status: ResourceStatus::Succeeded(None),
        });
        let failed = self.failed().iter().map(|failure| ResourceReport {
            id: Some(&failure.id),
            status: ResourceStatus::Failed(ResourceFailure::new(
                failure.error_code.clone(),
                failure.error_message.as_deref().unwrap_or_default(),
            )),
        });
        succeeded.chain(failed)
    }

    fn final_outcome(&self) -> Option<BatchOutcome> {
        Some(self.outcome())
    }
}

impl<R: BatchTarget> Clone for SyncBatchResponse<R> {
    fn clone(&self) -> Self {
        SyncBatchResponse {
            response: self.response.clone(),
            error: self.error.clone(),
            internal_error: self.internal_error.clone(),
        }
    }
}

impl<R: BatchTarget> fmt::Debug for SyncBatchResponse<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SyncBatchResponse")
            .field("response", &self.response)
            .field("error", &self.error)
            .field("internal_error", &self.internal_error)
            .finish()
    }
}

impl<R: BatchTarget> PartialEq for SyncBatchResponse<R> {
    fn eq(&self, other: &Self) -> bool {
        self.response == other.response
            && self.error == other.error
            && self.internal_error == other.internal_error
    }
}

impl<R: BatchTarget> Eq for SyncBatchResponse<R> {}

impl<R: BatchTarget> Clone for SyncFailure<R> {
    fn clone(&self) -> Self {
        SyncFailure {
            id: self.id.clone(),
            error_code: self.error_code.clone(),
            error_message: self.error_message.clone(),
        }
    }
}

impl<R: BatchTarget> fmt::Debug for SyncFailure<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SyncFailure")
            .field("id", &self.id)
            .field("error_code", &self.error_code)
            .field("error_message", &self.error_message)
            .finish()
    }
}

impl<R: BatchTarget> PartialEq for SyncFailure<R> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.error_code == other.error_code
            && self.error_message == other.error_message
    }
}

impl<R: BatchTarget> Eq for SyncFailure<R> {}

/// One line, the line [`ResourceFailure`] prints for it (and
/// [`TaskResponse`](crate::TaskResponse) for a failure of the other
/// dialect): `code Ecs.0002: locked`, without the id.
impl<R: BatchTarget> fmt::Display for SyncFailure<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let report = ResourceFailure::new(
            self.error_code.clone(),
            self.error_message.as_deref().unwrap_or_default(),
        );
        fmt::Display::fmt(&report, f)
    }
}

const RESPONSE: &str = "response";
const INTERNAL_ERROR: &str = "internalError";

/// `{"id": ...}`, an entry of `response`.
struct IdEntry<'a, I>(&'a I);

impl<I: Serialize> Serialize for IdEntry<'_, I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A map, as every object of a reply is written and read (a struct
        // would be a bare tuple in bincode and postcard).
        let mut entry = serializer.serialize_map(Some(1))?;
        entry.serialize_entry("id", self.0)?;
        entry.end()
    }
}

/// The entries of `response`.
struct IdEntries<'a, I>(&'a [I]);

impl<I: Serialize> Serialize for IdEntries<'_, I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(IdEntry))
    }
}

impl<R: BatchTarget> Serialize for SyncFailure<R> {
    /// `{"id", "error_code", "error_message"}`, the last two when present.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len =
            1 + usize::from(self.error_code.is_some()) + usize::from(self.error_message.is_some());
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("id", &self.id)?;
        if let Some(code) = &self.error_code {
            map.serialize_entry("error_code", code)?;
        }
        if let Some(message) = &self.error_message {
            map.serialize_entry("error_message", message)?;
        }
        map.end()
    }
}

impl<R: BatchTarget> Serialize for SyncBatchResponse<R> {
    /// `response`, the error body's fields, `internalError`, each when
    /// present.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error_len = match &self.error {
            Some(error) => wire::payload_len(Some(error)),
            None => Some(0),
        };
        let len = error_len.map(|n| {
            n + usize::from(self.response.is_some()) + usize::from(self.internal_error.is_some())
        });
        let mut map = serializer.serialize_map(len)?;
        if let Some(response) = &self.response {
            map.serialize_entry(RESPONSE, &wire::Present(&IdEntries(response)))?;
        }
        if let Some(error) = &self.error {
            wire::write_payload(&mut map, error, |name| {
                name == RESPONSE || name == INTERNAL_ERROR
            })?;
        }
        if let Some(failures) = &self.internal_error {
            map.serialize_entry(INTERNAL_ERROR, &wire::Present(failures))?;
        }
        map.end()
    }
}

impl<'de, R: BatchTarget> Deserialize<'de> for SyncBatchResponse<R> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::deserialize_object(deserializer, ReplyVisitor(PhantomData))
    }
}

struct ReplyVisitor<R>(PhantomData<fn() -> R>);

impl<'de, R: BatchTarget> Visitor<'de> for ReplyVisitor<R> {
    type Value = SyncBatchResponse<R>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a synchronous batch reply: an object with `response` or an error")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut response: Option<Option<Vec<Entry<R>>>> = None;
        let mut internal: Option<Option<Vec<Entry<R>>>> = None;
        let mut body = ErrorBody::default();
        while let Some(key) = map.next_key::<String>()? {
            let list = match key.as_str() {
                RESPONSE => &mut response,
                INTERNAL_ERROR => &mut internal,
                _ => {
                    body.read(key, &mut map)?;
                    continue;
                }
            };
            let name = if key == RESPONSE {
                RESPONSE
            } else {
                INTERNAL_ERROR
            };
            reject_repeat(list.is_some(), Field::named(name, None))?;
            *list = Some(map.next_value_seed(NullOr(ListSeed::<R>::new(name)))?);
        }
        let error = body.finish::<A::Error>()?;
        let (response, internal) = (response.flatten(), internal.flatten());
        if response.is_none() && internal.is_none() && error.is_none() {
            return Err(de::Error::custom(
                "a synchronous batch reply needs `response`, `internalError` or an error",
            ));
        }
        let mut seen = HashSet::new();
        for (name, entries) in [(RESPONSE, &response), (INTERNAL_ERROR, &internal)] {
            for (index, entry) in entries.iter().flatten().enumerate() {
                if !seen.insert(&entry.id) {
                    return Err(de::Error::custom(format_args!(
                        "duplicate resource id {} in `{name}[{index}]`",
                        crate::text::IdText(&entry.id)
                    )));
                }
            }
        }
        Ok(SyncBatchResponse {
            response: response.map(|entries| entries.into_iter().map(|entry| entry.id).collect()),
            error,
            internal_error: internal.map(|entries| {
                entries
                    .into_iter()
                    .map(|entry| SyncFailure {
                        id: entry.id,
                        error_code: entry.code,
                        error_message: entry.message,
                    })
                    .collect()
            }),
        })
    }
}

/// An entry of either list, as read.
struct Entry<R: BatchTarget> {
    id: R::Id,
    code: Option<String>,
    message: Option<String>,
}

/// Reads `response` or `internalError`.
struct ListSeed<R> {
    name: &'static str,
    resource: PhantomData<fn() -> R>,
}

impl<R> ListSeed<R> {
    fn new(name: &'static str) -> Self {
        ListSeed {
            name,
            resource: PhantomData,
        }
    }
}

impl<'de, R: BatchTarget> DeserializeSeed<'de> for ListSeed<R> {
    type Value = Vec<Entry<R>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        crate::wire::deserialize_list(deserializer, self)
    }
}

impl<'de, R: BatchTarget> Visitor<'de> for ListSeed<R> {
    type Value = Vec<Entry<R>>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` to be an array of objects with an `id`", self.name)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::with_capacity(crate::wire::capacity(seq.size_hint()));
        while let Some(entry) = seq.next_element_seed(EntrySeed::<R> {
            path: EntryPath(self.name, entries.len()),
            resource: PhantomData,
        })? {
            entries.push(entry);
        }
        Ok(entries)
    }
}

/// Displays `response[1]`.
struct EntryPath(&'static str, usize);

impl fmt::Display for EntryPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

/// Reads one entry: `id`, and `error_code` and `error_message`.
struct EntrySeed<R> {
    path: EntryPath,
    resource: PhantomData<fn() -> R>,
}

impl<'de, R: BatchTarget> DeserializeSeed<'de> for EntrySeed<R> {
    type Value = Entry<R>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        crate::wire::deserialize_object(deserializer, self)
    }
}

impl<'de, R: BatchTarget> Visitor<'de> for EntrySeed<R> {
    type Value = Entry<R>;

    crate::wire::refuse_text!();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` to be an object with an `id`", self.path)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut id: Option<R::Id> = None;
        let mut code: Option<Option<String>> = None;
        let mut message: Option<Option<String>> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" => {
                    reject_repeat(id.is_some(), Field::at("id", &self.path))?;
                    id = Some(map.next_value()?);
                }
                "error_code" => {
                    let field = Field::at("error_code", &self.path);
                    reject_repeat(code.is_some(), field)?;
                    code = Some(map.next_value_seed(TextSeed::code(field).nullable())?);
                }
                "error_message" => {
                    let field = Field::at("error_message", &self.path);
                    reject_repeat(message.is_some(), field)?;
                    message = Some(map.next_value_seed(TextSeed::text(field).nullable())?);
                }
                _ => wire::skip_value(&mut map)?,
            }
        }
        let id = id.ok_or_else(|| {
            de::Error::custom(format_args!(
                "missing field {}",
                Field::at("id", &self.path)
            ))
        })?;
        Ok(Entry {
            id,
            code: code.flatten(),
            message: message.flatten(),
        })
    }
}
