//! The schema of the batch reply: [`BatchResponse`], its borrowed view
//! [`BatchResponseRef`] and the view's ids, [`IdRef`].

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::names::{CODE, CODE_DESC, DETAIL, MESSAGE, REQUEST_ID};
use super::{detail, parts, payload};
use crate::{BatchResponse, BatchResponseRef, BatchTarget, IdRef, TaskResponse};

/// Available with the `schemars` feature, when the id type `R::Id`
/// implements `JsonSchema` (`String` does, and so do every id type made
/// with `#[derive(ResourceId)]` and the id enum of an enum of resources
/// when the feature is on), for every payload type `P` that implements
/// `JsonSchema` (the default `()` included).
///
/// The schema is an object with a required `code`, the same `message`,
/// `requestId` and `codeDesc` as [`TaskResponse`]'s, and `detail`: an
/// object or `null`. When the outer code is 0, `detail` is required and
/// must be an object. A value of `detail` that is an object is a resource's
/// entry, a task object like [`TaskResponse`]'s (a success needs no
/// `requestId`), and its key must be a valid id; any other value (a
/// string, a number, an array, `null`) is kept beside the entries, whatever
/// its key (`"taskId": "2377970"`). Since only `properties` and
/// `patternProperties` tie a value to its key, the ids are given as
/// patterns, one per prefix (`"^ins-"`), with the prefix alone as an exact
/// name that may hold no entry; `additionalProperties` takes the keys no
/// prefix starts, as entries if the id type has no prefix, else as values
/// that are not objects. For an id type whose schema this crate did not
/// write, every key of `detail` must follow that schema (`propertyNames`),
/// a little stricter than parsing, which keeps a value that is not an
/// object under any key.
///
/// The outer-code rule is not part of the schema: a reply whose code
/// disagrees with its entries parses (and [`verify`](BatchResponse::verify)
/// reports it), so the schema accepts it too.
///
/// The payload's fields stand beside the envelope's as they do in
/// [`TaskResponse`]'s schema (whose documentation says how), the five names
/// `code`, `message`, `requestId`, `codeDesc` and `detail` staying the
/// envelope's; with the default `P = ()` unknown fields are allowed, as
/// parsing skips them.
///
/// ```
/// use serde_json::json;
/// use task_envelope::{BatchResponse, Resource, ResourceId};
///
/// #[derive(ResourceId)]
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
/// assert_eq!(detail["patternProperties"]["^ins-"]["then"]["$ref"], "#/$defs/TaskResponse");
/// assert_eq!(detail["properties"]["ins-"], json!({"not": {"type": "object"}}));
/// assert_eq!(detail["additionalProperties"], json!({"not": {"type": "object"}}));
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
///   code, a `requestId` or `sub_jobs_total` written with a fraction, an
///   exponent or as `-0` (`serde_json` reads those as floating point).
///
/// The schemas describe self-describing formats such as JSON, where a code
/// may be quoted and a text field may be `null`. They also assume that the
/// id type's schema describes a string, as map keys are strings.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl<R: BatchTarget, P: JsonSchema> JsonSchema for BatchResponse<R, P>
where
    R::Id: JsonSchema,
{
    fn schema_name() -> Cow<'static, str> {
        if payload::is_unit::<P>() {
            Cow::Owned(format!("BatchResponse_for_{}", R::Id::schema_name()))
        } else {
            Cow::Owned(format!(
                "BatchResponse_for_{}_and_{}",
                R::Id::schema_name(),
                P::schema_name()
            ))
        }
    }

    fn schema_id() -> Cow<'static, str> {
        if payload::is_unit::<P>() {
            Cow::Owned(format!(
                "task_envelope::BatchResponse<{}>",
                R::Id::schema_id()
            ))
        } else {
            Cow::Owned(format!(
                "task_envelope::BatchResponse<{}, {}>",
                R::Id::schema_id(),
                P::schema_id()
            ))
        }
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let id = generator.subschema_for::<R::Id>();
        let entry = generator.subschema_for::<TaskResponse>();
        let detail = detail::detail(generator, &id, &entry);
        let mut properties = parts::header_properties(generator);
        properties.insert(DETAIL.to_owned(), detail.to_value());
        let detail_required = json_schema!({
            "properties": { (DETAIL): { "type": "object" } },
            "required": [DETAIL],
        });
        let mut schema = json_schema!({
            "description": "A batch reply: an outer code, and each resource's task in `detail` \
                (required when the code is 0)",
            "type": "object",
            "properties": properties,
            "required": [CODE],
        });
        let payload =
            payload::payload::<P>(generator, &[CODE, MESSAGE, REQUEST_ID, CODE_DESC, DETAIL]);
        if let Some(then) = payload.merge(&mut schema, Some(detail_required)) {
            schema.insert("if".to_owned(), parts::when_code_is_zero().to_value());
            schema.insert("then".to_owned(), then.to_value());
        }
        schema
    }
}

/// Available with the `schemars` feature: the schema of
/// [`BatchResponse`] with the same `R` and `P`, which this borrowed view
/// reads and writes alike (one definition serves both).
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl<R: BatchTarget, P: JsonSchema> JsonSchema for BatchResponseRef<'_, R, P>
where
    R::Id: JsonSchema,
{
    fn schema_name() -> Cow<'static, str> {
        BatchResponse::<R, P>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        BatchResponse::<R, P>::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        BatchResponse::<R, P>::json_schema(generator)
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
