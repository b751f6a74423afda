//! Reading a reply from the bytes of an HTTP body (feature `json`).

use serde::de::Deserialize;

/// Reads a reply (or any `T`) from the JSON bytes of an HTTP body, the way
/// this crate's `reqwest` helper does: the body is checked as UTF-8 once and
/// then read as a `str`, which spares `serde_json` checking every string on
/// its own (`serde_json::from_slice` does; about a seventh of a batch parse).
/// A body that is not UTF-8 is read as bytes, so the error is
/// `serde_json`'s own, with the exact position of the bad byte.
///
/// The result may borrow from `body`, as [`BatchResponseRef`](crate::BatchResponseRef) does.
///
/// ```
/// use task_envelope::{BatchOutcome, BatchResponse, Resource};
///
/// #[derive(Resource)]
/// struct Instance {
///     #[resource(id)]
///     instance_id: String,
/// }
///
/// let body: &[u8] = br#"{"code": 0, "message": "", "detail": {"ins-1": {"code": 0, "requestId": "7"}}}"#;
/// let reply: BatchResponse<Instance> = task_envelope::from_slice(body)?;
/// assert_eq!(reply.outcome(), BatchOutcome::AllSucceeded);
///
/// let body = b"{\"code\": 4000, \"message\": \"caf\xe9\"}";
/// let error = task_envelope::from_slice::<BatchResponse<Instance>>(body).unwrap_err();
/// assert_eq!(error.to_string(), "invalid unicode code point at line 1 column 31");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn from_slice<'a, T: Deserialize<'a>>(body: &'a [u8]) -> serde_json::Result<T> {
    match core::str::from_utf8(body) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(body),
    }
}
