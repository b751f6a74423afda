//! The outer-code rule (0 / 5100 / 5400, written once in `runtime/src/rule.rs`)
//! and the decisions the README's "The rules" section lists for what the
//! providers leave open, one group of tests each.

use task_envelope::{
    BatchError, BatchOutcome, BatchResponse, Code, RequestId, ResourceId, TaskError, TaskResponse,
};
use task_envelope_tests::resources::{Bucket, Instance, InstanceId};

type Batch = BatchResponse<Bucket>;

/// The error text without `serde_json`'s position suffix, which must be there.
fn error_text(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    assert!(text.ends_with(&suffix), "no position in {text:?}");
    text[..text.len() - suffix.len()].to_owned()
}

fn batch_error(json: &str) -> String {
    error_text(&serde_json::from_str::<Batch>(json).unwrap_err())
}

fn task_error(json: &str) -> String {
    error_text(&serde_json::from_str::<TaskResponse>(json).unwrap_err())
}

fn keys(reply: &Batch) -> Vec<&str> {
    reply.detail().keys().map(String::as_str).collect()
}

// A `Result` on purpose: it is one item of `from_results`.
#[allow(clippy::unnecessary_wraps)]
fn ok(request_id: &str) -> Result<RequestId, TaskError> {
    Ok(RequestId::from(request_id))
}

fn failed(code: i64) -> Result<RequestId, TaskError> {
    Err(TaskError::new(Code::new(code), "failed"))
}

mod empty_batch {
    use super::*;

    #[test]
    fn has_outer_code_zero_and_verifies() {
        let reply: Batch = serde_json::from_str(r#"{"code": 0, "detail": {}}"#).unwrap();
        assert!(reply.is_empty());
        assert_eq!(reply.outcome(), BatchOutcome::AllSucceeded);
        assert_eq!(reply.verify(), Ok(BatchOutcome::AllSucceeded));
    }

    #[test]
    fn built_from_no_results_has_code_zero() {
        let reply = Batch::from_results([]);
        assert_eq!(reply.code(), Code::SUCCESS);
        assert_eq!(reply.outcome(), BatchOutcome::AllSucceeded);
        assert_eq!(reply.verify(), Ok(BatchOutcome::AllSucceeded));
        assert_eq!(
            serde_json::to_string(&reply).unwrap(),
            r#"{"code":0,"message":"success","detail":{}}"#
        );
    }

    #[test]
    fn claiming_all_failed_is_a_rejection_not_a_success() {
        // "All failed" needs at least one failure: 5100 with no entries is a
        // request-level refusal, and never reads as a success.
        let reply: Batch = serde_json::from_str(r#"{"code": 5100, "detail": {}}"#).unwrap();
        assert_eq!(
            reply.outcome(),
            BatchOutcome::Rejected {
                code: Code::ALL_FAILED
            }
        );
        assert!(
            matches!(reply.verify(), Err(BatchError::Rejected { code, .. }) if code == Code::ALL_FAILED)
        );
    }
}

mod order {
    use super::*;

    const UNSORTED: &str = r#"{"code": 5400, "detail": {
        "zeta": {"code": 0, "requestId": "1"},
        "alpha": {"code": 4001, "message": "no"},
        "mu": {"code": 0, "requestId": "3"},
        "beta": {"code": 4002}
    }}"#;

    #[test]
    fn parsing_keeps_wire_order() {
        let reply: Batch = serde_json::from_str(UNSORTED).unwrap();
        assert_eq!(keys(&reply), ["zeta", "alpha", "mu", "beta"]);
        let failed: Vec<&str> = reply.failed().map(|(id, _)| id.as_str()).collect();
        assert_eq!(failed, ["alpha", "beta"]);
        let succeeded: Vec<&str> = reply.succeeded().map(|(id, _)| id.as_str()).collect();
        assert_eq!(succeeded, ["zeta", "mu"]);
        let order: Vec<String> = reply.into_results().map(|(id, _)| id).collect();
        assert_eq!(order, ["zeta", "alpha", "mu", "beta"]);
    }

