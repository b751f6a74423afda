//! Side-by-side ratios on a noisy machine: every contender parses the same
//! batch reply in every round, in a new random order each round, and the
//! report gives, per size, the median over rounds of each contender's time
//! relative to the owned parse (`BatchResponse<R>`), with the allocations
//! of one parse. Medians of per-round ratios cancel most of what other
//! processes do to a shared machine; instruction counts back them:
//!
//! ```sh
//! cargo bench -p task-envelope --features json --bench ratios                 # the ratios table
//! cargo bench -p task-envelope --features json --bench ratios -- --size 100       # one size only
//! cargo bench -p task-envelope --features json --bench ratios -- --once owned 100   # one parse, for callgrind
//! ```
//!
//! `benches/README.md` says how the callgrind numbers are taken.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use indexmap::IndexMap;
use serde::Deserialize;
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use task_envelope::{BatchOutcome, BatchResponse, BatchResponseRef, Code, Resource};

#[global_allocator]
static GLOBAL: &StatsAlloc<std::alloc::System> = &INSTRUMENTED_SYSTEM;

const SIZES: &[usize] = &[10, 100, 1_000, 10_000, 100_000];
const ROUNDS: usize = 31;
/// How long one contender runs in one round.
const SLICE: Duration = Duration::from_millis(20);

#[derive(Resource)]
struct Instance {
    #[resource(id)]
    instance_id: String,
}

#[path = "shared/reply.rs"]
mod shared_reply;

/// The reply of `batch.rs`, without escapes, so that a derive borrowing
/// `&str` can read it.
fn reply(entries: usize) -> String {
    shared_reply::reply(entries, false)
}

/// The plain derive a user would write (with this crate's lenient `Code`,
/// the most favourable choice for it).
#[derive(Deserialize)]
struct Entry {
    code: Code,
    #[serde(default)]
    #[allow(dead_code)]
    message: String,
    #[serde(rename = "requestId", default)]
    #[allow(dead_code)]
    request_id: Option<String>,
}

#[derive(Deserialize)]
struct IndexBatch {
    detail: IndexMap<String, Entry>,
}

#[derive(Deserialize)]
struct HashBatch {
    detail: HashMap<String, Entry>,
}

/// The same, borrowing `&str` from the input.
#[derive(Deserialize)]
struct BorrowedEntry<'a> {
    code: Code,
    #[serde(default, borrow)]
    #[allow(dead_code)]
    message: &'a str,
    #[serde(rename = "requestId", default, borrow)]
    #[allow(dead_code)]
    request_id: Option<&'a str>,
}

#[derive(Deserialize)]
struct BorrowedIndexBatch<'a> {
    #[serde(borrow)]
    detail: IndexMap<&'a str, BorrowedEntry<'a>>,
}

/// The borrowed derive again, but with every value this crate reads with
/// `deserialize_any` read that way too: the entry (an object, or a scalar
/// kept as an extra), `message` (a string or `null`) and `requestId` (a
/// string, an integer or `null`). A reader that is generic over formats must
/// ask for any value there (asking `serde_json` for a map or an option
/// would refuse the scalars, or RON's plain strings); this row measures that
/// price on the derive itself.
struct AnyText<'a>(#[allow(dead_code)] Option<std::borrow::Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for AnyText<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text<'a>(std::marker::PhantomData<&'a ()>);

        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Text<'a> {
            type Value = AnyText<'a>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string or null")
            }

            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Self::Value, E> {
                Ok(AnyText(Some(text.into())))
            }

            fn visit_str<E>(self, text: &str) -> Result<Self::Value, E> {
                Ok(AnyText(Some(text.to_owned().into())))
            }

            fn visit_u64<E>(self, number: u64) -> Result<Self::Value, E> {
                Ok(AnyText(Some(number.to_string().into())))
            }

            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(AnyText(None))
            }
        }

        deserializer.deserialize_any(Text(std::marker::PhantomData))
    }
}

