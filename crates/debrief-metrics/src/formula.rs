//! Formula indicators: a small expression language over other indicators, parsed with nom,
//! unit-checked when the catalog is loaded, evaluated period by period.
//!
//! ```text
//! formula := sum
//! sum     := product (("+" | "-") product)*
//! product := unary (("*" | "/") unary)*
//! unary   := "-" unary | atom
//! atom    := number | identifier | "{" any-id "}" | "(" sum ")"
//! ```
//!
//! Identifiers (`[A-Za-z_][A-Za-z0-9_.]*`) name indicators of the catalog; ids with other
//! characters (`got-aways`) are written in braces (`{got-aways}`). As with DHIS2's
//! numerator, denominator and factor, the unit of the result is worked out from the operands':
//! `count / count` is a share, and `100 × share` a percent, so the DHS interdiction
//! effectiveness rate checks as a percent:
//!
//! ```
//! use debrief_metrics::{Formula, Unit};
//! let f = Formula::parse("100 * (apprehensions + turn_backs) / (apprehensions + turn_backs + got_aways)")?;
//! let unit = f.unit(|_| Some(Unit::COUNT))?;
//! assert!(unit.same_as(&Unit::PERCENT));
//! let rate = f.eval(|id| match id {
//!     "apprehensions" => Some(80.0),
//!     "turn_backs" => Some(10.0),
//!     "got_aways" => Some(10.0),
//!     _ => None,
//! });
//! assert_eq!(rate, Some(90.0));
//! # Ok::<(), debrief_metrics::Error>(())
//! ```
//!
//! Errors point at the offending character: a syntax error at the first character that does
//! not fit, an unknown indicator at its name, a unit mismatch at the operator.
//!
//! ```
//! use debrief_metrics::{Formula, Unit};
//! let err = Formula::parse("100 * (a + ) / b").unwrap_err();
//! assert_eq!(err.span().unwrap().start, 11);
//! let f = Formula::parse("a + b")?;
//! let err = f.unit(|id| Some(if id == "a" { Unit::COUNT } else { Unit::PERCENT })).unwrap_err();
//! assert_eq!(err.span().unwrap().start, 2);
//! assert_eq!(err.to_string(), "unit mismatch: cannot add count and percent");
//! # Ok::<(), debrief_metrics::Error>(())
//! ```

use std::fmt;

use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while1};
use nom::character::complete::{char, digit0, digit1, multispace0, one_of, satisfy};
use nom::combinator::{opt, recognize};
use nom::error::{ErrorKind as NomErrorKind, ParseError};
use nom::{Err as NomErr, IResult, Parser};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, ErrorKind, Span};
use crate::unit::Unit;

/// A parsed formula: its text and expression tree.
///
/// ```
/// use debrief_metrics::Formula;
/// let f = Formula::parse("{got-aways} / 2")?;
/// assert_eq!(f.variables().map(|(name, _)| name).collect::<Vec<_>>(), ["got-aways"]);
/// assert_eq!(f.to_string(), "{got-aways} / 2");
/// # Ok::<(), debrief_metrics::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    text: String,
    expr: Expr,
}

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Op {
    fn from_char(c: char) -> Op {
        match c {
            '+' => Op::Add,
            '-' => Op::Sub,
            '*' => Op::Mul,
            _ => Op::Div,
        }
    }

    fn verb(self) -> &'static str {
        match self {
            Op::Add => "add",
            Op::Sub => "subtract",
            Op::Mul => "multiply",
            Op::Div => "divide",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    Num(f64),
    Var {
        name: String,
        span: Span,
    },
    Neg(Box<Expr>),
    Bin {
        op: Op,
        span: Span,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
}

/// A parse failure: where (as the input remaining there) and what was expected.
#[derive(Debug)]
struct PErr<'a> {
    rest: &'a str,
    expected: &'static str,
}

impl<'a> ParseError<&'a str> for PErr<'a> {
    fn from_error_kind(rest: &'a str, _: NomErrorKind) -> Self {
        PErr {
            rest,
            expected: "a formula",
        }
    }
    fn append(_: &'a str, _: NomErrorKind, other: Self) -> Self {
        other
    }
    fn or(self, other: Self) -> Self {
        // Report the alternative that got further.
        if other.rest.len() < self.rest.len() {
            other
        } else {
            self
        }
    }
}

type Res<'a, T> = IResult<&'a str, T, PErr<'a>>;

