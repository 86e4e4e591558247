//! Runtime-checked units, for catalogs loaded from files: [`Unit`] (a [`Dimension`] and a scale)
//! parsed from names such as `"count"`, `"percent"`, `"usd_billion"`.
//!
//! A unit is a dimension (exponents of count, length, time and money in one currency) and a
//! scale: a number `n` in unit `(d, k)` is the quantity `n·k` of dimension `d`. So a share is
//! `(dimensionless, 1)`, a percent `(dimensionless, 0.01)` and a rate per 100,000
//! `(dimensionless, 1e-5)`: the formula checker can tell that `count / count` is a share and
//! that `100 * share` is a percent. The compile-time counterpart is [`crate::quantity`].

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};

/// A three-letter currency code, upper case.
///
/// ```
/// use debrief_metrics::Currency;
/// assert_eq!(Currency::USD.code(), "USD");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    /// United States dollar.
    ///
    /// ```
    /// use debrief_metrics::Currency;
    /// assert_eq!(Currency::USD.code(), "USD");
    /// ```
    pub const USD: Currency = Currency(*b"USD");
    /// Mexican peso.
    ///
    /// ```
    /// use debrief_metrics::Currency;
    /// assert_eq!(Currency::MXN.code(), "MXN");
    /// ```
    pub const MXN: Currency = Currency(*b"MXN");
    /// Canadian dollar.
    ///
    /// ```
    /// use debrief_metrics::Currency;
    /// assert_eq!(Currency::CAD.code(), "CAD");
    /// ```
    pub const CAD: Currency = Currency(*b"CAD");
    /// Euro.
    ///
    /// ```
    /// use debrief_metrics::Currency;
    /// assert_eq!(Currency::EUR.code(), "EUR");
    /// ```
    pub const EUR: Currency = Currency(*b"EUR");

    /// The currencies catalogs may name, lower case in unit names (`usd`, `mxn_million`, …).
    ///
    /// ```
    /// use debrief_metrics::Currency;
    /// assert!(Currency::KNOWN.contains(&Currency::CAD));
    /// ```
    pub const KNOWN: [Currency; 4] = [Self::USD, Self::MXN, Self::CAD, Self::EUR];

    /// The ISO 4217 code.
    ///
    /// ```
    /// use debrief_metrics::Currency;
    /// assert_eq!(Currency::MXN.code(), "MXN");
    /// ```
    pub fn code(&self) -> &str {
        // The bytes are always ASCII upper-case letters (only constructed from constants).
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

/// The physical dimension of a unit: exponents of count, length (miles), time (days) and money
/// (in one currency).
///
/// ```
/// use debrief_metrics::Dimension;
/// let rate = Dimension::COUNT.divide(Dimension::TIME).unwrap();
/// assert_eq!(rate.to_string(), "count/days");
/// assert!(Dimension::COUNT.divide(Dimension::COUNT).unwrap().is_dimensionless());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Dimension {
    count: i8,
    length: i8,
    time: i8,
    money: i8,
    currency: Option<Currency>,
}

impl Dimension {
    /// No dimension: shares, percents, rates per 100,000, indices.
    ///
    /// ```
    /// use debrief_metrics::Dimension;
    /// assert!(Dimension::NONE.is_dimensionless());
    /// ```
    pub const NONE: Dimension = Dimension {
        count: 0,
        length: 0,
        time: 0,
        money: 0,
        currency: None,
    };
    /// A number of things (people, apprehensions, seizures).
    ///
    /// ```
    /// use debrief_metrics::Dimension;
    /// assert_eq!(Dimension::COUNT.to_string(), "count");
    /// ```
    pub const COUNT: Dimension = Dimension {
        count: 1,
        ..Self::NONE
    };
    /// A length (base unit: miles).
    ///
    /// ```
    /// use debrief_metrics::Dimension;
    /// assert_eq!(Dimension::LENGTH.to_string(), "miles");
    /// ```
    pub const LENGTH: Dimension = Dimension {
        length: 1,
        ..Self::NONE
    };
    /// A duration (base unit: days).
    ///
    /// ```
    /// use debrief_metrics::Dimension;
    /// assert_eq!(Dimension::TIME.to_string(), "days");
    /// ```
    pub const TIME: Dimension = Dimension {
        time: 1,
        ..Self::NONE
    };

    /// Money in `currency` (base unit: one unit of the currency).
    ///
    /// ```
    /// use debrief_metrics::{Currency, Dimension};
    /// assert_ne!(Dimension::money(Currency::USD), Dimension::money(Currency::MXN));
    /// ```
    pub const fn money(currency: Currency) -> Dimension {
        Dimension {
            money: 1,
            currency: Some(currency),
            ..Self::NONE
        }
    }

