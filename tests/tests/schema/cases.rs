//! Hand-written replies, by the type they are read as, each with what the
//! schema and the parser must both make of it.

use task_envelope_tests::real;

use super::Kind;
use super::Verdict::{self, Accept, Refuse, SchemaOnly};

/// Why a repeated key passes the schema.
pub(crate) const REPEATED_KEY: &str =
    "a validator sees the parsed object, where a repeated key is gone";
/// Why a number written as floating point passes the schema.
pub(crate) const FLOAT: &str = "JSON Schema compares numbers by value: 5.0, 1e2 and -0 are integers to it, \
                     floating point to serde_json";

/// Why a resource named twice in a synchronous batch passes the schema.
pub(crate) const DUPLICATE_ID: &str = "no JSON Schema keyword compares one field of the items of arrays (uniqueItems compares whole items)";

/// Every table, with the type its replies are read as.
pub(crate) const TABLES: &[(Kind, &[(&str, Verdict)])] = &[
    (Kind::Task, TASK),
    (Kind::TaskError, TASK_ERROR),
    (Kind::Batch, BATCH),
    (Kind::BucketBatch, BUCKET_BATCH),
    (Kind::Job, JOB),
    (Kind::JobStatus, JOB_STATUS),
    (Kind::Outcome, OUTCOME),
    (Kind::BatchError, BATCH_ERROR),
    (Kind::TaskPayload, TASK_PAYLOAD),
    (Kind::BatchPayload, BATCH_PAYLOAD),
    (Kind::TaskMap, TASK_MAP),
    (Kind::TaskStatus, TASK_STATUS),
    (Kind::TaskStatusPayload, TASK_STATUS_PAYLOAD),
    (Kind::SyncBatch, SYNC_BATCH),
    (Kind::InstanceSyncBatch, INSTANCE_SYNC_BATCH),
    (Kind::JobPayload, JOB_PAYLOAD),
    (Kind::JobMap, JOB_MAP),
    (Kind::JobStatusPayload, JOB_STATUS_PAYLOAD),
];

