//! The `schemars` feature: each reply type's JSON Schema accepts what the
//! crate's parser accepts and refuses what it refuses, on the fixtures, on a
//! table of hand-written replies and on the fuzz corpus; what the crate
//! writes validates too.
//!
//! Where the two must disagree, the case says so and why ([`Verdict::SchemaOnly`]):
//! a validator judges the parsed value, so it cannot see a repeated key, nor
//! tell `5.0` from `5`.
#![cfg(feature = "schemars")]

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

use jsonschema::{PatternOptions, Validator};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema, schema_for};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use task_envelope::{
    BatchError, BatchOutcome, BatchResponse, BatchResponseRef, JobResponse, JobStatus, ResourceId,
    SyncBatchResponse, TaskError, TaskResponse, TaskStatus,
};
use task_envelope_tests::fixtures;
use task_envelope_tests::resources::{Bucket, Instance};

/// Which type a JSON text is read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Task,
    TaskError,
    /// `BatchResponse<Instance>`: ids with the prefix `qcvm`.
    Batch,
    /// `BatchResponse<Bucket>`: `String` ids.
    BucketBatch,
    Job,
    /// `JobStatus<Instance>`: the id under `instance_id`.
    JobStatus,
    /// `JobStatus<Bucket>`: the id under `name`.
    BucketJobStatus,
    Outcome,
    BatchError,
    /// `TaskResponse<Created>`: a struct payload.
    TaskPayload,
    /// `BatchResponse<Instance, Created>`.
    BatchPayload,
    /// `TaskResponse<BTreeMap<String, Vec<String>>>`: a map payload.
    TaskMap,
    /// `TaskStatus`: the task-result poll reply.
    TaskStatus,
    /// `TaskStatus<Created>`.
    TaskStatusPayload,
    /// `SyncBatchResponse<Bucket>`: `String` ids.
    SyncBatch,
    /// `SyncBatchResponse<Instance>`: ids with the prefix `qcvm`.
    InstanceSyncBatch,
    /// `JobResponse<Created>`: a struct payload.
    JobPayload,
    /// `JobResponse<BTreeMap<String, Vec<String>>>`: a map payload.
    JobMap,
    /// `JobStatus<Instance, Created>`.
    JobStatusPayload,
}

/// A payload like the one of `CreateLoadBalancer`: `dealIds` required,
/// `unLoadBalancerIds` optional.
#[derive(Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
struct Created {
    deal_ids: Vec<String>,
    un_load_balancer_ids: Option<BTreeMap<String, Vec<String>>>,
}

/// What `#[derive(JsonSchema)]` would write for it (the derive is not a
/// dependency here).
impl JsonSchema for Created {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Created".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let ids = json!({"type": "array", "items": {"type": "string"}});
        json_schema!({
            "type": "object",
            "properties": {
                "dealIds": ids,
                "unLoadBalancerIds": {"type": ["object", "null"], "additionalProperties": ids},
            },
            "required": ["dealIds"],
        })
    }
}

impl Kind {
    const ALL: [Kind; 19] = [
        Kind::Task,
        Kind::TaskError,
        Kind::Batch,
        Kind::BucketBatch,
        Kind::Job,
        Kind::JobStatus,
        Kind::BucketJobStatus,
        Kind::Outcome,
        Kind::BatchError,
        Kind::TaskPayload,
        Kind::BatchPayload,
        Kind::TaskMap,
        Kind::TaskStatus,
        Kind::TaskStatusPayload,
        Kind::SyncBatch,
        Kind::InstanceSyncBatch,
        Kind::JobPayload,
        Kind::JobMap,
        Kind::JobStatusPayload,
    ];

    fn schema(self) -> Value {
        match self {
            Kind::Task => schema_of::<TaskResponse>(),
            Kind::TaskError => schema_of::<TaskError>(),
            Kind::Batch => schema_of::<BatchResponse<Instance>>(),
            Kind::BucketBatch => schema_of::<BatchResponse<Bucket>>(),
            Kind::Job => schema_of::<JobResponse>(),
            Kind::JobStatus => schema_of::<JobStatus<Instance>>(),
            Kind::BucketJobStatus => schema_of::<JobStatus<Bucket>>(),
            Kind::Outcome => schema_of::<BatchOutcome>(),
            Kind::BatchError => schema_of::<BatchError>(),
            Kind::TaskPayload => schema_of::<TaskResponse<Created>>(),
            Kind::BatchPayload => schema_of::<BatchResponse<Instance, Created>>(),
            Kind::TaskMap => schema_of::<TaskResponse<BTreeMap<String, Vec<String>>>>(),
            Kind::TaskStatus => schema_of::<TaskStatus>(),
            Kind::TaskStatusPayload => schema_of::<TaskStatus<Created>>(),
            Kind::SyncBatch => schema_of::<SyncBatchResponse<Bucket>>(),
            Kind::InstanceSyncBatch => schema_of::<SyncBatchResponse<Instance>>(),
            Kind::JobPayload => schema_of::<JobResponse<Created>>(),
            Kind::JobMap => schema_of::<JobResponse<BTreeMap<String, Vec<String>>>>(),
            Kind::JobStatusPayload => schema_of::<JobStatus<Instance, Created>>(),
        }
    }