/// Spans are recorded while parsing as "bytes remaining"; `Fix` turns them into offsets.
fn rem_span(start_rest: &str, end_rest: &str) -> Span {
    Span::new(start_rest.len(), end_rest.len())
}

fn fail<'a, T>(rest: &'a str, expected: &'static str) -> Res<'a, T> {
    Err(NomErr::Failure(PErr { rest, expected }))
}

fn number(i: &str) -> Res<'_, Expr> {
    let exponent = (one_of("eE"), opt(one_of("+-")), digit1);
    let (rest, text) = alt((
        recognize((digit1, opt((char('.'), digit0)), opt(exponent))),
        recognize((
            char('.'),
            digit1,
            opt((one_of("eE"), opt(one_of("+-")), digit1)),
        )),
    ))
    .parse(i)?;
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok((rest, Expr::Num(v))),
        _ => fail(i, "a finite number"),
    }
}

fn identifier(i: &str) -> Res<'_, Expr> {
    let (rest, name) = recognize((
        satisfy(|c: char| c.is_ascii_alphabetic() || c == '_'),
        take_while(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.'),
    ))
    .parse(i)?;
    Ok((
        rest,
        Expr::Var {
            name: name.to_owned(),
            span: rem_span(i, rest),
        },
    ))
}

fn braced(i: &str) -> Res<'_, Expr> {
    let (after_open, _) = char('{').parse(i)?;
    let Ok((rest, name)) = take_while1::<_, _, PErr<'_>>(|c: char| c != '}').parse(after_open)
    else {
        return fail(after_open, "an indicator id inside `{}`");
    };
    let Ok((rest, _)) = char::<_, PErr<'_>>('}').parse(rest) else {
        return fail(rest, "`}` closing the indicator id");
    };
    Ok((
        rest,
        Expr::Var {
            name: name.trim().to_owned(),
            span: rem_span(after_open, &after_open[name.len()..]),
        },
    ))
}

fn parens(i: &str) -> Res<'_, Expr> {
    let (inner, _) = char('(').parse(i)?;
    let (rest, e) = sum(inner)?;
    let (rest, _) = multispace0(rest)?;
    match char::<_, PErr<'_>>(')').parse(rest) {
        Ok((rest, _)) => Ok((rest, e)),
        Err(_) => fail(rest, "`)` or an operator (+ - * /)"),
    }
}

fn atom(i: &str) -> Res<'_, Expr> {
    let (i, _) = multispace0(i)?;
    match alt((number, braced, identifier, parens)).parse(i) {
        Ok(ok) => Ok(ok),
        Err(NomErr::Error(_)) => fail(
            i,
            "an operand: a number, an indicator id, `{id}`, `-` or `(`",
        ),
        Err(e) => Err(e),
    }
}

fn unary(i: &str) -> Res<'_, Expr> {
    let (j, _) = multispace0(i)?;
    if let Ok((k, _)) = char::<_, PErr<'_>>('-').parse(j) {
        let (rest, e) = unary(k)?;
        return Ok((rest, Expr::Neg(Box::new(e))));
    }
    atom(j)
}

/// One precedence level: `operand (op operand)*` with the operators in `ops`.
fn level<'a>(
    i: &'a str,
    ops: &'static str,
    operand: fn(&'a str) -> Res<'a, Expr>,
) -> Res<'a, Expr> {
    let (mut i, mut lhs) = operand(i)?;
    loop {
        let (j, _) = multispace0(i)?;
        let Ok((k, c)) = one_of::<_, _, PErr<'_>>(ops).parse(j) else {
            return Ok((i, lhs));
        };
        let (rest, rhs) = operand(k)?;
        lhs = Expr::Bin {
            op: Op::from_char(c),
            span: rem_span(j, k),
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        };
        i = rest;
    }
}

fn product(i: &str) -> Res<'_, Expr> {
    level(i, "*/", unary)
}

fn sum(i: &str) -> Res<'_, Expr> {
    level(i, "+-", product)
}

/// Converts "bytes remaining" spans into offsets from the start of a text of `len` bytes.
fn fix(e: &mut Expr, len: usize) {
    let conv = |s: Span| Span::new(len - s.start, len - s.end);
    match e {
        Expr::Num(_) => {}
        Expr::Var { span, .. } => *span = conv(*span),
        Expr::Neg(inner) => fix(inner, len),
        Expr::Bin { span, lhs, rhs, .. } => {
            *span = conv(*span);
            fix(lhs, len);
            fix(rhs, len);
        }
    }
}

