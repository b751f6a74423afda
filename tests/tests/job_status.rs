//! The job status of the `job_id`/`error` dialect: sub-jobs tied to their
//! resources, the outer-code rule over sub-jobs, and `verify()`.

use serde_json::Value;
use serde_test::{Configure, Token, assert_tokens};
use task_envelope::{
    AnyValue, BatchOutcome, BatchReport, JobEntities, JobId, JobState, JobStatus, JobStatusError,
    Resource, ResourceId, ResourceReport, SubJob,
};

#[derive(ResourceId)]
#[resource_id(prefix = "srv-")]
struct ServerId(String);

#[derive(Resource)]
struct Server {
    #[resource(id)]
    server_id: ServerId,
}

#[derive(Resource)]
struct Volume {
    #[resource(id, rename = "volumeId")]
    volume_id: String,
}

type Status = JobStatus<Server>;

fn parse(json: &str) -> Status {
    serde_json::from_str(json).unwrap_or_else(|error| panic!("{error}: {json}"))
}

fn parse_error(json: &str) -> String {
    serde_json::from_str::<Status>(json)
        .unwrap_err()
        .to_string()
}

/// A job with one sub-job per `(state, server)`.
fn job(status: &str, sub_jobs: &[(&str, Option<&str>)]) -> Status {
    let sub_jobs: Vec<String> = sub_jobs
        .iter()
        .enumerate()
        .map(|(i, (state, server))| {
            let entities =
                server.map_or("{}".to_owned(), |id| format!(r#"{{"server_id": "{id}"}}"#));
            format!(r#"{{"status": "{state}", "job_id": "sub-{i}", "entities": {entities}}}"#)
        })
        .collect();
    parse(&format!(
        r#"{{"status": "{status}", "job_id": "j", "entities": {{"sub_jobs": [{}]}}}}"#,
        sub_jobs.join(",")
    ))
}

const FULL: &str = r#"{
    "status": "FAIL", "job_id": "70a599e0", "job_type": "batchStartServers",
    "begin_time": "2026-11-23T10:00:00.000Z", "end_time": "2026-11-23T10:01:00.000Z",
    "error_code": "Ecs.0000", "fail_reason": "some servers failed",
    "entities": {"sub_jobs_total": 3, "sub_jobs": [
        {"status": "SUCCESS", "job_id": "s-0", "job_type": "startServer",
         "begin_time": "b", "end_time": "e", "error_code": null, "fail_reason": null,
         "entities": {"server_id": "srv-0"}},
        {"status": "FAIL", "job_id": "s-1", "error_code": 4001, "fail_reason": "locked",
         "entities": {"server_id": "srv-1", "extra": true}},
        {"status": "FAIL", "job_id": "s-2", "entities": {}}
    ]}
}"#;

#[test]
fn parses_every_field_and_ties_sub_jobs_to_resources() {
    let status = parse(FULL);
    assert_eq!(status.status, JobState::Fail);
    assert_eq!(status.job_id, JobId::from("70a599e0"));
    assert_eq!(status.job_type.as_deref(), Some("batchStartServers"));
    assert_eq!(
        status.begin_time.as_deref(),
        Some("2026-11-23T10:00:00.000Z")
    );
    assert_eq!(status.end_time.as_deref(), Some("2026-11-23T10:01:00.000Z"));
    assert_eq!(status.error_code.as_deref(), Some("Ecs.0000"));
    assert_eq!(status.fail_reason.as_deref(), Some("some servers failed"));
    assert_eq!(status.entities.sub_jobs_total, Some(3));
    let sub_jobs = &status.entities.sub_jobs;
    assert_eq!(sub_jobs.len(), 3);
    let ids: Vec<Option<&str>> = sub_jobs
        .iter()
        .map(|sub| sub.resource_id.as_ref().map(ServerId::as_str))
        .collect();
    assert_eq!(ids, [Some("srv-0"), Some("srv-1"), None]);
    assert_eq!(sub_jobs[0].error_code, None);
    assert_eq!(sub_jobs[1].error_code.as_deref(), Some("4001"));
    assert_eq!(sub_jobs[1].fail_reason.as_deref(), Some("locked"));
    // Absent times and `job_type` stay absent (they read as `""` before).
    assert_eq!(sub_jobs[2].job_type, None);
    assert_eq!(sub_jobs[0].begin_time.as_deref(), Some("b"));
    // The entities' other fields are kept, in order.
    assert_eq!(
        sub_jobs[1].other_entities(),
        [("extra".to_owned(), AnyValue::Bool(true))]
    );
    assert_eq!(status.outcome(), Some(BatchOutcome::PartialFailure));
    assert_eq!(status.verify(), Ok(Some(BatchOutcome::PartialFailure)));
}

#[test]
fn a_sub_job_without_its_resource_id_is_kept() {
    let status = parse(
        r#"{"status": "SUCCESS", "job_id": "j", "entities": {"sub_jobs": [
            {"status": "SUCCESS", "job_id": "a"},
            {"status": "SUCCESS", "job_id": "b", "entities": null},
            {"status": "SUCCESS", "job_id": "c", "entities": {"server_id": null}}]}}"#,
    );
    assert_eq!(status.entities.sub_jobs.len(), 3);
    assert!(
        status
            .entities
            .sub_jobs
            .iter()
            .all(|sub| sub.resource_id.is_none())
    );
    assert_eq!(status.verify(), Ok(Some(BatchOutcome::AllSucceeded)));
}

