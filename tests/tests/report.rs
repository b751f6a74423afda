//! `BatchReport`: the per-resource view shared by both dialects.

use task_envelope::{
    BatchReport, BatchResponse, Code, JobId, JobStatus, RequestId, ResourceFailure, ResourceReport,
    ResourceStatus, TaskError, TaskHandle,
};
use task_envelope_tests::resources::Bucket;

fn job(json: &str) -> JobStatus<Bucket> {
    serde_json::from_str(json).unwrap()
}

#[test]
fn batch_entries_follow_the_wire_order() {
    let reply = BatchResponse::<Bucket>::from_results([
        (
            "b".to_owned(),
            Err(TaskError::new(Code::new(4001), "quota").with_request_id("9")),
        ),
        ("a".to_owned(), Ok(RequestId::from("1"))),
    ]);
    let request_1 = RequestId::from("1");
    let request_9 = RequestId::from("9");
    let entries: Vec<_> = reply.entries().collect();
    assert_eq!(
        entries,
        [
            ResourceReport {
                id: Some(&"b".to_owned()),
                status: ResourceStatus::Failed(
                    ResourceFailure::new(Some("4001".into()), "quota")
                        .with_task(TaskHandle::Request(&request_9))
                ),
            },
            ResourceReport {
                id: Some(&"a".to_owned()),
                status: ResourceStatus::Succeeded(Some(TaskHandle::Request(&request_1))),
            },
        ]
    );
}

#[test]
fn a_running_job_has_pending_entries_and_no_outcome() {
    let status = job(
        r#"{"status": "RUNNING", "job_id": "j", "entities": {"sub_jobs": [
            {"status": "SUCCESS", "job_id": "a", "entities": {"name": "x"}},
            {"status": "RUNNING", "job_id": "b", "entities": {"name": "y"}},
            {"status": "FAIL", "job_id": "c", "entities": {"name": "z"}}]}}"#,
    );
    assert_eq!(BatchReport::final_outcome(&status), None);
    let kinds: Vec<&str> = status
        .entries()
        .map(|entry| match entry.status {
            ResourceStatus::Succeeded(_) => "succeeded",
            ResourceStatus::Failed(_) => "failed",
            ResourceStatus::Pending(_) => "pending",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["succeeded", "pending", "failed"]);
}

#[test]
fn once_the_job_ended_an_unfinished_sub_job_is_a_failure() {
    let status = job(
        r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [
            {"status": "RUNNING", "job_id": "b", "entities": {"name": "y"}}]}}"#,
    );
    let failures: Vec<_> = status
        .entries()
        .filter_map(ResourceReport::into_failure)
        .collect();
    let sub_job = JobId::from("b");
    assert_eq!(
        failures,
        [(
            Some(&"y".to_owned()),
            ResourceFailure::new(None, "").with_task(TaskHandle::Job(&sub_job))
        )]
    );
    assert_eq!(
        failures[0].1.to_string(),
        "no code: (no message) (job_id b)"
    );
}

#[test]
fn a_job_without_sub_jobs_reports_itself() {
    let status = job(
        r#"{"status": "FAIL", "job_id": "j", "error_code": "Ecs.0001", "fail_reason": "locked",
            "entities": {"name": "only"}}"#,
    );
    let failures: Vec<_> = status
        .entries()
        .filter_map(ResourceReport::into_failure)
        .map(|(id, failure)| (id.cloned(), failure.to_string()))
        .collect();
    assert_eq!(
        failures,
        [(
            Some("only".to_owned()),
            "code Ecs.0001: locked (job_id j)".to_owned()
        )]
    );
}

#[test]
fn a_failure_without_a_named_resource_is_still_reported() {
    let status = job(
        r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [
            {"status": "FAIL", "job_id": "a", "fail_reason": "no entities"}]}}"#,
    );
    let failures: Vec<_> = status
        .entries()
        .filter_map(ResourceReport::into_failure)
        .collect();
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].0, None);
}

#[test]
fn a_failure_prints_the_same_line_through_failed_and_entries() {
    let reply: BatchResponse<Bucket> = serde_json::from_str(
        r#"{"code": 5100, "detail": {
            "a": {"code": 4001, "message": "quota", "requestId": "9", "codeDesc": "Quota"},
            "b": {"code": "4002", "message": ""},
            "c": {"code": -1, "message": "bad\nline"}}}"#,
    )
    .unwrap();
    let typed: Vec<String> = reply
        .failed()
        .map(|(id, task)| format!("{id}: {task}"))
        .collect();
    let reported: Vec<String> = reply
        .entries()
        .filter_map(ResourceReport::into_failure)
        .map(|(id, failure)| format!("{}: {failure}", id.unwrap()))
        .collect();
    assert_eq!(typed, reported);
    assert_eq!(
        reported,
        [
            "a: code 4001 (Quota): quota (requestId 9)",
            "b: code 4002: (no message)",
            r"c: code -1: bad\nline",
        ]
    );
}
