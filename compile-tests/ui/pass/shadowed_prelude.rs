//! A user module that shadows the prelude's names: the generated code must
//! not use any of them unqualified.
#![deny(warnings)]
#![allow(dead_code, non_camel_case_types)]

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
    struct Default;
    struct Clone;
    struct Debug;
    struct PartialEq;
    struct Eq;
    struct Hash;
    struct Hasher;
    struct Borrow;
    struct bool;
    struct From;
    struct AsRef;
    struct Display;
    struct FromStr;
    struct Serialize;
    struct Deserialize;
    trait Resource {}
    trait ResourceId {}
    mod serde {}
    mod task_envelope {}
    mod core {}
    mod std {}

    #[derive(::task_envelope::ResourceId)]
    #[resource_id(prefix = "ins-")]
    pub struct InstanceId(::std::string::String);

    #[derive(::task_envelope::Resource)]
    #[resource(kind = "instance")]
    pub struct Instance {
        #[resource(id)]
        pub instance_id: InstanceId,
    }

    #[derive(::task_envelope::Resource)]
    pub struct Tuple<T>(#[resource(id)] pub ::std::string::String, pub T);
}

use std::borrow::Borrow;
use std::collections::HashSet;

use task_envelope::{Resource, ResourceId};

fn main() {
    let instance = user::Instance { instance_id: "ins-1".parse().unwrap() };
    let ids = HashSet::from([instance.id().clone()]);
    assert!(ids.contains("ins-1"));
    assert_eq!(Borrow::<str>::borrow(instance.id()), "ins-1");
    assert_eq!(instance.id().as_str(), "ins-1");
    assert_eq!(<user::Instance as Resource>::KIND, "instance");
    assert_eq!(user::Tuple(String::from("t"), 1_u8).id(), "t");
    assert_eq!(user::InstanceId::PREFIX, Some("ins-"));
}