#[test]
fn the_id_field_follows_rename() {
    let status: JobStatus<Volume> = serde_json::from_str(
        r#"{"status": "SUCCESS", "job_id": "j", "entities": {"volumeId": "vol-1", "sub_jobs": [
            {"status": "SUCCESS", "job_id": "a", "entities": {"volumeId": "vol-2", "volume_id": "ignored"}}]}}"#,
    )
    .unwrap();
    assert_eq!(status.entities.resource_id.as_deref(), Some("vol-1"));
    assert_eq!(
        status.entities.sub_jobs[0].resource_id.as_deref(),
        Some("vol-2")
    );
}

#[test]
fn unknown_states_are_kept_and_written_back() {
    let status = parse(r#"{"status": "ROLLING_BACK", "job_id": "j"}"#);
    assert_eq!(status.status, JobState::Unknown("ROLLING_BACK".into()));
    assert!(!status.is_terminal());
    assert_eq!(status.outcome(), None);
    let json = serde_json::to_string(&status).unwrap();
    assert!(json.contains(r#""status":"ROLLING_BACK""#), "{json}");
    assert_eq!(parse(&json), status);
}

#[test]
fn every_known_state() {
    for (text, state, terminal) in [
        ("INIT", JobState::Init, false),
        ("RUNNING", JobState::Running, false),
        ("SUCCESS", JobState::Success, true),
        ("FAIL", JobState::Fail, true),
        ("PENDING_PAYMENT", JobState::PendingPayment, false),
        ("success", JobState::Unknown("success".into()), false),
        ("", JobState::Unknown(String::new()), false),
    ] {
        assert_eq!(JobState::from(text), state);
        assert_eq!(state.is_terminal(), terminal, "{text}");
        assert_eq!(state.as_str(), text);
        assert_eq!(
            serde_json::to_string(&state).unwrap(),
            format!("\"{text}\"")
        );
    }
}

#[test]
fn no_outcome_before_the_job_ends() {
    for state in ["INIT", "RUNNING", "PENDING_PAYMENT", "QUEUED"] {
        let status = job(
            state,
            &[("SUCCESS", Some("srv-1")), ("FAIL", Some("srv-2"))],
        );
        assert_eq!(status.outcome(), None, "{state}");
        assert_eq!(status.verify(), Ok(None), "{state}");
    }
}

#[test]
fn the_rule_over_sub_jobs() {
    let all_ok = job(
        "SUCCESS",
        &[("SUCCESS", Some("srv-1")), ("SUCCESS", Some("srv-2"))],
    );
    assert_eq!(all_ok.outcome(), Some(BatchOutcome::AllSucceeded));
    assert_eq!(
        all_ok.outcome().map(BatchOutcome::code),
        Some(task_envelope::Code::SUCCESS)
    );

    let all_bad = job("FAIL", &[("FAIL", Some("srv-1")), ("FAIL", Some("srv-2"))]);
    assert_eq!(all_bad.outcome(), Some(BatchOutcome::AllFailed));

    let mixed = job(
        "FAIL",
        &[("SUCCESS", Some("srv-1")), ("FAIL", Some("srv-2"))],
    );
    assert_eq!(mixed.outcome(), Some(BatchOutcome::PartialFailure));

    // A sub-job that never reached SUCCESS counts as failed once the job ended.
    let stuck = job(
        "FAIL",
        &[("SUCCESS", Some("srv-1")), ("RUNNING", Some("srv-2"))],
    );
    assert_eq!(stuck.outcome(), Some(BatchOutcome::PartialFailure));
}

#[test]
fn a_job_without_sub_jobs_is_judged_by_its_own_status() {
    let ok = parse(r#"{"status": "SUCCESS", "job_id": "j", "entities": {"server_id": "srv-9"}}"#);
    assert_eq!(ok.outcome(), Some(BatchOutcome::AllSucceeded));
    assert_eq!(
        ok.entities.resource_id.as_ref().map(ServerId::as_str),
        Some("srv-9")
    );
    let failed = parse(r#"{"status": "FAIL", "job_id": "j"}"#);
    assert_eq!(failed.outcome(), Some(BatchOutcome::AllFailed));
    assert_eq!(failed.verify(), Ok(Some(BatchOutcome::AllFailed)));
}

#[test]
fn verify_reports_success_with_a_failed_sub_job() {
    let status = job(
        "SUCCESS",
        &[("SUCCESS", Some("srv-1")), ("FAIL", Some("srv-2"))],
    );
    let error = status.verify().unwrap_err();
    assert_eq!(
        error,
        JobStatusError::StatusMismatch {
            status: JobState::Success,
            outcome: BatchOutcome::PartialFailure
        }
    );
    assert_eq!(
        error.to_string(),
        "the job says SUCCESS but its sub-jobs say some resources failed"
    );
}

#[test]
fn verify_reports_failure_without_a_failed_sub_job() {
    let status = job("FAIL", &[("SUCCESS", Some("srv-1"))]);
    assert_eq!(
        status.verify(),
        Err(JobStatusError::StatusMismatch {
            status: JobState::Fail,
            outcome: BatchOutcome::AllSucceeded
        })
    );
}

#[test]
fn verify_reports_a_wrong_sub_job_count() {
    let status = parse(
        r#"{"status": "SUCCESS", "job_id": "j", "entities": {"sub_jobs_total": 2, "sub_jobs": [
            {"status": "SUCCESS", "job_id": "a"}]}}"#,
    );
    let error = status.verify().unwrap_err();
    assert_eq!(
        error,
        JobStatusError::SubJobCountMismatch {
            declared: 2,
            listed: 1
        }
    );
    assert_eq!(error.to_string(), "the job declares 2 sub-jobs but lists 1");
    let none_listed =
        parse(r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs_total": 1}}"#);
    assert_eq!(
        none_listed.verify(),
        Err(JobStatusError::SubJobCountMismatch {
            declared: 1,
            listed: 0
        })
    );
}

#[test]
fn verify_reports_duplicate_resource_ids() {
    let status = job(
        "FAIL",
        &[
            ("SUCCESS", Some("srv-1")),
            ("FAIL", None),
            ("FAIL", Some("srv-1")),
        ],
    );
    let error = status.verify().unwrap_err();
    assert_eq!(
        error,
        JobStatusError::DuplicateResourceId { id: "srv-1".into() }
    );
    assert_eq!(
        error.to_string(),
        "two sub-jobs name the same resource `srv-1`"
    );
    // Two sub-jobs without ids are not duplicates.
    let anonymous = job("FAIL", &[("FAIL", None), ("FAIL", None)]);
    assert_eq!(anonymous.verify(), Ok(Some(BatchOutcome::AllFailed)));
}

#[test]
fn errors_name_the_field_and_the_sub_job() {
    for (json, message) in [
        (
            r#"{"job_id": "j"}"#,
            "missing field `status` at line 1 column 15",
        ),
        (
            r#"{"status": "SUCCESS"}"#,
            "missing field `job_id` at line 1 column 21",
        ),
        (
            r#"{"status": 1, "job_id": "j"}"#,
            "invalid type: integer `1`, expected `status` to be a string at line 1 column 12",
        ),
        (
            r#"{"status": "INIT", "status": "INIT", "job_id": "j"}"#,
            "duplicate field `status` at line 1 column 27",
        ),
        (
            r#"{"status": "FAIL", "job_id": "j", "error_code": [1]}"#,
            "invalid type: sequence, expected `error_code` to be a string or an integer at line 1 column 49",
        ),
        (
            r#"{"status": "FAIL", "job_id": "j", "entities": []}"#,
            "invalid type: sequence, expected `entities` to be an object at line 1 column 48",
        ),
        (
            r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs_total": -1}}"#,
            "invalid value: integer `-1`, expected `sub_jobs_total` in `entities` to be a non-negative integer at line 1 column 67",
        ),
        (
            r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": {}}}"#,
            "invalid type: map, expected `sub_jobs` in `entities` to be an array of sub-jobs at line 1 column 61",
        ),
        (
            r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [{"status": "FAIL", "job_id": "a"}, {"job_id": "b"}]}}"#,
            "missing field `status` in `entities.sub_jobs[1]` at line 1 column 110",
        ),
        (
            r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [{"status": "FAIL", "job_id": 7}]}}"#,
            "invalid type: integer `7`, expected `job_id` in `entities.sub_jobs[0]` to be a string at line 1 column 90",
        ),
        (
            r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": ["x"]}}"#,
            r#"invalid type: string "x", expected `entities.sub_jobs[0]` to be an object at line 1 column 63"#,
        ),
        (
            r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [{"status": "FAIL", "job_id": "a", "entities": {"server_id": "vol-1"}}]}}"#,
            "invalid ServerId `vol-1`: it must start with `srv-` at line 1 column 127",
        ),
        (
            r#"{"status": "FAIL", "job_id": "j", "entities": {"server_id": "srv-1", "server_id": "srv-2"}}"#,
            "duplicate field `server_id` in `entities` at line 1 column 80",
        ),
    ] {
        assert_eq!(parse_error(json), message, "{json}");
    }
}

