//! [`BatchResponse`]: one request, many resources, and the outer-code rule.

pub(crate) mod parse;
pub(crate) mod wire;

use core::fmt;

use indexmap::IndexMap;
use indexmap::map::Entry;

use crate::chain::Whole;
use crate::text::OneLine;
use crate::{BatchError, BatchOutcome, BatchTarget, Code, RequestId, TaskError, TaskResponse};

/// `Clone`, `Debug`, `PartialEq` and `Eq` for a batch reply type with the
/// fields of [`BatchResponse`] ([`BatchResponseRef`](crate::BatchResponseRef)
/// too). Two replies are equal when every field is and `detail` holds equal
/// entries **in the same order**: order is part of a reply's meaning here,
/// unlike in `IndexMap`'s own order-blind equality.
macro_rules! batch_reply_traits {
    ($name:ident $(<$lt:lifetime>)?) => {
        impl<$($lt,)? R: BatchTarget> Clone for $name<$($lt,)? R> {
            fn clone(&self) -> Self {
                $name {
                    code: self.code,
                    message: self.message.clone(),
                    request_id: self.request_id.clone(),
                    code_desc: self.code_desc.clone(),
                    detail: self.detail.clone(),
                    failed: self.failed,
                }
            }
        }

        impl<$($lt,)? R: BatchTarget> core::fmt::Debug for $name<$($lt,)? R> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("code", &self.code)
                    .field("message", &self.message)
                    .field("request_id", &self.request_id)
                    .field("code_desc", &self.code_desc)
                    .field("detail", &self.detail)
                    .finish_non_exhaustive()
            }
        }

        impl<$($lt,)? R: BatchTarget> PartialEq for $name<$($lt,)? R> {
            fn eq(&self, other: &Self) -> bool {
                self.code == other.code
                    && self.message == other.message
                    && self.request_id == other.request_id
                    && self.code_desc == other.code_desc
                    && self.detail.len() == other.detail.len()
                    && self.detail.iter().eq(other.detail.iter())
            }
        }

        impl<$($lt,)? R: BatchTarget> Eq for $name<$($lt,)? R> {}
    };
}

pub(crate) use batch_reply_traits;

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
/// An entry succeeded when its code is 0 and it has a request id; parsing
/// guarantees that every entry with code 0 has one.
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
pub struct BatchResponse<R: BatchTarget> {
    code: Code,
    message: String,
    request_id: Option<RequestId>,
    code_desc: Option<String>,
    detail: IndexMap<R::Id, TaskResponse>,
    /// How many entries of `detail` count as failed; kept in step with
    /// `detail` by every constructor so [`BatchResponse::outcome`] is O(1).
    failed: usize,
}

impl<R: BatchTarget> BatchResponse<R> {
    /// A reply from parsed (or converted) parts; `failed` must count the
    /// entries of `detail` that do not count as a success.
    pub(crate) fn from_parts(
        code: Code,
        message: String,
        request_id: Option<RequestId>,
        code_desc: Option<String>,
        detail: IndexMap<R::Id, TaskResponse>,
        failed: usize,
    ) -> Self {
        BatchResponse {
            code,
            message,
            request_id,
            code_desc,
            detail,
            failed,
        }
    }

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
    /// assert_eq!(reply.get(&"ins-1".to_owned()).unwrap().message, "started");
    /// ```
    pub fn from_tasks<I>(tasks: I) -> Self
    where
        I: IntoIterator<Item = (R::Id, TaskResponse)>,
    {
        let tasks = tasks.into_iter();
        let mut detail: IndexMap<R::Id, TaskResponse> =
            IndexMap::with_capacity(tasks.size_hint().0);
        for (id, task) in tasks {
            match detail.entry(id) {
                Entry::Vacant(slot) => {
                    slot.insert(task);
                }
                Entry::Occupied(mut slot) => {
                    let keeps_failure = !slot.get().counts_as_success() && task.counts_as_success();
                    if !keeps_failure {
                        slot.insert(task);
                    }
                }
            }
        }
        let failed = detail.values().filter(|t| !t.counts_as_success()).count();
        let outcome = BatchOutcome::judge(failed, detail.len());
        BatchResponse {
            code: outcome.code(),
            message: outcome.message().to_owned(),
            request_id: None,
            code_desc: None,
            detail,
            failed,
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
            detail: IndexMap::new(),
            failed: 0,
        }
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

    /// The task result of one resource.
    #[must_use]
    pub fn get(&self, id: &R::Id) -> Option<&TaskResponse> {
        self.detail.get(id)
    }

    /// Every entry of `detail`, in wire (or construction) order.
    ///
    /// The map can be iterated, indexed by position, and looked up by id.
    #[must_use]
    pub fn detail(&self) -> &IndexMap<R::Id, TaskResponse> {
        &self.detail
    }

    /// Every entry of `detail` with its id, in order (the same as iterating
    /// `&reply`).
    pub fn iter(&self) -> indexmap::map::Iter<'_, R::Id, TaskResponse> {
        self.detail.iter()
    }

