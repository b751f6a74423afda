//! Typed envelopes for the replies of cloud *asynchronous task* APIs.
//!
//! A task API answers "I accepted your job" rather than "here is the result".
//! In the code/requestId dialect (legacy cloud API 2.0 style) that answer is
//! a [`TaskResponse`] for one resource, or a [`BatchResponse`] for many, whose
//! outer code summarises the per-resource results: **0** when every resource
//! succeeded, **5100** when every one failed, **5400** when some failed.
//!
//! Describe your resource with `#[derive(Resource)]`, and the batch reply is
//! keyed by its id type:
//!
//! ```
//! use task_envelope::{BatchOutcome, BatchResponse, Code, OneLine, RequestId, Resource, ResourceId, TaskError};
//!
//! #[derive(ResourceId)]
//! #[resource_id(prefix = "ins-")]
//! struct InstanceId(String);
//!
//! #[derive(Resource)]
//! #[resource(kind = "instance")]
//! struct Instance {
//!     #[resource(id)]
//!     instance_id: InstanceId,
//!     name: String,
//! }
//!
//! // Parse a reply: order kept, duplicates refused, errors that name the resource.
//! let reply: BatchResponse<Instance> = serde_json::from_str(r#"{
//!     "code": 5400, "message": "some resources failed",
//!     "detail": {
//!         "ins-1": {"code": 0, "message": "", "requestId": "1231231231231"},
//!         "ins-2": {"code": 4001, "message": "quota exceeded", "requestId": "1231231231232"}
//!     }
//! }"#)?;
//! assert_eq!(reply.verify(), Ok(BatchOutcome::PartialFailure));
//! for (id, failure) in reply.failed() {
//!     // `OneLine`: the id came from the wire; print it escaped.
//!     println!("{}: {failure}", OneLine(id)); // ins-2: code 4001: quota exceeded (requestId 1231231231232)
//! }
//!
//! // Build a reply: the outer code follows from the entries.
//! let built = BatchResponse::<Instance>::from_results([
//!     ("ins-1".parse()?, Ok(RequestId::from("1231231231231"))),
//!     ("ins-2".parse()?, Err(TaskError::new(Code::new(4001), "quota exceeded"))),
//! ]);
//! assert_eq!(built.code(), Code::PARTIAL_FAILURE);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Where to look
//!
//! - [`Resource`], [`ResourceId`] and their derives: your resource types;
//!   [`ResourceKey`] names what an id type must be, and [`IdError`] says why
//!   a string is not an id. [`ById`] keys a batch by an id type alone
//!   (`BatchResponse<ById<String>>`), with no resource struct to name it.
//! - [`Code`], [`RequestId`], [`JobId`]: the values on the wire.
//! - The code/requestId dialect: [`TaskResponse`] and [`TaskError`] (the
//!   common reply and its failure); [`BatchResponse`], [`BatchOutcome`] and
//!   [`BatchError`] (the batch reply, the outer-code rule, and what
//!   [`BatchResponse::verify`] reports); [`BatchResponseRef`], the same
//!   reply with ids and text borrowed from the input ([`IdRef`], [`TaskRef`],
//!   [`RequestIdRef`], [`Text`]); [`TaskStatus`] and [`TaskState`] (what
//!   polling a task number answers) with [`wait_for_task`] and
//!   [`TaskWaitError`]. [`Code`] and [`RequestId`] keep the form they came
//!   in. Every reply type takes a payload type `P` for the action's own
//!   fields (`dealIds`, `unLoadBalancerIds`, `data`): see [`TaskResponse`].
//! - Task chains, one batch over several kinds of resource:
//!   `#[derive(Resource)]` on an enum of resources implements [`BatchTarget`]
//!   (what a batch is keyed by; every [`Resource`] is one) and [`TaskChain`]
//!   ([`BatchResponse::split`] into one typed batch per kind).
//! - The `job_id`/`error` dialect: [`JobResponse`], [`ApiError`] and
//!   [`ErrorDetail`] (the submission reply); [`JobStatus`], [`JobState`],
//!   [`JobEntities`], [`SubJob`] and [`JobStatusError`] (what a job id is
//!   polled for, and what [`JobStatus::verify`] reports); [`wait_for_job`],
//!   [`Backoff`] with its [`Delays`], and [`WaitError`] (polling on any async
//!   runtime); [`SyncBatchResponse`] and [`SyncFailure`] (the reply of a
//!   synchronous batch action: `response`, or `internalError` naming each
//!   resource that failed).
//! - Both dialects: [`BatchReport`] gives each resource's
//!   [`ResourceReport`] ([`ResourceStatus`], [`ResourceFailure`],
//!   [`TaskHandle`]), so failure handling is written once.
//! - [`AnyValue`] and [`OtherFields`]: fields no type claims, kept as they
//!   came so that writing a parsed reply gives back the same value;
//!   [`ErrorShape`], the shape an [`ApiError`] came in; [`OneLine`], for
//!   printing wire data (ids included) safely to a terminal or a log.
//! - Over HTTP: the `axum` and `reqwest` features (see below).

