//! Replays every committed fuzz corpus file (and every fixture) through the
//! fuzz targets' checks, so a regression is caught without the fuzzer.

use std::fs;
use std::path::Path;

use task_envelope_tests::checks;

#[test]
fn every_corpus_file_passes_the_fuzz_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    let mut replayed = 0;
    for target in fs::read_dir(&root).expect("fuzz/corpus exists") {
        let target = target.expect("a corpus folder");
        let name = target.file_name().to_string_lossy().into_owned();
        for file in fs::read_dir(target.path()).expect("a readable corpus folder") {
            let path = file.expect("a corpus file").path();
            let bytes = fs::read(&path).expect("a readable corpus file");
            // The structured target's files are `arbitrary` bytes, decoded
            // as the fuzzer decodes them.
            if name == "built_batch" {
                checks::built_bytes(&bytes);
            }
            checks::all(&bytes);
            replayed += 1;
        }
    }
    assert!(replayed >= 40, "only {replayed} corpus files");
}

#[test]
fn every_fixture_passes_the_fuzz_checks() {
    for (_, json) in task_envelope_tests::fixtures::ALL {
        checks::all(json.as_bytes());
    }
}
