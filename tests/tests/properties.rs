//! Properties of the outer-code rule, round trips and verification, over
//! generated batches.

use std::collections::HashSet;

use proptest::prelude::*;
use task_envelope::{
    BatchError, BatchOutcome, BatchResponse, Code, RequestId, ResourceId, TaskError, TaskResponse,
};
use task_envelope_tests::resources::{Bucket, Instance, InstanceId};

type Results<Id> = Vec<(Id, Result<RequestId, TaskError>)>;

fn failure_code() -> impl Strategy<Value = Code> {
    prop_oneof![
        (1..10_000_i64).prop_map(Code::new),
        any::<i64>()
            .prop_filter("a failure", |code| *code != 0)
            .prop_map(Code::new),
    ]
}

fn task_error() -> impl Strategy<Value = TaskError> {
    (
        failure_code(),
        any::<String>(),
        proptest::option::of("[0-9]{1,13}"),
        proptest::option::of("[A-Za-z.]{1,20}"),
    )
        .prop_map(|(code, message, request_id, code_desc)| TaskError {
            code,
            message,
            request_id: request_id.map(RequestId::from),
            code_desc,
        })
}

fn result() -> impl Strategy<Value = Result<RequestId, TaskError>> {
    prop_oneof![
        any::<String>().prop_map(|id| Ok(RequestId::from(id))),
        task_error().prop_map(Err),
    ]
}

/// Results for distinct ids (any string, escapes and control characters included).
fn string_results() -> impl Strategy<Value = Results<String>> {
    proptest::collection::vec((any::<String>(), result()), 0..40).prop_map(|mut results| {
        let mut seen = HashSet::new();
        results.retain(|(id, _)| seen.insert(id.clone()));
        results
    })
}

/// Results for distinct typed ids.
fn instance_results() -> impl Strategy<Value = Results<InstanceId>> {
    proptest::collection::vec(("[a-z0-9-]{1,12}", result()), 0..40).prop_map(|mut results| {
        let mut seen = HashSet::new();
        results.retain(|(id, _)| seen.insert(id.clone()));
        results
            .into_iter()
            .map(|(id, result)| (InstanceId::parse(&format!("qcvm{id}")).unwrap(), result))
            .collect()
    })
}

/// The code the rule gives, computed independently of the crate.
fn rule(results: &[(impl Sized, Result<RequestId, TaskError>)]) -> Code {
    let failed = results.iter().filter(|(_, result)| result.is_err()).count();
    match failed {
        0 => Code::new(0),
        n if n == results.len() => Code::new(5100),
        _ => Code::new(5400),
    }
}

