//! The schemas of the `job_id`/`error` dialect's submission reply:
//! [`JobId`], [`JobResponse`], [`ApiError`], [`ErrorDetail`].

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::names::{
    CODE, DETAILS, ERROR, ERROR_CODE, ERROR_CODE_CAMEL, ERROR_MSG, ERROR_MSG_CAMEL, JOB_ID, MESSAGE,
};
use super::parts;
use crate::{ApiError, ErrorDetail, JobId, JobResponse};

/// Available with the `schemars` feature: any string.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for JobId {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("JobId")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("task_envelope::JobId")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string" })
    }
}

/// Available with the `schemars` feature: with `job_id` (a string), an
/// accepted job, which states no error (no `error`, and `error_code` and
/// `errorCode` absent or `null`); without it, an error body (see
/// [`ApiError`]'s schema). Other fields are allowed, as parsing ignores them.
///
/// ```
/// use task_envelope::JobResponse;
///
/// let schema = schemars::schema_for!(JobResponse);
/// assert_eq!(schema.get("if").unwrap(), &serde_json::json!({"required": ["job_id"]}));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for JobResponse {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("JobResponse")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("task_envelope::JobResponse")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A job submission reply: `job_id` when accepted, an error body when rejected",
            "type": "object",
            "if": { "required": [JOB_ID] },
            "then": {
                "properties": {
                    (JOB_ID): generator.subschema_for::<JobId>(),
                    (ERROR_CODE): { "type": "null" },
                    (ERROR_CODE_CAMEL): { "type": "null" },
                },
                "not": { "required": [ERROR] },
            },
            "else": generator.subschema_for::<ApiError>(),
        })
    }
}

/// The `error` object: a required `code` (a string, or an integer that an
/// `i64` or a `u64` holds), `message` a string or `null`, `details` an array
/// of [`ErrorDetail`] objects or `null`.
fn wrapped_error(generator: &mut SchemaGenerator) -> Schema {
    let details = json_schema!({
        "type": "array",
        "items": generator.subschema_for::<ErrorDetail>(),
    });
    json_schema!({
        "type": "object",
        "properties": {
            (CODE): parts::code_text(false),
            (MESSAGE): parts::nullable_text(),
            (DETAILS): parts::or_null(&details),
        },
        "required": [CODE],
    })
}

/// The fields of a flat shape: its code (a string, an integer or `null`) and
/// message (a string or `null`), and with `details`, the details.
fn flat(generator: &mut SchemaGenerator, code: &str, message: &str, details: bool) -> Schema {
    let mut properties = json_schema!({
        (code): parts::code_text(true),
        (message): parts::nullable_text(),
    });
    if details {
        let details = json_schema!({
            "type": "array",
            "items": generator.subschema_for::<ErrorDetail>(),
        });
        properties.insert(DETAILS.to_owned(), parts::or_null(&details).to_value());
    }
    json_schema!({ "properties": properties })
}

/// "One of `names` is present".
fn any_of_keys(names: &[&str]) -> Schema {
    let required: Vec<serde_json::Value> = names
        .iter()
        .map(|name| serde_json::json!({ "required": [name] }))
        .collect();
    json_schema!({ "anyOf": required })
}

/// Available with the `schemars` feature: an error body in one of the shapes
/// [`ApiError`] reads, chosen in the same order: `error` (an object with a
/// required `code`, a string or an integer that an `i64` or a `u64` holds;
/// `message` a string or `null`; `details` an array of [`ErrorDetail`]
/// objects or `null`); else `error_code`/`error_msg`; else
/// `errorCode`/`errorMsg`; else a top-level `code` with `message` and
/// `details` (codes a string, an integer or `null`, messages a string or
/// `null`); else some field must be a fault object (`message` a string or
/// `null` and/or `code` a string, an integer or `null`). Other fields are
/// allowed.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for ApiError {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("ApiError")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("task_envelope::ApiError")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let fault = json_schema!({
            "type": "object",
            "anyOf": [{ "required": [MESSAGE] }, { "required": [CODE] }],
            "properties": {
                (CODE): parts::code_text(true),
                (MESSAGE): parts::nullable_text(),
            },
        });
        let some_fault = json_schema!({ "not": { "additionalProperties": { "not": fault } } });
        let bare = json_schema!({
            "if": any_of_keys(&[CODE]),
            "then": flat(generator, CODE, MESSAGE, true),
            "else": some_fault,
        });
        let camel = json_schema!({
            "if": any_of_keys(&[ERROR_CODE_CAMEL, ERROR_MSG_CAMEL]),
            "then": flat(generator, ERROR_CODE_CAMEL, ERROR_MSG_CAMEL, false),
            "else": bare,
        });
        let gateway = json_schema!({
            "if": any_of_keys(&[ERROR_CODE, ERROR_MSG]),
            "then": flat(generator, ERROR_CODE, ERROR_MSG, false),
            "else": camel,
        });
        json_schema!({
            "description": "Why a request was refused: an error body in any of its shapes",
            "type": "object",
            "properties": { (ERROR): wrapped_error(generator) },
            "if": { "required": [ERROR] },
            "else": gateway,
        })
    }
}

/// Available with the `schemars` feature: an object whose `code` (a
/// string, an integer that an `i64` or a `u64` holds, or `null`) and
/// `message` (a string or `null`) are both optional. Other fields are
/// allowed.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for ErrorDetail {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("ErrorDetail")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("task_envelope::ErrorDetail")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "One finer-grained cause of a refused job submission",
            "type": "object",
            "properties": {
                (CODE): parts::code_text(true),
                (MESSAGE): parts::nullable_text(),
            },
        })
    }
}
