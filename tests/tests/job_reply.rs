//! The submission reply of the `job_id`/`error` dialect.

use serde_test::{Configure, Token, assert_tokens};
use task_envelope::{ApiError, ErrorDetail, JobId, JobResponse};
use task_envelope_tests::fixtures;

fn parse(json: &str) -> Result<JobResponse, String> {
    serde_json::from_str(json).map_err(|error| error.to_string())
}

#[test]
fn fixture_job_accepted() {
    let reply = parse(fixtures::JOB_ACCEPTED).unwrap();
    assert!(reply.is_accepted());
    assert_eq!(
        reply,
        JobResponse::Accepted {
            job_id: JobId::from("70a599e0-31e7-49b7-b260-868f441e862b")
        }
    );
}

#[test]
fn fixture_job_rejected() {
    let error = parse(fixtures::JOB_REJECTED)
        .unwrap()
        .into_result()
        .unwrap_err();
    assert_eq!(error.code, "Ecs.0605");
    assert_eq!(error.message, "Insufficient quota for the requested flavor");
    assert_eq!(
        error.details,
        [
            ErrorDetail {
                code: Some("Ecs.0605.1".into()),
                message: Some("cores quota exceeded".into())
            },
            ErrorDetail {
                code: None,
                message: Some("ram quota exceeded".into())
            },
        ]
    );
    assert_eq!(
        error.to_string(),
        "Ecs.0605: Insufficient quota for the requested flavor (detail codes: Ecs.0605.1, none)"
    );
}

#[test]
fn fixture_invalid_sample_is_a_positioned_syntax_error() {
    let error =
        serde_json::from_str::<JobResponse>(fixtures::JOB_REJECTED_SAMPLE_INVALID).unwrap_err();
    assert!(error.is_syntax());
    assert_eq!((error.line(), error.column()), (2, 38));
}

#[test]
fn numeric_codes_are_kept_as_text() {
    let error = parse(
        r#"{"error": {"message": "m", "code": 4001, "details": [{"code": -7}, {"code": "x"}]}}"#,
    )
    .unwrap()
    .into_result()
    .unwrap_err();
    assert_eq!(error.code, "4001");
    let codes: Vec<Option<&str>> = error.details.iter().map(|d| d.code.as_deref()).collect();
    assert_eq!(codes, [Some("-7"), Some("x")]);
}

