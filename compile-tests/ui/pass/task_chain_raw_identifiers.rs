//! Raw identifiers as the enum's, the variants' and the fields' names.
#![deny(warnings)]
#![allow(non_camel_case_types)]

use task_envelope::{BatchResponse, ResourceId};
use task_envelope_tests::resources::{Bucket, Disk, Instance};

#[derive(task_envelope::Resource)]
enum r#match {
    r#type(Instance),
    r#fn { r#in: Disk },
    r#struct(Bucket),
}

#[derive(task_envelope::Resource)]
#[resource(id_type = "r#impl")]
enum r#async {
    r#loop(Disk),
}

fn main() {
    assert_eq!(r#match::KIND, "match");
    assert_eq!(matchId::TYPE_NAME, "matchId");
    let value = r#match::r#fn {
        r#in: Disk("disk-1".parse().unwrap(), 0),
    };
    assert_eq!(format!("{:?}", value.id()), r#"fn(DiskId("disk-1"))"#);
    if let r#match::r#fn { r#in } = &value {
        assert_eq!(r#in.1, 0);
    }
    let reply: BatchResponse<r#match> = serde_json::from_str(
        r#"{"code": 0, "detail": {"qcvm1": {"code": 0, "requestId": "r"}, "b": {"code": 0, "requestId": "s"}}}"#,
    )
    .unwrap();
    let (instances, disks, buckets) = reply.split();
    assert_eq!((instances.len(), disks.len(), buckets.len()), (1, 0, 1));
    let _ = r#match::r#type;
    let _ = r#match::r#struct;

    assert_eq!(r#async::KIND, "async");
    assert_eq!(r#impl::TYPE_NAME, "impl");
    let id = r#async::r#loop(Disk("disk-2".parse().unwrap(), 1)).id();
    assert!(matches!(id, r#impl::r#loop(_)));
}
