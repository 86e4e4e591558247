//! Reporting periods: calendar years, U.S. federal fiscal years (FY2013 = 1 October 2012 –
//! 30 September 2013), calendar and fiscal quarters, months and single dates — parsed, printed,
//! ordered, measured in days, and placed on a time axis in years for growth rates.
//!
//! | text | period |
//! |---|---|
//! | `2013` | calendar year 2013 |
//! | `FY2013` (or `FY13`) | U.S. federal fiscal year 2013: 2012-10-01 – 2013-09-30 |
//! | `2013-Q2` (or `2013Q2`) | April – June 2013 |
//! | `FY2013-Q1` | first quarter of FY2013: October – December 2012 |
//! | `2013-04` | April 2013 |
//! | `2013-04-30` | 30 April 2013 |
//!
//! `Display` prints the canonical (first) form; parsing it back gives the same period. Two-digit
//! fiscal years read as POSIX `%y` does: `FY99` is 1999, `FY13` is 2013.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, ErrorKind, Span};

/// A day of the proleptic Gregorian calendar, years 1000–9999.
///
/// ```
/// use debrief_metrics::Date;
/// let d = Date::new(2024, 2, 29)?;
/// assert_eq!(d.to_string(), "2024-02-29");
/// assert!(Date::new(2023, 2, 29).is_err());
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Whether `year` is a Gregorian leap year.
fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`.
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn period_error(input: &str, expected: impl Into<String>) -> Error {
    Error::at(
        ErrorKind::Period {
            input: input.to_owned(),
            expected: expected.into(),
        },
        Span::new(0, input.len()),
    )
}

impl Date {
    /// A date, or an error for a day that does not exist (or a year outside 1000–9999).
    ///
    /// # Errors
    ///
    /// A day that does not exist, or a year outside 1000–9999.
    ///
    /// ```
    /// use debrief_metrics::Date;
    /// assert!(Date::new(2013, 4, 31).is_err());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, Error> {
        let text = format!("{year:04}-{month:02}-{day:02}");
        if !(1000..=9999).contains(&year) {
            return Err(period_error(&text, "a year from 1000 to 9999"));
        }
        if !(1..=12).contains(&month) {
            return Err(period_error(&text, "a month from 01 to 12"));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(period_error(
                &text,
                format!("a day from 01 to {}", days_in_month(year, month)),
            ));
        }
        Ok(Date { year, month, day })
    }

    /// The year.
    ///
    /// ```
    /// use debrief_metrics::Date;
    /// assert_eq!(Date::new(2013, 4, 30).unwrap().year(), 2013);
    /// ```
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    ///
    /// ```
    /// use debrief_metrics::Date;
    /// assert_eq!(Date::new(2013, 4, 30).unwrap().month(), 4);
    /// ```
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    ///
    /// ```
    /// use debrief_metrics::Date;
    /// assert_eq!(Date::new(2013, 4, 30).unwrap().day(), 30);
    /// ```
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    ///
    /// ```
    /// use debrief_metrics::Date;
    /// assert_eq!(Date::new(1970, 1, 2).unwrap().days_since_epoch(), 1);
    /// assert_eq!(Date::new(2000, 3, 1).unwrap().days_since_epoch(), 11017);
    /// ```
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if it is within years 1000–9999.
    ///
    /// ```
    /// use debrief_metrics::Date;
    /// assert_eq!(Date::from_days_since_epoch(11017).unwrap().to_string(), "2000-03-01");
    /// ```
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = u8::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
        let month = u8::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        Date::new(year, month, day).ok()
    }

    /// Day of the year, from 1.
    ///
    /// ```
    /// use debrief_metrics::Date;
    /// assert_eq!(Date::new(2012, 12, 31).unwrap().day_of_year(), 366);
    /// ```
    pub fn day_of_year(self) -> u16 {
        let start = Date {
            year: self.year,
            month: 1,
            day: 1,
        };
        // Within one year the difference is 0..=365.
        u16::try_from(self.days_since_epoch() - start.days_since_epoch() + 1).unwrap_or(1)
    }

    /// The date as a decimal year: the year plus the fraction of it elapsed at the start of
    /// the day (1 July 2013 → 2013.4959).
    ///
    /// ```
    /// use debrief_metrics::Date;
    /// assert_eq!(Date::new(2013, 1, 1).unwrap().decimal_year(), 2013.0);
    /// ```
    pub fn decimal_year(self) -> f64 {
        let len = if is_leap(self.year) { 366.0 } else { 365.0 };
        f64::from(self.year) + f64::from(self.day_of_year() - 1) / len
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = Error;
    /// Parses `YYYY-MM-DD`.
    ///
    /// ```
    /// use debrief_metrics::Date;
    /// assert_eq!("2013-04-30".parse::<Date>().unwrap(), Date::new(2013, 4, 30).unwrap());
    /// ```
    fn from_str(s: &str) -> Result<Date, Error> {
        match s.parse::<Period>()? {
            Period::Day(d) => Ok(d),
            _ => Err(period_error(s, "a date YYYY-MM-DD")),
        }
    }
}

