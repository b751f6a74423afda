//! Serving the replies from an axum handler (feature `axum`).
//!
//! Every reply type implements [`IntoResponse`], so a handler returns it as
//! it is. The body is the reply's JSON, with `Content-Type: application/json`.
//! The status follows the dialect:
//!
//! | reply | status |
//! |---|---|
//! | [`TaskResponse`], [`BatchResponse`], [`BatchResponseRef`] | `200 OK`, whatever the code: this dialect reports failure in the body |
//! | [`JobResponse::Accepted`], [`JobStatus`] | `200 OK` |
//! | [`JobResponse::Rejected`] | `400 Bad Request` |
//!
//! Whenever the reply carries a request id (a task's or a batch's
//! top-level `requestId`, a rejected job's `request_id`), the response
//! carries it in `X-Request-Id` too, where official SDKs look for it.
//!
//! To choose the status yourself, pair the reply with it: axum's own
//! `(StatusCode, impl IntoResponse)` replaces the status and keeps the body
//! and its `Content-Type`.
//!
//! A reply whose resource ids fail to serialise (a custom id type whose
//! `Serialize` returns an error) becomes `500 Internal Server Error` with a
//! plain-text body saying why, rather than a half-written JSON body.

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use http::StatusCode;
use http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use serde::Serialize;

use crate::{
    BatchResponse, BatchResponseRef, BatchTarget, JobResponse, JobStatus, TaskResponse, TaskStatus,
};

/// The header official SDKs read a failed call's request id from.
const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Writes `reply` as a JSON response with `status`, and `request_id` (when
/// there is one that a header can carry) as `X-Request-Id`.
fn json_response(status: StatusCode, reply: &impl Serialize, request_id: Option<&str>) -> Response {
    let mut response = json_body(status, reply);
    if let Some(value) = request_id.and_then(|id| HeaderValue::from_str(id).ok()) {
        response.headers_mut().insert(X_REQUEST_ID, value);
    }
    response
}

fn json_body(status: StatusCode, reply: &impl Serialize) -> Response {
    let (status, content_type, body) = match serde_json::to_vec(reply) {
        Ok(json) => (status, "application/json", json),
        Err(error) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "text/plain; charset=utf-8",
            format!("the reply could not be written as JSON: {error}").into_bytes(),
        ),
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// `200 OK` with the reply as JSON, and its `requestId` as `X-Request-Id`
/// (available with the `axum` feature).
///
/// ```
/// use axum_core::response::IntoResponse;
/// use http::StatusCode;
/// use task_envelope::{Code, TaskResponse};
///
/// let response = TaskResponse::failure(Code::new(4001), "locked").into_response();
/// assert_eq!(response.status(), StatusCode::OK); // the failure is in the body
/// assert_eq!(response.headers()["content-type"], "application/json");
///
/// let response = TaskResponse::success(3_901_942).into_response();
/// assert_eq!(response.headers()["x-request-id"], "3901942");
///
/// // Pair the reply with a status to choose it yourself.
/// let response = (StatusCode::CONFLICT, TaskResponse::failure(Code::new(4001), "locked"))
///     .into_response();
/// assert_eq!(response.status(), StatusCode::CONFLICT);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl<P: Serialize> IntoResponse for TaskResponse<P> {
    fn into_response(self) -> Response {
        let request_id = self.request_id.as_ref().map(crate::RequestId::as_str);
        json_response(StatusCode::OK, &self, request_id)
    }
}

/// `200 OK` with the task-result reply as JSON, whatever the task's state
/// (available with the `axum` feature).
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl<P: Serialize> IntoResponse for TaskStatus<P> {
    fn into_response(self) -> Response {
        let request_id = self.request_id.as_ref().map(crate::RequestId::as_str);
        json_response(StatusCode::OK, &self, request_id)
    }
}

/// `200 OK` with the reply as JSON, whatever its outer code (available with
/// the `axum` feature).
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl<R: BatchTarget, P: Serialize> IntoResponse for BatchResponse<R, P> {
    fn into_response(self) -> Response {
        let request_id = self.request_id().map(crate::RequestId::as_str);
        json_response(StatusCode::OK, &self, request_id)
    }
}

/// `200 OK` with the reply as JSON, whatever its outer code (available with
/// the `axum` feature).
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl<R: BatchTarget, P: Serialize> IntoResponse for BatchResponseRef<'_, R, P> {
    fn into_response(self) -> Response {
        let request_id = self.request_id().map(crate::RequestIdRef::as_str);
        json_response(StatusCode::OK, &self, request_id)
    }
}

/// `200 OK` for an accepted job, `400 Bad Request` for a rejected one, with
/// the reply as JSON (available with the `axum` feature).
///
/// ```
/// use axum_core::response::IntoResponse;
/// use http::StatusCode;
/// use task_envelope::{ApiError, JobId, JobResponse};
///
/// let accepted = JobResponse::accepted(JobId::from("job-1"));
/// assert_eq!(accepted.into_response().status(), StatusCode::OK);
///
/// let rejected = JobResponse::rejected(ApiError::new("Ecs.0605", "quota exceeded"));
/// assert_eq!(rejected.into_response().status(), StatusCode::BAD_REQUEST);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl<P: Serialize> IntoResponse for JobResponse<P> {
    fn into_response(self) -> Response {
        let (status, request_id) = match &self {
            JobResponse::Rejected(error) => (StatusCode::BAD_REQUEST, error.request_id.as_deref()),
            JobResponse::Accepted { .. } => (StatusCode::OK, None),
        };
        json_response(status, &self, request_id)
    }
}

/// `200 OK` with the job's status as JSON, whatever the job's state
/// (available with the `axum` feature).
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl<R: BatchTarget, P: Serialize> IntoResponse for JobStatus<R, P> {
    fn into_response(self) -> Response {
        json_response(StatusCode::OK, &self, None)
    }
}