    /// Whether all exponents are zero.
    ///
    /// ```
    /// use debrief_metrics::Dimension;
    /// assert!(Dimension::NONE.is_dimensionless());
    /// assert!(!Dimension::COUNT.is_dimensionless());
    /// ```
    pub fn is_dimensionless(&self) -> bool {
        self.count == 0 && self.length == 0 && self.time == 0 && self.money == 0
    }

    fn combine(self, other: Dimension, sign: i8) -> Option<Dimension> {
        let currency = match (self.currency, other.currency) {
            (Some(a), Some(b)) if a != b => return None,
            (a, b) => a.or(b),
        };
        let money = self.money.checked_add(sign.checked_mul(other.money)?)?;
        Some(Dimension {
            count: self.count.checked_add(sign.checked_mul(other.count)?)?,
            length: self.length.checked_add(sign.checked_mul(other.length)?)?,
            time: self.time.checked_add(sign.checked_mul(other.time)?)?,
            money,
            currency: if money == 0 { None } else { currency },
        })
    }

    /// The dimension of a product, or `None` when it mixes two currencies.
    ///
    /// ```
    /// use debrief_metrics::{Currency, Dimension};
    /// assert!(Dimension::money(Currency::USD).multiply(Dimension::money(Currency::MXN)).is_none());
    /// ```
    pub fn multiply(self, other: Dimension) -> Option<Dimension> {
        self.combine(other, 1)
    }

    /// The dimension of a quotient, or `None` when it mixes two currencies.
    ///
    /// ```
    /// use debrief_metrics::Dimension;
    /// assert_eq!(Dimension::COUNT.divide(Dimension::COUNT), Some(Dimension::NONE));
    /// ```
    pub fn divide(self, other: Dimension) -> Option<Dimension> {
        self.combine(other, -1)
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let money = self
            .currency
            .map_or_else(|| "money".to_owned(), |c| c.code().to_ascii_lowercase());
        let parts = [
            ("count".to_owned(), self.count),
            ("miles".to_owned(), self.length),
            ("days".to_owned(), self.time),
            (money, self.money),
        ];
        let show = |name: &str, exp: i8| {
            if exp == 1 {
                name.to_owned()
            } else {
                format!("{name}^{exp}")
            }
        };
        let num: Vec<String> = parts
            .iter()
            .filter(|p| p.1 > 0)
            .map(|(name, exp)| show(name, *exp))
            .collect();
        let den: Vec<String> = parts
            .iter()
            .filter(|p| p.1 < 0)
            .map(|(name, exp)| show(name, -exp))
            .collect();
        match (num.is_empty(), den.is_empty()) {
            (true, true) => f.write_str("dimensionless"),
            (false, true) => f.write_str(&num.join("·")),
            (true, false) => write!(f, "1/{}", den.join("·")),
            (false, false) => write!(f, "{}/{}", num.join("·"), den.join("·")),
        }
    }
}

/// A unit checked at run time: a dimension and a scale, with the catalog name when it has one.
///
/// ```
/// use debrief_metrics::Unit;
/// let pct: Unit = "percent".parse().unwrap();
/// let share: Unit = "share".parse().unwrap();
/// assert_eq!(pct.scale(), 0.01);
/// assert!(pct.dimension().is_dimensionless());
/// assert!(!pct.same_as(&share));
/// assert!(share.scaled(1.0 / 100.0).same_as(&pct));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    name: Option<&'static str>,
    dimension: Dimension,
    scale: f64,
}

