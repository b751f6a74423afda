//! Bounded refusals for visitors that take no text.

/// The `visit_*` methods of a visitor that takes no string or bytes: what it
/// was given is refused with a bounded error (see
/// [`found_text`](crate::text::found_text)) rather than `serde`'s default,
/// which repeats the whole value.
macro_rules! refuse_text {
    () => {
        fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Self::Value, E> {
            Err(crate::text::found_text(value, &self))
        }

        fn visit_string<E: serde::de::Error>(
            self,
            value: std::string::String,
        ) -> Result<Self::Value, E> {
            Err(crate::text::found_text(&value, &self))
        }

        fn visit_bytes<E: serde::de::Error>(self, value: &[u8]) -> Result<Self::Value, E> {
            Err(crate::text::found_bytes(value, &self))
        }

        fn visit_byte_buf<E: serde::de::Error>(self, value: Vec<u8>) -> Result<Self::Value, E> {
            Err(crate::text::found_bytes(&value, &self))
        }
    };
}

pub(crate) use refuse_text;
