//! Dates and places in a series compared across reports by what their clauses say: when the
//! theft was found, when the last inspection was made, which round of talks the deal closed.
//! No event of the trigger lexicon need join them; their clauses must align on the story's
//! distinctive words (docs/facts.md, "Dates and places in a series").

use super::classes::Classes;
use super::judge::affirmed;
use super::period::{Period, disjoint};
use super::{FactView, Facts};
use std::borrow::Cow;
use std::sync::Arc;

/// Dates further apart than this are two occurrences (an opening in 1987 and a reopening last
/// week), not one misdated event: a wrong year is the largest slip a date is taken to make.
const MISDATED_MAX_GAP_DAYS: i64 = 366;

/// Share of the smaller clause's weight two clauses must share for their dates to be of one thing.
const DATES_ALIGNED_SHARE: f64 = 0.5;

/// Share of the smaller clause's weight the other sentence must speak of for two places in one
/// series (one noun, one window) to be one place.
const PLACES_ALIGNED_SHARE: f64 = 0.3;

/// True when a date names one day.
fn one_day(v: &FactView<'_>) -> bool {
    v.fact
        .value
        .time
        .as_ref()
        .is_some_and(|t| t.grain == isnad_claims::mentions::Grain::Day && t.start == t.end)
}

/// True when a date dates the incident it stands by: not a date of a saying, nor of a toll "so
/// far" or risen to (those date the report).
fn dates_incident(v: &FactView<'_>) -> bool {
    !v.fact.scope.saying && !v.fact.scope.rise && !v.fact.scope.so_far
}

/// True when `window` is a day a «منذ» window starts at and `lead` a date of another report's
/// headline or lead sentence.
fn incident(window: &FactView<'_>, lead: &FactView<'_>) -> bool {
    // A day named by its weekday ("منذ عصر السبت الماضي"), not a month or a bare date of another
    // start ("منذ 30 آب"); both of one day.
    let day = one_day;
    let named_day =
        |v: &FactView<'_>| day(v) && v.fact.value.time.as_ref().is_some_and(|t| t.weekday.is_some());
    window.fact.scope.window_start
        && named_day(window)
        && dates_incident(window)
        && lead.lead
        && day(lead)
        && dates_incident(lead)
        && !lead.fact.scope.window_start
        && window.doc != lead.doc
}

/// True when `recall` is a later report's day named as a past weekday at a part of the day, days
/// before the report ("فجر الأحد الماضي", not its "مساء أمس" or "صباح اليوم", which tell that
/// day's news), and `lead` a date of a first report's headline or lead at that same part of the
/// day ("فجر اليوم الاثنين") at most two days from it: the story's incident recalled at its hour.
fn recalled(recall: &FactView<'_>, lead: &FactView<'_>) -> bool {
    let day_of = |v: &FactView<'_>| v.fact.value.time.as_ref().and_then(|t| t.start).map(|d| d.date());
    let days_back = match (day_of(recall), recall.published) {
        (Some(day), Some(published)) => (published - day).num_days(),
        _ => return false,
    };
    let near_lead = match (day_of(recall), day_of(lead)) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= 2,
        _ => false,
    };
    let named_day = recall.fact.scope.past_weekday;
    let published_later = matches!((lead.published, recall.published), (Some(x), Some(y)) if y > x);
    !recall.lead
        && days_back >= 2
        && near_lead
        && lead.lead
        && published_later
        && named_day
        && one_day(recall)
        && one_day(lead)
        && dates_incident(recall)
        && dates_incident(lead)
        && recall.fact.scope.day_part.is_some()
        && recall.fact.scope.day_part == lead.fact.scope.day_part
}

