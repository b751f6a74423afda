//! The schemas of what a job id is polled for: [`JobState`], [`JobStatus`],
//! [`JobEntities`], [`SubJob`]. The resource id sits under the key
//! [`Resource::ID_FIELD`], so these schemas are built at run time.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::job::body_keys;
use super::names::{
    BEGIN_TIME, END_TIME, ENTITIES, ERROR_CODE, ERRORCODE_MESSAGE, FAIL_REASON, JOB_ID, JOB_TYPE,
    KNOWN_STATES, STATUS, SUB_JOBS, SUB_JOBS_TOTAL,
};
use super::parts;
use super::payload::{self, Payload};
use crate::job::keys::Key;
use crate::{JobEntities, JobId, JobState, JobStatus, Resource, SubJob};

/// Available with the `schemars` feature: any string (a state this crate
/// does not know is kept, never refused); the known ones are listed as
/// `examples`.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl JsonSchema for JobState {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("JobState")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("task_envelope::JobState")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "examples": KNOWN_STATES })
    }
}

/// The name and id of the schema of `Type<R>`: it depends on `R` only
/// through the key of the resource id and the id's own schema.
fn names<R: Resource>(ty: &str) -> (Cow<'static, str>, Cow<'static, str>)
where
    R::Id: JsonSchema,
{
    let name = format!("{ty}_for_{}", R::ID_FIELD);
    let id = format!(
        "task_envelope::{ty}<{}: {}>",
        R::ID_FIELD,
        R::Id::schema_id()
    );
    (Cow::Owned(name), Cow::Owned(id))
}

/// The fields a job and a sub-job share, plus their `entities`: `status`
/// and `job_id` strings (required, not `null`); `job_type`, `begin_time`,
/// `end_time`, `fail_reason` strings or `null`; `error_code` a string, an
/// integer or `null`.
fn job_object(generator: &mut SchemaGenerator, description: &str, entities: &Schema) -> Schema {
    json_schema!({
        "description": description,
        "type": "object",
        "properties": {
            (STATUS): generator.subschema_for::<JobState>(),
            (JOB_ID): generator.subschema_for::<JobId>(),
            (JOB_TYPE): parts::nullable_text(),
            (BEGIN_TIME): parts::nullable_text(),
            (END_TIME): parts::nullable_text(),
            (ERROR_CODE): parts::code_text(true),
            (FAIL_REASON): parts::nullable_text(),
            (ENTITIES): parts::or_null(entities),
        },
        "required": [STATUS, JOB_ID],
    })
}

/// Available with the `schemars` feature, for ids whose type implements
/// `JsonSchema` and every payload type `P` that implements `JsonSchema` (the
/// default `()` included): an object with `status` and `job_id` (strings,
/// required), `job_type`, `begin_time`, `end_time` and `fail_reason`
/// (strings or `null`), `error_code` (a string, an integer or `null`), and
/// `entities` (see [`JobEntities`]' schema, or `null`). The keys an error
/// body is read from (`error`, `code`, `message`, the fault names such as
/// `badRequest`, ...) may hold anything: a status keeps them leniently.
/// Other fields are allowed with `P = ()`; with another payload they are
/// judged as in [`TaskResponse`](crate::TaskResponse)'s schema, and the
/// payload's required fields are always required (a status is the query's
/// success).
///
/// `R` is a [`Resource`], not any [`BatchTarget`](crate::BatchTarget): for
/// a task-chain enum the kind of a sub-job's resource is chosen by the
/// first id key in wire order when its `entities` hold the keys of two
/// kinds (the other is kept as it came), and a JSON Schema judges the parsed
/// object, whose key order it cannot see; so no schema could accept exactly
/// what parsing accepts there.
///
/// ```
/// use task_envelope::{JobStatus, Resource};
///
/// #[derive(Resource)]
/// struct Server {
///     #[resource(id)]
///     server_id: String,
/// }
///
/// let schema = schemars::schema_for!(JobStatus<Server>);
/// let entities = schema.pointer("/$defs/JobEntities_for_server_id/properties").unwrap();
/// assert_eq!(entities["server_id"]["anyOf"][0]["type"], "string");
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl<R: Resource, P: JsonSchema> JsonSchema for JobStatus<R, P>
where
    R::Id: JsonSchema,
{
    fn schema_name() -> Cow<'static, str> {
        let name = names::<R>("JobStatus").0;
        if payload::is_unit::<P>() {
            name
        } else {
            Cow::Owned(format!("{name}_and_{}", P::schema_name()))
        }
    }

    fn schema_id() -> Cow<'static, str> {
        let id = names::<R>("JobStatus").1;
        if payload::is_unit::<P>() {
            id
        } else {
            let id = id.strip_suffix('>').unwrap_or(&id);
            Cow::Owned(format!("{id}, {}>", P::schema_id()))
        }
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let entities = generator.subschema_for::<JobEntities<R>>();
        let mut schema = job_object(generator, "The status of a job", &entities);
        // The fields of a job, which the envelope claims, then an error body's.
        let job_fields = Key::JOB.map(Key::name);
        let mut claimed = job_fields.to_vec();
        claimed.extend(
            body_keys()
                .into_iter()
                .filter(|key| !job_fields.contains(key)),
        );
        let payload = payload::payload::<P>(generator, &claimed);
        if matches!(payload, Payload::Object { .. }) {
            // The keys of an error body, any value, so that the payload's
            // `additionalProperties` judges only the others.
            if let Some(serde_json::Value::Object(properties)) = schema.get_mut("properties") {
                for key in &claimed {
                    properties
                        .entry((*key).to_owned())
                        .or_insert(serde_json::Value::Bool(true));
                }
            }
        }
        if let Some(required) = payload.merge(&mut schema, None) {
            schema.insert("allOf".to_owned(), serde_json::json!([required]));
        }
        schema
    }
}