    #[test]
    fn writing_keeps_order() {
        let reply: Batch = serde_json::from_str(UNSORTED).unwrap();
        let written = serde_json::to_string(&reply).unwrap();
        let positions: Vec<usize> = ["zeta", "alpha", "mu", "beta"]
            .iter()
            .map(|id| written.find(&format!("\"{id}\"")).unwrap())
            .collect();
        assert!(positions.is_sorted(), "{written}");
        let again: Batch = serde_json::from_str(&written).unwrap();
        assert_eq!(keys(&again), keys(&reply));
    }

    #[test]
    fn building_keeps_iterator_order() {
        let reply: Batch = [
            ("c".to_owned(), ok("1")),
            ("a".to_owned(), failed(4001)),
            ("b".to_owned(), ok("2")),
        ]
        .into_iter()
        .collect();
        assert_eq!(keys(&reply), ["c", "a", "b"]);
    }

    #[test]
    fn equality_sees_order() {
        let ab = Batch::from_results([("a".to_owned(), ok("1")), ("b".to_owned(), ok("2"))]);
        let ba = Batch::from_results([("b".to_owned(), ok("2")), ("a".to_owned(), ok("1"))]);
        assert_ne!(ab, ba);
        assert_eq!(ab, ab.clone());
    }
}

mod duplicate_ids {
    use super::*;

    #[test]
    fn are_refused_naming_the_id() {
        let json = r#"{"code": 0, "detail": {
            "ins-1": {"code": 0, "requestId": "1"},
            "ins-2": {"code": 0, "requestId": "2"},
            "ins-1": {"code": 4001, "message": "hidden failure"}}}"#;
        assert_eq!(
            batch_error(json),
            "duplicate resource id `ins-1` in `detail`"
        );
    }

    #[test]
    fn are_compared_after_unescaping() {
        let json = r#"{"code": 0, "detail": {
            "ins\u002d1": {"code": 0, "requestId": "1"},
            "ins-1": {"code": 0, "requestId": "2"}}}"#;
        assert_eq!(
            batch_error(json),
            "duplicate resource id `ins-1` in `detail`"
        );
    }

    #[test]
    fn with_typed_ids_are_refused_too() {
        let json = r#"{"code": 0, "detail": {
            "qcvm1": {"code": 0, "requestId": "1"},
            "qcvm1": {"code": 0, "requestId": "2"}}}"#;
        let error = serde_json::from_str::<BatchResponse<Instance>>(json).unwrap_err();
        assert_eq!(
            error_text(&error),
            "duplicate resource id `qcvm1` in `detail`"
        );
    }

    #[test]
    fn built_with_from_results_never_hide_a_failure() {
        let reply = Batch::from_results([
            ("a".to_owned(), failed(4001)),
            ("b".to_owned(), ok("2")),
            ("a".to_owned(), ok("3")),
        ]);
        assert_eq!(keys(&reply), ["a", "b"]);
        assert_eq!(reply.get(&"a".to_owned()).unwrap().code, Code::new(4001));
        assert_eq!(reply.code(), Code::PARTIAL_FAILURE);

        let later_failure =
            Batch::from_results([("a".to_owned(), ok("1")), ("a".to_owned(), failed(4002))]);
        assert_eq!(
            later_failure.get(&"a".to_owned()).unwrap().code,
            Code::new(4002)
        );
        assert_eq!(later_failure.verify(), Ok(BatchOutcome::AllFailed));
    }
}

mod inconsistent_outer_code {
    use super::*;

