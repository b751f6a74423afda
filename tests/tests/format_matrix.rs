//! Every reply type written and read back by every format this crate is
//! meant to work with: `serde_json`, CBOR (`ciborium`), `MessagePack`
//! (`rmp-serde`), `postcard`, `bincode` 2, RON and YAML (`serde_norway`).
//!
//! Each cell of the matrix writes a value, reads it back, and checks that
//! the value came back equal, in the same order (keys, entries, sub-jobs),
//! and, in the formats that carry text (JSON, RON, YAML, the human-readable
//! ones), in the same wire form: a quoted code stays quoted, an integer
//! request id stays an integer. A compact format writes a code as an
//! integer and a request id as a string; what else it keeps is written in
//! [`compact`] below. `bincode` and `postcard` are not self-describing:
//! a value of unknown shape (an [`AnyValue`]: an entry's other fields, a
//! `detail` value that is not an entry, a map payload) is written but
//! cannot be read back, and the reading error names the field.

use std::collections::BTreeMap;
use std::fmt::{Debug, Write};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use task_envelope::{
    AnyValue, BatchError, BatchOutcome, BatchResponse, BatchResponseRef, Code, IdRef, JobId,
    JobResponse, JobStatus, RequestId, Resource, SyncBatchResponse, TaskError, TaskResponse,
    TaskStatus,
};
use task_envelope_tests::resources::{Bucket, DiskId, Instance, InstanceId};
use task_envelope_tests::{fixtures, real};

/// A format of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Cbor,
    MsgPack,
    Postcard,
    Bincode,
    Ron,
    Yaml,
}

use Format::{Bincode, Cbor, Json, MsgPack, Postcard, Ron, Yaml};

impl Format {
    const ALL: [Format; 7] = [Json, Cbor, MsgPack, Postcard, Bincode, Ron, Yaml];

    fn name(self) -> &'static str {
        match self {
            Json => "json",
            Cbor => "cbor",
            MsgPack => "msgpack",
            Postcard => "postcard",
            Bincode => "bincode",
            Ron => "ron",
            Yaml => "yaml",
        }
    }

    /// Whether serde calls the format human-readable (it then gets the
    /// leniencies: quoted codes, integer request ids, `null`s).
    fn is_human_readable(self) -> bool {
        matches!(self, Json | Ron | Yaml)
    }

    fn write<T: Serialize + ?Sized>(self, value: &T) -> Result<Vec<u8>, String> {
        match self {
            Json => serde_json::to_vec(value).map_err(|e| e.to_string()),
            Cbor => {
                let mut bytes = Vec::new();
                ciborium::into_writer(value, &mut bytes).map_err(|e| e.to_string())?;
                Ok(bytes)
            }
            MsgPack => rmp_serde::to_vec_named(value).map_err(|e| e.to_string()),
            Postcard => postcard::to_allocvec(value).map_err(|e| e.to_string()),
            Bincode => bincode::serde::encode_to_vec(value, bincode::config::standard())
                .map_err(|e| e.to_string()),
            Ron => ron::to_string(value)
                .map(String::into_bytes)
                .map_err(|e| e.to_string()),
            Yaml => serde_norway::to_string(value)
                .map(String::into_bytes)
                .map_err(|e| e.to_string()),
        }
    }

    /// Reads an owned `T`.
    fn read<T: DeserializeOwned>(self, bytes: &[u8]) -> Result<T, String> {
        match self {
            Cbor => ciborium::from_reader(bytes).map_err(|e| e.to_string()),
            _ => self.read_borrowed(bytes),
        }
    }

    /// Reads `T`, which may borrow from `bytes` when the format lends.
    fn read_borrowed<'a, T: Deserialize<'a>>(self, bytes: &'a [u8]) -> Result<T, String> {
        let text = || std::str::from_utf8(bytes).map_err(|e| e.to_string());
        match self {
            Json => serde_json::from_slice(bytes).map_err(|e| e.to_string()),
            Cbor => Err("ciborium reads from an `io::Read`: it cannot lend".to_owned()),
            MsgPack => rmp_serde::from_slice(bytes).map_err(|e| e.to_string()),
            Postcard => postcard::from_bytes(bytes).map_err(|e| e.to_string()),
            Bincode => bincode::serde::borrow_decode_from_slice(bytes, bincode::config::standard())
                .map_err(|e| e.to_string())
                .and_then(|(value, read)| {
                    if read == bytes.len() {
                        Ok(value)
                    } else {
                        Err(format!("{} bytes left over", bytes.len() - read))
                    }
                }),
            Ron => ron::from_str(text()?).map_err(|e| e.to_string()),
            Yaml => serde_norway::from_str(text()?).map_err(|e| e.to_string()),
        }
    }
}

