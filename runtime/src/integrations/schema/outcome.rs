//! The schemas of [`BatchOutcome`] and [`BatchError`], which are written
//! like `#[derive(Serialize, Deserialize)]` enums and read in every form
//! `serde_json` gives such an enum.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::names::{CODE, CODE_MISMATCH, DECLARED, EXPECTED, MESSAGE, REJECTED, UNIT_OUTCOMES};
use crate::{BatchError, BatchOutcome, Code};

/// Available with the `schemars` feature: a unit variant's name as a
/// string (`"PartialFailure"`, as it is written), or an object with the
/// name as its one key and `null` as its value (`{"PartialFailure": null}`),
/// which `serde_json` also reads as a unit variant; or the struct variant
/// `Rejected`, an object with the one key `"Rejected"` whose value holds
/// the code by name (`{"Rejected": {"code": 4000}}`, as it is written;
/// unknown fields allowed) or in an array of one (`{"Rejected": [4000]}`).
/// The code follows [`Code`]'s schema.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for BatchOutcome {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("BatchOutcome")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("task_envelope::BatchOutcome")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let code = generator.subschema_for::<Code>();
        json_schema!({
            "description": "What a batch reply says, by the outer-code rule, \
                or that the request was rejected",
            "anyOf": [
                { "enum": UNIT_OUTCOMES },
                {
                    "type": "object",
                    "propertyNames": { "enum": UNIT_OUTCOMES },
                    "additionalProperties": { "type": "null" },
                    "minProperties": 1,
                    "maxProperties": 1,
                },
                struct_variant(REJECTED, &[(CODE, code)]),
            ],
        })
    }
}

/// Available with the `schemars` feature: an object with one key, the
/// variant's name, whose value holds the variant's two fields, either by
/// name (`{"CodeMismatch": {"declared": 0, "expected": 5400}}`, as it is
/// written; unknown fields allowed) or in order (`{"CodeMismatch": [0,
/// 5400]}`). Codes follow [`Code`]'s schema; `message` is a string.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for BatchError {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("BatchError")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("task_envelope::BatchError")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let code = generator.subschema_for::<Code>();
        let message = json_schema!({ "type": "string" });
        json_schema!({
            "description": "Why `verify` refused a batch reply",
            "anyOf": [
                struct_variant(CODE_MISMATCH, &[(DECLARED, code.clone()), (EXPECTED, code.clone())]),
                struct_variant(REJECTED, &[(CODE, code), (MESSAGE, message)]),
            ],
        })
    }
}

/// A struct variant `name` with these fields, as `serde_json` reads it: the
/// object `{name: fields}`, where `fields` is an object with every field
/// (other keys ignored) or an array of the values in order.
fn struct_variant(name: &str, fields: &[(&str, Schema)]) -> Schema {
    let names: Vec<&str> = fields.iter().map(|(field, _)| *field).collect();
    let schemas: Vec<&Schema> = fields.iter().map(|(_, schema)| schema).collect();
    let mut properties = Schema::default();
    for (field, schema) in fields {
        properties.insert((*field).to_owned(), schema.as_value().clone());
    }
    let value = json_schema!({
        "anyOf": [
            {
                "type": "object",
                "properties": properties,
                "required": names,
            },
            {
                "type": "array",
                "prefixItems": schemas,
                "minItems": fields.len(),
                "items": false,
            },
        ],
    });
    json_schema!({
        "type": "object",
        "properties": { (name): value },
        "required": [name],
        "additionalProperties": false,
    })
}