fn describe(rest: &str) -> String {
    match rest.chars().next() {
        None => "the end of the formula".to_owned(),
        Some(c) => format!("`{c}`"),
    }
}

/// The unit of a sub-expression: a plain number (with its value, for scaling), or a quantity.
#[derive(Debug, Clone)]
enum Dim {
    Factor(f64),
    Quantity(Unit),
}

impl Formula {
    /// Parses `text`; errors point at the first character that does not fit the grammar.
    ///
    /// # Errors
    ///
    /// A syntax error at the first character that does not fit the grammar.
    ///
    /// ```
    /// use debrief_metrics::Formula;
    /// assert!(Formula::parse("a * (b + c)").is_ok());
    /// let err = Formula::parse("a * (b + c").unwrap_err();
    /// assert_eq!(err.to_string(), "formula syntax: expected `)` or an operator (+ - * /), found the end of the formula");
    /// assert_eq!(err.span().unwrap().start, 10);
    /// ```
    pub fn parse(text: &str) -> Result<Formula, Error> {
        let syntax = |rest: &str, expected: &str| {
            let at = text.len() - rest.len();
            let width = rest.chars().next().map_or(0, char::len_utf8);
            Error::at(
                ErrorKind::FormulaSyntax {
                    expected: expected.to_owned(),
                    found: describe(rest),
                },
                Span::new(at, at + width),
            )
        };
        match sum(text) {
            Ok((rest, mut expr)) => {
                let rest = rest.trim_start();
                if !rest.is_empty() {
                    return Err(syntax(
                        rest,
                        "an operator (+ - * /) or the end of the formula",
                    ));
                }
                fix(&mut expr, text.len());
                Ok(Formula {
                    text: text.to_owned(),
                    expr,
                })
            }
            Err(NomErr::Error(e) | NomErr::Failure(e)) => Err(syntax(e.rest, e.expected)),
            Err(NomErr::Incomplete(_)) => Err(syntax("", "more input")),
        }
    }

    /// The source text.
    ///
    /// ```
    /// use debrief_metrics::Formula;
    /// assert_eq!(Formula::parse("a+b").unwrap().text(), "a+b");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The variables (indicator ids) in order of appearance, each with its span in the text.
    ///
    /// ```
    /// use debrief_metrics::Formula;
    /// let f = Formula::parse("a + b * a").unwrap();
    /// let names: Vec<&str> = f.variables().map(|(n, _)| n).collect();
    /// assert_eq!(names, ["a", "b", "a"]);
    /// ```
    pub fn variables(&self) -> impl Iterator<Item = (&str, Span)> {
        let mut out = Vec::new();
        collect_vars(&self.expr, &mut out);
        out.into_iter()
    }

    /// The unit the formula computes, given the unit of each variable (`None`: unknown id).
    /// Errors: an unknown variable (at its name), units that cannot be added or subtracted,
    /// money in two currencies, or a zero factor (at the operator).
    ///
    /// # Errors
    ///
    /// An unknown variable, a unit mismatch, money in two currencies, or a zero factor.
    ///
    /// ```
    /// use debrief_metrics::{Formula, Unit};
    /// let f = Formula::parse("100000 * deaths / population")?;
    /// assert!(f.unit(|_| Some(Unit::COUNT))?.same_as(&Unit::PER_100K));
    /// let err = f.unit(|id| (id == "deaths").then_some(Unit::COUNT)).unwrap_err();
    /// assert_eq!(err.to_string(), "unknown variable `population`: expected the id of an indicator in the catalog");
    /// # Ok::<(), debrief_metrics::Error>(())
    /// ```
    pub fn unit(&self, unit_of: impl Fn(&str) -> Option<Unit>) -> Result<Unit, Error> {
        match dim(&self.expr, &unit_of)? {
            Dim::Quantity(u) => Ok(u),
            Dim::Factor(_) => Ok(Unit::SHARE),
        }
    }

    /// Evaluates the formula with `value_of` giving each variable's value; `None` when a value
    /// is missing or the arithmetic would not give a finite number (division by zero).
    ///
    /// ```
    /// use debrief_metrics::Formula;
    /// let f = Formula::parse("a / b").unwrap();
    /// assert_eq!(f.eval(|id| if id == "a" { Some(1.0) } else { Some(4.0) }), Some(0.25));
    /// assert_eq!(f.eval(|id| if id == "a" { Some(1.0) } else { Some(0.0) }), None);
    /// assert_eq!(f.eval(|id| if id == "a" { Some(1.0) } else { None }), None);
    /// ```
    pub fn eval(&self, value_of: impl Fn(&str) -> Option<f64>) -> Option<f64> {
        eval(&self.expr, &value_of).filter(|v| v.is_finite())
    }
}

