//! Writing a payload's fields into the envelope's own object (the mirror of
//! [`super::de`]), and counting them first for formats that need an
//! object's length up front.

use core::fmt;

use serde::ser::{self, Impossible, Serialize, SerializeMap, SerializeStruct, Serializer};

/// Writes `payload`'s fields as entries of `map`. `P` must write a struct, a
/// map, a unit (nothing), or an `Option` or newtype of those; a payload field
/// named like one of the envelope's own keys (`claimed`) is an error, since
/// it would write that key twice.
pub(crate) fn write_payload<M: SerializeMap, P: Serialize + ?Sized>(
    map: &mut M,
    payload: &P,
    claimed: fn(&str) -> bool,
) -> Result<(), M::Error> {
    payload.serialize(FlattenInto { map, claimed })
}

/// How many entries [`write_payload`] writes, when `P` says so without
/// being written; `None` when it cannot be told.
pub(crate) fn count_fields<P: Serialize + ?Sized>(payload: &P) -> Option<usize> {
    let mut count = 0;
    payload.serialize(Counter(&mut count)).ok().map(|()| count)
}

/// How many entries an optional payload writes (`Some(0)` for none), when
/// that can be told.
pub(crate) fn payload_len<P: Serialize>(payload: Option<&P>) -> Option<usize> {
    payload.map_or(Some(0), count_fields)
}

struct FlattenInto<'a, M> {
    map: &'a mut M,
    claimed: fn(&str) -> bool,
}

fn not_an_object<E: ser::Error>(what: &str) -> E {
    E::custom(format_args!(
        "a payload must be written as a struct or a map, not as {what}"
    ))
}

/// The `Serializer` methods that refuse what is not an object.
macro_rules! refuse {
    ($($method:ident($($arg:ident: $ty:ty),*) -> $ret:ty, $what:literal;)*) => {
        $(
            fn $method(self, $(_: $ty),*) -> Result<$ret, Self::Error> {
                Err(not_an_object($what))
            }
        )*
    };
}

/// Every `Serializer` method for what is not an object, refused.
macro_rules! refuse_what_is_not_an_object {
    () => {
        refuse! {
            serialize_bool(v: bool) -> (), "a boolean";
            serialize_i8(v: i8) -> (), "a number";
            serialize_i16(v: i16) -> (), "a number";
            serialize_i32(v: i32) -> (), "a number";
            serialize_i64(v: i64) -> (), "a number";
            serialize_u8(v: u8) -> (), "a number";
            serialize_u16(v: u16) -> (), "a number";
            serialize_u32(v: u32) -> (), "a number";
            serialize_u64(v: u64) -> (), "a number";
            serialize_f32(v: f32) -> (), "a number";
            serialize_f64(v: f64) -> (), "a number";
            serialize_char(v: char) -> (), "a string";
            serialize_str(v: &str) -> (), "a string";
            serialize_bytes(v: &[u8]) -> (), "bytes";
            serialize_unit_variant(name: &'static str, index: u32, variant: &'static str) -> (), "an enum";
            serialize_seq(len: Option<usize>) -> Self::SerializeSeq, "a sequence";
            serialize_tuple(len: usize) -> Self::SerializeTuple, "a tuple";
            serialize_tuple_struct(name: &'static str, len: usize) -> Self::SerializeTupleStruct, "a tuple struct";
            serialize_tuple_variant(name: &'static str, index: u32, variant: &'static str, len: usize) -> Self::SerializeTupleVariant, "an enum";
            serialize_struct_variant(name: &'static str, index: u32, variant: &'static str, len: usize) -> Self::SerializeStructVariant, "an enum";
        }

        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(), Self::Error> {
            Err(not_an_object("an enum"))
        }
    };
}

impl<'a, M: SerializeMap> Serializer for FlattenInto<'a, M> {
    type Ok = ();
    type Error = M::Error;
    type SerializeSeq = Impossible<(), M::Error>;
    type SerializeTuple = Impossible<(), M::Error>;
    type SerializeTupleStruct = Impossible<(), M::Error>;
    type SerializeTupleVariant = Impossible<(), M::Error>;
    type SerializeMap = FlattenMap<'a, M>;
    type SerializeStruct = FlattenStruct<'a, M>;
    type SerializeStructVariant = Impossible<(), M::Error>;

    refuse_what_is_not_an_object!();

    fn serialize_none(self) -> Result<(), M::Error> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), M::Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), M::Error> {
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), M::Error> {
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        value.serialize(self)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<FlattenMap<'a, M>, M::Error> {
        Ok(FlattenMap(self.map))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<FlattenStruct<'a, M>, M::Error> {
        Ok(FlattenStruct {
            map: self.map,
            claimed: self.claimed,
        })
    }
}

struct FlattenMap<'a, M>(&'a mut M);

impl<M: SerializeMap> SerializeMap for FlattenMap<'_, M> {
    type Ok = ();
    type Error = M::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), M::Error> {
        self.0.serialize_key(key)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), M::Error> {
        self.0.serialize_value(value)
    }

    fn end(self) -> Result<(), M::Error> {
        Ok(())
    }
}

struct FlattenStruct<'a, M> {
    map: &'a mut M,
    claimed: fn(&str) -> bool,
}

impl<M: SerializeMap> SerializeStruct for FlattenStruct<'_, M> {
    type Ok = ();
    type Error = M::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        if (self.claimed)(key) {
            return Err(ser::Error::custom(format_args!(
                "the payload has a field `{key}`, which the envelope writes itself"
            )));
        }
        self.map.serialize_entry(key, value)
    }

    fn end(self) -> Result<(), M::Error> {
        Ok(())
    }
}

/// Counts what [`FlattenInto`] would write, without writing values.
struct Counter<'a>(&'a mut usize);

/// The counter's only error: the payload is not an object (the writer
/// reports it properly).
#[derive(Debug)]
struct Uncountable;

impl fmt::Display for Uncountable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an object")
    }
}

impl std::error::Error for Uncountable {}

impl ser::Error for Uncountable {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Uncountable
    }
}

impl<'a> Serializer for Counter<'a> {
    type Ok = ();
    type Error = Uncountable;
    type SerializeSeq = Impossible<(), Uncountable>;
    type SerializeTuple = Impossible<(), Uncountable>;
    type SerializeTupleStruct = Impossible<(), Uncountable>;
    type SerializeTupleVariant = Impossible<(), Uncountable>;
    type SerializeMap = Counter<'a>;
    type SerializeStruct = Counter<'a>;
    type SerializeStructVariant = Impossible<(), Uncountable>;

    refuse_what_is_not_an_object!();

    fn serialize_none(self) -> Result<(), Uncountable> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Uncountable> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Uncountable> {
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Uncountable> {
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Uncountable> {
        value.serialize(self)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Counter<'a>, Uncountable> {
        Ok(self)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Counter<'a>, Uncountable> {
        Ok(self)
    }
}

impl SerializeMap for Counter<'_> {
    type Ok = ();
    type Error = Uncountable;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Uncountable> {
        *self.0 += 1;
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Uncountable> {
        Ok(())
    }

    fn end(self) -> Result<(), Uncountable> {
        Ok(())
    }
}

impl SerializeStruct for Counter<'_> {
    type Ok = ();
    type Error = Uncountable;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        _: &'static str,
        _: &T,
    ) -> Result<(), Uncountable> {
        *self.0 += 1;
        Ok(())
    }

    fn end(self) -> Result<(), Uncountable> {
        Ok(())
    }
}
