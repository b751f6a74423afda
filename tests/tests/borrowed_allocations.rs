//! The borrowed view allocates nothing per entry on input without escapes:
//! only the map's own storage, whose growth is logarithmic in the entries.

use std::alloc::System;
use std::fmt::Write as _;

use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use task_envelope::{BatchResponse, BatchResponseRef};
use task_envelope_tests::resources::Bucket;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn reply(entries: usize) -> String {
    let mut json =
        String::from(r#"{"code": 5400, "message": "some resources failed", "detail": {"#);
    for i in 0..entries {
        let separator = if i == 0 { "" } else { "," };
        if i % 10 == 3 {
            let _ = write!(
                json,
                r#"{separator}"ins-{i}": {{"code": "4001", "message": "quota exceeded"}}"#
            );
        } else {
            let _ = write!(
                json,
                r#"{separator}"ins-{i}": {{"code": 0, "message": "", "requestId": "{i}"}}"#
            );
        }
    }
    json.push_str("}}");
    json
}

#[test]
fn no_allocation_per_entry_without_escapes() {
    const ENTRIES: usize = 10_000;
    let json = reply(ENTRIES);

    let region = Region::new(GLOBAL);
    let view: BatchResponseRef<'_, Bucket> = serde_json::from_str(&json).unwrap();
    let borrowed = region.change();
    assert_eq!(view.len(), ENTRIES);

    let region = Region::new(GLOBAL);
    let owned: BatchResponse<Bucket> = serde_json::from_str(&json).unwrap();
    let copied = region.change();
    assert_eq!(owned.len(), ENTRIES);

    println!(
        "{ENTRIES} entries: borrowed view {} allocations, owned reply {}",
        borrowed.allocations + borrowed.reallocations,
        copied.allocations + copied.reallocations
    );
    // The map grows by doubling: a few dozen (re)allocations in all.
    assert!(
        borrowed.allocations + borrowed.reallocations < 100,
        "{borrowed:?}"
    );
    // The owned reply copies each id and request id.
    assert!(copied.allocations > ENTRIES, "{copied:?}");
}
