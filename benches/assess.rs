//! Assessing a catalog of 100,000 indicators × 30 annual observations (every progress method in
//! turn), with the cost of reading every observation once as the reference in the same group.
//!
//! `cargo bench --bench assess`; the target is under one second per assessment.
#![allow(missing_docs, clippy::expect_used, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use debrief::metrics::{
    AssessOptions, Catalog, Direction, Indicator, Method, Observation, Period, Series, Unit, assess,
};

const INDICATORS: usize = 100_000;
const PERIODS: i32 = 30;

/// A deterministic catalog: indicator i uses method i mod 7, alternates direction, and has
/// 30 observations (1996–2025) around a trend with noise from a small linear congruential
/// generator; baseline 1996, target 2030.
fn catalog() -> Catalog {
    let methods = [
        Method::unsd_legacy(),
        Method::unsd_2023(),
        Method::statcan(),
        Method::escap(),
        Method::Iati,
        Method::dhis2_bands(),
        Method::LinearTrend,
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        f64::from(u32::try_from(state >> 40).unwrap()) / f64::from(1u32 << 24)
    };
    let mut catalog = Catalog::default();
    for i in 0..INDICATORS {
        let increase = i % 2 == 0;
        let base = 50.0 + 50.0 * next();
        let slope = (next() - 0.4) * 2.0;
        let target = if increase { base * 1.5 } else { base * 0.5 };
        let points: Vec<Observation> = (0..PERIODS)
            .map(|k| {
                let noise = if k == 0 { 0.0 } else { (next() - 0.5) * 4.0 };
                let v = base + slope * f64::from(k) + noise;
                Observation::number(Period::Year(1996 + k), v.max(0.1)).unwrap()
            })
            .collect();
        let mut ind = Indicator::new(format!("i{i}"), "indicator", Unit::COUNT)
            .with_direction(if increase {
                Direction::Increase
            } else {
                Direction::Decrease
            })
            .with_method(methods[i % methods.len()].clone())
            .with_baseline(Period::Year(1996), base)
            .unwrap()
            .with_target(Period::Year(2030), target)
            .unwrap();
        ind.series
            .push(Series::from_observations(std::collections::BTreeMap::new(), points).unwrap());
        catalog.indicators.push(ind);
    }
    catalog
}

fn bench(c: &mut Criterion) {
    let catalog = catalog();
    let options = AssessOptions::default();
    let mut group = c.benchmark_group("assess/100k-indicators-x-30-periods");
    group.sample_size(10);
    group.throughput(Throughput::Elements(
        (INDICATORS * usize::try_from(PERIODS).unwrap()) as u64,
    ));
    group.bench_function("debrief", |b| {
        b.iter(|| assess(black_box(&catalog), &options));
    });
    // Reference: read every observation once (the floor for any assessment).
    group.bench_function("read-every-observation", |b| {
        b.iter(|| {
            black_box(&catalog)
                .indicators
                .iter()
                .flat_map(|i| &i.series)
                .flat_map(Series::points)
                .filter_map(|o| o.value.as_number())
                .sum::<f64>()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
