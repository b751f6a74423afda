//! [`ApiError`], [`ErrorShape`] and [`ErrorDetail`]: a refused request of the
//! `job_id`/`error` dialect, in whichever shape the provider sent it, codes
//! kept as text whether the wire quotes them or not: the types and their
//! methods. Read in `error/de.rs` (with `error/body.rs`), written in
//! `error/ser.rs`.

pub(crate) mod body;
mod compact;
mod de;
mod fields;
mod ser;
mod wrapped;

use core::fmt;

use crate::AnyValue;
use crate::text::OneLine;

/// A refused request of the `job_id`/`error` dialect: the whole error body,
/// in any of the shapes the providers send (see [`ErrorShape`]).
///
/// ```json
/// {"error": {"code": "Ecs.0605", "message": "...", "details": [{"code": "...", "message": "..."}]}}
/// {"error_code": "APIG.0101", "error_msg": "...", "request_id": "acbc548a..."}
/// {"errorCode": "APIG.0101", "errorMsg": "...", "requestId": "acbc548a..."}
/// {"badRequest": {"message": "Invalid tags", "code": 400}}
/// {"code": "Ecs.0605", "message": "...", "details": [...]}
/// ```
///
/// # Reading
///
/// - The shape is chosen by the keys present, in this order: `error` (an
///   object: [`ErrorShape::Error`]); `error_code` or `error_msg`
///   ([`ErrorShape::Gateway`]); `errorCode` or `errorMsg`
///   ([`ErrorShape::GatewayCamelCase`]); `code` at the top level
///   ([`ErrorShape::Bare`]); else the first field whose value is an object
///   with `message` (a string or `null`) and/or `code` (a string, an integer
///   or `null`): an `OpenStack` fault such as `badRequest`
///   ([`ErrorShape::Fault`]). A body with none of these is an error.
/// - A body that carries two shapes at once keeps the first one of that
///   order as the error, and the fields of the other in [`other`](Self::other)
///   as they came (so nothing is lost, and writing gives them back).
/// - Every code may be a string or an integer and is kept as text; a missing
///   or `null` code or message reads as `""`.
/// - `request_id` or `requestId`, at the top level or else inside the
///   wrapped object, is the request id when it is a string.
/// - Every other field is kept, in wire order, as an [`AnyValue`]: the
///   body's in [`other`](Self::other) (such as `encoded_authorization_message`),
///   the wrapped object's in [`wrapped_other`](Self::wrapped_other). A
///   repeated key the shapes read is an error.
///
/// # Writing
///
/// A parsed error is written back in its shape, with the same keys: an
/// integer code as an integer, a `null` as `null`, an absent field absent
/// (in a compact format, one that is not human-readable, a `null` is left
/// out and every code is a string, since that is how it reads them back).
/// Equality ignores these forms: two errors are equal when their values are.
/// A built error ([`ApiError::new`]) has the shape [`ErrorShape::Error`]
/// and always writes its `message` and `code`.
///
/// The shape and the other fields are reached through [`shape`](Self::shape),
/// [`other`](Self::other) and [`wrapped_other`](Self::wrapped_other) (kept
/// in a box, so that a `Result` with this error stays small).
///
/// Its `Display` is one line: the code, the message, the detail codes and
/// the request id.
///
/// ```
/// use task_envelope::{ApiError, ErrorShape};
///
/// let gateway: ApiError = serde_json::from_str(r#"{
///     "error_code": "APIG.0101", "error_msg": "API does not exist",
///     "request_id": "acbc548a", "encoded_authorization_message": "xyz"}"#)?;
/// assert_eq!(gateway.shape(), &ErrorShape::Gateway);
/// assert_eq!(gateway.request_id.as_deref(), Some("acbc548a"));
/// assert_eq!(gateway.other()[0].0, "encoded_authorization_message");
/// assert_eq!(gateway.to_string(), "APIG.0101: API does not exist (request_id acbc548a)");
///
/// let fault: ApiError = serde_json::from_str(r#"{"badRequest": {"message": "Invalid tags", "code": 400}}"#)?;
/// assert_eq!(fault.shape(), &ErrorShape::Fault("badRequest".into()));
/// assert_eq!(fault.code, "400");
/// assert_eq!(serde_json::to_string(&fault)?, r#"{"badRequest":{"message":"Invalid tags","code":400}}"#);
///
/// let error: ApiError = serde_json::from_str(r#"{"error": {
///     "message": "Insufficient quota", "code": "Ecs.0605",
///     "details": [{"message": "cores", "code": 1001}, {"message": "ram"}]}}"#)?;
/// assert_eq!(error.details[0].code.as_deref(), Some("1001"));
/// assert_eq!(error.to_string(), "Ecs.0605: Insufficient quota (detail codes: 1001, none)");
///
/// let none = serde_json::from_str::<ApiError>(r#"{"request_id": "r"}"#).unwrap_err();
/// assert_eq!(
///     none.to_string(),
///     "no error in the body: expected `error`, `error_code`, `errorCode`, `code` \
///      or a fault object such as `badRequest` at line 1 column 19",
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ApiError {
    /// The error code, such as `"Ecs.0605"`, as text (`""` when the body has
    /// none).
    pub code: String,
    /// The error message (`""` when the body has none).
    pub message: String,
    /// Finer-grained causes, in wire order (read for the shapes
    /// [`Error`](ErrorShape::Error) and [`Bare`](ErrorShape::Bare)).
    pub details: Vec<ErrorDetail>,
    /// The request id the body names (`request_id` or `requestId`), if any.
    pub request_id: Option<String>,
    /// The rest, boxed so that a `Result<_, ApiError>` stays small.
    pub(crate) rest: Box<Rest>,
}

