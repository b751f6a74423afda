#![deny(warnings)]

use std::fmt::Debug;
use std::marker::PhantomData;

use task_envelope::{BatchResponse, Resource, ResourceId, ResourceKey};

#[derive(Resource)]
#[resource(kind = "tagged")]
struct Tagged<'a, T: Debug, const N: usize>
where
    T: Clone + 'a,
{
    #[resource(id)]
    id: String,
    tags: &'a [T; N],
}

#[derive(Resource)]
struct Keyed<K, M = ()>
where
    K: ResourceKey,
{
    #[resource(id)]
    key: K,
    meta: PhantomData<M>,
}

#[derive(ResourceId)]
#[resource_id(prefix = "g-")]
struct GenericId<S>(S)
where
    S: From<String> + AsRef<str>;

fn ids_of<R: Resource>(reply: &BatchResponse<R>) -> Vec<String> {
    reply.detail().keys().map(ToString::to_string).collect()
}

fn main() {
    let tags = ["a".to_owned()];
    let tagged = Tagged { id: "t-1".into(), tags: &tags };
    assert_eq!(tagged.id(), "t-1");
    assert_eq!(tagged.tags.len(), 1);

    let keyed: Keyed<GenericId<String>> = Keyed { key: "g-1".parse().unwrap(), meta: PhantomData };
    assert_eq!(keyed.id().as_str(), "g-1");

    let reply: BatchResponse<Keyed<GenericId<Box<str>>>> =
        serde_json::from_str(r#"{"code": 0, "detail": {"g-1": {"code": 0, "requestId": "1"}}}"#).unwrap();
    assert_eq!(ids_of(&reply), ["g-1"]);
}
