//! Hostile replies, each with the error it must produce: its kind (`serde_json`'s
//! category: a syntax error, input that ends early, or data of the wrong
//! shape) and the words its message must contain (the field, or the
//! resource id). None may panic, overflow the stack, or parse into something
//! that lost an entry.

use serde_json::error::Category;
use task_envelope::{BatchResponse, Code, JobResponse, JobStatus, TaskResponse};
use task_envelope_tests::resources::{Bucket, Instance};

/// Which type a hostile input is parsed as.
#[derive(Clone, Copy, Debug)]
enum As {
    Task,
    Batch,
    TypedBatch,
    Job,
    Status,
    /// A common reply with a typed payload.
    Payload,
}

/// A payload with one required field, as an action's reply carries.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // Read, never looked at.
struct Deals {
    deal_ids: Vec<String>,
}

fn parse(target: As, bytes: &[u8]) -> Result<(), serde_json::Error> {
    match target {
        As::Task => serde_json::from_slice::<TaskResponse>(bytes).map(drop),
        As::Batch => serde_json::from_slice::<BatchResponse<Bucket>>(bytes).map(drop),
        As::TypedBatch => serde_json::from_slice::<BatchResponse<Instance>>(bytes).map(drop),
        As::Job => serde_json::from_slice::<JobResponse>(bytes).map(drop),
        As::Status => serde_json::from_slice::<JobStatus<Instance>>(bytes).map(drop),
        As::Payload => serde_json::from_slice::<TaskResponse<Deals>>(bytes).map(drop),
    }
}

struct Case {
    what: &'static str,
    target: As,
    input: Vec<u8>,
    category: Category,
    /// Words the message must contain.
    names: &'static [&'static str],
}

fn case(
    what: &'static str,
    target: As,
    input: impl Into<Vec<u8>>,
    category: Category,
    names: &'static [&'static str],
) -> Case {
    Case {
        what,
        target,
        input: input.into(),
        category,
        names,
    }
}

/// `depth` nested arrays.
fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

const OK_ENTRY: &str = r#""ins-1": {"code": 0, "requestId": "1"}"#;

