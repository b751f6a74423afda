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
use http::header::{CONTENT_TYPE, HeaderValue};
use serde::Serialize;

use crate::{BatchResponse, BatchResponseRef, BatchTarget, JobResponse, JobStatus, TaskResponse};

/// Writes `reply` as a JSON response with `status`.
fn json_response(status: StatusCode, reply: &impl Serialize) -> Response {
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

/// `200 OK` with the reply as JSON (available with the `axum` feature).
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
/// // Pair the reply with a status to choose it yourself.
/// let response = (StatusCode::CONFLICT, TaskResponse::failure(Code::new(4001), "locked"))
///     .into_response();
/// assert_eq!(response.status(), StatusCode::CONFLICT);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl IntoResponse for TaskResponse {
    fn into_response(self) -> Response {
        json_response(StatusCode::OK, &self)
    }
}

/// `200 OK` with the reply as JSON, whatever its outer code (available with
/// the `axum` feature).
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl<R: BatchTarget> IntoResponse for BatchResponse<R> {
    fn into_response(self) -> Response {
        json_response(StatusCode::OK, &self)
    }
}

/// `200 OK` with the reply as JSON, whatever its outer code (available with
/// the `axum` feature).
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl<R: BatchTarget> IntoResponse for BatchResponseRef<'_, R> {
    fn into_response(self) -> Response {
        json_response(StatusCode::OK, &self)
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
        let status = if self.is_accepted() {
            StatusCode::OK
        } else {
            StatusCode::BAD_REQUEST
        };
        json_response(status, &self)
    }
}

/// `200 OK` with the job's status as JSON, whatever the job's state
/// (available with the `axum` feature).
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl<R: BatchTarget, P: Serialize> IntoResponse for JobStatus<R, P> {
    fn into_response(self) -> Response {
        json_response(StatusCode::OK, &self)
    }
}
