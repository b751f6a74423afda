//! The field names of the code/requestId dialect, shared by its parsers,
//! its writers and its schemas, and the [`Key`] each is read as.

/// `code`: the status code.
pub(crate) const CODE: &str = "code";
/// `message`: the error message.
pub(crate) const MESSAGE: &str = "message";
/// `requestId`: the task number.
pub(crate) const REQUEST_ID: &str = "requestId";
/// `codeDesc`: the symbolic error name of legacy replies.
pub(crate) const CODE_DESC: &str = "codeDesc";
/// `detail`: a batch reply's entries.
pub(crate) const DETAIL: &str = "detail";

/// The keys this crate knows; every other key is [`Key::Other`] and its value
/// is skipped (forward compatibility).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Key {
    Code,
    Message,
    RequestId,
    CodeDesc,
    Detail,
    Other,
}

impl Key {
    /// The key of a common field (`code`, `message`, `requestId`,
    /// `codeDesc`), else `None`.
    #[inline]
    pub(crate) fn common(name: &str) -> Option<Key> {
        match Key::from_name(name) {
            Key::Detail | Key::Other => None,
            key => Some(key),
        }
    }

    /// Whether a payload field named `name` would clash with a common field.
    pub(crate) fn is_common(name: &str) -> bool {
        Key::common(name).is_some()
    }

    #[allow(clippy::inline_always)] // see `read_task_fields`
    #[inline(always)]
    pub(crate) fn from_name(name: &str) -> Key {
        match name {
            CODE => Key::Code,
            MESSAGE => Key::Message,
            REQUEST_ID => Key::RequestId,
            CODE_DESC => Key::CodeDesc,
            DETAIL => Key::Detail,
            _ => Key::Other,
        }
    }
}
