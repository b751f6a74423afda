//! [`BatchResponse`]: one request, many resources, and the outer-code rule.

pub(crate) mod borrowed;
pub(crate) mod chain;
pub(crate) mod de;
mod detail_map;
mod reply_traits;
pub(crate) mod ser;

use core::borrow::Borrow;
use core::fmt;
use core::hash::Hash;

pub(crate) use detail_map::with_capacity;
pub use detail_map::{DetailHasher, DetailMap, IdHasher};
pub(crate) use reply_traits::batch_reply_traits;

use indexmap::map::Entry;

use crate::text::OneLine;
use crate::{
    AnyValue, BatchError, BatchOutcome, BatchTarget, Code, RequestId, TaskError, TaskResponse, rule,
};

/// The batch reply of the code/requestId dialect: one request operated many
/// resources, and `detail` holds each resource's own task result.
///
/// ```json
/// {"code": 5400, "message": "some resources failed",
///  "detail": {"ins-1": {"code": 0, "message": "", "requestId": "1231231231231"},
///             "ins-2": {"code": 4001, "message": "quota exceeded", "requestId": "1231231231232"}}}
/// ```
///
/// `R` is the kind of resource the batch operated; `detail` is keyed by
/// `R::Id`, so a batch of instances cannot be looked up with a disk id.
///
/// # The outer-code rule
///
/// | entries | outer code | [`BatchOutcome`] |
/// |---|---|---|
/// | none failed (including no entries at all) | `0` | [`AllSucceeded`](BatchOutcome::AllSucceeded) |
/// | every one failed (at least one entry) | `5100` | [`AllFailed`](BatchOutcome::AllFailed) |
/// | some failed, some succeeded | `5400` | [`PartialFailure`](BatchOutcome::PartialFailure) |
///
/// An entry succeeded when its code is 0, with a request id to poll or
/// without one (the action is done); every other code is a failure. A
/// non-zero code with no entries is a rejection of the whole request,
/// [`BatchOutcome::Rejected`], never a success.
///
/// # The payload and the values of `detail` that are not entries
///
/// The fields of the reply beside `code`, `message`, `requestId`,
/// `codeDesc` and `detail` go to the payload type `P` (default `()`, which
/// keeps nothing), exactly as for [`TaskResponse`]: see
/// [`payload()`](Self::payload). A value of `detail` that is not an object
/// (`"taskId": "2377970"` beside the `disk-...` entries) is not an entry: it
/// is kept as it came ([`detail_extras()`](Self::detail_extras)), written back,
/// and never counted in the outcome.
///
/// # What parsing accepts and refuses
///
/// - The reply is data: an outer code that disagrees with the entries still
///   parses. [`outcome()`](Self::outcome) always reflects the entries;
///   [`verify()`](Self::verify) reports the disagreement.
/// - A non-zero code without `detail` (the whole request was refused before any
///   resource was touched) parses with no entries; `verify()` reports it as
///   [`BatchError::Rejected`]. `detail: null` reads as no `detail`. A code of 0
///   without `detail` is an error.
/// - `detail` keeps the order of the wire, and writing the reply back gives
///   the same entries in the same order.
/// - A resource id that appears twice in `detail` is an error naming the id,
///   never a silent "last one wins" that could hide a failure. Ids are compared
///   after JSON unescaping, so `"ins\u002d1"` and `"ins-1"` are one id.
/// - Each entry follows the rules of [`TaskResponse`]; an error inside an
///   entry names the resource id, such as ``missing field `code` of resource
///   `ins-2` ``.
/// - Codes may be integers or strings of digits; unknown keys are ignored; a
///   repeated key is an error. `codeDesc` and a top-level `requestId` are kept.
///
/// ```
/// use task_envelope::{BatchOutcome, BatchResponse, Code, Resource};
///
/// #[derive(Resource)]
/// struct Instance {
///     #[resource(id)]
///     instance_id: String,
/// }
///
/// let reply: BatchResponse<Instance> = serde_json::from_str(r#"{
///     "code": 5400,
///     "message": "some resources failed",
///     "detail": {
///         "ins-1": {"code": 0, "message": "", "requestId": "1231231231231"},
///         "ins-2": {"code": "4001", "message": "quota exceeded"}
///     }
/// }"#).unwrap();
///
/// assert_eq!(reply.verify(), Ok(BatchOutcome::PartialFailure));
/// let failed: Vec<_> = reply.failed().map(|(id, task)| (id.as_str(), task.code)).collect();
/// assert_eq!(failed, [("ins-2", Code::new(4001))]);
///
/// let err = serde_json::from_str::<BatchResponse<Instance>>(
///     r#"{"code": 0, "detail": {"ins-1": {"code": 0, "requestId": "1"},
///                               "ins-1": {"code": 4001}}}"#,
/// ).unwrap_err();
/// assert!(err.to_string().starts_with("duplicate resource id `ins-1` in `detail`"));
/// ```
pub struct BatchResponse<R: BatchTarget, P = ()> {
    code: Code,
    message: String,
    request_id: Option<RequestId>,
    code_desc: Option<String>,
    detail: DetailMap<R::Id, TaskResponse>,
    /// How many entries of `detail` count as failed; kept in step with
    /// `detail` by every constructor so [`BatchResponse::outcome`] is O(1).
    failed: usize,
    /// The values of `detail` that are not entries, in wire order.
    extras: Vec<(String, AnyValue)>,
    /// Whether a rejection (no entries, a non-zero code) came with an empty
    /// `detail` (`"detail": {}`), so that it is written back with it.
    detail_sent: bool,
    payload: Option<P>,
}