    /// Parses `text` with the crate and writes the result back.
    fn parse(self, text: &str) -> Result<Value, String> {
        match self {
            Kind::Task => round_trip::<TaskResponse>(text),
            Kind::TaskError => round_trip::<TaskError>(text),
            Kind::Batch => round_trip::<BatchResponse<Instance>>(text),
            Kind::BucketBatch => round_trip::<BatchResponse<Bucket>>(text),
            Kind::Job => round_trip::<JobResponse>(text),
            Kind::JobStatus => round_trip::<JobStatus<Instance>>(text),
            Kind::BucketJobStatus => round_trip::<JobStatus<Bucket>>(text),
            Kind::Outcome => round_trip::<BatchOutcome>(text),
            Kind::BatchError => round_trip::<BatchError>(text),
            Kind::TaskPayload => round_trip::<TaskResponse<Created>>(text),
            Kind::BatchPayload => round_trip::<BatchResponse<Instance, Created>>(text),
            Kind::TaskMap => round_trip::<TaskResponse<BTreeMap<String, Vec<String>>>>(text),
            Kind::TaskStatus => round_trip::<TaskStatus>(text),
            Kind::TaskStatusPayload => round_trip::<TaskStatus<Created>>(text),
            Kind::SyncBatch => round_trip::<SyncBatchResponse<Bucket>>(text),
            Kind::InstanceSyncBatch => round_trip::<SyncBatchResponse<Instance>>(text),
            Kind::JobPayload => round_trip::<JobResponse<Created>>(text),
            Kind::JobMap => round_trip::<JobResponse<BTreeMap<String, Vec<String>>>>(text),
            Kind::JobStatusPayload => round_trip::<JobStatus<Instance, Created>>(text),
        }
    }
}

fn schema_of<T: JsonSchema>() -> Value {
    schema_for!(T).to_value()
}

fn round_trip<T: DeserializeOwned + Serialize>(text: &str) -> Result<Value, String> {
    let parsed: T = serde_json::from_str(text).map_err(|error| error.to_string())?;
    Ok(serde_json::to_value(&parsed).expect("a parsed reply can be written"))
}

/// One validator per kind, compiled on first use (compiling checks the schema
/// against the 2020-12 meta-schema).
#[derive(Default)]
struct Validators(HashMap<Kind, Validator>);

impl Validators {
    fn get(&mut self, kind: Kind) -> &Validator {
        self.0.entry(kind).or_insert_with(|| {
            jsonschema::validator_for(&kind.schema())
                .unwrap_or_else(|error| panic!("the schema of {kind:?} compiles: {error}"))
        })
    }

    /// Whether the schema of `kind` accepts `value`, with the validator's
    /// reasons when it does not.
    fn check(&mut self, kind: Kind, value: &Value) -> Result<(), String> {
        let errors: Vec<String> = self
            .get(kind)
            .iter_errors(value)
            .map(|error| format!("{error} at {}", error.instance_path()))
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors.join("; "))
        }
    }
}

fn fixture_kind(file: &str) -> Kind {
    match file.split('_').next() {
        Some("common") => Kind::Task,
        Some("batch") => Kind::Batch,
        Some("job") => Kind::Job,
        _ => panic!("no kind for fixture {file}"),
    }
}

#[test]
fn every_schema_is_2020_12_and_compiles_with_either_regex_engine() {
    for kind in Kind::ALL {
        let schema = kind.schema();
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{kind:?}"
        );
        assert!(jsonschema::meta::is_valid(&schema), "{kind:?}");
        // The patterns use nothing beyond what both engines (and ECMA-262) know.
        jsonschema::options()
            .with_pattern_options(PatternOptions::regex())
            .build(&schema)
            .unwrap_or_else(|error| panic!("{kind:?} with the `regex` engine: {error}"));
    }
}

