//! `BatchResponseRef`: the same answers as `BatchResponse`, with ids and text
//! borrowed from the input.

use proptest::prelude::*;
use task_envelope::{BatchResponse, BatchResponseRef, Code, RequestId, ResourceId, TaskError};
use task_envelope_tests::fixtures;
use task_envelope_tests::resources::{Bucket, Instance, InstanceId};

fn owned_error<R: task_envelope::Resource>(json: &str) -> String {
    serde_json::from_str::<BatchResponse<R>>(json)
        .unwrap_err()
        .to_string()
}

#[test]
fn every_batch_fixture_gives_the_owned_answers() {
    for json in [
        fixtures::BATCH_ALL_SUCCEEDED,
        fixtures::BATCH_PARTIAL_FAILURE,
        fixtures::BATCH_ALL_FAILED,
        fixtures::BATCH_CODE_MISMATCH,
        fixtures::BATCH_REJECTED,
    ] {
        let owned: BatchResponse<Instance> = serde_json::from_str(json).unwrap();
        let view: BatchResponseRef<'_, Instance> = serde_json::from_str(json).unwrap();
        assert_eq!(view.outcome(), owned.outcome());
        assert_eq!(view.verify(), owned.verify());
        assert_eq!(view.code(), owned.code());
        assert_eq!(view.len(), owned.len());
        assert_eq!(view.failed_count(), owned.failed_count());
        let failed: Vec<&str> = view.failed().map(|(id, _)| id.as_str()).collect();
        let owned_failed: Vec<&str> = owned.failed().map(|(id, _)| id.as_str()).collect();
        assert_eq!(failed, owned_failed);
        assert_eq!(view.succeeded().count(), owned.succeeded().count());
        assert_eq!(view.into_owned(), owned);
    }
}

#[test]
fn unescaped_text_is_borrowed() {
    let view: BatchResponseRef<'_, Instance> =
        serde_json::from_str(fixtures::BATCH_PARTIAL_FAILURE).unwrap();
    assert!(view.message().is_borrowed());
    for (id, task) in view.detail() {
        assert!(id.is_borrowed(), "{id}");
        assert!(task.message.is_borrowed());
        assert!(
            task.request_id
                .as_ref()
                .is_none_or(|id| id.text().is_borrowed())
        );
    }
}

#[test]
fn escaped_ids_are_unescaped_into_owned_text() {
    let json = r#"{"code": 0, "detail": {
        "qcvm\u002d1": {"code": 0, "requestId": "r\u0031"},
        "qcvm-2": {"code": 0, "requestId": "2"}}}"#;
    let view: BatchResponseRef<'_, Instance> = serde_json::from_str(json).unwrap();
    let ids: Vec<(&str, bool)> = view
        .detail()
        .keys()
        .map(|id| (id.as_str(), id.is_borrowed()))
        .collect();
    assert_eq!(ids, [("qcvm-1", false), ("qcvm-2", true)]);
    let id: InstanceId = "qcvm-1".parse().unwrap();
    let task = view.get(&id).unwrap();
    assert_eq!(task.request_id.as_deref(), Some("r1"));
    assert_eq!(
        view.detail().get("qcvm-2").map(|task| task.code),
        Some(Code::SUCCESS)
    );
    let first = view.detail().keys().next().unwrap();
    assert_eq!(first.to_id(), id);
}

#[test]
fn duplicates_are_refused_as_in_the_owned_reply() {
    let plain = r#"{"code": 0, "detail": {"a": {"code": 0, "requestId": "1"}, "a": {"code": 1}}}"#;
    let escaped =
        r#"{"code": 0, "detail": {"a-1": {"code": 0, "requestId": "1"}, "a\u002d1": {"code": 1}}}"#;
    for json in [plain, escaped, fixtures::BATCH_DUPLICATE_ID] {
        let error = serde_json::from_str::<BatchResponseRef<'_, Bucket>>(json).unwrap_err();
        assert!(
            error.to_string().starts_with("duplicate resource id"),
            "{error}"
        );
        assert_eq!(error.to_string(), owned_error::<Bucket>(json));
    }
}

#[test]
fn errors_match_the_owned_reply_word_for_word() {
    for json in [
        r#"{"code": 0, "detail": {"disk-1": {"code": 0, "requestId": "1"}}}"#,
        r#"{"code": 0, "detail": {"": {"code": 1}}}"#,
        r#"{"code": 0, "detail": {"qcvm1": {"code": 0, "requestId": true}}}"#,
        r#"{"code": 0, "detail": {"disk-1": {"code": 0}, "qcvm1": 7}}"#,
        r#"{"code": 0, "detail": {"qcvm1": {"code": true}}}"#,
        r#"{"code": 0, "detail": {"qcvm1": {"code": 1, "message": 5}}}"#,
        r#"{"code": 0, "detail": []}"#,
        r#"{"code": 0}"#,
        r#"{"code": 0, "code": 0, "detail": {}}"#,
        r#"{"code": "5.4", "detail": {}}"#,
        r#"{"code": 0, "detail": {"qcvm1": {"code": 0, "requestId": "1"}"#,
    ] {
        let error = serde_json::from_str::<BatchResponseRef<'_, Instance>>(json).unwrap_err();
        assert_eq!(error.to_string(), owned_error::<Instance>(json), "{json}");
    }
}

#[test]
fn a_reader_cannot_lend_so_everything_is_owned() {
    let json = fixtures::BATCH_ALL_SUCCEEDED.as_bytes();
    let mut reader = serde_json::Deserializer::from_reader(json);
    let view: BatchResponseRef<'_, Instance> =
        serde::Deserialize::deserialize(&mut reader).unwrap();
    assert!(view.detail().keys().all(|id| !id.is_borrowed()));
    assert_eq!(view.into_owned(), serde_json::from_slice(json).unwrap());
}

fn result() -> impl Strategy<Value = Result<RequestId, TaskError>> {
    prop_oneof![
        any::<String>().prop_map(|id| Ok(RequestId::from(id))),
        (1..10_000_i64, any::<String>())
            .prop_map(|(code, message)| Err(TaskError::new(Code::new(code), message))),
    ]
}

proptest! {
    #[test]
    fn the_view_agrees_with_the_owned_reply(results in proptest::collection::vec((any::<String>(), result()), 0..30)) {
        let built = BatchResponse::<Bucket>::from_results(results);
        let json = serde_json::to_string(&built).unwrap();
        let view: BatchResponseRef<'_, Bucket> = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(view.outcome(), built.outcome());
        prop_assert_eq!(view.verify(), built.verify());
        prop_assert_eq!(serde_json::to_string(&view).unwrap(), json.as_str());
        prop_assert_eq!(view.into_owned(), built);
    }
}
