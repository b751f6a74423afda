//! [`SyncBatchResponse`]: the reply of a synchronous batch action of the
//! `job_id`/`error` dialect (batch reset password, batch resize), which
//! answers at once, resource by resource, with no job to poll.

mod de;
mod ser;

use core::fmt;
use std::collections::HashSet;

use crate::report::{BatchReport, ResourceFailure, ResourceReport, ResourceStatus};
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

pub(super) const RESPONSE: &str = "response";
pub(super) const INTERNAL_ERROR: &str = "internalError";
