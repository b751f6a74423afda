//! The reply of a synchronous batch action of the `job_id`/`error` dialect:
//! `response` when every resource succeeded, `internalError` naming each
//! resource that failed.

use serde_json::Value;
use task_envelope::{
    ApiError, BatchOutcome, BatchReport, Code, Resource, ResourceReport, SyncBatchResponse,
    SyncFailure,
};

#[derive(Resource)]
struct Server {
    #[resource(id)]
    id: String,
}

type Reply = SyncBatchResponse<Server>;

/// A provider's sample, from `tests/fixtures/real/`.
macro_rules! real {
    ($file:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/real/",
            $file
        ))
    };
}

fn parse(json: &str) -> Reply {
    serde_json::from_str(json).unwrap_or_else(|error| panic!("{error}: {json}"))
}

fn parse_error(json: &str) -> String {
    serde_json::from_str::<Reply>(json).unwrap_err().to_string()
}

fn written_back_as_it_came(json: &str) -> Reply {
    let reply = parse(json);
    let written = serde_json::to_value(&reply).unwrap();
    assert_eq!(written, serde_json::from_str::<Value>(json).unwrap());
    let again: Reply = serde_json::from_value(written).unwrap();
    assert_eq!(again, reply);
    reply
}

#[test]
fn all_succeeded() {
    let reply = written_back_as_it_came(real!("otc_ecs-batch-request-response-ok.json"));
    assert_eq!(reply.outcome(), BatchOutcome::AllSucceeded);
    assert_eq!(
        BatchReport::final_outcome(&reply),
        Some(BatchOutcome::AllSucceeded)
    );
    assert_eq!(
        reply.succeeded_ids().collect::<Vec<_>>(),
        [
            "616fb98f-46ca-475e-917e-2563e5a8cd19",
            "516fb98f-46ca-475e-917e-2563e5a8cd12"
        ]
    );
    assert_eq!(
        reply
            .entries()
            .filter_map(ResourceReport::into_failure)
            .count(),
        0
    );
    assert_eq!(reply.error(), None);
}

#[test]
fn each_failure_by_id_with_its_code_and_message() {
    let reply = written_back_as_it_came(real!("otc_ecs-batch-request-internalError.json"));
    let error = reply.error().unwrap();
    assert_eq!(
        (error.code.as_str(), error.message.as_str()),
        ("Ecs.xxxx", "xxxxxxxxxxxxxxx")
    );
    let failures: Vec<String> = reply
        .entries()
        .filter_map(ResourceReport::into_failure)
        .map(|(id, failure)| format!("{}: {failure}", id.unwrap()))
        .collect();
    assert_eq!(
        failures,
        [
            "616fb98f-46ca-475e-917e-2563e5a8cd19: code ECS.XXXX: xxxxxxxxxxxxxxx",
            "516fb98f-46ca-475e-917e-2563e5a8cd12: code ECS.XXXX: xxxxxxxxxxxxxxx",
        ]
    );
    // Only failures are named: the reply cannot tell whether others succeeded.
    assert_eq!(reply.outcome(), BatchOutcome::AllFailed);
    let sent = [
        "616fb98f-46ca-475e-917e-2563e5a8cd19".to_owned(),
        "516fb98f-46ca-475e-917e-2563e5a8cd12".to_owned(),
        "716fb98f".to_owned(),
    ];
    assert_eq!(reply.outcome_for(&sent), BatchOutcome::PartialFailure);
    assert_eq!(reply.outcome_for(&sent[..2]), BatchOutcome::AllFailed);
}

#[test]
fn an_error_without_failed_resources_is_a_rejection_never_a_success() {
    for (json, code) in [
        (
            r#"{"error": {"code": "Ecs.0005", "message": "bad request"}}"#,
            Code::ALL_FAILED,
        ),
        (
            r#"{"error": {"code": 400, "message": "bad"}, "internalError": []}"#,
            Code::new(400),
        ),
        (
            r#"{"badRequest": {"code": 400, "message": "bad"}, "internalError": null}"#,
            Code::new(400),
        ),
        (
            r#"{"error": {"code": "Ecs.0005", "message": "m"}, "response": [{"id": "s-1"}]}"#,
            Code::ALL_FAILED,
        ),
    ] {
        let reply = parse(json);
        assert_eq!(reply.outcome(), BatchOutcome::Rejected { code }, "{json}");
        assert_eq!(
            reply.outcome_for(&["s-1".to_owned()]),
            BatchOutcome::Rejected { code }
        );
        assert!(!reply.outcome().is_success());
        let written = serde_json::to_value(&reply).unwrap();
        let again: Reply = serde_json::from_value(written).unwrap();
        assert_eq!(again.outcome(), reply.outcome(), "{json}");
    }
}

#[test]
fn both_lists_tell_a_partial_failure() {
    let reply = parse(
        r#"{"response": [{"id": "s-1"}], "error": {"code": "E", "message": "m"},
            "internalError": [{"id": "s-2", "error_code": 4001}]}"#,
    );
    assert_eq!(reply.outcome(), BatchOutcome::PartialFailure);
    let failure = &reply.failed()[0];
    assert_eq!(
        (
            failure.error_code.as_deref(),
            failure.error_message.as_deref()
        ),
        (Some("4001"), None)
    );
    assert_eq!(
        reply
            .entries()
            .find_map(ResourceReport::into_failure)
            .unwrap()
            .1
            .to_string(),
        "code 4001: (no message)"
    );
    // The typed list prints the same line.
    assert_eq!(failure.to_string(), "code 4001: (no message)");
}

#[test]
fn built_replies() {
    let ok = Reply::all_succeeded(["s-1".to_owned(), "s-2".to_owned()]);
    assert_eq!(
        serde_json::to_string(&ok).unwrap(),
        r#"{"response":[{"id":"s-1"},{"id":"s-2"}]}"#
    );
    let failed = Reply::failure(
        ApiError::new("Ecs.0001", "failed"),
        vec![SyncFailure::new("s-2".to_owned(), "Ecs.0002", "locked")],
    );
    assert_eq!(
        serde_json::to_string(&failed).unwrap(),
        r#"{"error":{"message":"failed","code":"Ecs.0001"},"internalError":[{"id":"s-2","error_code":"Ecs.0002","error_message":"locked"}]}"#
    );
    assert_eq!(parse(&serde_json::to_string(&failed).unwrap()), failed);
}

#[test]
fn errors_name_the_field_and_the_entry() {
    for (json, message) in [
        (
            "{}",
            "a synchronous batch reply needs `response`, `internalError` or an error at line 1 column 2",
        ),
        (
            r#"{"response": {}}"#,
            "invalid type: map, expected `response` to be an array of objects with an `id` at line 1 column 15",
        ),
        (
            r#"{"response": [{"id": "a"}, {}]}"#,
            "missing field `id` in `response[1]` at line 1 column 29",
        ),
        (
            r#"{"response": ["a"]}"#,
            r#"invalid type: string "a", expected `response[0]` to be an object with an `id` at line 1 column 17"#,
        ),
        (
            r#"{"internalError": [{"id": "a", "error_code": true}]}"#,
            "invalid type: boolean `true`, expected `error_code` in `internalError[0]` to be a string or an integer at line 1 column 49",
        ),
        (
            r#"{"response": [{"id": "a"}], "internalError": [{"id": "a"}]}"#,
            "duplicate resource id `a` in `internalError[0]` at line 1 column 59",
        ),
        (
            r#"{"response": [], "response": []}"#,
            "duplicate field `response` at line 1 column 27",
        ),
    ] {
        assert_eq!(parse_error(json), message, "{json}");
    }
}
