//! The schemas of the `job_id`/`error` dialect's submission reply:
//! [`JobId`], [`JobResponse`], [`ApiError`], [`ErrorDetail`].

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::names::{CODE, DETAILS, ERROR, JOB_ID, MESSAGE};
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

/// Available with the `schemars` feature: an object with exactly one of
/// `job_id` (a string: accepted) and `error` (see [`ApiError`]'s schema:
/// rejected). Other fields are allowed, as parsing ignores them.
///
/// ```
/// use task_envelope::JobResponse;
///
/// let schema = schemars::schema_for!(JobResponse);
/// assert_eq!(
///     schema.get("oneOf").unwrap(),
///     &serde_json::json!([{"required": ["job_id"]}, {"required": ["error"]}]),
/// );
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
            "description": "A job submission reply: `job_id` when accepted, `error` when rejected",
            "type": "object",
            "properties": {
                (JOB_ID): generator.subschema_for::<JobId>(),
                (ERROR): generator.subschema_for::<ApiError>(),
            },
            "oneOf": [
                { "required": [JOB_ID] },
                { "required": [ERROR] },
            ],
        })
    }
}

/// Available with the `schemars` feature: an object with a required `code`
/// (a string, or an integer that an `i64` or a `u64` holds), `message` a
/// string or `null`, and `details` an array of [`ErrorDetail`] objects or
/// `null`. Other fields are allowed.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for ApiError {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("ApiError")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("task_envelope::ApiError")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let details = json_schema!({
            "type": "array",
            "items": generator.subschema_for::<ErrorDetail>(),
        });
        json_schema!({
            "description": "Why a job submission was refused",
            "type": "object",
            "properties": {
                (CODE): parts::code_text(false),
                (MESSAGE): parts::nullable_text(),
                (DETAILS): parts::or_null(&details),
            },
            "required": [CODE],
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