/// The parts of a [`BatchResponse`], as parsing or converting makes them.
pub(crate) struct Parts<K, P> {
    pub(crate) code: Code,
    pub(crate) message: String,
    pub(crate) request_id: Option<RequestId>,
    pub(crate) code_desc: Option<String>,
    pub(crate) detail: DetailMap<K, TaskResponse>,
    /// How many entries of `detail` do not count as a success.
    pub(crate) failed: usize,
    pub(crate) extras: Vec<(String, AnyValue)>,
    /// Whether the reply carried `detail`, even empty.
    pub(crate) detail_sent: bool,
    pub(crate) payload: Option<P>,
}

impl<R: BatchTarget, P> BatchResponse<R, P> {
    /// A reply from parsed (or converted) parts.
    pub(crate) fn from_parts(parts: Parts<R::Id, P>) -> Self {
        BatchResponse {
            code: parts.code,
            message: parts.message,
            request_id: parts.request_id,
            code_desc: parts.code_desc,
            detail: parts.detail,
            failed: parts.failed,
            extras: parts.extras,
            detail_sent: parts.detail_sent,
            payload: parts.payload,
        }
    }
}

impl<R: BatchTarget> BatchResponse<R> {
    /// Builds a reply from each resource's result, computing the outer code by
    /// the rule (0 / 5100 / 5400) and a message to match
    /// ([`BatchOutcome::message`]).
    ///
    /// Entries keep the order of the iterator. If an id comes more than once,
    /// the entries merge so that a failure is never hidden: a failure replaces
    /// a success, a success never replaces a failure, and of two results of
    /// the same kind the later one is kept (in the place of the first).
    ///
    /// An `Err` whose code is 0 cannot be told from a success on the wire and
    /// is stored as it is: with a request id it reads as a success; without
    /// one it counts as a failure, and writing the reply fails with an error
    /// naming its resource id.
    ///
    /// ```
    /// use task_envelope::{BatchResponse, Code, RequestId, TaskError};
    /// # #[derive(task_envelope::Resource)]
    /// # struct Instance { #[resource(id)] instance_id: String }
    ///
    /// let reply = BatchResponse::<Instance>::from_results([
    ///     ("ins-1".to_owned(), Ok(RequestId::from("1231231231231"))),
    ///     ("ins-2".to_owned(), Err(TaskError::new(Code::new(4001), "quota exceeded"))),
    /// ]);
    /// assert_eq!(reply.code(), Code::PARTIAL_FAILURE);
    /// assert_eq!(reply.message(), "some resources failed");
    ///
    /// let empty = BatchResponse::<Instance>::from_results([]);
    /// assert_eq!(empty.code(), Code::SUCCESS);
    /// ```
    pub fn from_results<I>(results: I) -> Self
    where
        I: IntoIterator<Item = (R::Id, Result<RequestId, TaskError>)>,
    {
        Self::from_tasks(results.into_iter().map(|(id, result)| {
            let task = match result {
                Ok(request_id) => TaskResponse::success(request_id),
                Err(error) => TaskResponse::from(error),
            };
            (id, task)
        }))
    }