#[test]
fn optional_parts_may_be_absent_or_null() {
    for json in [
        r#"{"error": {"code": "E"}}"#,
        r#"{"error": {"code": "E", "message": null, "details": null}}"#,
        r#"{"error": {"code": "E", "details": []}}"#,
    ] {
        assert_eq!(
            parse(json).unwrap(),
            JobResponse::Rejected(ApiError::new("E", "")),
            "{json}"
        );
    }
    let detail = parse(r#"{"error": {"code": "E", "details": [{}, {"code": null}]}}"#).unwrap();
    let JobResponse::Rejected(error) = detail else {
        panic!("rejected expected")
    };
    assert_eq!(
        error.details,
        [ErrorDetail::default(), ErrorDetail::default()]
    );
}

#[test]
fn unknown_keys_are_ignored() {
    let reply = parse(r#"{"request_id": "r", "job_id": "j", "extra": {"a": [1]}}"#).unwrap();
    assert_eq!(
        reply,
        JobResponse::Accepted {
            job_id: JobId::from("j")
        }
    );
    let reply =
        parse(r#"{"error": {"code": "E", "title": "t", "details": [{"code": "d", "hint": 1}]}}"#)
            .unwrap();
    assert!(!reply.is_accepted());
}

#[test]
fn shape_errors_say_what_is_wrong_and_where() {
    for (json, message) in [
        (
            "{}",
            "a job reply needs `job_id` (accepted) or `error` (rejected) at line 1 column 2",
        ),
        (
            r#"{"other": 1}"#,
            "a job reply needs `job_id` (accepted) or `error` (rejected) at line 1 column 12",
        ),
        (
            r#"{"job_id": "1", "error": {"code": "E"}}"#,
            "a job reply cannot have both `job_id` and `error` at line 1 column 39",
        ),
        (
            r#"{"job_id": "1", "job_id": "2"}"#,
            "duplicate field `job_id` at line 1 column 24",
        ),
        (
            r#"{"job_id": 12}"#,
            "invalid type: integer `12`, expected `job_id` to be a string at line 1 column 13",
        ),
        (
            r#"{"error": "quota"}"#,
            r#"invalid type: string "quota", expected `error` to be an object with `code`, `message` and `details` at line 1 column 17"#,
        ),
        (
            r#"{"error": {"message": "m"}}"#,
            "missing field `code` in `error` at line 1 column 26",
        ),
        (
            r#"{"error": {"code": true}}"#,
            "invalid type: boolean `true`, expected `code` in `error` to be a string or an integer at line 1 column 23",
        ),
        (
            r#"{"error": {"code": 1.5}}"#,
            "invalid type: floating point `1.5`, expected `code` in `error` to be a string or an integer at line 1 column 22",
        ),
        (
            r#"{"error": {"code": "E", "code": "F"}}"#,
            "duplicate field `code` in `error` at line 1 column 30",
        ),
        (
            r#"{"error": {"code": "E", "details": {}}}"#,
            "invalid type: map, expected `details` in `error` to be an array of objects at line 1 column 35",
        ),
        (
            r#"{"error": {"code": "E", "details": [{"code": "a"}, {"code": false}]}}"#,
            "invalid type: boolean `false`, expected `code` in `error.details[1]` to be a string or an integer at line 1 column 65",
        ),
        (
            r#"{"error": {"code": "E", "details": [{"message": 3}]}}"#,
            "invalid type: integer `3`, expected `message` in `error.details[0]` to be a string at line 1 column 49",
        ),
        (
            r#"{"error": {"code": "E", "details": ["text"]}}"#,
            r#"invalid type: string "text", expected `error.details[0]` to be an object at line 1 column 42"#,
        ),
        (
            r#"["70a599e0"]"#,
            "invalid type: sequence, expected a job reply: an object with `job_id` or `error` at line 1 column 0",
        ),
    ] {
        assert_eq!(parse(json).unwrap_err(), message, "{json}");
    }
}

#[test]
fn replies_round_trip() {
    let rejected = parse(fixtures::JOB_REJECTED).unwrap();
    let json = serde_json::to_string(&rejected).unwrap();
    assert_eq!(
        json,
        r#"{"error":{"message":"Insufficient quota for the requested flavor","code":"Ecs.0605","details":[{"message":"cores quota exceeded","code":"Ecs.0605.1"},{"message":"ram quota exceeded"}]}}"#
    );
    assert_eq!(parse(&json).unwrap(), rejected);

    let accepted = parse(fixtures::JOB_ACCEPTED).unwrap();
    assert_eq!(
        serde_json::to_string(&accepted).unwrap(),
        r#"{"job_id":"70a599e0-31e7-49b7-b260-868f441e862b"}"#
    );
}

#[test]
fn tokens_in_both_modes() {
    let reply = JobResponse::Rejected(ApiError {
        code: "E".into(),
        message: "m".into(),
        details: vec![ErrorDetail {
            code: Some("D".into()),
            message: None,
        }],
    });
    let tokens = [
        Token::Map { len: Some(1) },
        Token::Str("error"),
        Token::Map { len: Some(3) },
        Token::Str("message"),
        Token::Str("m"),
        Token::Str("code"),
        Token::Str("E"),
        Token::Str("details"),
        Token::Seq { len: Some(1) },
        Token::Map { len: Some(1) },
        Token::Str("code"),
        Token::Str("D"),
        Token::MapEnd,
        Token::SeqEnd,
        Token::MapEnd,
        Token::MapEnd,
    ];
    assert_tokens(&reply.clone().readable(), &tokens);
    assert_tokens(&reply.compact(), &tokens);
}
