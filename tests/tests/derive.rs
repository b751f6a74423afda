//! What `#[derive(Resource)]` and `#[derive(ResourceId)]` generate, seen from
//! a user's crate.

use std::collections::HashMap;
use std::marker::PhantomData;

use task_envelope::{BatchResponse, IdError, RequestId, Resource, ResourceId};
use task_envelope_tests::resources::{Bucket, Disk, DiskId, Instance, InstanceId};

#[test]
fn named_struct_with_kind_attribute() {
    assert_eq!(Instance::KIND, "instance");
    assert_eq!(Instance::ID_FIELD, "instance_id");
    let instance = Instance {
        instance_id: "qcvm1".parse().unwrap(),
        name: "web".into(),
    };
    assert_eq!(instance.id().as_str(), "qcvm1");
}

#[test]
fn tuple_struct_uses_snake_case_kind_and_index() {
    assert_eq!(Disk::KIND, "disk");
    assert_eq!(Disk::ID_FIELD, "0");
    let disk = Disk("disk-9".parse().unwrap(), 100);
    assert_eq!(disk.id(), &DiskId::parse("disk-9").unwrap());
}

#[test]
fn default_kind_is_snake_case_of_the_type_name() {
    #[derive(Resource)]
    struct LoadBalancer {
        #[resource(id)]
        lb_id: String,
    }
    #[derive(Resource)]
    struct HTTPListener(u8, #[resource(id)] String);

    assert_eq!(LoadBalancer::KIND, "load_balancer");
    assert_eq!(HTTPListener::KIND, "http_listener");
    assert_eq!(HTTPListener::ID_FIELD, "1");
    let lb = LoadBalancer {
        lb_id: "lb-1".into(),
    };
    assert_eq!(lb.id(), "lb-1");
    let listener = HTTPListener(3, "l-1".into());
    assert_eq!(listener.id(), "l-1");
    assert_eq!(listener.0, 3);
}

#[test]
fn raw_identifiers_lose_their_prefix() {
    #[derive(Resource)]
    #[allow(non_camel_case_types)]
    struct r#Match {
        #[resource(id)]
        r#type: String,
    }
    assert_eq!(r#Match::KIND, "match");
    assert_eq!(r#Match::ID_FIELD, "type");
    assert_eq!(r#Match { r#type: "t".into() }.id(), "t");
}

#[test]
fn generic_structs_and_generic_ids() {
    #[derive(Resource)]
    struct Tagged<'a, T, const N: usize>
    where
        T: Clone,
    {
        #[resource(id)]
        id: String,
        payload: &'a [T; N],
    }

    #[derive(Resource)]
    struct Keyed<K> {
        #[resource(id)]
        key: K,
    }

    let payload = [1, 2];
    let tagged = Tagged {
        id: "x".into(),
        payload: &payload,
    };
    assert_eq!(tagged.id(), "x");
    assert_eq!(tagged.payload.len(), 2);
    assert_eq!(Tagged::<u8, 2>::KIND, "tagged");

    let keyed = Keyed { key: 7_u32 };
    assert_eq!(*keyed.id(), 7);
    let reply: BatchResponse<Keyed<u32>> =
        serde_json::from_str(r#"{"code": 0, "detail": {"7": {"code": 0, "requestId": "1"}}}"#)
            .unwrap();
    assert_eq!(
        reply.get(&7).unwrap().request_id,
        Some(RequestId::from("1"))
    );
}

#[test]
fn resource_ids_round_trip_as_plain_strings() {
    let id: InstanceId = "qcvm-abc".parse().unwrap();
    assert_eq!(id.to_string(), "qcvm-abc");
    assert_eq!(AsRef::<str>::as_ref(&id), "qcvm-abc");
    assert_eq!(serde_json::to_string(&id).unwrap(), r#""qcvm-abc""#);
    assert_eq!(
        serde_json::from_str::<InstanceId>(r#""qcvm-abc""#).unwrap(),
        id
    );
    assert_eq!(InstanceId::PREFIX, Some("qcvm"));
    assert_eq!(InstanceId::TYPE_NAME, "InstanceId");
}

#[test]
fn resource_ids_refuse_empty_and_wrong_prefix() {
    assert_eq!(
        "".parse::<InstanceId>(),
        Err(IdError::Empty {
            type_name: "InstanceId"
        })
    );
    assert_eq!(
        "disk-1".parse::<InstanceId>().unwrap_err().to_string(),
        "invalid InstanceId `disk-1`: it must start with `qcvm`"
    );
    assert_eq!(
        "qcvm".parse::<InstanceId>().unwrap_err().to_string(),
        "invalid InstanceId `qcvm`: nothing follows the prefix `qcvm`"
    );
    for json in [r#""""#, r#""disk-1""#, r#""qcvm""#] {
        let error = serde_json::from_str::<InstanceId>(json).unwrap_err();
        assert!(
            error.to_string().starts_with("invalid InstanceId"),
            "{error}"
        );
    }
    let error = serde_json::from_str::<InstanceId>("17").unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: integer `17`, expected InstanceId as a string at line 1 column 2"
    );
}

#[test]
fn resource_ids_without_prefix_accept_any_non_empty_string() {
    #[derive(ResourceId)]
    struct Name(String);

    assert_eq!(Name::PREFIX, None);
    assert_eq!(
        "anything at all".parse::<Name>().unwrap().as_str(),
        "anything at all"
    );
    assert!("".parse::<Name>().is_err());
}

#[test]
fn resource_ids_over_shared_strings() {
    #[derive(ResourceId)]
    #[resource_id(prefix = "vpc-")]
    struct VpcId(std::sync::Arc<str>);

    let id: VpcId = serde_json::from_str(r#""vpc-1""#).unwrap();
    assert_eq!(id.as_str(), "vpc-1");
}

#[test]
fn generic_resource_ids() {
    #[derive(ResourceId)]
    #[resource_id(prefix = "t-")]
    struct Typed<S: From<String> + AsRef<str>>(S);

    let id: Typed<String> = "t-1".parse().unwrap();
    assert_eq!(id.to_string(), "t-1");
    let _ = PhantomData::<Typed<Box<str>>>;
}

#[test]
fn typed_ids_work_as_map_keys_outside_batches() {
    let mut names: HashMap<InstanceId, &str> = HashMap::new();
    names.insert("qcvm1".parse().unwrap(), "web");
    assert_eq!(names[&"qcvm1".parse::<InstanceId>().unwrap()], "web");
}

#[test]
fn the_derive_gives_an_id_every_key_trait_by_its_text() {
    use std::collections::HashSet;
    use std::hash::{BuildHasher, RandomState};

    #[derive(ResourceId)]
    #[resource_id(prefix = "vpc-")]
    struct VpcId(std::sync::Arc<str>);

    let id: VpcId = "vpc-1".parse().unwrap();
    assert_eq!(id.clone(), id);
    assert_ne!(id, "vpc-2".parse().unwrap());
    assert_eq!(format!("{id:?}"), r#"VpcId("vpc-1")"#);
    // `Borrow<str>` is sound: equal texts hash alike, whatever the field.
    let state = RandomState::new();
    assert_eq!(state.hash_one(&id), state.hash_one("vpc-1"));
    let ids = HashSet::from([id]);
    assert!(ids.contains("vpc-1"));
    assert!(!ids.contains("vpc-2"));

    let names: HashMap<InstanceId, &str> = HashMap::from([("qcvm1".parse().unwrap(), "web")]);
    assert_eq!(names["qcvm1"], "web");
}

#[test]
fn string_ids_need_no_newtype() {
    assert_eq!(Bucket::KIND, "bucket");
    assert_eq!(Bucket::ID_FIELD, "name");
    let bucket = Bucket {
        name: "logs".into(),
    };
    assert_eq!(bucket.id(), "logs");
}

#[test]
fn rename_sets_the_wire_name_of_the_id() {
    #[derive(Resource)]
    struct Server {
        #[resource(id, rename = "serverId")]
        server_id: String,
    }
    #[derive(Resource)]
    struct Port(#[resource(rename = "port_id", id)] String);

    assert_eq!(Server::ID_FIELD, "serverId");
    assert_eq!(Port::ID_FIELD, "port_id");
    assert_eq!(
        Server {
            server_id: "s".into()
        }
        .id(),
        "s"
    );
}
