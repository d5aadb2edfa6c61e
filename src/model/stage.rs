//! The two stages a practice passes through: as read, where anything the
//! SPEC requires may be missing, and as validated, where it is there. One
//! set of types serves both, so reading never invents a value to fill a
//! gap and the rules never check for one that validation guarantees.

/// How a practice holds what the SPEC requires (a member's `name`, a
/// client's `primary`, a temporary entry's `member` and `until`, a custom
/// capability's scope, the file's `version` and `[practice] name`):
/// [`Raw`] as the file was read, each maybe missing, which validation
/// reports; [`Valid`] once it validated, each there. Decisions, listings,
/// diff and review take only a `Practice<Valid>`, the default.
pub trait Stage: Clone + std::fmt::Debug + 'static {
    type Required<T: Field>: Field;

    /// The value, if the file has it (always, once valid).
    fn get<T: Field>(field: &Self::Required<T>) -> Option<&T>;
}

/// What a required field may hold.
pub trait Field:
    Clone + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned + 'static
{
}

impl<T> Field for T where
    T: Clone + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned + 'static
{
}

/// The practice as read: required fields may be missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Raw;

/// The practice as validated: required fields are there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Valid;

impl Stage for Raw {
    type Required<T: Field> = Option<T>;

    fn get<T: Field>(field: &Option<T>) -> Option<&T> {
        field.as_ref()
    }
}

impl Stage for Valid {
    type Required<T: Field> = T;

    fn get<T: Field>(field: &T) -> Option<&T> {
        Some(field)
    }
}
