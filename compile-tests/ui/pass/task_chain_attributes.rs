//! `kind` and `id_type` on an enum of resources, struct variants, a
//! restricted visibility, and generated docs under `missing_docs`.
#![deny(warnings, missing_docs)]

//! The crate.

/// Where the enums live.
pub mod chain {
    use task_envelope::Resource;
    use task_envelope_tests::resources::{Bucket, Disk, Instance};

    /// What a task chain operates.
    #[derive(Resource)]
    #[resource(kind = "task_target", id_type = "TargetKey")]
    pub enum Target {
        /// A server.
        Instance {
            /// The server.
            instance: Instance,
        },
        /// A disk.
        Disk(Disk),
    }

    /// Crate-visible only, so its id enum and `id()` are too.
    #[derive(Resource)]
    #[resource(kind = "inner")]
    #[resource(id_type = "InnerKey")]
    pub(crate) enum Inner {
        /// A bucket.
        Bucket {
            /// The bucket.
            bucket: Bucket,
        },
    }

    /// The default names.
    #[derive(Resource)]
    pub enum LoadBalancerTarget {
        /// A server.
        Instance(Instance),
    }
}

use chain::{Inner, InnerKey, LoadBalancerTarget, Target, TargetKey};
use task_envelope::{BatchResponse, ResourceId};
use task_envelope_tests::resources::{Bucket, Instance};

fn main() {
    assert_eq!(Target::KIND, "task_target");
    assert_eq!(TargetKey::TYPE_NAME, "TargetKey");
    let target = Target::Instance {
        instance: Instance {
            instance_id: "qcvm1".parse().unwrap(),
            name: "web".into(),
        },
    };
    assert_eq!(target.id(), TargetKey::Instance("qcvm1".parse().unwrap()));
    let error = "nope".parse::<TargetKey>().unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid TargetKey `nope`: it is the id of none of the kinds tried (instance, disk)"
    );

    assert_eq!(Inner::KIND, "inner");
    let inner = Inner::Bucket {
        bucket: Bucket { name: "b".into() },
    };
    assert!(matches!(inner.id(), InnerKey::Bucket(name) if name == "b"));

    assert_eq!(
        LoadBalancerTarget::KIND,
        "load_balancer_target"
    );
    let reply: BatchResponse<LoadBalancerTarget> =
        serde_json::from_str(r#"{"code": 0, "detail": {"qcvm1": {"code": 0, "requestId": "r"}}}"#)
            .unwrap();
    let key: &chain::LoadBalancerTargetId = reply.detail().keys().next().unwrap();
    assert_eq!(serde_json::to_string(key).unwrap(), r#""qcvm1""#);
}