/// A value as JSON writes it, keys in order.
fn as_json<T: Serialize + ?Sized>(value: &T) -> AnyValue {
    serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
}

/// What a compact format keeps of a JSON value: a code or request id as a
/// string of digits or as an integer alike, and a `null` member left out.
/// Order is kept.
fn compact(value: &AnyValue) -> AnyValue {
    match value {
        AnyValue::String(text) => match text.parse::<u64>() {
            Ok(number) if !text.starts_with('0') || text == "0" => AnyValue::UInt(number),
            _ => value.clone(),
        },
        AnyValue::Array(values) => AnyValue::Array(values.iter().map(compact).collect()),
        AnyValue::Object(fields) => AnyValue::Object(
            fields
                .iter()
                .filter(|(_, value)| !value.is_null())
                .map(|(key, value)| (key.clone(), compact(value)))
                .collect(),
        ),
        _ => value.clone(),
    }
}

/// Writes `value` with `format` and reads it back: equal, in the same order,
/// in the same wire form where the format carries text, and written again
/// to the same bytes.
fn round_trip<T>(format: Format, value: &T) -> Result<(), String>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let bytes = format.write(value).map_err(|e| format!("write: {e}"))?;
    let back: T = format.read(&bytes).map_err(|e| format!("read: {e}"))?;
    if back != *value {
        return Err(format!("read back as {back:?}"));
    }
    let (want, got) = (as_json(value), as_json(&back));
    let kept = if format.is_human_readable() {
        want == got
    } else {
        compact(&want) == compact(&got)
    };
    if !kept {
        return Err(format!("wire form changed: {got:?}, was {want:?}"));
    }
    if format.write(&back)? != bytes {
        return Err("written again, the bytes differ".to_owned());
    }
    Ok(())
}

fn parse<T: DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|error| panic!("{error}: {json}"))
}

/// A row of the matrix: a value of one type, checked in every format.
struct Row {
    name: &'static str,
    check: Box<dyn Fn(Format) -> Result<(), String>>,
    /// The row holds a value of unknown shape, which `bincode` and
    /// `postcard` cannot read back: what `bincode`'s error must say (the
    /// field). `postcard`'s errors carry no text but its own (its
    /// `Error::custom` drops the message): it must refuse, that is all.
    unknown: Option<&'static str>,
}

fn row<T>(name: &'static str, value: T) -> Row
where
    T: Serialize + DeserializeOwned + PartialEq + Debug + 'static,
{
    Row {
        name,
        check: Box::new(move |format| round_trip(format, &value)),
        unknown: None,
    }
}

fn json_row<T>(name: &'static str, json: &str) -> Row
where
    T: Serialize + DeserializeOwned + PartialEq + Debug + 'static,
{
    let value: T = parse(json);
    // JSON writes back the same value (the envelope's own fields in its
    // order: `code`, `message`, `requestId`, `codeDesc`).
    assert_eq!(
        serde_json::to_value(&value).unwrap(),
        parse::<serde_json::Value>(json),
        "{name}"
    );
    row(name, value)
}

impl Row {
    /// The row holds a value of unknown shape; `bincode`'s error says `said`.
    fn unknown(self, said: &'static str) -> Row {
        Row {
            unknown: Some(said),
            ..self
        }
    }
}

/// The action's own fields of a load balancer's creation (`dealIds`,
/// `unLoadBalancerIds`), as a user declares them.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Deals {
    deal_ids: Vec<String>,
    un_load_balancer_ids: BTreeMap<String, Vec<String>>,
}

/// The servers of an accepted job.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
struct ServerIds {
    server_ids: Vec<String>,
}

/// A volume, whose id a job's sub-jobs name in `entities.volume_id`.
#[derive(Resource, Debug, Clone, PartialEq)]
struct Volume {
    #[resource(id)]
    volume_id: String,
}

/// A server of a synchronous batch (`id`).
#[derive(Resource, Debug, Clone, PartialEq)]
struct Server {
    #[resource(id)]
    id: String,
}

/// A disk of the CBS API.
#[derive(Resource, Debug, Clone, PartialEq)]
struct Disk {
    #[resource(id)]
    disk_id: DiskId,
}

/// A task chain over instances and disks: its derived id enum.
#[derive(Resource)]
#[allow(dead_code)] // Only its id enum is used.
enum Target {
    Instance(Instance),
    Disk(Disk),
}

const DEALS: &str = r#"{"code":0,"message":"","codeDesc":"Success","requestId":3901942,
    "dealIds":["3901942"],"unLoadBalancerIds":{"3901942":["lb-cjcymkw9","lb-fpk0oxhp"]}}"#;

