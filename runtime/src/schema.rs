//! `schemars::JsonSchema` for the reply types (feature `schemars`).
