//! The replies the providers publish for their own actions
//! (`fixtures/real/`, sources in its README), code/requestId dialect: each
//! parses with the type a user would pick, and parse-then-write gives back
//! the same JSON value with a payload that keeps every field.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use task_envelope::{AnyValue, BatchOutcome, BatchResponse, Code, RequestId, TaskResponse};
use task_envelope_tests::resources::{Bucket, Disk, DiskId};

/// Keeps every field the envelope does not claim.
type Everything = Map<String, Value>;

fn real(name: &str) -> String {
    let path = folder().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/real")
}

/// The samples of the code/requestId dialect (the legacy API's, `tencent_*`).
fn code_dialect_samples() -> Vec<(String, String)> {
    let mut samples: Vec<(String, String)> = std::fs::read_dir(folder())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| {
            name.starts_with("tencent_")
                && Path::new(name)
                    .extension()
                    .is_some_and(|extension| extension.eq_ignore_ascii_case("json"))
        })
        .map(|name| {
            let text = real(&name);
            (name, text)
        })
        .collect();
    samples.sort();
    assert!(samples.len() >= 5, "{} samples", samples.len());
    samples
}

fn same_value(name: &str, written: &str, original: &str) {
    let written: Value = serde_json::from_str(written).unwrap();
    let original: Value = serde_json::from_str(original).unwrap();
    assert_eq!(written, original, "{name}");
}

#[test]
fn every_sample_round_trips_to_the_same_value_with_a_keep_everything_payload() {
    for (name, text) in code_dialect_samples() {
        let value: Value = serde_json::from_str(&text).unwrap();
        let written = if value.get("detail").is_some() {
            let reply: BatchResponse<Bucket, Everything> =
                serde_json::from_str(&text).unwrap_or_else(|error| panic!("{name}: {error}"));
            serde_json::to_string(&reply).unwrap()
        } else {
            let reply: TaskResponse<Everything> =
                serde_json::from_str(&text).unwrap_or_else(|error| panic!("{name}: {error}"));
            assert!(reply.is_success(), "{name}");
            serde_json::to_string(&reply).unwrap()
        };
        same_value(&name, &written, &text);
    }
}

#[test]
fn every_sample_parses_without_a_payload_too() {
    for (name, text) in code_dialect_samples() {
        let value: Value = serde_json::from_str(&text).unwrap();
        if value.get("detail").is_some() {
            let reply: BatchResponse<Bucket> = serde_json::from_str(&text).unwrap();
            assert_eq!(reply.outcome(), BatchOutcome::AllSucceeded, "{name}");
        } else {
            let reply: TaskResponse = serde_json::from_str(&text).unwrap();
            assert!(reply.into_result().is_ok(), "{name}");
        }
    }
}

/// What `CreateLoadBalancer` answers beside the envelope: the created
/// load balancers, by order (deal) id.
#[derive(Debug, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct CreatedLoadBalancers {
    deal_ids: Vec<String>,
    un_load_balancer_ids: BTreeMap<String, Vec<String>>,
}

#[test]
fn create_load_balancer_gives_its_load_balancers_typed() {
    let text = real("tencent_clb-create-lb-three-instances.json");
    let reply: TaskResponse<CreatedLoadBalancers> = serde_json::from_str(&text).unwrap();
    assert_eq!(reply.code_desc.as_deref(), Some("Success"));
    let request_id = reply.request_id.clone().unwrap();
    assert_eq!(request_id, RequestId::from(3_901_942));
    assert!(request_id.is_integer());
    let created = reply.payload.as_ref().unwrap();
    assert_eq!(
        created.un_load_balancer_ids["3901942"],
        ["lb-cjcymkw9", "lb-fpk0oxhp", "lb-ikpzv02x"]
    );
    same_value("typed", &serde_json::to_string(&reply).unwrap(), &text);
}

#[test]
fn return_instance_is_done_with_nothing_to_poll() {
    let reply: TaskResponse =
        serde_json::from_str(&real("tencent_cvm-return-instance-ok.json")).unwrap();
    assert_eq!(reply.message, "ok");
    assert_eq!(reply.into_result(), Ok(None));
}