    /// Builds a reply from each resource's task object as it goes on the
    /// wire (keeping a success's `message` and `codeDesc`, which
    /// [`from_results`](Self::from_results) has no room for), computing the
    /// outer code and message by the same rule, and merging a repeated id the
    /// same way.
    ///
    /// ```
    /// use task_envelope::{BatchOutcome, BatchResponse, Code, TaskResponse};
    /// # #[derive(task_envelope::Resource)]
    /// # struct Instance { #[resource(id)] instance_id: String }
    ///
    /// let reply = BatchResponse::<Instance>::from_tasks([
    ///     ("ins-1".to_owned(), TaskResponse { message: "started".into(), ..TaskResponse::success("r-1") }),
    ///     ("ins-2".to_owned(), TaskResponse::failure(Code::new(4001), "quota exceeded")),
    /// ]);
    /// assert_eq!(reply.outcome(), BatchOutcome::PartialFailure);
    /// assert_eq!(reply.get("ins-1").unwrap().message, "started");
    /// ```
    pub fn from_tasks<I>(tasks: I) -> Self
    where
        I: IntoIterator<Item = (R::Id, TaskResponse)>,
    {
        let tasks = tasks.into_iter();
        let capacity = crate::wire::capacity(Some(tasks.size_hint().0));
        let mut detail: DetailMap<R::Id, TaskResponse> = with_capacity(capacity);
        for (id, task) in tasks {
            match detail.entry(id) {
                Entry::Vacant(vacant) => {
                    vacant.insert(task);
                }
                Entry::Occupied(mut taken) => {
                    let keeps_failure =
                        !rule::succeeded(taken.get().code) && rule::succeeded(task.code);
                    if !keeps_failure {
                        taken.insert(task);
                    }
                }
            }
        }
        let failed = detail.values().filter(|t| !rule::succeeded(t.code)).count();
        let outcome = rule::judge(failed, detail.len());
        BatchResponse {
            code: outcome.code(),
            message: outcome.message().to_owned(),
            request_id: None,
            code_desc: None,
            detail,
            failed,
            extras: Vec::new(),
            detail_sent: false,
            payload: None,
        }
    }

    /// A request-level rejection: the request was refused before any resource
    /// was touched, so there is no `detail`.
    ///
    /// ```
    /// # use task_envelope::{BatchError, BatchResponse, Code};
    /// # #[derive(task_envelope::Resource)]
    /// # struct Instance { #[resource(id)] instance_id: String }
    /// let reply = BatchResponse::<Instance>::rejected(Code::new(4000), "instanceIds must not be empty");
    /// assert_eq!(
    ///     serde_json::to_string(&reply).unwrap(),
    ///     r#"{"code":4000,"message":"instanceIds must not be empty"}"#,
    /// );
    /// assert!(matches!(reply.verify(), Err(BatchError::Rejected { .. })));
    /// ```
    #[must_use]
    pub fn rejected(code: Code, message: impl Into<String>) -> Self {
        BatchResponse {
            code,
            message: message.into(),
            request_id: None,
            code_desc: None,
            detail: DetailMap::default(),
            failed: 0,
            extras: Vec::new(),
            detail_sent: false,
            payload: None,
        }
    }
}

