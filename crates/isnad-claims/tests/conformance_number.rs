//! Conformance of the number finder with Duckling's Arabic numeral, ordinal, quantity and money
//! corpora (vendored in `tests/conformance/duckling-ar/`, or `ISNAD_DUCKLING_DIR`).
//!
//! Every row is read the way `isnad mentions --text … --reference-date 2013-02-12 --lean future`
//! reads it: one mention of the row's dimension must cover the whole text and its value must
//! match Duckling's. Numerals and ordinals must pass 95% of their rows; quantity and money rates
//! are printed only (isnad reads units for news, not recipes). The quantity rows of
//! `negative.tsv` must yield no quantity.
//!
//! Rows where Duckling's reading is wrong for news are listed with a reason in
//! `tests/conformance/numeral-divergences.toml` and `ordinal-divergences.toml`; a listed row
//! without a reason counts as a failure.

use isnad_claims::mentions::{Mention, MentionValue, NumberValue};
use isnad_parser::Span;
use std::collections::HashMap;

mod common;
use common::{divergences, mentions, rows};

/// The mention of the wanted dimension covering the whole text (surrounding spaces aside).
fn whole(text: &str, want: impl Fn(&MentionValue) -> bool) -> Result<Mention, String> {
    let trimmed = Span::new(text.len() - text.trim_start().len(), text.trim_end().len());
    let all = mentions(text);
    all.iter()
        .filter(|m| want(&m.value))
        .find(|m| m.span.contains(trimmed))
        .cloned()
        .ok_or_else(|| {
            format!(
                "no full-span mention; got {:?}",
                all.iter()
                    .map(|m| (&m.text, m.value.type_name()))
                    .collect::<Vec<_>>()
            )
        })
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Runs rows through `check`, prints the rate and the failures, and returns the pass rate.
fn run(
    name: &str,
    rows: &[Vec<String>],
    listed: &HashMap<String, String>,
    check: impl Fn(&[String]) -> Result<(), String>,
) -> f64 {
    let mut passed = 0;
    let mut diverged = 0;
    let mut failures = Vec::new();
    for row in rows {
        let text = &row[0];
        match check(row) {
            Ok(()) => passed += 1,
            Err(_) if listed.get(text).is_some_and(|r| !r.trim().is_empty()) => diverged += 1,
            Err(why) => failures.push(format!("  {text:?}: {why}")),
        }
    }
    let rate = (passed + diverged) as f64 / rows.len().max(1) as f64;
    println!(
        "{name}: {passed}/{} pass, {diverged} listed divergences, {:.1}% conformant",
        rows.len(),
        100.0 * rate
    );
    for failure in &failures {
        println!("{failure}");
    }
    rate
}

fn number_of(value: &MentionValue) -> Option<&NumberValue> {
    match value {
        MentionValue::Number(n) => Some(n),
        MentionValue::Quantity(q) => Some(&q.amount),
        _ => None,
    }
}

#[test]
fn numerals() {
    let rows = rows("numeral.tsv");
    let rate = run(
        "numeral",
        &rows,
        &divergences("numeral-divergences.toml"),
        |row| {
            let expected: f64 = row[1].parse().map_err(|e| format!("bad value: {e}"))?;
            let m = whole(&row[0], |v| matches!(v, MentionValue::Number(_)))?;
            let got = number_of(&m.value).and_then(|n| n.value).ok_or("no value")?;
            if same(got, expected) {
                Ok(())
            } else {
                Err(format!("got {got}, want {expected}"))
            }
        },
    );
    assert!(
        rate >= 0.95,
        "numeral conformance {:.1}% is below 95%",
        100.0 * rate
    );
}

#[test]
fn ordinals() {
    let rows = rows("ordinal.tsv");
    let rate = run(
        "ordinal",
        &rows,
        &divergences("ordinal-divergences.toml"),
        |row| {
            let expected: u32 = row[1].parse().map_err(|e| format!("bad value: {e}"))?;
            let m = whole(&row[0], |v| matches!(v, MentionValue::Ordinal(_)))?;
            match m.value {
                MentionValue::Ordinal(o) if o.value == expected => Ok(()),
                MentionValue::Ordinal(o) => Err(format!("got {}, want {expected}", o.value)),
                _ => Err("not an ordinal".into()),
            }
        },
    );
    assert!(
        rate >= 0.95,
        "ordinal conformance {:.1}% is below 95%",
        100.0 * rate
    );
}

/// Our unit code and the factor that turns our amount into Duckling's unit.
fn duckling_unit(ours: &str) -> (&str, f64) {
    match ours {
        "kg" => ("gram", 1000.0),
        "USD" => ("$", 1.0),
        other => (other, 1.0),
    }
}

#[test]
fn quantities_report() {
    let rows = rows("quantity.tsv");
    run("quantity (reported only)", &rows, &HashMap::new(), |row| {
        let expected: f64 = row[1].parse().map_err(|e| format!("bad value: {e}"))?;
        let m = whole(&row[0], |v| matches!(v, MentionValue::Quantity(_)))?;
        let MentionValue::Quantity(q) = &m.value else {
            return Err("not a quantity".into());
        };
        let (unit, factor) = duckling_unit(&q.unit);
        let got = q.amount.value.ok_or("no value")? * factor;
        if unit == row[2] && same(got, expected) {
            Ok(())
        } else {
            Err(format!("got {got} {unit}"))
        }
    });
}

#[test]
fn money_report() {
    let rows = rows("amount_of_money.tsv");
    run("amount_of_money (reported only)", &rows, &HashMap::new(), |row| {
        let m = whole(&row[0], |v| matches!(v, MentionValue::Quantity(_)))?;
        let MentionValue::Quantity(q) = &m.value else {
            return Err("not a quantity".into());
        };
        let (unit, _) = duckling_unit(&q.unit);
        // Duckling's "£" is a pound of no stated country; ours defaults to a country's code.
        let unit_ok = unit == row[5] || (row[5] == "£" && matches!(unit, "GBP" | "EGP"));
        let num = |i: usize| row[i].parse::<f64>().ok();
        let value_ok = match row[1].as_str() {
            "value" => q.amount.value.zip(num(2)).is_some_and(|(a, b)| same(a, b)),
            "interval" => {
                num(3).is_some_and(|f| same(q.amount.low, f))
                    && q.amount.high.zip(num(4)).is_some_and(|(a, b)| same(a, b))
            }
            "under" => q.amount.high.zip(num(4)).is_some_and(|(a, b)| same(a, b)),
            "above" => num(3).is_some_and(|f| same(q.amount.low, f)) && q.amount.high.is_none(),
            _ => false,
        };
        if unit_ok && value_ok {
            Ok(())
        } else {
            Err(format!("got {:?} {}", q.amount, q.unit))
        }
    });
}

#[test]
fn quantity_negatives_yield_no_quantity() {
    for row in rows("negative.tsv").iter().filter(|r| r[1] == "quantity") {
        let found: Vec<Mention> = mentions(&row[0])
            .into_iter()
            .filter(|m| matches!(m.value, MentionValue::Quantity(_)))
            .collect();
        assert!(found.is_empty(), "{:?} yields a quantity: {found:?}", row[0]);
    }
}