/// Candidate pairs of classes of dates (and of places in a series with one attribute) whose
/// clauses share a word that most of them do not have: found through the words, so unrelated
/// figures are never paired and the cost follows the shared words, not all pairs. Classes
/// ([`Classes`]) share their words: a class stands for its facts, counted as many.
pub(super) fn candidate_pairs(facts: &Facts<'_>, classes: &Classes) -> Vec<(u32, u32, Arc<str>)> {
    let mut pools: std::collections::BTreeMap<Arc<str>, Vec<u32>> = std::collections::BTreeMap::new();
    for (c, members) in classes.members.iter().enumerate() {
        let v = &facts.views[members[0]];
        match v.base_unit {
            Some("date") if !v.fact.scope.saying => {
                pools.entry(Arc::from("date")).or_default().push(c as u32)
            }
            Some("ordinal") => pools.entry(Arc::clone(&v.group)).or_default().push(c as u32),
            _ => {}
        }
    }
    let size = |c: u32| classes.members[c as usize].len();
    let mut out = Vec::new();
    for (key, members) in pools {
        let mut postings: rustc_hash::FxHashMap<u64, Vec<u32>> = rustc_hash::FxHashMap::default();
        for &c in &members {
            let v = &facts.views[classes.members[c as usize][0]];
            for &w in &v.about_ids {
                postings.entry(u64::from(w)).or_default().push(c);
                // An event named in other words («بدأ»، «انطلق») is common in a story, and so is
                // its subject: together they still find the reports that date that event.
                for &s in v.sense_ids.iter().filter(|&&s| s != w) {
                    postings
                        .entry((u64::from(s) + 1) << 32 | u64::from(w))
                        .or_default()
                        .push(c);
                }
            }
        }
        let common = (members.iter().map(|&c| size(c)).sum::<usize>() / 2).max(4);
        let mut pairs: rustc_hash::FxHashSet<(u32, u32)> = rustc_hash::FxHashSet::default();
        for (key, list) in &postings {
            // A pair of words is rarer than either: its list may be twice as long.
            let cap = if key >> 32 == 0 { common } else { 2 * common };
            if list.iter().map(|&c| size(c)).sum::<usize>() > cap {
                continue;
            }
            for (n, &x) in list.iter().enumerate() {
                // Two facts of one class pair too, from two reports.
                if size(x) > 1 {
                    pairs.insert((x, x));
                }
                for &y in &list[n + 1..] {
                    pairs.insert((x.min(y), x.max(y)));
                }
            }
        }
        // A «منذ» date of a later report and the dates of other reports' leads: the story's
        // incident dated twice, whatever else their clauses say.
        if &*key == "date" {
            let first = |c: u32| &facts.views[classes.members[c as usize][0]];
            let (windows, leads): (Vec<u32>, Vec<u32>) = members
                .iter()
                .copied()
                .filter(|&c| first(c).fact.scope.window_start || first(c).lead)
                .partition(|&c| first(c).fact.scope.window_start);
            for &w in &windows {
                for &l in leads.iter().filter(|&&l| first(l).doc != first(w).doc) {
                    pairs.insert((w.min(l), w.max(l)));
                }
            }
            // A later report's day at the lead's part of the day ("فجر الأحد الماضي").
            for &c in members
                .iter()
                .filter(|&&c| first(c).fact.scope.day_part.is_some())
            {
                for &l in leads.iter().filter(|&&l| recalled(first(c), first(l))) {
                    pairs.insert((c.min(l), c.max(l)));
                }
            }
        }
        let mut pairs: Vec<(u32, u32)> = pairs.into_iter().collect();
        super::sort_pairs(&mut pairs);
        out.extend(pairs.into_iter().map(|(x, y)| (x, y, Arc::clone(&key))));
    }
    out
}

