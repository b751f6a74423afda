//! A job status over an enum of resources, inside a `#![no_implicit_prelude]`
//! module: the generated hooks name everything by its full path.
#![deny(warnings)]

mod user {
    #![no_implicit_prelude]

    use ::task_envelope_tests::resources::{Disk, Instance};

    #[derive(::task_envelope::Resource)]
    pub enum Target {
        Instance(Instance),
        Disk { disk: Disk },
    }

    #[derive(::task_envelope::Resource)]
    pub enum Either<A, B: ::task_envelope::Resource>
    where
        A: ::core::fmt::Debug,
    {
        Left(A),
        Right(B),
    }
}

use task_envelope::{BatchOutcome, JobStatus};
use task_envelope_tests::resources::{Disk, Instance};

fn main() {
    // `Instance` keys its id `instance_id`, `Disk` (a tuple struct) `0`.
    let status: JobStatus<user::Target> = serde_json::from_str(
        r#"{"status": "FAIL", "job_id": "j", "entities": {"sub_jobs": [
            {"status": "SUCCESS", "job_id": "a", "entities": {"instance_id": "qcvm1"}},
            {"status": "FAIL", "job_id": "b", "entities": {"0": "disk-1"}}]}}"#,
    )
    .unwrap();
    assert!(matches!(
        status.entities.sub_jobs[1].resource_id,
        Some(user::TargetId::Disk(_))
    ));
    assert_eq!(status.outcome(), Some(BatchOutcome::PartialFailure));
    let generic: JobStatus<user::Either<Instance, Disk>> = serde_json::from_str(
        r#"{"status": "SUCCESS", "job_id": "j", "entities": {"instance_id": "qcvm1"}}"#,
    )
    .unwrap();
    assert!(matches!(
        generic.entities.resource_id,
        Some(user::EitherId::Left(_))
    ));
}
