//! The schema of the task-result poll reply, [`TaskStatus`].

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::names::{CODE, CODE_DESC, DATA, MESSAGE, REQUEST_ID, STATUS};
use super::{parts, payload};
use crate::{Code, TaskStatus};

/// Available with the `schemars` feature, for every payload type `P` that
/// implements `JsonSchema` (the default `()` included).
///
/// The schema is an object with a required `code` and the same `message`,
/// `requestId` and `codeDesc` as [`TaskResponse`](crate::TaskResponse)'s
/// (the poll call's own), and `data`: an object or `null` whose `status`
/// follows [`Code`]'s schema (an integer, or a string of digits) and whose
/// other fields may hold anything (they are kept). When the code is 0,
/// `data` is required, must be an object and must hold `status`; with any
/// other code `data` may be absent or `null`.
///
/// The payload's fields stand beside the envelope's as they do in
/// [`TaskResponse`](crate::TaskResponse)'s schema (whose documentation says
/// how), the five names `code`, `message`, `requestId`, `codeDesc` and
/// `data` staying the envelope's; with the default `P = ()` unknown fields
/// are allowed, as parsing skips them.
///
/// ```
/// use serde_json::json;
/// use task_envelope::TaskStatus;
///
/// let schema = schemars::schema_for!(TaskStatus);
/// assert_eq!(schema.pointer("/then/required").unwrap(), &json!(["data"]));
/// assert_eq!(schema.pointer("/then/properties/data/required").unwrap(), &json!(["status"]));
/// assert_eq!(schema.pointer("/properties/data/properties/status/$ref").unwrap(), "#/$defs/Code");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl<P: JsonSchema> JsonSchema for TaskStatus<P> {
    fn schema_name() -> Cow<'static, str> {
        if payload::is_unit::<P>() {
            Cow::Borrowed("TaskStatus")
        } else {
            Cow::Owned(format!("TaskStatus_for_{}", P::schema_name()))
        }
    }

    fn schema_id() -> Cow<'static, str> {
        if payload::is_unit::<P>() {
            Cow::Borrowed("task_envelope::TaskStatus")
        } else {
            Cow::Owned(format!("task_envelope::TaskStatus<{}>", P::schema_id()))
        }
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let data = json_schema!({
            "description": "The task's result: `status` 0 succeeded, 1 failed, 2 running; \
                other fields are kept",
            "type": ["object", "null"],
            "properties": { (STATUS): generator.subschema_for::<Code>() },
        });
        let mut properties = parts::header_properties(generator);
        properties.insert(DATA.to_owned(), data.to_value());
        let data_required = json_schema!({
            "properties": { (DATA): { "type": "object", "required": [STATUS] } },
            "required": [DATA],
        });
        let mut schema = json_schema!({
            "description": "A task-result poll reply: the poll call's own code, and when it is 0 \
                the task's `data.status`",
            "type": "object",
            "properties": properties,
            "required": [CODE],
        });
        let payload =
            payload::payload::<P>(generator, &[CODE, MESSAGE, REQUEST_ID, CODE_DESC, DATA]);
        if let Some(then) = payload.merge(&mut schema, Some(data_required)) {
            schema.insert("if".to_owned(), parts::when_code_is_zero().to_value());
            schema.insert("then".to_owned(), then.to_value());
        }
        schema
    }
}
