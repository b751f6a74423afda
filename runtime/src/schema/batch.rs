//! The schema of the batch reply: [`BatchResponse`], its borrowed view
//! [`BatchResponseRef`] and the view's ids, [`IdRef`].

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::names::{CODE, DETAIL};
use super::parts;
use crate::{BatchResponse, BatchResponseRef, BatchTarget, IdRef, TaskResponse};

/// Available with the `schemars` feature, when the id type `R::Id`
/// implements `JsonSchema` (`String` does, and so does every id type made
/// with `#[derive(ResourceId)]` when the feature is on).
///
/// The schema is an object with a required `code`, the same `message`,
/// `requestId` and `codeDesc` as [`TaskResponse`]'s, and `detail`: an
/// object or `null`, whose keys follow the id type's schema
/// (`propertyNames`) and whose values are task objects (a code of 0 needs a
/// `requestId`). When the outer code is 0, `detail` is required and must be
/// an object. Unknown fields are allowed at every level, as parsing ignores
/// them. The outer-code rule is not part of the schema: a reply whose code
/// disagrees with its entries parses (and [`verify`](BatchResponse::verify)
/// reports it), so the schema accepts it too.
///
/// ```
/// use task_envelope::{BatchResponse, Resource, ResourceId};
///
/// #[derive(ResourceId, Debug, Clone, PartialEq, Eq, Hash)]
/// #[resource_id(prefix = "ins-")]
/// struct InstanceId(String);
///
/// #[derive(Resource)]
/// struct Instance {
///     #[resource(id)]
///     instance_id: InstanceId,
/// }
///
/// let schema = schemars::schema_for!(BatchResponse<Instance>);
/// let detail = schema.pointer("/properties/detail").unwrap();
/// assert_eq!(detail["propertyNames"]["$ref"], "#/$defs/InstanceId");
/// assert_eq!(detail["additionalProperties"]["$ref"], "#/$defs/TaskResponse");
/// assert_eq!(schema.pointer("/$defs/InstanceId/pattern").unwrap(), r"^ins-[\s\S]");
/// ```
///
/// # What no schema can say
///
/// A JSON Schema validator judges the parsed value, not the text, so a few
/// things this crate's parser refuses pass every schema, this one included:
///
/// - **A repeated key.** A resource id that appears twice in `detail` (the
///   provider's own published sample does this) is a parse error here, since
///   keeping only one entry could hide a failure; to a validator the object
///   already holds one entry per key, usually the last. The same goes for any
///   field written twice. Parse with this crate to catch it.
/// - **How a number is written.** To JSON Schema `5.0`, `5e0` and `-0` are
///   integers, equal to `5`, `5` and `0`; this crate refuses a code, an error
///   code or `sub_jobs_total` written with a fraction, an exponent or as `-0`
///   (`serde_json` reads those as floating point).
///
/// The schemas describe self-describing formats such as JSON, where a code
/// may be quoted and a text field may be `null`. They also assume that the
/// id type's schema describes a string, as map keys are strings.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl<R: BatchTarget> JsonSchema for BatchResponse<R>
where
    R::Id: JsonSchema,
{
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("BatchResponse_for_{}", R::Id::schema_name()))
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Owned(format!(
            "task_envelope::BatchResponse<{}>",
            R::Id::schema_id()
        ))
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let detail = json_schema!({
            "description": "Each resource's task, keyed by resource id",
            "type": ["object", "null"],
            "propertyNames": generator.subschema_for::<R::Id>(),
            "additionalProperties": generator.subschema_for::<TaskResponse>(),
        });
        let mut properties = parts::header_properties(generator);
        properties.insert(DETAIL.to_owned(), detail.to_value());
        let detail_required = json_schema!({
            "properties": { (DETAIL): { "type": "object" } },
            "required": [DETAIL],
        });
        json_schema!({
            "description": "A batch reply: an outer code, and each resource's task in `detail` \
                (required when the code is 0)",
            "type": "object",
            "properties": properties,
            "required": [CODE],
            "if": parts::when_code_is_zero(),
            "then": detail_required,
        })
    }
}

/// Available with the `schemars` feature: the schema of
/// [`BatchResponse`], which this borrowed view reads and writes alike (one
/// definition serves both).
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl<R: BatchTarget> JsonSchema for BatchResponseRef<'_, R>
where
    R::Id: JsonSchema,
{
    fn schema_name() -> Cow<'static, str> {
        BatchResponse::<R>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        BatchResponse::<R>::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        BatchResponse::<R>::json_schema(generator)
    }
}

/// Available with the `schemars` feature: the schema of `R::Id`, whose
/// rules this borrowed id is checked by.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl<R: BatchTarget> JsonSchema for IdRef<'_, R>
where
    R::Id: JsonSchema,
{
    fn inline_schema() -> bool {
        R::Id::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        R::Id::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        R::Id::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        R::Id::json_schema(generator)
    }
}
