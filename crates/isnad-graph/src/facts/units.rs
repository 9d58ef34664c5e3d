//! Units that measure alike: conversions into a base unit, currency families, the grouping key.

use super::FactView;

/// Units that convert into one another, with the factor into the first unit of their family.
const CONVERSIONS: &[(&str, &str, f64)] = &[
    ("m", "m", 1.0),
    ("mm", "m", 0.001),
    ("cm", "m", 0.01),
    ("km", "m", 1000.0),
    ("mile", "m", 1609.344),
    ("nmi", "m", 1852.0),
    ("m2", "m2", 1.0),
    ("km2", "m2", 1.0e6),
    ("hectare", "m2", 1.0e4),
    ("litre", "litre", 1.0),
    ("gallon", "litre", 3.785_411_784),
    ("m3", "litre", 1000.0),
    ("kg", "kg", 1.0),
    ("ton", "kg", 1000.0),
    ("second", "day", 1.0 / 86400.0),
    ("minute", "day", 1.0 / 1440.0),
    ("hour", "day", 1.0 / 24.0),
    ("day", "day", 1.0),
    ("week", "day", 7.0),
    ("month", "day", 30.436875),
    ("year", "day", 365.2425),
];

/// Currencies written by their family name alone ("دينار") and the national ones of the family: a
/// story set in one country writes its own currency either way.
const CURRENCY_FAMILIES: &[(&str, &[&str])] = &[
    ("dinar", &["KWD", "JOD", "IQD", "BHD", "LYD", "DZD", "TND"]),
    ("lira", &["TRY", "LBP", "SYP"]),
    ("SAR", &["QAR", "OMR", "YER", "IRR"]),
    ("AED", &["MAD"]),
];

/// True when two units measure alike: the same base unit, or a currency's family name and one of
/// its national currencies.
pub(super) fn same_unit(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => {
            x == y
                || CURRENCY_FAMILIES.iter().any(|(family, members)| {
                    (x == *family && members.contains(&y)) || (y == *family && members.contains(&x))
                })
        }
        (None, None) => true,
        _ => false,
    }
}

/// The base unit of a unit code and the factor into it.
pub(super) fn base_of(unit: &str) -> (&'static str, f64) {
    CONVERSIONS
        .iter()
        .find(|(code, _, _)| *code == unit)
        .map(|&(_, base, factor)| (base, factor))
        .unwrap_or_else(|| (leak_unit(unit), 1.0))
}

/// Unit codes come from the claims layer's data: a small fixed set, interned once.
fn leak_unit(unit: &str) -> &'static str {
    use std::sync::{Mutex, OnceLock};
    static UNITS: OnceLock<Mutex<Vec<&'static str>>> = OnceLock::new();
    let units = UNITS.get_or_init(|| Mutex::new(Vec::new()));
    let mut units = units.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(u) = units.iter().find(|u| **u == unit) {
        return u;
    }
    let leaked: &'static str = Box::leak(unit.to_string().into_boxed_str());
    units.push(leaked);
    leaked
}

/// The key two facts are grouped on: the attribute (`unglued` when the story reads a glued
/// preposition off it), or for a figure with none, its unit.
pub(crate) fn group_key(v: &FactView<'_>, unglued: Option<&str>) -> String {
    let unit = v.base_unit.map_or("count", |u| {
        CURRENCY_FAMILIES
            .iter()
            .find(|(family, members)| *family == u || members.contains(&u))
            .map_or(u, |(family, _)| family)
    });
    [
        unglued.or(v.fact.attribute.key.as_deref()).unwrap_or("?"),
        "|",
        unit,
    ]
    .concat()
}