/// What an [`ApiError`] keeps beside its public fields.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Rest {
    /// Which shape the body came in, and is written in.
    pub(crate) shape: ErrorShape,
    /// The body's other fields, in wire order, as they came.
    pub(crate) other: Vec<(String, AnyValue)>,
    /// The wrapped object's other fields, in wire order, as they came.
    pub(crate) wrapped_other: Vec<(String, AnyValue)>,
    /// How the wire wrote what the fields hold (numbers, `null`s, keys);
    /// equality ignores it.
    pub(crate) form: Form,
}

/// The shape of an error body; see [`ApiError`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorShape {
    /// `{"error": {"code", "message", "details"?}}`: the documented shape.
    Error,
    /// `{"code", "message", "details"?}` at the top level.
    Bare,
    /// An API gateway's `{"error_code", "error_msg", "request_id"}`.
    Gateway,
    /// The same in camelCase: `{"errorCode", "errorMsg", "requestId"}`.
    GatewayCamelCase,
    /// An `OpenStack` fault, `{"<name>": {"message", "code"}}`, with its name
    /// (`badRequest`, `itemNotFound`, `computeFault`, ...).
    Fault(String),
}

/// How a field was written on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) enum Presence {
    /// Built, not parsed: written by the type's own rule.
    #[default]
    Built,
    /// The key was absent.
    Absent,
    /// The key held `null`.
    Null,
    /// The key held a value.
    Sent,
}

/// Where the request id was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) enum IdPlace {
    /// Built, or at the top level under the shape's usual spelling.
    #[default]
    Usual,
    /// At the top level as `request_id`.
    TopSnake,
    /// At the top level as `requestId`.
    TopCamel,
    /// Inside the wrapped object as `request_id`.
    InnerSnake,
    /// Inside the wrapped object as `requestId`.
    InnerCamel,
}

/// The wire form of an [`ApiError`]'s fields, which equality ignores.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub(crate) struct Form {
    /// The indexes of the details whose code was an integer, in order.
    pub(crate) number_details: Vec<usize>,
    pub(crate) code_number: bool,
    pub(crate) code: Presence,
    pub(crate) message: Presence,
    pub(crate) details: Presence,
    pub(crate) request_id: IdPlace,
    pub(crate) request_id_null: bool,
}