//! # Formats
//!
//! The types implement `serde`'s traits by hand and depend on no format.
//! Every reply type is written and read back by `serde_json`, CBOR
//! (`ciborium`), `MessagePack` (`rmp-serde`), `postcard`, `bincode` 2 (its
//! serde API), RON and YAML (`serde_norway`), in the order it was written,
//! as the tests' format matrix checks:
//!
//! - Human-readable formats (JSON, RON, YAML) keep the wire form: a quoted
//!   code stays quoted, an integer request id stays an integer, a `null`
//!   stays `null`. A field that may be `null` (`detail`, `data`,
//!   `entities`, ...) is written as serde writes an `Option` (RON reads
//!   `Some(..)` and `None` only), which JSON and YAML write bare.
//! - Compact formats keep the values, not their forms: a code is written
//!   and read as an integer, a request id and every code of the
//!   `job_id`/`error` dialect as a string, and a `null` is left out
//!   (equality ignores these forms). A compact format refuses another form
//!   itself (CBOR and `MessagePack` refuse a quoted code), and its error is
//!   given the field's name, as JSON's are (``"`code`: ..."``).
//! - Values of unknown shape ([`AnyValue`], an entry's [`OtherFields`], a
//!   `detail` value that is not an entry, a job's other entity fields, a
//!   map payload) take `deserialize_any` to read. CBOR and `MessagePack`
//!   read them; `bincode` and `postcard`, which are not self-describing,
//!   write them but refuse them when reading, with an error that names the
//!   field (``"`taskId` of resource `b`, kept as it came (which takes a
//!   self-describing format): ..."``). Writing cannot refuse them instead:
//!   serde does not tell a serializer for bincode from one for CBOR. A
//!   reply without such values reads back from every format. (`postcard`
//!   drops the text of every error but its own, so its errors name
//!   nothing.)
//! - TOML reads back the values but not the order: its parser keeps a
//!   table's keys sorted (unless the `toml` crate's `preserve_order`
//!   feature is on), so `detail` comes back in key order, which
//!   [`BatchResponse`]'s equality sees; it has no `null`, so a field that
//!   came as `null` comes back absent; and it writes only tables at the
//!   top level.
//! - [`BatchResponseRef`] borrows its text from every format that lends
//!   (JSON, `MessagePack`, `postcard`, `bincode`, RON, YAML; not `ciborium`,
//!   which reads from an `io::Read`). Asked for a borrowed string, `ciborium`
//!   gives one only up to its 4 KiB scratch buffer, so the borrowed view
//!   refuses longer text from CBOR; the owned replies ask for owned strings
//!   and read text of any length from every format.
//!
//! # Bad input and limits
//!
//! No input panics: every refusal is an `Err` of the format's error type, and
//! with `serde_json` each error carries its position (`at line L column C`).
//!
//! | input | what it gets |
//! |---|---|
//! | not JSON: cut short, trailing text, invalid UTF-8, a lone surrogate, a byte-order mark | `serde_json`'s own syntax or end-of-input error |
//! | a value of the wrong type | an error naming the field and where it is: ``invalid type: boolean `true`, expected `code` of resource `ins-2` to be an integer or a string of digits`` |
//! | a code that is a float, a boolean, beyond `i64`, `""` or `"5.4e3"` | the same, saying what was found; a negative integer is a failure code like any other non-zero code |
//! | a missing required field | `missing field ...`, naming the place (`` `status` in `entities.sub_jobs[1]` ``) |
//! | a repeated key, a repeated resource id in `detail` | an error naming the key or the id |
//! | nesting where a reply value is expected | refused at the first bracket, whatever the depth |
//! | unknown fields | at the top level, read by the payload type, or skipped at any depth when it keeps nothing (`serde_json` skips with a loop, not recursion); inside a `detail` entry, kept as they came ([`OtherFields`]), up to 128 levels deep, deeper being refused with an error naming the limit; in a compact format (CBOR, `MessagePack`, which hand each level to the visitor) skipped or kept up to 32 levels, so that a 256 KiB stack holds, whatever the format's own limit |
//!
//! Limits that exist:
//!
//! - The number of entries and the length of messages and ids are limited by
//!   memory only (a parsed batch entry takes about 160 to 250 bytes, as
//!   measured by the size tests).
//! - Error messages show at most 200 characters of a resource id, cut with `…`,
//!   at most 120 characters (escapes counted) of a string found where it
//!   does not belong, with its length, and at most 300 characters of a
//!   provider's error that a failed status query answered; they escape
//!   control characters and
//!   the characters that hide or reorder text ([`OneLine`]), so every error
//!   this crate writes is one short line whatever the input. (An error of
//!   your payload type `P` is written by `P`'s own `Deserialize`.)
//! - Resource ids are compared as the wire spells them, after JSON
//!   unescaping but without Unicode normalisation: `"café"` written with
//!   U+00E9 and with `e` + U+0301 are two ids, two entries.
//! - Invalid UTF-8 inside a field that nothing keeps (skipped with `P = ()`)
//!   is not looked at: `serde_json` skips the bytes of a string it ignores
//!   without checking them. Every string that is kept is checked.
//! - At most 4 096 entries are reserved up front from a format's (or, for
//!   `from_results` and `from_tasks`, an iterator's) size hint, so
//!   a hostile hint cannot allocate before entries arrive.
//! - The reply types nest only as deep as their fixed shape (at most five
//!   levels), well inside `serde_json`'s recursion limit of 128. What is
//!   kept as it came ([`AnyValue`], [`OtherFields`]) nests at most 128
//!   levels, and so does what is skipped in a format that hands the parts of
//!   a skipped value to the reader (CBOR, `MessagePack`): past that, an error
//!   naming the limit, never a stack overflow.
//!
//! # Features
//!
//! | feature | what it adds | extra dependencies |
//! |---|---|---|
//! | `derive` (default) | `#[derive(Resource)]` and `#[derive(ResourceId)]` | `task-envelope-macros` |
#![cfg_attr(
    feature = "axum",
    doc = "| `axum` | `IntoResponse` for [`TaskResponse`], [`BatchResponse`], [`BatchResponseRef`], [`JobResponse`] and [`JobStatus`]: JSON with its `Content-Type`, `200` for the code/requestId dialect and an accepted job, `400` for a rejected job | `axum-core`, `http`, `serde_json` |"
)]
#![cfg_attr(
    not(feature = "axum"),
    doc = "| `axum` | `IntoResponse` for the reply types: JSON with its `Content-Type`, `200` for the code/requestId dialect and an accepted job, `400` for a rejected job | `axum-core`, `http`, `serde_json` |"
)]
#![cfg_attr(
    feature = "reqwest",
    doc = "| `reqwest` | [`ResponseExt::task_reply`] on `reqwest::Response`, and [`ReplyError`] (keeps the HTTP status, the request id and the body) | `reqwest` without TLS, `serde_json` |"
)]
#![cfg_attr(
    not(feature = "reqwest"),
    doc = "| `reqwest` | `ResponseExt::task_reply` on `reqwest::Response`, and `ReplyError` (keeps the HTTP status, the request id and the body) | `reqwest` without TLS, `serde_json` |"
)]
//! | `schemars` | `schemars::JsonSchema` for every reply type (a job status keyed by one kind of resource: not by a task-chain enum), for ids made with `#[derive(ResourceId)]` and for the id enums of task chains | `schemars` |
//!
//! An item that needs a feature says so in its docs. The default features
//! pull in none of axum, reqwest, tokio or schemars.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
// Pedantic lints that do not fit here, each with why:
// - `must_use_candidate`: the getters that matter carry `#[must_use]`; marking
//   every function adds noise without catching bugs.
#![allow(clippy::must_use_candidate)]

