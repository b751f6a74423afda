//! The envelope around the caller's payload type, in one pass.
//!
//! An envelope (a task reply, a batch reply, a job) *claims* the keys it
//! knows (`code`, `message`, `detail`, ...) and reads them itself; every
//! other key of the same object goes, as it streams by, to the caller's
//! payload type `P`, which sees an object made of just those keys. Nothing
//! is buffered: `P`'s `Deserialize` runs on a map access that wraps the
//! format's own, so `P`'s errors carry the format's positions. This is what
//! `#[serde(flatten)]` does by collecting every field into an intermediate
//! value first, without the collecting.
//!
//! Writing is the mirror image: `P`'s `Serialize` writes its fields into the
//! envelope's own map (`ser.rs`).

use core::fmt;
use core::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor,
};

use crate::wire::skip::{Skip, SkipKey};
use serde::forward_to_deserialize_any;

/// An envelope that claims some keys of its object and lets the payload
/// have the others.
pub(crate) trait Claim<'de> {
    /// A claimed key, as the envelope tells its keys apart.
    type Key: Copy;

    /// The envelope's key for `name`, or `None` for a key the payload gets.
    fn claim(name: &str) -> Option<Self::Key>;

    /// Reads the value of the claimed `key` from `map`.
    fn read<A: MapAccess<'de>>(&mut self, key: Self::Key, map: &mut A) -> Result<(), A::Error>;

    /// Whether the envelope reads the unclaimed keys that the payload does
    /// not (it keeps nothing, or stopped before the object ended) with
    /// [`rest`](Claim::rest), instead of skipping them.
    const READS_REST: bool = false;

    /// Reads the value of the unclaimed key `name` that the payload did not
    /// read (only called when [`READS_REST`](Claim::READS_REST)): a job
    /// status reads it as a possible error body when its payload keeps
    /// nothing.
    fn rest<A: MapAccess<'de>>(&mut self, name: String, map: &mut A) -> Result<(), A::Error> {
        let _ = name;
        map.next_value_seed(Skip::default())
    }
}

/// Reads the object of `map`: the envelope `claim` reads its keys, `P` the
/// rest, in one pass. Returns `P`'s verdict; the envelope then checks its
/// own fields and decides what an [`Outcome::Refused`] means.
pub(crate) fn read_object<'de, A, C, P>(
    map: &mut A,
    claim: &mut C,
) -> Result<Outcome<P, A::Error>, A::Error>
where
    A: MapAccess<'de>,
    C: Claim<'de>,
    P: Deserialize<'de>,
{
    let mut state = State {
        ended: false,
        kept_nothing: false,
    };
    let read = P::deserialize(PayloadDeserializer {
        map: &mut *map,
        claim: &mut *claim,
        state: &mut state,
    });
    let outcome = match read {
        Ok(_) if state.kept_nothing => Outcome::Nothing,
        Ok(payload) => Outcome::Read(payload),
        // The object had ended: what failed is `P`'s own check of what it
        // saw (a required field missing), not the input.
        Err(error) if state.ended => Outcome::Refused(error),
        Err(error) => return Err(error),
    };
    // `P` may stop before the object ends: the envelope still reads its keys.
    if !state.ended {
        drain(map, claim)?;
    }
    Ok(outcome)
}

/// `P`'s verdict on the unclaimed fields of an object.
pub(crate) enum Outcome<P, E> {
    /// `P` read them.
    Read(P),
    /// `P` keeps nothing (`()` or a unit struct).
    Nothing,
    /// `P` refused them once the object had ended (a required field was
    /// missing); the envelope decides whether that is an error.
    Refused(E),
}

impl<P, E> Outcome<P, E> {
    /// The payload; a refusal is an error when `required` (a success must
    /// carry its payload), and no payload otherwise (a failure need not).
    pub(crate) fn into_payload(self, required: bool) -> Result<Option<P>, E> {
        match self {
            Outcome::Read(payload) => Ok(Some(payload)),
            Outcome::Refused(error) if required => Err(error),
            Outcome::Nothing | Outcome::Refused(_) => Ok(None),
        }
    }
}

/// Reads the rest of an object: claimed keys by the envelope, the others
/// skipped.
fn drain<'de, A: MapAccess<'de>, C: Claim<'de>>(
    map: &mut A,
    claim: &mut C,
) -> Result<(), A::Error> {
    let mut state = State {
        ended: false,
        kept_nothing: true,
    };
    let mut rest = Unclaimed {
        map,
        claim,
        state: &mut state,
    };
    rest.skip_or_hand_over()
}

