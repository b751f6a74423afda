//! Task chains: one batch over several kinds of resource, and splitting it
//! into a typed batch per kind.

use crate::resource::IdError;
use crate::{BatchResponse, BatchTarget, Code, RequestId, TaskResponse, rule};

/// An enum of resources whose batch reply splits into one typed batch per
/// kind (a task-chain reply).
///
/// `#[derive(Resource)]` on an enum whose variants each hold one
/// [`Resource`](crate::Resource) implements it, with `Parts` a tuple of one
/// [`BatchResponse`] per variant, in the order of the variants (a one-variant
/// enum gives a one-element tuple). See [`BatchResponse::split`].
pub trait TaskChain: BatchTarget + Sized {
    /// One `BatchResponse` per kind, in the order of the enum's variants.
    type Parts;

    /// Splits `batch` by kind; use [`BatchResponse::split`].
    fn split(batch: BatchResponse<Self>) -> Self::Parts;
}

impl<R: TaskChain> BatchResponse<R> {
    /// Splits a task-chain reply into one typed batch per kind of resource,
    /// in the order of the enum's variants.
    ///
    /// Each sub-batch keeps its entries in wire order, whole (code, message,
    /// request id and `codeDesc` of each), and has its own outer code and
    /// message by the 0 / 5100 / 5400 rule; a kind with no entries gets an
    /// empty batch (code 0). The top-level `requestId` is kept on every
    /// sub-batch. A request-level rejection (no entries, a non-zero code)
    /// splits into rejections with the same code, message and `codeDesc`, so
    /// `verify()` still reports it on each part.
    pub fn split(self) -> R::Parts {
        R::split(self)
    }
}

/// What a split keeps of the whole reply, to stamp on each part.
#[doc(hidden)]
pub struct SharedFields {
    pub(crate) code: Code,
    pub(crate) message: String,
    pub(crate) request_id: Option<RequestId>,
    pub(crate) code_desc: Option<String>,
    /// No entries and a non-zero code: a request-level rejection.
    pub(crate) rejected: bool,
}

impl SharedFields {
    /// The sub-batch of one kind, from its entries in wire order.
    pub fn part<S: BatchTarget>(&self, entries: Vec<(S::Id, TaskResponse)>) -> BatchResponse<S> {
        let part = if self.rejected {
            let part = BatchResponse::rejected(self.code, self.message.clone());
            match &self.code_desc {
                Some(code_desc) => part.with_code_desc(code_desc.clone()),
                None => part,
            }
        } else {
            BatchResponse::from_tasks(entries)
        };
        match &self.request_id {
            Some(request_id) => part.with_request_id(request_id.clone()),
            None => part,
        }
    }
}

/// Takes a task-chain reply apart for its generated `split`: what each part
/// keeps of the whole, and the entries in wire order.
#[doc(hidden)]
pub fn take_apart<R: BatchTarget>(
    batch: BatchResponse<R>,
) -> (SharedFields, crate::DetailMap<R::Id, TaskResponse>) {
    let shared = SharedFields {
        rejected: rule::is_rejection(batch.code, batch.detail.len()),
        code: batch.code,
        message: batch.message,
        request_id: batch.request_id,
        code_desc: batch.code_desc,
    };
    (shared, batch.detail)
}

/// One variant of a task-chain enum, as its generated id type's parsing
/// sees it.
#[doc(hidden)]
pub struct Kind {
    /// The resource's `KIND`.
    pub kind: &'static str,
    /// The prefix of its id type.
    pub prefix: Option<&'static str>,
    /// Its id type's check.
    pub check: fn(&str) -> Result<(), IdError>,
}

/// Picks the variant whose id type accepts `id`: the one whose prefix `id`
/// starts with decides (its own check may still refuse it); failing that,
/// the one without a prefix; failing that, an error naming the kinds tried.
#[doc(hidden)]
pub fn choose_kind(type_name: &'static str, id: &str, kinds: &[Kind]) -> Result<usize, IdError> {
    let mut unprefixed = None;
    for (index, kind) in kinds.iter().enumerate() {
        match kind.prefix {
            Some(prefix) if id.starts_with(prefix) => return (kind.check)(id).map(|()| index),
            Some(_) => {}
            None => unprefixed = unprefixed.or(Some(index)),
        }
    }
    match unprefixed {
        Some(index) => (kinds[index].check)(id).map(|()| index),
        None => Err(IdError::NoKind {
            type_name,
            id: id.to_owned(),
            kinds: kinds.iter().map(|kind| kind.kind).collect(),
        }),
    }
}

/// Which variant's id sits under the key `name` of a job's `entities`: the
/// first whose `ID_FIELD` it is (`keys`, in the order of the variants).
#[doc(hidden)]
pub fn entity_id_key(name: &str, keys: &[&'static str]) -> Option<usize> {
    keys.iter().position(|key| *key == name)
}

/// The key of variant `kind`'s id (the first variant's for an index out of
/// range, which the generated code never passes).
#[doc(hidden)]
pub fn entity_id_key_name(kind: usize, keys: &[&'static str]) -> &'static str {
    keys.get(kind).or(keys.first()).copied().unwrap_or("id")
}

/// Whether another variant's id sits under the same key as variant
/// `kind`'s: then the key does not choose, and the id enum's own parsing
/// (by prefix) does.
#[doc(hidden)]
pub fn entity_id_key_shared(kind: usize, keys: &[&'static str]) -> bool {
    keys.get(kind)
        .is_some_and(|own| keys.iter().filter(|key| *key == own).count() > 1)
}

/// The compile-time refusal of overlapping variants: the derive's `DISTINCT`
/// panics (a compile error) when two variants could accept one id. It is
/// evaluated where the enum is defined, or for a generic enum where its id
/// type is first used.
#[doc(hidden)]
pub trait DistinctKinds {
    /// Evaluating it is the check.
    const DISTINCT: ();
}

/// Whether two id types could both accept one id: both without a prefix, or
/// one prefix starting the other. Evaluated at compile time by the derive.
#[doc(hidden)]
pub const fn prefixes_overlap(first: Option<&str>, second: Option<&str>) -> bool {
    match (first, second) {
        (None, None) => true,
        (Some(first), Some(second)) => starts_with(first, second) || starts_with(second, first),
        (None, Some(_)) | (Some(_), None) => false,
    }
}

/// `text.starts_with(prefix)`, usable in a `const`.
const fn starts_with(text: &str, prefix: &str) -> bool {
    let (text, prefix) = (text.as_bytes(), prefix.as_bytes());
    if prefix.len() > text.len() {
        return false;
    }
    let mut index = 0;
    while index < prefix.len() {
        if text[index] != prefix[index] {
            return false;
        }
        index += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_overlap_when_one_starts_the_other_or_both_are_absent() {
        assert!(prefixes_overlap(None, None));
        assert!(prefixes_overlap(Some("ins-"), Some("ins-")));
        assert!(prefixes_overlap(Some("ins"), Some("ins-")));
        assert!(prefixes_overlap(Some("ins-"), Some("ins")));
        assert!(!prefixes_overlap(Some("ins-"), Some("disk-")));
        assert!(!prefixes_overlap(Some("ins-"), None));
        assert!(!prefixes_overlap(None, Some("disk-")));
        assert!(!prefixes_overlap(Some("a"), Some("b")));
    }
}