/// The kind of a [`Period`].
///
/// ```
/// use debrief_metrics::{Period, PeriodKind};
/// assert_eq!("FY2013".parse::<Period>().unwrap().kind(), PeriodKind::FiscalYear);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKind {
    /// A calendar year.
    Year,
    /// A U.S. federal fiscal year (October – September).
    FiscalYear,
    /// A calendar quarter.
    Quarter,
    /// A quarter of a U.S. federal fiscal year.
    FiscalQuarter,
    /// A calendar month.
    Month,
    /// A single day.
    Day,
}

/// A reporting period.
///
/// Periods are ordered by their first day, then by their last day (the shorter first), so a
/// series of mixed kinds sorts in time order and the order agrees with equality.
///
/// ```
/// use debrief_metrics::Period;
/// let fy: Period = "FY2013".parse()?;
/// assert_eq!(fy.start().to_string(), "2012-10-01");
/// assert_eq!(fy.end().to_string(), "2013-09-30");
/// assert_eq!(fy.days(), 365);
/// assert!(fy < "2013".parse()?); // FY2013 starts three months before calendar 2013
/// assert_eq!("2013q2".parse::<Period>()?.to_string(), "2013-Q2");
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// Calendar year.
    Year(i32),
    /// U.S. federal fiscal year `n`: 1 October of `n - 1` to 30 September of `n`.
    FiscalYear(i32),
    /// Calendar quarter 1–4.
    Quarter {
        /// Year.
        year: i32,
        /// Quarter, 1–4.
        quarter: u8,
    },
    /// Quarter 1–4 of a U.S. federal fiscal year (Q1 = October – December).
    FiscalQuarter {
        /// Fiscal year.
        fiscal_year: i32,
        /// Quarter, 1–4.
        quarter: u8,
    },
    /// Calendar month 1–12.
    Month {
        /// Year.
        year: i32,
        /// Month, 1–12.
        month: u8,
    },
    /// A single day.
    Day(Date),
}

impl Period {
    /// The kind.
    ///
    /// ```
    /// use debrief_metrics::{Period, PeriodKind};
    /// assert_eq!("2013-04".parse::<Period>().unwrap().kind(), PeriodKind::Month);
    /// ```
    pub fn kind(&self) -> PeriodKind {
        match self {
            Period::Year(_) => PeriodKind::Year,
            Period::FiscalYear(_) => PeriodKind::FiscalYear,
            Period::Quarter { .. } => PeriodKind::Quarter,
            Period::FiscalQuarter { .. } => PeriodKind::FiscalQuarter,
            Period::Month { .. } => PeriodKind::Month,
            Period::Day(_) => PeriodKind::Day,
        }
    }

    /// The year and month (1–12) this period starts in.
    fn start_month(&self) -> (i32, u8) {
        match *self {
            Period::Year(y) => (y, 1),
            Period::FiscalYear(fy) => (fy - 1, 10),
            Period::Quarter { year, quarter } => (year, 3 * quarter - 2),
            Period::FiscalQuarter {
                fiscal_year,
                quarter,
            } => {
                if quarter == 1 {
                    (fiscal_year - 1, 10)
                } else {
                    (fiscal_year, 3 * quarter - 5)
                }
            }
            Period::Month { year, month } => (year, month),
            Period::Day(d) => (d.year, d.month),
        }
    }

    /// Length in months (0 for a day).
    fn months(&self) -> u8 {
        match self.kind() {
            PeriodKind::Year | PeriodKind::FiscalYear => 12,
            PeriodKind::Quarter | PeriodKind::FiscalQuarter => 3,
            PeriodKind::Month => 1,
            PeriodKind::Day => 0,
        }
    }

    /// The first day.
    ///
    /// ```
    /// use debrief_metrics::Period;
    /// assert_eq!("FY2013-Q1".parse::<Period>().unwrap().start().to_string(), "2012-10-01");
    /// ```
    pub fn start(&self) -> Date {
        if let Period::Day(d) = self {
            return *d;
        }
        let (year, month) = self.start_month();
        Date {
            year,
            month,
            day: 1,
        }
    }