struct State {
    /// The object's end was read.
    ended: bool,
    /// `P` asked for a unit: it keeps nothing.
    kept_nothing: bool,
}

/// The deserializer `P` reads: an object of the unclaimed keys.
struct PayloadDeserializer<'a, A, C> {
    map: &'a mut A,
    claim: &'a mut C,
    state: &'a mut State,
}

impl<'a, A, C> PayloadDeserializer<'a, A, C> {
    fn unclaimed(self) -> Unclaimed<'a, A, C> {
        Unclaimed {
            map: self.map,
            claim: self.claim,
            state: self.state,
        }
    }
}

impl<'de, A: MapAccess<'de>, C: Claim<'de>> Deserializer<'de> for PayloadDeserializer<'_, A, C> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self.unclaimed())
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        self.state.kept_nothing = true;
        self.unclaimed().skip_or_hand_over()?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_newtype_struct(self)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf seq tuple tuple_struct map struct enum identifier
    }
}

/// The unclaimed entries of an object: claimed keys are read by the
/// envelope as they come and never seen by `P`.
struct Unclaimed<'a, A, C> {
    map: &'a mut A,
    claim: &'a mut C,
    state: &'a mut State,
}

impl<'de, A: MapAccess<'de>, C: Claim<'de>> Unclaimed<'_, A, C> {
    /// Reads the rest of the object without a payload: each unclaimed key
    /// skipped, or handed to [`Claim::rest`] when the envelope reads them.
    fn skip_or_hand_over(&mut self) -> Result<(), A::Error> {
        if C::READS_REST {
            while let Some(name) = self.next_key::<String>()? {
                self.claim.rest(name, self.map)?;
            }
        } else {
            while self.next_key_seed(SkipKey)?.is_some() {
                self.next_value_seed(Skip::default())?;
            }
        }
        Ok(())
    }
}

impl<'de, A: MapAccess<'de>, C: Claim<'de>> MapAccess<'de> for Unclaimed<'_, A, C> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if self.state.ended {
            return Ok(None);
        }
        let mut seed = seed;
        loop {
            let key = KeySplit::<C, K> {
                seed,
                claim: PhantomData,
            };
            match self.map.next_key_seed(key)? {
                None => {
                    self.state.ended = true;
                    return Ok(None);
                }
                Some(Split::Claimed(key, unused)) => {
                    self.claim.read(key, self.map)?;
                    seed = unused;
                }
                Some(Split::Passed(value)) => return Ok(Some(value)),
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// A key: claimed by the envelope (and the payload's seed handed back
/// unused), or passed to the payload's seed.
enum Split<K, S, V> {
    Claimed(K, S),
    Passed(V),
}

/// Reads a key as a string and splits it by [`Claim::claim`].
struct KeySplit<C, S> {
    seed: S,
    claim: PhantomData<fn() -> C>,
}

impl<'de, C: Claim<'de>, S: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySplit<C, S> {
    type Value = Split<C::Key, S, S::Value>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        // Keys of a map are strings in every format that writes them as we
        // do (`serialize_map`); `deserialize_str` works in compact formats,
        // where `deserialize_identifier` does not.
        deserializer.deserialize_string(self)
    }
}

impl<'de, C: Claim<'de>, S: DeserializeSeed<'de>> Visitor<'de> for KeySplit<C, S> {
    type Value = Split<C::Key, S, S::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<Self::Value, E> {
        match C::claim(name) {
            Some(key) => Ok(Split::Claimed(key, self.seed)),
            None => self
                .seed
                .deserialize(BorrowedStrDeserializer::new(name))
                .map(Split::Passed),
        }
    }

    #[inline]
    fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
        match C::claim(name) {
            Some(key) => Ok(Split::Claimed(key, self.seed)),
            None => self
                .seed
                .deserialize(name.into_deserializer())
                .map(Split::Passed),
        }
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<Self::Value, E> {
        match C::claim(&name) {
            Some(key) => Ok(Split::Claimed(key, self.seed)),
            None => self
                .seed
                .deserialize(StringDeserializer::new(name))
                .map(Split::Passed),
        }
    }
}