/// A batch with failures, entries out of sorted order, a top-level request
/// id and `codeDesc`, a quoted code and an integer request id.
const BATCH: &str = r#"{"code":5400,"message":"some resources failed","requestId":"r-9",
    "codeDesc":"PartialFailure","detail":{
    "qcvm3":{"code":0,"message":"","requestId":"1231231231233"},
    "qcvm1":{"code":"4001","message":"quota exceeded","codeDesc":"LimitExceeded"},
    "qcvm2":{"code":0,"message":"","requestId":17}}}"#;

const BATCH_DEALS: &str = r#"{"code":0,"message":"","detail":{
    "qcvm2":{"code":0,"message":"","requestId":"2"},
    "qcvm1":{"code":0,"message":"","requestId":"1"}},
    "dealIds":["d-1"],"unLoadBalancerIds":{}}"#;

/// Every row of the matrix.
fn rows() -> Vec<Row> {
    let mut rows = reply_rows();
    rows.extend(other_rows());
    rows
}

/// The task and batch replies.
fn reply_rows() -> Vec<Row> {
    vec![
        json_row::<TaskResponse>(
            "TaskResponse: quoted code, integer requestId",
            r#"{"code":"0","message":"","requestId":3901942,"codeDesc":"Success"}"#,
        ),
        json_row::<TaskResponse>(
            "TaskResponse: failure, quoted code",
            r#"{"code":"4000","message":"bad","codeDesc":"InvalidParameter"}"#,
        ),
        json_row::<TaskResponse>(
            "TaskResponse: success without requestId",
            r#"{"code":0,"message":"ok"}"#,
        ),
        json_row::<TaskResponse<Deals>>("TaskResponse<Deals>: payload struct", DEALS),
        json_row::<TaskResponse<serde_json::Map<String, serde_json::Value>>>(
            "TaskResponse<Map>: map payload",
            DEALS,
        )
        .unknown("AnyNotSupported"),
        json_row::<TaskError>(
            "TaskError",
            r#"{"code":4001,"message":"quota exceeded","requestId":"r-1","codeDesc":"LimitExceeded"}"#,
        ),
        json_row::<BatchResponse<Instance>>("BatchResponse: failures, unsorted", BATCH),
        json_row::<BatchResponse<Instance, Deals>>("BatchResponse<_, Deals>: payload", BATCH_DEALS),
        json_row::<BatchResponse<Instance>>(
            "BatchResponse: rejected",
            r#"{"code":4000,"message":"InvalidParameter"}"#,
        ),
        json_row::<BatchResponse<Bucket>>(
            "BatchResponse: an entry's other fields",
            r#"{"code":0,"message":"","detail":{"b":{"code":0,"message":"","requestId":"1","taskId":42}}}"#,
        )
        .unknown("`taskId` of resource `b`, kept as it came (which takes a self-describing format)"),
        json_row::<BatchResponse<Disk>>(
            "BatchResponse: a detail value that is not an entry",
            r#"{"code":"0","message":"","detail":{"disk-a2dbffgk":{"code":"0","message":"ok"},"taskId":"2377970"}}"#,
        )
        .unknown("`taskId` in `detail`, kept as it came"),
        json_row::<BatchResponse<Target>>(
            "BatchResponse<task chain>",
            r#"{"code":5400,"message":"","detail":{"disk-1":{"code":4002,"message":"attached"},"qcvm1":{"code":0,"message":"","requestId":"r"}}}"#,
        ),
    ]
}

