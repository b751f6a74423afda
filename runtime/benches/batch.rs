//! Parsing and judging batch replies, side by side with what a user would
//! write instead. Run with `cargo bench -p task-envelope`; the results and
//! the machine are in `benches/README.md`.
//!
//! Every parser is given the same bytes and ends with the same answer: the
//! outcome of the batch (how many entries failed, out of how many).

// Each module is one group of the report, over the inputs defined here.
#![allow(clippy::wildcard_imports)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::sync::LazyLock;

use divan::counter::{BytesCount, ItemsCount};
use divan::{AllocProfiler, Bencher};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use task_envelope::{
    BatchOutcome, BatchResponse, BatchResponseRef, Code, RequestId, Resource, TaskError,
    TaskResponse,
};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[100, 1_000, 10_000, 100_000];

/// A resource keyed by a plain string, as most callers start.
#[derive(Resource)]
struct Instance {
    #[resource(id)]
    instance_id: String,
}

#[path = "shared/reply.rs"]
mod shared_reply;

use shared_reply::reply;

/// The inputs, built once per size.
static PLAIN: LazyLock<Vec<String>> =
    LazyLock::new(|| SIZES.iter().map(|&n| reply(n, false)).collect());
static ESCAPED: LazyLock<Vec<String>> =
    LazyLock::new(|| SIZES.iter().map(|&n| reply(n, true)).collect());

fn input(set: &'static LazyLock<Vec<String>>, entries: usize) -> &'static str {
    let index = SIZES.iter().position(|&n| n == entries).unwrap_or(0);
    &set[index]
}

fn counted<'a, 'b>(bencher: Bencher<'a, 'b>, json: &str, entries: usize) -> Bencher<'a, 'b> {
    bencher
        .counter(BytesCount::new(json.len()))
        .counter(ItemsCount::new(entries))
}

/// The plain derive a user would write (reusing this crate's lenient `Code`,
/// the most favourable choice for the baseline).
#[derive(Deserialize, Serialize)]
struct PlainEntry {
    code: Code,
    #[serde(default)]
    message: String,
    #[serde(rename = "requestId", default, skip_serializing_if = "Option::is_none")]
    request_id: Option<String>,
}

#[derive(Deserialize)]
struct PlainHashBatch {
    code: Code,
    #[serde(default)]
    message: String,
    detail: HashMap<String, PlainEntry>,
}

#[derive(Deserialize, Serialize)]
struct PlainIndexBatch {
    code: Code,
    #[serde(default)]
    message: String,
    detail: IndexMap<String, PlainEntry>,
}

/// The outcome a user computes by walking their map.
fn judge<'a>(entries: impl Iterator<Item = &'a PlainEntry>) -> (usize, usize) {
    entries.fold((0, 0), |(failed, all), entry| {
        // Code 0 is a success, with or without a task number (the rule).
        let ok = entry.code.is_success();
        (failed + usize::from(!ok), all + 1)
    })
}

mod parse {
    use super::*;

    #[divan::bench(args = SIZES)]
    fn task_envelope(bencher: Bencher, entries: usize) {
        let json = input(&PLAIN, entries);
        counted(bencher, json, entries).bench(|| {
            let reply: BatchResponse<Instance> = serde_json::from_str(black_box(json)).unwrap();
            black_box(reply.outcome())
        });
    }

    #[divan::bench(args = SIZES)]
    fn task_envelope_escaped_ids(bencher: Bencher, entries: usize) {
        let json = input(&ESCAPED, entries);
        counted(bencher, json, entries).bench(|| {
            let reply: BatchResponse<Instance> = serde_json::from_str(black_box(json)).unwrap();
            black_box(reply.outcome())
        });
    }

    #[divan::bench(args = SIZES)]
    fn task_envelope_borrowed(bencher: Bencher, entries: usize) {
        let json = input(&PLAIN, entries);
        counted(bencher, json, entries).bench(|| {
            let reply: BatchResponseRef<'_, Instance> =
                serde_json::from_str(black_box(json)).unwrap();
            black_box(reply.outcome())
        });
    }

    #[divan::bench(args = SIZES)]
    fn task_envelope_borrowed_escaped_ids(bencher: Bencher, entries: usize) {
        let json = input(&ESCAPED, entries);
        counted(bencher, json, entries).bench(|| {
            let reply: BatchResponseRef<'_, Instance> =
                serde_json::from_str(black_box(json)).unwrap();
            black_box(reply.outcome())
        });
    }

