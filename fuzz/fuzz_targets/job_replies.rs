//! Arbitrary bytes as the job dialect's submission reply and job status.
#![no_main]

use libfuzzer_sys::fuzz_target;
use task_envelope_tests::checks;
use task_envelope_tests::resources::{Bucket, Instance};

fuzz_target!(|bytes: &[u8]| {
    checks::job_reply(bytes);
    checks::job_status::<Bucket>(bytes);
    checks::job_status::<Instance>(bytes);
});
