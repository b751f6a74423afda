//! Reading replies from `reqwest::Response` (feature `reqwest`).