    /// The last day (inclusive).
    ///
    /// ```
    /// use debrief_metrics::Period;
    /// assert_eq!("2012-Q1".parse::<Period>().unwrap().end().to_string(), "2012-03-31");
    /// ```
    pub fn end(&self) -> Date {
        if let Period::Day(d) = self {
            return *d;
        }
        let (year, month) = self.start_month();
        let last = i32::from(month) + i32::from(self.months()) - 1; // 1..=21
        let (year, month) = (year + (last - 1) / 12, (last - 1) % 12 + 1);
        let month = u8::try_from(month).unwrap_or(12);
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// Length in days, both ends included (for annualisation).
    ///
    /// ```
    /// use debrief_metrics::Period;
    /// assert_eq!("2013-Q1".parse::<Period>().unwrap().days(), 90);
    /// assert_eq!("2012".parse::<Period>().unwrap().days(), 366);
    /// assert_eq!("2013-04-30".parse::<Period>().unwrap().days(), 1);
    /// ```
    pub fn days(&self) -> u32 {
        let n = self.end().days_since_epoch() - self.start().days_since_epoch() + 1;
        u32::try_from(n).unwrap_or(1)
    }

    /// Where the period starts on a time axis measured in years, used for growth rates and
    /// trends. Years, fiscal years, quarters and months use whole-month steps (FY2013 → 2012.75,
    /// 2013-Q2 → 2013.25, 2013-04 → 2013.25) so that periods of one kind are whole numbers of
    /// their length apart; a day uses its fraction of the year ([`Date::decimal_year`]).
    ///
    /// ```
    /// use debrief_metrics::Period;
    /// let t = |s: &str| s.parse::<Period>().unwrap().time();
    /// assert_eq!(t("2022") - t("2015"), 7.0);
    /// assert_eq!(t("FY2022") - t("FY2015"), 7.0);
    /// assert_eq!(t("FY2013"), 2012.75);
    /// ```
    pub fn time(&self) -> f64 {
        if let Period::Day(d) = self {
            return d.decimal_year();
        }
        let (year, month) = self.start_month();
        f64::from(year) + f64::from(month - 1) / 12.0
    }

    /// The first period of `kind` whose start on the time axis ([`Period::time`]) is at or
    /// after `time`: "the target is reached in …". `None` outside years 1000–9999.
    ///
    /// ```
    /// use debrief_metrics::{Period, PeriodKind};
    /// assert_eq!(Period::first_starting_at_or_after(PeriodKind::Year, 2049.3).unwrap().to_string(), "2050");
    /// assert_eq!(Period::first_starting_at_or_after(PeriodKind::FiscalYear, 2049.75).unwrap().to_string(), "FY2050");
    /// assert_eq!(Period::first_starting_at_or_after(PeriodKind::Quarter, 2013.3).unwrap().to_string(), "2013-Q3");
    /// ```
    #[allow(clippy::cast_possible_truncation)] // `time` is checked to lie in 999–9999 first
    pub fn first_starting_at_or_after(kind: PeriodKind, time: f64) -> Option<Period> {
        if !time.is_finite() || !(999.0..=9999.0).contains(&time) {
            return None;
        }
        // Candidate: the period containing `time` (by month steps), then step forward.
        let month_index = (time * 12.0 - 1e-9).ceil(); // first whole month at or after `time`
        let months = month_index as i64; // bounded by the range check above
        let year = i32::try_from(months.div_euclid(12)).ok()?;
        let month = u8::try_from(months.rem_euclid(12) + 1).ok()?;
        let round_up = |step: u8| -> (i32, u8) {
            // first month ≥ `month` that is 1 mod `step` (months 1, 4, 7, 10 for quarters)
            let m0 = month - 1;
            let up = m0.div_ceil(step) * step;
            if up >= 12 {
                (year + 1, 1)
            } else {
                (year, up + 1)
            }
        };
        let p = match kind {
            PeriodKind::Year => Period::Year(if month == 1 { year } else { year + 1 }),
            PeriodKind::FiscalYear => {
                // FY n starts in October of n - 1.
                if month <= 10 {
                    Period::FiscalYear(year + 1)
                } else {
                    Period::FiscalYear(year + 2)
                }
            }
            PeriodKind::Quarter => {
                let (y, m) = round_up(3);
                Period::Quarter {
                    year: y,
                    quarter: (m - 1) / 3 + 1,
                }
            }
            PeriodKind::FiscalQuarter => {
                let (y, m) = round_up(3);
                // Calendar quarter starting in month m of year y → fiscal quarter.
                let q = (m - 1) / 3 + 1;
                if q == 4 {
                    Period::FiscalQuarter {
                        fiscal_year: y + 1,
                        quarter: 1,
                    }
                } else {
                    Period::FiscalQuarter {
                        fiscal_year: y,
                        quarter: q + 1,
                    }
                }
            }
            PeriodKind::Month => Period::Month { year, month },
            PeriodKind::Day => {
                let whole = time.floor();
                let y = whole as i32; // bounded by the range check above
                let len = if is_leap(y) { 366.0 } else { 365.0 };
                let day0 = ((time - whole) * len - 1e-9).ceil().max(0.0) as i64;
                let jan1 = Date::new(y, 1, 1).ok()?.days_since_epoch();
                Period::Day(Date::from_days_since_epoch(jan1 + day0)?)
            }
        };
        p.validate().ok()
    }

    /// Checks the fields (quarter 1–4, month 1–12, year 1000–9999).
    fn validate(self) -> Result<Period, Error> {
        let text = self.to_string();
        let year_ok = |y: i32| (1000..=9999).contains(&y);
        let ok = match self {
            Period::Year(y) | Period::FiscalYear(y) => year_ok(y),
            Period::Quarter { year, quarter } => year_ok(year) && (1..=4).contains(&quarter),
            Period::FiscalQuarter {
                fiscal_year,
                quarter,
            } => year_ok(fiscal_year) && (1..=4).contains(&quarter),
            Period::Month { year, month } => year_ok(year) && (1..=12).contains(&month),
            Period::Day(_) => true,
        };
        if ok {
            Ok(self)
        } else {
            Err(period_error(
                &text,
                "a year from 1000 to 9999, a quarter from 1 to 4 and a month from 01 to 12",
            ))
        }
    }

    /// Whether `date` falls within the period.
    ///
    /// ```
    /// use debrief_metrics::{Date, Period};
    /// let fy: Period = "FY2013".parse().unwrap();
    /// assert!(fy.contains(Date::new(2012, 10, 1).unwrap()));
    /// assert!(!fy.contains(Date::new(2013, 10, 1).unwrap()));
    /// ```
    pub fn contains(&self, date: Date) -> bool {
        self.start() <= date && date <= self.end()
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        // Fast paths for series of one kind (the same order as the general rule below).
        match (self, other) {
            (Period::Year(a), Period::Year(b)) | (Period::FiscalYear(a), Period::FiscalYear(b)) => {
                return a.cmp(b);
            }
            (Period::Month { year: a, month: m }, Period::Month { year: b, month: n }) => {
                return (a, m).cmp(&(b, n));
            }
            (Period::Day(a), Period::Day(b)) => return a.cmp(b),
            _ => {}
        }
        (self.start(), self.end(), self.kind()).cmp(&(other.start(), other.end(), other.kind()))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::FiscalYear(y) => write!(f, "FY{y:04}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Period::FiscalQuarter {
                fiscal_year,
                quarter,
            } => write!(f, "FY{fiscal_year:04}-Q{quarter}"),
            Period::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Period::Day(d) => write!(f, "{d}"),
        }
    }
}