/// A sub-job parsed on its own is the top-level object: its errors name
/// its fields as a job's are named, not a place in a job it is not in.
#[test]
fn a_sub_job_parsed_on_its_own_names_no_path() {
    let cases = [
        (
            r#"{"job_id": "a"}"#,
            "missing field `status` at line 1 column 15",
        ),
        (
            r#"{"status": "FAIL", "job_id": 7}"#,
            "invalid type: integer `7`, expected `job_id` to be a string at line 1 column 30",
        ),
        (
            r#""x""#,
            r#"invalid type: string "x", expected a sub-job: an object with `status`, `job_id` and `entities` at line 1 column 3"#,
        ),
        (
            r#"{"status": "FAIL", "job_id": "a", "entities": []}"#,
            "invalid type: sequence, expected `entities` to be an object at line 1 column 48",
        ),
        (
            r#"{"status": "FAIL", "job_id": "a", "entities": {"errorcode_message": 1}}"#,
            "invalid type: integer `1`, expected `errorcode_message` in `entities` to be a string at line 1 column 69",
        ),
        (
            r#"{"status": "FAIL", "job_id": "a", "status": "FAIL"}"#,
            "duplicate field `status` at line 1 column 42",
        ),
    ];
    for (json, expected) in cases {
        let error = serde_json::from_str::<SubJob<Server>>(json).unwrap_err();
        assert_eq!(error.to_string(), expected, "{json}");
    }
    // Inside a job, the same errors still name the sub-job.
    assert_eq!(
        parse_error(
            r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [{"job_id": "a"}]}}"#
        ),
        "missing field `status` in `entities.sub_jobs[0]` at line 1 column 75",
    );
}

