//! The schemas of the values and the common reply of the code/requestId
//! dialect: [`Code`], [`RequestId`], [`TaskResponse`], [`TaskError`], and
//! the borrowed [`TaskRef`] and [`Text`].

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::parts;
use crate::{Code, RequestId, TaskError, TaskRef, TaskResponse, Text};

/// Available with the `schemars` feature: an integer in the range of `i64`,
/// or a string of ASCII digits whose value is in that range (`"5400"`,
/// `"007"`; not `""`, `"-1"`, `"+1"` or `"5.4e3"`), as parsing accepts.
///
/// Like every JSON Schema, it cannot tell `5` from `5.0`, `5e0` or `-0`,
/// which parsing refuses; the `JsonSchema` impl of
/// [`BatchResponse`](crate::BatchResponse) lists what no schema can say.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for Code {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Code")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("task_envelope::Code")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        parts::code()
    }
}

/// Available with the `schemars` feature: any string.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for RequestId {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("RequestId")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("task_envelope::RequestId")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string" })
    }
}

/// Available with the `schemars` feature: an object with a required `code`
/// (see [`Code`]'s schema); `message`, `requestId` and `codeDesc` each a
/// string or `null`; and when the code is 0 (the integer, or a string of
/// zeros), a `requestId` that is a string. Unknown fields are allowed, as
/// parsing ignores them.
///
/// ```
/// use task_envelope::TaskResponse;
///
/// let schema = schemars::schema_for!(TaskResponse);
/// assert_eq!(schema.get("required").unwrap(), &serde_json::json!(["code"]));
/// assert_eq!(
///     schema.pointer("/then/required").unwrap(),
///     &serde_json::json!(["requestId"]),
/// );
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for TaskResponse {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("TaskResponse")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("task_envelope::TaskResponse")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        parts::task_object(
            generator,
            "A task reply: `code` 0 for success (then `requestId` is required), \
             anything else for failure",
            true,
        )
    }
}

/// Available with the `schemars` feature: the shape of [`TaskResponse`]'s
/// schema without its rule for successes, since a `TaskError` is read
/// whatever its code.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for TaskError {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("TaskError")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("task_envelope::TaskError")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        parts::task_object(
            generator,
            "A failed task, in the shape of a task reply",
            false,
        )
    }
}

/// Available with the `schemars` feature: the schema of [`TaskResponse`],
/// which this borrowed view reads and writes alike (one definition serves
/// both).
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for TaskRef<'_> {
    fn schema_name() -> Cow<'static, str> {
        TaskResponse::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        TaskResponse::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        TaskResponse::json_schema(generator)
    }
}

/// Available with the `schemars` feature: any string.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for Text<'_> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("string")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("task_envelope::Text")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string" })
    }
}