fn batch_with(entry: &str) -> String {
    format!(r#"{{"code": 5400, "detail": {{{OK_ENTRY}, "ins-2": {entry}}}}}"#)
}

#[allow(clippy::too_many_lines)] // One table, one line a case.
fn cases() -> Vec<Case> {
    use As::{Batch, Job, Payload, Status, Task, TypedBatch};
    use Category::{Data, Eof, Syntax};
    vec![
        // Input that ends early, at several points.
        case("empty input", Batch, "", Eof, &["EOF"]),
        case("cut after `{`", Batch, "{", Eof, &["EOF"]),
        case(
            "cut inside a key",
            Batch,
            r#"{"code": 0, "det"#,
            Eof,
            &["EOF"],
        ),
        case("cut after a colon", Task, r#"{"code":"#, Eof, &["EOF"]),
        case(
            "cut inside a string",
            Task,
            r#"{"code": 4001, "message": "quo"#,
            Eof,
            &["EOF"],
        ),
        case(
            "cut inside an entry",
            Batch,
            format!(r#"{{"code": 0, "detail": {{{OK_ENTRY}, "ins-2": {{"code": 0"#),
            Eof,
            &["EOF"],
        ),
        case(
            "cut before the closing brace",
            Batch,
            format!(r#"{{"code": 0, "detail": {{{OK_ENTRY}}}"#),
            Eof,
            &["EOF"],
        ),
        // Wrong types, field by field.
        case(
            "reply is an array",
            Batch,
            "[0, {}]",
            Data,
            &["sequence", "batch reply"],
        ),
        case(
            "reply is a string",
            Task,
            r#""ok""#,
            Data,
            &["string", "task reply"],
        ),
        case(
            "code is a boolean",
            Task,
            r#"{"code": true}"#,
            Data,
            &["boolean", "`code`"],
        ),
        case(
            "code is null",
            Batch,
            r#"{"code": null, "detail": {}}"#,
            Data,
            &["null", "`code`"],
        ),
        case(
            "message is a number",
            Task,
            r#"{"code": 1, "message": 2}"#,
            Data,
            &["integer `2`", "`message`"],
        ),
        case(
            "requestId is a boolean",
            Task,
            r#"{"code": 0, "requestId": true}"#,
            Data,
            &["boolean `true`", "`requestId`", "a string or an integer"],
        ),
        case(
            "codeDesc is an array",
            Task,
            r#"{"code": 1, "codeDesc": ["x"]}"#,
            Data,
            &["sequence", "`codeDesc`"],
        ),
        case(
            "detail is a string",
            Batch,
            r#"{"code": 0, "detail": "ins-1"}"#,
            Data,
            &["string", "`detail`"],
        ),
        case(
            "detail is an array",
            Batch,
            r#"{"code": 0, "detail": [{"code": 0}]}"#,
            Data,
            &["sequence", "`detail`"],
        ),
        case(
            "entry code is an object",
            Batch,
            batch_with(r#"{"code": {}}"#),
            Data,
            &["map", "`code` of resource `ins-2`"],
        ),
        case(
            "entry message is a boolean",
            Batch,
            batch_with(r#"{"code": 1, "message": false}"#),
            Data,
            &["`message` of resource `ins-2`"],
        ),
        case(
            "entry requestId is an array",
            Batch,
            batch_with(r#"{"code": 0, "requestId": [9]}"#),
            Data,
            &["sequence", "`requestId` of resource `ins-2`"],
        ),
        case(
            "entry codeDesc is a number",
            Batch,
            batch_with(r#"{"code": 1, "codeDesc": 9}"#),
            Data,
            &["`codeDesc` of resource `ins-2`"],
        ),
        // Codes.
        case(
            "code is a float",
            Task,
            r#"{"code": 5.4}"#,
            Data,
            &["floating point `5.4`", "`code`"],
        ),
        case(
            "code is beyond i64",
            Task,
            r#"{"code": 9223372036854775808}"#,
            Data,
            &["9223372036854775808", "64-bit"],
        ),
        case(
            "code string is beyond i64",
            Task,
            r#"{"code": "99999999999999999999"}"#,
            Data,
            &["99999999999999999999", "64-bit"],
        ),
        case(
            "code is \"5.4e3\"",
            Task,
            r#"{"code": "5.4e3"}"#,
            Data,
            &["\"5.4e3\"", "string of digits"],
        ),
        case(
            "code is \"\"",
            Task,
            r#"{"code": ""}"#,
            Data,
            &["string \"\"", "`code`"],
        ),
        case(
            "code is \"-1\"",
            Task,
            r#"{"code": "-1"}"#,
            Data,
            &["\"-1\"", "`code`"],
        ),
        case(
            "code is 1e400",
            Task,
            r#"{"code": 1e400}"#,
            Syntax,
            &["number out of range"],
        ),
        case(
            "entry code is a float",
            Batch,
            batch_with(r#"{"code": 0.0, "requestId": "2"}"#),
            Data,
            &["floating point", "`ins-2`"],
        ),
        // detail, missing or null.
        case(
            "success without detail",
            Batch,
            r#"{"code": 0, "message": "success"}"#,
            Data,
            &["`detail`", "code is 0"],
        ),
        case(
            "success with null detail",
            Batch,
            r#"{"code": 0, "detail": null}"#,
            Data,
            &["`detail`", "code is 0"],
        ),
        case(
            "no code at all",
            Batch,
            r#"{"detail": {}}"#,
            Data,
            &["missing field `code`"],
        ),
        case(
            "entry without code",
            Batch,
            batch_with(r#"{"message": "?"}"#),
            Data,
            &["missing field `code`", "`ins-2`"],
        ),
        // Repeats.
        case(
            "duplicate resource id",
            Batch,
            format!(r#"{{"code": 0, "detail": {{{OK_ENTRY}, {OK_ENTRY}}}}}"#),
            Data,
            &["duplicate resource id", "`ins-1`"],
        ),
        case(
            "duplicate id spelled with an escape",
            Batch,
            format!(r#"{{"code": 0, "detail": {{{OK_ENTRY}, "ins\u002d1": {{"code": 4001}}}}}}"#),
            Data,
            &["duplicate resource id", "`ins-1`"],
        ),
        case(
            "duplicate typed id",
            TypedBatch,
            r#"{"code": 0, "detail": {"qcvm1": {"code": 0, "requestId": "1"}, "qcvm1": {"code": 1}}}"#,
            Data,
            &["duplicate resource id", "`qcvm1`"],
        ),
        case(
            "repeated top-level code",
            Batch,
            r#"{"code": 0, "code": 5400, "detail": {}}"#,
            Data,
            &["duplicate field `code`"],
        ),
        case(
            "repeated detail",
            Batch,
            r#"{"code": 0, "detail": {}, "detail": {}}"#,
            Data,
            &["duplicate field `detail`"],
        ),
        case(
            "repeated entry field",
            Batch,
            batch_with(r#"{"code": 1, "message": "a", "message": "b"}"#),
            Data,
            &["duplicate field `message`", "`ins-2`"],
        ),
        // A payload field of the wrong type, named with its position.
        case(
            "payload field of the wrong type",
            Payload,
            r#"{"code": 0, "requestId": 1, "dealIds": "3901942"}"#,
            Data,
            &["invalid type: string \"3901942\"", "a sequence"],
        ),
        case(
            "success without a required payload field",
            Payload,
            r#"{"code": 0, "requestId": 1}"#,
            Data,
            &["missing field `dealIds`"],
        ),
        // Nesting 100 000 levels deep where a reply value is expected: refused
        // at the first bracket, whatever follows.
        case(
            "100000 levels as the reply",
            Batch,
            nested(100_000),
            Data,
            &["sequence", "batch reply"],
        ),
        case(
            "100000 levels as detail",
            Batch,
            format!(r#"{{"code": 0, "detail": {}}}"#, nested(100_000)),
            Data,
            &["sequence", "`detail`"],
        ),
        case(
            "100000 levels as an entry code",
            Batch,
            batch_with(&format!(r#"{{"code": {}}}"#, nested(100_000))),
            Data,
            &["sequence", "`code` of resource `ins-2`"],
        ),
        case(
            "100000 levels as a sub-job",
            Status,
            format!(
                r#"{{"status": "FAIL", "job_id": "j", "entities": {{"sub_jobs": [{}]}}}}"#,
                nested(100_000)
            ),
            Data,
            &["sequence", "`entities.sub_jobs[0]`"],
        ),
        case(
            "100000 levels as error details",
            Job,
            format!(
                r#"{{"error": {{"code": "E", "details": [{}]}}}}"#,
                nested(100_000)
            ),
            Data,
            &["sequence", "`error.details[0]`"],
        ),
        // Text that is not valid UTF-8 or Unicode.
        case(
            "invalid UTF-8 in a message",
            Task,
            b"{\"code\": 1, \"message\": \"\xff\xfe\"}".to_vec(),
            Syntax,
            &["invalid unicode code point"],
        ),
        case(
            "invalid UTF-8 in a resource id",
            Batch,
            b"{\"code\": 0, \"detail\": {\"ins-\xc3\": {\"code\": 1}}}".to_vec(),
            Syntax,
            &["invalid unicode code point"],
        ),
        case(
            "lone leading surrogate",
            Task,
            r#"{"code": 1, "message": "\ud800"}"#,
            Syntax,
            &["hex escape"],
        ),
        case(
            "lone leading surrogate before an escape",
            Task,
            r#"{"code": 1, "message": "\ud800\u0041"}"#,
            Syntax,
            &["lone leading surrogate"],
        ),
        case(
            "lone trailing surrogate in an id",
            Batch,
            r#"{"code": 0, "detail": {"\udc00": {"code": 1}}}"#,
            Syntax,
            &["surrogate"],
        ),
        case(
            "byte-order mark",
            Task,
            b"\xef\xbb\xbf{\"code\": 0, \"requestId\": \"1\"}".to_vec(),
            Syntax,
            &["expected value", "line 1 column 1"],
        ),
        // Trailing garbage.
        case(
            "trailing text",
            Task,
            r#"{"code": 0, "requestId": "1"} ok"#,
            Syntax,
            &["trailing characters"],
        ),
        case(
            "a second reply",
            Task,
            r#"{"code": 0, "requestId": "1"}{"code": 0, "requestId": "2"}"#,
            Syntax,
            &["trailing characters"],
        ),
        // Typed ids.
        case(
            "id of another kind",
            TypedBatch,
            r#"{"code": 0, "detail": {"disk-1": {"code": 1}}}"#,
            Data,
            &["InstanceId", "`disk-1`", "`qcvm`"],
        ),
        case(
            "empty id",
            TypedBatch,
            r#"{"code": 0, "detail": {"": {"code": 1}}}"#,
            Data,
            &["InstanceId", "empty"],
        ),
        case(
            "id that is only the prefix",
            TypedBatch,
            r#"{"code": 0, "detail": {"qcvm": {"code": 1}}}"#,
            Data,
            &["InstanceId", "`qcvm`", "prefix"],
        ),
        // The job dialect.
        case(
            "job_id and error",
            Job,
            r#"{"job_id": "1", "error": {"code": "E"}}"#,
            Data,
            &["both `job_id` and `error`"],
        ),
        case(
            "neither job_id nor error",
            Job,
            r#"{"jobId": "1"}"#,
            Data,
            &["`job_id`", "`error`"],
        ),
        case(
            "job_id is a number",
            Job,
            r#"{"job_id": 1}"#,
            Data,
            &["integer `1`", "`job_id`"],
        ),
        case(
            "error without code",
            Job,
            r#"{"error": {"message": "m"}}"#,
            Data,
            &["missing field `code`", "`error`"],
        ),
        case(
            "error code is a boolean",
            Job,
            r#"{"error": {"code": true}}"#,
            Data,
            &["`code` in `error`"],
        ),
        case(
            "error code is the sample's placeholder",
            Job,
            r#"{"error": {"message": "", "code": XXX,""}}"#,
            Syntax,
            &["expected value", "line 1 column 35"],
        ),
        case(
            "detail is not an object",
            Job,
            r#"{"error": {"code": "E", "details": [{}, 3]}}"#,
            Data,
            &["`error.details[1]`"],
        ),
        case(
            "status is missing",
            Status,
            r#"{"job_id": "j"}"#,
            Data,
            &["missing field `status`"],
        ),
        case(
            "sub-job status is missing",
            Status,
            r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [{"status": "FAIL", "job_id": "a"}, {"job_id": "b"}]}}"#,
            Data,
            &["`status`", "`entities.sub_jobs[1]`"],
        ),
        case(
            "sub_jobs_total is negative",
            Status,
            r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs_total": -2}}"#,
            Data,
            &["-2", "`sub_jobs_total`"],
        ),
        case(
            "entities is an array",
            Status,
            r#"{"status": "FAIL", "job_id": "j", "entities": []}"#,
            Data,
            &["`entities`"],
        ),
        case(
            "sub-job id of another kind",
            Status,
            r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [{"status": "FAIL", "job_id": "a", "entities": {"instance_id": "disk-1"}}]}}"#,
            Data,
            &["InstanceId", "`disk-1`"],
        ),
        case(
            "id field twice in entities",
            Status,
            r#"{"status": "FAIL", "job_id": "j", "entities": {"instance_id": "qcvm1", "instance_id": "qcvm2"}}"#,
            Data,
            &["duplicate field `instance_id`"],
        ),
    ]
}

/// How many hostile replies the README says this file pins
/// ("`tests/tests/bad_input.rs` pins N hostile replies").
fn count_in_readme() -> usize {
    let readme = include_str!("../../README.md");
    let words: Vec<&str> = readme.split_whitespace().collect();
    words
        .windows(4)
        .find(|w| w[0] == "pins" && w[2] == "hostile" && w[3] == "replies")
        .and_then(|w| w[1].parse().ok())
        .expect("the README says how many hostile replies bad_input.rs pins")
}

#[test]
fn every_hostile_reply_gets_its_error() {
    let cases = cases();
    // The table and the README's count move together: a case dropped or
    // added without the README (or the other way round) fails here.
    assert_eq!(
        cases.len(),
        count_in_readme(),
        "cases in bad_input.rs, and the README's count of them"
    );
    let mut wrong = Vec::new();
    for case in &cases {
        match parse(case.target, &case.input) {
            Ok(()) => wrong.push(format!("{}: parsed", case.what)),
            Err(error) => {
                let message = error.to_string();
                if error.classify() != case.category {
                    wrong.push(format!(
                        "{}: {:?}, not {:?}: {message}",
                        case.what,
                        error.classify(),
                        case.category
                    ));
                }
                for name in case.names {
                    if !message.contains(name) {
                        wrong.push(format!("{}: {message:?} does not say {name:?}", case.what));
                    }
                }
                if !message.contains(" at line ") {
                    wrong.push(format!("{}: {message:?} has no position", case.what));
                }
                if message.contains('\n') || message.len() > 400 {
                    wrong.push(format!("{}: not one short line: {message:?}", case.what));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} cases:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}

#[test]
fn a_negative_code_is_a_failure_not_an_error() {
    // Documented choice: any integer is a code, and every non-zero one is a
    // failure. Refusing it would turn a reported failure into a parse error.
    let reply: TaskResponse =
        serde_json::from_str(r#"{"code": -1, "message": "internal"}"#).unwrap();
    assert_eq!(reply.code, Code::new(-1));
    assert!(!reply.is_success());
}

#[test]
fn a_50_mb_message_is_kept_whole() {
    let message = "m".repeat(50 << 20);
    let json = format!(
        r#"{{"code": 5400, "detail": {{{OK_ENTRY}, "ins-2": {{"code": 4001, "message": "{message}"}}}}}}"#
    );
    let reply: BatchResponse<Bucket> = serde_json::from_str(&json).unwrap();
    let (_, failure) = reply.failed().next().unwrap();
    assert_eq!(failure.message.len(), message.len());
}

#[test]
fn a_value_of_detail_that_is_not_an_entry_is_kept_and_not_counted() {
    // Real replies put other values in `detail` ("taskId": "2377970"). Such a
    // value is never an entry, never a success; a declared code that it would
    // have changed is still reported by `verify()`.
    let reply: BatchResponse<Bucket> = serde_json::from_str(&batch_with("7")).unwrap();
    assert_eq!(reply.len(), 1);
    assert_eq!(
        reply.detail_extras(),
        [("ins-2".to_owned(), task_envelope::AnyValue::UInt(7))]
    );
    assert_eq!(
        reply.verify(),
        Err(task_envelope::BatchError::CodeMismatch {
            declared: Code::PARTIAL_FAILURE,
            expected: Code::SUCCESS,
        })
    );
}

#[test]
fn a_50_mb_resource_id_is_cut_short_in_errors() {
    let id = "i".repeat(50 << 20);
    let json = format!(r#"{{"code": 0, "detail": {{"{id}": {{"code": true}}}}}}"#);
    let error = serde_json::from_str::<BatchResponse<Bucket>>(&json)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("invalid type: boolean `true`, expected `code` of resource `iii"),
        "{}",
        &error[..80]
    );
    assert!(error.len() < 400, "{} bytes", error.len());
    assert!(error.contains("…`"), "the cut is marked");
}

#[test]
fn deep_nesting_in_unknown_fields_is_skipped_without_recursion() {
    // Unknown values that nothing keeps are skipped (forward compatibility).
    // serde_json skips them with a loop, not recursion, so any depth is safe
    // and accepted.
    let deep = nested(100_000);
    let batch = format!(
        r#"{{"code": 0, "x": {deep}, "detail": {{"ins-1": {{"code": 0, "requestId": "1"}}}}}}"#
    );
    let reply: BatchResponse<Bucket> = serde_json::from_str(&batch).unwrap();
    assert_eq!(reply.len(), 1);
    // An entry's unknown fields are kept (`OtherFields`), as deep as 128
    // levels (serde_json's own limit, which counts the reply's three outer
    // levels too, comes first); deeper is refused with a short error, not a
    // stack overflow.
    let kept = format!(
        r#"{{"code": 0, "detail": {{"ins-1": {{"code": 0, "requestId": "1", "y": {}}}}}}}"#,
        nested(120)
    );
    let reply: BatchResponse<Bucket> = serde_json::from_str(&kept).unwrap();
    assert_eq!(reply.get("ins-1").unwrap().other.len(), 1);
    let too_deep = format!(
        r#"{{"code": 0, "detail": {{"ins-1": {{"code": 0, "requestId": "1", "y": {deep}}}}}}}"#
    );
    // With serde_json its own recursion limit speaks first; formats without
    // one meet `AnyValue`'s 128 levels (tested with `AnyValue` itself).
    let error = serde_json::from_str::<BatchResponse<Bucket>>(&too_deep).unwrap_err();
    assert_eq!(
        error.to_string(),
        "recursion limit exceeded at line 1 column 192"
    );
    let status = format!(
        r#"{{"status": "FAIL", "job_id": "j", "entities": {{"sub_jobs": [{{"status": "FAIL", "job_id": "a", "z": {deep}}}]}}}}"#
    );
    let status: JobStatus<Instance> = serde_json::from_str(&status).unwrap();
    assert_eq!(status.entities.sub_jobs.len(), 1);
}

/// An iterator that claims far more items than it gives.
struct Boastful<I>(I, usize);

impl<I: Iterator> Iterator for Boastful<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        self.0.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.1, None)
    }
}

#[test]
fn a_hostile_size_hint_does_not_allocate_before_the_items_come() {
    // Trusted, `usize::MAX` would panic with "capacity overflow" and 10^11
    // would abort the process; the hint is capped instead.
    for hint in [usize::MAX, 100_000_000_000] {
        let results = Boastful(
            [
                ("ins-1".to_owned(), Ok(task_envelope::RequestId::from("1"))),
                ("ins-2".to_owned(), Ok(task_envelope::RequestId::from("2"))),
            ]
            .into_iter(),
            hint,
        );
        let reply = BatchResponse::<Bucket>::from_results(results);
        assert_eq!(reply.len(), 2);
    }
}

#[test]
fn every_error_stays_short_whatever_the_value() {
    use As::{Batch, Job, Status, Task};
    // A 50 MB string where something else belongs, in each position that
    // reads one: the error shows at most 200 characters of it.
    let big = "x".repeat(50 << 20);
    let next_line = "\u{85}".repeat(25 << 20);
    let cases: Vec<(&str, As, String)> = vec![
        ("code", Task, format!(r#"{{"code": "{big}"}}"#)),
        (
            "code of U+0085",
            Task,
            format!(r#"{{"code": "{next_line}"}}"#),
        ),
        (
            "detail",
            Batch,
            format!(r#"{{"code": 0, "detail": "{big}"}}"#),
        ),
        (
            "an entry's code",
            Batch,
            format!(r#"{{"code": 0, "detail": {{"ins-1": {{"code": "{big}"}}}}}}"#),
        ),
        ("the reply", Batch, format!(r#""{big}""#)),
        (
            "entities",
            Status,
            format!(r#"{{"status": "SUCCESS", "job_id": "j", "entities": "{big}"}}"#),
        ),
        (
            "sub_jobs",
            Status,
            format!(
                r#"{{"status": "SUCCESS", "job_id": "j", "entities": {{"sub_jobs": "{big}"}}}}"#
            ),
        ),
        ("error", Job, format!(r#"{{"error": "{big}"}}"#)),
        ("the job reply", Job, format!(r#""{big}""#)),
    ];
    for (what, target, input) in cases {
        let error = parse(target, input.as_bytes()).unwrap_err().to_string();
        assert!(
            error.len() <= 400,
            "{what}: {} bytes: {}",
            error.len(),
            &error[..400]
        );
        assert!(error.contains("bytes)"), "{what}: {error}");
    }
    let error = serde_json::from_str::<task_envelope::TaskStatus>(&format!(
        r#"{{"code": 0, "data": "{big}"}}"#
    ))
    .unwrap_err()
    .to_string();
    assert!(error.len() <= 400, "data: {} bytes", error.len());
}

#[test]
fn a_failed_status_query_with_a_50_mb_message_stays_short() {
    // The provider's error becomes the parse error's text: cut like any
    // other wire text.
    let big = "m".repeat(50 << 20);
    for body in [
        format!(r#"{{"error": {{"code": "E", "message": "{big}"}}}}"#),
        format!(r#"{{"error_code": "APIG.0101", "error_msg": "{big}", "request_id": "r"}}"#),
        format!(r#"{{"code": "{big}", "message": "m"}}"#),
    ] {
        let error = serde_json::from_str::<JobStatus<Instance>>(&body)
            .unwrap_err()
            .to_string();
        assert!(
            error.len() <= 600,
            "{} bytes: {}",
            error.len(),
            &error[..300]
        );
    }
}