mod any_value;
mod batch;
mod code;
mod ids;
mod job;
mod other_fields;
mod outcome;
mod poll;
mod report;
mod resource;
mod rule;
mod sync_batch;
mod task;
mod task_status;
mod text;
mod wire;

mod integrations;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

// The traits through which the derives check a user's types, named at the
// root so that rustc's errors call them `StringLike`, `IsResourceKey` and
// `DistinctKinds` rather than spelling out the hidden `__private` path.
#[doc(hidden)]
pub use __private::{DistinctKinds, IsResourceKey, StringLike};

// Lets the derives' `::task_envelope::...` paths resolve inside this crate's own tests.
extern crate self as task_envelope;

pub use any_value::AnyValue;
pub use batch::borrowed::{BatchResponseRef, IdRef, RequestIdRef, TaskRef, Text};
pub use batch::chain::TaskChain;
pub use batch::{BatchResponse, DetailHasher, DetailMap, IdHasher};
pub use code::Code;
pub use ids::{JobId, RequestId};
pub use job::{
    ApiError, ErrorDetail, ErrorShape, JobEntities, JobResponse, JobState, JobStatus,
    JobStatusError, SubJob,
};
pub use other_fields::OtherFields;
pub use outcome::{BatchError, BatchOutcome};
pub use poll::{Backoff, Delays, WaitError, wait_for_job, wait_for_job_until};
pub use report::{BatchReport, ResourceFailure, ResourceReport, ResourceStatus, TaskHandle};
pub use resource::{BatchTarget, ById, IdError, Resource, ResourceId, ResourceKey};
pub use sync_batch::{SyncBatchResponse, SyncFailure};
pub use task::{TaskError, TaskResponse};
pub use task_status::{TaskState, TaskStatus, TaskWaitError, wait_for_task};
pub use text::OneLine;