impl Facts<'_> {
    /// Whether two dates, or two places in a series, of two reports are of one thing: their
    /// clauses share most of what is distinctive, and nothing tells two occurrences apart.
    pub(super) fn judge_series(&self, a: &FactView<'_>, b: &FactView<'_>) -> Result<(), Cow<'static, str>> {
        if a.doc == b.doc {
            return Err("one report: its dates and places in a series are its own".into());
        }
        if !affirmed(a.fact.modality) || !affirmed(b.fact.modality) {
            return Err("one is not asserted (denied, negated or doubted)".into());
        }
        if a.base_unit == Some("date") {
            // A «منذ» date of a later report ("منذ اندلاعه بعد ظهر الأحد الماضي") and another
            // report's lead date both date the story's incident, a toll beside the lead's date
            // («لقي 14 شخصاً مصرعهم فجر اليوم الخميس») or not.
            if incident(a, b) || incident(b, a) || recalled(a, b) || recalled(b, a) {
                return Ok(());
            }
            self.dates_apart(a, b)?;
            // A copied sentence that changed its year is one misdated thing at any distance;
            // dates that only align are two occurrences when far apart.
            let days = |v: &FactView<'_>| v.fact.value.time.as_ref().and_then(|t| Period::of(t, None));
            if let (Some(x), Some(y)) = (days(a), days(b))
                && super::period::gap_days(x, y) > MISDATED_MAX_GAP_DAYS
            {
                return Err("more than a year apart: two occurrences".into());
            }
            // A date's clause must share its event and what it is of ("آخر جرد شامل"، "وصلت اللجنة").
            let (share, shared, distinctive) = self.clause_overlap(a, b);
            if shared < 2 || share < DATES_ALIGNED_SHARE {
                return Err(format!("their clauses are about different things (share {share:.2})").into());
            }
            // The story's own event named the same way on both sides, with nothing to tell them
            // apart («انطلق المهرجان» / «بدأ المهرجان»), is one event though every report names it.
            // What one clause says beyond the other, story-wide words aside: a workshop that
            // began beside the festival is told apart by «ورشة تدريبية».
            let beyond = |x: &FactView<'_>, y: &FactView<'_>| -> f64 {
                x.about_ids
                    .iter()
                    .filter(|w| y.about_ids.binary_search(w).is_err() && !self.is_story_wide(**w))
                    .map(|&w| self.weight(w))
                    .sum()
            };
            let shared_weight: f64 = a
                .about_ids
                .iter()
                .filter(|w| b.about_ids.binary_search(w).is_ok())
                .map(|&w| self.weight(w))
                .sum();
            // A clause naming a start and an end («أنهى الإضراب الذي بدأ …») dates either.
            let two_moments = |v: &FactView<'_>| {
                v.senses.iter().any(|x| {
                    v.senses
                        .iter()
                        .any(|y| isnad_claims::facts::opposite_senses(x, y))
                })
            };
            let main_event = a.sense_ids.iter().any(|s| b.sense_ids.contains(s))
                && !two_moments(a)
                && !two_moments(b)
                && beyond(a, b) < shared_weight
                && beyond(b, a) < shared_weight;
            if distinctive < 1 && !main_event {
                return Err("their clauses share only words nearly every report uses".into());
            }
        } else {
            if !modifiers_meet(a.fact.attribute.modifier(), b.fact.attribute.modifier()) {
                return Err("counted within different windows".into());
            }
            self.series_apart(a, b)?;
            // A place in a series already shares its noun and window: its clause need only be
            // spoken of in the other's sentence ("بعد الجولة الخامسة من محادثات الأجور" and "ووقع
            // الاتفاق إثر الجولة الرابعة من محادثات الأجور").
            let (share, _, _) = self.alignment(a, b);
            if share < PLACES_ALIGNED_SHARE {
                return Err(format!("their clauses are about different things (share {share:.2})").into());
            }
        }
        Ok(())
    }

    /// Why two dates of two reports are of two things whatever their clauses share: one dates
    /// a saying or a figure, or their sentences name other places in a series. Near-copied
    /// sentences are held to this too.
    pub(super) fn dates_apart(&self, a: &FactView<'_>, b: &FactView<'_>) -> Result<(), Cow<'static, str>> {
        if a.fact.scope.saying || b.fact.scope.saying {
            return Err("one dates a saying, not what is said".into());
        }
        if self.dates_a_figure(a) || self.dates_a_figure(b) {
            return Err("one dates a figure (a running total, a rate, an amount), not an event".into());
        }
        if let Some((x, y)) = opposite_moments(a, b) {
            return Err(format!(
                "one dates its {}, the other its {}: two moments",
                &x[1..],
                &y[1..]
            )
            .into());
        }
        if let Some((p, q)) = self.other_places_in_series(a, b, false) {
            return Err(format!("their sentences name other places in a series ({p} and {q})").into());
        }
        Ok(())
    }

    /// Why two places in a series of two reports are two occurrences whatever their clauses
    /// share: a series of days, dated apart, or a report gives both places itself. Near-copied sentences
    /// are held to this too.
    pub(super) fn series_apart(&self, a: &FactView<'_>, b: &FactView<'_>) -> Result<(), Cow<'static, str>> {
        if a.fact.attribute.evolving || b.fact.attribute.evolving {
            return Err("a place among days or weeks grows with the report's date".into());
        }
        if let (Some(x), Some(y)) = (a.stated, b.stated)
            && disjoint(x, y)
        {
            return Err("dated apart: two occurrences".into());
        }
        // "طرحت المناقصة الأولى عام 2021" in a report of 2025: another occurrence than an undated
        // one of the other report's days.
        if super::period::dated_long_before(a, b).is_some() {
            return Err("one is dated long before the other report: two occurrences".into());
        }
        if !a.overlaps(b) && (self.counts_value(a.doc, &a.group, b) || self.counts_value(b.doc, &b.group, a))
        {
            return Err("a report counts both places of the series: two occurrences".into());
        }
        Ok(())
    }

    /// True when the clause of a date also gives a running total (a toll, cases), a rate or a
    /// sum of money: the date is when the figure held ("8.4% في يوليو"), not an event's.
    fn dates_a_figure(&self, v: &FactView<'_>) -> bool {
        v.fact.scope.rise || v.fact.scope.so_far || v.in_figure_clause
    }

    /// True when report `doc` gives, in a series of group `group`, the place `other` gives.
    fn counts_value(&self, doc: usize, group: &Arc<str>, other: &FactView<'_>) -> bool {
        self.views_of(doc)
            .iter()
            .any(|o| o.group == *group && o.overlaps(other))
    }

    /// Two places in one series, one by each date, that differ ("في جلسة أولى يوم الاثنين" and
    /// "وفي جلسة ثانية، الخميس"): the dates are of two occurrences. A date's places are those of
    /// its clause when it has some ("منذ انطلاق أولى جلساتها يوم الاثنين …، وصدر الحكم في الجلسة
    /// الحادية عشرة": the first hearing's), else those of its sentence.
    pub(crate) fn other_places_in_series(
        &self,
        a: &FactView<'_>,
        b: &FactView<'_>,
        clause_only: bool,
    ) -> Option<(String, String)> {
        let places = |v: &FactView<'_>| {
            let in_sentence: Vec<&FactView<'_>> = self
                .views_of(v.doc)
                .iter()
                .filter(|o| o.fact.sentence == v.fact.sentence && o.base_unit == Some("ordinal"))
                .collect();
            let clause = v.fact.clause;
            let in_clause: Vec<&FactView<'_>> = in_sentence
                .iter()
                .copied()
                .filter(|o| clause.start <= o.fact.span.start && o.fact.span.end <= clause.end)
                .collect();
            if in_clause.is_empty() && !clause_only {
                in_sentence
            } else {
                in_clause
            }
        };
        let (pa, pb) = (places(a), places(b));
        pa.iter().find_map(|x| {
            pb.iter()
                .find(|y| x.group == y.group && !x.overlaps(y))
                .map(|y| (x.fact.text.clone(), y.fact.text.clone()))
        })
    }

    /// How much two clauses share: the weight shared over the smaller clause's weight, the
    /// number of shared words, and how many of those not nearly every report uses.
    fn clause_overlap(&self, a: &FactView<'_>, b: &FactView<'_>) -> (f64, usize, usize) {
        let (share, shared, distinctive) = super::judge::clause_overlap(
            &a.about_ids,
            &b.about_ids,
            |w| self.weight(w),
            |w| self.is_story_wide(w),
        );
        (share.min(1.0), shared, distinctive)
    }
}

