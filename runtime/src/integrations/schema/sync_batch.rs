//! The schema of the synchronous batch reply: [`SyncBatchResponse`] and
//! its entries, [`SyncFailure`].

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::job::{Faults, error_body};
use super::names::{ERROR_CODE, ERROR_MESSAGE, ID, INTERNAL_ERROR, RESPONSE};
use super::parts;
use crate::{ApiError, BatchTarget, SyncBatchResponse, SyncFailure};

/// Available with the `schemars` feature, when the id type `R::Id`
/// implements `JsonSchema` (`String` does, and so do every id type made
/// with `#[derive(ResourceId)]` and the id enum of an enum of resources).
///
/// The schema is an object with `response` (an array of objects, each with
/// a required `id` that follows `R::Id`'s schema, or `null`),
/// `internalError` (an array of [`SyncFailure`] objects, or `null`), and
/// the fields of an error body in any shape [`ApiError`] reads, checked in
/// the same order (`error`, `error_code`/`error_msg`, `errorCode`/`errorMsg`,
/// `code`/`message`/`details`, or a fault object such as `badRequest`). It
/// must hold `response` or `internalError` as an array, or an error (a
/// `null` list counts as absent). Other fields, of the reply and of the
/// entries, are allowed, as parsing ignores them.
///
/// Beyond what every schema cannot say (see [`BatchResponse`]'s), this one
/// cannot say that a resource is named once: parsing refuses an id that
/// appears twice in the lists, as keeping both could hide a failure, but JSON
/// Schema has no keyword that compares one field of the items of two
/// arrays (`uniqueItems` compares whole items, within one array).
///
/// [`BatchResponse`]: crate::BatchResponse
///
/// ```
/// use serde_json::json;
/// use task_envelope::{Resource, SyncBatchResponse};
///
/// #[derive(Resource)]
/// struct Server { #[resource(id)] server_id: String }
///
/// let schema = schemars::schema_for!(SyncBatchResponse<Server>);
/// let response = schema.pointer("/properties/response/anyOf/0").unwrap();
/// assert_eq!(response["items"]["required"], json!(["id"]));
/// assert_eq!(schema.pointer("/anyOf/2/$ref").unwrap(), "#/$defs/ApiError");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl<R: BatchTarget> JsonSchema for SyncBatchResponse<R>
where
    R::Id: JsonSchema,
{
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("SyncBatchResponse_for_{}", R::Id::schema_name()))
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Owned(format!(
            "task_envelope::SyncBatchResponse<{}>",
            R::Id::schema_id()
        ))
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let succeeded = json_schema!({
            "type": "array",
            "items": {
                "type": "object",
                "properties": { (ID): generator.subschema_for::<R::Id>() },
                "required": [ID],
            },
        });
        let failed = json_schema!({
            "type": "array",
            "items": generator.subschema_for::<SyncFailure<R>>(),
        });
        let error = generator.subschema_for::<ApiError>();
        let mut body = error_body(generator, Faults::Optional);
        body.remove("description");
        json_schema!({
            "description": "A synchronous batch reply: the resources that succeeded \
                (`response`), or an error naming those that failed (`internalError`)",
            "type": "object",
            "properties": {
                (RESPONSE): parts::or_null(&succeeded),
                (INTERNAL_ERROR): parts::or_null(&failed),
            },
            "allOf": [body],
            "anyOf": [
                { "required": [RESPONSE], "properties": { (RESPONSE): { "type": "array" } } },
                {
                    "required": [INTERNAL_ERROR],
                    "properties": { (INTERNAL_ERROR): { "type": "array" } },
                },
                error,
            ],
        })
    }
}

/// Available with the `schemars` feature, when the id type `R::Id`
/// implements `JsonSchema`: an entry of `internalError`, an object with a
/// required `id` (`R::Id`'s schema), `error_code` (a string, an integer
/// that an `i64` or a `u64` holds, or `null`) and `error_message` (a string
/// or `null`). Other fields are allowed, as parsing ignores them.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl<R: BatchTarget> JsonSchema for SyncFailure<R>
where
    R::Id: JsonSchema,
{
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("SyncFailure_for_{}", R::Id::schema_name()))
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Owned(format!(
            "task_envelope::SyncFailure<{}>",
            R::Id::schema_id()
        ))
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A resource that failed in a synchronous batch, with its code and message",
            "type": "object",
            "properties": {
                (ID): generator.subschema_for::<R::Id>(),
                (ERROR_CODE): parts::code_text(true),
                (ERROR_MESSAGE): parts::nullable_text(),
            },
            "required": [ID],
        })
    }
}