/// The rest: outcomes, errors, task and job polls, synchronous batches,
/// ids and codes.
fn other_rows() -> Vec<Row> {
    vec![
        row("BatchOutcome::PartialFailure", BatchOutcome::PartialFailure),
        row("BatchOutcome::AllSucceeded", BatchOutcome::AllSucceeded),
        row(
            "BatchOutcome::Rejected, quoted code",
            BatchOutcome::Rejected {
                code: Code::new(4000).quoted(),
            },
        ),
        row(
            "BatchError::CodeMismatch",
            BatchError::CodeMismatch {
                declared: Code::SUCCESS,
                expected: Code::PARTIAL_FAILURE,
            },
        ),
        row(
            "BatchError::Rejected",
            BatchError::Rejected {
                code: Code::new(4000),
                message: "bad".into(),
            },
        ),
        json_row::<TaskStatus>(
            "TaskStatus: succeeded",
            r#"{"code":0,"message":"","codeDesc":"Success","data":{"status":0}}"#,
        ),
        json_row::<TaskStatus>(
            "TaskStatus: failed poll, quoted code",
            r#"{"code":"4000","message":"no such task"}"#,
        ),
        json_row::<JobResponse<ServerIds>>(
            "JobResponse<ServerIds>: accepted",
            real::OTC_ECS_CREATE_JOB,
        ),
        json_row::<JobResponse>(
            "JobResponse: rejected, ErrorShape::Error",
            fixtures::JOB_REJECTED,
        ),
        json_row::<JobResponse>(
            "JobResponse: rejected, ErrorShape::Gateway",
            real::OTC_APIG_ERROR,
        ),
        json_row::<JobResponse>(
            "JobResponse: rejected, ErrorShape::GatewayCamelCase",
            r#"{"errorCode":"APIG.0101","errorMsg":"no API","requestId":"r-1"}"#,
        ),
        json_row::<JobResponse>(
            "JobResponse: rejected, ErrorShape::Bare",
            r#"{"code":"Ecs.0605","message":"quota","details":[{"message":"cores","code":1001}]}"#,
        ),
        json_row::<JobResponse>(
            "JobResponse: rejected, ErrorShape::Fault",
            real::OTC_EVS_BAD_REQUEST,
        ),
        json_row::<JobStatus<Volume>>(
            "JobStatus<Volume>: sub-jobs",
            real::OTC_EVS_BATCH_CREATE_VOLUME,
        ),
        json_row::<JobStatus<Volume>>(
            "JobStatus<Volume>: other entity fields",
            real::OTC_VBS_BACKUP,
        )
        .unknown("`bks_create_volume_name` in `entities`, kept as it came"),
        json_row::<SyncBatchResponse<Server>>(
            "SyncBatchResponse: response",
            real::OTC_ECS_BATCH_OK,
        ),
        json_row::<SyncBatchResponse<Server>>(
            "SyncBatchResponse: internalError",
            real::OTC_ECS_BATCH_INTERNAL_ERROR,
        ),
        row("RequestId: a string", RequestId::from("1231231231231")),
        row("RequestId: an integer", RequestId::from(3_901_942)),
        row("JobId", JobId::from("70a599e0-31e7-49b7-b260-868f441e862b")),
        row("Code", Code::new(-3)),
        row("Code: quoted", Code::new(7).quoted()),
        row("derived id", "qcvm1".parse::<InstanceId>().unwrap()),
        row("derived id enum", "disk-1".parse::<TargetId>().unwrap()),
        json_row::<AnyValue>("AnyValue", r#"{"b":[1,-2,2.5,"x",null,true],"a":{}}"#)
            .unknown("AnyNotSupported"),
    ]
}

#[test]
fn every_reply_type_round_trips_through_every_format() {
    let mut report = String::new();
    let mut wrong = Vec::new();
    for row in rows() {
        let mut line = format!("{:<55}", row.name);
        for format in Format::ALL {
            let result = (row.check)(format);
            let cell = match (&result, row.unknown) {
                (Ok(()), _) => "ok",
                (Err(error), Some(said)) if matches!(format, Bincode | Postcard) => {
                    if format == Postcard || error.contains(said) {
                        "refused"
                    } else {
                        wrong.push(format!("{} / {}: {error}", row.name, format.name()));
                        "UNCLEAR"
                    }
                }
                (Err(error), _) => {
                    wrong.push(format!("{} / {}: {error}", row.name, format.name()));
                    "FAIL"
                }
            };
            write!(line, " {cell:<8}").unwrap();
        }
        report.push_str(line.trim_end());
        report.push('\n');
    }
    println!("{report}");
    assert!(wrong.is_empty(), "{report}\n{}", wrong.join("\n"));
}

#[test]
fn the_borrowed_view_reads_every_format_that_lends() {
    let owned: BatchResponse<Instance> = parse(BATCH);
    for format in Format::ALL {
        let bytes = format.write(&owned).unwrap();
        let view = format.read_borrowed::<BatchResponseRef<'_, Instance>>(&bytes);
        if format == Cbor {
            // ciborium reads from an `io::Read` and lends nothing.
            assert!(view.is_err());
            continue;
        }
        let view = view.unwrap_or_else(|error| panic!("{}: {error}", format.name()));
        let (id, failure) = view.failed().next().unwrap();
        assert_eq!(
            (id.as_str(), failure.message.as_str()),
            ("qcvm1", "quota exceeded")
        );
        // Text without escapes is borrowed.
        assert!(
            id.is_borrowed() && failure.message.is_borrowed(),
            "{}",
            format.name()
        );
        let ids: Vec<&str> = view.detail().keys().map(IdRef::as_str).collect();
        assert_eq!(ids, ["qcvm3", "qcvm1", "qcvm2"], "{}", format.name());
        let back = view.into_owned();
        assert_eq!(back, owned, "{}", format.name());
        assert_eq!(format.write(&back).unwrap(), bytes, "{}", format.name());
    }
}

/// Writes `json`'s `T` with a compact format and gives the JSON of what it
/// reads back.
fn through<T: Serialize + DeserializeOwned>(format: Format, json: &str) -> String {
    let value: T = parse(json);
    let back: T = format.read(&format.write(&value).unwrap()).unwrap();
    serde_json::to_string(&back).unwrap()
}

#[test]
fn compact_formats_keep_values_not_forms() {
    // A quoted code comes back an integer, an integer request id a string,
    // a `null` absent: equal values, in their compact form. Order is kept.
    for format in [Cbor, MsgPack, Postcard, Bincode] {
        assert_eq!(
            through::<TaskResponse>(format, r#"{"code":"5400","message":"","requestId":7}"#),
            r#"{"code":5400,"message":"","requestId":"7"}"#,
            "{}",
            format.name()
        );
        assert_eq!(
            through::<JobStatus<Volume>>(
                format,
                r#"{"status":"RUNNING","job_id":"j","error_code":null,"entities":{"volume_id":"v"}}"#
            ),
            r#"{"status":"RUNNING","job_id":"j","entities":{"volume_id":"v"}}"#,
            "{}",
            format.name()
        );
    }
    // Human-readable formats keep the form too.
    for format in [Json, Ron, Yaml] {
        let json = r#"{"code":"5400","message":"","requestId":7}"#;
        assert_eq!(
            through::<TaskResponse>(format, json),
            json,
            "{}",
            format.name()
        );
    }
}

/// CBOR written by hand: a map of text keys to `values`.
fn cbor(fields: &[(&str, ciborium::Value)]) -> Vec<u8> {
    let map = ciborium::Value::Map(
        fields
            .iter()
            .map(|(key, value)| (ciborium::Value::Text((*key).to_owned()), value.clone()))
            .collect(),
    );
    let mut bytes = Vec::new();
    ciborium::into_writer(&map, &mut bytes).unwrap();
    bytes
}

#[test]
fn what_a_compact_format_refuses_is_named() {
    use ciborium::Value::{Integer, Text};
    // CBOR and MessagePack are not human-readable to serde: a code must be
    // an integer there, and a request id a string (what they are written
    // as); the format refuses another form itself, and its error is given
    // the field.
    let quoted = cbor(&[
        ("code", Text("5400".into())),
        ("message", Text(String::new())),
    ]);
    let error = Cbor.read::<TaskResponse>(&quoted).unwrap_err();
    assert!(error.starts_with("Semantic(None, \"`code`: "), "{error}");
    let number = cbor(&[
        ("code", Integer(0.into())),
        ("requestId", Integer(7.into())),
    ]);
    let error = Cbor.read::<TaskResponse>(&number).unwrap_err();
    assert!(
        error.starts_with("Semantic(None, \"`requestId`: "),
        "{error}"
    );
    let msgpack = |reply: serde_json::Value| rmp_serde::to_vec_named(&reply).unwrap();
    let quoted = msgpack(serde_json::json!({"code": "5400", "message": ""}));
    let error = MsgPack.read::<TaskResponse>(&quoted).unwrap_err();
    assert_eq!(error, "`code`: wrong msgpack marker FixStr(4)");
    // rmp-serde hands over whatever stands where a string is asked for:
    // an integer request id is read, and kept as an integer.
    let number = msgpack(serde_json::json!({"code": 0, "requestId": 7}));
    let read = MsgPack.read::<TaskResponse>(&number).unwrap();
    assert!(
        read.request_id
            .is_some_and(|id| id.is_integer() && id == "7")
    );

    // An entry that is not an object, in a format that can say so.
    let entry = cbor(&[
        ("code", Integer(0.into())),
        (
            "detail",
            ciborium::Value::Map(vec![(Text("qcvm1".into()), Integer(1.into()))]),
        ),
    ]);
    let error = Cbor.read::<BatchResponse<Instance>>(&entry).unwrap_err();
    assert!(
        error.contains("the entry for resource `qcvm1`: "),
        "{error}"
    );
}

/// TOML, which the matrix leaves out: its parser keeps a table's keys
/// sorted (unless the `toml` crate's `preserve_order` feature is on), so a
/// batch comes back with the same entries in key order, not in the order
/// written; it has no `null`, so a field that came as
/// `null` comes back absent; and a top-level value must be a table (a
/// `RequestId` alone cannot be written).
#[test]
fn toml_reads_back_values_with_detail_in_key_order() {
    let batch: BatchResponse<Instance> = parse(BATCH);
    let text = toml::to_string(&batch).unwrap();
    // Written in order: the entries as tables, after the plain fields.
    assert!(
        text.find("[detail.qcvm3]") < text.find("[detail.qcvm1]"),
        "{text}"
    );
    let back: BatchResponse<Instance> = toml::from_str(&text).unwrap();
    // The same entries (equality looks at their order too, so it fails).
    assert_ne!(back, batch);
    assert_eq!(back.len(), batch.len());
    for (id, entry) in batch.detail() {
        assert_eq!(back.get(id), Some(entry));
    }
    assert_eq!(
        (back.code(), back.message(), back.payload()),
        (batch.code(), batch.message(), batch.payload())
    );
    let order = |reply: &BatchResponse<Instance>| -> Vec<String> {
        reply.detail().keys().map(ToString::to_string).collect()
    };
    assert_eq!(order(&batch), ["qcvm3", "qcvm1", "qcvm2"]);
    assert_eq!(order(&back), ["qcvm1", "qcvm2", "qcvm3"]);
    // The forms are kept: a quoted code, an integer request id.
    assert_eq!(as_json(&back.get("qcvm1").unwrap().code), as_json(&"4001"));

    let job: JobStatus<Volume> = parse(real::OTC_EVS_BATCH_CREATE_VOLUME);
    let back: JobStatus<Volume> = toml::from_str(&toml::to_string(&job).unwrap()).unwrap();
    assert_eq!(back, job);
    assert!(
        as_json(&job)
            .get("error_code")
            .is_some_and(AnyValue::is_null)
    );
    assert_eq!(as_json(&back).get("error_code"), None);

    assert!(toml::to_string(&RequestId::from("1")).is_err());
}

#[test]
fn long_text_reads_back_from_cbor() {
    // ciborium reads a borrowed string into a 4 KiB scratch buffer; longer
    // text must still come back whole (as an owned string).
    let long = "m".repeat(10_000);
    let id = "i".repeat(5_000);
    let task = TaskResponse::failure(Code::new(4001), long.clone()).with_code_desc(long.clone());
    let mut bytes = Vec::new();
    ciborium::into_writer(&task, &mut bytes).unwrap();
    let back: TaskResponse = ciborium::from_reader(bytes.as_slice()).unwrap();
    assert_eq!(back, task);
    let batch = BatchResponse::<task_envelope_tests::resources::Bucket>::from_results([(
        id.clone(),
        Err(task_envelope::TaskError::new(Code::new(4001), long)),
    )]);
    let mut bytes = Vec::new();
    ciborium::into_writer(&batch, &mut bytes).unwrap();
    let back: BatchResponse<task_envelope_tests::resources::Bucket> =
        ciborium::from_reader(bytes.as_slice()).unwrap();
    assert_eq!(back, batch);
}