#[test]
fn round_trips_through_json() {
    let status = parse(FULL);
    let json = serde_json::to_string(&status).unwrap();
    assert_eq!(parse(&json), status);
    assert!(
        // The entities' other fields are written back (they were dropped).
        json.contains(r#""entities":{"server_id":"srv-1","extra":true}"#),
        "{json}"
    );
    assert!(json.contains(r#""entities":{}"#), "{json}");
}

#[test]
fn tokens_in_both_modes() {
    let status = Status::new(JobState::Success, "j")
        .with_job_type("batch")
        .with_entities(JobEntities::new().with_sub_jobs(vec![
            SubJob::new(JobState::Success, "a")
                .with_error_code("0")
                .with_resource_id("srv-1".parse().unwrap()),
        ]));
    let mut tokens = vec![
        Token::Map { len: Some(4) },
        Token::Str("status"),
        Token::Str("SUCCESS"),
        Token::Str("job_id"),
        Token::Str("j"),
        Token::Str("job_type"),
        Token::Str("batch"),
    ];
    tokens.extend([
        Token::Str("entities"),
        Token::Map { len: Some(2) },
        Token::Str("sub_jobs_total"),
        Token::U64(1),
        Token::Str("sub_jobs"),
        Token::Seq { len: Some(1) },
        Token::Map { len: Some(4) },
        Token::Str("status"),
        Token::Str("SUCCESS"),
        Token::Str("job_id"),
        Token::Str("a"),
        Token::Str("error_code"),
        Token::Str("0"),
        Token::Str("entities"),
        Token::Map { len: Some(1) },
        Token::Str("server_id"),
        Token::Str("srv-1"),
        Token::MapEnd,
        Token::MapEnd,
        Token::SeqEnd,
        Token::MapEnd,
        Token::MapEnd,
    ]);
    assert_tokens(&status.compact(), &tokens);
}

/// A status query that failed answers with an error body, not a status: the
/// caller gets the provider's error, not ``missing field `status` ``.
#[test]
fn a_failed_status_query_reports_the_providers_error() {
    for (json, message) in [
        (
            r#"{"error_code": "APIG.0101", "error_msg": "API does not exist", "request_id": "r-1"}"#,
            "the job status query failed: APIG.0101: API does not exist (request_id r-1) at line 1 column 83",
        ),
        (
            r#"{"errorCode": "APIG.0301", "errorMsg": "token expired", "requestId": "r-2"}"#,
            "the job status query failed: APIG.0301: token expired (request_id r-2) at line 1 column 75",
        ),
        (
            r#"{"error": {"code": "Ecs.0114", "message": "job not found"}}"#,
            "the job status query failed: Ecs.0114: job not found at line 1 column 59",
        ),
        (
            r#"{"itemNotFound": {"message": "no such job", "code": 404}}"#,
            "the job status query failed: 404: no such job at line 1 column 57",
        ),
        (
            r#"{"code": "Common.0024", "message": "too many requests"}"#,
            "the job status query failed: Common.0024: too many requests at line 1 column 55",
        ),
        (
            r#"{"job_id": "j", "request_id": "r"}"#,
            "missing field `status` at line 1 column 34",
        ),
    ] {
        assert_eq!(parse_error(json), message, "{json}");
    }
    // With a status, other fields are the job's and are not read as an error.
    let status =
        parse(r#"{"status": "RUNNING", "job_id": "j", "code": "x", "badRequest": {"code": 1}}"#);
    assert_eq!(status.status, JobState::Running);
}

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

#[derive(Resource)]
struct Disk {
    #[resource(id)]
    volume_id: String,
}

fn same_value_written_back<P>(json: &str) -> JobStatus<Disk, P>
where
    P: serde::Serialize + serde::de::DeserializeOwned,
{
    let status: JobStatus<Disk, P> = serde_json::from_str(json).unwrap();
    let written = serde_json::to_value(&status).unwrap();
    assert_eq!(written, serde_json::from_str::<Value>(json).unwrap());
    status
}

/// The providers' own samples: parse then write gives the same JSON value,
/// `null` where it came `null`, absent where it was absent.
#[test]
fn real_job_statuses_are_written_back_as_they_came() {
    let status = same_value_written_back::<()>(real!("otc_vbs-showjob-success-backup.json"));
    assert_eq!(
        status.entities.resource_id.as_deref(),
        Some("7e5fdc5a-5e36-4b22-8bcc-7f17037290cc")
    );
    let names: Vec<&str> = status
        .entities
        .other_fields()
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(
        names,
        ["bks_create_volume_name", "backup_id", "snapshot_id"]
    );
    assert_eq!(
        status.entities.get("backup_id").and_then(AnyValue::as_str),
        Some("ba5401a2-7cd2-4c01-8c0d-c936ab412d6d")
    );
    assert_eq!(status.error_code, None);
    assert_eq!(status.entities.sub_jobs_total, None);

    let status =
        same_value_written_back::<()>(real!("otc_evs-showjob-success-batchCreateVolume.json"));
    assert_eq!(status.entities.sub_jobs.len(), 2);
    assert_eq!(status.entities.sub_jobs_total, None);
    assert_eq!(status.verify(), Ok(Some(BatchOutcome::AllSucceeded)));
    let written = serde_json::to_value(&status).unwrap();
    assert!(written["entities"].get("sub_jobs_total").is_none());
    assert_eq!(
        written["entities"]["sub_jobs"][1]["fail_reason"],
        Value::Null
    );
}

#[test]
fn absent_and_null_fields_are_written_back_as_they_came() {
    for json in [
        r#"{"status":"RUNNING","job_id":"j"}"#,
        r#"{"status":"RUNNING","job_id":"j","entities":null}"#,
        r#"{"status":"RUNNING","job_id":"j","entities":{}}"#,
        r#"{"status":"RUNNING","job_id":"j","job_type":null,"begin_time":null,"end_time":null,"error_code":null,"fail_reason":null}"#,
        r#"{"status":"RUNNING","job_id":"j","entities":{"server_id":null,"sub_jobs_total":null,"sub_jobs":null}}"#,
        r#"{"status":"RUNNING","job_id":"j","entities":{"sub_jobs":[]}}"#,
        r#"{"status":"FAIL","job_id":"j","entities":{"sub_jobs":[{"status":"FAIL","job_id":"a","entities":null},{"status":"FAIL","job_id":"b","entities":{"server_id":null,"errorcode_message":null,"sub_jobs":[]}},{"status":"FAIL","job_id":"c","entities":{}}]}}"#,
    ] {
        let status = parse(json);
        assert_eq!(serde_json::to_string(&status).unwrap(), json);
    }
    // A `null` and an absent field compare equal: the values are the same.
    assert_eq!(
        parse(r#"{"status":"RUNNING","job_id":"j","job_type":null}"#),
        parse(r#"{"status":"RUNNING","job_id":"j"}"#)
    );
}

#[test]
fn a_sub_jobs_errorcode_message_is_its_failures_message() {
    let status = parse(
        r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [
            {"status": "FAIL", "job_id": "a", "error_code": "Ecs.0001",
             "entities": {"server_id": "srv-1", "errorcode_message": "the server is locked"}},
            {"status": "FAIL", "job_id": "b", "fail_reason": "quota",
             "entities": {"server_id": "srv-2", "errorcode_message": "not this one"}}]}}"#,
    );
    let sub_jobs = &status.entities.sub_jobs;
    assert_eq!(
        sub_jobs[0].errorcode_message.as_deref(),
        Some("the server is locked")
    );
    let failures: Vec<String> = status
        .entries()
        .filter_map(ResourceReport::into_failure)
        .map(|(id, failure)| format!("{}: {failure}", id.unwrap()))
        .collect();
    assert_eq!(
        failures,
        [
            "srv-1: code Ecs.0001: the server is locked (job_id a)",
            "srv-2: no code: quota (job_id b)",
        ]
    );
    assert_eq!(
        parse_error(
            r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [{"status": "FAIL", "job_id": "a", "entities": {"errorcode_message": 1}}]}}"#
        ),
        "invalid type: integer `1`, expected `errorcode_message` in `entities.sub_jobs[0]` to be a string at line 1 column 129"
    );
}

#[derive(serde::Deserialize, serde::Serialize, Debug, PartialEq)]
struct Progress {
    progress: u8,
}

#[test]
fn the_payload_reads_the_other_top_level_fields() {
    type Fields = serde_json::Map<String, Value>;
    let json =
        r#"{"status":"SUCCESS","job_id":"j","entities":{},"progress":100,"project":{"id":"p"}}"#;
    let status: JobStatus<Server, Fields> = serde_json::from_str(json).unwrap();
    let payload = status.payload.as_ref().unwrap();
    assert_eq!(payload.keys().collect::<Vec<_>>(), ["progress", "project"]);
    assert_eq!(serde_json::to_string(&status).unwrap(), json);

    let error = serde_json::from_str::<JobStatus<Server, Progress>>(
        r#"{"status": "RUNNING", "job_id": "j", "progress": "x"}"#,
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"invalid type: string "x", expected u8 at line 1 column 52"#
    );
    let error = serde_json::from_str::<JobStatus<Server, Progress>>(
        r#"{"status": "RUNNING", "job_id": "j"}"#,
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "missing field `progress` at line 1 column 36"
    );
    // A failed status query is still the provider's error, whatever `P` is.
    for json in [
        r#"{"error_code": "APIG.0101", "error_msg": "API does not exist", "request_id": "r-1"}"#,
        r#"{"itemNotFound": {"message": "no such job", "code": 404}}"#,
    ] {
        let error = serde_json::from_str::<JobStatus<Server, Progress>>(json).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("the job status query failed: "),
            "{error}"
        );
        let error = serde_json::from_str::<JobStatus<Server, Fields>>(json).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("the job status query failed: "),
            "{error}"
        );
    }
    // Built: the payload's fields after the envelope's.
    let built = Status::new(JobState::Running, "j").with_payload(Progress { progress: 5 });
    assert_eq!(
        serde_json::to_string(&built).unwrap(),
        r#"{"status":"RUNNING","job_id":"j","entities":{},"progress":5}"#
    );
}

#[test]
fn a_status_keyed_by_an_id_type_alone_names_no_resource() {
    // `ById` knows no id field, so no key of `entities` is read as the id:
    // the sub-jobs are kept and judged, without a resource.
    let status: JobStatus<task_envelope::ById<String>> = serde_json::from_str(
        r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [
            {"status": "SUCCESS", "job_id": "a", "entities": {"server_id": "s-1"}},
            {"status": "FAIL", "job_id": "b", "entities": {"server_id": "s-2"}}]}}"#,
    )
    .unwrap();
    assert_eq!(status.outcome(), Some(BatchOutcome::PartialFailure));
    assert!(
        status
            .entities
            .sub_jobs
            .iter()
            .all(|sub| sub.resource_id.is_none())
    );
    assert_eq!(
        status.entities.sub_jobs[1]
            .entity("server_id")
            .and_then(AnyValue::as_str),
        Some("s-2")
    );
}