    #[divan::bench(args = SIZES)]
    fn derive_hash_map(bencher: Bencher, entries: usize) {
        let json = input(&PLAIN, entries);
        counted(bencher, json, entries).bench(|| {
            let reply: PlainHashBatch = serde_json::from_str(black_box(json)).unwrap();
            black_box((
                reply.code,
                reply.message.len(),
                judge(reply.detail.values()),
            ))
        });
    }

    #[divan::bench(args = SIZES)]
    fn derive_index_map(bencher: Bencher, entries: usize) {
        let json = input(&PLAIN, entries);
        counted(bencher, json, entries).bench(|| {
            let reply: PlainIndexBatch = serde_json::from_str(black_box(json)).unwrap();
            black_box((
                reply.code,
                reply.message.len(),
                judge(reply.detail.values()),
            ))
        });
    }

    #[divan::bench(args = SIZES)]
    fn json_value_walked(bencher: Bencher, entries: usize) {
        let json = input(&PLAIN, entries);
        counted(bencher, json, entries).bench(|| {
            let value: serde_json::Value = serde_json::from_str(black_box(json)).unwrap();
            let detail = value["detail"].as_object().unwrap();
            let failed = detail
                .values()
                .filter(|entry| {
                    let code = match &entry["code"] {
                        serde_json::Value::Number(n) => n.as_i64(),
                        serde_json::Value::String(s) => s.parse().ok(),
                        _ => None,
                    };
                    !(code == Some(0) && entry["requestId"].is_string())
                })
                .count();
            black_box((failed, detail.len()))
        });
    }

    /// The ceiling: `serde_json` reading the bytes and keeping nothing.
    #[divan::bench(args = SIZES)]
    fn ignored_any(bencher: Bencher, entries: usize) {
        let json = input(&PLAIN, entries);
        counted(bencher, json, entries).bench(|| {
            black_box(serde_json::from_str::<serde::de::IgnoredAny>(black_box(json)).unwrap())
        });
    }
}

mod write {
    use super::*;

    const ENTRIES: usize = 100_000;

    #[divan::bench]
    fn task_envelope(bencher: Bencher) {
        let reply: BatchResponse<Instance> = serde_json::from_str(input(&PLAIN, ENTRIES)).unwrap();
        let len = serde_json::to_vec(&reply).unwrap().len();
        counted(bencher, &" ".repeat(len), ENTRIES)
            .bench(|| black_box(serde_json::to_vec(black_box(&reply)).unwrap()));
    }

    #[divan::bench]
    fn derive_index_map(bencher: Bencher) {
        let reply: PlainIndexBatch = serde_json::from_str(input(&PLAIN, ENTRIES)).unwrap();
        let len = serde_json::to_vec(&reply).unwrap().len();
        counted(bencher, &" ".repeat(len), ENTRIES)
            .bench(|| black_box(serde_json::to_vec(black_box(&reply)).unwrap()));
    }
}

mod build {
    use super::*;

    const ENTRIES: usize = 100_000;

    #[divan::bench]
    fn from_results(bencher: Bencher) {
        bencher
            .counter(ItemsCount::new(ENTRIES))
            .with_inputs(|| {
                // Request ids from one reused buffer: the setup leaves no
                // freed strings behind, whose reuse (or return to the
                // system) would otherwise decide the timing of the
                // allocations below more than `from_results` does.
                let mut text = String::new();
                (0..ENTRIES)
                    .map(|i| {
                        let result = if i % 10 == 3 {
                            Err(TaskError::new(Code::new(4001), "quota exceeded"))
                        } else {
                            text.clear();
                            let _ = write!(text, "{}", 1_000_000_000_000 + i);
                            Ok(RequestId::from(text.as_str()))
                        };
                        (format!("ins-{i:08}"), result)
                    })
                    .collect::<Vec<_>>()
            })
            .bench_values(|results| {
                let reply = BatchResponse::<Instance>::from_results(results);
                assert_eq!(reply.outcome(), BatchOutcome::PartialFailure);
                black_box(reply)
            });
    }
}

