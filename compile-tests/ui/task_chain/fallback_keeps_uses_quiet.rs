use task_envelope::{BatchResponse, BatchTarget, Resource};
use task_envelope_tests::resources::{Disk, Instance};

// The only errors are the variant without a resource and the bad `id_type`:
// the uses below compile against the placeholders instead of adding errors
// (or warnings) of their own.
#[derive(Resource)]
enum Target {
    Instance(Instance),
    Disk(Disk),
    Nothing,
}

// Generic, and the id enum's name unknown: the batch is keyed by `String`.
#[derive(Resource)]
#[resource(id_type = "Either Id")]
enum Either<A: Resource, B> {
    Left(A),
    Right(B),
}

fn key_of<T: BatchTarget>(id: T::Id) -> T::Id {
    id
}

fn first(reply: &BatchResponse<Target>) -> Option<TargetId> {
    reply.detail().keys().next().cloned()
}

fn describe(id: &TargetId) -> &'static str {
    match id {
        TargetId::Instance(_) => "an instance",
        TargetId::Disk(_) => "a disk",
    }
}

fn main() {
    let _: &str = Target::KIND;
    let reply = BatchResponse::<Target>::from_results([]);
    let _ = first(&reply).as_ref().map(describe);
    let id: TargetId = "qcvm1".parse().unwrap();
    let _ = id.to_string();
    let instance = Target::Instance(Instance {
        instance_id: "qcvm1".parse().unwrap(),
        name: String::new(),
    });
    let _ = describe(&key_of::<Target>(instance.id()));
    let either = BatchResponse::<Either<Instance, Disk>>::from_results([]);
    let _ = either.get(&String::from("qcvm1"));
}
