//! Dates as people type them (SPEC §8 "Dates"): exactly `YYYY-MM-DD`, a
//! four-digit year from 0001 and two-digit month and day. Anything looser
//! (`2026-2-3`, ` 2026-12-31`, `+2026-12-31`, a date-time) is refused rather
//! than guessed at, because a date decides whether temporary access to a
//! chart still holds.

use chrono::NaiveDate;

/// Why a typed date was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date; write YYYY-MM-DD (e.g. 2026-12-31)")]
    Shape(String),
    #[error("`{0}` is no such day")]
    NoSuchDay(String),
}

/// Parses exactly `YYYY-MM-DD`, year 0001–9999.
pub fn parse_day(text: &str) -> Result<NaiveDate, DateError> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return Err(DateError::Shape(text.to_string()));
    }
    let number = |range: std::ops::Range<usize>| -> u32 {
        bytes[range]
            .iter()
            .fold(0, |n, b| n * 10 + u32::from(b - b'0'))
    };
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    if year == 0 {
        return Err(DateError::NoSuchDay(text.to_string()));
    }
    i32::try_from(year)
        .ok()
        .and_then(|year| NaiveDate::from_ymd_opt(year, month, day))
        .ok_or_else(|| DateError::NoSuchDay(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_exactly_year_month_day() {
        assert_eq!(
            parse_day("2026-12-31"),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default())
        );
        assert_eq!(
            parse_day("0001-01-01"),
            Ok(NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or_default())
        );
        assert_eq!(
            parse_day("9999-12-31"),
            Ok(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default())
        );
    }

    #[test]
    fn refuses_loose_shapes() {
        for text in [
            " 2026-12-31",
            "2026-12-31 ",
            "+2026-12-31",
            "-2026-12-31",
            "2026-2-3",
            "2026-02-3",
            "26-02-03",
            "2026-12-31T00:00:00",
            "2026-12-31 00:00",
            "20261231",
            "2026/12/31",
            "",
            "２０２６-12-31",
        ] {
            assert_eq!(
                parse_day(text),
                Err(DateError::Shape(text.to_string())),
                "{text:?}"
            );
        }
    }

    #[test]
    fn names_impossible_days() {
        for text in [
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "0000-01-01",
            "2025-02-29",
        ] {
            assert_eq!(
                parse_day(text),
                Err(DateError::NoSuchDay(text.to_string())),
                "{text}"
            );
        }
        assert!(parse_day("2024-02-29").is_ok());
        assert!(
            DateError::NoSuchDay("2026-02-30".into())
                .to_string()
                .contains("no such day")
        );
    }
}