impl<R: BatchTarget, P> BatchResponse<R, P> {
    /// The same reply around another payload: the fields written beside
    /// `code`, `message` and `detail`.
    ///
    /// ```
    /// # use task_envelope::{BatchResponse, RequestId};
    /// # #[derive(task_envelope::Resource)]
    /// # struct Instance { #[resource(id)] instance_id: String }
    /// let reply = BatchResponse::<Instance>::from_results([("ins-1".to_owned(), Ok(RequestId::from(7)))])
    ///     .with_payload(std::collections::BTreeMap::from([("dealIds", ["7"])]));
    /// assert_eq!(
    ///     serde_json::to_string(&reply).unwrap(),
    ///     r#"{"code":0,"message":"success","detail":{"ins-1":{"code":0,"message":"","requestId":7}},"dealIds":["7"]}"#,
    /// );
    /// ```
    #[must_use]
    pub fn with_payload<Q>(self, payload: Q) -> BatchResponse<R, Q> {
        BatchResponse {
            code: self.code,
            message: self.message,
            request_id: self.request_id,
            code_desc: self.code_desc,
            detail: self.detail,
            failed: self.failed,
            extras: self.extras,
            detail_sent: self.detail_sent,
            payload: Some(payload),
        }
    }

    /// The payload: the reply's fields beside the envelope's, read into `P`.
    /// `None` when `P` keeps nothing (`()`), when a failure lacked `P`'s
    /// fields, or on a reply built without one.
    #[must_use]
    pub fn payload(&self) -> Option<&P> {
        self.payload.as_ref()
    }

    /// Takes the payload out of the reply.
    pub fn take_payload(&mut self) -> Option<P> {
        self.payload.take()
    }

