//! Arbitrary bytes as replies with a keep-everything payload and as a
//! task-result reply: what parses writes back the same JSON value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use task_envelope_tests::checks;

fuzz_target!(|bytes: &[u8]| checks::payload_replies(bytes));
