//! The time a figure holds: the one its clause states, or that of an earlier clause it continues.

use super::sentence::SentenceFacts;
use crate::grammar::{grammar, without_wa};
use crate::mentions::{Mention, MentionValue, NumberValue, Qualifier};
use isnad_parser::TokenKind;

impl<'a> SentenceFacts<'a> {
    /// True when a word that opens what is said follows the date closely in its clause ("قال
    /// الوزير أمس إن …"): the date is the saying's.
    pub(super) fn dates_saying(&self, last: usize, clause: (usize, usize)) -> bool {
        const NEAR: usize = 5;
        (last + 1..clause.1.min(last + 1 + NEAR)).any(|i| self.lx.complementizers.contains(self.key(i)))
    }

    /// The stated time of a figure: the nearest temporal mention of its clause (not one inside a
    /// relative clause about an earlier noun, not the start of a "منذ" window), else of a clause
    /// that gives its source ("بحسب بيان … عند السابعة").
    pub(super) fn time_of(
        &self,
        first: usize,
        clause: (usize, usize),
    ) -> Option<(crate::mentions::TimeValue, &'a Mention)> {
        let relative =
            (clause.0 + 1..first).find(|&i| crate::grammar::grammar().is_relative_pronoun(self.key(i)));
        let usable = |m: &(&'a Mention, usize, usize)| {
            let (mention, f, l) = *m;
            if self.time_value(mention, f, l).is_none() || matches!(mention.value, MentionValue::Duration(_))
            {
                return false;
            }
            // "منذ فيضان 2009 الذي أودى بحياة 41 شخصاً": a figure of a relative clause hanging on a
            // dated noun is of that occurrence, even after "منذ".
            let dates_antecedent =
                (l + 1..first).any(|i| crate::grammar::grammar().is_relative_pronoun(self.key(i)));
            if self.since_window(f) && !dates_antecedent {
                return false;
            }
            // "الفيضان الذي ضرب البلدة فجر أمس … إلى 19 قتيلاً": that time is the flood's.
            !relative.is_some_and(|r| f > r && f < first)
        };
        let nearest = |from: usize, to: usize| {
            self.mentions
                .iter()
                .filter(|m| m.1 >= from && m.2 < to && usable(m))
                .min_by_key(|m| m.1.abs_diff(first))
                .and_then(|&(m, f, l)| Some((self.time_value(m, f, l)?, m)))
        };
        let starts_source = |i: usize| {
            let is_source_word = |k: &str| crate::grammar::grammar().is_according_to(k);
            let k = self.key(i);
            i < self.n() && (is_source_word(k) || k.strip_prefix('و').is_some_and(is_source_word))
        };
        nearest(clause.0, clause.1)
            .or_else(|| {
                // A following clause naming the source: "، بحسب بيان … عند السابعة".
                let next = clause.1;
                starts_source(next)
                    .then(|| nearest(next, self.words.clause_end[next]))
                    .flatten()
            })
            .or_else(|| {
                // A leading one: "وبحسب النشرة التي صدرت مساء الأحد، فقد سجلت 68 إصابة".
                let previous = self.words.clause_start[clause.0.checked_sub(1)?];
                starts_source(previous)
                    .then(|| nearest(previous, clause.0))
                    .flatten()
            })
    }

