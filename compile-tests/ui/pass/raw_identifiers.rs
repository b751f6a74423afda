#![deny(warnings)]
#![allow(non_camel_case_types)]

use task_envelope::{Resource, ResourceId};

#[derive(ResourceId)]
#[resource_id(prefix = "m-")]
struct r#matchId(String);

#[derive(Resource)]
struct r#match {
    #[resource(id)]
    r#type: r#matchId,
    r#fn: u8,
}

#[derive(Resource)]
#[resource(kind = "async")]
struct r#async(#[resource(id)] String);

fn main() {
    assert_eq!(r#match::KIND, "match");
    assert_eq!(r#match::ID_FIELD, "type");
    assert_eq!(r#matchId::TYPE_NAME, "matchId");
    let value = r#match { r#type: "m-1".parse().unwrap(), r#fn: 0 };
    assert_eq!(value.id().as_str(), "m-1");
    assert_eq!(value.r#fn, 0);
    assert_eq!(r#async::KIND, "async");
    assert_eq!(r#async::ID_FIELD, "0");
    assert_eq!(r#async("a".into()).id(), "a");
}