/// Available with the `schemars` feature, for ids whose type implements
/// `JsonSchema` (`R` a [`Resource`]: see [`JobStatus`]' schema for why not
/// a task-chain enum): an object with the resource id under the key
/// [`R::ID_FIELD`](Resource::ID_FIELD) (the id's schema, or `null`),
/// `sub_jobs_total` (a non-negative integer that a `u64` holds, or `null`)
/// and `sub_jobs` (an array of [`SubJob`] objects, or `null`). Other fields
/// are allowed. When the id's key is itself `sub_jobs_total` or `sub_jobs`,
/// the id wins, as it does when parsing.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl<R: Resource> JsonSchema for JobEntities<R>
where
    R::Id: JsonSchema,
{
    fn schema_name() -> Cow<'static, str> {
        names::<R>("JobEntities").0
    }

    fn schema_id() -> Cow<'static, str> {
        names::<R>("JobEntities").1
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let sub_jobs = json_schema!({
            "type": "array",
            "items": generator.subschema_for::<SubJob<R>>(),
        });
        // Inserted last, so that the id's schema replaces another of the
        // same key, as the parser reads that key as the id.
        let id = parts::or_null(&generator.subschema_for::<R::Id>());
        json_schema!({
            "description": "What a job is about: its resource, or its sub-jobs",
            "type": "object",
            "properties": {
                (SUB_JOBS_TOTAL): parts::count(),
                (SUB_JOBS): parts::or_null(&sub_jobs),
                (R::ID_FIELD): id,
            },
        })
    }
}

/// Available with the `schemars` feature, for ids whose type implements
/// `JsonSchema` (`R` a [`Resource`], as for [`JobStatus`]' schema): the
/// fields of [`JobStatus`]'s schema, with `entities` an
/// object (or `null`) that holds the resource id under the key
/// [`R::ID_FIELD`](Resource::ID_FIELD) (the id's schema, or `null`) and
/// `errorcode_message` (a string or `null`). A sub-job's `entities` has no
/// `sub_jobs`: parsing keeps them there as other fields, whatever they hold,
/// and so does the schema.
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl<R: Resource> JsonSchema for SubJob<R>
where
    R::Id: JsonSchema,
{
    fn schema_name() -> Cow<'static, str> {
        names::<R>("SubJob").0
    }

    fn schema_id() -> Cow<'static, str> {
        names::<R>("SubJob").1
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let id = parts::or_null(&generator.subschema_for::<R::Id>());
        // Inserted last, so that the id's schema replaces another of the
        // same key, as the parser reads that key as the id.
        let entities = json_schema!({
            "type": "object",
            "properties": {
                (ERRORCODE_MESSAGE): parts::nullable_text(),
                (R::ID_FIELD): id,
            },
        });
        job_object(
            generator,
            "One sub-job of a batch job: one resource's part",
            &entities,
        )
    }
}
