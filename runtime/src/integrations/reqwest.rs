//! Reading replies from a `reqwest::Response` (feature `reqwest`).

use core::fmt;
use core::future::Future;

use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;

use crate::RequestId;
use crate::text::{Cut, ID_DISPLAY_LIMIT, IdText};

/// The header that carries a request id when the server sends one.
const REQUEST_ID_HEADER: &str = "x-request-id";

/// Reads a reply of this crate from an HTTP response (available with the
/// `reqwest` feature).
///
/// Implemented for [`reqwest::Response`] only (the trait is sealed). Bring it
/// into scope and call [`task_reply`](ResponseExt::task_reply):
///
/// ```no_run
/// use task_envelope::{BatchResponse, ResponseExt, Resource};
///
/// #[derive(Resource)]
/// struct Instance { #[resource(id)] instance_id: String }
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let client = reqwest::Client::new();
/// let reply = client
///     .post("http://127.0.0.1:8080/v2/instances/start")
///     .body(r#"{"instance_ids": ["ins-1", "ins-2"]}"#)
///     .send()
///     .await?
///     .task_reply::<BatchResponse<Instance>>()
///     .await?;
/// for (id, failure) in reply.failed() {
///     eprintln!("{}: {failure}", task_envelope::OneLine(id));
/// }
/// # Ok(())
/// # }
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub trait ResponseExt: sealed::Sealed {
    /// Reads the whole body once and parses it as `T`, a reply type of this
    /// crate ([`TaskResponse`](crate::TaskResponse),
    /// [`BatchResponse`](crate::BatchResponse),
    /// [`JobResponse`](crate::JobResponse),
    /// [`JobStatus`](crate::JobStatus)) or any other JSON type.
    ///
    /// The body is parsed whatever the HTTP status: both dialects send
    /// failures as replies (a batch with code 5400 comes with `200 OK`, a
    /// rejected job with `400`), and those parse into the reply's own failure
    /// values. A body that cannot be read or parsed gives a [`ReplyError`]
    /// that keeps the status, the request id and the body.
    fn task_reply<T: DeserializeOwned>(self) -> impl Future<Output = Result<T, ReplyError>> + Send;
}

impl ResponseExt for reqwest::Response {
    fn task_reply<T: DeserializeOwned>(self) -> impl Future<Output = Result<T, ReplyError>> + Send {
        let status = self.status();
        let header_id = request_id_header(self.headers());
        async move {
            let body = match self.bytes().await {
                Ok(body) => body,
                Err(error) => {
                    return Err(ReplyError {
                        status,
                        request_id: header_id,
                        reason: Reason::Body(error),
                    });
                }
            };
            crate::from_slice(&body).map_err(|error| ReplyError {
                status,
                request_id: header_id.or_else(|| request_id_in_body(&body)),
                reason: Reason::Parse {
                    error,
                    body: body.to_vec(),
                },
            })
        }
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for reqwest::Response {}
}

/// The `X-Request-Id` header, when present and printable.
fn request_id_header(headers: &HeaderMap) -> Option<RequestId> {
    let value = headers.get(REQUEST_ID_HEADER)?.to_str().ok()?;
    (!value.is_empty()).then(|| RequestId::from(value))
}

/// The top-level request id of a body that did not parse as the expected
/// reply, when the body is a JSON object with a `requestId` (legacy API) or
/// `request_id` (gateway errors), a string or an integer.
fn request_id_in_body(body: &[u8]) -> Option<RequestId> {
    /// Reads the body as a map, putting the first request id it meets into
    /// the slot and skipping every other key.
    struct FindRequestId<'a>(&'a mut Option<RequestId>);

    impl<'de> serde::de::DeserializeSeed<'de> for FindRequestId<'_> {
        type Value = ();

        fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_map(self)
        }
    }

    impl<'de> serde::de::Visitor<'de> for FindRequestId<'_> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                if matches!(key.as_str(), "requestId" | "request_id") && self.0.is_none() {
                    *self.0 = map.next_value::<Option<RequestId>>()?;
                } else {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
            Ok(())
        }
    }

    // The slot is filled as soon as the id is read, so a body that breaks
    // off after `requestId` still gives it: the reader's error is of no use.
    let mut found = None;
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let _ = serde::de::DeserializeSeed::deserialize(FindRequestId(&mut found), &mut deserializer);
    found.filter(|id| !id.as_str().is_empty())
}

