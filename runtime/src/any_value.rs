//! [`AnyValue`]: a value of any shape, kept as it came, for the fields of a
//! reply that no type of this crate claims.

use core::hash::{Hash, Hasher};

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A value of any shape, kept as it came: what a field no type claims is
/// read into, so that writing the reply back gives the same value.
///
/// - Integers keep their sign: a negative one is [`Int`](AnyValue::Int), a
///   non-negative one [`UInt`](AnyValue::UInt), whatever integer type the
///   format reported; so `-1` and `1` read from any format compare as they
///   would in JSON.
/// - Objects keep their keys in wire order, repeats included (the value is
///   data, not a map to look up in; a key that this crate must look up is
///   read by the reply type itself, which refuses repeats).
/// - `null`, a unit and an absent option (`None`) are all [`Null`](AnyValue::Null);
///   an option that is present is its inner value.
///
/// Nesting is bounded: an array or object nested deeper than 128 levels
/// (32 in a compact format such as CBOR or `MessagePack`) is refused with an
/// error naming the limit, so no input can overflow the stack through it,
/// in any format, even on a thread with a 256 KiB stack.
///
/// `Eq` holds because floats compare by their bits: `NaN` equals a `NaN`
/// with the same bits, and `0.0` does not equal `-0.0` (`Hash` agrees).
/// Reading needs a self-describing format (JSON, not bincode), as reading
/// a value of unknown shape always does.
///
/// ```
/// use task_envelope::AnyValue;
///
/// let value: AnyValue =
///     serde_json::from_str(r#"{"b": [1, -2, 2.5, "x", null, true], "a": {}}"#).unwrap();
/// assert_eq!(
///     value,
///     AnyValue::Object(vec![
///         ("b".into(), AnyValue::Array(vec![
///             AnyValue::UInt(1),
///             AnyValue::Int(-2),
///             AnyValue::Float(2.5),
///             AnyValue::String("x".into()),
///             AnyValue::Null,
///             AnyValue::Bool(true),
///         ])),
///         ("a".into(), AnyValue::Object(vec![])),
///     ]),
/// );
/// // Written back as it came, keys in wire order.
/// assert_eq!(
///     serde_json::to_string(&value).unwrap(),
///     r#"{"b":[1,-2,2.5,"x",null,true],"a":{}}"#,
/// );
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum AnyValue {
    /// `null` (or a unit, or an absent option).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A negative integer.
    Int(i64),
    /// A non-negative integer.
    UInt(u64),
    /// A number with a fraction or an exponent (or any float a format reports).
    Float(f64),
    /// A string.
    String(String),
    /// An array, in order.
    Array(Vec<AnyValue>),
    /// An object: its keys and values in wire order.
    Object(Vec<(String, AnyValue)>),
}

