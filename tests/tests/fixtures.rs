//! Every sample reply parses with the meaning `fixtures/EXPECTED.md` gives it.

use task_envelope::{
    BatchError, BatchOutcome, BatchResponse, Code, RequestId, ResourceId, TaskResponse,
};
use task_envelope_tests::fixtures;
use task_envelope_tests::resources::{Bucket, Instance, InstanceId};

fn instance(id: &str) -> InstanceId {
    id.parse().expect("a valid instance id")
}

fn ids(reply: &BatchResponse<Instance>) -> Vec<&str> {
    reply.detail().keys().map(InstanceId::as_str).collect()
}

#[test]
fn common_success() {
    let reply: TaskResponse = serde_json::from_str(fixtures::COMMON_SUCCESS).unwrap();
    assert!(reply.is_success());
    assert_eq!(
        reply.into_result(),
        Ok(Some(RequestId::from("1231231231231")))
    );
}

#[test]
fn common_failure() {
    let reply: TaskResponse = serde_json::from_str(fixtures::COMMON_FAILURE).unwrap();
    assert!(!reply.is_success());
    assert_eq!(reply.code, Code::new(4001));
    assert_eq!(reply.request_id, None);
    let error = reply.into_result().unwrap_err();
    assert_eq!(
        error.message,
        "the server is in a state that does not allow a reset"
    );
    assert_eq!(
        error.to_string(),
        "code 4001: the server is in a state that does not allow a reset"
    );
}

#[test]
fn batch_all_succeeded() {
    let reply: BatchResponse<Instance> =
        serde_json::from_str(fixtures::BATCH_ALL_SUCCEEDED).unwrap();
    assert_eq!(
        ids(&reply),
        [
            "qcvm6a456b0d8f01d4b2b1f5073d3fb8ccc0",
            "qcvm6a456b0d8f01d4b2b1f5073d3fb8ccc1"
        ]
    );
    assert_eq!(reply.outcome(), BatchOutcome::AllSucceeded);
    assert_eq!(reply.verify(), Ok(BatchOutcome::AllSucceeded));
    assert_eq!(reply.code(), Code::SUCCESS);
    let request_ids: Vec<&str> = reply
        .succeeded()
        .filter_map(|(_, id)| id.map(RequestId::as_str))
        .collect();
    assert_eq!(request_ids, ["1231231231231", "1231231231232"]);
    assert_eq!(reply.failed().count(), 0);
}

#[test]
fn batch_partial_failure() {
    let reply: BatchResponse<Instance> =
        serde_json::from_str(fixtures::BATCH_PARTIAL_FAILURE).unwrap();
    assert_eq!(reply.len(), 3);
    assert_eq!(reply.outcome(), BatchOutcome::PartialFailure);
    assert_eq!(reply.verify(), Ok(BatchOutcome::PartialFailure));
    assert_eq!(reply.code(), Code::PARTIAL_FAILURE);
    let failed: Vec<_> = reply.failed().collect();
    assert_eq!(failed.len(), 1);
    let (id, task) = failed[0];
    assert_eq!(id, &instance("qcvm6a456b0d8f01d4b2b1f5073d3fb8ccc1"));
    assert_eq!(task.code, Code::new(4001));
    assert_eq!(task.message, "password does not meet the complexity rules");
    assert_eq!(task.request_id, Some(RequestId::from("1231231231232")));
}

#[test]
fn batch_all_failed() {
    let reply: BatchResponse<Instance> = serde_json::from_str(fixtures::BATCH_ALL_FAILED).unwrap();
    assert_eq!(reply.len(), 2);
    assert_eq!(reply.failed().count(), 2);
    assert!(reply.failed().all(|(_, task)| task.request_id.is_none()));
    assert_eq!(reply.outcome(), BatchOutcome::AllFailed);
    assert_eq!(reply.verify(), Ok(BatchOutcome::AllFailed));
    assert_eq!(reply.code(), Code::ALL_FAILED);
}

#[test]
fn batch_code_mismatch() {
    let reply: BatchResponse<Instance> =
        serde_json::from_str(fixtures::BATCH_CODE_MISMATCH).unwrap();
    assert_eq!(reply.outcome(), BatchOutcome::PartialFailure);
    assert_eq!(
        reply.verify(),
        Err(BatchError::CodeMismatch {
            declared: Code::new(0),
            expected: Code::new(5400)
        })
    );
}

#[test]
fn batch_rejected() {
    let reply: BatchResponse<Instance> = serde_json::from_str(fixtures::BATCH_REJECTED).unwrap();
    assert!(reply.is_empty());
    assert_eq!(
        reply.verify(),
        Err(BatchError::Rejected {
            code: Code::new(4000),
            message: "InvalidParameter: instanceIds must not be empty".into()
        })
    );
}

#[test]
fn batch_duplicate_id_is_refused_by_name() {
    let typed = serde_json::from_str::<BatchResponse<Instance>>(fixtures::BATCH_DUPLICATE_ID);
    let plain = serde_json::from_str::<BatchResponse<Bucket>>(fixtures::BATCH_DUPLICATE_ID);
    for error in [typed.unwrap_err(), plain.unwrap_err()] {
        assert_eq!(
            error.to_string(),
            "duplicate resource id `qcvm6a456b0d8f01d4b2b1f5073d3fb8ccc0` in `detail` at line 10 column 40"
        );
    }
}

#[test]
fn invalid_json_sample_is_a_positioned_error() {
    let as_task = serde_json::from_str::<TaskResponse>(fixtures::JOB_REJECTED_SAMPLE_INVALID);
    let as_batch =
        serde_json::from_str::<BatchResponse<Bucket>>(fixtures::JOB_REJECTED_SAMPLE_INVALID);
    for error in [as_task.unwrap_err(), as_batch.unwrap_err()] {
        assert!(error.is_syntax(), "{error}");
        assert_eq!((error.line(), error.column()), (2, 38), "{error}");
    }
}

#[test]
fn every_valid_batch_fixture_round_trips_in_order() {
    for json in [
        fixtures::BATCH_ALL_SUCCEEDED,
        fixtures::BATCH_PARTIAL_FAILURE,
        fixtures::BATCH_ALL_FAILED,
        fixtures::BATCH_CODE_MISMATCH,
        fixtures::BATCH_REJECTED,
    ] {
        let reply: BatchResponse<Instance> = serde_json::from_str(json).unwrap();
        let written = serde_json::to_string(&reply).unwrap();
        let again: BatchResponse<Instance> = serde_json::from_str(&written).unwrap();
        assert_eq!(again, reply);
        assert_eq!(ids(&again), ids(&reply));
        // The written form is the wire form: same values as the fixture.
        let original: serde_json::Value = serde_json::from_str(json).unwrap();
        let rewritten: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(rewritten, original, "{json}");
    }
}
