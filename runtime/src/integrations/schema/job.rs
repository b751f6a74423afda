//! The schemas of the `job_id`/`error` dialect's submission reply:
//! [`JobId`], [`JobResponse`], [`ApiError`], [`ErrorDetail`].

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::names::{
    CODE, DETAILS, ERROR, ERROR_CODE, ERROR_CODE_CAMEL, ERROR_MSG, ERROR_MSG_CAMEL, JOB_ID, MESSAGE,
};
use serde_json::{Value, json};

use super::parts;
use super::payload::{self, Payload};
use crate::job::keys::{FAULT_NAMES, Key};
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

/// Available with the `schemars` feature, for every payload type `P` that
/// implements `JsonSchema` (the default `()` included): with `job_id` (a
/// string), an accepted job, which states no error (no `error`, and
/// `error_code` and `errorCode` absent or `null`); without it, an error body
/// (see [`ApiError`]'s schema).
///
/// The payload's fields stand beside the envelope's as they do in
/// [`TaskResponse`](crate::TaskResponse)'s schema, with the envelope's keys
/// being `job_id` and those an error body is read from (`error`,
/// `error_code`, `error_msg`, `errorCode`, `errorMsg`, `code`, `message`,
/// `details`, `request_id`, `requestId` and the fault names such as
/// `badRequest`):
///
/// - With the default `P = ()` (or any payload whose schema is
///   `{"type": "null"}`) every other field is allowed, and a fault object
///   under any key makes an error body, as parsing reads every other field
///   as a possible fault.
/// - With a payload whose schema is an object of properties, its properties
///   and `additionalProperties` judge the other fields of every reply (a
///   field of the wrong type is an error even on a rejection), its required
///   fields are required on an accepted job only, and a fault object counts
///   only under one of the envelope's keys: the payload takes the others.
/// - With a payload of another shape, the payload's fields are not checked,
///   and a fault counts only under the envelope's keys, as above.
///
/// ```
/// use serde_json::json;
/// use task_envelope::JobResponse;
///
/// let schema = schemars::schema_for!(JobResponse);
/// assert_eq!(schema.get("if").unwrap(), &json!({"required": ["job_id"]}));
///
/// // A map payload: every other field is an array of strings.
/// let schema = schemars::schema_for!(JobResponse<std::collections::BTreeMap<String, Vec<String>>>);
/// assert_eq!(schema.pointer("/additionalProperties/type").unwrap(), "array");
/// assert_eq!(schema.pointer("/properties/badRequest").unwrap(), &json!(true));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl<P: JsonSchema> JsonSchema for JobResponse<P> {
    fn schema_name() -> Cow<'static, str> {
        if payload::is_unit::<P>() {
            Cow::Borrowed("JobResponse")
        } else {
            Cow::Owned(format!("JobResponse_for_{}", P::schema_name()))
        }
    }

    fn schema_id() -> Cow<'static, str> {
        if payload::is_unit::<P>() {
            Cow::Borrowed("task_envelope::JobResponse")
        } else {
            Cow::Owned(format!("task_envelope::JobResponse<{}>", P::schema_id()))
        }
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let body_keys = body_keys();
        let mut claimed = vec![JOB_ID];
        claimed.extend(&body_keys);
        let payload = payload::payload::<P>(generator, &claimed);
        let accepted = json_schema!({
            "properties": {
                (JOB_ID): generator.subschema_for::<JobId>(),
                (ERROR_CODE): { "type": "null" },
                (ERROR_CODE_CAMEL): { "type": "null" },
            },
            "not": { "required": [ERROR] },
        });
        let rejected = if matches!(payload, Payload::Nothing) {
            generator.subschema_for::<ApiError>()
        } else {
            error_body(generator, Faults::Among(body_keys.clone()))
        };
        let mut schema = json_schema!({
            "description": "A job submission reply: `job_id` when accepted, an error body when rejected",
            "type": "object",
        });
        if matches!(payload, Payload::Object { .. }) {
            // The envelope's keys, so that the payload's
            // `additionalProperties` judges only the others.
            schema.insert("properties".to_owned(), claimed_properties(&claimed));
        }
        let accepted = payload.merge(&mut schema, Some(accepted));
        schema.insert("if".to_owned(), json!({ "required": [JOB_ID] }));
        if let Some(accepted) = accepted {
            schema.insert("then".to_owned(), accepted.to_value());
        }
        schema.insert("else".to_owned(), rejected.to_value());
        schema
    }
}

/// The keys an error body is read from, and the fault names: what the job
/// envelopes claim beside their own fields, in the parser's order.
pub(super) fn body_keys() -> Vec<&'static str> {
    let body = Key::BODY.iter().map(|key| key.name());
    body.chain(FAULT_NAMES.iter().copied()).collect()
}

/// `properties` naming each of `keys`, any value (`true`): the schemas of
/// the keys that matter are given elsewhere.
pub(super) fn claimed_properties(keys: &[&str]) -> Value {
    keys.iter()
        .map(|key| ((*key).to_owned(), Value::Bool(true)))
        .collect::<serde_json::Map<_, _>>()
        .into()
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
        error_body(generator, Faults::Anywhere)
    }
}

/// Where an error body's last shape, a fault object, may stand.
pub(super) enum Faults {
    /// Under any key: the body is the whole object ([`ApiError`], and a
    /// reply whose payload keeps nothing).
    Anywhere,
    /// Only under these keys: those the envelope claims, when the payload
    /// takes every other field.
    Among(Vec<&'static str>),
    /// Nowhere required: the body's fields must be valid, but the reply
    /// needs no error (a synchronous batch reply with `response`).
    Optional,
}

/// An error body in the shapes [`ApiError`] reads, chosen in the same order;
/// when no shape is present, `faults` says what the object must hold.
pub(super) fn error_body(generator: &mut SchemaGenerator, faults: Faults) -> Schema {
    let fault = json_schema!({
        "type": "object",
        "anyOf": [{ "required": [MESSAGE] }, { "required": [CODE] }],
        "properties": {
            (CODE): parts::code_text(true),
            (MESSAGE): parts::nullable_text(),
        },
    });
    let last = match faults {
        Faults::Anywhere => json_schema!({ "not": { "additionalProperties": { "not": fault } } }),
        Faults::Among(keys) => {
            let branches: Vec<Schema> = keys
                .into_iter()
                .map(|key| json_schema!({ "required": [key], "properties": { (key): fault } }))
                .collect();
            json_schema!({ "anyOf": branches })
        }
        Faults::Optional => Schema::from(true),
    };
    let bare = json_schema!({
        "if": any_of_keys(&[CODE]),
        "then": flat(generator, CODE, MESSAGE, true),
        "else": last,
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
