//! How a sentence's figures relate: an inherited attribute, new counts in a window, parts and wholes.

use super::sentence::{Draft, SentenceFacts};
use crate::facts::types::AttributeSource;
use crate::mentions::MentionValue;

impl<'a> SentenceFacts<'a> {
    /// Running counts made in a short window of their clause are the new ones: "86 إصابة جديدة و4
    /// وفيات خلال 24 ساعة" counts four new deaths, not the toll so far. A level reached ("ليرتفع
    /// العدد إلى 640") stays the total.
    pub(super) fn windowed(&self, drafts: &mut [Draft<'a>]) {
        const DAY_OR_TWO_IN_HOURS: f64 = 48.0;
        let short_window = |clause: (usize, usize)| {
            self.mentions.iter().any(|&(m, f, _)| {
                let MentionValue::Duration(d) = &m.value else {
                    return false;
                };
                let hours = match d.unit {
                    crate::mentions::DurationUnit::Hour => d.amount,
                    crate::mentions::DurationUnit::Day => d.amount * 24.0,
                    _ => return false,
                };
                f > clause.0
                    && f < clause.1
                    && hours <= DAY_OR_TWO_IN_HOURS
                    && (self.phrase_before(&self.lx.window_before, f).is_some()
                        || self.lx.window_before.at(&|k| self.key(k), f, self.n()).is_some())
            })
        };
        for draft in drafts.iter_mut() {
            let attribute = &mut draft.attribute;
            if !attribute.evolving
                || attribute.modifier().is_some()
                || draft.scope.rise
                || draft.scope.so_far
                || !short_window(draft.clause)
            {
                continue;
            }
            attribute.set_modifier(Some(Box::from("new")));
            attribute.key = attribute.key.take().map(|k| format!("{k}+new").into_boxed_str());
        }
    }

    /// Two figures set against each other by a contrast phrase ("بأغلبية 171 نائباً، مقابل معارضة
    /// 58"، "165 صوتاً مقابل 58 صوتوا ضده"): each is marked with its side. The phrase (with و or not)
    /// must follow the first figure closely and lead to the second, so "مقابل 5 ملايين" alone (a
    /// price) is no contrast.
    pub(super) fn versus(&self, drafts: &mut [Draft<'a>]) {
        /// Most words between a figure and the phrase, and between the phrase's start and the
        /// figure it leads to.
        const REACH: usize = 3;
        let contrast_at = |i: usize| {
            let key = |j: usize| {
                let k = self.key(j);
                if j == i {
                    k.strip_prefix('و').unwrap_or(k)
                } else {
                    k
                }
            };
            self.lx.contrast.at(&key, i, self.n()).is_some()
        };
        for k in 1..drafts.len() {
            let (before, after) = (drafts[k - 1].last, drafts[k].first);
            let Some(word) = (before + 1..after).find(|&i| contrast_at(i)) else {
                continue;
            };
            if word - before > REACH + 1 || after - word > REACH + 1 {
                continue;
            }
            drafts[k - 1]
                .scope
                .versus
                .get_or_insert(crate::facts::types::Versus::First);
            drafts[k].scope.versus = Some(crate::facts::types::Versus::Second);
        }
    }

    /// A figure with no word of its own measures what the figure before it in its clause
    /// measures when only joining words stand between them: "خمسة أصوات مقابل ثلاثة" (the other
    /// side), "ارتفع صافي الربح بنسبة 18% ليبلغ 684 مليون جنيه" (the level after the change).
    pub(super) fn inherit(&self, drafts: &mut [Draft<'a>]) {
        for k in 1..drafts.len() {
            if !matches!(
                drafts[k].attribute.from,
                AttributeSource::Unknown | AttributeSource::Unit
            ) {
                continue;
            }
            let previous = &drafts[k - 1];
            if previous.attribute.key.is_none()
                || self.words.clause_start[drafts[k].first] != self.words.clause_start[previous.first]
            {
                continue;
            }
            let head_at = previous
                .attribute
                .head
                .as_ref()
                .and_then(|h| self.toks.pieces.iter().position(|p| p.span() == h.span));
            let joined = (previous.last + 1..drafts[k].first).all(|i| {
                let key = self.key(i);
                let bare = key.strip_prefix('و').unwrap_or(key);
                matches!(key, "و" | "،" | ",")
                    || Some(i) == head_at
                    || self.lx.linking.contains(key)
                    || self.lx.linking.contains(bare)
                    || self.lx.to_level.contains(key)
                    || self.lx.to_level.contains(bare)
                    || self.lx.contrast.at(&|j| self.key(j), i, self.n()).is_some()
                    || self.lx.contrast.ending_at(&|j| self.key(j), i + 1).is_some()
                    || self.lx.modifiers.contains_key(self.lemma(i))
            });
            let same_unit = previous.value.unit == drafts[k].value.unit
                || (previous.value.unit.as_deref() == Some("percent"))
                    != (drafts[k].value.unit.as_deref() == Some("percent"));
            if !joined || !same_unit {
                continue;
            }
            let modifier: Option<Box<str>> = drafts[k].attribute.modifier().map(Box::from);
            let mut attribute = previous.attribute.clone();
            attribute.set_modifier(modifier.clone());
            attribute.key = attribute.key.map(|key| {
                let base = key.split('+').next().unwrap_or(&key);
                match &modifier {
                    Some(m) => format!("{base}+{m}").into_boxed_str(),
                    None => Box::from(base),
                }
            });
            drafts[k].attribute = attribute;
        }
    }

    /// A figure after "من" with a figure of its unit right after "إلى" ("من 12 ديناراً إلى 15
    /// ديناراً"): the value before a change, or the low end of a span, so it is no rival of the
    /// value after it.
    pub(super) fn mark_from_to(&self, drafts: &mut [Draft<'a>]) {
        let to = isnad_parser::fold_key("إلى");
        for k in 1..drafts.len() {
            let (from, after) = (&drafts[k - 1], &drafts[k]);
            let opened_by_min = from
                .first
                .checked_sub(1)
                .is_some_and(|i| matches!(self.key(i), "من" | "ومن"));
            if opened_by_min
                && from.value.unit == after.value.unit
                && after.first == from.last + 2
                && self.key(from.last + 1) == to
            {
                drafts[k - 1].scope.previous = true;
            }
        }
    }

    /// Parts and wholes: "31 قتيلاً، بينهم 12 طفلاً و9 نساء"; "11 متهماً … من أصل 14"; "164 راكباً
    /// و6 من أفراد الطاقم، أي ما مجموعه 180".
    pub(super) fn parts(&self, drafts: &mut [Draft<'a>]) {
        let lx = self.lx;
        let key = |i: usize| self.key(i);
        // A date or a place in a series is never a part or a whole.
        let countable = |d: &Draft<'_>| !matches!(d.value.unit.as_deref(), Some("date" | "ordinal"));
        for w in 0..drafts.len() {
            if !countable(&drafts[w]) {
                continue;
            }
            // A list of parts after this figure.
            let after = drafts[w]
                .attribute
                .head
                .as_ref()
                .filter(|h| h.span.start >= drafts[w].mention.span.end)
                .and_then(|h| self.toks.pieces.iter().position(|p| p.span() == h.span))
                .unwrap_or(drafts[w].last)
                + 1;
            // Past commas, modifiers and a second counted noun ("4763 موظفاً وعاملاً، يتوزعون بين").
            let mut at = after;
            let mut skipped_words = 0;
            while at < self.n() && lx.parts_follow.at(&key, at, self.n()).is_none() {
                let k = self.key(at);
                if matches!(k, "،" | ",") || lx.modifiers.contains_key(self.lemma(at)) {
                    at += 1;
                } else if self.is_arabic(at)
                    && !self.is_numeric_mention(at)
                    && skipped_words < 2
                    && k.starts_with('و')
                    // و and a word of three letters at least: "وُزّع" is a verb of its own.
                    && k.chars().count() >= 4
                {
                    skipped_words += 1;
                    at += 1;
                } else {
                    break;
                }
            }
            // "12 ألف عامل شاركوا في الإضراب، منهم 7500 …": a short phrase about the whole, then a
            // comma, then the parts.
            if lx.parts_follow.at(&key, at, self.n()).is_none()
                && let Some(comma) = (at..(at + 5).min(self.n()))
                    .take_while(|&j| {
                        matches!(self.key(j), "،" | ",") || (self.is_arabic(j) && !self.is_numeric_mention(j))
                    })
                    .find(|&j| matches!(self.key(j), "،" | ","))
                && lx.parts_follow.at(&key, comma + 1, self.n()).is_some()
            {
                at = comma + 1;
            }
            if let Some(len) = lx.parts_follow.at(&key, at, self.n()) {
                let list_start = at + len;
                let list_end = self.words.clause_end[list_start.min(self.n().saturating_sub(1))];
                let whole_unit = drafts[w].value.unit.clone();
                // "وُزّع منها 36 ألفاً على 320 صيدلية": a figure after a preposition inside the list
                // is whom the verb reaches, and one in another unit measures something else.
                let after_preposition = |first: usize| {
                    first > list_start && {
                        let w = self.key(first - 1);
                        w != "من" && w != "بين" && lx.prepositions.contains(w)
                    }
                };
                for part in drafts.iter_mut().skip(w + 1) {
                    if part.first >= list_start
                        && part.first < list_end
                        && part.part_of.is_none()
                        && countable(part)
                        && !after_preposition(part.first)
                        && part
                            .value
                            .unit
                            .as_ref()
                            .is_none_or(|u| Some(u) == whole_unit.as_ref())
                    {
                        part.part_of = Some(w);
                    }
                }
            }
            // This figure is the whole of the ones before it ("من أصل 14").
            let first = drafts[w].first;
            let whole = self.phrase_before(&lx.whole_before, first).is_some()
                || (drafts[w].first..=drafts[w].last)
                    .any(|i| lx.whole_before.at(&key, i, self.n()).is_some());
            let total = self.phrase_before(&lx.total_before, first).is_some();
            if whole || total {
                let unit = drafts[w].value.unit.clone();
                let previous_same_unit = (0..w)
                    .rev()
                    .find(|&p| drafts[p].value.unit == unit)
                    .map(|p| drafts[p].first);
                let start = if total {
                    0
                } else {
                    self.words.clause_start[first].min(previous_same_unit.unwrap_or(first))
                };
                let members: Vec<usize> = (0..w)
                    .filter(|&p| {
                        drafts[p].first >= start
                            && drafts[p].part_of.is_none()
                            && drafts[p].value.unit == unit
                    })
                    .collect();
                if whole && !total && members.len() == 1 {
                    // "82 مقعداً من أصل 156": one figure out of a pool; the pool is no rival count.
                    drafts[w].scope.pool = true;
                    if drafts[w].attribute.key.is_none() {
                        drafts[w].attribute = drafts[members[0]].attribute.clone();
                    }
                } else {
                    for &p in &members {
                        drafts[p].part_of = Some(w);
                    }
                    drafts[w].scope.total = total && !members.is_empty();
                }
            }
        }
    }
}