#[cfg(feature = "json")]
pub use integrations::json::from_slice;
#[cfg(feature = "reqwest")]
pub use integrations::reqwest::{ReplyError, ResponseExt};

/// The crate behind [`DetailMap`], re-exported so that code naming its types
/// uses the version this crate was built with.
///
/// # Policy: indexmap 2 is part of this crate's API
///
/// A decision, written down: [`BatchResponse::detail`] (and
/// [`BatchResponseRef::detail`]) lend the map itself, a [`DetailMap`] (an
/// `indexmap::IndexMap` with [`DetailHasher`]), and [`BatchResponse::iter`]
/// and `&BatchResponse`'s `IntoIterator` give `indexmap::map::Iter`. That
/// keeps the whole of `IndexMap`'s reading API (by position, `get_full`,
/// `keys`, slices) for free, at a price: **a new major version of
/// `indexmap` is a breaking release of `task-envelope`** (the next 0.x
/// minor while it is 0.x), listed as such in the changelog, never a silent
/// patch.
///
/// - Name these types through this re-export (`task_envelope::indexmap::...`)
///   rather than a direct dependency, so the versions cannot drift apart.
/// - Code that should not depend on `indexmap` at all can keep to
///   [`BatchResponse::get`], [`len`](BatchResponse::len),
///   [`failed`](BatchResponse::failed),
///   [`succeeded`](BatchResponse::succeeded) and the iterator methods of
///   `iter()` (whose type it then never names).
pub use indexmap;

