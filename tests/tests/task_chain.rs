//! Task chains: `#[derive(Resource)]` on an enum of resources, so one batch
//! reply can mix the ids of several kinds and stay typed.

use std::collections::HashSet;

use proptest::prelude::*;
use task_envelope::{
    BatchError, BatchOutcome, BatchReport, BatchResponse, BatchResponseRef, BatchTarget, Code,
    RequestId, Resource, ResourceId, ResourceReport, TaskError, TaskResponse,
};
use task_envelope_tests::resources::{Bucket, Disk, DiskId, Instance, InstanceId};

/// Servers and disks in one request: two prefixed kinds.
#[derive(Resource, Debug)]
enum Target {
    Instance(Instance),
    Disk { disk: Disk },
}

/// A prefixed kind and one that takes any other id.
#[derive(Resource)]
#[resource(kind = "storage_or_server", id_type = "StorageKey")]
enum Mixed {
    Server(Instance),
    Bucket(Bucket),
}

/// Generic over its two kinds.
#[derive(Resource)]
enum Either<A: Resource, B: Resource> {
    Left(A),
    Right(B),
}

fn instance(id: &str) -> InstanceId {
    id.parse().unwrap()
}

fn disk(id: &str) -> DiskId {
    id.parse().unwrap()
}

const MIXED_REPLY: &str = r#"{
    "code": 5400, "message": "some resources failed", "requestId": "chain-1",
    "detail": {
        "qcvm1": {"code": 0, "message": "password changed", "requestId": "r-1"},
        "disk-1": {"code": 4002, "message": "disk is attached", "requestId": "r-2"},
        "qcvm2": {"code": "4001", "message": "instance is locked"},
        "disk-2": {"code": 0, "message": "", "requestId": "r-4", "codeDesc": "Success"}
    }
}"#;

#[test]
fn the_derive_names_the_kind_and_the_id_type() {
    assert_eq!(Target::KIND, "target");
    assert_eq!(Mixed::KIND, "storage_or_server");
    assert_eq!(Either::<Instance, Disk>::KIND, "either");
    let key: <Mixed as BatchTarget>::Id = StorageKey::Server(instance("qcvm1"));
    assert_eq!(key.as_str(), "qcvm1");
}

/// With every trait of the crate in scope (a glob import), a resource's
/// `KIND` is still one constant: `BatchTarget` adds no `KIND` of its own.
mod glob_import {
    use task_envelope::*;
    use task_envelope_tests::resources::Instance;

    #[test]
    fn kind_is_not_ambiguous() {
        assert_eq!(Instance::KIND, "instance");
        assert_eq!(Instance::ID_FIELD, "instance_id");
        assert_eq!(<Instance as BatchTarget>::Id::PREFIX, Some("qcvm"));
    }
}

#[test]
fn a_mixed_reply_parses_with_each_id_as_its_own_kind_in_wire_order() {
    let reply: BatchResponse<Target> = serde_json::from_str(MIXED_REPLY).unwrap();
    assert_eq!(reply.verify(), Ok(BatchOutcome::PartialFailure));
    let ids: Vec<_> = reply.detail().keys().cloned().collect();
    assert_eq!(
        ids,
        [
            TargetId::Instance(instance("qcvm1")),
            TargetId::Disk(disk("disk-1")),
            TargetId::Instance(instance("qcvm2")),
            TargetId::Disk(disk("disk-2")),
        ]
    );
    let mut failed_instances = Vec::new();
    let mut failed_disks = Vec::new();
    for (id, failure) in reply.failed() {
        match id {
            TargetId::Instance(id) => failed_instances.push((id.clone(), failure.code)),
            TargetId::Disk(id) => failed_disks.push((id.clone(), failure.code)),
        }
    }
    assert_eq!(failed_instances, [(instance("qcvm2"), Code::new(4001))]);
    assert_eq!(failed_disks, [(disk("disk-1"), Code::new(4002))]);
    assert_eq!(
        reply
            .get(&TargetId::Disk(disk("disk-2")))
            .unwrap()
            .code_desc
            .as_deref(),
        Some("Success")
    );
    // Typed: an instance id of the same text is not a disk id.
    assert!(reply.get(&TargetId::Instance(instance("qcvm9"))).is_none());
}

#[test]
fn a_key_no_kind_accepts_is_an_error_naming_the_key_and_the_kinds_tried() {
    let error = serde_json::from_str::<BatchResponse<Target>>(
        r#"{"code": 0, "detail": {"qcvm1": {"code": 0, "requestId": "r"}, "vol-7": {"code": 0, "requestId": "r"}}}"#,
    )
    .unwrap_err();
    assert!(
        error.to_string().starts_with(
            "invalid TargetId `vol-7`: it is the id of none of the kinds tried (instance, disk)"
        ),
        "{error}"
    );
}

