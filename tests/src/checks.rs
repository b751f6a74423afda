//! The checks a fuzz target runs on one input, shared with the corpus replay
//! test so that every corpus file is checked in `cargo test` too.
//!
//! Each check parses the input as one reply type; for whatever parses, it
//! asserts that writing and parsing again gives an equal value (in the same
//! order), that the judgements (`outcome()`, `verify()`, the per-resource
//! report) agree with each other, and that nothing panics. A failed
//! assertion is a finding.

// Every check panics on a finding: that is its job, as said above.
#![allow(clippy::missing_panics_doc)]

use std::fmt::Debug;
use std::ops::ControlFlow;

use arbitrary::{Arbitrary, Unstructured};

use serde::Serialize;
use serde::de::DeserializeOwned;
use task_envelope::{
    BatchOutcome, BatchReport, BatchResponse, BatchResponseRef, Code, JobResponse, JobStatus,
    RequestId, Resource, ResourceId, ResourceReport, ResourceStatus, TaskError, TaskResponse,
    TaskStatus,
};

use crate::resources::{Bucket, Instance};

/// Runs every check on `bytes`.
pub fn all(bytes: &[u8]) {
    task_reply(bytes);
    payload_replies(bytes);
    batch_reply::<Bucket>(bytes);
    batch_reply::<Instance>(bytes);
    job_reply(bytes);
    job_status::<Bucket>(bytes);
    job_status::<Instance>(bytes);
}

/// `bytes` as a [`TaskResponse`] and as a [`TaskError`].
pub fn task_reply(bytes: &[u8]) {
    if let Ok(reply) = serde_json::from_slice::<TaskResponse>(bytes) {
        // A success may have nothing to poll; it is never an error.
        assert_eq!(reply.clone().into_result().is_ok(), reply.is_success());
        assert_eq!(
            reply.needs_polling(),
            reply.is_success() && reply.request_id.is_some()
        );
        round_trip(&reply);
        let _ = reply.to_string();
        if let Err(error) = reply.into_result() {
            let _ = error.to_string();
        }
    }
    if let Ok(error) = serde_json::from_slice::<TaskError>(bytes) {
        round_trip(&error);
        assert!(!error.to_string().contains('\n'), "{error:?}");
    }
}

/// `bytes` as a [`BatchResponse<R>`], and as a [`BatchResponseRef`], which
/// must agree with it: the same value, or the same error.
pub fn batch_reply<R: Resource>(bytes: &[u8])
where
    R::Id: ResourceId,
{
    let owned = serde_json::from_slice::<BatchResponse<R>>(bytes);
    let view = serde_json::from_slice::<BatchResponseRef<'_, R>>(bytes);
    match (&owned, view) {
        (Ok(owned), Ok(view)) => {
            assert_eq!(view.outcome(), owned.outcome());
            assert_eq!(view.verify(), owned.verify());
            let written = serde_json::to_vec(&view).expect("a parsed view can be written");
            assert_eq!(
                written,
                serde_json::to_vec(owned).expect("a parsed batch can be written")
            );
            assert_eq!(&view.into_owned(), owned);
        }
        (Err(owned), Err(view)) => assert_eq!(owned.to_string(), view.to_string()),
        (owned, view) => panic!("owned {owned:?} and borrowed {view:?} disagree"),
    }
    let Ok(reply) = owned else {
        return;
    };
    let failed = reply.failed().count();
    assert_eq!(failed, reply.failed_count());
    assert_eq!(failed + reply.succeeded().count(), reply.len());
    let expected = match failed {
        // A non-zero code with no entries is a rejection, never a success.
        _ if reply.is_empty() && !reply.code().is_success() => {
            BatchOutcome::Rejected { code: reply.code() }
        }
        0 => BatchOutcome::AllSucceeded,
        n if n == reply.len() => BatchOutcome::AllFailed,
        _ => BatchOutcome::PartialFailure,
    };
    assert_eq!(reply.outcome(), expected);
    assert!(!matches!(expected, BatchOutcome::Rejected { .. }) || !expected.is_success());
    match reply.verify() {
        Ok(outcome) => assert_eq!((outcome, reply.code()), (expected, expected.code())),
        Err(error) => assert!(!error.to_string().contains('\n'), "{error:?}"),
    }
    check_report(&reply, Some(expected));
    let written = serde_json::to_vec(&reply).expect("a parsed batch can be written");
    let again: BatchResponse<R> = serde_json::from_slice(&written).expect("a written batch parses");
    assert_eq!(again, reply);
    assert!(again.detail().keys().eq(reply.detail().keys()));
}