#[test]
fn every_fixture_validates_as_it_parses() {
    let mut validators = Validators::default();
    for (file, text) in fixtures::ALL {
        if *file == "job_rejected_sample.invalid.json" {
            // Not JSON at all: refused before any schema could look at it.
            assert!(serde_json::from_str::<Value>(text).is_err(), "{file}");
            assert!(Kind::Job.parse(text).is_err(), "{file}");
            continue;
        }
        let kind = fixture_kind(file);
        let value: Value = serde_json::from_str(text).unwrap();
        let schema = validators.check(kind, &value);
        let parsed = kind.parse(text);
        if *file == "batch_duplicate_id.json" {
            // The known limit: the validator sees one entry (the JSON parser
            // kept the last), while the crate refuses the repeated id.
            assert_eq!(schema, Ok(()), "{file}");
            let error = parsed.unwrap_err();
            assert!(
                error.starts_with(
                    "duplicate resource id `qcvm6a456b0d8f01d4b2b1f5073d3fb8ccc0` in `detail`"
                ),
                "{error}"
            );
            continue;
        }
        assert_eq!(schema, Ok(()), "{file}");
        let written = parsed.unwrap_or_else(|error| panic!("{file}: {error}"));
        assert_eq!(
            validators.check(kind, &written),
            Ok(()),
            "{file} as written"
        );
    }
}

/// What the schema and the parser make of one reply.
#[derive(Clone, Copy, Debug)]
enum Verdict {
    /// Both accept it.
    Accept,
    /// Both refuse it.
    Refuse,
    /// The schema accepts what the parser refuses, for the reason given:
    /// something no JSON Schema can see.
    SchemaOnly(&'static str),
}

#[path = "schema/cases.rs"]
mod cases;
#[path = "schema/chain.rs"]
mod chain;

#[test]
fn the_schemas_accept_what_the_parser_accepts() {
    let mut validators = Validators::default();
    let mut total = 0;
    let mut schema_only = Vec::new();
    for &(kind, table) in cases::TABLES {
        for &(text, verdict) in table {
            total += 1;
            check_case(&mut validators, kind, text, verdict);
            if let Verdict::SchemaOnly(why) = verdict {
                schema_only.push(why);
            }
        }
    }
    assert!(total >= 120, "{total} cases");
    // Every disagreement is marked in the tables (none slips in unannounced),
    // and each is one of the three that no schema can get around.
    assert_eq!(schema_only.len(), 23, "{schema_only:?}");
    assert!(
        schema_only
            .iter()
            .all(|why| [cases::REPEATED_KEY, cases::FLOAT, cases::DUPLICATE_ID].contains(why))
    );
}

/// Checks one case of the tables: the schema's verdict, the parser's, and
/// for an accepted reply, that what the crate writes back validates too.
fn check_case(validators: &mut Validators, kind: Kind, text: &str, verdict: Verdict) {
    let value: Value = serde_json::from_str(text).expect("every case is JSON");
    let schema = validators.check(kind, &value);
    let parsed = kind.parse(text);
    match verdict {
        Verdict::Accept => {
            assert_eq!(schema, Ok(()), "{kind:?} {text}");
            let written = parsed.unwrap_or_else(|error| panic!("{kind:?} {text}: {error}"));
            assert_eq!(
                validators.check(kind, &written),
                Ok(()),
                "{kind:?} {text} as written: {written}"
            );
        }
        Verdict::Refuse => {
            assert!(schema.is_err(), "the schema of {kind:?} accepts {text}");
            assert!(parsed.is_err(), "{kind:?} parses {text}");
        }
        Verdict::SchemaOnly(why) => {
            assert_eq!(schema, Ok(()), "{kind:?} {text} ({why})");
            assert!(parsed.is_err(), "{kind:?} parses {text}");
        }
    }
}

/// Beyond the tables: every committed fuzz corpus file that is JSON, read as
/// every kind. Where the two sides disagree, the parser's error must be one
/// of the two limits (a repeated key, a number written as floating point).
#[test]
fn the_schemas_agree_with_the_parser_on_the_fuzz_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    let mut validators = Validators::default();
    let (mut inputs, mut limits) = (0, 0);
    for target in fs::read_dir(&root).expect("fuzz/corpus exists") {
        for file in fs::read_dir(target.expect("a corpus folder").path()).expect("a folder") {
            let path = file.expect("a corpus file").path();
            let bytes = fs::read(&path).expect("a readable corpus file");
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue;
            };
            let Ok(value) = serde_json::from_str::<Value>(text) else {
                continue;
            };
            inputs += 1;
            for kind in Kind::ALL {
                let schema = validators.check(kind, &value);
                match (schema, kind.parse(text)) {
                    (Ok(()), Ok(_)) | (Err(_), Err(_)) => {}
                    (Ok(()), Err(error)) => {
                        let limit = error.starts_with("duplicate")
                            || error.starts_with("invalid type: floating point");
                        assert!(
                            limit,
                            "{kind:?} {}: only the schema accepts: {error}",
                            path.display()
                        );
                        limits += 1;
                    }
                    (Err(why), Ok(_)) => {
                        panic!(
                            "{kind:?} {}: only the parser accepts: {why}",
                            path.display()
                        );
                    }
                }
            }
        }
    }
    assert!(inputs >= 100, "only {inputs} JSON inputs");
    assert!(limits > 0, "the corpus holds a repeated id");
}