#[test]
fn the_kind_whose_prefix_an_id_starts_with_decides() {
    // `disk-` starts like a disk id, and DiskId refuses a bare prefix.
    let error = serde_json::from_str::<BatchResponse<Target>>(
        r#"{"code": 0, "detail": {"disk-": {"code": 0, "requestId": "r"}}}"#,
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("invalid DiskId `disk-`: nothing follows the prefix `disk-`"),
        "{error}"
    );
    // With a kind that takes any id, the prefixed kind still decides its own ids…
    assert_eq!(
        "qcvm7".parse::<StorageKey>(),
        Ok(StorageKey::Server(instance("qcvm7")))
    );
    assert!(
        "qcvm"
            .parse::<StorageKey>()
            .unwrap_err()
            .to_string()
            .contains("nothing follows")
    );
    // …and every other id goes to the kind without a prefix.
    assert_eq!(
        "backups".parse::<StorageKey>(),
        Ok(StorageKey::Bucket("backups".to_owned()))
    );
    assert_eq!(
        "".parse::<StorageKey>(),
        Ok(StorageKey::Bucket(String::new()))
    );
}

#[test]
fn a_repeated_id_is_refused_whatever_its_kind() {
    let error = serde_json::from_str::<BatchResponse<Target>>(
        r#"{"code": 0, "detail": {
            "disk-1": {"code": 0, "requestId": "r-1"},
            "qcvm1": {"code": 0, "requestId": "r-2"},
            "disk\u002d1": {"code": 4001}}}"#,
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("duplicate resource id `disk-1` in `detail`"),
        "{error}"
    );
}

#[test]
fn verify_judges_the_mixed_entries_together() {
    let lying: BatchResponse<Target> = serde_json::from_str(
        r#"{"code": 0, "detail": {"qcvm1": {"code": 4001}, "disk-1": {"code": 4002}}}"#,
    )
    .unwrap();
    assert_eq!(lying.outcome(), BatchOutcome::AllFailed);
    assert_eq!(
        lying.verify(),
        Err(BatchError::CodeMismatch {
            declared: Code::SUCCESS,
            expected: Code::ALL_FAILED
        })
    );
}

#[test]
fn split_gives_one_typed_batch_per_kind_in_wire_order_with_its_own_code() {
    let reply: BatchResponse<Target> = serde_json::from_str(MIXED_REPLY).unwrap();
    let (instances, disks): (BatchResponse<Instance>, BatchResponse<Disk>) = reply.split();

    assert_eq!(
        instances.detail().keys().collect::<Vec<_>>(),
        [&instance("qcvm1"), &instance("qcvm2")]
    );
    assert_eq!(instances.code(), Code::PARTIAL_FAILURE);
    assert_eq!(instances.verify(), Ok(BatchOutcome::PartialFailure));
    // Entries stay whole: a success's message and codeDesc too.
    assert_eq!(
        instances.get(&instance("qcvm1")).unwrap().message,
        "password changed"
    );
    assert_eq!(
        disks.get(&disk("disk-2")).unwrap().code_desc.as_deref(),
        Some("Success")
    );
    assert_eq!(
        disks.detail().keys().collect::<Vec<_>>(),
        [&disk("disk-1"), &disk("disk-2")]
    );
    assert_eq!(disks.code(), Code::PARTIAL_FAILURE);
    // The request's own id is kept on every part.
    assert_eq!(instances.request_id().map(AsRef::as_ref), Some("chain-1"));
    assert_eq!(disks.request_id().map(AsRef::as_ref), Some("chain-1"));
}

#[test]
fn split_judges_each_kind_alone() {
    let reply = BatchResponse::<Target>::from_results([
        (
            TargetId::Disk(disk("disk-1")),
            Err(TaskError::new(Code::new(4002), "attached")),
        ),
        (
            TargetId::Instance(instance("qcvm1")),
            Ok(RequestId::from("r-1")),
        ),
        (
            TargetId::Disk(disk("disk-2")),
            Err(TaskError::new(Code::new(4002), "attached")),
        ),
    ]);
    assert_eq!(reply.code(), Code::PARTIAL_FAILURE);
    let (instances, disks) = reply.split();
    assert_eq!((instances.code(), instances.len()), (Code::SUCCESS, 1));
    assert_eq!((disks.code(), disks.len()), (Code::ALL_FAILED, 2));
    assert_eq!(disks.verify(), Ok(BatchOutcome::AllFailed));

    // A kind with no entries gets an empty batch, which the rule calls a success.
    let only_disks = BatchResponse::<Target>::from_results([(
        TargetId::Disk(disk("disk-1")),
        Ok(RequestId::from("r-1")),
    )]);
    let (instances, disks) = only_disks.split();
    assert!(instances.is_empty());
    assert_eq!(instances.verify(), Ok(BatchOutcome::AllSucceeded));
    assert_eq!(disks.len(), 1);
}

