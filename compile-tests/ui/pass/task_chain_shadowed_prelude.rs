//! An enum of resources in a module that shadows the prelude's names: the
//! generated code must not use any of them unqualified.
#![deny(warnings)]
#![allow(dead_code, non_camel_case_types, non_upper_case_globals)]

mod user {
    struct Result;
    struct Ok;
    struct Err;
    struct Option;
    struct Some;
    struct None;
    struct String;
    struct Vec;
    struct Box;
    struct str;
    struct bool;
    struct usize;
    struct Default;
    struct Clone;
    struct Copy;
    struct From;
    struct Into;
    struct AsRef;
    struct Debug;
    struct Display;
    struct PartialEq;
    struct Eq;
    struct Hash;
    struct Hasher;
    struct FromStr;
    struct Serialize;
    struct Deserialize;
    struct Iterator;
    struct IntoIterator;
    trait Resource {}
    trait ResourceId {}
    trait BatchTarget {}
    trait TaskChain {}
    mod serde {}
    mod task_envelope {}
    mod core {}
    mod std {}
    // Unit structs and constants that a generated binding could collide with.
    struct id;
    struct f;
    struct task;
    struct resource;
    const other: u8 = 0;
    const state: u8 = 0;
    const whole: u8 = 0;
    const detail: u8 = 0;
    const parts: u8 = 0;
    const batch: u8 = 0;

    use ::task_envelope_tests::resources::{Bucket, Disk, Instance};

    #[derive(::task_envelope::Resource)]
    #[resource(kind = "target")]
    pub enum Target {
        Instance(Instance),
        Disk { disk: Disk },
        Bucket(Bucket),
    }

    #[derive(::task_envelope::Resource)]
    pub enum Either<A, B> {
        Left(A),
        Right(B),
    }
}

use task_envelope::{BatchResponse, ResourceId};
use task_envelope_tests::resources::{Disk, Instance};

fn main() {
    assert_eq!(user::Target::KIND, "target");
    let reply: BatchResponse<user::Target> = serde_json::from_str(
        r#"{"code": 5400, "detail": {"qcvm1": {"code": 0, "requestId": "r"}, "x": {"code": 1, "message": "no"}}}"#,
    )
    .unwrap();
    let ids: Vec<String> = reply.detail().keys().map(ToString::to_string).collect();
    assert_eq!(ids, ["qcvm1", "x"]);
    assert_eq!(
        reply.detail().keys().next().cloned(),
        Some("qcvm1".parse::<user::TargetId>().unwrap())
    );
    let (instances, disks, buckets) = reply.split();
    assert_eq!((instances.len(), disks.len(), buckets.len()), (1, 0, 1));
    let disk = user::Target::Disk {
        disk: Disk("disk-1".parse().unwrap(), 2),
    };
    assert_eq!(disk.id().as_str(), "disk-1");
    let either: user::Either<Instance, Disk> = user::Either::Left(Instance {
        instance_id: "qcvm2".parse().unwrap(),
        name: String::new(),
    });
    assert_eq!(either.id().to_string(), "qcvm2");
}
