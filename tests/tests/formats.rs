//! The serde impls checked token by token, independently of JSON, in the
//! human-readable mode and in the compact mode (where formats such as bincode
//! cannot say whether a code is a number or a string).

use serde_test::{Configure, Token, assert_de_tokens, assert_de_tokens_error, assert_tokens};
use task_envelope::{
    BatchError, BatchOutcome, BatchResponse, Code, JobId, RequestId, TaskError, TaskResponse,
};
use task_envelope_tests::resources::{Bucket, InstanceId};

#[test]
fn code_is_an_integer_and_reads_digit_strings_when_readable() {
    assert_tokens(&Code::new(5400).readable(), &[Token::I64(5400)]);
    assert_de_tokens(&Code::new(5400).readable(), &[Token::Str("5400")]);
    assert_de_tokens(&Code::new(7).readable(), &[Token::U64(7)]);
    assert_tokens(&Code::new(-3).compact(), &[Token::I64(-3)]);
    assert_de_tokens_error::<serde_test::Readable<Code>>(
        &[Token::Bool(true)],
        "invalid type: boolean `true`, expected the code to be an integer or a string of digits",
    );
}

#[test]
fn ids_are_plain_strings() {
    // A request id keeps its form in human-readable formats (an integer
    // stays one) and is always a string in compact ones.
    assert_tokens(&RequestId::from("123").readable(), &[Token::Str("123")]);
    assert_tokens(&RequestId::from(123).readable(), &[Token::U64(123)]);
    assert_tokens(&RequestId::from(123).compact(), &[Token::Str("123")]);
    assert_tokens(&JobId::from("j-1"), &[Token::Str("j-1")]);
    let instance: InstanceId = "qcvm1".parse().unwrap();
    assert_tokens(&instance, &[Token::Str("qcvm1")]);
    assert_de_tokens_error::<InstanceId>(
        &[Token::Str("disk-1")],
        "invalid InstanceId `disk-1`: it must start with `qcvm`",
    );
}

#[test]
fn task_reply_is_a_map_in_wire_order() {
    let reply = TaskResponse {
        code_desc: Some("InvalidParameter".into()),
        ..TaskResponse::failure(Code::new(4000), "bad")
    };
    let tokens = [
        Token::Map { len: Some(3) },
        Token::Str("code"),
        Token::I64(4000),
        Token::Str("message"),
        Token::Str("bad"),
        Token::Str("codeDesc"),
        Token::Str("InvalidParameter"),
        Token::MapEnd,
    ];
    assert_tokens(&reply.clone().readable(), &tokens);
    assert_tokens(&reply.compact(), &tokens);
    let error = TaskError::new(Code::new(4000), "bad").with_code_desc("InvalidParameter");
    assert_tokens(&error.readable(), &tokens);
}

#[test]
fn batch_reply_is_a_map_with_an_ordered_detail() {
    let reply = BatchResponse::<Bucket>::from_results([
        ("b".to_owned(), Ok(RequestId::from("1"))),
        ("a".to_owned(), Err(TaskError::new(Code::new(4001), "no"))),
    ]);
    // `detail` may be `null`: a human-readable format gets it as an
    // `Option`'s `Some` (RON reads it back only so; JSON writes the bare
    // object all the same).
    let head = |readable: bool| {
        let mut tokens = vec![
            Token::Map { len: Some(3) },
            Token::Str("code"),
            Token::I64(5400),
            Token::Str("message"),
            Token::Str("some resources failed"),
            Token::Str("detail"),
        ];
        if readable {
            tokens.push(Token::Some);
        }
        tokens
    };
    let tail = [
        Token::Map { len: Some(2) },
        Token::Str("b"),
        Token::Map { len: Some(3) },
        Token::Str("code"),
        Token::I64(0),
        Token::Str("message"),
        Token::Str(""),
        Token::Str("requestId"),
        Token::Str("1"),
        Token::MapEnd,
        Token::Str("a"),
        Token::Map { len: Some(2) },
        Token::Str("code"),
        Token::I64(4001),
        Token::Str("message"),
        Token::Str("no"),
        Token::MapEnd,
        Token::MapEnd,
        Token::MapEnd,
    ];
    assert_tokens(
        &reply.clone().readable(),
        &[head(true), tail.to_vec()].concat(),
    );
    assert_tokens(&reply.compact(), &[head(false), tail.to_vec()].concat());
}

#[test]
fn batch_reply_reads_null_and_absent_optional_fields() {
    let reply = BatchResponse::<Bucket>::rejected(Code::new(4000), "");
    assert_de_tokens(
        &reply.readable(),
        &[
            Token::Map { len: None },
            Token::Str("message"),
            Token::None,
            Token::Str("detail"),
            Token::Unit,
            Token::Str("code"),
            Token::Str("4000"),
            Token::MapEnd,
        ],
    );
}

#[test]
fn outcome_and_error_are_written_like_derived_enums() {
    assert_tokens(
        &BatchOutcome::PartialFailure.readable(),
        &[Token::UnitVariant {
            name: "BatchOutcome",
            variant: "PartialFailure",
        }],
    );
    assert_tokens(
        &BatchError::CodeMismatch {
            declared: Code::SUCCESS,
            expected: Code::PARTIAL_FAILURE,
        }
        .readable(),
        &[
            Token::StructVariant {
                name: "BatchError",
                variant: "CodeMismatch",
                len: 2,
            },
            Token::Str("declared"),
            Token::I64(0),
            Token::Str("expected"),
            Token::I64(5400),
            Token::StructVariantEnd,
        ],
    );
    assert_tokens(
        &BatchError::Rejected {
            code: Code::new(4000),
            message: "bad".into(),
        }
        .compact(),
        &[
            Token::StructVariant {
                name: "BatchError",
                variant: "Rejected",
                len: 2,
            },
            Token::Str("code"),
            Token::I64(4000),
            Token::Str("message"),
            Token::Str("bad"),
            Token::StructVariantEnd,
        ],
    );
    assert_de_tokens_error::<serde_test::Readable<BatchOutcome>>(
        &[Token::UnitVariant {
            name: "BatchOutcome",
            variant: "Unknown",
        }],
        "unknown variant `Unknown`, expected one of `AllSucceeded`, `AllFailed`, `PartialFailure`, `Rejected`",
    );
}

#[test]
fn outcome_and_error_round_trip_through_json() {
    for outcome in [
        BatchOutcome::AllSucceeded,
        BatchOutcome::AllFailed,
        BatchOutcome::PartialFailure,
    ] {
        let json = serde_json::to_string(&outcome).unwrap();
        assert_eq!(
            serde_json::from_str::<BatchOutcome>(&json).unwrap(),
            outcome
        );
    }
    let error = BatchError::Rejected {
        code: Code::new(4000),
        message: "bad".into(),
    };
    let json = serde_json::to_string(&error).unwrap();
    assert_eq!(json, r#"{"Rejected":{"code":4000,"message":"bad"}}"#);
    assert_eq!(serde_json::from_str::<BatchError>(&json).unwrap(), error);
}