/// The payload path: an action's own fields beside the envelope's, read in
/// the same pass, against the same reply without a payload and against the
/// same fields through `#[serde(flatten)]` (which buffers every field).
mod payload {
    use super::*;

    /// `CreateLoadBalancer`'s own fields.
    #[derive(Deserialize, Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Created {
        deal_ids: Vec<String>,
        un_load_balancer_ids: HashMap<String, Vec<String>>,
    }

    /// The envelope and the fields as one derive, through `flatten`.
    #[derive(Deserialize)]
    struct Flattened {
        code: Code,
        #[serde(default)]
        message: String,
        #[serde(rename = "codeDesc", default)]
        code_desc: Option<String>,
        #[serde(rename = "requestId", default)]
        request_id: Option<RequestId>,
        #[serde(flatten)]
        created: Created,
    }

    /// A `CreateLoadBalancer` reply creating `count` load balancers.
    fn create_reply(count: usize) -> String {
        let ids: Vec<String> = (0..count).map(|i| format!("\"lb-{i:08}\"")).collect();
        format!(
            r#"{{"code": 0, "message": "", "codeDesc": "Success", "requestId": 3901942, "dealIds": ["3901942"], "unLoadBalancerIds": {{"3901942": [{}]}}}}"#,
            ids.join(", ")
        )
    }

    const COUNTS: &[usize] = &[3, 100];

    static CREATE: LazyLock<Vec<String>> =
        LazyLock::new(|| COUNTS.iter().map(|&n| create_reply(n)).collect());

    fn create(count: usize) -> &'static str {
        &CREATE[COUNTS.iter().position(|&n| n == count).unwrap()]
    }

    #[divan::bench(args = COUNTS)]
    fn task_no_payload(bencher: Bencher, count: usize) {
        let json = create(count);
        bencher
            .counter(BytesCount::of_str(json))
            .bench(|| black_box(serde_json::from_str::<TaskResponse>(black_box(json)).unwrap()));
    }

    #[divan::bench(args = COUNTS)]
    fn task_payload(bencher: Bencher, count: usize) {
        let json = create(count);
        bencher.counter(BytesCount::of_str(json)).bench(|| {
            let reply: TaskResponse<Created> = serde_json::from_str(black_box(json)).unwrap();
            black_box(reply.payload.unwrap().un_load_balancer_ids.len())
        });
    }

    /// The floor: `Created` alone on the same bytes (the derive skips the
    /// envelope's fields), which every way of reading the reply pays.
    #[divan::bench(args = COUNTS)]
    fn payload_alone(bencher: Bencher, count: usize) {
        let json = create(count);
        bencher.counter(BytesCount::of_str(json)).bench(|| {
            let created: Created = serde_json::from_str(black_box(json)).unwrap();
            black_box(created.un_load_balancer_ids.len())
        });
    }

    #[divan::bench(args = COUNTS)]
    fn serde_flatten(bencher: Bencher, count: usize) {
        let json = create(count);
        bencher.counter(BytesCount::of_str(json)).bench(|| {
            let reply: Flattened = serde_json::from_str(black_box(json)).unwrap();
            black_box((
                reply.code,
                reply.message.len(),
                reply.code_desc,
                reply.request_id,
                reply.created.un_load_balancer_ids.len(),
            ))
        });
    }

    /// A batch reply with the same action fields beside `detail`.
    static BATCH: LazyLock<String> = LazyLock::new(|| {
        let plain = input(&PLAIN, 100);
        format!(
            r#"{}, "dealIds": ["3901942"], "unLoadBalancerIds": {{"3901942": ["lb-1", "lb-2"]}}}}"#,
            &plain[..plain.len() - 1]
        )
    });

    #[divan::bench]
    fn batch_100_no_payload(bencher: Bencher) {
        let json = BATCH.as_str();
        counted(bencher, json, 100).bench(|| {
            let reply: BatchResponse<Instance> = serde_json::from_str(black_box(json)).unwrap();
            black_box(reply.outcome())
        });
    }

    #[divan::bench]
    fn batch_100_payload(bencher: Bencher) {
        let json = BATCH.as_str();
        counted(bencher, json, 100).bench(|| {
            let reply: BatchResponse<Instance, Created> =
                serde_json::from_str(black_box(json)).unwrap();
            black_box((reply.outcome(), reply.payload().map(|p| p.deal_ids.len())))
        });
    }
}
