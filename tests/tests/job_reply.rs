//! The submission reply of the `job_id`/`error` dialect.

use serde_json::{Value, json};
use serde_test::{Configure, Token, assert_tokens};
use task_envelope::{AnyValue, ApiError, ErrorDetail, ErrorShape, JobId, JobResponse};
use task_envelope_tests::{fixtures, real};

fn parse(json: &str) -> Result<JobResponse, String> {
    serde_json::from_str(json).map_err(|error| error.to_string())
}

#[test]
fn fixture_job_accepted() {
    let reply = parse(fixtures::JOB_ACCEPTED).unwrap();
    assert!(reply.is_accepted());
    assert_eq!(
        reply,
        JobResponse::accepted(JobId::from("70a599e0-31e7-49b7-b260-868f441e862b"))
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
    assert_eq!(reply, JobResponse::accepted(JobId::from("j")));
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
            "a job reply needs `job_id` (accepted) or an error (rejected): `error`, `error_code`, `errorCode`, `code` or a fault object such as `badRequest` at line 1 column 2",
        ),
        (
            r#"{"other": 1, "request_id": "r"}"#,
            "a job reply needs `job_id` (accepted) or an error (rejected): `error`, `error_code`, `errorCode`, `code` or a fault object such as `badRequest` at line 1 column 31",
        ),
        (
            r#"{"job_id": "1", "error_code": "APIG.0101"}"#,
            "a job reply cannot have both `job_id` and `error_code` at line 1 column 42",
        ),
        (
            r#"{"error_code": true}"#,
            "invalid type: boolean `true`, expected `error_code` to be a string or an integer at line 1 column 20",
        ),
        (
            r#"{"errorCode": "E", "errorMsg": 5}"#,
            "invalid type: integer `5`, expected `errorMsg` to be a string at line 1 column 33",
        ),
        (
            r#"{"code": "E", "details": [{"code": [1]}]}"#,
            "invalid type: sequence, expected `code` in `details[0]` to be a string or an integer at line 1 column 41",
        ),
        (
            r#"{"error_code": "A", "error_code": "B"}"#,
            "duplicate field `error_code` at line 1 column 32",
        ),
        (
            r#"{"error": {"code": "E"}, "error": {"code": "F"}}"#,
            "duplicate field `error` at line 1 column 32",
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
            "invalid type: map, expected `details` in `error` to be an array of objects at line 1 column 37",
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
            "invalid type: sequence, expected a job reply: an object with `job_id` or an error at line 1 column 1",
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
    let reply: JobResponse =
        JobResponse::Rejected(ApiError::new("E", "m").with_details(vec![ErrorDetail {
            code: Some("D".into()),
            message: None,
        }]));
    // A field that may be `null` (`details`, a detail's `code`) is written
    // as an `Option`'s `Some` in a human-readable format (RON reads it back
    // only so; JSON writes the bare value all the same), bare in a compact one.
    let tokens = |readable: bool| {
        let some = |token| {
            if readable {
                vec![Token::Some, token]
            } else {
                vec![token]
            }
        };
        let mut tokens = vec![
            Token::Map { len: Some(1) },
            Token::Str("error"),
            Token::Map { len: Some(3) },
            Token::Str("message"),
            Token::Str("m"),
            Token::Str("code"),
            Token::Str("E"),
            Token::Str("details"),
        ];
        tokens.extend(some(Token::Seq { len: Some(1) }));
        tokens.extend([Token::Map { len: Some(1) }, Token::Str("code")]);
        tokens.extend(some(Token::Str("D")));
        tokens.extend([Token::MapEnd, Token::SeqEnd, Token::MapEnd, Token::MapEnd]);
        tokens
    };
    assert_tokens(&reply.clone().readable(), &tokens(true));
    assert_tokens(&reply.compact(), &tokens(false));
}

fn value_of<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

/// A body, and the shape, code, message and request id read from it.
type Case = (
    &'static str,
    ErrorShape,
    &'static str,
    &'static str,
    Option<&'static str>,
);

/// Each shape of §1c, and bodies with two shapes at once.
fn shape_cases() -> Vec<Case> {
    vec![
        (
            r#"{"error": {"code": "Ecs.0605", "message": "quota", "details": [{"code": 1}]}}"#,
            ErrorShape::Error,
            "Ecs.0605",
            "quota",
            None,
        ),
        (
            r#"{"error": {"code": 403, "message": null, "request_id": "r-in", "title": "t"}, "extra": [1]}"#,
            ErrorShape::Error,
            "403",
            "",
            Some("r-in"),
        ),
        (
            r#"{"error_code": "APIG.0101", "error_msg": "no API", "request_id": "r-1", "encoded_authorization_message": "enc"}"#,
            ErrorShape::Gateway,
            "APIG.0101",
            "no API",
            Some("r-1"),
        ),
        (
            r#"{"error_code": "APIG.0101", "error_msg": "no API", "requestId": "r-2"}"#,
            ErrorShape::Gateway,
            "APIG.0101",
            "no API",
            Some("r-2"),
        ),
        (
            r#"{"errorCode": 1001, "errorMsg": "bad", "requestId": "r-3"}"#,
            ErrorShape::GatewayCamelCase,
            "1001",
            "bad",
            Some("r-3"),
        ),
        (
            r#"{"errorCode": "E", "errorMsg": "bad", "request_id": "r-4"}"#,
            ErrorShape::GatewayCamelCase,
            "E",
            "bad",
            Some("r-4"),
        ),
        (
            r#"{"error_msg": "only a message"}"#,
            ErrorShape::Gateway,
            "",
            "only a message",
            None,
        ),
        (
            r#"{"badRequest": {"message": "Invalid tags", "code": 400}}"#,
            ErrorShape::Fault("badRequest".into()),
            "400",
            "Invalid tags",
            None,
        ),
        (
            r#"{"itemNotFound": {"message": "no server", "code": "404", "details": "x"}, "request_id": "r-5"}"#,
            ErrorShape::Fault("itemNotFound".into()),
            "404",
            "no server",
            Some("r-5"),
        ),
        (
            r#"{"computeFault": {"message": "boom"}}"#,
            ErrorShape::Fault("computeFault".into()),
            "",
            "boom",
            None,
        ),
        (
            r#"{"code": "Ecs.0001", "message": "m", "details": null, "requestId": null}"#,
            ErrorShape::Bare,
            "Ecs.0001",
            "m",
            None,
        ),
        (
            // Two shapes: `error` is primary, the gateway fields are kept as they came.
            r#"{"error_code": "APIG.1", "error_msg": "gw", "error": {"code": "E", "message": "inner"}}"#,
            ErrorShape::Error,
            "E",
            "inner",
            None,
        ),
        (
            // A gateway body beside a fault: the gateway is primary.
            r#"{"badRequest": {"code": 400}, "error_code": "APIG.2", "error_msg": "gw"}"#,
            ErrorShape::Gateway,
            "APIG.2",
            "gw",
            None,
        ),
    ]
}

/// Each shape of §1c: what is read, and that writing gives the same JSON value.
#[test]
fn every_error_shape_is_read_and_written_back() {
    for (json, shape, code, message, request_id) in &shape_cases() {
        let error: ApiError = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
        assert_eq!(error.shape(), shape, "{json}");
        assert_eq!(error.code, *code, "{json}");
        assert_eq!(error.message, *message, "{json}");
        assert_eq!(error.request_id.as_deref(), *request_id, "{json}");
        let wire: Value = serde_json::from_str(json).unwrap();
        assert_eq!(value_of(&error), wire, "{json}");
        // The job reply reads the same body as a rejection, and writes it back.
        let reply: JobResponse = serde_json::from_str(json).unwrap();
        assert_eq!(reply, JobResponse::Rejected(error.clone()), "{json}");
        assert_eq!(value_of(&reply), wire, "{json}");
        let again: ApiError = serde_json::from_value(wire).unwrap();
        assert_eq!(again, error, "{json}");
    }
}

#[test]
fn other_fields_are_kept_in_order() {
    let error: ApiError = serde_json::from_str(
        r#"{"z": 1, "error": {"code": "E", "hint": {"a": null}}, "encoded_authorization_message": "x"}"#,
    )
    .unwrap();
    let names: Vec<&str> = error.other().iter().map(|(key, _)| key.as_str()).collect();
    assert_eq!(names, ["z", "encoded_authorization_message"]);
    assert_eq!(error.other()[0].1, AnyValue::UInt(1));
    assert_eq!(
        error.wrapped_other(),
        [(
            "hint".to_owned(),
            AnyValue::Object(vec![("a".into(), AnyValue::Null)])
        )]
    );
}

#[test]
fn error_texts_name_only_keys_the_body_has() {
    for (json, message) in [
        (
            r#"{"request_id": "r"}"#,
            "no error in the body: expected `error`, `error_code`, `errorCode`, `code` or a fault object such as `badRequest` at line 1 column 19",
        ),
        (
            r#"{"badRequest": {"message": 4}}"#,
            "no error in the body: expected `error`, `error_code`, `errorCode`, `code` or a fault object such as `badRequest` at line 1 column 30",
        ),
        (
            r#"{"error": {"message": "m"}}"#,
            "missing field `code` in `error` at line 1 column 26",
        ),
        (
            r#"{"code": 1.5}"#,
            "invalid type: floating point `1.5`, expected `code` to be a string or an integer at line 1 column 13",
        ),
        (
            r#"{"code": "E", "details": {}}"#,
            "invalid type: map, expected `details` to be an array of objects at line 1 column 28",
        ),
        (
            r#"{"code": "E", "details": [3]}"#,
            "invalid type: integer `3`, expected `details[0]` to be an object at line 1 column 29",
        ),
        (
            "[]",
            "invalid type: sequence, expected an error body: an object at line 1 column 2",
        ),
    ] {
        let error = serde_json::from_str::<ApiError>(json)
            .unwrap_err()
            .to_string();
        assert_eq!(error, message, "{json}");
    }
}

#[test]
fn real_error_replies() {
    let gateway: JobResponse = serde_json::from_str(real::OTC_APIG_ERROR).unwrap();
    let JobResponse::Rejected(error) = &gateway else {
        panic!("rejected expected")
    };
    assert_eq!(error.shape(), &ErrorShape::Gateway);
    assert_eq!(error.code, "APIG.0101");
    assert_eq!(
        error.request_id.as_deref(),
        Some("acbc548ac6f2a0dbdb9e3518a7c0ff84")
    );
    assert_eq!(
        error.to_string(),
        "APIG.0101: API does not exist or is not published in the environment. (request_id acbc548ac6f2a0dbdb9e3518a7c0ff84)"
    );

    let fault: JobResponse = serde_json::from_str(real::OTC_EVS_BAD_REQUEST).unwrap();
    let JobResponse::Rejected(error) = &fault else {
        panic!("rejected expected")
    };
    assert_eq!(error.shape(), &ErrorShape::Fault("badRequest".into()));
    assert_eq!(error.code, "400");

    for (name, json) in [
        ("gateway", real::OTC_APIG_ERROR),
        ("badRequest", real::OTC_EVS_BAD_REQUEST),
        ("internalError", real::OTC_ECS_BATCH_INTERNAL_ERROR),
    ] {
        let wire: Value = serde_json::from_str(json).unwrap();
        let error: ApiError = serde_json::from_str(json).unwrap();
        assert_eq!(value_of(&error), wire, "{name}");
    }

    let accepted: JobResponse = serde_json::from_str(real::OTC_ECS_CREATE_JOB).unwrap();
    assert_eq!(
        accepted.into_result().unwrap(),
        JobId::from("ff808082739334d80173941567f21d4f")
    );
}

#[test]
fn built_errors_write_their_shape() {
    let error = ApiError::new("E", "m").with_request_id("r");
    assert_eq!(
        value_of(&error),
        json!({"error": {"message": "m", "code": "E"}, "request_id": "r"})
    );
    assert_eq!(
        value_of(&error.clone().with_shape(ErrorShape::GatewayCamelCase)),
        json!({"errorCode": "E", "errorMsg": "m", "requestId": "r"})
    );
    assert_eq!(
        value_of(
            &error
                .clone()
                .with_shape(ErrorShape::Fault("conflictingRequest".into()))
        ),
        json!({"conflictingRequest": {"message": "m", "code": "E"}, "request_id": "r"})
    );
    assert_eq!(
        value_of(&error.with_shape(ErrorShape::Bare)),
        json!({"message": "m", "code": "E", "request_id": "r"})
    );
}

/// A provider's sample, from `tests/fixtures/real/`.
macro_rules! real_sample {
    ($file:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/real/",
            $file
        ))
    };
}

