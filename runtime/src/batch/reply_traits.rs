//! The standard traits of the batch reply types, written once for both.

/// `Clone`, `Debug`, `PartialEq` and `Eq` for a batch reply type with the
/// fields of [`BatchResponse`](crate::BatchResponse) ([`BatchResponseRef`](crate::BatchResponseRef)
/// too). Two replies are equal when every field is and `detail` holds equal
/// entries **in the same order**: order is part of a reply's meaning here,
/// unlike in `IndexMap`'s own order-blind equality.
macro_rules! batch_reply_traits {
    ($name:ident $(<$lt:lifetime>)?) => {
        impl<$($lt,)? R: BatchTarget, P: Clone> Clone for $name<$($lt,)? R, P> {
            fn clone(&self) -> Self {
                $name {
                    code: self.code,
                    message: self.message.clone(),
                    request_id: self.request_id.clone(),
                    code_desc: self.code_desc.clone(),
                    detail: self.detail.clone(),
                    failed: self.failed,
                    extras: self.extras.clone(),
                    detail_sent: self.detail_sent,
                    payload: self.payload.clone(),
                }
            }
        }

        impl<$($lt,)? R: BatchTarget, P: core::fmt::Debug> core::fmt::Debug for $name<$($lt,)? R, P> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("code", &self.code)
                    .field("message", &self.message)
                    .field("request_id", &self.request_id)
                    .field("code_desc", &self.code_desc)
                    .field("detail", &self.detail)
                    .field("detail_extras", &self.extras)
                    .field("payload", &self.payload)
                    .finish_non_exhaustive()
            }
        }

        impl<$($lt,)? R: BatchTarget, P: PartialEq> PartialEq for $name<$($lt,)? R, P> {
            fn eq(&self, other: &Self) -> bool {
                self.code == other.code
                    && self.message == other.message
                    && self.request_id == other.request_id
                    && self.code_desc == other.code_desc
                    && self.detail.len() == other.detail.len()
                    && self.detail.iter().eq(other.detail.iter())
                    && self.extras == other.extras
                    && self.detail_sent == other.detail_sent
                    && self.payload == other.payload
            }
        }

        impl<$($lt,)? R: BatchTarget, P: Eq> Eq for $name<$($lt,)? R, P> {}
    };
}

pub(crate) use batch_reply_traits;
