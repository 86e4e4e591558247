//! Typed quantities checked at compile time: [`Value<U>`] for a unit marker `U` such as
//! [`Count`], [`Percent`], [`Share`], [`Money<Usd>`](Money), [`Miles`], [`Days`],
//! [`PerHundredThousand`].
//!
//! Values of different units cannot be added or compared — that is a type error:
//!
//! ```compile_fail,E0308
//! use debrief_metrics::quantity::{Count, Percent, Value};
//! let apprehensions = Value::<Count>::new(300.0).unwrap();
//! let rate = Value::<Percent>::new(80.0).unwrap();
//! let _ = apprehensions + rate; // error: expected `Value<Count>`, found `Value<Percent>`
//! ```
//!
//! ```compile_fail,E0308
//! use debrief_metrics::quantity::{Miles, Money, Usd, Value};
//! let fence = Value::<Miles>::new(650.0).unwrap();
//! let cost = Value::<Money<Usd>>::new(2.4e9).unwrap();
//! let _ = fence - cost; // error: miles minus dollars
//! ```
//!
//! ```compile_fail,E0308
//! use debrief_metrics::quantity::{Money, Mxn, Usd, Value};
//! let a = Value::<Money<Usd>>::new(1.0).unwrap();
//! let b = Value::<Money<Mxn>>::new(1.0).unwrap();
//! let _ = a + b; // error: dollars plus pesos
//! ```
//!
//! ```compile_fail,E0308
//! use debrief_metrics::quantity::{Count, Share, Value};
//! let share: Value<Share> = Value::<Count>::new(3.0).unwrap(); // a count is not a share
//! ```
//!
//! The laws that hold: a ratio of two quantities of one unit is a dimensionless [`Share`]; a
//! share scaled by 100 is a [`Percent`]; scaled by 100,000 a [`PerHundredThousand`] rate.
//!
//! ```
//! use debrief_metrics::quantity::{Count, Value};
//! let apprehended = Value::<Count>::new(90.0)?;
//! let attempts = Value::<Count>::new(120.0)?;
//! let rate = (apprehended / attempts)?.to_percent()?;
//! assert_eq!(rate.get(), 75.0);
//! # Ok::<(), debrief_metrics::Error>(())
//! ```
//!
//! No NaN or infinity is ever held: every constructor and every operation that could produce
//! one returns an [`Error`] instead.

use std::cmp::Ordering;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Add, Div, Mul, Neg, Sub};

use crate::error::{Error, ErrorKind};
use crate::unit::{Currency, Unit as RuntimeUnit};

/// A unit marker: a zero-sized type naming a unit, with its runtime counterpart.
///
/// ```
/// use debrief_metrics::quantity::{Percent, Unit};
/// assert_eq!(Percent::runtime().to_string(), "percent");
/// ```
pub trait Unit: Copy + 'static {
    /// The runtime unit, for checks against catalogs.
    fn runtime() -> RuntimeUnit;
}

/// A currency marker for [`Money`].
///
/// ```
/// use debrief_metrics::quantity::{CurrencyMarker, Usd};
/// assert_eq!(Usd::CURRENCY.code(), "USD");
/// ```
pub trait CurrencyMarker: Copy + 'static {
    /// The currency.
    const CURRENCY: Currency;
}

macro_rules! unit_marker {
    ($(#[$doc:meta])* $name:ident => $runtime:expr, $shown:literal) => {
        $(#[$doc])*
        ///
        #[doc = concat!(
            "```\nuse debrief_metrics::quantity::{", stringify!($name), ", Unit, Value};\n",
            "assert_eq!(", stringify!($name), "::runtime().to_string(), \"", $shown, "\");\n",
            "assert_eq!(Value::<", stringify!($name), ">::new(2.0)?.get(), 2.0);\n",
            "# Ok::<(), debrief_metrics::Error>(())\n```"
        )]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $name;

        impl Unit for $name {
            fn runtime() -> RuntimeUnit {
                $runtime
            }
        }
    };
}