impl AnyValue {
    /// The string, if this is one.
    ///
    /// ```
    /// # use task_envelope::AnyValue;
    /// assert_eq!(AnyValue::String("x".into()).as_str(), Some("x"));
    /// assert_eq!(AnyValue::Null.as_str(), None);
    /// ```
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            AnyValue::String(text) => Some(text),
            _ => None,
        }
    }

    /// The value of the first `key` of an object; `None` for another value
    /// or an object without it.
    ///
    /// ```
    /// # use task_envelope::AnyValue;
    /// let object = AnyValue::Object(vec![("id".into(), AnyValue::UInt(7))]);
    /// assert_eq!(object.get("id"), Some(&AnyValue::UInt(7)));
    /// assert_eq!(object.get("name"), None);
    /// ```
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&AnyValue> {
        match self {
            AnyValue::Object(fields) => fields
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// Whether this is [`Null`](AnyValue::Null).
    #[must_use]
    pub fn is_null(&self) -> bool {
        matches!(self, AnyValue::Null)
    }
}

impl PartialEq for AnyValue {
    /// Structural equality; floats by their bits (see the type's docs).
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (AnyValue::Null, AnyValue::Null) => true,
            (AnyValue::Bool(a), AnyValue::Bool(b)) => a == b,
            (AnyValue::Int(a), AnyValue::Int(b)) => a == b,
            (AnyValue::UInt(a), AnyValue::UInt(b)) => a == b,
            (AnyValue::Float(a), AnyValue::Float(b)) => a.to_bits() == b.to_bits(),
            (AnyValue::String(a), AnyValue::String(b)) => a == b,
            (AnyValue::Array(a), AnyValue::Array(b)) => a == b,
            (AnyValue::Object(a), AnyValue::Object(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for AnyValue {}

impl Hash for AnyValue {
    /// Agrees with `Eq`: floats are hashed by their bits.
    fn hash<H: Hasher>(&self, state: &mut H) {
        core::mem::discriminant(self).hash(state);
        match self {
            AnyValue::Null => {}
            AnyValue::Bool(value) => value.hash(state),
            AnyValue::Int(value) => value.hash(state),
            AnyValue::UInt(value) => value.hash(state),
            AnyValue::Float(value) => value.to_bits().hash(state),
            AnyValue::String(value) => value.hash(state),
            AnyValue::Array(values) => values.hash(state),
            AnyValue::Object(fields) => fields.hash(state),
        }
    }
}

impl Serialize for AnyValue {
    /// Writes the value as it came: `null` as a unit, objects as maps with
    /// their keys in order.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            AnyValue::Null => serializer.serialize_unit(),
            AnyValue::Bool(value) => serializer.serialize_bool(*value),
            AnyValue::Int(value) => serializer.serialize_i64(*value),
            AnyValue::UInt(value) => serializer.serialize_u64(*value),
            AnyValue::Float(value) => serializer.serialize_f64(*value),
            AnyValue::String(value) => serializer.serialize_str(value),
            AnyValue::Array(values) => {
                let mut seq = serializer.serialize_seq(Some(values.len()))?;
                for value in values {
                    seq.serialize_element(value)?;
                }
                seq.end()
            }
            AnyValue::Object(fields) => {
                let mut map = serializer.serialize_map(Some(fields.len()))?;
                for (key, value) in fields {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

/// Available with the `schemars` feature: any JSON value (nesting is
/// bounded by the parser, which no schema says).
#[cfg(feature = "schemars")]
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
impl schemars::JsonSchema for AnyValue {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("AnyValue")
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("task_envelope::AnyValue")
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "description": "Any value, kept as it came" })
    }
}

#[cfg(test)]
mod tests {
    use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, SeqAccess, Visitor};

    use super::*;
    use crate::wire::skip::MAX_DEPTH;

    fn parse(json: &str) -> Result<AnyValue, String> {
        serde_json::from_str(json).map_err(|error| error.to_string())
    }

    #[test]
    fn every_kind_of_value() {
        for (json, value) in [
            ("null", AnyValue::Null),
            ("true", AnyValue::Bool(true)),
            ("0", AnyValue::UInt(0)),
            ("18446744073709551615", AnyValue::UInt(u64::MAX)),
            ("-9223372036854775808", AnyValue::Int(i64::MIN)),
            ("-0.5", AnyValue::Float(-0.5)),
            (r#""a\nb""#, AnyValue::String("a\nb".into())),
            ("[]", AnyValue::Array(vec![])),
            (
                r#"{"k": 1, "k": 2}"#,
                AnyValue::Object(vec![
                    ("k".into(), AnyValue::UInt(1)),
                    ("k".into(), AnyValue::UInt(2)),
                ]),
            ),
        ] {
            assert_eq!(parse(json).unwrap(), value, "{json}");
            let written = serde_json::to_string(&value).unwrap();
            assert_eq!(parse(&written).unwrap(), value, "{json}");
        }
    }

    #[test]
    fn objects_keep_wire_order() {
        let json = r#"{"z":1,"a":{"y":[],"b":null},"m":"x"}"#;
        let value = parse(json).unwrap();
        assert_eq!(serde_json::to_string(&value).unwrap(), json);
    }

    #[test]
    fn floats_compare_by_bits() {
        assert_eq!(AnyValue::Float(f64::NAN), AnyValue::Float(f64::NAN));
        assert_ne!(AnyValue::Float(0.0), AnyValue::Float(-0.0));
        assert_ne!(AnyValue::UInt(1), AnyValue::Float(1.0));
        let hash = |value: &AnyValue| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            value.hash(&mut hasher);
            hasher.finish()
        };
        assert_eq!(
            hash(&AnyValue::Float(f64::NAN)),
            hash(&AnyValue::Float(f64::NAN))
        );
    }

    /// A format without a recursion limit of its own: `depth` arrays, each
    /// holding the next, the innermost empty.
    struct Deep(usize);

    impl<'de> Deserializer<'de> for Deep {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            visitor.visit_seq(DeepSeq(Some(self.0 - 1)))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map struct enum identifier ignored_any
        }
    }

    struct DeepSeq(Option<usize>);

    impl<'de> SeqAccess<'de> for DeepSeq {
        type Error = de::value::Error;

        fn next_element_seed<T: DeserializeSeed<'de>>(
            &mut self,
            seed: T,
        ) -> Result<Option<T::Value>, Self::Error> {
            match self.0.take() {
                Some(0) | None => Ok(None),
                Some(depth) => seed.deserialize(Deep(depth)).map(Some),
            }
        }
    }

    #[test]
    fn nesting_is_bounded_at_128_levels() {
        let depth = |value: &AnyValue| {
            let mut levels = 0;
            let mut value = value;
            while let AnyValue::Array(inner) = value {
                levels += 1;
                match inner.first() {
                    Some(next) => value = next,
                    None => break,
                }
            }
            levels
        };
        assert_eq!(depth(&AnyValue::deserialize(Deep(MAX_DEPTH)).unwrap()), 128);
        for levels in [MAX_DEPTH + 1, 100_000] {
            let error = AnyValue::deserialize(Deep(levels)).unwrap_err().to_string();
            assert_eq!(error, "a value nests deeper than 128 levels");
        }
        // JSON refuses such nesting itself, with its own error.
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(parse(&deep).is_err());
    }

    #[test]
    fn accessors() {
        let value = parse(r#"{"id": "x", "n": null}"#).unwrap();
        assert_eq!(value.get("id").and_then(AnyValue::as_str), Some("x"));
        assert!(value.get("n").is_some_and(AnyValue::is_null));
        assert_eq!(AnyValue::Null.get("id"), None);
    }
}
