//! [`OtherFields`]: the fields of an object that no type of this crate
//! claims, kept as they came.

use core::fmt;
use core::ops::Deref;

use crate::AnyValue;

/// The fields of an object that this crate does not know, kept as they came
/// (as [`AnyValue`]s, in wire order, repeats included) and written back
/// after the known ones: a `detail` entry's `"taskId"`, say. Empty, it costs
/// one pointer and no allocation. It derefs to a slice of `(key, value)`.
///
/// ```
/// use task_envelope::{AnyValue, BatchResponse};
/// # #[derive(task_envelope::Resource)]
/// # struct Instance { #[resource(id)] instance_id: String }
///
/// let reply: BatchResponse<Instance> = serde_json::from_str(
///     r#"{"code": 0, "detail": {"ins-1": {"code": 0, "requestId": "1", "taskId": 42}}}"#)?;
/// let entry = reply.get("ins-1").unwrap();
/// assert_eq!(entry.other.get("taskId"), Some(&AnyValue::UInt(42)));
/// assert_eq!(
///     serde_json::to_string(&reply)?,
///     r#"{"code":0,"message":"","detail":{"ins-1":{"code":0,"message":"","requestId":"1","taskId":42}}}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
// One pointer in every `detail` entry (a `Vec` would be three): entries
// almost never have other fields, and an entry's size is the batch's.
#[allow(clippy::box_collection)]
pub struct OtherFields(Option<Box<Vec<(String, AnyValue)>>>);

impl OtherFields {
    /// No fields.
    #[must_use]
    pub const fn new() -> Self {
        OtherFields(None)
    }

    /// The fields, in order.
    #[must_use]
    pub fn as_slice(&self) -> &[(String, AnyValue)] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }

    /// The value of the first field named `key`.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&AnyValue> {
        self.as_slice()
            .iter()
            .find_map(|(name, value)| (name == key).then_some(value))
    }

    /// Adds a field after the others.
    pub fn push(&mut self, key: impl Into<String>, value: AnyValue) {
        self.0
            .get_or_insert_with(Box::default)
            .push((key.into(), value));
    }
}

impl Deref for OtherFields {
    type Target = [(String, AnyValue)];

    fn deref(&self) -> &Self::Target {
        self.as_slice()
    }
}

impl fmt::Debug for OtherFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl FromIterator<(String, AnyValue)> for OtherFields {
    fn from_iter<I: IntoIterator<Item = (String, AnyValue)>>(iter: I) -> Self {
        let fields: Vec<_> = iter.into_iter().collect();
        if fields.is_empty() {
            OtherFields(None)
        } else {
            OtherFields(Some(Box::new(fields)))
        }
    }
}