    /// What the entries say, whatever the outer code claims. O(1): the count
    /// of failures is kept while parsing or building.
    #[must_use]
    pub fn outcome(&self) -> BatchOutcome {
        BatchOutcome::judge(self.failed, self.detail.len())
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
        verify(self.code, &self.message, self.detail.len(), self.failed)
    }

    /// The resources that succeeded, with the request id to poll, in order.
    pub fn succeeded(&self) -> impl DoubleEndedIterator<Item = (&R::Id, &RequestId)> + '_ {
        self.detail
            .iter()
            .filter_map(|(id, task)| match &task.request_id {
                Some(request_id) if task.code.is_success() => Some((id, request_id)),
                _ => None,
            })
    }

    /// The resources that failed, with their task result, in order.
    pub fn failed(&self) -> impl DoubleEndedIterator<Item = (&R::Id, &TaskResponse)> + '_ {
        self.detail
            .iter()
            .filter(|(_, task)| !task.counts_as_success())
    }

    /// The reply taken apart for splitting a task chain: what each part
    /// keeps of the whole, and the entries in order.
    pub(crate) fn take_apart(self) -> (Whole, IndexMap<R::Id, TaskResponse>) {
        let whole = Whole {
            rejected: self.detail.is_empty() && !self.code.is_success(),
            code: self.code,
            message: self.message,
            request_id: self.request_id,
            code_desc: self.code_desc,
        };
        (whole, self.detail)
    }

    /// Every resource with its result, in order.
    pub fn into_results(
        self,
    ) -> impl ExactSizeIterator<Item = (R::Id, Result<RequestId, TaskError>)> + DoubleEndedIterator
    {
        self.detail
            .into_iter()
            .map(|(id, task)| (id, task.into_result()))
    }
}

/// The outer-code check of [`BatchResponse::verify`], shared with the
/// borrowed view: `len` entries of which `failed` failed, under `code`.
pub(crate) fn verify(
    code: Code,
    message: &str,
    len: usize,
    failed: usize,
) -> Result<BatchOutcome, BatchError> {
    if len == 0 && !code.is_success() {
        return Err(BatchError::Rejected {
            code,
            message: message.to_owned(),
        });
    }
    let outcome = BatchOutcome::judge(failed, len);
    if code == outcome.code() {
        Ok(outcome)
    } else {
        Err(BatchError::CodeMismatch {
            declared: code,
            expected: outcome.code(),
        })
    }
}

impl<R: BatchTarget> FromIterator<(R::Id, Result<RequestId, TaskError>)> for BatchResponse<R> {
    /// Same as [`BatchResponse::from_results`].
    fn from_iter<I: IntoIterator<Item = (R::Id, Result<RequestId, TaskError>)>>(iter: I) -> Self {
        BatchResponse::from_results(iter)
    }
}

impl<'a, R: BatchTarget> IntoIterator for &'a BatchResponse<R> {
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
impl<R: BatchTarget> fmt::Display for BatchResponse<R> {
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
