//! The `retry_failed` example's caller code, run on both dialects: the same
//! function reports the same failures and retries the same resources.

// The example's `main` is unused here, and its `pub` items are for readers.
#[allow(dead_code, unreachable_pub)]
#[path = "../../examples/retry_failed.rs"]
mod example;

use example::{FakeCloud, RetryLog, ServerId, retry_until_done, servers};
use task_envelope::{BatchOutcome, BatchReport};

fn ids(names: &[&str]) -> Vec<ServerId> {
    names.iter().map(|name| name.parse().unwrap()).collect()
}

fn expected() -> RetryLog {
    RetryLog {
        failed_per_round: vec![ids(&["srv-1", "srv-3", "srv-5"]), vec![]],
        last_outcome: Some(BatchOutcome::AllSucceeded),
    }
}

#[test]
fn code_dialect_retries_only_the_failed_resources() {
    let mut cloud = FakeCloud::default();
    let log = retry_until_done("code", servers(6).unwrap(), 5, |ids| {
        cloud.start_servers(ids)
    })
    .unwrap();
    assert_eq!(log, expected());
}

#[test]
fn job_dialect_retries_only_the_failed_resources() {
    let mut cloud = FakeCloud::default();
    let log = retry_until_done("job", servers(6).unwrap(), 5, |ids| {
        cloud.start_servers_job(ids)
    })
    .unwrap();
    assert_eq!(log, expected());
}

#[test]
fn the_first_round_has_the_same_outcome_in_both_dialects() {
    let batch = FakeCloud::default()
        .start_servers(&servers(3).unwrap())
        .unwrap();
    let job = FakeCloud::default()
        .start_servers_job(&servers(3).unwrap())
        .unwrap();
    assert_eq!(
        BatchReport::final_outcome(&batch),
        Some(BatchOutcome::PartialFailure)
    );
    assert_eq!(
        BatchReport::final_outcome(&job),
        Some(BatchOutcome::PartialFailure)
    );
    assert_eq!(job.verify(), Ok(Some(BatchOutcome::PartialFailure)));
    assert_eq!(batch.verify(), Ok(BatchOutcome::PartialFailure));
}

#[test]
fn a_rejected_request_stops_the_retries_as_a_rejection_not_a_success() {
    let log = retry_until_done("code", servers(2).unwrap(), 5, |_| {
        serde_json::from_str::<task_envelope::BatchResponse<example::Server>>(
            r#"{"code": 4000, "message": "instanceIds must not be empty"}"#,
        )
    })
    .unwrap();
    assert_eq!(
        log.last_outcome,
        Some(BatchOutcome::Rejected {
            code: task_envelope::Code::new(4000)
        })
    );
    assert!(log.failed_per_round.is_empty());
}