/// `bytes` as a [`JobResponse`].
pub fn job_reply(bytes: &[u8]) {
    if let Ok(reply) = serde_json::from_slice::<JobResponse>(bytes) {
        round_trip(&reply);
        if let Err(error) = reply.into_result() {
            assert!(!error.to_string().contains('\n'), "{error:?}");
        }
    }
}

/// `bytes` as a [`JobStatus<R>`].
pub fn job_status<R: Resource>(bytes: &[u8]) {
    let Ok(status) = serde_json::from_slice::<JobStatus<R>>(bytes) else {
        return;
    };
    let outcome = status.outcome();
    assert_eq!(outcome.is_some(), status.is_terminal());
    if let Ok(verified) = status.verify() {
        assert_eq!(verified, outcome);
    }
    check_report(&status, outcome);
    let written = serde_json::to_vec(&status).expect("a parsed job status can be written");
    let again: JobStatus<R> =
        serde_json::from_slice(&written).expect("a written job status parses");
    assert_eq!(again, status);
}

/// One per-resource result, as the structured fuzz target builds them:
/// a request id, or a code, a message and maybe a request id.
pub type BuiltResult = Result<String, (i64, String, Option<String>)>;

/// The structured fuzz target's input, decoded from raw bytes with
/// `arbitrary` the same way by the fuzzer and by the corpus replay.
#[derive(Debug)]
pub struct BuiltInput(pub Vec<(String, BuiltResult)>);

impl<'a> Arbitrary<'a> for BuiltInput {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let mut results = Vec::new();
        u.arbitrary_loop(None, Some(64), |u| {
            let id = String::arbitrary(u)?;
            let result = if bool::arbitrary(u)? {
                Ok(String::arbitrary(u)?)
            } else {
                Err(<(i64, String, Option<String>)>::arbitrary(u)?)
            };
            results.push((id, result));
            Ok(ControlFlow::Continue(()))
        })?;
        Ok(BuiltInput(results))
    }
}

/// Decodes `bytes` as libFuzzer hands them to the structured target, and
/// checks them.
pub fn built_bytes(bytes: &[u8]) {
    if let Ok(input) = BuiltInput::arbitrary_take_rest(Unstructured::new(bytes)) {
        built_batch(&input.0);
    }
}

/// Builds a batch with `from_results` and checks the outer-code rule (over
/// the entries kept: a repeated id keeps a failure over a success) and the
/// round trip.
pub fn built_batch(results: &[(String, BuiltResult)]) {
    let reply = BatchResponse::<Bucket>::from_results(results.iter().map(|(id, result)| {
        let result = match result {
            Ok(request_id) => Ok(RequestId::from(request_id.as_str())),
            Err((code, message, request_id)) => {
                let error = TaskError::new(Code::new(*code), message.as_str());
                Err(match request_id {
                    Some(request_id) => error.with_request_id(request_id.as_str()),
                    None => error,
                })
            }
        };
        (id.clone(), result)
    }));
    // A failure (with a non-zero code) is never hidden by a repeated id.
    for (id, _) in results {
        let failed_somewhere = results.iter().any(|(other, result)| {
            other == id && matches!(result, Err((code, _, _)) if *code != 0)
        });
        let entry = reply.get(id).expect("every id has an entry");
        if failed_somewhere {
            // The kept entry counts as failed: its code is not 0.
            assert!(!entry.is_success(), "{id:?}: {entry:?}");
        }
    }
    let failed = reply.failed().count();
    let expected = match failed {
        0 => Code::SUCCESS,
        n if n == reply.len() => Code::ALL_FAILED,
        _ => Code::PARTIAL_FAILURE,
    };
    assert_eq!(reply.code(), expected);
    assert_eq!(reply.verify().map(BatchOutcome::code), Ok(expected));
    // Every built reply survives the round trip (an error built with code 0
    // is a success on the wire, and was counted as one when built).
    let written = serde_json::to_vec(&reply).expect("a built batch can be written");
    let again: BatchResponse<Bucket> =
        serde_json::from_slice(&written).expect("a written batch parses");
    assert_eq!(again, reply);
}

