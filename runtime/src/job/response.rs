//! [`JobResponse`]: the reply to a job submission.

mod de;
mod ser;

use super::error::ApiError;
use crate::JobId;

/// The reply to a job submission in the `job_id`/`error` (OpenStack-style)
/// dialect: the job was accepted and can be polled by its id, or the request
/// was rejected; around the action's own fields `P`.
///
/// ```json
/// {"job_id": "70a599e0-31e7-49b7-b260-868f441e862b"}
/// {"job_id": "ff808082739334d80173941567f21d4f", "serverIds": ["118258c5-..."]}
/// {"error": {"message": "...", "code": "Ecs.0001", "details": [{"message": "...", "code": "..."}]}}
/// {"error_code": "APIG.0101", "error_msg": "...", "request_id": "..."}
/// {"badRequest": {"message": "...", "code": 400}}
/// ```
///
/// # Parsing rules
///
/// - An object with `job_id` is [`Accepted`](JobResponse::Accepted); one
///   without it is [`Rejected`](JobResponse::Rejected) when it is an error
///   body of any shape [`ApiError`] reads (`error`, `error_code`,
///   `errorCode`, `code`, or a fault such as `badRequest`), and an error
///   otherwise.
/// - An object with `job_id` and an error it states outright (`error`, or a
///   non-null `error_code` or `errorCode`) is an error that says so; a
///   repeated key is one too.
/// - Every error code may be a JSON string or an integer, and is kept as
///   text; a rejected reply is written back in the shape it came in.
///
/// # The envelope and the payload
///
/// An accepted job may carry more than its id (`serverIds`, `order_id`,
/// `instance_id`): those fields go to the payload type `P`, read in the same
/// pass as the envelope's (nothing is buffered; `P`'s errors carry the
/// format's position) and written back after `job_id`, as
/// [`TaskResponse`](crate::TaskResponse) does. The default `P = ()` keeps
/// nothing; `serde_json::Map<String, serde_json::Value>` keeps every field.
///
/// - The envelope claims `job_id` and the keys an error body is read from:
///   `error`, `error_code`, `error_msg`, `errorCode`, `errorMsg`, `code`,
///   `message`, `details`, `request_id`, `requestId`, and the names
///   OpenStack-style services give their faults (`badRequest`, `unauthorized`, `forbidden`,
///   `itemNotFound`, `badMethod`, `conflictingRequest`, `overLimit`,
///   `badMediaType`, `notImplemented`, `serviceUnavailable`,
///   `computeFault`). `P` never sees them, so a rejection is told apart
///   whatever `P` is; on an accepted job, those of them that state no error
///   are not kept.
/// - With `P = ()` every other key is read as a possible error body too, so
///   a fault under any other name (`{"conflict": {"code": 409, ...}}`) is a
///   rejection; with a `P` that keeps fields, such a key is `P`'s.
/// - An accepted reply must carry `P`'s required fields (a missing one is an
///   error naming it); a rejected one need not, and has no payload.
///
/// ```
/// use task_envelope::{JobId, JobResponse};
///
/// let accepted: JobResponse =
///     serde_json::from_str(r#"{"job_id": "70a599e0-31e7-49b7-b260-868f441e862b"}"#).unwrap();
/// assert_eq!(accepted.into_result().unwrap(), "70a599e0-31e7-49b7-b260-868f441e862b");
///
/// let rejected: JobResponse =
///     serde_json::from_str(r#"{"error": {"message": "quota", "code": 403}}"#).unwrap();
/// assert_eq!(rejected.into_result().unwrap_err().code, "403");
///
/// let gateway: JobResponse = serde_json::from_str(
///     r#"{"error_code": "APIG.0101", "error_msg": "no such API", "request_id": "r-1"}"#,
/// ).unwrap();
/// assert_eq!(gateway.into_result().unwrap_err().request_id.as_deref(), Some("r-1"));
///
/// let both = serde_json::from_str::<JobResponse>(r#"{"job_id": "1", "error": {"code": "E"}}"#);
/// assert_eq!(
///     both.unwrap_err().to_string(),
///     "a job reply cannot have both `job_id` and `error` at line 1 column 39",
/// );
/// ```
///
/// A typed payload, the servers a create job will make:
///
/// ```
/// use serde::{Deserialize, Serialize};
/// use task_envelope::JobResponse;
///
/// #[derive(Debug, Deserialize, Serialize)]
/// #[serde(rename_all = "camelCase")]
/// struct Created { server_ids: Vec<String> }
///
/// let body = r#"{"job_id": "ff80", "serverIds": ["118258c5"]}"#;
/// let reply: JobResponse<Created> = serde_json::from_str(body)?;
/// assert_eq!(reply.payload().unwrap().server_ids, ["118258c5"]);
/// assert_eq!(serde_json::to_string(&reply)?, r#"{"job_id":"ff80","serverIds":["118258c5"]}"#);
///
/// // An accepted job without the payload's fields names the missing one.
/// let err = serde_json::from_str::<JobResponse<Created>>(r#"{"job_id": "ff80"}"#).unwrap_err();
/// assert_eq!(err.to_string(), "missing field `serverIds` at line 1 column 18");
///
/// // A rejection need not carry them.
/// let rejected: JobResponse<Created> =
///     serde_json::from_str(r#"{"badRequest": {"message": "bad flavor", "code": 400}}"#)?;
/// assert!(!rejected.is_accepted());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum JobResponse<P = ()> {
    /// The job was accepted; poll it by this id.
    Accepted {
        /// The id of the job.
        job_id: JobId,
        /// The action's own fields: `None` when `P` keeps nothing (`()`),
        /// or on a reply built without one.
        payload: Option<P>,
    },
    /// The request was refused.
    Rejected(ApiError),
}

