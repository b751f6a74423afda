use task_envelope::ResourceId;

#[derive(ResourceId)]
struct Serial(u64);

// A generic field is bounded where the impls are: the error is where the
// type is chosen.
#[derive(ResourceId)]
struct Tagged<S>(S);

fn main() {
    let _ = "7".parse::<Tagged<u64>>();
}
