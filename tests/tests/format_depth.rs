//! Deep nesting in an unknown field, in the formats that hand nested values
//! to the visitor a level at a time (CBOR, `MessagePack`), with their own
//! limits raised out of the way: skipping and keeping values never recurses
//! without bound. Each reply is parsed on a thread with a 256 KiB stack, and
//! gets a success or a short error, never a stack overflow: values of
//! unknown shape nest at most 32 levels in a compact format (each level
//! costs these decoders several KiB of stack in a debug build).

use task_envelope::{BatchResponse, JobStatus, TaskResponse};
use task_envelope_tests::resources::Bucket;

/// `levels` arrays, each holding the next, the innermost empty, in the
/// encoding whose one-element and empty array headers are `one` and `empty`.
fn nested(levels: usize, one: u8, empty: u8) -> Vec<u8> {
    let mut bytes = vec![one; levels - 1];
    bytes.push(empty);
    bytes
}

/// A map of `fields` (text keys), with `map` the header of a map of that
/// many entries and `text` the header of a string of that many bytes.
fn map(map: u8, text: fn(usize) -> u8, fields: &[(&str, &[u8])]) -> Vec<u8> {
    let mut bytes = vec![map + u8::try_from(fields.len()).unwrap()];
    for (key, value) in fields {
        bytes.push(text(key.len()));
        bytes.extend_from_slice(key.as_bytes());
        bytes.extend_from_slice(value);
    }
    bytes
}

/// The headers of one encoding: (map, text, one-element array, empty array,
/// the integer 0).
struct Encoding {
    map: u8,
    text: fn(usize) -> u8,
    one: u8,
    empty: u8,
    zero: u8,
}

const CBOR: Encoding = Encoding {
    map: 0xa0,
    text: |len| 0x60 + u8::try_from(len).unwrap(),
    one: 0x81,
    empty: 0x80,
    zero: 0x00,
};

const MSGPACK: Encoding = Encoding {
    map: 0x80,
    text: |len| 0xa0 + u8::try_from(len).unwrap(),
    one: 0x91,
    empty: 0x90,
    zero: 0x00,
};

impl Encoding {
    fn map(&self, fields: &[(&str, &[u8])]) -> Vec<u8> {
        map(self.map, self.text, fields)
    }

    fn text(&self, text: &str) -> Vec<u8> {
        let mut bytes = vec![(self.text)(text.len())];
        bytes.extend_from_slice(text.as_bytes());
        bytes
    }

    /// A task reply, a batch and a job status, each with `levels` of nesting
    /// in an unknown field: at the top level of the reply, in a `detail`
    /// entry, in a job's `entities`.
    fn replies(&self, levels: usize) -> [(&'static str, Vec<u8>); 3] {
        let deep = nested(levels, self.one, self.empty);
        let zero = [self.zero];
        let task = self.map(&[("code", &zero), ("x", &deep)]);
        let entry = self.map(&[("code", &zero), ("x", &deep)]);
        let batch = self.map(&[("code", &zero), ("detail", &self.map(&[("b", &entry)]))]);
        let entities = self.map(&[("x", &deep)]);
        let job = self.map(&[
            ("status", &self.text("RUNNING")),
            ("job_id", &self.text("j")),
            ("entities", &entities),
        ]);
        [("task", task), ("batch", batch), ("job", job)]
    }
}

/// Parses `bytes` as the reply `kind` with `read`; `Ok` or the error.
fn parse_as(kind: &str, bytes: &[u8], read: &Reader) -> Result<(), String> {
    match kind {
        "task" => (read.task)(bytes),
        "batch" => (read.batch)(bytes),
        _ => (read.job)(bytes),
    }
}

struct Reader {
    task: fn(&[u8]) -> Result<(), String>,
    batch: fn(&[u8]) -> Result<(), String>,
    job: fn(&[u8]) -> Result<(), String>,
}

/// ciborium with its recursion limit raised out of the way.
fn cbor<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<(), String> {
    ciborium::de::from_reader_with_recursion_limit::<T, _>(bytes, usize::MAX)
        .map(drop)
        .map_err(|error| error.to_string())
}

/// rmp-serde at its greatest depth (65 535).
fn msgpack<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<(), String> {
    let mut deserializer = rmp_serde::Deserializer::from_read_ref(bytes);
    deserializer.set_max_depth(usize::MAX);
    serde::Deserialize::deserialize(&mut deserializer)
        .map(|_: T| ())
        .map_err(|error| error.to_string())
}

const CBOR_READER: Reader = Reader {
    task: cbor::<TaskResponse>,
    batch: cbor::<BatchResponse<Bucket>>,
    job: cbor::<JobStatus<Bucket>>,
};

const MSGPACK_READER: Reader = Reader {
    task: msgpack::<TaskResponse>,
    batch: msgpack::<BatchResponse<Bucket>>,
    job: msgpack::<JobStatus<Bucket>>,
};

#[test]
fn deep_unknown_fields_get_a_short_error_on_a_small_stack() {
    let outcomes = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let mut outcomes = Vec::new();
            for (name, encoding, reader) in [
                ("cbor", &CBOR, &CBOR_READER),
                ("msgpack", &MSGPACK, &MSGPACK_READER),
            ] {
                for levels in [10, 1_000, 100_000] {
                    for (kind, bytes) in encoding.replies(levels) {
                        let outcome = parse_as(kind, &bytes, reader);
                        outcomes.push((name, levels, kind, outcome));
                    }
                }
            }
            outcomes
        })
        .unwrap()
        .join()
        .expect("no stack overflow, no panic");
    for (format, levels, kind, outcome) in outcomes {
        let place = format!("{format}, {levels} levels, {kind}");
        match outcome {
            Ok(()) => assert_eq!(levels, 10, "{place}: a success"),
            Err(error) => {
                assert_ne!(levels, 10, "{place}: {error}");
                // The limit of a compact format (128 in a human-readable one).
                assert!(
                    error.contains("a value nests deeper than 32 levels"),
                    "{place}: {error}"
                );
                assert!(
                    error.len() < 200 && !error.contains('\n'),
                    "{place}: {error}"
                );
            }
        }
    }
}