#[test]
fn an_accepted_jobs_other_fields_go_to_the_payload() {
    type Fields = serde_json::Map<String, Value>;
    let body = real_sample!("otc_ecs-create-job-serverIds.json");
    let reply: JobResponse<Fields> = serde_json::from_str(body).unwrap();
    let JobResponse::Accepted { job_id, payload } = &reply else {
        panic!("accepted expected")
    };
    assert_eq!(job_id, "ff808082739334d80173941567f21d4f");
    assert_eq!(
        payload.as_ref().unwrap()["serverIds"],
        json!(["118258c5-0c6a-4e73-8b51-8d1ea3272e1b"])
    );
    let written = serde_json::to_value(&reply).unwrap();
    assert_eq!(written, serde_json::from_str::<Value>(body).unwrap());

    // The default payload keeps nothing, and reads as before.
    let plain: JobResponse = serde_json::from_str(body).unwrap();
    assert_eq!(
        plain,
        JobResponse::accepted("ff808082739334d80173941567f21d4f")
    );
    assert_eq!(
        serde_json::to_string(&plain).unwrap(),
        r#"{"job_id":"ff808082739334d80173941567f21d4f"}"#
    );
}

#[derive(serde::Deserialize, serde::Serialize, Debug, PartialEq)]
struct Ordered {
    order_id: String,
    #[serde(default, rename = "serverIds")]
    server_ids: Vec<String>,
}