unit_marker!(
    /// A number of things: apprehensions, seizures, enrollees.
    Count => RuntimeUnit::COUNT, "count"
);
unit_marker!(
    /// A dimensionless ratio (1 = all).
    Share => RuntimeUnit::SHARE, "share"
);
unit_marker!(
    /// Percent: a share × 100.
    Percent => RuntimeUnit::PERCENT, "percent"
);
unit_marker!(
    /// A rate per 100,000: a share × 100,000.
    PerHundredThousand => RuntimeUnit::PER_100K, "per_100k"
);
unit_marker!(
    /// Miles.
    Miles => RuntimeUnit::MILES, "miles"
);
unit_marker!(
    /// Days.
    Days => RuntimeUnit::DAYS, "days"
);

macro_rules! currency_marker {
    ($(#[$doc:meta])* $name:ident => $currency:ident) => {
        $(#[$doc])*
        ///
        #[doc = concat!(
            "```\nuse debrief_metrics::quantity::{CurrencyMarker, ", stringify!($name), "};\n",
            "assert_eq!(", stringify!($name), "::CURRENCY.code(), \"", stringify!($currency), "\");\n```"
        )]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $name;

        impl CurrencyMarker for $name {
            const CURRENCY: Currency = Currency::$currency;
        }
    };
}

currency_marker!(
    /// United States dollars.
    Usd => USD
);
currency_marker!(
    /// Mexican pesos.
    Mxn => MXN
);

/// Money in the currency `C`.
///
/// ```
/// use debrief_metrics::quantity::{Money, Unit, Usd};
/// assert_eq!(Money::<Usd>::runtime().to_string(), "usd");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Money<C: CurrencyMarker>(PhantomData<C>);

impl<C: CurrencyMarker> Unit for Money<C> {
    fn runtime() -> RuntimeUnit {
        let code = C::CURRENCY.code().to_ascii_lowercase();
        code.parse()
            .unwrap_or_else(|_| RuntimeUnit::new(crate::unit::Dimension::money(C::CURRENCY), 1.0))
    }
}

/// A finite number of unit `U`.
///
/// ```
/// use debrief_metrics::quantity::{Days, Value};
/// let a = Value::<Days>::new(30.0)?;
/// let b = Value::<Days>::new(15.0)?;
/// assert_eq!((a + b)?.get(), 45.0);
/// assert!(a > b);
/// assert!(Value::<Days>::new(f64::NAN).is_err());
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct Value<U: Unit> {
    value: f64,
    unit: PhantomData<U>,
}

// Manual impls: the derives would demand `U: PartialEq` etc. of the marker needlessly.
impl<U: Unit> PartialEq for Value<U> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}
impl<U: Unit> PartialOrd for Value<U> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.value.partial_cmp(&other.value)
    }
}
impl<U: Unit> fmt::Debug for Value<U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.value, U::runtime())
    }
}
impl<U: Unit> fmt::Display for Value<U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.value, U::runtime())
    }
}

fn finite<U: Unit>(value: f64, what: &str) -> Result<Value<U>, Error> {
    if value.is_finite() {
        Ok(Value {
            value,
            unit: PhantomData,
        })
    } else {
        Err(Error::new(ErrorKind::NonFinite {
            what: format!("{what} gives {value} {}", U::runtime()),
        }))
    }
}

impl<U: Unit> Value<U> {
    /// A value, or an error if `value` is NaN or infinite.
    ///
    /// # Errors
    ///
    /// If `value` is NaN or infinite.
    ///
    /// ```
    /// use debrief_metrics::quantity::{Count, Value};
    /// assert_eq!(Value::<Count>::new(3.0).unwrap().get(), 3.0);
    /// assert!(Value::<Count>::new(f64::INFINITY).is_err());
    /// ```
    pub fn new(value: f64) -> Result<Self, Error> {
        finite(value, "a value")
    }

    /// The number.
    ///
    /// ```
    /// use debrief_metrics::quantity::{Miles, Value};
    /// assert_eq!(Value::<Miles>::new(2.5).unwrap().get(), 2.5);
    /// ```
    pub fn get(self) -> f64 {
        self.value
    }

    /// The runtime unit of this value.
    ///
    /// ```
    /// use debrief_metrics::quantity::{Percent, Value};
    /// assert_eq!(Value::<Percent>::new(1.0).unwrap().unit().to_string(), "percent");
    /// ```
    pub fn unit(self) -> RuntimeUnit {
        U::runtime()
    }
}

impl<U: Unit> Add for Value<U> {
    type Output = Result<Value<U>, Error>;
    fn add(self, rhs: Self) -> Self::Output {
        finite(self.value + rhs.value, "a sum")
    }
}