/// True when two figures' modifiers say they are of one kind: the same, or a moment an ordinal
/// is counted from said on one side only ("رابع قانون منذ تنصيبها" and "خامس قانون تعده الحكومة":
/// the other's unsaid one). Two different moments are two series.
pub(super) fn modifiers_meet(a: Option<&str>, b: Option<&str>) -> bool {
    let since = |m: Option<&str>| m.is_some_and(|m| m.starts_with("since "));
    a == b || (since(a) && b.is_none()) || (since(b) && a.is_none())
}

/// True for a unit of a figure that changes from day to day: a rate or a sum of money.
pub(super) fn is_rate_or_money(unit: &str) -> bool {
    matches!(unit, "percent" | "bp") || isnad_claims::facts::is_currency(unit)
}

/// Two senses, one of each clause, that are two moments of one thing (its start and its end),
/// when neither clause names the other's too («بدأ … وانتهى» names both).
fn opposite_moments<'f>(a: &FactView<'f>, b: &FactView<'f>) -> Option<(&'f str, &'f str)> {
    a.senses.iter().find_map(|&x| {
        b.senses
            .iter()
            .find(|&&y| {
                isnad_claims::facts::opposite_senses(x, y) && !a.senses.contains(&y) && !b.senses.contains(&x)
            })
            .map(|&y| (x, y))
    })
}