#[test]
fn a_typed_payload_is_required_of_an_accepted_job_only() {
    let reply: JobResponse<Ordered> =
        serde_json::from_str(r#"{"order_id": "CS2007", "job_id": "j"}"#).unwrap();
    assert_eq!(
        reply.payload(),
        Some(&Ordered {
            order_id: "CS2007".into(),
            server_ids: vec![]
        })
    );
    assert_eq!(
        serde_json::from_str::<JobResponse<Ordered>>(r#"{"job_id": "j", "serverIds": []}"#)
            .unwrap_err()
            .to_string(),
        "missing field `order_id` at line 1 column 32"
    );
    assert_eq!(
        serde_json::from_str::<JobResponse<Ordered>>(r#"{"job_id": "j", "order_id": 7}"#)
            .unwrap_err()
            .to_string(),
        "invalid type: integer `7`, expected a string at line 1 column 29"
    );
    // Every error shape is still a rejection, and needs no payload.
    for body in [
        real_sample!("otc_apig-error-APIG.0101-request_id.json"),
        real_sample!("otc_evs-tags-badRequest-int-code.json"),
        r#"{"error": {"code": "Ecs.0001", "message": "m"}}"#,
        r#"{"code": "Common.0024", "message": "too many requests"}"#,
    ] {
        let reply: JobResponse<Ordered> = serde_json::from_str(body).unwrap();
        assert!(!reply.is_accepted(), "{body}");
        let plain: JobResponse = serde_json::from_str(body).unwrap();
        assert_eq!(reply.into_result(), plain.into_result(), "{body}");
    }
    // `with_payload` and `into_parts`.
    let built = JobResponse::accepted("j").with_payload(Ordered {
        order_id: "CS2007".into(),
        server_ids: vec!["s-1".into()],
    });
    assert_eq!(
        serde_json::to_string(&built).unwrap(),
        r#"{"job_id":"j","order_id":"CS2007","serverIds":["s-1"]}"#
    );
    let (job_id, payload) = built.into_parts().unwrap();
    assert_eq!(
        (job_id.as_str(), payload.unwrap().order_id.as_str()),
        ("j", "CS2007")
    );
}
