//! An enum of resources inside a `#![no_implicit_prelude]` module.
#![deny(warnings)]

mod user {
    #![no_implicit_prelude]

    use ::task_envelope_tests::resources::{Bucket, Disk, Instance};

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

    #[derive(::task_envelope::Resource)]
    pub enum One {
        Bucket(Bucket),
    }
}

use task_envelope::BatchResponse;
use task_envelope_tests::resources::{Bucket, Disk, Instance};

fn main() {
    assert_eq!(user::Target::KIND, "target");
    let reply: BatchResponse<user::Target> =
        serde_json::from_str(r#"{"code": 0, "detail": {"disk-1": {"code": 0, "requestId": "r"}}}"#)
            .unwrap();
    let (instances, disks) = reply.split();
    assert_eq!((instances.len(), disks.len()), (0, 1));
    let one: BatchResponse<user::One> =
        serde_json::from_str(r#"{"code": 0, "detail": {"": {"code": 0, "requestId": "r"}}}"#)
            .unwrap();
    let (buckets,) = one.split();
    assert_eq!(buckets.len(), 1);
    let either: BatchResponse<user::Either<Instance, Bucket>> =
        serde_json::from_str(r#"{"code": 0, "detail": {"b": {"code": 0, "requestId": "r"}}}"#)
            .unwrap();
    assert!(matches!(
        either.detail().keys().next(),
        Some(user::EitherId::Right(_))
    ));
    let _ = user::Target::Disk {
        disk: Disk("disk-1".parse().unwrap(), 1),
    }
    .id();
}
