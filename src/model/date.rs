//! Calendar dates as content writes them: TOML local dates (`2026-03-01`, no quotes).

use std::fmt;

use schemars::JsonSchema;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day, without time or zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub jiff::civil::Date);

impl Date {
    /// The date `y-m-d`; panics on an impossible date (for tests and constants).
    pub fn ymd(y: i16, m: i8, d: i8) -> Date {
        Date(jiff::civil::date(y, m, d))
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        i64::from((later.0 - self.0).get_days())
    }

    /// The date `days` after this one.
    pub fn plus_days(self, days: i64) -> Date {
        // A span holds at most the calendar's ±7,304,484 days and panics beyond; any more than
        // that saturates at the calendar's end all the same.
        let days = days.clamp(-7_304_484, 7_304_484);
        Date(self.0.saturating_add(jiff::Span::new().days(days)))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let expected = "a date without quotes, like 2026-03-01";
        let value = toml::value::Datetime::deserialize(deserializer)
            .map_err(|_| D::Error::custom(format!("expected {expected}")))?;
        match (value.date, value.time, value.offset) {
            (Some(d), None, None) => {
                jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8)
                    .map(Date)
                    .map_err(|e| D::Error::custom(format!("not a valid date: {e}")))
            }
            _ => Err(D::Error::custom(format!(
                "expected {expected}, without a time"
            ))),
        }
    }
}

/// As ISO 8601 (`2026-03-01`), the way exports and `trust.json` write days.
impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "description": "A calendar day, ISO 8601 (2026-03-01); in TOML written without quotes"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct T {
        d: Date,
    }

    #[test]
    fn adding_days_past_the_calendar_saturates_instead_of_panicking() {
        let day = Date::ymd(2026, 11, 22);
        assert_eq!(day.plus_days(i64::from(u32::MAX)).to_string(), "9999-12-31");
        assert_eq!(day.plus_days(i64::MIN).0, jiff::civil::Date::MIN);
    }

    #[test]
    fn reads_toml_dates_only() {
        let t: T = toml::from_str("d = 2026-03-01").unwrap();
        assert_eq!(t.d, Date::ymd(2026, 3, 1));
        assert_eq!(t.d.to_string(), "2026-03-01");
        let quoted = toml::from_str::<T>("d = \"2026-03-01\"").err().unwrap();
        assert!(
            quoted.message().contains("without quotes"),
            "{}",
            quoted.message()
        );
        let with_time = toml::from_str::<T>("d = 2026-03-01T10:00:00")
            .err()
            .unwrap();
        assert!(
            with_time.message().contains("without a time"),
            "{}",
            with_time.message()
        );
    }

    #[test]
    fn arithmetic() {
        let a = Date::ymd(2026, 2, 27);
        assert_eq!(a.plus_days(3), Date::ymd(2026, 3, 2));
        assert_eq!(a.days_until(Date::ymd(2026, 3, 29)), 30);
        assert_eq!(Date::ymd(2026, 3, 29).days_until(a), -30);
    }
}
