//! Arbitrary bytes as a batch reply keyed by a prefixed `ResourceId`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use task_envelope_tests::checks;
use task_envelope_tests::resources::Instance;

fuzz_target!(|bytes: &[u8]| checks::batch_reply::<Instance>(bytes));