#[test]
fn a_rejected_chain_splits_into_rejections() {
    let rejected: BatchResponse<Target> =
        serde_json::from_str(r#"{"code": 4000, "message": "InvalidParameter", "codeDesc": "Bad"}"#)
            .unwrap();
    let (instances, disks) = rejected.split();
    let expected = Err(BatchError::Rejected {
        code: Code::new(4000),
        message: "InvalidParameter".to_owned(),
    });
    assert_eq!(instances.verify(), expected);
    assert_eq!(disks.verify(), expected);
    assert_eq!(disks.code_desc(), Some("Bad"));
}

#[test]
fn a_mixed_reply_round_trips_in_order() {
    let reply: BatchResponse<Target> = serde_json::from_str(MIXED_REPLY).unwrap();
    let written = serde_json::to_string(&reply).unwrap();
    assert!(written.find("qcvm1") < written.find("disk-1"));
    assert!(written.find("disk-1") < written.find("qcvm2"));
    let again: BatchResponse<Target> = serde_json::from_str(&written).unwrap();
    assert_eq!(again, reply);
}

#[test]
fn the_borrowed_view_reads_mixed_replies_the_same_way() {
    let view: BatchResponseRef<'_, Target> = serde_json::from_str(MIXED_REPLY).unwrap();
    let owned: BatchResponse<Target> = serde_json::from_str(MIXED_REPLY).unwrap();
    assert_eq!(view.verify(), owned.verify());
    assert!(view.get(&TargetId::Disk(disk("disk-1"))).is_some());
    assert_eq!(view.into_owned(), owned);

    for bad in [
        r#"{"code": 0, "detail": {"vol-7": {"code": 0, "requestId": "r"}}}"#,
        r#"{"code": 0, "detail": {"disk-": {"code": 0, "requestId": "r"}}}"#,
        r#"{"code": 0, "detail": {"qcvm1": {"code": 0, "requestId": "r"}, "qcvm1": {"code": 1}}}"#,
    ] {
        let view = serde_json::from_str::<BatchResponseRef<'_, Target>>(bad).unwrap_err();
        let owned = serde_json::from_str::<BatchResponse<Target>>(bad).unwrap_err();
        assert_eq!(view.to_string(), owned.to_string());
    }
}

#[test]
fn the_id_enum_is_a_string_on_the_wire_and_a_value_in_maps() {
    let id = TargetId::Disk(disk("disk-9"));
    assert_eq!(id.to_string(), "disk-9");
    assert_eq!(id.as_str(), "disk-9");
    assert_eq!(serde_json::to_string(&id).unwrap(), r#""disk-9""#);
    assert_eq!(serde_json::from_str::<TargetId>(r#""disk-9""#).unwrap(), id);
    assert_eq!(
        "qcvm3".parse::<TargetId>(),
        Ok(TargetId::Instance(instance("qcvm3")))
    );
    assert!(serde_json::from_str::<TargetId>(r#""vol-1""#).is_err());
    let set: HashSet<TargetId> = [
        id.clone(),
        id.clone(),
        TargetId::Instance(instance("qcvm3")),
    ]
    .into_iter()
    .collect();
    assert_eq!(set.len(), 2);
    assert_eq!(format!("{id:?}"), r#"Disk(DiskId("disk-9"))"#);
}

#[test]
fn id_dispatches_to_the_variant() {
    let server = Target::Instance(Instance {
        instance_id: instance("qcvm5"),
        name: "web".to_owned(),
    });
    let volume = Target::Disk {
        disk: Disk(disk("disk-5"), 40),
    };
    assert_eq!(server.id(), TargetId::Instance(instance("qcvm5")));
    assert_eq!(volume.id(), TargetId::Disk(disk("disk-5")));

    let bucket = Mixed::Bucket(Bucket {
        name: "logs".to_owned(),
    });
    assert_eq!(bucket.id(), StorageKey::Bucket("logs".to_owned()));
    let server = Mixed::Server(Instance {
        instance_id: instance("qcvm6"),
        name: String::new(),
    });
    assert_eq!(server.id(), StorageKey::Server(instance("qcvm6")));
    let left = Either::<Instance, Disk>::Left(Instance {
        instance_id: instance("qcvm7"),
        name: String::new(),
    });
    assert_eq!(left.id(), EitherId::Left(instance("qcvm7")));
    let right = Either::<Instance, Disk>::Right(Disk(disk("disk-7"), 1));
    assert_eq!(right.id(), EitherId::Right(disk("disk-7")));
}

#[test]
fn batch_report_reads_a_mixed_reply() {
    let reply: BatchResponse<Target> = serde_json::from_str(MIXED_REPLY).unwrap();
    let to_retry: Vec<String> = reply
        .entries()
        .filter_map(ResourceReport::into_failure)
        .filter_map(|(id, _)| id.map(ToString::to_string))
        .collect();
    assert_eq!(to_retry, ["disk-1", "qcvm2"]);
    assert_eq!(
        BatchReport::final_outcome(&reply),
        Some(BatchOutcome::PartialFailure)
    );
}

#[test]
fn a_generic_chain_works_like_a_written_out_one() {
    let reply: BatchResponse<Either<Instance, Disk>> = serde_json::from_str(MIXED_REPLY).unwrap();
    let (left, right) = reply.split();
    assert_eq!(left.len(), 2);
    assert_eq!(right.len(), 2);
    let one: EitherId<Instance, Disk> = "disk-1".parse().unwrap();
    assert_eq!(one, EitherId::Right(disk("disk-1")));
}

/// One generated entry: an instance or a disk number, and whether it failed.
fn entries() -> impl Strategy<Value = Vec<(bool, u16, bool)>> {
    proptest::collection::vec((any::<bool>(), 0..50_u16, any::<bool>()), 0..40)
}

fn result(failed: bool, n: u16) -> Result<RequestId, TaskError> {
    if failed {
        Err(TaskError::new(Code::new(4000 + i64::from(n)), "failed"))
    } else {
        Ok(RequestId::from(format!("r-{n}")))
    }
}

proptest! {
    /// Built, written, read back and split: each part holds exactly its
    /// kind's entries in the original order, and its code follows the rule.
    #[test]
    fn split_partitions_in_order_and_follows_the_rule(entries in entries()) {
        let results: Vec<(TargetId, Result<RequestId, TaskError>)> = entries
            .iter()
            .map(|&(is_disk, n, failed)| {
                let id = if is_disk {
                    TargetId::Disk(disk(&format!("disk-{n}")))
                } else {
                    TargetId::Instance(instance(&format!("qcvm{n}")))
                };
                (id, result(failed, n))
            })
            .collect();
        let built = BatchResponse::<Target>::from_results(results);
        let read: BatchResponse<Target> =
            serde_json::from_str(&serde_json::to_string(&built).unwrap()).unwrap();
        prop_assert_eq!(&read, &built);
        let expected_instances: Vec<(InstanceId, TaskResponse)> = built
            .iter()
            .filter_map(|(id, task)| match id {
                TargetId::Instance(id) => Some((id.clone(), task.clone())),
                TargetId::Disk(_) => None,
            })
            .collect();
        let expected_disks: Vec<(DiskId, TaskResponse)> = built
            .iter()
            .filter_map(|(id, task)| match id {
                TargetId::Disk(id) => Some((id.clone(), task.clone())),
                TargetId::Instance(_) => None,
            })
            .collect();
        let (instances, disks) = read.split();
        prop_assert_eq!(
            instances.iter().map(|(id, task)| (id.clone(), task.clone())).collect::<Vec<_>>(),
            expected_instances
        );
        prop_assert_eq!(
            disks.iter().map(|(id, task)| (id.clone(), task.clone())).collect::<Vec<_>>(),
            expected_disks
        );
        prop_assert_eq!(instances.verify().map(BatchOutcome::code), Ok(instances.code()));
        prop_assert_eq!(disks.verify().map(BatchOutcome::code), Ok(disks.code()));
        prop_assert_eq!(
            instances.failed_count() + disks.failed_count(),
            built.failed_count()
        );
    }
}

mod mixed_job {
    //! A job whose sub-jobs touch servers and NICs: the key of the id in
    //! each sub-job's `entities` chooses the kind.

    use serde_json::Value;
    use task_envelope::{
        AnyValue, BatchOutcome, BatchReport, JobState, JobStatus, JobStatusError, Resource,
        ResourceId, ResourceReport, SubJob,
    };

    #[derive(ResourceId)]
    #[resource_id(prefix = "srv-")]
    struct ServerId(String);

    #[derive(Resource)]
    struct Server {
        #[resource(id)]
        server_id: ServerId,
    }

    #[derive(ResourceId)]
    #[resource_id(prefix = "nic-")]
    struct NicId(String);

    #[derive(Resource)]
    struct Nic {
        #[resource(id)]
        nic_id: NicId,
    }

    /// Only its id enum is ever built.
    #[derive(Resource)]
    #[allow(dead_code)]
    enum Attached {
        Server(Server),
        Nic(Nic),
    }

    const JOB: &str = r#"{"status":"FAIL","job_id":"j","entities":{"sub_jobs":[
        {"status":"SUCCESS","job_id":"a","entities":{"server_id":"srv-1"}},
        {"status":"FAIL","job_id":"b","entities":{"nic_id":"nic-1","errorcode_message":"no port"}},
        {"status":"FAIL","job_id":"c","entities":{"nic_id":"nic-2","server_id":"srv-1"}},
        {"status":"FAIL","job_id":"d","entities":{"server_id":null}}]}}"#;

    #[test]
    fn the_entities_key_chooses_the_kind() {
        let status: JobStatus<Attached> = serde_json::from_str(JOB).unwrap();
        let ids: Vec<Option<&AttachedId>> = status
            .entities
            .sub_jobs
            .iter()
            .map(|sub| sub.resource_id.as_ref())
            .collect();
        assert!(matches!(ids[0], Some(AttachedId::Server(id)) if id.as_str() == "srv-1"));
        assert!(matches!(ids[1], Some(AttachedId::Nic(id)) if id.as_str() == "nic-1"));
        // The first id key decides; another kind's id is kept as it came.
        assert!(matches!(ids[2], Some(AttachedId::Nic(id)) if id.as_str() == "nic-2"));
        assert_eq!(
            status.entities.sub_jobs[2].entity("server_id"),
            Some(&AnyValue::String("srv-1".into()))
        );
        assert_eq!(ids[3], None);
        assert_eq!(status.outcome(), Some(BatchOutcome::PartialFailure));
        let failures: Vec<String> = status
            .entries()
            .filter_map(ResourceReport::into_failure)
            .map(|(id, failure)| {
                format!("{}: {failure}", id.map_or("?".into(), ToString::to_string))
            })
            .collect();
        assert_eq!(
            failures,
            [
                "nic-1: no code: no port (job_id b)",
                "nic-2: no code: (no message) (job_id c)",
                "?: no code: (no message) (job_id d)",
            ]
        );
        // Written back as it came: each id under its own key.
        let written = serde_json::to_value(&status).unwrap();
        assert_eq!(written, serde_json::from_str::<Value>(JOB).unwrap());
    }

    #[test]
    fn each_kind_reads_its_own_ids() {
        let error = serde_json::from_str::<JobStatus<Attached>>(
            r#"{"status":"FAIL","job_id":"j","entities":{"sub_jobs":[
                {"status":"FAIL","job_id":"a","entities":{"nic_id":"srv-1"}}]}}"#,
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid NicId `srv-1`: it must start with `nic-` at line 2 column 74"
        );
        let repeated = serde_json::from_str::<JobStatus<Attached>>(
            r#"{"status":"FAIL","job_id":"j","entities":{"nic_id":"nic-1","nic_id":"nic-2"}}"#,
        )
        .unwrap_err();
        assert_eq!(
            repeated.to_string(),
            "duplicate field `nic_id` in `entities` at line 1 column 67"
        );
    }

    #[test]
    fn a_mixed_job_is_verified_and_built() {
        let server = |id: &str| AttachedId::Server(id.parse().unwrap());
        let nic = |id: &str| AttachedId::Nic(id.parse().unwrap());
        let status = JobStatus::<Attached>::new(JobState::Success, "j").with_entities(
            task_envelope::JobEntities::new().with_sub_jobs(vec![
                SubJob::new(JobState::Success, "a").with_resource_id(server("srv-1")),
                SubJob::new(JobState::Success, "b").with_resource_id(nic("nic-1")),
                SubJob::new(JobState::Success, "c").with_resource_id(nic("nic-1")),
            ]),
        );
        assert_eq!(
            status.verify(),
            Err(JobStatusError::DuplicateResourceId { id: "nic-1".into() })
        );
        let json = serde_json::to_string(&status).unwrap();
        assert!(
            json.contains(r#""entities":{"server_id":"srv-1"}"#),
            "{json}"
        );
        assert!(json.contains(r#""entities":{"nic_id":"nic-1"}"#), "{json}");
        let again: JobStatus<Attached> = serde_json::from_str(&json).unwrap();
        assert_eq!(again, status);
    }
}
