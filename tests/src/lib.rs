//! Shared pieces of task-envelope's tests and examples: the sample replies
//! (embedded at compile time, so nothing is read from disk at run time) and
//! resource types as a user would write them.

pub mod checks;
#[cfg(any(feature = "axum", feature = "reqwest"))]
pub mod demo;
pub mod real;

/// The sample replies of `fixtures/`, with their meaning in `fixtures/EXPECTED.md`.
pub mod fixtures {
    /// Declares a constant holding one fixture file.
    macro_rules! fixtures {
        ($($name:ident => $file:literal,)*) => {
            $(
                #[doc = concat!("`fixtures/", $file, "`.")]
                pub const $name: &str = include_str!(concat!("../fixtures/", $file));
            )*

            /// Every fixture as `(file name, contents)`.
            pub const ALL: &[(&str, &str)] = &[$(($file, $name)),*];
        };
    }

    fixtures! {
        COMMON_SUCCESS => "common_success.json",
        COMMON_FAILURE => "common_failure.json",
        BATCH_ALL_SUCCEEDED => "batch_all_succeeded.json",
        BATCH_PARTIAL_FAILURE => "batch_partial_failure.json",
        BATCH_ALL_FAILED => "batch_all_failed.json",
        BATCH_CODE_MISMATCH => "batch_code_mismatch.json",
        BATCH_REJECTED => "batch_rejected.json",
        BATCH_DUPLICATE_ID => "batch_duplicate_id.json",
        JOB_ACCEPTED => "job_accepted.json",
        JOB_REJECTED => "job_rejected.json",
        JOB_REJECTED_SAMPLE_INVALID => "job_rejected_sample.invalid.json",
    }
}

/// Resource types as a user of the crate would declare them.
pub mod resources {
    use task_envelope::{Resource, ResourceId};

    /// The id of a server, as the fixtures spell it (`qcvm...`).
    #[derive(ResourceId)]
    #[resource_id(prefix = "qcvm")]
    pub struct InstanceId(String);

    /// A server.
    #[derive(Resource, Debug, Clone, PartialEq)]
    #[resource(kind = "instance")]
    pub struct Instance {
        /// Its id.
        #[resource(id)]
        pub instance_id: InstanceId,
        /// Its name.
        pub name: String,
    }

    /// The id of a disk.
    #[derive(ResourceId)]
    #[resource_id(prefix = "disk-")]
    pub struct DiskId(String);

    /// A disk, as a tuple struct.
    #[derive(Resource, Debug, Clone, PartialEq)]
    pub struct Disk(#[resource(id)] pub DiskId, pub u64);

    /// A server of the ECS API (`job_id`/`error` dialect), whose id is any
    /// string (a UUID on the real API): sub-jobs name it in
    /// `entities.server_id`.
    #[derive(Resource, Debug, Clone, PartialEq)]
    pub struct Server {
        /// Its id.
        #[resource(id)]
        pub server_id: String,
    }

    /// A resource whose id is a plain `String`.
    #[derive(Resource, Debug, Clone, PartialEq)]
    pub struct Bucket {
        /// Its id, any string.
        #[resource(id)]
        pub name: String,
    }
}

/// Compiles the README's code blocks as doctests, so the quickstart stays true.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
