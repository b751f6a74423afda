//! An action's own fields beside the envelope's: read into the caller's
//! payload type as they stream ([`de`]), and written after the envelope's
//! fields ([`ser`]).

pub(crate) mod de;
pub(crate) mod ser;