#[test]
fn the_schemas_use_the_wire_names() {
    let task = Kind::Task.schema();
    let mut names: Vec<&str> = task["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["code", "codeDesc", "message", "requestId"]);

    let batch = Kind::Batch.schema();
    // An object under a key with the prefix is an entry; the prefix alone
    // and every other key hold only values that are not objects (kept).
    let detail = &batch["properties"]["detail"];
    let entry_or_extra =
        json!({"if": {"type": "object"}, "then": {"$ref": "#/$defs/TaskResponse"}});
    let extra_only = json!({"not": {"type": "object"}});
    assert_eq!(
        detail["patternProperties"],
        json!({"^qcvm": entry_or_extra})
    );
    assert_eq!(detail["properties"], json!({"qcvm": extra_only}));
    assert_eq!(detail["additionalProperties"], extra_only);
    assert!(detail.get("propertyNames").is_none());
    assert_eq!(batch["$defs"]["InstanceId"]["pattern"], r"^qcvm[\s\S]");
    assert_eq!(batch["$defs"]["InstanceId"]["minLength"], 1);
    assert_eq!(batch["then"]["required"], json!(["detail"]));
    let bucket = Kind::BucketBatch.schema();
    let detail = &bucket["properties"]["detail"];
    assert_eq!(detail["additionalProperties"], entry_or_extra);
    for keyword in ["properties", "patternProperties", "propertyNames"] {
        assert!(detail.get(keyword).is_none(), "{keyword}");
    }

    let job = Kind::Job.schema();
    assert!(job["then"]["properties"]["job_id"].is_object());
    assert!(job["$defs"]["ApiError"]["properties"]["error"].is_object());

    let status = Kind::JobStatus.schema();
    let entities = &status["$defs"]["JobEntities_for_instance_id"]["properties"];
    for name in ["instance_id", "sub_jobs_total", "sub_jobs"] {
        assert!(entities[name].is_object(), "{name}");
    }
    let sub_job = &status["$defs"]["SubJob_for_instance_id"]["properties"];
    assert!(sub_job["entities"]["anyOf"][0]["properties"]["instance_id"].is_object());
}

#[test]
fn the_borrowed_view_shares_the_owned_replys_schema() {
    let mut generator = SchemaGenerator::default();
    let owned = generator.subschema_for::<BatchResponse<Instance>>();
    let borrowed = generator.subschema_for::<BatchResponseRef<'static, Instance>>();
    assert_eq!(owned, borrowed);
    let names: Vec<&String> = generator.definitions().keys().collect();
    assert_eq!(
        names,
        [
            "BatchResponse_for_InstanceId",
            "Code",
            "InstanceId",
            "TaskResponse"
        ]
    );
}

mod odd {
    use task_envelope::ResourceId;

    /// Every character that means something in a regular expression.
    #[derive(ResourceId)]
    #[resource_id(prefix = r"a.b*c+d?e^f$g|h\i(j)k[l]m{n}o/p-")]
    pub(crate) struct OddId(String);

    /// Another `OddId`, in another module, with another prefix.
    pub(crate) mod other {
        use task_envelope::ResourceId;

        /// Ids starting `x-`.
        #[derive(ResourceId)]
        #[resource_id(prefix = "x-")]
        pub(crate) struct OddId(String);
    }
}

#[test]
fn a_prefix_is_matched_literally() {
    let prefix = odd::OddId::PREFIX.unwrap();
    let validator = jsonschema::validator_for(&schema_of::<odd::OddId>()).unwrap();
    let cases = [
        format!("{prefix}1"),
        format!("{prefix}\n"),
        prefix.to_owned(),
        String::new(),
        prefix.replace('.', "X") + "1",
        format!("x{prefix}1"),
        "a".to_owned(),
    ];
    for id in cases {
        let value = Value::String(id.clone());
        let parsed = serde_json::from_value::<odd::OddId>(value.clone());
        assert_eq!(validator.is_valid(&value), parsed.is_ok(), "{id:?}");
    }
    assert!(validator.is_valid(&json!(format!("{prefix}1"))));
}

#[test]
fn id_types_of_the_same_name_keep_their_own_schemas() {
    let mut generator = SchemaGenerator::default();
    let first = generator.subschema_for::<odd::OddId>();
    let second = generator.subschema_for::<odd::other::OddId>();
    assert_ne!(first, second);
    let definitions = generator.definitions();
    assert_eq!(definitions["OddId2"]["pattern"], r"^x-[\s\S]");
}
