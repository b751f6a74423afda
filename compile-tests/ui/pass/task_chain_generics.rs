//! Enums of resources with type, lifetime and const parameters, bounds
//! written by the user or only the generated ones, and where clauses.
#![deny(warnings, missing_docs, rust_2018_idioms)]

use std::fmt::Debug;
use std::marker::PhantomData;

use task_envelope::{BatchResponse, BatchTarget, Resource, ResourceId, ResourceKey, TaskChain};
use task_envelope_tests::resources::{Bucket, Disk, Instance};

/// No bound written: the derive adds what it needs.
#[derive(Resource)]
pub enum Either<A, B> {
    /// One kind.
    Left(A),
    /// The other.
    Right(B),
}

/// Bounds in the parameter list and in a where clause, and a default.
#[derive(Resource)]
#[resource(kind = "bounded")]
pub enum Bounded<A: Resource + Debug, B = Bucket>
where
    B: Resource + Clone,
    A::Id: AsRef<str>,
{
    /// A resource of the first kind.
    First {
        /// The resource.
        first: A,
    },
    /// One of the second.
    Second(B),
}

/// A resource that borrows, with a const parameter.
#[derive(Resource)]
pub struct Tagged<'a, const N: usize> {
    #[resource(id)]
    id: TagId,
    tags: &'a [&'a str; N],
}

/// Ids of `Tagged`.
#[derive(ResourceId)]
#[resource_id(prefix = "tag-")]
pub struct TagId(String);

/// A lifetime and a const parameter.
#[derive(Resource)]
pub enum Borrowed<'a, const N: usize> {
    /// A tag.
    Tag(Tagged<'a, N>),
    /// A disk.
    Disk(Disk),
}

/// Only a lifetime: checked for overlaps where it is defined.
#[derive(Resource)]
pub enum Short<'a> {
    /// A tag of two.
    Tag(Tagged<'a, 2>),
}

/// A resource generic over its id.
#[derive(Resource)]
pub struct Keyed<K: ResourceKey> {
    #[resource(id)]
    key: K,
}

/// Parameters inside the variants' types.
#[derive(Resource)]
pub enum Nested<K: ResourceKey + ResourceId, M> {
    /// Keyed by `K`.
    Keyed(Keyed<K>),
    /// An instance.
    Instance(Instance),
    /// Any other id.
    Any(Keyed<String>),
    /// Carries `M`.
    Marker(Phantom<M>),
}

/// A resource that only carries a type.
#[derive(Resource)]
pub struct Phantom<M> {
    #[resource(id)]
    id: PhantomId,
    marker: PhantomData<M>,
}

/// Ids of `Phantom`.
#[derive(ResourceId)]
#[resource_id(prefix = "ph-")]
pub struct PhantomId(String);

fn ids<R: BatchTarget>(reply: &BatchResponse<R>) -> Vec<String> {
    reply.detail().keys().map(ToString::to_string).collect()
}

const DETAIL: &str = r#"{"code": 5400, "detail": {
    "qcvm1": {"code": 0, "requestId": "r1"},
    "disk-1": {"code": 4001, "message": "busy"}
}}"#;

fn main() {
    let reply: BatchResponse<Either<Instance, Disk>> = serde_json::from_str(DETAIL).unwrap();
    assert_eq!(ids(&reply), ["qcvm1", "disk-1"]);
    let (left, right) = reply.split();
    assert_eq!((left.len(), right.len()), (1, 1));

    let either: Either<Instance, Disk> = Either::Right(Disk("disk-2".parse().unwrap(), 1));
    assert!(matches!(either.id(), EitherId::Right(ref id) if id.as_str() == "disk-2"));

    let bounded: BatchResponse<Bounded<Disk>> =
        serde_json::from_str(r#"{"code": 0, "detail": {"disk-1": {"code": 0, "requestId": "r"}, "any": {"code": 0, "requestId": "s"}}}"#).unwrap();
    assert_eq!(Bounded::<Disk>::KIND, "bounded");
    let (disks, buckets): (BatchResponse<Disk>, BatchResponse<Bucket>) = bounded.split();
    assert_eq!((disks.len(), buckets.len()), (1, 1));

    let tags = ["a", "b"];
    let tag = Borrowed::Tag(Tagged {
        id: "tag-1".parse().unwrap(),
        tags: &tags,
    });
    assert_eq!(tag.id().to_string(), "tag-1");
    if let Borrowed::Tag(tagged) = &tag {
        assert_eq!(tagged.tags.len(), 2);
    }
    let short = Short::Tag(Tagged {
        id: "tag-2".parse().unwrap(),
        tags: &tags,
    });
    assert_eq!(short.id(), ShortId::Tag("tag-2".parse().unwrap()));
    assert_eq!(ShortId::parse("tag-3").unwrap().as_str(), "tag-3");

    let nested: BatchResponse<Nested<TagId, u8>> =
        serde_json::from_str(r#"{"code": 0, "detail": {"tag-1": {"code": 0, "requestId": "r"}, "ph-1": {"code": 0, "requestId": "s"}, "x": {"code": 0, "requestId": "t"}}}"#).unwrap();
    let parts: <Nested<TagId, u8> as TaskChain>::Parts = nested.split();
    assert_eq!(
        (parts.0.len(), parts.1.len(), parts.2.len(), parts.3.len()),
        (1, 0, 1, 1)
    );
    let marker: Nested<TagId, u8> = Nested::Marker(Phantom {
        id: "ph-2".parse().unwrap(),
        marker: PhantomData,
    });
    assert_eq!(marker.id().to_string(), "ph-2");
}
