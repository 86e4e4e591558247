//! Properties: unit laws; progress monotone in the latest value in the desired direction;
//! status never better for a worse value; serde and TOML round-trips with exact f64; periods
//! order and parse/print round-trip; loaders and the formula parser never panic and their
//! error spans slice back into the input.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::float_cmp)] // tests compare exact published values

mod common;

use debrief_metrics::quantity::{Count, Percent, Share, Value};
use debrief_metrics::{
    AssessOptions, Catalog, Date, Formula, Method, Period, PeriodKind, Rating, Unit, assess,
};
use proptest::prelude::*;
use std::fmt::Write as _;

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (1000..=9999i32).prop_map(Period::Year),
        (1001..=9999i32).prop_map(Period::FiscalYear),
        (1000..=9999i32, 1..=4u8).prop_map(|(year, quarter)| Period::Quarter { year, quarter }),
        (1001..=9999i32, 1..=4u8).prop_map(|(fiscal_year, quarter)| Period::FiscalQuarter {
            fiscal_year,
            quarter
        }),
        (1000..=9999i32, 1..=12u8).prop_map(|(year, month)| Period::Month { year, month }),
        date().prop_map(Period::Day),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    // 1000-01-01 … 9999-12-31 as days since 1970-01-01.
    (-354_285i64..=2_932_896).prop_map(|d| Date::from_days_since_epoch(d).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn periods_print_and_parse_back(p in period()) {
        let text = p.to_string();
        prop_assert_eq!(text.parse::<Period>().unwrap(), p);
        let json = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), p);
    }

    #[test]
    fn periods_order_by_start_then_end(p in period(), q in period()) {
        let key = |x: &Period| (x.start(), x.end(), x.kind());
        prop_assert_eq!(p.cmp(&q), key(&p).cmp(&key(&q)));
        prop_assert_eq!(p == q, key(&p) == key(&q));
        prop_assert!(p.start() <= p.end());
        prop_assert_eq!(
            i64::from(p.days()),
            p.end().days_since_epoch() - p.start().days_since_epoch() + 1
        );
        if p.kind() == q.kind() && p < q {
            prop_assert!(p.time() < q.time());
        }
    }

    #[test]
    fn dates_convert_to_days_and_back(d in date()) {
        prop_assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), Some(d));
        prop_assert_eq!(d.to_string().parse::<Date>().unwrap(), d);
    }

    #[test]
    fn the_first_period_at_or_after_a_time_starts_there(
        kind in prop_oneof![Just(PeriodKind::Year), Just(PeriodKind::FiscalYear), Just(PeriodKind::Quarter),
                            Just(PeriodKind::FiscalQuarter), Just(PeriodKind::Month)],
        t in 1001.0f64..9990.0,
    ) {
        let p = Period::first_starting_at_or_after(kind, t).unwrap();
        prop_assert_eq!(p.kind(), kind);
        prop_assert!(p.time() >= t - 1e-6, "{} starts at {} < {}", p, p.time(), t);
        // and it is the first: the period before it starts before t
        let step = match kind { PeriodKind::Year | PeriodKind::FiscalYear => 1.0, PeriodKind::Month => 1.0 / 12.0, _ => 0.25 };
        prop_assert!(p.time() - step < t + 1e-6);
    }

    #[test]
    fn a_ratio_of_counts_is_a_share_and_a_share_times_100_a_percent(
        a in 0.0f64..1e12, b in 1e-6f64..1e12,
    ) {
        let share: Value<Share> = (Value::<Count>::new(a).unwrap() / Value::<Count>::new(b).unwrap()).unwrap();
        prop_assert!(share.unit().same_as(&Unit::SHARE));
        prop_assert_eq!(share.get(), a / b);
        let pct: Value<Percent> = share.to_percent().unwrap();
        prop_assert_eq!(pct.get(), a / b * 100.0);
        prop_assert!(pct.unit().same_as(&Unit::SHARE.scaled(0.01)));
        prop_assert!((pct.to_share().get() - share.get()).abs() <= 1e-12 * share.get().abs().max(1e-300));
        // The runtime algebra agrees with the typed one.
        prop_assert!(Unit::COUNT.per(&Unit::COUNT).unwrap().same_as(&share.unit()));
    }

    #[test]
    fn typed_arithmetic_is_finite_or_an_error(a in any::<f64>(), b in any::<f64>()) {
        let (Ok(x), Ok(y)) = (Value::<Count>::new(a), Value::<Count>::new(b)) else {
            prop_assert!(!a.is_finite() || !b.is_finite());
            return Ok(());
        };
        for v in [x + y, x - y, x * b].into_iter().flatten() {
            prop_assert!(v.get().is_finite());
        }
        if let Ok(v) = x / y { prop_assert!(v.get().is_finite()); }
    }

    #[test]
    fn runtime_units_scale_back_and_divide_to_shares(
        name in prop::sample::select(vec!["count", "share", "percent", "per_100k", "miles", "km", "days", "usd_billion", "mxn"]),
        k in 1e-6f64..1e6,
    ) {
        let u: Unit = name.parse().unwrap();
        prop_assert!(u.per(&u).unwrap().same_as(&Unit::SHARE));
        prop_assert!(u.scaled(k).scaled(1.0 / k).same_as(&u));
        prop_assert!(u.times(&Unit::SHARE).unwrap().same_as(&u));
    }

    #[test]
    fn formula_parsing_never_panics_and_spans_slice_back(text in ".{0,40}") {
        if let Err(e) = Formula::parse(&text) {
            let s = e.span().unwrap();
            prop_assert!(s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }

    #[test]
    fn catalog_and_csv_loading_never_panic(text in "[\\[\\]a-z=\" ,\\n0-9.{}_-]{0,120}") {
        if let Err(e) = Catalog::from_toml(&text)
            && let Some(s) = e.span()
        {
            prop_assert!(s.end <= text.len(), "{:?} in {:?}", s, text);
            let _ = e.render("c.toml", &text);
        }
        let mut c = common::one("unit = \"count\"\ndirection = \"increase\"");
        let csv = format!("indicator,period,value\n{text}");
        if let Err(e) = c.load_observations_csv(&csv)
            && let Some(s) = e.span()
        {
            prop_assert!(s.end <= csv.len());
            let _ = e.render("o.csv", &csv);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Monotonicity: with everything else fixed, a better latest value never gets a lower value or
// a worse rating.

const METHODS: [&str; 7] = Method::NUMERIC_NAMES;

fn assess_one(
    method: &str,
    increase: bool,
    base: f64,
    mid: f64,
    target: f64,
    latest: f64,
) -> (Option<f64>, Option<Rating>) {
    let dir = if increase { "increase" } else { "decrease" };
    let mut c = common::one(&format!(
        "unit = \"count\"\ndirection = \"{dir}\"\nmethod = \"{method}\"\n\
         baseline = {{ period = \"2015\", value = {base:?} }}\ntarget = {{ period = \"2030\", value = {target:?} }}"
    ));
    c.load_observations_csv(&format!(
        "indicator,period,value\nx,2018,{mid:?}\nx,2022,{latest:?}\n"
    ))
    .unwrap();
    let a = assess(&c, &AssessOptions::default()).indicators.remove(0);
    (a.value, a.rating)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn progress_is_monotone_in_the_latest_value(
        method in prop::sample::select(METHODS.to_vec()),
        increase in any::<bool>(),
        base in 1.0f64..1000.0,
        mid in 1.0f64..1000.0,
        target in 1.0f64..1000.0,
        a in 1.0f64..1000.0,
        b in 1.0f64..1000.0,
    ) {
        prop_assume!((target - base).abs() > 1e-6);
        // `better` is the better latest value in the desired direction.
        let (worse, better) = if increase { (a.min(b), a.max(b)) } else { (a.max(b), a.min(b)) };
        let (v_w, r_w) = assess_one(method, increase, base, mid, target, worse);
        let (v_b, r_b) = assess_one(method, increase, base, mid, target, better);
        if let (Some(r_w), Some(r_b)) = (r_w, r_b) {
            prop_assert!(r_b >= r_w, "{method}: worse {worse} → {r_w:?}, better {better} → {r_b:?}");
        }
        // The headline value grows with progress (DHIS2's value is the percent of distance).
        if let (Some(v_w), Some(v_b)) = (v_w, v_b) {
            let tolerance = 1e-9 * v_w.abs().max(v_b.abs()).max(1.0);
            let signed = |v: f64| if method == "linear-trend" && !increase { -v } else { v };
            prop_assert!(signed(v_b) >= signed(v_w) - tolerance, "{method}: {v_w} vs {v_b}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Round-trips with exact f64.

fn finite() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("finite", |v| v.is_finite())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn catalogs_round_trip_through_toml_bit_for_bit(
        base in finite(), target in finite(), weight in 1e-300f64..1e300,
        values in prop::collection::vec(finite(), 0..6),
        method in prop::sample::select(METHODS.to_vec()),
    ) {
        let mut text = format!(
            "[[objective]]\nid = \"o\"\nname = \"O\"\n[[indicator]]\nid = \"x\"\nname = \"X\"\nobjective = \"o\"\n\
             weight = {weight:?}\nunit = \"usd_billion\"\ndirection = \"decrease\"\nmethod = \"{method}\"\n\
             baseline = {{ period = \"FY2015\", value = {base:?} }}\ntarget = {{ period = \"FY2030\", value = {target:?} }}\n\
             observations = ["
        );
        for (i, v) in values.iter().enumerate() {
            let _ = write!(text, "{{ period = \"FY{}\", value = {v:?}, source = \"s{i}\" }},", 2016 + i);
        }
        text.push_str("]\n");
        let c = Catalog::from_toml(&text).unwrap();
        let written = c.to_toml().unwrap();
        let back = Catalog::from_toml(&written).unwrap();
        prop_assert_eq!(&back, &c);
        let got: Vec<u64> = back.indicators[0].series.iter().flat_map(debrief_metrics::Series::points).map(|o| o.value.as_number().unwrap().to_bits()).collect();
        let want: Vec<u64> = values.iter().map(|v| v.to_bits()).collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn reports_round_trip_through_json_bit_for_bit(
        base in 1e-3f64..1e6, target in 1e-3f64..1e6,
        values in prop::collection::vec(1e-3f64..1e6, 1..6),
        method in prop::sample::select(METHODS.to_vec()),
    ) {
        let mut c = common::one(&format!(
            "unit = \"count\"\ndirection = \"increase\"\nmethod = \"{method}\"\n\
             baseline = {{ period = \"2015\", value = {base:?} }}\ntarget = {{ period = \"2030\", value = {target:?} }}"
        ));
        let mut csv = String::from("indicator,period,value\n");
        for (i, v) in values.iter().enumerate() {
            let _ = writeln!(csv, "x,{},{v:?}", 2016 + i);
        }
        c.load_observations_csv(&csv).unwrap();
        let report = assess(&c, &AssessOptions { as_of: Some(Date::new(2026, 11, 1).unwrap()) });
        let json = serde_json::to_string(&report).unwrap();
        let back: debrief_metrics::Report = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, report);
    }
}
