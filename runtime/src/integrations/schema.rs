//! `schemars::JsonSchema` for the reply types, available with the
//! `schemars` feature.
//!
//! The impls are written by hand, like the serde impls they describe: each
//! schema accepts what the type's `Deserialize` accepts from JSON, and what
//! its `Serialize` writes. They use JSON Schema 2020-12, which
//! `schemars::SchemaGenerator::default()` produces; the generator's other
//! settings (draft 7, `OpenAPI` 3) rewrite them through its transforms.
//!
//! # The rules the schemas encode
//!
//! - A **code** ([`Code`](crate::Code)) is an integer in the range of `i64`,
//!   or a string of ASCII digits whose value is in that range (leading zeros
//!   allowed; no sign, no fraction, not empty).
//! - A **task object** (the common reply, each entry of `detail`, a
//!   [`TaskError`](crate::TaskError)) has a required `code`; `message` and
//!   `codeDesc` are each a string or `null`; `requestId` is a string, an
//!   integer that an `i64` or a `u64` holds, or `null`, and is never
//!   required: a success (code 0) without one parses.
//! - A **batch reply** has the fields of a task object and `detail`: an
//!   object or `null`. When the outer code is 0, `detail` is required and is
//!   an object. An object value of `detail` is an entry (a task object)
//!   whose key must be a valid id; any other value is kept, whatever its
//!   key. The ids are given as `patternProperties` (one per prefix) and
//!   exact names (a prefix alone holds no entry), read from the id schemas
//!   this crate writes (`detail.rs`).
//! - A **payload** `P` (`TaskResponse<P>`, `BatchResponse<R, P>`): the
//!   properties of `P`'s schema stand beside the envelope's, its
//!   `additionalProperties` judges the fields neither names, and its
//!   required fields are required when the code is 0 (`payload.rs`). With
//!   `P = ()` every unclaimed field is allowed.
//! - A **resource id** made with `#[derive(ResourceId)]` is a non-empty
//!   string; with a prefix, the pattern `^<prefix>[\s\S]` (the prefix escaped)
//!   requires the prefix and at least one character after it.
//! - The **id enum of an enum of resources** (a task-chain target, made with
//!   `#[derive(Resource)]` on an enum) is one of its variants' id schemas: an
//!   id that starts with a variant's prefix must follow that variant's schema,
//!   and an id that starts with no prefix the unprefixed variant's (if any).
//! - A **task-result poll reply** ([`TaskStatus`](crate::TaskStatus)) has
//!   the fields of a task object and `data`, an object or `null` whose
//!   `status` is a code; when the code is 0, `data` is required and holds
//!   `status` (`task_status/`).
//! - A **job reply** has exactly one of `job_id` (a string) and an error
//!   body: `error` (an object with a required `code`, a string or an integer
//!   that an `i64` or a `u64` holds; `message` a string or `null`; `details`
//!   an array of objects with optional `code` and `message`, or `null`), or
//!   one of the other shapes [`ApiError`](crate::ApiError) reads, in its
//!   order. With a payload that keeps fields, a fault object counts only
//!   under the envelope's keys.
//! - A **synchronous batch reply** has `response` and `internalError`
//!   (arrays of objects with a required `id`, or `null`) and an error
//!   body's fields; it must hold a list or an error (`sync_batch/`).
//! - A **job status** and each sub-job have `status` and `job_id` (strings,
//!   required), text fields that may be `null`, an `error_code` like the
//!   `error`'s codes, and `entities` (or `null`) holding the resource id under
//!   [`Resource::ID_FIELD`](crate::Resource::ID_FIELD); the job's own
//!   `entities` also holds `sub_jobs_total` (an integer from 0 to `u64::MAX`)
//!   and `sub_jobs`. The job's keys of an error body may hold anything. The
//!   key of the id is one kind's: a task-chain enum's job status has no
//!   schema, as the first id key in wire order chooses its kind.
//! - A **batch outcome** is a unit variant's name, or `Rejected` with its
//!   code (`{"Rejected": {"code": 4000}}`, or `[4000]`).
//! - **Unknown fields** are allowed everywhere, as parsing ignores them
//!   (or hands them to a payload, whose schema then judges them).
//!
//! # What no schema can say
//!
//! A validator judges the parsed value, not the text. A repeated key (a
//! resource id twice in `detail`, or any field twice) is a parse error here,
//! but the validator's JSON parser has already kept one of the two values.
//! And JSON Schema compares numbers by value, so `5.0`, `5e0` and `-0` are
//! integers to it, while `serde_json` reads them as floating point and this
//! crate refuses them as codes or counts. Both limits are documented on the
//! `JsonSchema` impl of [`BatchResponse`](crate::BatchResponse) and tested in
//! `tests/tests/schema.rs`. A third is the synchronous batch reply's: a
//! resource named twice in its lists is a parse error, and no keyword
//! compares one field of the items of arrays (`uniqueItems` compares whole
//! items); it is documented on that impl.
//!
//! Field names are spelled once, in [`names`]. The `#[derive(ResourceId)]`
//! impl comes from `__private::resource_id_schema!`, which the derive always
//! invokes and which expands to nothing without this feature; the id enum of
//! an enum of resources gets its impl from `__private::task_chain_id_schema!`
//! in the same way, with the schema of [`chain`].

mod batch;
mod chain;
mod detail;
mod job;
mod job_status;
mod names;
mod outcome;
mod parts;
mod payload;
mod sync_batch;
mod task;
mod task_status;

pub(crate) use parts::resource_id;
// What the id enum of an enum of resources names, through `__private`.
pub use chain::{ChainIdVariant, chain_id_schema, chain_schema_id, chain_schema_name};