/// Named units: (canonical name, aliases, dimension, scale).
const NAMED: &[(&str, &[&str], Dimension, f64)] = &[
    ("count", &["number"], Dimension::COUNT, 1.0),
    (
        "share",
        &["ratio", "proportion", "fraction"],
        Dimension::NONE,
        1.0,
    ),
    ("percent", &["%", "pct"], Dimension::NONE, 0.01),
    ("per_1000", &["per_thousand"], Dimension::NONE, 1e-3),
    ("per_100k", &["per_100000"], Dimension::NONE, 1e-5),
    ("index", &["score"], Dimension::NONE, 1.0),
    ("miles", &["mile"], Dimension::LENGTH, 1.0),
    (
        "km",
        &["kilometres", "kilometers"],
        Dimension::LENGTH,
        0.621_371_192_237_334,
    ),
    ("days", &["day"], Dimension::TIME, 1.0),
    ("weeks", &["week"], Dimension::TIME, 7.0),
    ("usd", &[], Dimension::money(Currency::USD), 1.0),
    ("usd_thousand", &[], Dimension::money(Currency::USD), 1e3),
    ("usd_million", &[], Dimension::money(Currency::USD), 1e6),
    ("usd_billion", &[], Dimension::money(Currency::USD), 1e9),
    ("mxn", &[], Dimension::money(Currency::MXN), 1.0),
    ("mxn_million", &[], Dimension::money(Currency::MXN), 1e6),
    ("mxn_billion", &[], Dimension::money(Currency::MXN), 1e9),
    ("cad", &[], Dimension::money(Currency::CAD), 1.0),
    ("cad_million", &[], Dimension::money(Currency::CAD), 1e6),
    ("cad_billion", &[], Dimension::money(Currency::CAD), 1e9),
    ("eur", &[], Dimension::money(Currency::EUR), 1.0),
    ("eur_million", &[], Dimension::money(Currency::EUR), 1e6),
    ("eur_billion", &[], Dimension::money(Currency::EUR), 1e9),
];

impl Unit {
    /// A count of things.
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// assert_eq!(Unit::COUNT.to_string(), "count");
    /// ```
    pub const COUNT: Unit = Unit::named("count", Dimension::COUNT, 1.0);
    /// A share (a dimensionless ratio, 1 = all).
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// assert_eq!(Unit::SHARE.scale(), 1.0);
    /// ```
    pub const SHARE: Unit = Unit::named("share", Dimension::NONE, 1.0);
    /// A percent (a share × 100).
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// assert_eq!(Unit::PERCENT.scale(), 0.01);
    /// ```
    pub const PERCENT: Unit = Unit::named("percent", Dimension::NONE, 0.01);
    /// A rate per 100,000 (a share × 100,000).
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// assert_eq!(Unit::PER_100K.scale(), 1e-5);
    /// ```
    pub const PER_100K: Unit = Unit::named("per_100k", Dimension::NONE, 1e-5);
    /// Miles.
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// assert_eq!("mile".parse::<Unit>().unwrap(), Unit::MILES);
    /// ```
    pub const MILES: Unit = Unit::named("miles", Dimension::LENGTH, 1.0);
    /// Days.
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// assert_eq!("day".parse::<Unit>().unwrap(), Unit::DAYS);
    /// ```
    pub const DAYS: Unit = Unit::named("days", Dimension::TIME, 1.0);
    /// U.S. dollars.
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// assert_eq!("USD".parse::<Unit>().unwrap(), Unit::USD);
    /// ```
    pub const USD: Unit = Unit::named("usd", Dimension::money(Currency::USD), 1.0);

    const fn named(name: &'static str, dimension: Dimension, scale: f64) -> Unit {
        Unit {
            name: Some(name),
            dimension,
            scale,
        }
    }

    /// An unnamed unit of `dimension` and `scale` (what a formula computes).
    ///
    /// ```
    /// use debrief_metrics::{Dimension, Unit};
    /// assert!(Unit::new(Dimension::NONE, 0.01).same_as(&Unit::PERCENT));
    /// ```
    pub fn new(dimension: Dimension, scale: f64) -> Unit {
        Unit {
            name: None,
            dimension,
            scale,
        }
    }

