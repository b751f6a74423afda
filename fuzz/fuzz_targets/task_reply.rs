//! Arbitrary bytes as the common reply and its error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use task_envelope_tests::checks;

fuzz_target!(|bytes: &[u8]| checks::task_reply(bytes));