fn collect_vars<'a>(e: &'a Expr, out: &mut Vec<(&'a str, Span)>) {
    match e {
        Expr::Num(_) => {}
        Expr::Var { name, span } => out.push((name, *span)),
        Expr::Neg(inner) => collect_vars(inner, out),
        Expr::Bin { lhs, rhs, .. } => {
            collect_vars(lhs, out);
            collect_vars(rhs, out);
        }
    }
}

fn eval(e: &Expr, value_of: &dyn Fn(&str) -> Option<f64>) -> Option<f64> {
    let v = match e {
        Expr::Num(v) => *v,
        Expr::Var { name, .. } => value_of(name)?,
        Expr::Neg(inner) => -eval(inner, value_of)?,
        Expr::Bin { op, lhs, rhs, .. } => {
            let (a, b) = (eval(lhs, value_of)?, eval(rhs, value_of)?);
            match op {
                Op::Add => a + b,
                Op::Sub => a - b,
                Op::Mul => a * b,
                Op::Div => a / b,
            }
        }
    };
    v.is_finite().then_some(v)
}

#[allow(clippy::many_single_char_names)] // operands a, b; factor k; unit u — as in the algebra
fn dim(e: &Expr, unit_of: &dyn Fn(&str) -> Option<Unit>) -> Result<Dim, Error> {
    match e {
        Expr::Num(v) => Ok(Dim::Factor(*v)),
        Expr::Var { name, span } => unit_of(name)
            .map(Dim::Quantity)
            .ok_or_else(|| Error::at(ErrorKind::UnknownVariable { name: name.clone() }, *span)),
        Expr::Neg(inner) => Ok(match dim(inner, unit_of)? {
            Dim::Factor(v) => Dim::Factor(-v),
            q @ Dim::Quantity(_) => q,
        }),
        Expr::Bin { op, span, lhs, rhs } => {
            let (l, r) = (dim(lhs, unit_of)?, dim(rhs, unit_of)?);
            let mismatch = |a: &dyn fmt::Display, b: &dyn fmt::Display| {
                Error::at(
                    ErrorKind::UnitMismatch {
                        op: op.verb().to_owned(),
                        left: a.to_string(),
                        right: b.to_string(),
                    },
                    *span,
                )
            };
            let zero = || {
                Error::at(
                    ErrorKind::FormulaSyntax {
                        expected: "a non-zero factor".to_owned(),
                        found: "a factor of 0".to_owned(),
                    },
                    *span,
                )
            };
            Ok(match (op, l, r) {
                (Op::Add, Dim::Factor(a), Dim::Factor(b)) => Dim::Factor(a + b),
                (Op::Sub, Dim::Factor(a), Dim::Factor(b)) => Dim::Factor(a - b),
                (Op::Mul, Dim::Factor(a), Dim::Factor(b)) => Dim::Factor(a * b),
                (Op::Div, Dim::Factor(a), Dim::Factor(b)) => {
                    if b == 0.0 {
                        return Err(zero());
                    }
                    Dim::Factor(a / b)
                }
                // A plain number added to a quantity is taken in the quantity's unit.
                (Op::Add | Op::Sub, Dim::Factor(_), q @ Dim::Quantity(_))
                | (Op::Add | Op::Sub, q @ Dim::Quantity(_), Dim::Factor(_)) => q,
                (Op::Add | Op::Sub, Dim::Quantity(a), Dim::Quantity(b)) => {
                    if a.same_as(&b) {
                        Dim::Quantity(a)
                    } else {
                        return Err(mismatch(&a, &b));
                    }
                }
                // Numbers k times larger stand for the same quantity: the scale shrinks.
                (Op::Mul, Dim::Factor(k), Dim::Quantity(u))
                | (Op::Mul, Dim::Quantity(u), Dim::Factor(k)) => {
                    if k == 0.0 {
                        return Err(zero());
                    }
                    Dim::Quantity(u.scaled(1.0 / k))
                }
                (Op::Div, Dim::Quantity(u), Dim::Factor(k)) => {
                    if k == 0.0 {
                        return Err(zero());
                    }
                    Dim::Quantity(u.scaled(k))
                }
                (Op::Div, Dim::Factor(k), Dim::Quantity(u)) => {
                    if k == 0.0 {
                        return Err(zero());
                    }
                    let inv = Unit::SHARE.per(&u).ok_or_else(|| mismatch(&k, &u))?;
                    Dim::Quantity(inv.scaled(1.0 / k))
                }
                (Op::Mul, Dim::Quantity(a), Dim::Quantity(b)) => {
                    Dim::Quantity(a.times(&b).ok_or_else(|| mismatch(&a, &b))?)
                }
                (Op::Div, Dim::Quantity(a), Dim::Quantity(b)) => {
                    Dim::Quantity(a.per(&b).ok_or_else(|| mismatch(&a, &b))?)
                }
            })
        }
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Formula {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Formula {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Formula::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err_at(text: &str) -> (usize, String) {
        let e = Formula::parse(text).unwrap_err();
        (e.span().unwrap().start, e.to_string())
    }

    #[test]
    fn precedence_and_associativity() {
        let f = |t: &str| Formula::parse(t).unwrap().eval(|_| None);
        assert_eq!(f("1 + 2 * 3"), Some(7.0));
        assert_eq!(f("(1 + 2) * 3"), Some(9.0));
        assert_eq!(f("8 / 4 / 2"), Some(1.0));
        assert_eq!(f("10 - 4 - 3"), Some(3.0));
        assert_eq!(f("-2 * -3"), Some(6.0));
        assert_eq!(f("--2"), Some(2.0));
        assert_eq!(f("1.5e2 + .5"), Some(150.5));
        assert_eq!(f(" ( 2 ) "), Some(2.0));
    }

    #[test]
    fn syntax_errors_point_at_the_offending_character() {
        assert_eq!(
            err_at("a + * b"),
            (
                4,
                "formula syntax: expected an operand: a number, an indicator id, `{id}`, `-` or `(`, found `*`".into()
            )
        );
        assert_eq!(err_at("a b").0, 2);
        assert_eq!(err_at("a $ b").0, 2);
        assert_eq!(err_at("").0, 0);
        assert_eq!(err_at("(a + b))").0, 7);
        assert_eq!(err_at("{}").0, 1);
        assert_eq!(err_at("{a").0, 2);
        assert_eq!(err_at("1e").0, 1);
        assert_eq!(
            err_at("1e400"),
            (
                0,
                "formula syntax: expected a finite number, found `1`".into()
            )
        );
    }

    #[test]
    fn variables_carry_their_spans() {
        let f = Formula::parse("100 * {got-aways} / total").unwrap();
        let v: Vec<(&str, Span)> = f.variables().collect();
        assert_eq!(
            v,
            [
                ("got-aways", Span::new(7, 16)),
                ("total", Span::new(20, 25))
            ]
        );
        assert_eq!(&f.text()[7..16], "got-aways");
    }

    #[test]
    fn unit_checks() {
        let counts = |_: &str| Some(Unit::COUNT);
        let u = |t: &str| Formula::parse(t).unwrap().unit(counts);
        assert!(u("a / b").unwrap().same_as(&Unit::SHARE));
        assert!(u("100 * a / b").unwrap().same_as(&Unit::PERCENT));
        assert!(u("a / b * 100").unwrap().same_as(&Unit::PERCENT));
        assert!(u("a + 1").unwrap().same_as(&Unit::COUNT));
        assert!(u("2").unwrap().same_as(&Unit::SHARE));
        assert!(u("a * 0").is_err());
        // subtraction of a percent from a count: error at the operator
        let f = Formula::parse("a - 100 * b / c").unwrap();
        let e = f.unit(counts).unwrap_err();
        assert_eq!(e.span(), Some(Span::new(2, 3)));
        assert_eq!(
            e.to_string(),
            "unit mismatch: cannot subtract count and percent"
        );
        // money in two currencies
        let money = |id: &str| {
            Some(if id == "a" {
                Unit::USD
            } else {
                "mxn".parse().unwrap()
            })
        };
        let e = Formula::parse("a / b").unwrap().unit(money).unwrap_err();
        assert_eq!(e.to_string(), "unit mismatch: cannot divide usd and mxn");
    }

    #[test]
    fn evaluation_never_yields_non_finite_numbers() {
        let f = Formula::parse("a / (b - b)").unwrap();
        assert_eq!(f.eval(|_| Some(1.0)), None);
        let f = Formula::parse("a * a").unwrap();
        assert_eq!(f.eval(|_| Some(1e300)), None);
    }
}
