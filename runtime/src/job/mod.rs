//! The `job_id`/`error` (OpenStack-style) dialect: the reply to a job
//! submission ([`JobResponse`]), the error body of a refused request
//! ([`ApiError`], [`ErrorDetail`]), and what a job id is polled for
//! ([`JobStatus`], [`JobEntities`], [`SubJob`], [`JobState`]).
//!
//! Each type's module holds the type and its methods; its `Deserialize` is
//! in `de.rs` below it, its `Serialize` in `ser.rs` (only [`JobState`],
//! written as one string, keeps its two short impls beside it):
//!
//! - `keys.rs`: the dialect's field names and the `Key` every reader tells
//!   them apart by (the writers and the schemas use the same names).
//! - `response.rs`: [`JobResponse`].
//! - `error.rs`: [`ApiError`], [`ErrorShape`], [`ErrorDetail`]. `error/body.rs`
//!   collects an error body's fields while any reply of the dialect is read
//!   (a job reply, a job status, a synchronous batch reply) and decides the
//!   shape; `error/wrapped.rs` reads the `error` object as it streams,
//!   `error/fields.rs` takes a flat shape's fields out of the kept values,
//!   and `error/compact.rs` reads them in a compact format.
//! - `state.rs`: [`JobState`].
//! - `status.rs`: [`JobStatus`], [`JobEntities`], [`SubJob`]; building them
//!   in `status/build.rs`, judging a job in `status/judge.rs`
//!   ([`JobStatusError`]), and the key of a resource's id in `entities` in
//!   `status/entity_id.rs`. Reading a status: `status/de.rs` (the envelope),
//!   `status/de/job_fields.rs` (the fields a job and a sub-job share) and
//!   `status/de/entities.rs` (`entities` and the sub-jobs, which read each
//!   other).
//!
//! Imports go one way: a module imports from `keys`, `state`, the module of
//! the types it reads or writes, and the helpers beside it, never from a
//! module that imports it; this file only declares and re-exports.

mod error;
pub(crate) mod keys;
mod response;
mod state;
mod status;

pub use error::{ApiError, ErrorDetail, ErrorShape};
pub use response::JobResponse;
pub use state::JobState;
pub use status::judge::JobStatusError;
pub use status::{JobEntities, JobStatus, SubJob};

pub(crate) use error::body::ErrorBody;