const PERIOD_FORMS: &str = "a period: YYYY, FYYYYY, FYYY, YYYY-Qn, FYYYYY-Qn, YYYY-MM or YYYY-MM-DD (e.g. 2013, FY2013, 2013-Q2, 2013-04, 2013-04-30)";

/// Parses exactly `n` ASCII digits.
fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn year4(s: &str) -> Option<i32> {
    digits(s, 4).and_then(|y| i32::try_from(y).ok())
}

/// `Qn` or `qn` → n.
fn quarter(s: &str) -> Option<u8> {
    let rest = s.strip_prefix(['Q', 'q'])?;
    digits(rest, 1).and_then(|q| u8::try_from(q).ok())
}

impl FromStr for Period {
    type Err = Error;

    /// Parses any of the forms in the module table (case-insensitive `FY` and `Q`; surrounding
    /// spaces ignored). Errors span the whole text and say which forms are accepted.
    ///
    /// ```
    /// use debrief_metrics::Period;
    /// assert_eq!("FY13".parse::<Period>().unwrap(), Period::FiscalYear(2013));
    /// assert_eq!("FY99".parse::<Period>().unwrap(), Period::FiscalYear(1999));
    /// let err = "2013-Q5".parse::<Period>().unwrap_err();
    /// assert!(err.to_string().contains("a quarter from 1 to 4"));
    /// ```
    fn from_str(input: &str) -> Result<Period, Error> {
        let s = input.trim();
        let lead = input.len() - input.trim_start().len();
        let fail = || period_error(s, PERIOD_FORMS).shifted(lead);
        let parsed = if let Some(fy) = s.strip_prefix("FY").or_else(|| s.strip_prefix("fy")) {
            let (year_part, quarter_part) = match fy.split_once('-') {
                Some((y, q)) => (y, Some(q)),
                None => (fy, None),
            };
            // Two digits as POSIX `%y` reads them: 69–99 → 1969–1999, 00–68 → 2000–2068.
            let two_digit = |y: u32| i32::try_from(if y >= 69 { 1900 + y } else { 2000 + y }).ok();
            let year = year4(year_part)
                .or_else(|| digits(year_part, 2).and_then(two_digit))
                .ok_or_else(fail)?;
            match quarter_part {
                None => Period::FiscalYear(year),
                Some(q) => Period::FiscalQuarter {
                    fiscal_year: year,
                    quarter: quarter(q).ok_or_else(fail)?,
                },
            }
        } else {
            let parts: Vec<&str> = s.split('-').collect();
            match parts.as_slice() {
                [y] if y.len() == 6 && quarter(&y[4..]).is_some() => Period::Quarter {
                    year: year4(&y[..4]).ok_or_else(fail)?,
                    quarter: quarter(&y[4..]).ok_or_else(fail)?,
                },
                [y] => Period::Year(year4(y).ok_or_else(fail)?),
                [y, q] if q.starts_with(['Q', 'q']) => Period::Quarter {
                    year: year4(y).ok_or_else(fail)?,
                    quarter: quarter(q).ok_or_else(fail)?,
                },
                [y, m] => Period::Month {
                    year: year4(y).ok_or_else(fail)?,
                    month: digits(m, 2)
                        .and_then(|m| u8::try_from(m).ok())
                        .ok_or_else(fail)?,
                },
                [y, m, d] => {
                    let year = year4(y).ok_or_else(fail)?;
                    let month = digits(m, 2)
                        .and_then(|m| u8::try_from(m).ok())
                        .ok_or_else(fail)?;
                    let day = digits(d, 2)
                        .and_then(|d| u8::try_from(d).ok())
                        .ok_or_else(fail)?;
                    Period::Day(
                        Date::new(year, month, day)
                            .map_err(|e| period_error(s, e_expected(&e)).shifted(lead))?,
                    )
                }
                _ => return Err(fail()),
            }
        };
        parsed.validate().map_err(|_| {
            period_error(
                s,
                "a year from 1000 to 9999, a quarter from 1 to 4 and a month from 01 to 12",
            )
            .shifted(lead)
        })
    }
}