    /// The time of an earlier clause of the sentence for a figure whose clause states none and
    /// continues it: a running total takes the sentence's time ("حتى العاشرة صباحاً انتشلت الفرق 371
    /// ناجياً، فيما لا يزال 70 في عداد المفقودين"); any figure of a coordinated clause takes a date of
    /// another year ("الحريق الذي أتى على مصنع في صيف 2019، وأودى بحياة 3 عمال").
    pub(super) fn time_of_coordinated(
        &self,
        clause: (usize, usize),
        evolving: bool,
    ) -> Option<(crate::mentions::TimeValue, &'a Mention)> {
        use chrono::Datelike;
        let opening = self.key(clause.0);
        let relative = crate::grammar::grammar().is_relative_pronoun(opening);
        let coordinated = opening.starts_with('و')
            || relative
            || self
                .lx
                .clause_breaks
                .at(&|i| self.key(i), clause.0, self.n())
                .is_some();
        // "حُرّر له محضر عام 2023، انتهى بغرامة": a clause after a comma with no conjunction
        // continues the one before; it takes only a date of another year from it.
        let after_comma = clause.0 > 0 && matches!(self.key(clause.0 - 1), "،" | ",");
        if clause.0 == 0 || !(coordinated || after_comma) {
            return None;
        }
        let old = |t: &crate::mentions::TimeValue| {
            t.grain >= crate::mentions::Grain::Day
                && self.publication.is_some_and(|p| {
                    t.day_range()
                        .is_some_and(|(_, end)| end.year() < p.year() && (p - end).num_days() > 45)
                })
        };
        self.mentions
            .iter()
            .filter_map(|&(m, f, l)| {
                let t = self.time_value(m, f, l)?;
                // After a bare comma, not a date of a relative clause ("المحطة التي افتتحت عام
                // 1998، لا تستوعب …" dates the opening, not what follows).
                let in_relative = || {
                    (self.words.clause_start[f]..f)
                        .any(|i| crate::grammar::grammar().is_relative_pronoun(self.key(i)))
                };
                // "منذ فيضان شتاء 2009، الذي أودى بحياة 41": a relative clause after a comma hangs
                // on the dated noun, even after "منذ".
                (f < clause.0
                    && (coordinated || !in_relative())
                    && !matches!(m.value, MentionValue::Duration(_))
                    && (!self.since_window(f) || relative)
                    && ((evolving && coordinated && self.is_report_time(m, f)) || old(&t)))
                .then_some((t, m))
            })
            .next_back()
    }

    /// The time a mention states: a temporal mention's value, or the year of a bare year after a
    /// name ("فيضان 2009"، "جائزة 2018"), which the time finder leaves to the numbers.
    fn time_value(&self, m: &Mention, first: usize, last: usize) -> Option<crate::mentions::TimeValue> {
        if let Some(t) = m.value.time() {
            return Some(t.clone());
        }
        let MentionValue::Number(n) = &m.value else {
            return None;
        };
        self.year_after_name(n, first, last)
    }

    /// A bare year after a name with nothing counted after it, as a year.
    pub(super) fn year_after_name(
        &self,
        n: &NumberValue,
        first: usize,
        last: usize,
    ) -> Option<crate::mentions::TimeValue> {
        let year = n
            .value
            .filter(|v| v.fract() == 0.0 && (1900.0..=2100.0).contains(v))?;
        if n.qualifier != Qualifier::Exact
            || self.kind(first) != Some(TokenKind::Number)
            || first != last
            || self.counted_noun(last + 1).is_some()
            || !first.checked_sub(1).is_some_and(|b| self.is_arabic(b))
        {
            return None;
        }
        let start = chrono::NaiveDate::from_ymd_opt(year as i32, 1, 1)?;
        let end = chrono::NaiveDate::from_ymd_opt(year as i32, 12, 31)?;
        Some(crate::mentions::TimeValue::days(
            start,
            end,
            crate::mentions::Grain::Year,
        ))
    }

    /// The «منذ» that opens the window a time at token `f` closes, when its words name an event
    /// ("منذ تسجيل أول حالة الخميس الماضي"), not a bare time ("منذ الخميس").
    pub(super) fn since_at(&self, f: usize) -> Option<usize> {
        let start = self.words.clause_start[f].max(f.saturating_sub(5));
        (start..f)
            .rev()
            .find(|&i| grammar().is_since(without_wa(self.key(i))))
            .filter(|&i| (i + 1..f).any(|j| self.is_content(j)))
    }

    /// True when the time at token `f` starts a window "since" ("منذ تسجيل أول حالة الخميس
    /// الماضي"): it dates where a running count starts, not when it holds.
    fn since_window(&self, f: usize) -> bool {
        let start = self.words.clause_start[f].max(f.saturating_sub(5));
        (start..=f).any(|i| grammar().is_since(without_wa(self.key(i))))
    }

    /// A time that dates a report rather than an event: a clock time, or a time "so far" ("حتى
    /// الساعة العاشرة"). The day an incident happened is not the time its toll holds.
    pub(super) fn is_report_time(&self, m: &Mention, first: usize) -> bool {
        matches!(m.value, MentionValue::Time(_))
            || (first > 0 && grammar().is_until(without_wa(self.key(first - 1))))
            || grammar().is_until(self.key(first))
    }
}