/// Why [`ResponseExt::task_reply`] could not give a reply (available with the
/// `reqwest` feature).
///
/// It keeps the HTTP status and the request id: the `X-Request-Id` header
/// when the server sent one, otherwise the body's top-level `requestId` or
/// `request_id` (a string or an integer) when the body has one. A call whose server sent neither has no id to keep.
///
/// ```
/// # async fn run(response: reqwest::Response) {
/// use task_envelope::{ResponseExt, TaskResponse};
///
/// match response.task_reply::<TaskResponse>().await {
///     Ok(reply) => println!("{reply:?}"),
///     Err(error) => {
///         // "HTTP 502 Bad Gateway (request id 7f3a): the body is not a valid reply: ..."
///         eprintln!("{error}");
///         eprintln!("status {}, request id {:?}", error.status(), error.request_id());
///     }
/// }
/// # }
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub struct ReplyError {
    status: StatusCode,
    request_id: Option<RequestId>,
    reason: Reason,
}

enum Reason {
    /// The body could not be read.
    Body(reqwest::Error),
    /// The body was read but is not a valid reply.
    Parse {
        error: serde_json::Error,
        body: Vec<u8>,
    },
}

impl ReplyError {
    /// The HTTP status of the response.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The request id: the `X-Request-Id` header, or the body's `requestId`.
    pub fn request_id(&self) -> Option<&RequestId> {
        self.request_id.as_ref()
    }

    /// The body as received, when it was read but is not a valid reply.
    pub fn body(&self) -> Option<&[u8]> {
        match &self.reason {
            Reason::Parse { body, .. } => Some(body),
            Reason::Body(_) => None,
        }
    }

    /// Whether the body was read but is not a valid reply (otherwise reading
    /// it failed).
    pub fn is_parse(&self) -> bool {
        matches!(self.reason, Reason::Parse { .. })
    }

    /// The parse error, when the body is not a valid reply: its line and
    /// column, and what was wrong.
    pub fn parse_error(&self) -> Option<&serde_json::Error> {
        match &self.reason {
            Reason::Parse { error, .. } => Some(error),
            Reason::Body(_) => None,
        }
    }
}

impl fmt::Display for ReplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}", self.status)?;
        if let Some(id) = &self.request_id {
            write!(f, " (request id {})", Cut(&id.as_str(), ID_DISPLAY_LIMIT))?;
        }
        match &self.reason {
            Reason::Body(error) => write!(f, ": the body could not be read: {error}"),
            Reason::Parse { error, body } => {
                let text = String::from_utf8_lossy(body);
                write!(
                    f,
                    ": the body is not a valid reply: {error}; body {}",
                    IdText(&text)
                )
            }
        }
    }
}

impl fmt::Debug for ReplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("ReplyError");
        debug
            .field("status", &self.status)
            .field("request_id", &self.request_id);
        match &self.reason {
            Reason::Body(error) => debug.field("body_error", error),
            Reason::Parse { error, body } => debug
                .field("parse_error", error)
                .field("body", &String::from_utf8_lossy(body)),
        };
        debug.finish()
    }
}

impl std::error::Error for ReplyError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.reason {
            Reason::Body(error) => Some(error),
            Reason::Parse { error, .. } => Some(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::request_id_in_body;

    #[test]
    fn the_request_id_is_read_from_a_body_that_is_not_a_reply() {
        let id = |body: &str| request_id_in_body(body.as_bytes()).map(|id| id.to_string());
        assert_eq!(
            id(r#"{"requestId": "r-1", "code": "5.4e3"}"#).as_deref(),
            Some("r-1")
        );
        assert_eq!(
            id(r#"{"code": [1, {"a": 2}], "requestId": "r-2"}"#).as_deref(),
            Some("r-2")
        );
        // The reader stops at the id: what follows may be broken.
        assert_eq!(
            id(r#"{"requestId": "r-3", "code": XXX"#).as_deref(),
            Some("r-3")
        );
        // Real replies send integer ids, and gateways spell it `request_id`.
        assert_eq!(id(r#"{"requestId": 7}"#).as_deref(), Some("7"));
        assert_eq!(
            id(r#"{"error_code": "APIG.0101", "request_id": "acbc"}"#).as_deref(),
            Some("acbc")
        );
        assert_eq!(id(r#"{"requestId": true}"#), None);
        assert_eq!(id(r#"{"requestId": ""}"#), None);
        assert_eq!(id(r#"{"requestId": null}"#), None);
        assert_eq!(id(r#"["requestId", "r-4"]"#), None);
        assert_eq!(id("<html>"), None);
        assert_eq!(id(""), None);
    }
}