impl JobResponse {
    /// An accepted job without a payload.
    ///
    /// ```
    /// # use task_envelope::JobResponse;
    /// let reply = JobResponse::accepted("job-1");
    /// assert_eq!(serde_json::to_string(&reply).unwrap(), r#"{"job_id":"job-1"}"#);
    /// ```
    #[must_use]
    pub fn accepted(job_id: impl Into<JobId>) -> Self {
        JobResponse::Accepted {
            job_id: job_id.into(),
            payload: None,
        }
    }
}

impl JobResponse {
    /// A rejected request. Where nothing else fixes the payload type (an
    /// argument of a generic function), `JobResponse::Rejected(error)`
    /// leaves `P` to infer; this constructor fixes it to `()`.
    ///
    /// ```
    /// # use task_envelope::{ApiError, JobResponse};
    /// let reply = JobResponse::rejected(ApiError::new("Ecs.0404", "no such job"));
    /// assert_eq!(
    ///     serde_json::to_string(&reply).unwrap(),
    ///     r#"{"error":{"message":"no such job","code":"Ecs.0404"}}"#,
    /// );
    /// ```
    #[must_use]
    pub fn rejected(error: ApiError) -> Self {
        JobResponse::Rejected(error)
    }
}

impl<P> JobResponse<P> {
    /// The job id, or the error. The payload stays behind: read it first
    /// with [`payload`](Self::payload), or use
    /// [`into_parts`](Self::into_parts).
    // `ApiError` is large (it keeps the whole body); it is this method's
    // documented error type, and boxing it would only move the cost.
    #[allow(clippy::result_large_err)]
    pub fn into_result(self) -> Result<JobId, ApiError> {
        self.into_parts().map(|(job_id, _)| job_id)
    }

    /// The job id with the payload, or the error.
    #[allow(clippy::result_large_err)]
    pub fn into_parts(self) -> Result<(JobId, Option<P>), ApiError> {
        match self {
            JobResponse::Accepted { job_id, payload } => Ok((job_id, payload)),
            JobResponse::Rejected(error) => Err(error),
        }
    }

    /// Whether the job was accepted.
    #[must_use]
    pub fn is_accepted(&self) -> bool {
        matches!(self, JobResponse::Accepted { .. })
    }

    /// The payload of an accepted job, when it has one.
    #[must_use]
    pub fn payload(&self) -> Option<&P> {
        match self {
            JobResponse::Accepted { payload, .. } => payload.as_ref(),
            JobResponse::Rejected(_) => None,
        }
    }

    /// The same reply around another payload: an accepted job gets
    /// `payload`, a rejected one stays as it is (without it).
    ///
    /// ```
    /// # use std::collections::BTreeMap;
    /// # use task_envelope::JobResponse;
    /// let reply = JobResponse::accepted("j")
    ///     .with_payload(BTreeMap::from([("order_id", "CS2007")]));
    /// assert_eq!(
    ///     serde_json::to_string(&reply).unwrap(),
    ///     r#"{"job_id":"j","order_id":"CS2007"}"#,
    /// );
    /// ```
    #[must_use]
    pub fn with_payload<Q>(self, payload: Q) -> JobResponse<Q> {
        match self {
            JobResponse::Accepted { job_id, .. } => JobResponse::Accepted {
                job_id,
                payload: Some(payload),
            },
            JobResponse::Rejected(error) => JobResponse::Rejected(error),
        }
    }
}