fn e_expected(e: &Error) -> String {
    match e.kind() {
        ErrorKind::Period { expected, .. } => expected.clone(),
        other => other.to_string(),
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A reporting period: YYYY (calendar year), FYYYYY (U.S. federal fiscal year, October–September), YYYY-Qn, FYYYYY-Qn, YYYY-MM or YYYY-MM-DD.",
            "pattern": "^(\\d{4}|[Ff][Yy](\\d{4}|\\d{2})(-[Qq][1-4])?|\\d{4}-?[Qq][1-4]|\\d{4}-\\d{2}|\\d{4}-\\d{2}-\\d{2})$",
            "examples": ["2013", "FY2013", "2013-Q2", "FY2013-Q1", "2013-04", "2013-04-30"]
        })
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn fiscal_year_2013_runs_from_october_2012_to_september_2013() {
        let fy = p("FY2013");
        assert_eq!(fy.start(), Date::new(2012, 10, 1).unwrap());
        assert_eq!(fy.end(), Date::new(2013, 9, 30).unwrap());
        assert_eq!(fy.days(), 365);
        // FY2012 holds 29 February 2012.
        assert_eq!(p("FY2012").days(), 366);
    }

    #[test]
    fn fiscal_quarters_map_to_calendar_months() {
        let q = |s| {
            let x = p(s);
            (x.start().to_string(), x.end().to_string())
        };
        assert_eq!(q("FY2013-Q1"), ("2012-10-01".into(), "2012-12-31".into()));
        assert_eq!(q("FY2013-Q2"), ("2013-01-01".into(), "2013-03-31".into()));
        assert_eq!(q("FY2013-Q3"), ("2013-04-01".into(), "2013-06-30".into()));
        assert_eq!(q("FY2013-Q4"), ("2013-07-01".into(), "2013-09-30".into()));
    }

    #[test]
    fn lengths_in_days() {
        assert_eq!(p("2013").days(), 365);
        assert_eq!(p("2012").days(), 366);
        assert_eq!(p("2013-Q1").days(), 90);
        assert_eq!(p("2012-Q1").days(), 91);
        assert_eq!(p("2013-Q4").days(), 92);
        assert_eq!(p("2013-02").days(), 28);
        assert_eq!(p("2013-04-30").days(), 1);
    }

    #[test]
    fn accepted_spellings_print_canonically() {
        for (given, canonical) in [
            ("2013", "2013"),
            ("FY2013", "FY2013"),
            ("fy13", "FY2013"),
            ("FY2013-q1", "FY2013-Q1"),
            ("2013-Q2", "2013-Q2"),
            ("2013q2", "2013-Q2"),
            ("2013-04", "2013-04"),
            ("2013-04-30", "2013-04-30"),
            (" 2013 ", "2013"),
        ] {
            assert_eq!(p(given).to_string(), canonical, "{given}");
        }
    }

    #[test]
    fn malformed_periods_are_rejected_with_the_forms_expected() {
        for bad in [
            "",
            "13",
            "20131",
            "FY",
            "FY201",
            "2013-Q0",
            "2013-Q5",
            "2013-13",
            "2013-00",
            "2013-02-29",
            "2013-4",
            "2013-04-1",
            "0999",
            "2013-04-30-1",
            "Q2-2013",
            "2013–04",
        ] {
            let err = bad.parse::<Period>().unwrap_err();
            assert!(
                matches!(err.kind(), ErrorKind::Period { .. }),
                "{bad}: {err}"
            );
        }
        let err = "2013-02-29".parse::<Period>().unwrap_err();
        assert!(err.to_string().contains("a day from 01 to 28"), "{err}");
    }

    #[test]
    fn mixed_kinds_order_by_start_then_end() {
        let mut v = [
            p("2013"),
            p("FY2013"),
            p("2013-01"),
            p("2012-12-31"),
            p("2013-Q1"),
        ];
        v.sort();
        let shown: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["FY2013", "2012-12-31", "2013-01", "2013-Q1", "2013"]
        );
    }

    #[test]
    #[allow(clippy::float_cmp)] // the times are exact binary fractions
    fn time_axis_places_periods_by_their_start() {
        assert_eq!(p("2015").time(), 2015.0);
        assert_eq!(p("FY2013").time(), 2012.75);
        assert_eq!(p("FY2013-Q2").time(), 2013.0);
        assert_eq!(p("2013-Q3").time(), 2013.5);
        assert_eq!(p("2013-04").time(), 2013.25);
        assert_eq!(p("2012-07-01").time(), 2012.0 + 182.0 / 366.0);
    }

    #[test]
    fn first_period_starting_at_or_after_a_time() {
        let f = |k, t| {
            Period::first_starting_at_or_after(k, t)
                .unwrap()
                .to_string()
        };
        assert_eq!(f(PeriodKind::Year, 2050.0), "2050");
        assert_eq!(f(PeriodKind::Year, 2049.0001), "2050");
        assert_eq!(f(PeriodKind::FiscalYear, 2049.75), "FY2050");
        assert_eq!(f(PeriodKind::FiscalYear, 2049.76), "FY2051");
        assert_eq!(f(PeriodKind::FiscalYear, 2049.2), "FY2050");
        assert_eq!(f(PeriodKind::Quarter, 2013.0), "2013-Q1");
        assert_eq!(f(PeriodKind::Quarter, 2013.01), "2013-Q2");
        assert_eq!(f(PeriodKind::Quarter, 2013.8), "2014-Q1");
        assert_eq!(f(PeriodKind::FiscalQuarter, 2012.8), "FY2013-Q2");
        assert_eq!(f(PeriodKind::FiscalQuarter, 2012.7), "FY2013-Q1");
        assert_eq!(f(PeriodKind::Month, 2013.26), "2013-05");
        assert_eq!(f(PeriodKind::Day, 2013.0), "2013-01-01");
        assert!(Period::first_starting_at_or_after(PeriodKind::Year, f64::INFINITY).is_none());
        assert!(Period::first_starting_at_or_after(PeriodKind::Year, 12000.0).is_none());
    }
}