#[derive(Deserialize)]
struct AnyEntry<'a> {
    code: Code,
    #[serde(default, borrow)]
    #[allow(dead_code)]
    message: Option<AnyText<'a>>,
    #[serde(rename = "requestId", default, borrow)]
    #[allow(dead_code)]
    request_id: Option<AnyText<'a>>,
}

/// An entry asked for with `deserialize_any`.
struct AnyObject<'a>(AnyEntry<'a>);

impl<'de: 'a, 'a> Deserialize<'de> for AnyObject<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Object<'a>(std::marker::PhantomData<&'a ()>);

        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Object<'a> {
            type Value = AnyObject<'a>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an entry")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                AnyEntry::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(AnyObject)
            }
        }

        deserializer.deserialize_any(Object(std::marker::PhantomData))
    }
}

#[derive(Deserialize)]
struct AnyIndexBatch<'a> {
    #[serde(borrow)]
    detail: IndexMap<&'a str, AnyObject<'a>>,
}

fn failed<'a>(codes: impl Iterator<Item = &'a Code>) -> usize {
    codes.filter(|code| !code.is_success()).count()
}

/// One contender: a name and one parse, returning how many entries failed.
type Parse = fn(&str) -> usize;

/// The first is the baseline. Replies come as the bytes of an HTTP body:
/// this crate's rows read them through its entry point
/// ([`task_envelope::from_slice`], which the `reqwest` helper uses), the
/// plain derives through `serde_json::from_slice`, as their users would.
/// The `_str` rows read the same text as a `&str` (no UTF-8 checks per
/// string), for the parsers alone.
const CONTENDERS: &[(&str, Parse)] = &[
    ("owned", |json| {
        let reply: BatchResponse<Instance> = task_envelope::from_slice(json.as_bytes()).unwrap();
        match reply.outcome() {
            BatchOutcome::PartialFailure => reply.failed_count(),
            other => panic!("{other}"),
        }
    }),
    ("borrowed", |json| {
        let reply: BatchResponseRef<'_, Instance> =
            task_envelope::from_slice(json.as_bytes()).unwrap();
        reply.failed_count()
    }),
    ("derive_index_map", |json| {
        let reply: IndexBatch = serde_json::from_slice(json.as_bytes()).unwrap();
        failed(reply.detail.values().map(|entry| &entry.code))
    }),
    ("derive_hash_map", |json| {
        let reply: HashBatch = serde_json::from_slice(json.as_bytes()).unwrap();
        failed(reply.detail.values().map(|entry| &entry.code))
    }),
    ("derive_index_map_borrowed", |json| {
        let reply: BorrowedIndexBatch<'_> = serde_json::from_slice(json.as_bytes()).unwrap();
        failed(reply.detail.values().map(|entry| &entry.code))
    }),
    ("owned_str", |json| {
        let reply: BatchResponse<Instance> = serde_json::from_str(json).unwrap();
        reply.failed_count()
    }),
    ("borrowed_str", |json| {
        let reply: BatchResponseRef<'_, Instance> = serde_json::from_str(json).unwrap();
        reply.failed_count()
    }),
    ("derive_index_map_str", |json| {
        let reply: IndexBatch = serde_json::from_str(json).unwrap();
        failed(reply.detail.values().map(|entry| &entry.code))
    }),
    ("derive_hash_map_str", |json| {
        let reply: HashBatch = serde_json::from_str(json).unwrap();
        failed(reply.detail.values().map(|entry| &entry.code))
    }),
    ("derive_index_map_borrowed_str", |json| {
        let reply: BorrowedIndexBatch<'_> = serde_json::from_str(json).unwrap();
        failed(reply.detail.values().map(|entry| &entry.code))
    }),
    ("derive_any_borrowed_str", |json| {
        let reply: AnyIndexBatch<'_> = serde_json::from_str(json).unwrap();
        failed(reply.detail.values().map(|entry| &entry.0.code))
    }),
    ("ignored_any", |json| {
        serde_json::from_slice::<serde::de::IgnoredAny>(json.as_bytes()).unwrap();
        0
    }),
];