    /// The values of `detail` that are not entries (not objects, such as
    /// `"taskId": "2377970"`), with their keys, in wire order. They are
    /// written back after the entries and never count in the outcome.
    ///
    /// ```
    /// use task_envelope::{AnyValue, BatchOutcome, BatchResponse, Resource, ResourceId};
    ///
    /// #[derive(ResourceId)]
    /// #[resource_id(prefix = "disk-")]
    /// struct DiskId(String);
    /// #[derive(Resource)]
    /// struct Disk { #[resource(id)] disk_id: DiskId }
    ///
    /// let reply: BatchResponse<Disk> = serde_json::from_str(r#"{"code": "0", "message": "",
    ///     "detail": {"disk-a2dbffgk": {"code": "0", "message": "ok"}, "taskId": "2377970"}}"#)?;
    /// assert_eq!(reply.len(), 1);
    /// assert_eq!(reply.outcome(), BatchOutcome::AllSucceeded);
    /// assert_eq!(reply.detail_extras(), [("taskId".to_owned(), AnyValue::String("2377970".into()))]);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn detail_extras(&self) -> &[(String, AnyValue)] {
        &self.extras
    }

    /// Adds a value to `detail` that is not an entry (written after the
    /// entries), as some providers send one.
    #[must_use]
    pub fn with_detail_extra(mut self, key: impl Into<String>, value: AnyValue) -> Self {
        self.extras.push((key.into(), value));
        self
    }

    /// Replaces the message.
    #[must_use]
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }

    /// Sets the top-level `codeDesc`.
    #[must_use]
    pub fn with_code_desc(mut self, code_desc: impl Into<String>) -> Self {
        self.code_desc = Some(code_desc.into());
        self
    }

    /// Sets the top-level `requestId` (the id of the batch call itself, which
    /// some providers send).
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<RequestId>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// The outer code as the reply declares it (which [`verify()`](Self::verify) checks).
    #[must_use]
    pub fn code(&self) -> Code {
        self.code
    }

    /// The top-level message.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The top-level `requestId`, when the reply carries one.
    #[must_use]
    pub fn request_id(&self) -> Option<&RequestId> {
        self.request_id.as_ref()
    }

    /// The top-level `codeDesc`, when the reply carries one.
    #[must_use]
    pub fn code_desc(&self) -> Option<&str> {
        self.code_desc.as_deref()
    }

    /// How many resources `detail` holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.detail.len()
    }

    /// Whether `detail` is empty (an empty batch, or a request-level rejection).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.detail.is_empty()
    }

    /// How many resources failed.
    #[must_use]
    pub fn failed_count(&self) -> usize {
        self.failed
    }

    /// The task result of one resource, looked up by its id (`&R::Id`) or,
    /// for an id type that borrows as `str` (`String` and every
    /// `#[derive(ResourceId)]` type), by its text: `reply.get("ins-1")`.
    ///
    /// Only the batch's own id type is accepted: an instance batch cannot
    /// be looked up with a `DiskId`. The id enum of a task chain is looked
    /// up by value (`reply.get(&"ins-1".parse::<TargetId>()?)`), since its
    /// text alone does not say which kind it is. An id parsed for the lookup
    /// names its type (`parse::<InstanceId>()`): the argument's type is no
    /// longer fixed, so it cannot be inferred from it.
    ///
    /// ```
    /// use task_envelope::{BatchResponse, Code, RequestId, Resource, ResourceId, TaskError};
    ///
    /// #[derive(ResourceId)]
    /// #[resource_id(prefix = "ins-")]
    /// struct InstanceId(String);
    /// #[derive(Resource)]
    /// struct Instance { #[resource(id)] instance_id: InstanceId }
    ///
    /// let reply = BatchResponse::<Instance>::from_results([
    ///     ("ins-1".parse()?, Ok(RequestId::from("1"))),
    ///     ("ins-2".parse()?, Err(TaskError::new(Code::new(4001), "quota exceeded"))),
    /// ]);
    /// assert_eq!(reply.get("ins-2").map(|task| task.code), Some(Code::new(4001)));
    /// let id: InstanceId = "ins-1".parse()?;
    /// assert!(reply.get(&id).is_some_and(|task| task.is_success()));
    /// assert!(reply.get("ins-3").is_none());
    /// # Ok::<(), task_envelope::IdError>(())
    /// ```
    #[must_use]
    pub fn get<Q>(&self, id: &Q) -> Option<&TaskResponse>
    where
        R::Id: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.detail.get(id)
    }

    /// Every entry of `detail`, in wire (or construction) order.
    ///
    /// The map can be iterated, indexed by position, and looked up by id.
    #[must_use]
    pub fn detail(&self) -> &DetailMap<R::Id, TaskResponse> {
        &self.detail
    }

    /// Every entry of `detail` with its id, in order (the same as iterating
    /// `&reply`).
    pub fn iter(&self) -> indexmap::map::Iter<'_, R::Id, TaskResponse> {
        self.detail.iter()
    }

    /// What the reply says: what the entries say, whatever the outer code
    /// claims, or [`BatchOutcome::Rejected`] for a non-zero code with no
    /// entries (never `AllSucceeded`). O(1): the count of failures is kept
    /// while parsing or building.
    ///
    /// ```
    /// # use task_envelope::{BatchOutcome, BatchResponse, Code};
    /// # #[derive(task_envelope::Resource)]
    /// # struct Instance { #[resource(id)] instance_id: String }
    /// let refused: BatchResponse<Instance> =
    ///     serde_json::from_str(r#"{"code": 4000, "message": "instanceIds must not be empty"}"#).unwrap();
    /// assert_eq!(refused.outcome(), BatchOutcome::Rejected { code: Code::new(4000) });
    /// ```
    #[must_use]
    pub fn outcome(&self) -> BatchOutcome {
        rule::outcome(self.code, self.detail.len(), self.failed)
    }

    /// Checks the outer code against the entries.
    ///
    /// - No entries and a non-zero code: [`BatchError::Rejected`] (the whole
    ///   request was refused).
    /// - A code other than the one the rule gives for the entries:
    ///   [`BatchError::CodeMismatch`].
    /// - Otherwise the outcome.
    ///
    /// ```
    /// # use task_envelope::{BatchError, BatchResponse, Code};
    /// # #[derive(task_envelope::Resource)]
    /// # struct Instance { #[resource(id)] instance_id: String }
    /// let lying: BatchResponse<Instance> = serde_json::from_str(r#"{"code": 0, "detail": {
    ///     "ins-1": {"code": 4001, "message": "stopped by policy"}}}"#).unwrap();
    /// assert_eq!(
    ///     lying.verify(),
    ///     Err(BatchError::CodeMismatch { declared: Code::SUCCESS, expected: Code::ALL_FAILED }),
    /// );
    /// ```
    pub fn verify(&self) -> Result<BatchOutcome, BatchError> {
        rule::verify(self.code, &self.message, self.detail.len(), self.failed)
    }

    /// The resources that succeeded, in order, each with the request id to
    /// poll, or `None` when its action is done (the provider gave none).
    pub fn succeeded(&self) -> impl DoubleEndedIterator<Item = (&R::Id, Option<&RequestId>)> + '_ {
        self.detail
            .iter()
            .filter(|(_, task)| rule::succeeded(task.code))
            .map(|(id, task)| (id, task.request_id.as_ref()))
    }

    /// The resources that failed, with their task result, in order.
    pub fn failed(&self) -> impl DoubleEndedIterator<Item = (&R::Id, &TaskResponse)> + '_ {
        self.detail
            .iter()
            .filter(|(_, task)| !rule::succeeded(task.code))
    }

    /// Every resource with its result, in order: `Ok` with the request id
    /// to poll (`None` when the action is done), or the failure.
    pub fn into_results(
        self,
    ) -> impl ExactSizeIterator<Item = (R::Id, Result<Option<RequestId>, TaskError>)> + DoubleEndedIterator
    {
        self.detail
            .into_iter()
            .map(|(id, task)| (id, task.into_result()))
    }
}

