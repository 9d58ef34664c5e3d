//! Ordinals: the position word(s), the noun they modify and a limiting window after them
//! ("زيارته الأولى منذ ما يقرب من ربع قرن").

use super::super::value::{
    DurationUnit, DurationValue, Mention, MentionValue, OrdinalQualifier, OrdinalValue, Qualifier,
};
use super::super::words::{letters_span, number_at, ordinal_value, read_digits, strip_article};
use super::Finder;
use super::data::Trigger;
use super::lookup::clitic_match;
use super::scan::Kind;
use chrono::Datelike;
use isnad_parser::Span;

/// Article-bearing proclitic sequences stripped from a noun ("بالزيارة" → "زياره").
const ARTICLES: [&str; 9] = ["وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال"];
/// Pronoun suffixes stripped from a noun whose stem ends in ت ("زيارته" → "زياره").
const SUFFIXES: [&str; 5] = ["هما", "هم", "هن", "ها", "ه"];
/// Tokens scanned after an ordinal for its window ("… منذ 24 عاماً").
const WINDOW_REACH: usize = 8;

impl Finder<'_> {
    /// An ordinal starting at token `i`.
    pub(super) fn ordinal(&mut self, i: usize, trigger: &Trigger) -> Option<Mention> {
        let prev = i.checked_sub(1);
        // "كانون الأول", "ربيع الثاني", "جمادى الأولى": month names.
        if prev.is_some_and(|p| self.t.month_heads.contains(self.key(p))) {
            return None;
        }
        // "أول أمس", "أول من أمس": relative days.
        if self.t.ordinal_not_before.contains(self.key(i + 1))
            || (self.key(i + 1) == "من" && self.t.ordinal_not_before.contains(self.key(i + 2)))
        {
            return None;
        }
        let (value, last) = self.ordinal_words(i, trigger)?;
        let bare = strip_article(&trigger.base);
        let definite = bare.len() < trigger.base.len();
        // "ثانية" without the article after a number is a second of time.
        if !definite
            && bare == "ثانيه"
            && prev.is_some_and(|p| self.kind(p) == Some(Kind::Digits) || self.trigger(p).is_some())
        {
            return None;
        }
        let mut span = Span::new(self.span(i).start, self.span(last).end);
        let mut noun = None;
        // "للمرة الثالثة": the occurrence noun belongs to the expression.
        if let Some(p) = prev
            && self.kind(p) == Some(Kind::Word)
            && self
                .t
                .occurrence
                .iter()
                .any(|o| clitic_match(self.key(p), o).is_some())
            && self.span(p).start >= self.free
        {
            span.start = self.span(p).start;
            noun = self.noun_at(p);
        } else if !definite
            && !bare.ends_with('ه')
            && (bare != "اولي" || self.key(last + 1).starts_with("ال"))
            && !prev.is_some_and(|p| self.adjective_of(p, bare, last))
        {
            // "أولى الحالات" is the first of the cases, as "أول زيارة" is the first visit.
            // "أول زيارة", "ثاني أكبر": the construct takes the noun after it.
            if self.key(last + 1) != "من" {
                noun = self.noun_at(last + 1);
            }
        } else if let Some(p) = prev {
            noun = self.noun_before(p, bare.ends_with('ه') || bare == "اولي");
        }
        let after = noun
            .as_ref()
            .map_or(last + 1, |(_, s, _)| self.index_at(s.end).max(last + 1));
        let qualifier = self.window(after).map(Box::new);
        let value = OrdinalValue {
            value,
            noun: noun.as_ref().map(|(k, _, _)| k.clone()),
            noun_span: noun.as_ref().map(|(_, s, _)| *s),
            qualifier,
        };
        Some(self.mention(span, MentionValue::Ordinal(value)))
    }

    /// Whether an indefinite masculine ordinal ending at `last` is the adjective of the indefinite
    /// noun at `p` ("شرطي ثانٍ", "عامل رابع") rather than the head of a construct ("ثالث هجوم"):
    /// «ثانٍ» has no construct form, and a construct needs a noun after it — not the end of the
    /// sentence, a function word, an imperfect verb ("يبلغ") or an adverbial accusative ("متأثراً").
    fn adjective_of(&self, p: usize, bare: &str, last: usize) -> bool {
        if self.key(p).starts_with("ال") || self.span(p).start < self.free || self.noun_at(p).is_none() {
            return false;
        }
        if bare == "ثان" {
            return true;
        }
        let next = last + 1;
        if self.kind(next) != Some(Kind::Word) {
            return true;
        }
        let key = self.key(next);
        let letters = key.chars().count();
        self.t.not_nouns.contains(key)
            || (key.starts_with('ي') && letters >= 4)
            || (key.ends_with('ا') && letters >= 4)
    }

    /// The ordinal's value and its last token: three words ("الواحد و العشرون"), two ("الخامسة
    /// عشرة", "الحادي والعشرين") or one.
    fn ordinal_words(&self, i: usize, trigger: &Trigger) -> Option<(u32, usize)> {
        let words = |n: usize| (i..i + n).all(|k| self.kind(k) == Some(Kind::Word));
        let mut joined = trigger.base.clone();
        let mut candidates = vec![(joined.clone(), i)];
        for k in 1..3 {
            if !words(k + 1) {
                break;
            }
            joined.push(' ');
            joined.push_str(self.key(i + k));
            candidates.push((joined.clone(), i + k));
        }
        candidates
            .into_iter()
            .rev()
            .find_map(|(text, last)| ordinal_value(&text).map(|v| (v, last)))
    }

    /// The noun at token `i`, folded, without article, proclitics or pronoun suffix.
    fn noun_at(&self, i: usize) -> Option<(String, Span, usize)> {
        let key = self.key(i);
        let after_conjunction = key
            .strip_prefix(['و', 'ف'])
            .filter(|rest| rest.chars().count() >= 2);
        if self.kind(i) != Some(Kind::Word)
            || self.t.not_nouns.contains(key)
            // "وأن", "فهي": a conjunction glued to a word that is no noun.
            || after_conjunction.is_some_and(|rest| self.t.not_nouns.contains(rest))
            || self.trigger(i).is_some()
        {
            return None;
        }
        let (prefix, rest) = ARTICLES
            .iter()
            .find_map(|a| {
                key.strip_prefix(a)
                    .filter(|r| r.chars().count() >= 2)
                    .map(|r| (a.chars().count(), r))
            })
            .unwrap_or((0, key));
        let mut noun = rest.to_string();
        let mut suffix = 0;
        if prefix == 0
            && let Some((s, stem)) = SUFFIXES
                .iter()
                .find_map(|s| rest.strip_suffix(s).map(|st| (s, st)))
            && let Some(stem) = stem.strip_suffix('ت').filter(|st| st.chars().count() >= 2)
        {
            noun = format!("{stem}ه");
            suffix = s.chars().count();
        }
        // "لل" is ل + ال with the alef gone: the stem starts after both letters.
        let span = letters_span(self.source, self.span(i), prefix, suffix);
        if span.is_empty() {
            return None;
        }
        // The span keeps the stem's ت when a suffix was dropped (its letters are the noun's).
        Some((noun, span, i))
    }

    /// The noun a post-nominal ordinal modifies: the word before, stepping over up to two
    /// relational adjectives ("زيارته الرسمية الأولى"); a feminine ordinal after a word with no
    /// feminine ending agrees with the head of the construct before it ("زيارة الوزير الأولى").
    fn noun_before(&self, p: usize, feminine: bool) -> Option<(String, Span, usize)> {
        let noun = self.noun_before_any(p)?;
        if feminine
            && !noun.0.ends_with('ه')
            && let Some(head) = noun.2.checked_sub(1).and_then(|h| self.noun_at(h))
            && head.0.ends_with('ه')
            && !self.key(head.2).starts_with("ال")
            && head.1.start >= self.free
        {
            return Some(head);
        }
        Some(noun)
    }

    fn noun_before_any(&self, p: usize) -> Option<(String, Span, usize)> {
        let mut k = p;
        for _ in 0..2 {
            let key = self.key(k);
            let nisba = key.starts_with("ال") && (key.ends_with("يه") || key.ends_with('ي'));
            if !nisba || k == 0 || self.noun_at(k - 1).is_none() || self.tokens.toks[k].span.start < self.free
            {
                break;
            }
            k -= 1;
        }
        if self.span(k).start < self.free {
            return None;
        }
        self.noun_at(k)
    }

    /// A window after an ordinal: "منذ ما يقرب من ربع قرن", "منذ عام 2000", "منذ 24 عاماً".
    fn window(&self, from: usize) -> Option<OrdinalQualifier> {
        let n = self.tokens.toks.len();
        let m = (from..(from + WINDOW_REACH).min(n))
            .take_while(|&k| self.kind(k) != Some(Kind::Punct))
            .find(|&k| self.is_word(k, "منذ"))?;
        let mut k = m + 1;
        let mut qualifier = Qualifier::Exact;
        if let Some((next, phrase)) = self.match_forward(k, &self.t.before, true) {
            qualifier = phrase.value;
            k = next;
        }
        let reference = self.context.reference;
        let mut within = None;
        let mut end = None;
        // "منذ عام 2000", "منذ 2000".
        let year_at = |y: usize| {
            // "منذ" may end the sentence: check the token exists before reading at it.
            (self.kind(y) == Some(Kind::Digits)).then_some(())?;
            let d = read_digits(self.source, self.span(y).start, self.limit)?;
            (d.plain_int_digits == 4).then_some((d.value, d.span.end))
        };
        let year_word = ["عام", "العام", "سنه"].iter().any(|w| self.is_word(k, w));
        if let Some((year, year_end)) = year_at(if year_word { k + 1 } else { k }) {
            end = Some(year_end);
            within = reference.map(|r| duration(f64::from(r.year()) - year, DurationUnit::Year, qualifier));
        } else if let Some((next, phrase)) = self.match_forward(k, &self.t.durations, false) {
            // "منذ عقدين", "منذ ربع قرن", "منذ سنوات" (no amount).
            end = Some(self.span(next - 1).end);
            let w = phrase.value;
            within = (!w.plural).then(|| duration(w.amount, w.unit, qualifier));
        } else if self.kind(k).is_some()
            && let Some(number) = number_at(self.source, self.span(k).start, self.limit)
        {
            let next = self.index_at(number.span.end);
            if let Some((after, phrase)) = self.match_forward(next, &self.t.durations, false) {
                end = Some(self.span(after - 1).end);
                within = Some(duration(
                    number.value * phrase.value.amount,
                    phrase.value.unit,
                    qualifier,
                ));
            }
        }
        let span = Span::new(self.span(m).start, end?);
        Some(OrdinalQualifier {
            text: self.source[span.range()].to_string(),
            span,
            within,
        })
    }
}

fn duration(amount: f64, unit: DurationUnit, qualifier: Qualifier) -> DurationValue {
    DurationValue {
        amount,
        unit,
        qualifier,
    }
}
