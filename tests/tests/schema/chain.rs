//! The id enum of an enum of resources (a task-chain target): its schema
//! accepts exactly the `detail` keys its parser accepts.
// The enums are only read into, never built: their variants are unused.
#![allow(dead_code)]

use jsonschema::PatternOptions;
use schemars::{JsonSchema, SchemaGenerator, schema_for};
use serde_json::{Value, json};
use task_envelope::{BatchResponse, BatchTarget, IdError, JobStatus, Resource, ResourceId};
use task_envelope_tests::resources::{Bucket, Disk, Instance};

/// Prefixed variants only: a key with neither prefix is refused.
#[derive(Resource)]
pub(crate) enum Target {
    Instance(Instance),
    Disk { disk: Disk },
}

/// With a variant that takes any other key.
#[derive(Resource)]
pub(crate) enum Mixed {
    Instance(Instance),
    Disk(Disk),
    Bucket(Bucket),
}

/// Generic: one schema per instance.
#[derive(Resource)]
pub(crate) enum Either<A, B> {
    Left(A),
    Right(B),
}

/// Keys, and which of `Target` and `Mixed` accepts each.
const KEYS: &[(&str, bool, bool)] = &[
    ("qcvm1", true, true),
    ("qcvm-disk-1", true, true),
    ("disk-1", true, true),
    // The prefix decides: `Disk` refuses it, so nobody takes it.
    ("disk-", false, false),
    ("qcvm", false, false),
    // No prefix: only `Mixed`'s bucket takes it.
    ("disk", false, true),
    ("bucket-1", false, true),
    ("Disk-1", false, true),
    ("xqcvm1", false, true),
    (" qcvm1", false, true),
    ("", false, true),
    ("disk-\n", true, true),
];

fn validator_of<T: JsonSchema>() -> jsonschema::Validator {
    let schema = schema_for!(T).to_value();
    assert!(jsonschema::meta::is_valid(&schema), "{schema}");
    jsonschema::options()
        .with_pattern_options(PatternOptions::regex())
        .build(&schema)
        .unwrap_or_else(|error| panic!("with the `regex` engine: {error}"));
    jsonschema::validator_for(&schema).unwrap()
}

/// A batch with one successful entry under `key`.
fn batch_with(key: &str) -> Value {
    json!({"code": 0, "detail": {key: {"code": 0, "requestId": "r"}}})
}

fn check_keys<T: BatchTarget>(accepted: impl Fn(&(&str, bool, bool)) -> bool)
where
    T::Id: JsonSchema,
{
    let id = validator_of::<T::Id>();
    let batch = validator_of::<BatchResponse<T>>();
    for case in KEYS {
        let key = case.0;
        let expected = accepted(case);
        let parsed = serde_json::from_value::<T::Id>(json!(key));
        assert_eq!(parsed.is_ok(), expected, "{key:?} parses: {parsed:?}");
        assert_eq!(
            id.is_valid(&json!(key)),
            expected,
            "{key:?} against the id schema"
        );
        let reply = batch_with(key);
        let parsed = serde_json::from_value::<BatchResponse<T>>(reply.clone());
        assert_eq!(parsed.is_ok(), expected, "{key:?} in a batch");
        assert_eq!(
            batch.is_valid(&reply),
            expected,
            "{key:?} in a batch, against its schema"
        );
        // A value that is not an object is kept under any key, id or not.
        let extra = json!({"code": 0, "detail": {key: "2377970"}});
        assert!(
            serde_json::from_value::<BatchResponse<T>>(extra.clone()).is_ok(),
            "{key:?}"
        );
        assert!(batch.is_valid(&extra), "{key:?} holding a kept value");
    }
}

#[test]
fn the_schema_takes_the_keys_the_parser_takes() {
    check_keys::<Target>(|case| case.1);
    check_keys::<Mixed>(|case| case.2);
}

#[test]
fn a_mixed_batch_validates_and_its_parts_too() {
    let reply = json!({
        "code": 5400,
        "message": "some resources failed",
        "detail": {
            "qcvm6a456b0d8f01d4b2b1f5073d3fb8ccc0": {"code": 0, "message": "", "requestId": "1231231231231"},
            "disk-8ccc0": {"code": 4001, "message": "quota exceeded", "requestId": "1231231231232"},
            "qcvm2": {"code": "0", "requestId": "1231231231233"},
        },
    });
    assert!(validator_of::<BatchResponse<Target>>().is_valid(&reply));
    let parsed: BatchResponse<Target> = serde_json::from_value(reply).unwrap();
    let written = serde_json::to_value(&parsed).unwrap();
    assert!(validator_of::<BatchResponse<Target>>().is_valid(&written));
    let (instances, disks) = parsed.split();
    assert!(
        validator_of::<BatchResponse<Instance>>()
            .is_valid(&serde_json::to_value(&instances).unwrap())
    );
    assert!(validator_of::<BatchResponse<Disk>>().is_valid(&serde_json::to_value(&disks).unwrap()));
    assert_eq!((instances.len(), disks.len()), (2, 1));

    // One key no variant takes fails both.
    let stray = json!({"code": 0, "detail": {"bucket-1": {"code": 0, "requestId": "r"}}});
    assert!(!validator_of::<BatchResponse<Target>>().is_valid(&stray));
    let error = serde_json::from_value::<BatchResponse<Target>>(stray).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("it is the id of none of the kinds tried (instance, disk)"),
        "{error}"
    );
}