/// Derives [`Resource`] for a struct with one field marked `#[resource(id)]`,
/// or [`BatchTarget`] and [`TaskChain`] for an enum of resources.
///
/// On a struct, see the [`Resource`] trait for what it generates and the
/// attributes it accepts.
///
/// On an enum whose variants each hold one field whose type implements
/// [`Resource`] (`Instance(Instance)` or `Disk { disk: Disk }`), it
/// generates, for a task-chain batch that mixes the ids of several kinds:
///
/// - the id enum `<Enum>Id` (`#[resource(id_type = "...")]` renames it), a
///   variant per resource holding that resource's id, with `Debug`, `Clone`,
///   `PartialEq`, `Eq`, `Hash`, `Display`, `FromStr`, `AsRef<str>`,
///   `Serialize`, `Deserialize` (a plain string) and [`ResourceId`], but not
///   `Borrow<str>` (its text alone does not say which kind it is: look it up
///   by value, `reply.get(&"ins-1".parse::<TargetId>()?)`): an id goes to the
///   variant whose id prefix it starts with, else to the one variant without
///   a prefix, else it is refused with [`IdError::NoKind`];
/// - [`BatchTarget`] keyed by that id enum, and [`TaskChain`] for
///   [`BatchResponse::split`];
/// - an inherent `KIND` (`#[resource(kind = "...")]`, or the enum's name in
///   `snake_case`) and `id(&self)`, which returns the variant's id by value.
///
/// Refused at compile time, under the offending tokens: a variant without a
/// field or with several, an enum without variants, a field type that is not
/// a [`Resource`] or whose id type is not a [`ResourceId`], and two variants
/// that could take the same id (both without a prefix, or one prefix
/// starting the other; for a generic enum, where its id type is first used).
///
/// ```
/// use task_envelope::{BatchResponse, Code, Resource, ResourceId};
///
/// #[derive(ResourceId)]
/// #[resource_id(prefix = "ins-")]
/// struct InstanceId(String);
/// #[derive(Resource)]
/// struct Instance { #[resource(id)] instance_id: InstanceId }
///
/// #[derive(ResourceId)]
/// #[resource_id(prefix = "disk-")]
/// struct DiskId(String);
/// #[derive(Resource)]
/// struct Disk { #[resource(id)] disk_id: DiskId }
///
/// #[derive(Resource)]
/// enum Target { Instance(Instance), Disk(Disk) }
///
/// let reply: BatchResponse<Target> = serde_json::from_str(r#"{"code": 5400, "detail": {
///     "ins-1": {"code": 0, "requestId": "r-1"},
///     "disk-1": {"code": 4002, "message": "attached"}}}"#)?;
/// assert!(matches!(reply.failed().next(), Some((TargetId::Disk(_), _))));
/// let (instances, disks) = reply.split();
/// assert_eq!((instances.code(), disks.code()), (Code::SUCCESS, Code::ALL_FAILED));
/// assert_eq!(Target::KIND, "target");
///
/// let unknown = "vol-1".parse::<TargetId>().unwrap_err();
/// assert_eq!(
///     unknown.to_string(),
///     "invalid TargetId `vol-1`: it is the id of none of the kinds tried (instance, disk)",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "derive")]
pub use task_envelope_macros::Resource;

/// Derives [`ResourceId`] and everything an id needs (`Debug`, `Clone`,
/// `PartialEq`, `Eq`, `Hash`, `Borrow<str>`, `Display`, `FromStr`,
/// `AsRef<str>`, `Serialize`, `Deserialize`) for a one-field tuple struct
/// over `String`, with an optional `#[resource_id(prefix = "...")]`: see
/// [`ResourceId`].
#[cfg(feature = "derive")]
pub use task_envelope_macros::ResourceId;
