//! The schemas of the values and the common reply of the code/requestId
//! dialect: [`Code`], [`RequestId`], [`TaskResponse`], [`TaskError`], and
//! the borrowed [`TaskRef`] and [`Text`].

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::names::{CODE, CODE_DESC, MESSAGE, REQUEST_ID};
use super::{parts, payload};
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

/// Available with the `schemars` feature: a string, or an integer that an
/// `i64` or a `u64` holds (`"1231231231231"`, `3901942`), as parsing
/// accepts; an integer is written back as one.
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
        parts::request_id(false)
    }
}

/// Available with the `schemars` feature, for every payload type `P` that
/// implements `JsonSchema` (the default `()` included).
///
/// The schema is an object with a required `code` (see [`Code`]'s schema);
/// `message` and `codeDesc` each a string or `null`; `requestId` a string,
/// an integer or `null`, and never required: a success without one parses
/// (the action is done, there is nothing to poll).
///
/// The payload's fields stand beside the envelope's, as parsing reads them:
///
/// - With the default `P = ()` (or any payload whose schema is
///   `{"type": "null"}`, such as a unit struct), every other field is
///   allowed, as parsing skips it.
/// - With a payload whose schema is an object of properties (a struct with
///   `#[derive(JsonSchema)]`, a map), its properties join the envelope's
///   (a payload field named like one of the four is the envelope's: the
///   payload never sees it), its `additionalProperties` (if any, such as
///   `false` for `#[serde(deny_unknown_fields)]`) judges the fields neither
///   names, and its required fields are required when the code is 0 only
///   (`if`/`then`), since a failure without them still parses. A payload
///   that requires a field named like one of the four gets `"then": false`:
///   no success can carry it.
/// - With a payload of another shape (an enum, a schema made of `anyOf` or
///   `allOf`, a map with `propertyNames`), the schema does not check the
///   payload's fields: it accepts what the envelope accepts.
///
/// ```
/// use std::collections::BTreeMap;
/// use serde_json::json;
/// use task_envelope::TaskResponse;
///
/// let schema = schemars::schema_for!(TaskResponse);
/// assert_eq!(schema.get("required").unwrap(), &json!(["code"]));
/// assert_eq!(schema.get("then"), None);
///
/// // A map payload keeps every other field: each must be an array of strings.
/// let schema = schemars::schema_for!(TaskResponse<BTreeMap<String, Vec<String>>>);
/// assert_eq!(schema.pointer("/additionalProperties/type").unwrap(), "array");
/// assert_eq!(schema.pointer("/properties/requestId/type").unwrap(), &json!(["string", "integer", "null"]));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl<P: JsonSchema> JsonSchema for TaskResponse<P> {
    fn schema_name() -> Cow<'static, str> {
        if payload::is_unit::<P>() {
            Cow::Borrowed("TaskResponse")
        } else {
            Cow::Owned(format!("TaskResponse_for_{}", P::schema_name()))
        }
    }

    fn schema_id() -> Cow<'static, str> {
        if payload::is_unit::<P>() {
            Cow::Borrowed("task_envelope::TaskResponse")
        } else {
            Cow::Owned(format!("task_envelope::TaskResponse<{}>", P::schema_id()))
        }
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = parts::task_object(
            generator,
            "A task reply: `code` 0 for success (with a `requestId` to poll, or none \
             when the action is done), anything else for failure",
        );
        let payload = payload::payload::<P>(generator, &[CODE, MESSAGE, REQUEST_ID, CODE_DESC]);
        if let Some(then) = payload.merge(&mut schema, None) {
            schema.insert("if".to_owned(), parts::when_code_is_zero().to_value());
            schema.insert("then".to_owned(), then.to_value());
        }
        schema
    }
}

/// Available with the `schemars` feature: the schema of [`TaskResponse`]
/// (its default payload), as a `TaskError` reads the same fields whatever
/// its code.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for TaskError {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("TaskError")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("task_envelope::TaskError")
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        parts::task_object(generator, "A failed task, in the shape of a task reply")
    }
}

/// Available with the `schemars` feature: the schema of [`TaskResponse`],
/// which this borrowed view reads and writes alike (one definition serves
/// both).
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for TaskRef<'_> {
    fn schema_name() -> Cow<'static, str> {
        TaskResponse::<()>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        TaskResponse::<()>::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        TaskResponse::<()>::json_schema(generator)
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