impl ApiError {
    /// An error with a code and a message, no details and no request id, in
    /// the documented shape [`ErrorShape::Error`].
    #[must_use]
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError {
            code: code.into(),
            message: message.into(),
            details: Vec::new(),
            request_id: None,
            rest: Box::new(Rest {
                shape: ErrorShape::Error,
                other: Vec::new(),
                wrapped_other: Vec::new(),
                form: Form::default(),
            }),
        }
    }

    /// Which shape the body came in, and is written in.
    #[must_use]
    pub fn shape(&self) -> &ErrorShape {
        &self.rest.shape
    }

    /// The body's other fields (beside the shape's own and the request id),
    /// in wire order, as they came: such as `encoded_authorization_message`,
    /// or the fields of a second shape that the body also carried.
    #[must_use]
    pub fn other(&self) -> &[(String, AnyValue)] {
        &self.rest.other
    }

    /// The body's other fields, to change; they are written after the
    /// error's own.
    pub fn other_mut(&mut self) -> &mut Vec<(String, AnyValue)> {
        &mut self.rest.other
    }

    /// The wrapped object's other fields (`error`'s or the fault's, beside
    /// `code`, `message`, `details` and a request id), in wire order, as
    /// they came; empty for the flat shapes.
    #[must_use]
    pub fn wrapped_other(&self) -> &[(String, AnyValue)] {
        &self.rest.wrapped_other
    }

    /// The wrapped object's other fields, to change; they are written inside
    /// it (and not at all in a flat shape).
    pub fn wrapped_other_mut(&mut self) -> &mut Vec<(String, AnyValue)> {
        &mut self.rest.wrapped_other
    }

    /// The same error in another shape.
    ///
    /// ```
    /// use task_envelope::{ApiError, ErrorShape};
    ///
    /// let error = ApiError::new("APIG.0101", "no such API")
    ///     .with_shape(ErrorShape::Gateway)
    ///     .with_request_id("r-1");
    /// assert_eq!(
    ///     serde_json::to_string(&error).unwrap(),
    ///     r#"{"error_code":"APIG.0101","error_msg":"no such API","request_id":"r-1"}"#,
    /// );
    /// ```
    #[must_use]
    pub fn with_shape(mut self, shape: ErrorShape) -> Self {
        self.rest.shape = shape;
        self
    }

    /// The same error with a request id.
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// The same error with these details.
    #[must_use]
    pub fn with_details(mut self, details: Vec<ErrorDetail>) -> Self {
        self.details = details;
        self
    }
}

impl PartialEq for ApiError {
    /// Compares the values; how the wire wrote them (an integer code, a
    /// `null`, a key's spelling) is ignored.
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
            && self.message == other.message
            && self.details == other.details
            && self.request_id == other.request_id
            && self.rest.shape == other.rest.shape
            && self.rest.other == other.rest.other
            && self.rest.wrapped_other == other.rest.wrapped_other
    }
}

impl Eq for ApiError {}

impl core::hash::Hash for ApiError {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.code.hash(state);
        self.message.hash(state);
        self.details.hash(state);
        self.request_id.hash(state);
        self.rest.shape.hash(state);
        self.rest.other.hash(state);
        self.rest.wrapped_other.hash(state);
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.code.is_empty() {
            f.write_str("no code: ")?;
        } else {
            write!(f, "{}: ", OneLine(&self.code))?;
        }
        if self.message.is_empty() {
            f.write_str("(no message)")?;
        } else {
            write!(f, "{}", OneLine(&self.message))?;
        }
        let mut details = self.details.iter();
        if let Some(first) = details.next() {
            write!(f, " (detail codes: {}", DetailCode(first))?;
            for detail in details {
                write!(f, ", {}", DetailCode(detail))?;
            }
            f.write_str(")")?;
        }
        if let Some(request_id) = &self.request_id {
            write!(f, " (request_id {})", OneLine(request_id))?;
        }
        Ok(())
    }
}

struct DetailCode<'a>(&'a ErrorDetail);

impl fmt::Display for DetailCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.code {
            Some(code) => write!(f, "{}", OneLine(code)),
            None => f.write_str("none"),
        }
    }
}

impl std::error::Error for ApiError {}

/// One entry of [`ApiError::details`]; both fields are optional on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ErrorDetail {
    /// The detail's code, as text (a string or an integer on the wire).
    pub code: Option<String>,
    /// The detail's message.
    pub message: Option<String>,
}
