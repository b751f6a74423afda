//! Structured: arbitrary per-resource results through `from_results`, then
//! the outer-code rule and the round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use task_envelope_tests::checks::{self, BuiltInput};

fuzz_target!(|input: BuiltInput| checks::built_batch(&input.0));