    fn reply(code: i64, detail: &str) -> Batch {
        serde_json::from_str(&format!(r#"{{"code": {code}, "detail": {detail}}}"#)).unwrap()
    }

    const MIXED: &str = r#"{"a": {"code": 0, "requestId": "1"}, "b": {"code": 4001}}"#;
    const ALL_OK: &str = r#"{"a": {"code": 0, "requestId": "1"}}"#;
    const ALL_BAD: &str = r#"{"a": {"code": 4001}, "b": {"code": "4002"}}"#;

    #[test]
    fn parses_and_outcome_follows_the_entries() {
        assert_eq!(reply(0, MIXED).outcome(), BatchOutcome::PartialFailure);
        assert_eq!(reply(5400, ALL_OK).outcome(), BatchOutcome::AllSucceeded);
        assert_eq!(reply(0, ALL_BAD).outcome(), BatchOutcome::AllFailed);
    }

    #[test]
    fn is_reported_by_verify() {
        for (declared, detail, expected) in [
            (0, MIXED, 5400),
            (5100, MIXED, 5400),
            (5400, ALL_OK, 0),
            (5100, ALL_OK, 0),
            (0, ALL_BAD, 5100),
            (5400, ALL_BAD, 5100),
            (4000, ALL_BAD, 5100),
        ] {
            assert_eq!(
                reply(declared, detail).verify(),
                Err(BatchError::CodeMismatch {
                    declared: Code::new(declared),
                    expected: Code::new(expected)
                }),
                "declared {declared} for {detail}"
            );
        }
    }

    #[test]
    fn keeps_the_declared_code() {
        assert_eq!(reply(0, MIXED).code(), Code::SUCCESS);
    }

    #[test]
    fn error_reads_as_one_line() {
        let error = reply(0, MIXED).verify().unwrap_err();
        assert_eq!(
            error.to_string(),
            "the batch reply declares code 0 but its entries call for 5400 (some resources failed)"
        );
    }
}

mod request_level_rejection {
    use super::*;

    #[test]
    fn without_detail_parses_and_verify_reports_it() {
        for json in [
            r#"{"code": 4000, "message": "InvalidParameter"}"#,
            r#"{"code": 4000, "message": "InvalidParameter", "detail": null}"#,
            r#"{"code": 4000, "message": "InvalidParameter", "detail": {}}"#,
        ] {
            let reply: Batch = serde_json::from_str(json).unwrap();
            assert!(reply.is_empty());
            let error = reply.verify().unwrap_err();
            assert_eq!(
                error,
                BatchError::Rejected {
                    code: Code::new(4000),
                    message: "InvalidParameter".into()
                }
            );
            assert_eq!(
                error.to_string(),
                "the batch request was rejected with code 4000: InvalidParameter"
            );
        }
    }

    #[test]
    fn writes_back_without_detail() {
        let reply = Batch::rejected(Code::new(4000), "bad");
        let json = serde_json::to_string(&reply).unwrap();
        assert_eq!(json, r#"{"code":4000,"message":"bad"}"#);
        assert_eq!(serde_json::from_str::<Batch>(&json).unwrap(), reply);
    }

    #[test]
    fn one_sent_with_an_empty_detail_is_written_back_with_it() {
        // Found by the payload_replies fuzz target: the empty `detail` was lost.
        for json in [
            r#"{"code":"1","message":"","detail":{}}"#,
            r#"{"code":4000,"message":"bad","detail":{}}"#,
        ] {
            let reply: Batch = serde_json::from_str(json).unwrap();
            assert!(matches!(reply.verify(), Err(BatchError::Rejected { .. })));
            assert_eq!(serde_json::to_string(&reply).unwrap(), json);
            let view: task_envelope::BatchResponseRef<'_, Bucket> =
                serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&view).unwrap(), json);
            assert_eq!(view.into_owned(), reply);
        }
        // Without one it stays without.
        let reply: Batch = serde_json::from_str(r#"{"code":4000,"message":"bad"}"#).unwrap();
        assert_eq!(
            serde_json::to_string(&reply).unwrap(),
            r#"{"code":4000,"message":"bad"}"#
        );
    }

    #[test]
    fn a_success_without_detail_is_an_error() {
        assert_eq!(
            batch_error(r#"{"code": 0, "message": "success"}"#),
            "missing field `detail` (required when code is 0)"
        );
        assert_eq!(
            batch_error(r#"{"code": 0, "detail": null}"#),
            "missing field `detail` (required when code is 0)"
        );
    }
}

/// Real successes often carry no task number (`tencent_cvm-return-instance-ok.json`
/// and others in `tests/fixtures/real/`): they parse as successes with nothing
/// to poll, and the API says which is which.
mod success_without_request_id {
    use super::*;

    #[test]
    fn in_the_common_reply_is_done_with_nothing_to_poll() {
        for json in [
            r#"{"code": 0, "message": "ok"}"#,
            r#"{"code": "0", "requestId": null}"#,
        ] {
            let reply: TaskResponse = serde_json::from_str(json).unwrap();
            assert!(reply.is_success() && !reply.needs_polling(), "{json}");
            assert_eq!(reply.to_string(), "success (nothing to poll)");
            assert_eq!(reply.into_result(), Ok(None));
        }
        let accepted: TaskResponse =
            serde_json::from_str(r#"{"code": 0, "requestId": 3901942}"#).unwrap();
        assert!(accepted.needs_polling());
        assert_eq!(accepted.into_result(), Ok(Some(RequestId::from(3_901_942))));
    }

    #[test]
    fn in_a_batch_entry_is_a_success_without_a_handle() {
        let json = r#"{"code": 0, "detail": {"ins-1": {"code": 0, "requestId": "1"}, "ins-2": {"code": "0", "message": "ok"}}}"#;
        let reply: Batch = serde_json::from_str(json).unwrap();
        assert_eq!(reply.verify(), Ok(BatchOutcome::AllSucceeded));
        let succeeded: Vec<(&str, Option<&str>)> = reply
            .succeeded()
            .map(|(id, request_id)| (id.as_str(), request_id.map(RequestId::as_str)))
            .collect();
        assert_eq!(succeeded, [("ins-1", Some("1")), ("ins-2", None)]);
        let results: Vec<_> = reply.into_results().map(|(_, result)| result).collect();
        assert_eq!(results, [Ok(Some(RequestId::from("1"))), Ok(None)]);
    }

    #[test]
    fn a_failure_may_omit_it() {
        let reply: TaskResponse = serde_json::from_str(r#"{"code": 4001}"#).unwrap();
        assert_eq!(reply.request_id, None);
        assert_eq!(reply.message, "");
    }

    #[test]
    fn a_failure_keeps_it_when_given() {
        let reply: TaskResponse =
            serde_json::from_str(r#"{"code": 4001, "requestId": "9"}"#).unwrap();
        assert_eq!(
            reply.into_result().unwrap_err().request_id,
            Some(RequestId::from("9"))
        );
    }

    #[test]
    fn it_is_written_as_it_was_read() {
        for json in [
            r#"{"code":0,"message":"ok"}"#,
            r#"{"code":"0","message":"","requestId":3901942}"#,
            r#"{"code":5400,"message":"","detail":{"ins-1":{"code":"0","message":"ok"},"ins-2":{"code":4001,"message":"","requestId":42}}}"#,
        ] {
            let value: serde_json::Value = serde_json::from_str(json).unwrap();
            let written = if value.get("detail").is_some() {
                serde_json::to_string(&serde_json::from_str::<Batch>(json).unwrap())
            } else {
                serde_json::to_string(&serde_json::from_str::<TaskResponse>(json).unwrap())
            };
            assert_eq!(written.unwrap(), json);
        }
    }

    #[test]
    fn an_error_built_with_code_zero_is_a_success_on_the_wire() {
        // Code 0 is a success on the wire whatever side built it; the
        // outcome says so rather than keeping a failure nobody can send.
        let reply = Batch::from_results([(
            "ins-1".to_owned(),
            Err(TaskError::new(Code::SUCCESS, "odd")),
        )]);
        assert_eq!(reply.outcome(), BatchOutcome::AllSucceeded);
        let again: Batch = serde_json::from_str(&serde_json::to_string(&reply).unwrap()).unwrap();
        assert_eq!(again, reply);
    }
}

mod lenient_codes {
    use super::*;

    #[test]
    fn integers_and_digit_strings_parse() {
        for (json, code) in [
            ("0", 0),
            ("5400", 5400),
            ("-1", -1),
            (r#""5400""#, 5400),
            (r#""0""#, 0),
            (r#""0042""#, 42),
            ("9223372036854775807", i64::MAX),
        ] {
            assert_eq!(
                serde_json::from_str::<Code>(json).unwrap(),
                Code::new(code),
                "{json}"
            );
        }
    }

    #[test]
    fn codes_are_written_in_the_form_they_were_read() {
        for json in [
            r#"{"code":"4001","message":"m"}"#,
            r#"{"code":4001,"message":"m"}"#,
            r#"{"code":"0004001","message":"m"}"#,
        ] {
            let reply: TaskResponse = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&reply).unwrap(), json);
        }
        // Equality ignores the form; codes built in code are integers.
        let quoted: Code = serde_json::from_str(r#""4001""#).unwrap();
        assert_eq!(quoted, Code::new(4001));
        assert_eq!(serde_json::to_string(&Code::new(4001)).unwrap(), "4001");
    }

    #[test]
    fn anything_else_says_what_was_found() {
        let expected = "the code to be an integer or a string of digits";
        for (json, found) in [
            ("5.4", "floating point `5.4`"),
            ("1e3", "floating point `1000.0`"),
            ("true", "boolean `true`"),
            ("null", "null"),
            ("[0]", "sequence"),
            ("{}", "map"),
        ] {
            let error = serde_json::from_str::<Code>(json).unwrap_err();
            assert_eq!(
                error_text(&error),
                format!("invalid type: {found}, expected {expected}")
            );
        }
        for (json, found) in [
            (r#""""#, r#"string """#),
            (r#""5.4e3""#, r#"string "5.4e3""#),
            (r#""-1""#, r#"string "-1""#),
            (r#"" 1""#, r#"string " 1""#),
            (r#""abc""#, r#"string "abc""#),
        ] {
            let error = serde_json::from_str::<Code>(json).unwrap_err();
            assert_eq!(
                error_text(&error),
                format!("invalid value: {found}, expected {expected}")
            );
        }
    }

    #[test]
    fn out_of_range_codes_are_errors() {
        let error = serde_json::from_str::<Code>("9223372036854775808").unwrap_err();
        assert_eq!(
            error_text(&error),
            "invalid value: integer `9223372036854775808`, expected the code to fit in a 64-bit signed integer"
        );
        let error = serde_json::from_str::<Code>(r#""99999999999999999999""#).unwrap_err();
        assert_eq!(
            error_text(&error),
            r#"invalid value: string "99999999999999999999", expected the code to fit in a 64-bit signed integer"#
        );
    }

    #[test]
    fn inside_replies_the_error_names_the_field_and_resource() {
        assert_eq!(
            task_error(r#"{"code": true}"#),
            "invalid type: boolean `true`, expected `code` to be an integer or a string of digits"
        );
        assert_eq!(
            batch_error(r#"{"code": 0, "detail": {"ins-1": {"code": "x1"}}}"#),
            r#"invalid value: string "x1", expected `code` of resource `ins-1` to be an integer or a string of digits"#
        );
    }
}

mod unknown_fields {
    use super::*;

    #[test]
    fn are_ignored_at_every_level() {
        let json = r#"{"version": 2, "code": 5400, "extra": {"nested": [1, {"deep": null}]},
            "detail": {"a": {"code": 0, "requestId": "1", "region": "ap-1"},
                       "b": {"hint": [], "code": 4001}},
            "trailer": "x"}"#;
        let reply: Batch = serde_json::from_str(json).unwrap();
        assert_eq!(reply.verify(), Ok(BatchOutcome::PartialFailure));
        let task: TaskResponse =
            serde_json::from_str(r#"{"code": 0, "requestId": "1", "detail": {"ignored": 1}}"#)
                .unwrap();
        assert_eq!(task, TaskResponse::success("1"));
    }

    #[test]
    fn code_desc_is_kept_and_written_back_only_when_present() {
        let json = r#"{"code": 4000, "message": "bad", "codeDesc": "InvalidParameter"}"#;
        let reply: TaskResponse = serde_json::from_str(json).unwrap();
        assert_eq!(reply.code_desc.as_deref(), Some("InvalidParameter"));
        assert_eq!(
            serde_json::to_string(&reply).unwrap(),
            r#"{"code":4000,"message":"bad","codeDesc":"InvalidParameter"}"#
        );
        let error = reply.into_result().unwrap_err();
        assert_eq!(error.code_desc.as_deref(), Some("InvalidParameter"));
        assert_eq!(error.to_string(), "code 4000 (InvalidParameter): bad");

        let batch: Batch = serde_json::from_str(
            r#"{"code": 4000, "message": "bad", "codeDesc": "InvalidParameter"}"#,
        )
        .unwrap();
        assert_eq!(batch.code_desc(), Some("InvalidParameter"));
        assert_eq!(
            batch.to_string(),
            "code 4000 (InvalidParameter): bad; no resources"
        );
        assert_eq!(
            serde_json::to_string(&batch).unwrap(),
            r#"{"code":4000,"message":"bad","codeDesc":"InvalidParameter"}"#
        );
    }

    #[test]
    fn a_top_level_request_id_of_a_batch_is_kept() {
        let batch: Batch =
            serde_json::from_str(r#"{"code": 0, "requestId": "batch-1", "detail": {}}"#).unwrap();
        assert_eq!(batch.request_id(), Some(&RequestId::from("batch-1")));
        assert!(
            serde_json::to_string(&batch)
                .unwrap()
                .contains(r#""requestId":"batch-1""#)
        );
    }
}

mod errors_say_where {
    use super::*;

    #[test]
    fn wrong_types_name_the_field() {
        assert_eq!(
            task_error(r#"{"code": 0, "requestId": 1.5}"#),
            "invalid type: floating point `1.5`, expected `requestId` to be a string or an integer"
        );
        assert_eq!(
            task_error(r#"{"code": 1, "message": ["a"]}"#),
            "invalid type: sequence, expected `message` to be a string"
        );
        assert_eq!(
            task_error(r#"{"code": 1, "codeDesc": false}"#),
            "invalid type: boolean `false`, expected `codeDesc` to be a string"
        );
        assert_eq!(
            task_error(r#"[0, "", "1"]"#),
            "invalid type: sequence, expected a task reply: an object with `code`, `message` and `requestId`"
        );
    }

    #[test]
    fn entries_name_the_resource_id() {
        for (entry, message) in [
            (
                r#"{"code": 1, "message": 5}"#,
                "invalid type: integer `5`, expected `message` of resource `ins-2` to be a string",
            ),
            (
                r#"{"message": "no code"}"#,
                "missing field `code` of resource `ins-2`",
            ),
            (
                r#"{"code": 1, "code": 2}"#,
                "duplicate field `code` of resource `ins-2`",
            ),
            (
                r#"{"code": 0, "requestId": {"id": 1}}"#,
                "invalid type: map, expected `requestId` of resource `ins-2` to be a string or an integer",
            ),
        ] {
            let json = format!(
                r#"{{"code": 5400, "detail": {{"ins-1": {{"code": 0, "requestId": "1"}}, "ins-2": {entry}}}}}"#
            );
            assert_eq!(batch_error(&json), message, "{entry}");
        }
    }

    #[test]
    fn top_level_problems_name_the_field() {
        assert_eq!(
            batch_error(r#"{"code": 0, "code": 0, "detail": {}}"#),
            "duplicate field `code`"
        );
        assert_eq!(
            batch_error(r#"{"code": 0, "detail": {}, "detail": {}}"#),
            "duplicate field `detail`"
        );
        assert_eq!(batch_error(r#"{"detail": {}}"#), "missing field `code`");
        assert_eq!(
            batch_error(r#"{"code": 0, "detail": []}"#),
            "invalid type: sequence, expected `detail` to be an object keyed by resource id"
        );
        assert_eq!(
            batch_error(r#"{"code": 0, "detail": "ins-1"}"#),
            r#"invalid type: string "ins-1", expected `detail` to be an object keyed by resource id"#
        );
    }

    #[test]
    fn ids_refused_by_their_type_are_named() {
        let json = r#"{"code": 0, "detail": {"disk-1": {"code": 0, "requestId": "1"}}}"#;
        let error = serde_json::from_str::<BatchResponse<Instance>>(json).unwrap_err();
        assert_eq!(
            error_text(&error),
            "invalid InstanceId `disk-1`: it must start with `qcvm`"
        );
    }

    #[test]
    fn control_characters_in_ids_do_not_break_the_line() {
        let json = r#"{"code": 0, "detail": {"a\nb": {"code": true}}}"#;
        assert_eq!(
            batch_error(json),
            r"invalid type: boolean `true`, expected `code` of resource `a\nb` to be an integer or a string of digits"
        );
    }
}

#[test]
fn lookups_are_typed_by_the_resource() {
    let json = r#"{"code": 0, "detail": {"qcvm1": {"code": 0, "requestId": "7"}}}"#;
    let reply: BatchResponse<Instance> = serde_json::from_str(json).unwrap();
    let id: InstanceId = "qcvm1".parse().unwrap();
    assert_eq!(
        reply.get(&id).unwrap().request_id,
        Some(RequestId::from("7"))
    );
    assert_eq!(id.as_str(), "qcvm1");
    assert!(reply.get(&"qcvm2".parse::<InstanceId>().unwrap()).is_none());
    // The id's text looks it up too (`InstanceId: Borrow<str>`).
    assert_eq!(
        reply.get("qcvm1").unwrap().request_id,
        Some(RequestId::from("7"))
    );
    assert!(reply.get("qcvm2").is_none());
}

#[test]
fn a_batch_keyed_by_an_id_type_alone_follows_the_same_rules() {
    use task_envelope::{BatchResponseRef, ById};

    let json = r#"{"code": 5400, "detail": {"qcvm1": {"code": 0, "requestId": "7"},
                                          "qcvm2": {"code": 4001, "message": "quota"}}}"#;
    // What a resource struct would give, without one.
    let by_string: BatchResponse<ById<String>> = serde_json::from_str(json).unwrap();
    let by_resource: Batch = serde_json::from_str(json).unwrap();
    assert_eq!(
        serde_json::to_string(&by_string).unwrap(),
        serde_json::to_string(&by_resource).unwrap()
    );
    assert_eq!(by_string.verify(), Ok(BatchOutcome::PartialFailure));
    assert_eq!(by_string.get("qcvm2").unwrap().code, Code::new(4001));

    // A typed id keeps its rules: a key without the prefix is refused.
    let typed: BatchResponse<ById<InstanceId>> = serde_json::from_str(json).unwrap();
    assert_eq!(typed.failed_count(), 1);
    assert!(
        serde_json::from_str::<BatchResponse<ById<InstanceId>>>(
            r#"{"code": 0, "detail": {"disk-1": {"code": 0}}}"#
        )
        .is_err()
    );
    let borrowed: BatchResponseRef<'_, ById<InstanceId>> = serde_json::from_str(json).unwrap();
    assert_eq!(
        borrowed.get("qcvm1").unwrap().request_id.as_ref().unwrap(),
        &"7"
    );
    assert_eq!(borrowed.into_owned(), typed);

    let built = BatchResponse::<ById<String>>::from_results([(
        "b-1".to_owned(),
        Err(TaskError::new(Code::new(4001), "quota")),
    )]);
    assert_eq!(built.code(), Code::ALL_FAILED);
}