proptest! {
    #[test]
    fn from_results_follows_the_rule_and_verifies(results in string_results()) {
        let reply = BatchResponse::<Bucket>::from_results(results.clone());
        let expected = rule(&results);
        prop_assert_eq!(reply.code(), expected);
        prop_assert_eq!(reply.outcome().code(), expected);
        prop_assert_eq!(reply.verify(), Ok(reply.outcome()));
        let failed = results.iter().filter(|(_, result)| result.is_err()).count();
        prop_assert_eq!(reply.failed().count(), failed);
        prop_assert_eq!(reply.failed_count(), failed);
        prop_assert_eq!(reply.succeeded().count(), results.len() - failed);
        let back: Results<String> = reply
            .into_results()
            .map(|(id, result)| (id, result.map(|id| id.expect("built with a request id"))))
            .collect();
        prop_assert_eq!(back, results);
    }

    #[test]
    fn serialise_then_parse_gives_an_equal_reply_in_order(
        results in string_results(),
        message in any::<String>(),
        code_desc in proptest::option::of(any::<String>()),
    ) {
        let mut reply = BatchResponse::<Bucket>::from_results(results).with_message(message);
        if let Some(code_desc) = code_desc {
            reply = reply.with_code_desc(code_desc);
        }
        let json = serde_json::to_string(&reply).unwrap();
        let parsed: BatchResponse<Bucket> = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&parsed, &reply);
        prop_assert!(parsed.detail().keys().eq(reply.detail().keys()));
        // Through serde_json::Value too: a second deserializer, with owned
        // strings. Value's map sorts its keys (serde_json's default), so only
        // the entries are compared here, not their order.
        let value = serde_json::to_value(&reply).unwrap();
        let from_value: BatchResponse<Bucket> = serde_json::from_value(value).unwrap();
        prop_assert_eq!(from_value.detail(), reply.detail());
        prop_assert_eq!((from_value.code(), from_value.message()), (reply.code(), reply.message()));
    }

    #[test]
    fn typed_replies_round_trip(results in instance_results()) {
        let reply = BatchResponse::<Instance>::from_results(results);
        let json = serde_json::to_vec(&reply).unwrap();
        let parsed: BatchResponse<Instance> = serde_json::from_slice(&json).unwrap();
        prop_assert_eq!(parsed, reply);
    }

    #[test]
    fn an_altered_outer_code_is_reported(results in string_results(), declared in any::<i64>()) {
        let expected = rule(&results);
        prop_assume!(declared != expected.get());
        let built = BatchResponse::<Bucket>::from_results(results);
        let mut value = serde_json::to_value(&built).unwrap();
        value["code"] = declared.into();
        let altered: BatchResponse<Bucket> = serde_json::from_value(value).unwrap();
        let verdict = altered.verify();
        if altered.is_empty() {
            // No entries and a non-zero code: the request was rejected.
            prop_assert_eq!(
                altered.outcome(),
                BatchOutcome::Rejected { code: Code::new(declared) }
            );
            prop_assert_eq!(
                verdict,
                Err(BatchError::Rejected { code: Code::new(declared), message: "success".into() })
            );
        } else {
            prop_assert_eq!(altered.outcome(), built.outcome());
            prop_assert_eq!(
                verdict,
                Err(BatchError::CodeMismatch { declared: Code::new(declared), expected })
            );
        }
    }

    #[test]
    fn repeated_ids_never_hide_a_failure(
        results in proptest::collection::vec(("[a-c]", result()), 0..20),
    ) {
        let reply = BatchResponse::<Bucket>::from_results(
            results.iter().map(|(id, result)| (id.clone(), result.clone())),
        );
        for (id, task) in reply.detail() {
            let any_failure = results.iter().any(|(other, result)| other == id && result.is_err());
            prop_assert_eq!(!task.is_success(), any_failure, "{}", id);
        }
        prop_assert_eq!(reply.verify(), Ok(reply.outcome()));
    }

    #[test]
    fn task_replies_round_trip(error in task_error(), request_id in any::<String>()) {
        for reply in [TaskResponse::from(error.clone()), TaskResponse::success(request_id.clone())] {
            let json = serde_json::to_string(&reply).unwrap();
            prop_assert_eq!(serde_json::from_str::<TaskResponse>(&json).unwrap(), reply);
        }
        let json = serde_json::to_string(&error).unwrap();
        prop_assert_eq!(serde_json::from_str::<TaskError>(&json).unwrap(), error);
    }

    #[test]
    fn codes_parse_from_integers_and_digit_strings(code in any::<i64>()) {
        prop_assert_eq!(serde_json::from_str::<Code>(&code.to_string()).unwrap(), Code::new(code));
        if code >= 0 {
            let quoted = format!("\"{code}\"");
            prop_assert_eq!(serde_json::from_str::<Code>(&quoted).unwrap(), Code::new(code));
        }
    }

    #[test]
    fn a_cut_reply_is_an_error_not_a_panic(results in string_results(), cut in any::<prop::sample::Index>()) {
        let json = serde_json::to_string(&BatchResponse::<Bucket>::from_results(results)).unwrap();
        let cut = cut.index(json.len());
        if let Some(prefix) = json.get(..cut) {
            prop_assert!(serde_json::from_str::<BatchResponse<Bucket>>(prefix).is_err());
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = serde_json::from_str::<BatchResponse<Instance>>(&text);
        let _ = serde_json::from_str::<BatchResponse<Bucket>>(&text);
        let _ = serde_json::from_str::<TaskResponse>(&text);
        let _ = serde_json::from_str::<Code>(&text);
    }
}

#[test]
fn outcome_and_code_agree_for_every_outcome() {
    for outcome in [
        BatchOutcome::AllSucceeded,
        BatchOutcome::AllFailed,
        BatchOutcome::PartialFailure,
    ] {
        assert_eq!(BatchOutcome::from_code(outcome.code()), Some(outcome));
    }
}