impl<U: Unit> Sub for Value<U> {
    type Output = Result<Value<U>, Error>;
    fn sub(self, rhs: Self) -> Self::Output {
        finite(self.value - rhs.value, "a difference")
    }
}

impl<U: Unit> Neg for Value<U> {
    type Output = Value<U>;
    fn neg(self) -> Self::Output {
        Value {
            value: -self.value,
            unit: PhantomData,
        }
    }
}

/// Scaling by a plain factor keeps the unit.
impl<U: Unit> Mul<f64> for Value<U> {
    type Output = Result<Value<U>, Error>;
    fn mul(self, rhs: f64) -> Self::Output {
        finite(self.value * rhs, "a scaled value")
    }
}

/// Dividing by a plain factor keeps the unit.
impl<U: Unit> Div<f64> for Value<U> {
    type Output = Result<Value<U>, Error>;
    fn div(self, rhs: f64) -> Self::Output {
        finite(self.value / rhs, "a scaled value")
    }
}

/// The ratio of two quantities of one unit is a dimensionless share (division by zero is an
/// error, not an infinity).
impl<U: Unit> Div for Value<U> {
    type Output = Result<Value<Share>, Error>;
    fn div(self, rhs: Self) -> Self::Output {
        finite(self.value / rhs.value, "a ratio")
    }
}

impl Value<Share> {
    /// The share as a percent (× 100).
    ///
    /// # Errors
    ///
    /// If the result overflows.
    ///
    /// ```
    /// use debrief_metrics::quantity::{Share, Value};
    /// assert_eq!(Value::<Share>::new(0.25)?.to_percent()?.get(), 25.0);
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn to_percent(self) -> Result<Value<Percent>, Error> {
        finite(self.value * 100.0, "a percent")
    }

    /// The share as a rate per 100,000 (× 100,000).
    ///
    /// # Errors
    ///
    /// If the result overflows.
    ///
    /// ```
    /// use debrief_metrics::quantity::{Count, Value};
    /// let deaths = Value::<Count>::new(30.0)?;
    /// let population = Value::<Count>::new(600_000.0)?;
    /// assert_eq!((deaths / population)?.per_hundred_thousand()?.get(), 5.0);
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn per_hundred_thousand(self) -> Result<Value<PerHundredThousand>, Error> {
        finite(self.value * 100_000.0, "a rate per 100,000")
    }
}

impl Value<Percent> {
    /// The percent as a share (÷ 100).
    ///
    /// ```
    /// use debrief_metrics::quantity::{Percent, Value};
    /// assert_eq!(Value::<Percent>::new(40.0)?.to_share().get(), 0.4);
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn to_share(self) -> Value<Share> {
        Value {
            value: self.value / 100.0,
            unit: PhantomData,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runtime_units_of_markers_agree_with_the_catalog_names() {
        assert_eq!(Count::runtime().to_string(), "count");
        assert_eq!(Share::runtime().to_string(), "share");
        assert_eq!(Percent::runtime().to_string(), "percent");
        assert_eq!(PerHundredThousand::runtime().to_string(), "per_100k");
        assert_eq!(Miles::runtime().to_string(), "miles");
        assert_eq!(Days::runtime().to_string(), "days");
        assert_eq!(Money::<Usd>::runtime().to_string(), "usd");
        assert_eq!(Money::<Mxn>::runtime().to_string(), "mxn");
    }

    #[test]
    fn overflow_and_division_by_zero_are_errors() {
        let big = Value::<Count>::new(f64::MAX).unwrap();
        assert!((big + big).is_err());
        assert!((big * 2.0).is_err());
        let zero = Value::<Count>::new(0.0).unwrap();
        assert!((zero / zero).is_err()); // 0/0 would be NaN
        assert!((big / zero).is_err()); // x/0 would be infinite
    }

    #[test]
    fn the_runtime_unit_of_a_typed_ratio_matches_the_runtime_algebra() {
        // The compile-time law (count / count = share) agrees with the runtime checker's.
        assert!(
            Count::runtime()
                .per(&Count::runtime())
                .unwrap()
                .same_as(&Share::runtime())
        );
        assert!(Share::runtime().scaled(0.01).same_as(&Percent::runtime()));
        assert!(
            Share::runtime()
                .scaled(1e-5)
                .same_as(&PerHundredThousand::runtime())
        );
    }
}