fn check_report<B: BatchReport>(report: &B, outcome: Option<BatchOutcome>) {
    assert_eq!(report.final_outcome(), outcome);
    let mut failed = 0;
    for entry in report.entries() {
        match entry.status {
            ResourceStatus::Failed(failure) => {
                failed += 1;
                assert!(!failure.to_string().contains('\n'), "{failure:?}");
            }
            ResourceStatus::Succeeded(task) => {
                let _ = task.map(|task| task.to_string());
            }
            ResourceStatus::Pending(task) => {
                let _ = task.to_string();
            }
            // `ResourceStatus` is `#[non_exhaustive]`: a later status is not a failure.
            _ => {}
        }
    }
    assert_eq!(
        report
            .entries()
            .filter_map(ResourceReport::into_failure)
            .count(),
        failed
    );
}

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    let written = serde_json::to_vec(value).expect("a parsed value can be written");
    let again: T = serde_json::from_slice(&written).expect("a written value parses");
    assert_eq!(&again, value);
}

/// Fields beside the envelope's, all kept.
type Everything = serde_json::Map<String, serde_json::Value>;

/// `bytes` read with a payload that keeps every field the envelope does not
/// claim, and as a task-result reply: whatever parses is written back as the
/// same JSON value, and reads the same with no payload (`P = ()`) — a
/// payload never changes what the envelope says.
pub fn payload_replies(bytes: &[u8]) {
    if let Ok(reply) = serde_json::from_slice::<TaskResponse<Everything>>(bytes) {
        same_value(bytes, &reply, false);
        let plain: TaskResponse =
            serde_json::from_slice(bytes).expect("what reads with a payload reads without");
        assert_eq!(plain.code, reply.code);
        assert_eq!(plain.request_id, reply.request_id);
        assert!(reply.payload.is_some(), "a map payload always reads");
    }
    if let Ok(reply) = serde_json::from_slice::<BatchResponse<Bucket, Everything>>(bytes) {
        same_value(bytes, &reply, true);
        let plain: BatchResponse<Bucket> =
            serde_json::from_slice(bytes).expect("what reads with a payload reads without");
        assert_eq!(plain.outcome(), reply.outcome());
        assert_eq!(plain.verify(), reply.verify());
    }
    if let Ok(status) = serde_json::from_slice::<TaskStatus<Everything>>(bytes) {
        same_value(bytes, &status, false);
        assert!(status.state().is_none() || status.call_error().is_none());
        let _ = status.to_string();
    }
}

/// Writing `reply` gives the JSON value of `bytes`, up to the documented
/// normal forms of the envelope's own fields: an absent or `null` `message`
/// is written `""`, and a `null` `requestId`, `codeDesc` or `detail` is
/// written absent (at the top level, and in `detail` entries when `detail`
/// is the envelope's).
fn same_value<T: Serialize>(bytes: &[u8], reply: &T, batch: bool) {
    let written = serde_json::to_value(reply).expect("a parsed reply can be written");
    if let Ok(mut original) = serde_json::from_slice::<serde_json::Value>(bytes) {
        normal_form(&mut original, batch);
        if let Some(serde_json::Value::Object(detail)) =
            original.get_mut("detail").filter(|_| batch)
        {
            for entry in detail.values_mut() {
                if entry.is_object() {
                    normal_form(entry, false);
                }
            }
        }
        assert_eq!(written, original);
    }
}

/// The envelope fields of one object in the form this crate writes them.
fn normal_form(object: &mut serde_json::Value, batch: bool) {
    let Some(fields) = object.as_object_mut() else {
        return;
    };
    let keys: &[&str] = if batch {
        &["requestId", "codeDesc", "detail"]
    } else {
        &["requestId", "codeDesc"]
    };
    for &key in keys {
        if fields.get(key).is_some_and(serde_json::Value::is_null) {
            fields.remove(key);
        }
    }
    match fields.get("message") {
        Some(serde_json::Value::String(_)) => {}
        _ => {
            fields.insert("message".into(), serde_json::Value::from(""));
        }
    }
}
