//! Each reply type as an axum response: status, `Content-Type` and a body
//! that parses back into the same reply.
#![cfg(feature = "axum")]

use core::fmt;

use axum::body::to_bytes;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use task_envelope::{
    ApiError, BatchResponse, BatchResponseRef, Code, JobResponse, JobStatus, RequestId, Resource,
    TaskError, TaskResponse,
};
use task_envelope_tests::fixtures;
use task_envelope_tests::resources::Instance;

/// The response's status, `Content-Type` and body.
async fn parts(response: Response) -> (StatusCode, String, Vec<u8>) {
    let status = response.status();
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, content_type, body.to_vec())
}

/// Checks that `reply` is served as JSON with `status` and reads back equal.
async fn served_as<T>(reply: T, status: StatusCode)
where
    T: IntoResponse + DeserializeOwned + PartialEq + fmt::Debug + Clone,
{
    let (got_status, content_type, body) = parts(reply.clone().into_response()).await;
    assert_eq!(got_status, status);
    assert_eq!(content_type, "application/json");
    assert_eq!(serde_json::from_slice::<T>(&body).unwrap(), reply);
}

#[tokio::test]
async fn the_code_dialect_is_always_200_because_failure_is_in_the_body() {
    served_as(TaskResponse::success("r-1"), StatusCode::OK).await;
    served_as(
        TaskResponse::failure(Code::new(4001), "locked"),
        StatusCode::OK,
    )
    .await;
    for (_, fixture) in [
        ("ok", fixtures::BATCH_ALL_SUCCEEDED),
        ("partial", fixtures::BATCH_PARTIAL_FAILURE),
        ("all failed", fixtures::BATCH_ALL_FAILED),
        ("rejected", fixtures::BATCH_REJECTED),
    ] {
        let reply: BatchResponse<Instance> = serde_json::from_str(fixture).unwrap();
        served_as(reply, StatusCode::OK).await;
    }
}

#[tokio::test]
async fn the_borrowed_view_is_served_like_the_owned_reply() {
    let view: BatchResponseRef<'_, Instance> =
        serde_json::from_str(fixtures::BATCH_PARTIAL_FAILURE).unwrap();
    let owned = view.clone().into_owned();
    let (status, content_type, body) = parts(view.into_response()).await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::OK, "application/json")
    );
    assert_eq!(
        serde_json::from_slice::<BatchResponse<Instance>>(&body).unwrap(),
        owned
    );
}

#[tokio::test]
async fn an_accepted_job_is_200_and_a_rejected_one_400() {
    let accepted: JobResponse = serde_json::from_str(fixtures::JOB_ACCEPTED).unwrap();
    served_as(accepted, StatusCode::OK).await;
    let rejected: JobResponse = serde_json::from_str(fixtures::JOB_REJECTED).unwrap();
    served_as(rejected, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn a_job_status_is_200_whatever_its_state() {
    let failed: JobStatus<Instance> = serde_json::from_str(
        r#"{"status": "FAIL", "job_id": "j-1", "fail_reason": "quota",
            "entities": {"sub_jobs_total": 1, "sub_jobs": [
                {"status": "FAIL", "job_id": "j-1a", "entities": {"instance_id": "qcvm1"}}]}}"#,
    )
    .unwrap();
    served_as(failed, StatusCode::OK).await;
}

#[tokio::test]
async fn a_status_paired_with_the_reply_replaces_the_default() {
    let reply = JobResponse::Rejected(ApiError::new("Ecs.0404", "no such job"));
    let (status, content_type, body) =
        parts((StatusCode::NOT_FOUND, reply.clone()).into_response()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(content_type, "application/json");
    assert_eq!(serde_json::from_slice::<JobResponse>(&body).unwrap(), reply);

    let (status, ..) =
        parts((StatusCode::ACCEPTED, TaskResponse::success("r-1")).into_response()).await;
    assert_eq!(status, StatusCode::ACCEPTED);
}

/// An id whose `Serialize` always fails, to see what a handler then answers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Unwritable(String);

impl fmt::Display for Unwritable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl serde::Serialize for Unwritable {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("this id cannot be written"))
    }
}

impl<'de> serde::Deserialize<'de> for Unwritable {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Unwritable)
    }
}

#[derive(Resource)]
struct Odd {
    #[resource(id)]
    id: Unwritable,
}

#[tokio::test]
async fn a_reply_that_cannot_be_written_is_a_500_that_says_why() {
    let reply = BatchResponse::<Odd>::from_results([(
        Unwritable("x-1".to_owned()),
        Err::<RequestId, _>(TaskError::new(Code::new(1), "no")),
    )]);
    let (status, content_type, body) = parts(reply.into_response()).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(content_type, "text/plain; charset=utf-8");
    assert_eq!(
        String::from_utf8(body).unwrap(),
        "the reply could not be written as JSON: this id cannot be written"
    );
}

#[tokio::test]
async fn a_request_id_in_the_reply_is_also_the_x_request_id_header() {
    let header = |response: Response| {
        response
            .headers()
            .get("x-request-id")
            .map(|value| value.to_str().unwrap().to_owned())
    };
    assert_eq!(
        header(TaskResponse::success(3_901_942).into_response()).as_deref(),
        Some("3901942")
    );
    assert_eq!(header(TaskResponse::done().into_response()), None);
    let batch =
        BatchResponse::<Instance>::rejected(Code::new(4000), "empty").with_request_id("b-1");
    assert_eq!(header(batch.into_response()).as_deref(), Some("b-1"));
    let rejected: JobResponse = serde_json::from_str(
        r#"{"error_code": "APIG.0101", "error_msg": "no such API", "request_id": "acbc"}"#,
    )
    .unwrap();
    let response = rejected.into_response();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(header(response).as_deref(), Some("acbc"));
    // A value no header can carry is left out, never a panic.
    assert_eq!(header(TaskResponse::success("a\nb").into_response()), None);
    let status = task_envelope::TaskStatus::new(task_envelope::TaskState::Running);
    let (code, _, body) = parts(status.into_response()).await;
    assert_eq!(code, StatusCode::OK);
    assert_eq!(body, br#"{"code":0,"message":"","data":{"status":2}}"#);
}