/// The common reply.
const TASK: &[(&str, Verdict)] = &[
    // Codes.
    (r#"{"code": 0, "requestId": "1"}"#, Accept),
    (r#"{"code": 0, "message": "", "requestId": ""}"#, Accept),
    (
        r#"{"code": -1, "message": "negative codes are failures"}"#,
        Accept,
    ),
    (r#"{"code": "4001", "message": "quoted"}"#, Accept),
    (r#"{"code": "000", "requestId": "1"}"#, Accept),
    (r#"{"code": "9223372036854775807"}"#, Accept),
    (r#"{"code": "0009223372036854775807"}"#, Accept),
    (r#"{"code": "9223372036854775799"}"#, Accept),
    (r#"{"code": "9223372036854775808"}"#, Refuse),
    (r#"{"code": "9300000000000000000"}"#, Refuse),
    (r#"{"code": "10000000000000000000"}"#, Refuse),
    (r#"{"code": 9223372036854775807}"#, Accept),
    (r#"{"code": -9223372036854775808}"#, Accept),
    (r#"{"code": 9223372036854775808}"#, Refuse),
    (r#"{"code": "5.4e3"}"#, Refuse),
    (r#"{"code": "-1"}"#, Refuse),
    (r#"{"code": "+1"}"#, Refuse),
    (r#"{"code": " 1"}"#, Refuse),
    (r#"{"code": "5400\n"}"#, Refuse),
    (r#"{"code": ""}"#, Refuse),
    (r#"{"code": "١"}"#, Refuse), // an Arabic-Indic digit
    (r#"{"code": true}"#, Refuse),
    (r#"{"code": null}"#, Refuse),
    (r#"{"code": 5.4}"#, Refuse),
    (r#"{"code": 5.0}"#, SchemaOnly(FLOAT)),
    (r#"{"code": 1e2}"#, SchemaOnly(FLOAT)),
    (r#"{"code": -0, "requestId": "1"}"#, SchemaOnly(FLOAT)),
    // A success needs no request id (real successes often have none).
    (r#"{"code": 0}"#, Accept),
    (r#"{"code": 0, "message": "ok"}"#, Accept),
    (r#"{"code": 0, "requestId": null}"#, Accept),
    (
        r#"{"code": "00", "message": "a string of zeros is 0"}"#,
        Accept,
    ),
    // A request id is a string or an integer that an `i64` or a `u64` holds.
    (r#"{"code": 0, "requestId": 1}"#, Accept),
    (
        r#"{"code": 0, "message": "", "codeDesc": "Success", "requestId": 3901942, "dealIds": ["3901942"]}"#,
        Accept,
    ),
    (r#"{"code": 0, "requestId": -9223372036854775808}"#, Accept),
    (r#"{"code": 0, "requestId": 18446744073709551615}"#, Accept),
    (r#"{"code": 0, "requestId": 18446744073709551616}"#, Refuse),
    (r#"{"code": 4001, "requestId": 7}"#, Accept),
    (r#"{"code": 0, "requestId": 1.5}"#, Refuse),
    (r#"{"code": 0, "requestId": 1.0}"#, SchemaOnly(FLOAT)),
    (r#"{"code": 0, "requestId": true}"#, Refuse),
    (r#"{"code": 0, "requestId": ["1"]}"#, Refuse),
    (r#"{"code": 0, "requestId": {"id": "1"}}"#, Refuse),
    (
        r#"{"code": 0, "data": {"requestId": "the action's own field, not read here"}}"#,
        Accept,
    ),
    // Other fields.
    (r#"{"message": "no code"}"#, Refuse),
    (
        r#"{"code": 4001, "message": null, "codeDesc": "InvalidParameter"}"#,
        Accept,
    ),
    (
        r#"{"code": 4001, "codeDesc": null, "future": {"nested": [1, {}]}}"#,
        Accept,
    ),
    (r#"{"code": 4001, "message": 5}"#, Refuse),
    (r#"{"code": 4001, "codeDesc": false}"#, Refuse),
    (r#"{"code": 4001, "detail": "not read here"}"#, Accept),
    (r#"{"code": 4001, "code": 4002}"#, SchemaOnly(REPEATED_KEY)),
    (
        r#"{"code": 4001, "message": "a", "message": "b"}"#,
        SchemaOnly(REPEATED_KEY),
    ),
    ("[]", Refuse),
    ("null", Refuse),
    (r#""code""#, Refuse),
];

/// A task error is read whatever its code.
const TASK_ERROR: &[(&str, Verdict)] = &[
    (r#"{"code": 0}"#, Accept),
    (r#"{"code": 4001, "requestId": null}"#, Accept),
    (
        r#"{"code": "4001", "requestId": "1", "codeDesc": "E"}"#,
        Accept,
    ),
    (r#"{"message": "no code"}"#, Refuse),
    (r#"{"code": 4001, "requestId": 42}"#, Accept),
    (r#"{"code": 4001, "requestId": false}"#, Refuse),
];

/// The batch reply of instances, whose ids start with `qcvm`.
const BATCH: &[(&str, Verdict)] = &[
    // `detail`.
    (r#"{"code": 0, "detail": {}}"#, Accept),
    (r#"{"code": 0}"#, Refuse),
    (r#"{"code": "0", "detail": null}"#, Refuse),
    (r#"{"code": 4000}"#, Accept),
    (
        r#"{"code": 4000, "detail": null, "requestId": null, "codeDesc": null}"#,
        Accept,
    ),
    (
        r#"{"code": 4000, "requestId": "1", "codeDesc": "InvalidParameter"}"#,
        Accept,
    ),
    (r#"{"code": 4000, "requestId": 1}"#, Accept),
    (r#"{"code": 4000, "requestId": 0.5}"#, Refuse),
    (r#"{"code": 0, "detail": []}"#, Refuse),
    (r#"{"code": 5100, "detail": [{"code": 1}]}"#, Refuse),
    (r#"{"code": 5100, "detail": "qcvm1"}"#, Refuse),
    (
        r#"{"code": 5100, "detail": {"qcvm1": {"code": 1}}}"#,
        Accept,
    ),
    (
        r#"{"code": 0, "detail": {"qcvm1": {"code": 4001}}}"#,
        Accept,
    ), // a mismatch is data
    (
        r#"{"code": 5400, "detail": {"qcvm1": {"code": 0, "requestId": "1"}, "qcvm2": {"code": "4001"}}}"#,
        Accept,
    ),
    // Ids.
    (
        r#"{"code": 5100, "detail": {"ins-1": {"code": 1}}}"#,
        Refuse,
    ),
    (r#"{"code": 5100, "detail": {"qcvm": {"code": 1}}}"#, Refuse),
    (r#"{"code": 5100, "detail": {"": {"code": 1}}}"#, Refuse),
    (
        r#"{"code": 5100, "detail": {"QCVM1": {"code": 1}}}"#,
        Refuse,
    ),
    (
        r#"{"code": 5100, "detail": {"qcvm\n": {"code": 1}}}"#,
        Accept,
    ),
    (
        r#"{"code": 5100, "detail": {"qcvm\u0031": {"code": 1}}}"#,
        Accept,
    ),
    (
        r#"{"code": 5100, "detail": {"qcvm1": {"code": 1}, "qcvm1": {"code": 2}}}"#,
        SchemaOnly(REPEATED_KEY),
    ),
    (
        r#"{"code": 5100, "detail": {"qcvm1": {"code": 1}, "qcvm\u0031": {"code": 2}}}"#,
        SchemaOnly(REPEATED_KEY),
    ),
    // Entries: a success needs no request id, which may be an integer.
    (r#"{"code": 0, "detail": {"qcvm1": {"code": 0}}}"#, Accept),
    (
        r#"{"code": 0, "detail": {"qcvm1": {"code": "0", "requestId": null}}}"#,
        Accept,
    ),
    (
        r#"{"code": 0, "detail": {"qcvm1": {"code": 0, "requestId": 3901942}}}"#,
        Accept,
    ),
    (
        r#"{"code": 5100, "detail": {"qcvm1": {"code": 1, "requestId": 2.5}}}"#,
        Refuse,
    ),
    (
        r#"{"code": 5100, "detail": {"qcvm1": {"code": 1, "requestId": 2.0}}}"#,
        SchemaOnly(FLOAT),
    ),
    // A value of `detail` that is not an object is kept, whatever its key;
    // an object is an entry, and its key must be an id.
    (r#"{"code": 0, "detail": {"qcvm1": null}}"#, Accept),
    (r#"{"code": 0, "detail": {"qcvm1": "1"}}"#, Accept),
    (
        r#"{"code": "0", "message": "", "detail": {"qcvm-a2dbffgk": {"code": "0", "message": "ok"}, "taskId": "2377970"}}"#,
        Accept,
    ),
    (
        r#"{"code": 0, "detail": {"": 1, "qcvm": [1, {"a": 2}], "x": null, "y": 1.5, "z": true, "QCVM1": -0}}"#,
        Accept,
    ),
    (
        r#"{"code": 5100, "detail": {"taskId": "1", "qcvm1": {"code": 1}}}"#,
        Accept,
    ),
    (
        r#"{"code": 0, "detail": {"taskId": {"id": "2377970"}}}"#,
        Refuse,
    ),
    (r#"{"code": 0, "detail": {"qcvm": {}}}"#, Refuse),
    (r#"{"code": 0, "detail": {"": {"code": 0}}}"#, Refuse),
    (r#"{"code": 4000, "detail": {"x": "not an entry"}}"#, Accept),
    (
        r#"{"code": 0, "detail": {"x": {"code": 0}, "x": 1}}"#,
        SchemaOnly(REPEATED_KEY),
    ),
    (
        r#"{"code": 5100, "detail": {"qcvm1": {"code": "x"}}}"#,
        Refuse,
    ),
    (
        r#"{"code": 5100, "detail": {"qcvm1": {"message": "no code"}}}"#,
        Refuse,
    ),
];

/// The batch reply of buckets, whose ids are any `String`.
const BUCKET_BATCH: &[(&str, Verdict)] = &[
    (r#"{"code": 5100, "detail": {"": {"code": 1}}}"#, Accept),
    (
        r#"{"code": 5100, "detail": {"any name": {"code": 1}}}"#,
        Accept,
    ),
    (r#"{"code": 0, "detail": {"b": {"code": 0}}}"#, Accept),
    (
        r#"{"code": 0, "detail": {"": {"code": "0"}, "taskId": "2377970"}}"#,
        Accept,
    ),
    (r#"{"code": 0, "detail": {"taskId": {"id": 1}}}"#, Refuse),
];

/// The job submission reply.
const JOB: &[(&str, Verdict)] = &[
    (r#"{"job_id": "70a599e0"}"#, Accept),
    (r#"{"job_id": "", "status": "not read here"}"#, Accept),
    (r#"{"error": {"code": "Ecs.0001"}}"#, Accept),
    (
        r#"{"error": {"code": 403, "message": null, "details": null}}"#,
        Accept,
    ),
    (r#"{"error": {"code": -3}}"#, Accept),
    (r#"{"error": {"code": 18446744073709551615}}"#, Accept),
    (r#"{"error": {"code": 18446744073709551616}}"#, Refuse),
    (r#"{"error": {"code": 1.5}}"#, Refuse),
    (r#"{"error": {"code": true}}"#, Refuse),
    (r#"{"error": {"code": null}}"#, Refuse),
    (r#"{"error": {"message": "no code"}}"#, Refuse),
    (r#"{"error": null}"#, Refuse),
    (
        r#"{"error": {"code": "E", "details": [{"code": null}, {}, {"code": 7}]}}"#,
        Accept,
    ),
    (r#"{"error": {"code": "E", "details": [null]}}"#, Refuse),
    (r#"{"error": {"code": "E", "details": {}}}"#, Refuse),
    (
        r#"{"error": {"code": "E", "details": [{"message": 1}]}}"#,
        Refuse,
    ),
    (r#"{"job_id": "1", "error": {"code": "E"}}"#, Refuse),
    (r#"{"job_id": "1", "error": null}"#, Refuse),
    ("{}", Refuse),
    (r#"{"job_id": null}"#, Refuse),
    (r#"{"job_id": 5}"#, Refuse),
    (
        r#"{"job_id": "1", "job_id": "2"}"#,
        SchemaOnly(REPEATED_KEY),
    ),
    // The other shapes of an error body (DESIGN §1c), in the parser's order.
    (
        r#"{"error_code": "APIG.0101", "error_msg": "m", "request_id": "r"}"#,
        Accept,
    ),
    (r#"{"error_code": 400, "error_msg": null}"#, Accept),
    (r#"{"error_msg": "only a message"}"#, Accept),
    (r#"{"error_code": true}"#, Refuse),
    (r#"{"error_code": "E", "error_msg": 5}"#, Refuse),
    (
        r#"{"errorCode": "E", "errorMsg": "m", "requestId": "r"}"#,
        Accept,
    ),
    (r#"{"errorCode": [1]}"#, Refuse),
    // `error` comes first: the gateway fields beside it are only kept.
    (r#"{"error": {"code": "E"}, "error_code": true}"#, Accept),
    // The gateway comes before camelCase and a top-level `code`.
    (
        r#"{"error_code": "E", "errorCode": true, "code": []}"#,
        Accept,
    ),
    (
        r#"{"code": "Ecs.0001", "message": "m", "details": null}"#,
        Accept,
    ),
    (r#"{"code": 1.5}"#, Refuse),
    (r#"{"code": "E", "details": [3]}"#, Refuse),
    (
        r#"{"badRequest": {"message": "Invalid", "code": 400}}"#,
        Accept,
    ),
    (r#"{"itemNotFound": {"message": "gone"}, "x": 1}"#, Accept),
    (r#"{"computeFault": {"code": null}}"#, Accept),
    (r#"{"badRequest": {"message": 4}}"#, Refuse),
    (r#"{"badRequest": {"other": 4}}"#, Refuse),
    (r#"{"request_id": "r"}"#, Refuse),
    (r#"{"job_id": "1", "error_code": "E"}"#, Refuse),
    (
        r#"{"job_id": "1", "error_code": null, "errorCode": null}"#,
        Accept,
    ),
    (r#"{"job_id": "1", "badRequest": {"code": 400}}"#, Accept),
    (
        r#"{"error_code": "A", "error_code": "B"}"#,
        SchemaOnly(REPEATED_KEY),
    ),
];

/// The status of a job on instances, whose ids sit under `instance_id`.
const JOB_STATUS: &[(&str, Verdict)] = &[
    (r#"{"status": "SUCCESS", "job_id": "j"}"#, Accept),
    (
        r#"{"status": "ROLLING_BACK", "job_id": "j", "entities": null}"#,
        Accept,
    ),
    (r#"{"job_id": "j"}"#, Refuse),
    (r#"{"status": null, "job_id": "j"}"#, Refuse),
    (r#"{"status": "INIT", "job_id": null}"#, Refuse),
    (
        r#"{"status": "FAIL", "job_id": "j", "error_code": 4001, "fail_reason": null, "job_type": null}"#,
        Accept,
    ),
    (
        r#"{"status": "FAIL", "job_id": "j", "begin_time": 0}"#,
        Refuse,
    ),
    (
        r#"{"status": "FAIL", "job_id": "j", "error_code": 4.5}"#,
        Refuse,
    ),
    (
        r#"{"status": "RUNNING", "job_id": "j", "entities": []}"#,
        Refuse,
    ),
    (
        r#"{"status": "RUNNING", "job_id": "j", "entities": {"sub_jobs_total": -1}}"#,
        Refuse,
    ),
    (
        r#"{"status": "RUNNING", "job_id": "j", "entities": {"sub_jobs_total": "2"}}"#,
        Refuse,
    ),
    (
        r#"{"status": "RUNNING", "job_id": "j", "entities": {"sub_jobs_total": 2.0}}"#,
        SchemaOnly(FLOAT),
    ),
    (
        r#"{"status": "RUNNING", "job_id": "j", "entities": {"sub_jobs_total": null, "sub_jobs": null}}"#,
        Accept,
    ),
    (
        r#"{"status": "SUCCESS", "job_id": "j", "entities": {"instance_id": "qcvm1"}}"#,
        Accept,
    ),
    (
        r#"{"status": "SUCCESS", "job_id": "j", "entities": {"instance_id": "qcvm"}}"#,
        Refuse,
    ),
    (
        r#"{"status": "SUCCESS", "job_id": "j", "entities": {"instance_id": 1}}"#,
        Refuse,
    ),
    (
        r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs_total": 2, "sub_jobs": [
            {"status": "SUCCESS", "job_id": "a", "entities": {"instance_id": "qcvm1"}},
            {"status": "FAIL", "job_id": "b", "error_code": "E", "entities": {"instance_id": null}}
        ]}}"#,
        Accept,
    ),
    (
        r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [
            {"status": "FAIL", "job_id": "a", "entities": {"instance_id": "ins-1"}}
        ]}}"#,
        Refuse,
    ),
    (
        // A sub-job's own `sub_jobs_total` and `sub_jobs` are other fields,
        // kept as they came, so neither side checks them.
        r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [
            {"status": "FAIL", "job_id": "a", "entities": {"sub_jobs_total": -1, "sub_jobs": 3}}
        ]}}"#,
        Accept,
    ),
    (
        r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [
            {"status": "FAIL", "job_id": "a", "entities": {"errorcode_message": "locked", "nic_id": 1}},
            {"status": "FAIL", "job_id": "b", "entities": {"errorcode_message": null}}
        ]}}"#,
        Accept,
    ),
    (
        r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [
            {"status": "FAIL", "job_id": "a", "entities": {"errorcode_message": 4001}}
        ]}}"#,
        Refuse,
    ),
    (
        // The job's own `errorcode_message` is one of its other fields.
        r#"{"status": "FAIL", "job_id": "j", "entities": {"errorcode_message": 4001}}"#,
        Accept,
    ),
    (
        r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [null]}}"#,
        Refuse,
    ),
    (
        r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [{"job_id": "a"}]}}"#,
        Refuse,
    ),
];

/// The outcome of a batch, written like a derived enum.
const OUTCOME: &[(&str, Verdict)] = &[
    (r#""PartialFailure""#, Accept),
    (r#"{"AllFailed": null}"#, Accept),
    (r#""partialFailure""#, Refuse),
    (r#"{"AllFailed": 1}"#, Refuse),
    (r#"{"AllFailed": null, "AllSucceeded": null}"#, Refuse),
    ("{}", Refuse),
    // A rejected request: a struct variant with its code.
    (r#"{"Rejected": {"code": 4000}}"#, Accept),
    (r#"{"Rejected": {"code": "4000", "more": 1}}"#, Accept),
    (r#"{"Rejected": [4000]}"#, Accept),
    (r#"{"Rejected": []}"#, Refuse),
    (r#"{"Rejected": [4000, 1]}"#, Refuse),
    (r#"{"Rejected": {}}"#, Refuse),
    (r#"{"Rejected": {"code": 40.5}}"#, Refuse),
    (r#"{"Rejected": {"code": null}}"#, Refuse),
    (r#"{"Rejected": null}"#, Refuse),
    (r#""Rejected""#, Refuse),
    (r#"{"Rejected": {"code": 4000}, "AllFailed": null}"#, Refuse),
    (
        r#"{"Rejected": {"code": 4000, "code": 4001}}"#,
        SchemaOnly(REPEATED_KEY),
    ),
];

/// The error `verify` reports, written like a derived enum.
const BATCH_ERROR: &[(&str, Verdict)] = &[
    (
        r#"{"CodeMismatch": {"declared": 0, "expected": "5400"}}"#,
        Accept,
    ),
    (r#"{"CodeMismatch": [0, 5400]}"#, Accept),
    (r#"{"CodeMismatch": [0]}"#, Refuse),
    (r#"{"CodeMismatch": [0, 5400, 1]}"#, Refuse),
    (
        r#"{"CodeMismatch": {"declared": 0, "expected": 5.4}}"#,
        Refuse,
    ),
    (
        r#"{"Rejected": {"code": 4000, "message": "m", "more": 1}}"#,
        Accept,
    ),
    (r#"{"Rejected": {"code": 4000, "message": null}}"#, Refuse),
    (r#"{"Rejected": {"code": 4000}}"#, Refuse),
    (r#""Rejected""#, Refuse),
    (
        r#"{"Rejected": ["4000", "m"], "CodeMismatch": [0, 0]}"#,
        Refuse,
    ),
];

/// The common reply around a struct payload (`dealIds` required,
/// `unLoadBalancerIds` optional): a success must carry the required field,
/// a failure need not, and a field of the wrong type is refused either way.
const TASK_PAYLOAD: &[(&str, Verdict)] = &[
    (
        r#"{"code": 0, "message": "", "codeDesc": "Success", "requestId": 3901942, "dealIds": ["3901942"], "unLoadBalancerIds": {"3901942": ["lb-cjcymkw9"]}}"#,
        Accept,
    ),
    (r#"{"code": 0, "dealIds": [], "other": 1}"#, Accept),
    (
        r#"{"code": 0, "dealIds": [], "unLoadBalancerIds": null}"#,
        Accept,
    ),
    (r#"{"code": 0}"#, Refuse),
    (r#"{"code": "0", "unLoadBalancerIds": {}}"#, Refuse),
    (r#"{"code": 4000, "message": "InvalidParameter"}"#, Accept),
    (r#"{"code": 4000, "dealIds": "1"}"#, Refuse),
    (
        r#"{"code": 0, "dealIds": [], "unLoadBalancerIds": []}"#,
        Refuse,
    ),
    (r#"{"code": 0, "dealIds": [1]}"#, Refuse),
    (
        r#"{"code": 0, "dealIds": [], "dealIds": []}"#,
        SchemaOnly(REPEATED_KEY),
    ),
];

/// The batch reply around the same payload: `detail` is the envelope's.
const BATCH_PAYLOAD: &[(&str, Verdict)] = &[
    (
        r#"{"code": 0, "detail": {"qcvm1": {"code": 0}, "taskId": "2"}, "dealIds": ["1"]}"#,
        Accept,
    ),
    (r#"{"code": 0, "detail": {}}"#, Refuse),
    (r#"{"code": 4000}"#, Accept),
    (r#"{"code": 4000, "dealIds": 1}"#, Refuse),
    (r#"{"code": 0, "dealIds": []}"#, Refuse),
];

/// The common reply around a map payload: every unclaimed field must be an
/// array of strings, on a failure too.
const TASK_MAP: &[(&str, Verdict)] = &[
    (
        r#"{"code": 0, "message": "", "requestId": 1, "codeDesc": "Success", "dealIds": ["1"]}"#,
        Accept,
    ),
    (r#"{"code": 0}"#, Accept),
    (r#"{"code": 0, "data": {"status": 0}}"#, Refuse),
    (r#"{"code": 4001, "data": 1}"#, Refuse),
    (r#"{"code": 4001, "a": [], "b": ["x", "y"]}"#, Accept),
];

/// The task-result poll reply: `data.status` required on a success only.
const TASK_STATUS: &[(&str, Verdict)] = &[
    (real::TENCENT_CLB_TASK_RESULT, Accept),
    (r#"{"code": 0, "data": {"status": 2}}"#, Accept),
    (
        r#"{"code": 0, "data": {"status": "1", "progress": 50, "x": [1, {}]}}"#,
        Accept,
    ),
    (r#"{"code": "000", "data": {"status": "0007"}}"#, Accept),
    (r#"{"code": 0, "data": {"status": -1}}"#, Accept),
    (r#"{"code": 0}"#, Refuse),
    (r#"{"code": 0, "data": null}"#, Refuse),
    (r#"{"code": "0", "data": {}}"#, Refuse),
    (r#"{"code": 0, "data": {"progress": 1}}"#, Refuse),
    (r#"{"code": 0, "data": {"status": null}}"#, Refuse),
    (r#"{"code": 0, "data": {"status": "running"}}"#, Refuse),
    (r#"{"code": 0, "data": {"status": "-1"}}"#, Refuse),
    (r#"{"code": 0, "data": {"status": 1.5}}"#, Refuse),
    (r#"{"code": 0, "data": {"status": 2.0}}"#, SchemaOnly(FLOAT)),
    (
        r#"{"code": 0, "data": {"status": 9223372036854775808}}"#,
        Refuse,
    ),
    (r#"{"code": 0, "data": []}"#, Refuse),
    (r#"{"code": 0, "data": "0"}"#, Refuse),
    // A non-zero code is the poll call's own failure: `data` may be absent.
    (
        r#"{"code": 4000, "message": "requestId not found", "codeDesc": "InvalidParameter"}"#,
        Accept,
    ),
    (r#"{"code": 4000, "data": null}"#, Accept),
    (r#"{"code": 4000, "data": {}}"#, Accept),
    (r#"{"code": 4000, "data": {"status": "x"}}"#, Refuse),
    (r#"{"code": 4000, "data": 1}"#, Refuse),
    (r#"{"code": 4000, "requestId": 12}"#, Accept),
    (r#"{"code": 4000, "requestId": true}"#, Refuse),
    (r#"{"data": {"status": 0}}"#, Refuse),
    (
        r#"{"code": 0, "message": 1, "data": {"status": 0}}"#,
        Refuse,
    ),
    (
        r#"{"code": 0, "data": {"status": 0}, "detail": {"x": 1}, "other": 1}"#,
        Accept,
    ),
    (
        r#"{"code": 0, "data": {"status": 0, "status": 1}}"#,
        SchemaOnly(REPEATED_KEY),
    ),
    (
        r#"{"code": 0, "data": {"status": 0}, "data": {"status": 1}}"#,
        SchemaOnly(REPEATED_KEY),
    ),
    ("[]", Refuse),
];

/// The task-result poll reply around a struct payload (`dealIds` required
/// on a success).
const TASK_STATUS_PAYLOAD: &[(&str, Verdict)] = &[
    (
        r#"{"code": 0, "data": {"status": 0}, "dealIds": ["1"]}"#,
        Accept,
    ),
    (
        r#"{"code": 0, "data": {"status": 0}, "dealIds": [], "unLoadBalancerIds": {"d": ["lb-1"]}}"#,
        Accept,
    ),
    (r#"{"code": 0, "data": {"status": 0}}"#, Refuse),
    (r#"{"code": 0, "dealIds": []}"#, Refuse),
    (r#"{"code": 4000}"#, Accept),
    (r#"{"code": 4000, "dealIds": "1"}"#, Refuse),
    (r#"{"code": 4000, "data": null, "other": 1}"#, Accept),
];

/// The synchronous batch reply of buckets, whose ids are any `String`.
const SYNC_BATCH: &[(&str, Verdict)] = &[
    (real::OTC_ECS_BATCH_OK, Accept),
    (real::OTC_ECS_BATCH_INTERNAL_ERROR, Accept),
    (r#"{"response": []}"#, Accept),
    (r#"{"internalError": []}"#, Accept),
    (
        r#"{"response": [{"id": "", "name": "ignored"}], "other": {"nested": 1}}"#,
        Accept,
    ),
    // A reply must name resources or an error; a `null` list names none.
    ("{}", Refuse),
    (r#"{"response": null}"#, Refuse),
    (r#"{"internalError": null}"#, Refuse),
    (r#"{"response": null, "internalError": null}"#, Refuse),
    (r#"{"response": null, "internalError": []}"#, Accept),
    (r#"{"response": {}}"#, Refuse),
    (r#"{"response": ["a"]}"#, Refuse),
    (r#"{"response": [{"id": "a"}, {}]}"#, Refuse),
    (r#"{"response": [{"id": null}]}"#, Refuse),
    (r#"{"response": [{"id": 1}]}"#, Refuse),
    (r#"{"response": [null]}"#, Refuse),
    // Failures.
    (
        r#"{"internalError": [{"id": "a", "error_code": 4001, "error_message": null}]}"#,
        Accept,
    ),
    (
        r#"{"internalError": [{"id": "a", "error_code": null, "x": [1]}]}"#,
        Accept,
    ),
    (
        r#"{"internalError": [{"id": "a", "error_code": 18446744073709551615}]}"#,
        Accept,
    ),
    (
        r#"{"internalError": [{"id": "a", "error_code": 18446744073709551616}]}"#,
        Refuse,
    ),
    (
        r#"{"internalError": [{"id": "a", "error_code": true}]}"#,
        Refuse,
    ),
    (
        r#"{"internalError": [{"id": "a", "error_message": 5}]}"#,
        Refuse,
    ),
    (
        r#"{"internalError": [{"id": "a", "error_code": 1.5}]}"#,
        Refuse,
    ),
    (
        r#"{"internalError": [{"id": "a", "error_code": 1.0}]}"#,
        SchemaOnly(FLOAT),
    ),
    (r#"{"internalError": [{"error_code": "E"}]}"#, Refuse),
    // A resource named twice, in one list or in both.
    (
        r#"{"response": [{"id": "a"}], "internalError": [{"id": "a"}]}"#,
        SchemaOnly(DUPLICATE_ID),
    ),
    (
        r#"{"response": [{"id": "a"}, {"id": "a", "x": 1}]}"#,
        SchemaOnly(DUPLICATE_ID),
    ),
    (
        r#"{"response": [], "response": []}"#,
        SchemaOnly(REPEATED_KEY),
    ),
    (
        r#"{"response": [{"id": "a", "id": "b"}]}"#,
        SchemaOnly(REPEATED_KEY),
    ),
    // Error bodies, in any shape, with or without lists.
    (
        r#"{"error": {"code": "Ecs.0005", "message": "bad request"}}"#,
        Accept,
    ),
    (
        r#"{"error": {"code": 400, "message": "bad"}, "internalError": []}"#,
        Accept,
    ),
    (
        r#"{"badRequest": {"code": 400, "message": "bad"}, "internalError": null}"#,
        Accept,
    ),
    (
        r#"{"error": {"code": "E", "message": "m"}, "response": [{"id": "s-1"}]}"#,
        Accept,
    ),
    (
        r#"{"error_code": "APIG.0101", "error_msg": "m", "request_id": "r"}"#,
        Accept,
    ),
    (r#"{"conflict": {"code": 409}}"#, Accept),
    (r#"{"error": null}"#, Refuse),
    (r#"{"error": {"message": "no code"}}"#, Refuse),
    (
        r#"{"response": [], "error": {"message": "no code"}}"#,
        Refuse,
    ),
    (r#"{"response": [], "code": true}"#, Refuse),
    (
        r#"{"response": [], "error_code": "E", "error_msg": 5}"#,
        Refuse,
    ),
    (r#"{"response": [], "badRequest": {"message": 4}}"#, Accept),
    (r#"{"badRequest": {"message": 4}}"#, Refuse),
    (r#"{"request_id": "r"}"#, Refuse),
    ("[]", Refuse),
    ("null", Refuse),
];

/// The synchronous batch reply of instances, whose ids start with `qcvm`.
const INSTANCE_SYNC_BATCH: &[(&str, Verdict)] = &[
    (r#"{"response": [{"id": "qcvm1"}]}"#, Accept),
    (r#"{"response": [{"id": "qcvm"}]}"#, Refuse),
    (r#"{"response": [{"id": "ins-1"}]}"#, Refuse),
    (
        r#"{"internalError": [{"id": "qcvm1", "error_code": "E"}], "error": {"code": "E"}}"#,
        Accept,
    ),
    (r#"{"internalError": [{"id": ""}]}"#, Refuse),
    // The sample's ids are UUIDs: not instance ids.
    (real::OTC_ECS_BATCH_OK, Refuse),
];

/// The job submission reply around a struct payload (`dealIds` required on
/// an accepted job): a fault counts only under the envelope's keys.
const JOB_PAYLOAD: &[(&str, Verdict)] = &[
    (r#"{"job_id": "1", "dealIds": ["1"], "other": 1}"#, Accept),
    (r#"{"job_id": "1"}"#, Refuse),
    (r#"{"job_id": "1", "dealIds": "1"}"#, Refuse),
    (
        r#"{"job_id": "1", "dealIds": [], "error_code": "E"}"#,
        Refuse,
    ),
    (r#"{"error": {"code": "E"}, "other": 1}"#, Accept),
    (r#"{"error": {"code": "E"}, "dealIds": 1}"#, Refuse),
    (r#"{"badRequest": {"code": 400}}"#, Accept),
    (
        r#"{"message": {"message": "a fault under a claimed key"}}"#,
        Accept,
    ),
    (r#"{"conflict": {"code": 409}}"#, Refuse),
    (r#"{"error_msg": "only a message"}"#, Accept),
    ("{}", Refuse),
];

/// The job submission reply around a map payload: every other field is an
/// array of strings, on a rejection too.
const JOB_MAP: &[(&str, Verdict)] = &[
    (r#"{"job_id": "1"}"#, Accept),
    (r#"{"job_id": "1", "a": ["x"]}"#, Accept),
    (r#"{"job_id": "1", "a": 1}"#, Refuse),
    (r#"{"error": {"code": "E"}, "a": ["x"]}"#, Accept),
    (r#"{"error": {"code": "E"}, "a": 1}"#, Refuse),
    (
        r#"{"job_id": "1", "badRequest": {"code": 400}, "request_id": 5}"#,
        Accept,
    ),
    (r#"{"conflict": {"code": 409}}"#, Refuse),
    (r#"{"conflict": ["409"]}"#, Refuse),
];

/// The status of a job around a struct payload: its required fields are
/// always required; the keys of an error body are kept, whatever they hold.
const JOB_STATUS_PAYLOAD: &[(&str, Verdict)] = &[
    (
        r#"{"status": "SUCCESS", "job_id": "j", "dealIds": []}"#,
        Accept,
    ),
    (r#"{"status": "SUCCESS", "job_id": "j"}"#, Refuse),
    (
        r#"{"status": "SUCCESS", "job_id": "j", "dealIds": 1}"#,
        Refuse,
    ),
    (
        r#"{"status": "FAIL", "job_id": "j", "dealIds": [], "badRequest": 5, "code": [], "message": {}}"#,
        Accept,
    ),
    (
        r#"{"status": "SUCCESS", "job_id": "j", "dealIds": [], "entities": {"instance_id": "qcvm1"}}"#,
        Accept,
    ),
    (
        r#"{"status": "SUCCESS", "job_id": "j", "dealIds": [], "entities": {"instance_id": "x"}}"#,
        Refuse,
    ),
    (r#"{"dealIds": [], "error": {"code": "E"}}"#, Refuse),
    (
        r#"{"status": "SUCCESS", "job_id": "j", "dealIds": [], "unLoadBalancerIds": []}"#,
        Refuse,
    ),
];
