//! The caller's payload `P` beside an envelope's own fields: what the
//! schema of `TaskResponse<P>` and `BatchResponse<R, P>` says about the
//! fields the envelope does not claim.
//!
//! Parsing hands `P` an object made of the unclaimed fields, in one pass
//! (`wire::payload`): a field of the wrong type is an error whatever the
//! code, a missing required field only on a success (a failure then has no
//! payload), and `P` never sees a claimed field. So `P`'s properties join
//! the envelope's (a claimed name stays the envelope's), `P`'s
//! `additionalProperties` becomes the object's (it then judges exactly the
//! fields neither side names), and `P`'s `required` moves under the
//! envelope's rule for a code of 0.

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};

/// What `P`'s schema adds to an envelope's.
pub(super) enum Payload {
    /// `P` keeps nothing (`()`, a unit struct: `{"type": "null"}`): every
    /// unclaimed field is skipped.
    Nothing,
    /// `P` is an object of properties (a struct, a map).
    Object {
        /// `P`'s properties but the claimed names.
        properties: Map<String, Value>,
        /// `P`'s `additionalProperties`, if it has one.
        additional: Option<Value>,
        /// The fields a success must carry, or `None` when `P` requires a
        /// claimed name, which it never sees: then no success parses.
        required: Option<Vec<Value>>,
    },
    /// A schema of another shape (an enum, `anyOf`, `allOf`, patterns):
    /// the schema does not check `P`'s fields.
    Unchecked,
}

/// Keywords of an object schema that [`Payload::Object`] carries over, or
/// that only annotate.
const OBJECT_KEYWORDS: &[&str] = &[
    "$schema",
    "$comment",
    "title",
    "description",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "type",
    "properties",
    "required",
    "additionalProperties",
];

/// Whether `P` is the default payload (`()`), for the schema's name.
pub(super) fn is_unit<P: JsonSchema>() -> bool {
    P::schema_id() == <()>::schema_id()
}

/// `P`'s schema, read for an envelope that claims `claimed`.
pub(super) fn payload<P: JsonSchema>(generator: &mut SchemaGenerator, claimed: &[&str]) -> Payload {
    let schema = P::json_schema(generator);
    let Some(object) = schema.as_object() else {
        // `true` takes anything; `false` refuses every payload, which no
        // type's `Deserialize` does for an object: leave both unchecked.
        return Payload::Unchecked;
    };
    let types = object.get("type");
    let keys_known = object
        .keys()
        .all(|key| OBJECT_KEYWORDS.contains(&key.as_str()));
    if types == Some(&Value::from("null"))
        && object
            .keys()
            .all(|key| ["$schema", "title", "description", "type"].contains(&key.as_str()))
    {
        return Payload::Nothing;
    }
    let is_object = match types {
        Some(Value::String(name)) => name == "object",
        Some(Value::Array(names)) => names.iter().any(|name| name == "object"),
        _ => object.contains_key("properties"),
    };
    if !keys_known || !is_object {
        return Payload::Unchecked;
    }
    let mut properties = object
        .get("properties")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    properties.retain(|name, _| !claimed.contains(&name.as_str()));
    let required: Vec<Value> = object
        .get("required")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let requires_claimed = required
        .iter()
        .any(|name| name.as_str().is_some_and(|name| claimed.contains(&name)));
    Payload::Object {
        properties,
        additional: object.get("additionalProperties").cloned(),
        required: (!requires_claimed).then_some(required),
    }
}

impl Payload {
    /// Adds `P`'s properties and `additionalProperties` to `envelope`, and
    /// its required fields to `on_success` (the envelope's `then`, an object
    /// schema); returns the `then` to use, `None` if there is nothing to
    /// require.
    pub(super) fn merge(self, envelope: &mut Schema, on_success: Option<Schema>) -> Option<Schema> {
        let Payload::Object {
            properties,
            additional,
            required,
        } = self
        else {
            return on_success;
        };
        if let Some(Value::Object(own)) = envelope.get_mut("properties") {
            for (name, schema) in properties {
                own.entry(name).or_insert(schema);
            }
        }
        if let Some(additional) = additional {
            envelope.insert("additionalProperties".to_owned(), additional);
        }
        let Some(required) = required else {
            return Some(Schema::from(false));
        };
        if required.is_empty() {
            return on_success;
        }
        let mut then = on_success.unwrap_or_default();
        if let Value::Array(names) = then
            .ensure_object()
            .entry("required")
            .or_insert_with(|| Value::Array(Vec::new()))
        {
            names.extend(required);
        }
        Some(then)
    }
}
