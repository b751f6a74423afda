//! Compile-time behaviour of the derives: what they refuse (with the error
//! under the offending tokens) and what they accept.
//!
//! Regenerate the `.stderr` files with `TRYBUILD=overwrite cargo test -p
//! task-envelope-compile-tests --test ui`, then read every caret before
//! committing.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/resource/*.rs");
    cases.compile_fail("ui/resource_id/*.rs");
    cases.compile_fail("ui/batch/*.rs");
    cases.compile_fail("ui/task_chain/*.rs");
    cases.pass("ui/pass/*.rs");
}
