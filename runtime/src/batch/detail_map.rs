//! The map that holds `detail`, and the hasher it uses.

use core::hash::{BuildHasher, Hasher};

use indexmap::IndexMap;

/// The map of a batch reply's entries by resource id, in wire order, as
/// [`BatchResponse::detail`](crate::BatchResponse::detail) gives it.
///
/// An [`IndexMap`] with this crate's [`DetailHasher`]: iterate it, index it
/// by position, or look an entry up by id. Being `indexmap` 2's own type, it
/// makes `indexmap`'s major version part of this crate's API: see the
/// policy on [`task_envelope::indexmap`](crate::indexmap).
///
/// ```
/// use task_envelope::{BatchResponse, DetailMap, Resource, TaskResponse};
///
/// #[derive(Resource)]
/// struct Instance {
///     #[resource(id)]
///     instance_id: String,
/// }
///
/// let reply: BatchResponse<Instance> = serde_json::from_str(
///     r#"{"code": 0, "message": "", "detail": {"ins-1": {"code": 0, "requestId": "7"}}}"#,
/// )?;
/// let detail: &DetailMap<String, TaskResponse> = reply.detail();
/// assert_eq!(detail["ins-1"].request_id.as_ref().unwrap(), "7");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub type DetailMap<K, V> = IndexMap<K, V, DetailHasher>;

/// The hasher of a [`DetailMap`]: [foldhash](https://docs.rs/foldhash)'s
/// fast hash, seeded at random for every map.
///
/// A decision, written down: `std`'s `SipHash` resists an attacker who picks
/// keys to make them collide (hash flooding), at a cost of about 5% of a batch
/// parse. The keys of `detail` are resource ids chosen by the provider's
/// reply, which lists the resources the caller asked about — not text from
/// arbitrary users — so a fast hash with a random seed per map (which still
/// keeps fixed collision sets from working across maps and processes) is
/// the trade taken. A server that must build maps from untrusted ids can
/// still use its own `IndexMap` for them.
///
/// It is a type of this crate rather than foldhash's, so that the hash
/// behind it can change without breaking code that names it.
#[derive(Clone, Debug, Default)]
pub struct DetailHasher(foldhash::fast::RandomState);

impl BuildHasher for DetailHasher {
    type Hasher = IdHasher;

    #[inline]
    fn build_hasher(&self) -> IdHasher {
        IdHasher(self.0.build_hasher())
    }
}

/// The [`Hasher`] a [`DetailHasher`] builds, hashing one resource id.
#[derive(Clone)]
pub struct IdHasher(foldhash::fast::FoldHasher<'static>);

impl core::fmt::Debug for IdHasher {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("IdHasher")
    }
}

/// `Hasher` methods that hand the value to the inner hasher.
macro_rules! forward {
    ($($method:ident($ty:ty);)*) => {
        $(
            #[inline]
            fn $method(&mut self, value: $ty) {
                self.0.$method(value);
            }
        )*
    };
}

impl Hasher for IdHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0.finish()
    }

    forward! {
        write(&[u8]);
        write_u8(u8);
        write_u16(u16);
        write_u32(u32);
        write_u64(u64);
        write_u128(u128);
        write_usize(usize);
    }
}

/// An empty map with room for `capacity` entries.
#[inline]
pub(crate) fn with_capacity<K, V>(capacity: usize) -> DetailMap<K, V> {
    IndexMap::with_capacity_and_hasher(capacity, DetailHasher::default())
}