    /// The catalog name, if this is a named unit.
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// assert_eq!(Unit::PERCENT.name(), Some("percent"));
    /// ```
    pub fn name(&self) -> Option<&'static str> {
        self.name
    }

    /// The dimension.
    ///
    /// ```
    /// use debrief_metrics::{Dimension, Unit};
    /// assert_eq!(Unit::COUNT.dimension(), Dimension::COUNT);
    /// ```
    pub fn dimension(&self) -> Dimension {
        self.dimension
    }

    /// How many base units one of this unit is (0.01 for percent, 1e9 for `usd_billion`).
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// assert_eq!("usd_billion".parse::<Unit>().unwrap().scale(), 1e9);
    /// ```
    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// Whether two units measure the same thing on the same scale (names may differ:
    /// `"ratio"` and `"share"` are the same unit).
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// let ratio: Unit = "ratio".parse().unwrap();
    /// assert!(ratio.same_as(&Unit::SHARE));
    /// assert!(!Unit::COUNT.same_as(&Unit::SHARE));
    /// ```
    pub fn same_as(&self, other: &Unit) -> bool {
        self.dimension == other.dimension
            && (self.scale - other.scale).abs() <= 1e-9 * self.scale.abs().max(other.scale.abs())
    }

    /// The unit of a number multiplied by a plain factor: the numbers grow, the quantity does
    /// not, so the scale shrinks (`100 × share` is a percent).
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// assert!(Unit::SHARE.scaled(0.01).same_as(&Unit::PERCENT));
    /// ```
    #[must_use]
    pub fn scaled(&self, scale_factor: f64) -> Unit {
        Unit::new(self.dimension, self.scale * scale_factor).renamed()
    }

    /// The unit of a product of two quantities, or `None` when it mixes currencies.
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// let sq = Unit::MILES.times(&Unit::MILES).unwrap();
    /// assert_eq!(sq.to_string(), "miles^2");
    /// ```
    pub fn times(&self, other: &Unit) -> Option<Unit> {
        Some(
            Unit::new(
                self.dimension.multiply(other.dimension)?,
                self.scale * other.scale,
            )
            .renamed(),
        )
    }

    /// The unit of a quotient of two quantities, or `None` when it mixes currencies.
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// assert!(Unit::COUNT.per(&Unit::COUNT).unwrap().same_as(&Unit::SHARE));
    /// ```
    pub fn per(&self, other: &Unit) -> Option<Unit> {
        Some(
            Unit::new(
                self.dimension.divide(other.dimension)?,
                self.scale / other.scale,
            )
            .renamed(),
        )
    }

    /// Gives an unnamed unit the name of the named unit it equals, if any.
    fn renamed(self) -> Unit {
        if self.name.is_some() {
            return self;
        }
        NAMED
            .iter()
            .map(|&(name, _, d, s)| Unit::named(name, d, s))
            .find(|u| u.same_as(&self))
            .unwrap_or(self)
    }

    /// The names catalogs may use, comma-separated (for error messages and documentation).
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// assert!(Unit::known_names().starts_with("count, share, percent"));
    /// ```
    pub fn known_names() -> String {
        NAMED
            .iter()
            .map(|(n, ..)| *n)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl FromStr for Unit {
    type Err = Error;

    /// Parses a unit name (case-insensitive; aliases such as `ratio` and `%` accepted).
    ///
    /// ```
    /// use debrief_metrics::Unit;
    /// assert_eq!("Percent".parse::<Unit>().unwrap(), Unit::PERCENT);
    /// assert!("furlongs".parse::<Unit>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Unit, Error> {
        let key = s.trim().to_ascii_lowercase();
        NAMED
            .iter()
            .find(|(name, aliases, ..)| *name == key || aliases.contains(&key.as_str()))
            .map(|&(name, _, d, scale)| Unit::named(name, d, scale))
            .ok_or_else(|| {
                Error::at(
                    ErrorKind::UnknownUnit {
                        name: s.to_owned(),
                        known: Unit::known_names(),
                    },
                    crate::error::Span::new(0, s.len()),
                )
            })
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(name) = self.name {
            return f.write_str(name);
        }
        if (self.scale - 1.0).abs() <= 1e-12 {
            write!(f, "{}", self.dimension)
        } else {
            write!(f, "{} × {}", self.scale, self.dimension)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_unit_parses_to_itself_and_displays_its_name() {
        for (name, aliases, ..) in NAMED {
            let u: Unit = name.parse().unwrap();
            assert_eq!(u.to_string(), *name);
            for alias in *aliases {
                assert!(alias.parse::<Unit>().unwrap().same_as(&u), "{alias}");
            }
        }
    }

    #[test]
    fn a_ratio_of_counts_scaled_by_100_is_a_percent() {
        let share = Unit::COUNT.per(&Unit::COUNT).unwrap();
        assert_eq!(share, Unit::SHARE);
        assert_eq!(share.scaled(0.01), Unit::PERCENT);
    }

    #[test]
    fn compound_units_display_their_dimension() {
        let rate = Unit::COUNT.per(&Unit::DAYS).unwrap();
        assert_eq!(rate.to_string(), "count/days");
        let inverse = Unit::SHARE.per(&Unit::MILES).unwrap();
        assert_eq!(inverse.to_string(), "1/miles");
        let billions_per_count = "usd_billion"
            .parse::<Unit>()
            .unwrap()
            .per(&Unit::COUNT)
            .unwrap();
        assert_eq!(billions_per_count.to_string(), "1000000000 × usd/count");
    }

    #[test]
    fn money_in_two_currencies_does_not_combine() {
        let usd = Unit::USD;
        let mxn: Unit = "mxn".parse().unwrap();
        assert!(usd.per(&mxn).is_none());
        assert!(!usd.same_as(&mxn));
    }
}