#[test]
fn the_schema_names_each_variant_by_its_id_schema() {
    let schema = schema_for!(BatchResponse<Mixed>).to_value();
    // `detail` ties each value to its key through the prefixes: a prefix
    // alone holds no entry, and the bucket takes every other key.
    let entry_or_extra =
        json!({"if": {"type": "object"}, "then": {"$ref": "#/$defs/TaskResponse"}});
    let extra_only = json!({"not": {"type": "object"}});
    let detail = &schema["properties"]["detail"];
    assert_eq!(
        detail["patternProperties"],
        json!({"^qcvm": entry_or_extra, "^disk-": entry_or_extra})
    );
    assert_eq!(
        detail["properties"],
        json!({"qcvm": extra_only, "disk-": extra_only})
    );
    assert_eq!(detail["additionalProperties"], entry_or_extra);
    let defs = &schema["$defs"];
    assert_eq!(
        defs["MixedId"]["anyOf"],
        json!([
            {"allOf": [{"pattern": "^qcvm"}, {"$ref": "#/$defs/InstanceId"}]},
            {"allOf": [{"pattern": "^disk-"}, {"$ref": "#/$defs/DiskId"}]},
            {"allOf": [{"type": "string"}, {"not": {"pattern": "^(?:qcvm|disk-)"}}]},
        ])
    );
    assert_eq!(
        defs["MixedId"]["description"],
        "MixedId: the id of a resource of kind `instance`, `disk`, `bucket`, told apart by its prefix"
    );
    assert_eq!(defs["InstanceId"]["pattern"], r"^qcvm[\s\S]");
}

#[test]
fn each_instance_of_a_generic_enum_has_its_own_schema() {
    let mut generator = SchemaGenerator::default();
    let first = generator.subschema_for::<EitherId<Instance, Disk>>();
    let second = generator.subschema_for::<EitherId<Instance, Bucket>>();
    assert_ne!(first, second);
    let names: Vec<&String> = generator.definitions().keys().collect();
    assert_eq!(
        names,
        [
            "DiskId",
            "EitherId_for_InstanceId_and_DiskId",
            "EitherId_for_InstanceId_and_string",
            "InstanceId",
        ]
    );
}

/// An id type with no `JsonSchema`: the enum still compiles with the
/// `schemars` feature on, and its id enum has no schema.
mod without_schema {
    use task_envelope::{IdError, Resource, ResourceId};

    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub(crate) struct PlainId(String);

    impl ResourceId for PlainId {
        const PREFIX: Option<&'static str> = Some("p-");
        const TYPE_NAME: &'static str = "PlainId";

        fn as_str(&self) -> &str {
            &self.0
        }

        fn __from_checked(id: String) -> Self {
            PlainId(id)
        }
    }

    impl std::fmt::Display for PlainId {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl serde::Serialize for PlainId {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(&self.0)
        }
    }

    impl<'de> serde::Deserialize<'de> for PlainId {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let text = String::deserialize(deserializer)?;
            PlainId::parse(&text).map_err(serde::de::Error::custom)
        }
    }

    #[derive(Resource)]
    pub(crate) struct Plain {
        #[resource(id)]
        pub(crate) id: PlainId,
    }

    #[derive(Resource)]
    pub(crate) enum Target {
        Plain(Plain),
        Disk(task_envelope_tests::resources::Disk),
    }

    pub(crate) fn parse(text: &str) -> Result<TargetId, IdError> {
        text.parse()
    }
}

#[test]
fn an_id_type_without_a_schema_leaves_only_the_schema_out() {
    assert!(matches!(
        without_schema::parse("p-1"),
        Ok(without_schema::TargetId::Plain(_))
    ));
    assert!(matches!(
        without_schema::parse("x"),
        Err(IdError::NoKind { .. })
    ));
    let _ = ResourceId::as_str(&without_schema::parse("disk-1").unwrap());
}

/// Why `JobStatus` has a schema only for a single `Resource`: with the ids of
/// two kinds in one `entities`, the first key in wire order decides the kind
/// (the other is kept as it came), so one JSON value gets two verdicts, and a
/// schema, which sees the value, could match only one of them.
#[test]
fn a_task_chain_job_status_depends_on_key_order() {
    let first = r#"{"status": "FAIL", "job_id": "j", "entities": {"instance_id": "qcvm1", "0": "no disk"}}"#;
    let second = r#"{"status": "FAIL", "job_id": "j", "entities": {"0": "no disk", "instance_id": "qcvm1"}}"#;
    assert_eq!(
        serde_json::from_str::<Value>(first).unwrap(),
        serde_json::from_str::<Value>(second).unwrap()
    );
    assert!(serde_json::from_str::<JobStatus<Target>>(first).is_ok());
    let error = serde_json::from_str::<JobStatus<Target>>(second).unwrap_err();
    assert!(error.to_string().starts_with("invalid DiskId"), "{error}");
}
