//! The `trybuild` cases of the derives live in `ui/` beside this crate and
//! run from `tests/ui.rs`: `cargo test -p task-envelope-compile-tests`.
//! This library is empty; the crate exists so that trybuild builds only what
//! the cases use (the runtime, the shared test resources and `serde_json`),
//! not the whole test suite's dependencies.