#[test]
fn attach_disks_keeps_the_task_id_beside_the_entries() {
    let text = real("tencent_cbs-attach-taskId-in-detail.json");
    let reply: BatchResponse<Disk> = serde_json::from_str(&text).unwrap();
    assert_eq!(reply.code(), Code::SUCCESS);
    assert!(reply.code().is_quoted());
    assert_eq!(reply.verify(), Ok(BatchOutcome::AllSucceeded));
    let id: DiskId = "disk-a2dbffgk".parse().unwrap();
    let (only, request_id) = reply.succeeded().next().unwrap();
    assert_eq!((only, request_id), (&id, None));
    assert_eq!(
        reply.detail_extras(),
        [("taskId".to_owned(), AnyValue::String("2377970".into()))]
    );
    same_value("typed", &serde_json::to_string(&reply).unwrap(), &text);
}

#[derive(Debug, Deserialize, Serialize)]
struct Submitted {
    data: SubmittedData,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
struct SubmittedData {
    request_id: RequestId,
}

#[test]
fn a_task_number_inside_data_is_read_through_the_payload() {
    let text = real("tencent_redis-manual-backup-data-requestId.json");
    let reply: TaskResponse<Submitted> = serde_json::from_str(&text).unwrap();
    assert_eq!(reply.request_id, None);
    let data = &reply.payload.as_ref().unwrap().data;
    assert_eq!(data.request_id, "375062");
    same_value("typed", &serde_json::to_string(&reply).unwrap(), &text);
}

#[test]
fn a_payload_error_names_its_field_with_the_position() {
    let error = serde_json::from_str::<TaskResponse<CreatedLoadBalancers>>(
        r#"{"code": 0, "requestId": 1, "dealIds": ["1"], "unLoadBalancerIds": {"1": "lb-1"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: string \"lb-1\", expected a sequence at line 1 column 79"
    );
}

#[test]
fn a_failure_without_the_payload_still_parses_and_a_success_does_not() {
    let failed: TaskResponse<CreatedLoadBalancers> = serde_json::from_str(
        r#"{"code": "4000", "message": "bad", "codeDesc": "InvalidParameter"}"#,
    )
    .unwrap();
    assert!(failed.payload.is_none());
    assert_eq!(
        failed.into_result().unwrap_err().to_string(),
        "code 4000 (InvalidParameter): bad"
    );
    let error = serde_json::from_str::<TaskResponse<CreatedLoadBalancers>>(
        r#"{"code": 0, "requestId": 1, "dealIds": []}"#,
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "missing field `unLoadBalancerIds` at line 1 column 42"
    );
}

#[test]
fn a_rejected_batch_is_never_a_success() {
    let reply: BatchResponse<Bucket> =
        serde_json::from_str(r#"{"code": 4000, "message": "instanceIds must not be empty"}"#)
            .unwrap();
    assert_eq!(
        reply.outcome(),
        BatchOutcome::Rejected {
            code: Code::new(4000)
        }
    );
    assert!(!reply.outcome().is_success());
    assert_eq!(
        task_envelope::BatchReport::final_outcome(&reply),
        Some(BatchOutcome::Rejected {
            code: Code::new(4000)
        })
    );
}

#[test]
fn a_server_answers_exactly_as_the_provider_does() {
    // Built, not parsed: an integer request id, a quoted code, a payload.
    let reply = BatchResponse::<Bucket>::from_tasks([(
        "disk-a2dbffgk".to_owned(),
        TaskResponse {
            code: Code::SUCCESS.quoted(),
            ..TaskResponse::done().with_message("ok")
        },
    )])
    .with_message("")
    .with_detail_extra("taskId", AnyValue::String("2377970".into()));
    // The outer code follows the rule and is built as an integer; the
    // provider quotes it.
    let mut value = serde_json::to_value(&reply).unwrap();
    assert_eq!(value["code"], Value::from(0));
    value["code"] = Value::from("0");
    same_value(
        "built",
        &value.to_string(),
        &real("tencent_cbs-attach-taskId-in-detail.json"),
    );
    let created = TaskResponse::success(3_901_942)
        .with_code_desc("Success")
        .with_payload(CreatedLoadBalancers {
            deal_ids: vec!["3901942".into()],
            un_load_balancer_ids: BTreeMap::from([(
                "3901942".to_owned(),
                vec![
                    "lb-cjcymkw9".into(),
                    "lb-fpk0oxhp".into(),
                    "lb-ikpzv02x".into(),
                ],
            )]),
        });
    same_value(
        "built",
        &serde_json::to_string(&created).unwrap(),
        &real("tencent_clb-create-lb-three-instances.json"),
    );
}