/// A small generator for the round order (no dependency for it).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from((self.0 >> 33) % below as u64).unwrap_or(0)
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Times `parse` on `json` for about `SLICE`: seconds per parse.
fn time(parse: Parse, json: &str, iterations: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..iterations {
        black_box(parse(black_box(json)));
    }
    start.elapsed().as_secs_f64() / f64::from(iterations)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|arg| arg == "--once") {
        // One parse of one contender (for callgrind), or none ("none"):
        // the difference of the two counts is the parse's.
        let name = args.get(at + 1).map_or("owned", String::as_str);
        let size = args.get(at + 2).and_then(|n| n.parse().ok()).unwrap_or(100);
        let json = reply(size);
        if let Some((_, parse)) = CONTENDERS.iter().find(|(known, _)| *known == name) {
            black_box(parse(black_box(&json)));
        }
        return;
    }
    if args.iter().any(|arg| arg == "--list") {
        return;
    }
    let mut order = Lcg(0x5eed);
    println!(
        "Medians over {ROUNDS} rounds of each contender's time relative to `owned` in the same round \
         (below 1: faster than `owned`); allocations of one parse."
    );
    // `-- --size N` runs one size only.
    let only: Option<usize> = args
        .iter()
        .position(|arg| arg == "--size")
        .and_then(|at| args.get(at + 1)?.parse().ok());
    // `-- --only a,b` times the baseline and these contenders only.
    let only_names: Vec<&str> = args
        .iter()
        .position(|arg| arg == "--only")
        .and_then(|at| args.get(at + 1))
        .map(|names| names.split(',').collect())
        .unwrap_or_default();
    for &size in SIZES
        .iter()
        .filter(|&&size| only.is_none_or(|only| only == size))
    {
        let json = reply(size);
        let expected = CONTENDERS[0].1(&json);
        // Iterations per slice, from one timed parse of the owned reply.
        let once =
            Duration::from_secs_f64(time(CONTENDERS[0].1, &json, 1)).max(Duration::from_nanos(1));
        let iterations =
            u32::try_from((SLICE.as_nanos() / once.as_nanos()).clamp(1, 100_000)).unwrap_or(1);
        let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); CONTENDERS.len()];
        let mut owned_times = Vec::new();
        for _ in 0..ROUNDS {
            let mut indices: Vec<usize> = (0..CONTENDERS.len())
                .filter(|&index| {
                    index == 0 || only_names.is_empty() || only_names.contains(&CONTENDERS[index].0)
                })
                .collect();
            for i in (1..indices.len()).rev() {
                indices.swap(i, order.next(i + 1));
            }
            let mut times = vec![f64::NAN; CONTENDERS.len()];
            for &index in &indices {
                times[index] = time(CONTENDERS[index].1, &json, iterations);
            }
            owned_times.push(times[0]);
            for (index, time) in times.iter().enumerate().filter(|(_, time)| !time.is_nan()) {
                ratios[index].push(time / times[0]);
            }
        }
        println!();
        println!(
            "{size} entries ({} bytes; owned: {:.2} µs per parse)",
            json.len(),
            median(&mut owned_times) * 1e6
        );
        println!("| contender | time vs owned | owned's speed vs it | allocations |");
        println!("|---|---|---|---|");
        for (index, (name, parse)) in CONTENDERS.iter().enumerate() {
            if ratios[index].is_empty() {
                continue;
            }
            let region = Region::new(GLOBAL);
            let failed = parse(&json);
            let allocations = region.change().allocations;
            assert!(
                *name == "ignored_any" || failed == expected,
                "{name} counted {failed} failures, not {expected}"
            );
            let ratio = median(&mut ratios[index]);
            println!(
                "| `{name}` | {ratio:.3} | {:.2}× | {allocations} |",
                1.0 / ratio
            );
        }
    }
}