impl<R: BatchTarget> FromIterator<(R::Id, Result<RequestId, TaskError>)> for BatchResponse<R> {
    /// Same as [`BatchResponse::from_results`].
    fn from_iter<I: IntoIterator<Item = (R::Id, Result<RequestId, TaskError>)>>(iter: I) -> Self {
        BatchResponse::from_results(iter)
    }
}

impl<'a, R: BatchTarget, P> IntoIterator for &'a BatchResponse<R, P> {
    type Item = (&'a R::Id, &'a TaskResponse);
    type IntoIter = indexmap::map::Iter<'a, R::Id, TaskResponse>;

    /// Every entry of `detail`, in order.
    fn into_iter(self) -> Self::IntoIter {
        self.detail.iter()
    }
}

/// One line: the declared code, the `codeDesc` when there is one, the
/// message, and what the entries say.
///
/// ```
/// # use task_envelope::{BatchResponse, Code};
/// # #[derive(task_envelope::Resource)]
/// # struct Instance { #[resource(id)] instance_id: String }
/// let reply: BatchResponse<Instance> = serde_json::from_str(r#"{"code": 5400,
///     "message": "some resources failed", "codeDesc": "PartialFailure",
///     "detail": {"ins-1": {"code": 0, "requestId": "1"}, "ins-2": {"code": 4001}}}"#).unwrap();
/// assert_eq!(
///     reply.to_string(),
///     "code 5400 (PartialFailure): some resources failed; 2 resources, 1 failed",
/// );
/// let rejected = BatchResponse::<Instance>::rejected(Code::new(4000), "bad\nrequest");
/// assert_eq!(rejected.to_string(), r"code 4000: bad\nrequest; no resources");
/// ```
impl<R: BatchTarget, P> fmt::Display for BatchResponse<R, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "code {}", self.code)?;
        if let Some(code_desc) = &self.code_desc {
            write!(f, " ({})", OneLine(code_desc))?;
        }
        if self.message.is_empty() {
            f.write_str(": (no message)")?;
        } else {
            write!(f, ": {}", OneLine(&self.message))?;
        }
        match self.detail.len() {
            0 => f.write_str("; no resources"),
            1 => write!(f, "; 1 resource, {} failed", self.failed),
            n => write!(f, "; {n} resources, {} failed", self.failed),
        }
    }
}

batch_reply_traits!(BatchResponse);
