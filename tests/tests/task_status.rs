//! The task-result poll of the code/requestId dialect: `TaskStatus`,
//! `TaskState` and `wait_for_task`.

use std::cell::RefCell;
use std::future::{Future, ready};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use serde_json::{Map, Value};
use task_envelope::{AnyValue, Backoff, Code, TaskState, TaskStatus, TaskWaitError, wait_for_task};

/// Runs a future whose parts are all ready at once.
fn now<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the future was not ready"),
    }
}

fn status(json: &str) -> TaskStatus {
    serde_json::from_str(json).unwrap()
}

/// Polls the `replies` in order; returns the outcome, the delays slept and
/// the number of fetches.
fn wait(
    replies: &[&str],
    backoff: Backoff,
) -> (
    Result<TaskStatus, TaskWaitError<(), serde_json::Error>>,
    Vec<Duration>,
    usize,
) {
    let left = RefCell::new(replies.iter().rev().copied().collect::<Vec<_>>());
    let fetched = RefCell::new(0);
    let slept = RefCell::new(Vec::new());
    let outcome = now(wait_for_task(
        backoff,
        || {
            *fetched.borrow_mut() += 1;
            let reply = left.borrow_mut().pop().expect("polled too often");
            ready(serde_json::from_str::<TaskStatus>(reply))
        },
        |delay| {
            slept.borrow_mut().push(delay);
            ready(())
        },
    ));
    (outcome, slept.into_inner(), fetched.into_inner())
}

const RUNNING: &str = r#"{"code": 0, "message": "", "data": {"status": 2}}"#;
const SUCCEEDED: &str = r#"{"code": 0, "message": "", "data": {"status": 0}}"#;
const FAILED: &str = r#"{"code": 0, "message": "", "data": {"status": "1"}}"#;

#[test]
fn the_published_sample_reads_and_writes_back_as_it_came() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/real/tencent_clb-describe-task-result-codeDesc.json"
    ))
    .unwrap();
    let reply: TaskStatus<Map<String, Value>> = serde_json::from_str(&text).unwrap();
    assert_eq!(reply.state(), Some(TaskState::Succeeded));
    assert_eq!(reply.code_desc.as_deref(), Some("Success"));
    let written: Value = serde_json::to_value(&reply).unwrap();
    assert_eq!(written, serde_json::from_str::<Value>(&text).unwrap());
}

#[test]
fn states_follow_data_status() {
    assert_eq!(status(SUCCEEDED).state(), Some(TaskState::Succeeded));
    assert_eq!(status(FAILED).state(), Some(TaskState::Failed));
    assert_eq!(status(RUNNING).state(), Some(TaskState::Running));
    let unknown = status(r#"{"code": 0, "data": {"status": 9, "progress": 40}}"#);
    assert_eq!(unknown.state(), Some(TaskState::Unknown(9)));
    assert!(!unknown.is_terminal());
    assert_eq!(
        unknown.data_extras(),
        [("progress".to_owned(), AnyValue::UInt(40))]
    );
    assert_eq!(
        serde_json::to_string(&unknown).unwrap(),
        r#"{"code":0,"message":"","data":{"status":9,"progress":40}}"#
    );
    // A quoted status stays quoted.
    assert_eq!(
        serde_json::to_string(&status(FAILED)).unwrap(),
        r#"{"code":0,"message":"","data":{"status":"1"}}"#
    );
}

#[test]
fn a_refused_poll_call_is_the_calls_failure_not_a_task_state() {
    let refused = status(
        r#"{"code": 4000, "message": "bad", "codeDesc": "InvalidParameter", "data": {"status": 0}}"#,
    );
    // Even with a `data.status`, a failed call says nothing of the task.
    assert_eq!(refused.state(), None);
    assert_eq!(refused.call_error().unwrap().code, Code::new(4000));
    assert_eq!(
        refused.to_string(),
        "the task-result poll failed: code 4000 (InvalidParameter): bad"
    );
}

#[test]
fn bad_replies_name_the_field() {
    for (json, message) in [
        (
            r#"{"code": 0}"#,
            "missing field `status` in `data` at line 1 column 11",
        ),
        (
            r#"{"code": 0, "data": null}"#,
            "missing field `status` in `data` at line 1 column 25",
        ),
        (
            r#"{"code": 0, "data": {"status": 1.5}}"#,
            "invalid type: floating point `1.5`, expected `status` in `data` to be an integer or a string of digits at line 1 column 34",
        ),
        (
            r#"{"code": 0, "data": {"status": 0, "status": 1}}"#,
            "duplicate field `status` in `data` at line 1 column 42",
        ),
        (
            r#"{"code": 0, "data": [], "x": 1}"#,
            "invalid type: sequence, expected `data` to be an object with `status` at line 1 column 22",
        ),
    ] {
        let error = serde_json::from_str::<TaskStatus>(json).unwrap_err();
        assert_eq!(error.to_string(), message, "{json}");
    }
}

#[test]
fn waiting_polls_until_the_task_ends() {
    let (outcome, slept, fetched) = wait(&[RUNNING, RUNNING, FAILED], Backoff::default());
    assert_eq!(outcome.unwrap().state(), Some(TaskState::Failed));
    assert_eq!(fetched, 3);
    assert_eq!(slept, [Duration::from_secs(1), Duration::from_millis(1500)]);
}

#[test]
fn a_refused_poll_stops_the_wait_as_a_refusal() {
    let (outcome, _, fetched) = wait(
        &[
            RUNNING,
            r#"{"code": 4000, "message": "requestId not found"}"#,
        ],
        Backoff::default(),
    );
    let Err(TaskWaitError::Refused { error }) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(error.code, Code::new(4000));
    assert_eq!(fetched, 2);
}

#[test]
fn the_deadline_names_the_last_state_honestly() {
    let backoff = Backoff {
        initial: Duration::from_secs(1),
        factor: 1.0,
        cap: Duration::from_secs(1),
        deadline: Duration::from_secs(2),
    };
    let unknown = r#"{"code": 0, "data": {"status": 7}}"#;
    let (outcome, slept, fetched) = wait(&[RUNNING, RUNNING, unknown], backoff);
    let error = outcome.unwrap_err();
    assert_eq!(
        error.to_string(),
        "the task did not end after 3 polls over 2s (last: task unknown status 7)"
    );
    assert_eq!(fetched, 3);
    assert_eq!(slept.iter().sum::<Duration>(), Duration::from_secs(2));
}

#[test]
fn a_fetch_error_stops_the_wait() {
    let (outcome, _, fetched) = wait(&[RUNNING, "{"], Backoff::default());
    let Err(TaskWaitError::Fetch { attempts, error }) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!((attempts, fetched), (2, 2));
    assert!(error.is_eof());
}
