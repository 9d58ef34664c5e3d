//! The grammar: tokens with their lexicon readings, and parsers for each kind of expression.

use super::calendar::*;
use super::lexicon::{Count, Entry, HolidayRule, K, Lexicon, Period, PeriodUnit, UnitDef, lexicon};
use super::spec::{DayP, MonthSel, NO_REFERENCE, Spec, YearSel, widen};
use crate::mentions::number::{is_age_unit, is_appositive};
use crate::mentions::words::{
    continues_arabic_word, is_number_word, may_start_ordinal, number_at, ordinal_value,
};
use crate::mentions::{
    DurationUnit, DurationValue, Grain, Lean, Mention, MentionContext, MentionValue, Qualifier, TimeValue,
};
use crate::short::{ends_with_short, strip_short_prefix};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use isnad_parser::{Span, TokenKind, Tokens, is_ignorable};
use std::cell::{Cell, OnceCell};

/// Which occurrence of a day named without its year (or week) a clause means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Toward {
    /// The next one after the reference.
    Forward,
    /// The most recent one on or before the reference.
    Back,
    /// Whichever is nearer (the earlier one on a tie).
    Nearest,
}

/// One meaning of the words starting at a token.
#[derive(Debug, Clone, Copy)]
struct Reading {
    kind: K,
    /// Token index after the words.
    end: usize,
    /// Read after stripping a proclitic.
    clitic: bool,
    /// Original bytes of that proclitic.
    skip: usize,
}

#[derive(Debug)]
struct Tok<'a> {
    span: Span,
    kind: TokenKind,
    /// The folded key, borrowed from the sentence's shared key buffer.
    key: &'a str,
    /// Its readings: a range of [`Scan::all_readings`].
    readings: (u32, u32),
}

/// A sentence being read.
pub(super) struct Scan<'a> {
    src: &'a str,
    toks: Vec<Tok<'a>>,
    /// The readings of every token, back to back (one buffer rather than a `Vec` per token).
    all_readings: Vec<Reading>,
    lex: &'static Lexicon,
    ctx: &'a MentionContext,
    /// How many tokens were read for a future marker, and the first one found (read when first
    /// needed, and only as far as needed).
    future_at: Cell<(usize, Option<usize>)>,
    /// Ordinals read at each token, memoized.
    ordinals: Vec<OnceCell<Option<(u32, usize)>>>,
    /// [`Scan::may_be_number_word`] of each token, memoized (several readers ask it).
    number_words: Vec<OnceCell<bool>>,
}

/// What an expression read.
#[derive(Debug, Clone)]
enum Val {
    /// A date still to resolve (ranges merge before resolution).
    Spec(Spec),
    /// A resolved value.
    Ready(MentionValue),
}

/// An expression: where it ends (token index) and its value.
#[derive(Debug, Clone)]
struct Out {
    end: usize,
    val: Val,
    approx: bool,
}

impl Out {
    fn spec(end: usize, spec: Spec) -> Out {
        Out {
            end,
            val: Val::Spec(spec),
            approx: false,
        }
    }

    fn ready(end: usize, value: MentionValue) -> Out {
        Out {
            end,
            val: Val::Ready(value),
            approx: false,
        }
    }
}

/// A clock time as read.
#[derive(Debug, Clone, Copy)]
struct Clock {
    hour: u32,
    minute: u32,
    second: Option<u32>,
    minutes_given: bool,
    period: Option<Period>,
}

impl Clock {
    fn hour24(&self, period: Option<Period>) -> u32 {
        let h = self.hour;
        match period {
            Some(Period::Am) if h == 12 => 0,
            Some(Period::Pm) if h < 12 => h + 12,
            Some(Period::Noon) if h < 11 => h + 12,
            Some(Period::Night) if (6..12).contains(&h) => h + 12,
            Some(Period::Night) if h == 12 => 0,
            _ => h,
        }
    }

    fn grain(&self) -> Grain {
        if self.second.is_some() {
            Grain::Second
        } else if self.minutes_given {
            Grain::Minute
        } else {
            Grain::Hour
        }
    }

    fn at(&self, date: NaiveDate, period: Option<Period>) -> Option<NaiveDateTime> {
        date.and_hms_opt(self.hour24(period), self.minute, self.second.unwrap_or(0))
    }
}

fn finer(a: Grain, b: Grain) -> Grain {
    a.min(b)
}

impl<'a> Scan<'a> {
    /// Reads the tokens of a sentence of `src`, looking every token up.
    pub(super) fn new(src: &'a str, tokens: &'a Tokens, ctx: &'a MentionContext) -> Scan<'a> {
        let lex = lexicon();
        let mut toks: Vec<Tok> = (tokens.pieces.iter())
            .zip(tokens.keys.iter())
            .map(|(p, key)| Tok {
                span: p.span,
                kind: p.kind,
                key,
                readings: (0, 0),
            })
            .collect();
        let mut all_readings = Vec::with_capacity(toks.len());
        for i in 0..toks.len() {
            let from = all_readings.len();
            read_token(lex, src, &toks, i, &mut all_readings);
            toks[i].readings = (from as u32, all_readings.len() as u32);
        }
        let ordinals = (0..toks.len()).map(|_| OnceCell::new()).collect();
        let number_words = (0..toks.len()).map(|_| OnceCell::new()).collect();
        Scan {
            src,
            toks,
            all_readings,
            lex,
            ctx,
            future_at: Cell::new((0, None)),
            ordinals,
            number_words,
        }
    }

    /// Every mention, left to right, without overlaps.
    pub(super) fn mentions(&self) -> Vec<Mention> {
        let n = self.toks.len();
        // A token can start an expression only near a temporal word or a digit.
        // Every expression has a digit or a strong temporal word (month, weekday, unit…) within
        // its first few tokens; function words alone ("من", "في") never start a reading.
        let mut next_anchor = vec![usize::MAX; n + 1];
        for i in (0..n).rev() {
            let anchor =
                self.toks[i].kind == TokenKind::Number || self.readings(i).iter().any(|r| is_strong(r.kind));
            next_anchor[i] = if anchor { i } else { next_anchor[i + 1] };
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            if next_anchor[i].saturating_sub(i) > ANCHOR_WINDOW {
                i += 1;
                continue;
            }
            match self.best_at(i) {
                Some((o, value)) => {
                    let skip = self.readings(i).iter().map(|r| r.skip).min().unwrap_or(0);
                    let start = self.toks[i].span.start + skip;
                    let end = self.toks[o.end - 1].span.end;
                    let span = Span::new(start, end.max(start));
                    out.push(Mention {
                        span,
                        text: self.src[span.range()].to_string(),
                        value,
                    });
                    i = o.end;
                }
                None => i += 1,
            }
        }
        out
    }

    // ---- token helpers ----

    fn readings(&self, i: usize) -> &[Reading] {
        self.toks.get(i).map_or(&[], |t| {
            self.all_readings
                .get(t.readings.0 as usize..t.readings.1 as usize)
                .unwrap_or(&[])
        })
    }

    fn find<T>(&self, i: usize, f: impl Fn(K) -> Option<T>) -> Option<(T, usize)> {
        self.readings(i)
            .iter()
            .find_map(|r| f(r.kind).map(|v| (v, r.end)))
    }

    fn has(&self, i: usize, f: impl Fn(K) -> bool) -> Option<usize> {
        self.readings(i).iter().find(|r| f(r.kind)).map(|r| r.end)
    }

    fn punct(&self, i: usize, chars: &[char]) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && t.key.chars().next().is_some_and(|c| chars.contains(&c))
        })
    }

    /// True when token `i` touches the token before it.
    fn adjacent(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].span.end == self.toks[i].span.start
    }

    /// An integer written in digits: value and number of digits.
    fn int(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Number || !t.key.bytes().all(|b| b.is_ascii_digit()) || t.key.len() > 6 {
            return None;
        }
        Some((t.key.parse().ok()?, t.key.len()))
    }

    fn is_arabic(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Arabic)
    }

    /// An ordinal word of one to three tokens ("الخامس عشر", "الثالث والعشرون"), read once per token.
    fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        if !self.is_arabic(i) {
            return None;
        }
        *self.ordinals.get(i)?.get_or_init(|| self.read_ordinal(i))
    }

    fn read_ordinal(&self, i: usize) -> Option<(u32, usize)> {
        // Every key built below starts with this token's word.
        if !may_start_ordinal(self.toks.get(i)?.key) {
            return None;
        }
        let mut key = String::new();
        let mut found = None;
        for len in 1..=3 {
            let j = i + len - 1;
            // A lone و starts the next number or clause ("الثالثة و18 دقيقة").
            if !self.is_arabic(j) || (len > 1 && self.toks[j].key == "و") {
                break;
            }
            if len > 1 {
                key.push(' ');
            }
            key.push_str(self.toks[j].key);
            if let Some(v) = ordinal_value(&key) {
                found = Some((v, j + 1));
            }
        }
        found
    }

    /// A cardinal in digits or words (words read by the number finder's reader, up to `max` tokens).
    fn cardinal(&self, i: usize, max: usize) -> Option<(f64, usize)> {
        let t = self.toks.get(i)?;
        match t.kind {
            TokenKind::Number => Some((number_key_value(t.key)?, i + 1)),
            TokenKind::Arabic => {
                if !self.may_be_number_word(i) {
                    return None;
                }
                let last = (i + max).min(self.toks.len()) - 1;
                let limit = self.toks[last].span.end;
                // A definite number ("الأسابيع الثلاثة") is read after its article.
                let read = number_at(self.src, t.span.start, limit).or_else(|| {
                    let text = &self.src[t.span.range()];
                    let after_article = t.key.strip_prefix("ال")?;
                    (after_article.chars().count() >= 2).then_some(())?;
                    number_at(self.src, t.span.start + letters_bytes(text, 2), limit)
                })?;
                let j = (i..=last).find(|&j| self.toks[j].span.end == read.span.end)?;
                Some((read.value, j + 1))
            }
            _ => None,
        }
    }

    /// False when `number_at` cannot read a number at Arabic token `i` or after its article:
    /// the word is the token (nothing word-like glued after it), it is not a proclitic letter
    /// glued to digits, and neither it nor its article-less form is a number word.
    fn may_be_number_word(&self, i: usize) -> bool {
        *self.number_words[i].get_or_init(|| self.read_number_word(i))
    }

    fn read_number_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let text = &self.src[t.span.range()];
        let single_letter = text.chars().nth(1).is_none();
        // A space or other ASCII character after the word is never a word character.
        let glued = || match self.src.as_bytes().get(t.span.end) {
            Some(&b) if b >= 0x80 => self.src[t.span.end..]
                .chars()
                .next()
                .is_some_and(continues_arabic_word),
            _ => false,
        };
        // A ligature folds to two letters, so the key's letters need not match the text's. Every
        // one (U+FB50..U+FEFF) is led by the byte 0xEF, which most words lack.
        let ligature =
            || text.as_bytes().contains(&0xEF) && text.chars().any(|c| matches!(c, '\u{FB50}'..='\u{FEFF}'));
        single_letter
            || is_number_word(t.key)
            || t.key.strip_prefix("ال").is_some_and(is_number_word)
            || glued()
            || ligature()
    }

    fn forward(&self, i: usize) -> bool {
        match self.ctx.lean {
            Lean::Future => true,
            Lean::Past => false,
            Lean::Tense => {
                self.future_marker_before(i)
                    // "الثلاثاء 15 أبريل المقبل": the word after a date that makes it the next one.
                    || (i + 1..self.toks.len().min(i + 6)).any(|j| self.lex.future_after.contains(self.toks[j].key))
            }
        }
    }

    /// True when a future marker stands before token `i`. The words are read only as far as
    /// asked (a sentence's dates are asked about left to right), and the first marker is kept.
    fn future_marker_before(&self, i: usize) -> bool {
        let (mut read, first) = self.future_at.get();
        if let Some(at) = first {
            return at < i;
        }
        while read < i.min(self.toks.len()) {
            if self.is_future_marker(read) {
                self.future_at.set((read + 1, Some(read)));
                return true;
            }
            read += 1;
        }
        self.future_at.set((read, None));
        false
    }

    fn is_future_marker(&self, i: usize) -> bool {
        if self.has(i, |k| k == K::Future).is_some() {
            return true;
        }
        let t = &self.toks[i];
        if t.kind != TokenKind::Arabic {
            return false;
        }
        // The shape of a future verb first: it rules out nearly every word without a lookup.
        let prefixed = self.lex.future_prefix.iter().any(|p| {
            let Some(rest) = strip_short_prefix(t.key, p) else {
                return false;
            };
            let mut chars = rest.chars();
            let Some(letter) = chars.next().filter(|c| self.lex.imperfect_letters.contains(c)) else {
                return false;
            };
            // "سأزور" is written with its hamza; "سابقاً", "ساحل" fold to the same letters.
            if letter == 'ا' && !self.src[t.span.range()].contains('أ') {
                return false;
            }
            // "ستصل", "سيقع": a two-letter stem only after ي, ت or ن.
            let stem = chars.count();
            let long_enough = stem >= 3 || (stem == 2 && self.lex.short_stem_letters.contains(&letter));
            long_enough && !self.lex.not_future_verbs.contains(&t.key[p.len()..])
        });
        prefixed
            && !self.lex.not_future_verbs.contains(t.key)
            && !(self.lex.not_future_endings.iter()).any(|e| ends_with_short(t.key, e))
    }

    // ---- top level ----

    /// The longest expression starting at token `i`, leads included, resolved.
    fn best_at(&self, i: usize) -> Option<(Out, MentionValue)> {
        let mut best: Option<Out> = self.expr(i, false);
        for r in self.readings(i) {
            let (approx, fi) = match r.kind {
                K::Qual(Qualifier::Approx) => (true, false),
                K::Leading => (false, true),
                K::RangeFrom | K::DayPartLead => (false, false),
                _ => continue,
            };
            let mut consider = |o: Option<Out>| {
                if let Some(mut o) = o {
                    o.approx |= approx;
                    if best.as_ref().is_none_or(|b| o.end > b.end) {
                        best = Some(o);
                    }
                }
            };
            consider(self.expr(r.end, fi));
            // Two leads ("في حوالي", "عند الساعة" is one lead and the clock word).
            for r2 in self.readings(r.end) {
                if matches!(r2.kind, K::Qual(Qualifier::Approx) | K::Leading) {
                    consider(self.expr(r2.end, true).map(|mut o| {
                        o.approx |= r2.kind == K::Qual(Qualifier::Approx);
                        o
                    }));
                }
            }
        }
        let best = best?;
        let (end, mut value) = self.finish(i, best)?;
        if let Some(t) = time_mut(&mut value) {
            t.approximate |= end.1;
        }
        Some((Out::ready(end.0, value.clone()), value))
    }

    /// Extends an expression (date ranges, a clock time after a day) and resolves it.
    /// Returns (end, approximate) and the value.
    fn finish(&self, i: usize, o: Out) -> Option<((usize, bool), MentionValue)> {
        let forward = self.forward(i);
        let reference = self.ctx.reference;
        let mut end = o.end;
        let mut value = match &o.val {
            Val::Spec(spec) => {
                // A range of two dates ("من 13 تموز الى 15 تموز").
                let between = self.has(i, |k| k == K::RangeFrom).is_some();
                let to = self
                    .has(end, |k| k == K::RangeTo || (between && k == K::RangeAnd))
                    .or_else(|| self.punct(end, &['-']).then_some(end + 1));
                if let Some(to) = to
                    && let Some(second) = self.date_expr(to)
                    && let Val::Spec(mut last) = second.val
                {
                    let mut first = *spec;
                    if first.year.is_none() {
                        first.year = last.year;
                        if let (
                            Some(YearSel::Abs(y)),
                            Some(MonthSel::Gregorian(a)),
                            Some(MonthSel::Gregorian(b)),
                        ) = (last.year, first.month, last.month)
                            && a > b
                        {
                            first.year = Some(YearSel::Abs(y - 1));
                        }
                    }
                    if first.month.is_none() && first.day != DayP::Whole {
                        first.month = last.month;
                    }
                    if last.year.is_none() {
                        last.year = first.year;
                        if let (
                            Some(YearSel::Abs(y)),
                            Some(MonthSel::Gregorian(a)),
                            Some(MonthSel::Gregorian(b)),
                        ) = (first.year, first.month, last.month)
                            && b < a
                        {
                            last.year = Some(YearSel::Abs(y + 1));
                        }
                    }
                    if last.weekday.is_some() && first.weekday.is_none() {
                        last.weekday = None;
                    }
                    if let (Some(a), Some(b)) = (
                        first.resolve(reference, forward),
                        last.resolve(reference, forward),
                    ) {
                        let merged = match (a.start, b.end) {
                            (Some(s), Some(e)) if s <= e => Some(TimeValue {
                                start: Some(s),
                                end: Some(e),
                                grain: finer(a.grain, b.grain),
                                calendar: a.calendar.or(b.calendar),
                                ..a.clone()
                            }),
                            (None, None) => Some(a.clone()),
                            _ => None,
                        };
                        if let Some(merged) = merged {
                            end = second.end;
                            Some(MentionValue::Date(merged))
                        } else {
                            None
                        }
                    } else {
                        None
                    }
                } else {
                    None
                }
                .or_else(|| self.resolve_dated(spec, i).map(MentionValue::Date))?
            }
            Val::Ready(v) => v.clone(),
        };
        // A clock time after a single day ("الخميس الساعة 8", "أمس في العاشرة صباحاً").
        if let Some(t) = value
            .time()
            .filter(|t| t.grain == Grain::Day && t.start == t.end)
            .cloned()
        {
            let mut j = end;
            if self.punct(j, &[',', '،']) {
                j += 1;
            }
            let leads = (self.readings(j).iter())
                .filter(|r| matches!(r.kind, K::Of | K::Leading | K::RangeFrom))
                .map(|r| r.end);
            if let Some((clock_end, clock)) = std::iter::once(j)
                .chain(leads)
                .find_map(|k| self.clock_expr(k).map(|(c, e)| (e, c)))
            {
                let date = t.start.map(|s| s.date());
                let mut timed = self.clock_value(clock, date);
                timed.weekday = t.weekday;
                if date.is_none() {
                    timed.unresolved = t.unresolved.clone().or(Some(NO_REFERENCE.into()));
                }
                value = MentionValue::Time(timed);
                end = clock_end;
            }
        }
        Some(((end, o.approx), value))
    }

    /// Every parser at token `i`; the longest reading wins (earliest parser on ties).
    fn expr(&self, i: usize, after_fi: bool) -> Option<Out> {
        let t = self.toks.get(i)?;
        // Every reading starts with a digit, a word of the lexicon that can open one, or a number
        // or ordinal word: any other token (most often a lead such as "في" or "من" with nothing
        // after it) is turned away before the nine readers try it.
        if t.kind != TokenKind::Number
            && !self.readings(i).iter().any(|r| self.opens_expression(i, r))
            && !(t.kind == TokenKind::Arabic && (self.may_be_number_word(i) || self.ordinal(i).is_some()))
        {
            return None;
        }
        let mut best: Option<Out> = None;
        let mut consider = |o: Option<Out>| {
            if let Some(o) = o
                && best.as_ref().is_none_or(|b| o.end > b.end)
            {
                best = Some(o);
            }
        };
        // Two readers start with the day part at `i`: read once for both.
        let day = self.day_part(i);
        consider(self.date_expr_from(i, day));
        consider(self.year_expr(i, after_fi));
        consider(self.weekday_expr(i));
        consider(self.relative(i));
        consider(self.clock_expr(i).map(|(c, e)| match self.day_after_clock(e, i) {
            // "الساعة الثالثة من صباح الثلاثاء": the clock time on that day.
            Some((day, end)) => {
                let date = day.start.map(|s| s.date());
                let mut value = self.clock_value(c, date);
                value.weekday = day.weekday;
                if date.is_none() {
                    value.unresolved = day.unresolved.clone();
                }
                Out::ready(end, MentionValue::Time(value))
            }
            None => Out::ready(e, MentionValue::Time(self.clock_value(c, self.ctx.reference))),
        }));
        consider(self.duration(i));
        consider(self.holiday(i));
        consider(self.nth_weekday_after(i, day));
        best
    }

    /// False when reading `r` of token `i` cannot be the first word of what [`Scan::expr`]'s
    /// readers read: a word that only ever follows another (an era, "إلى", a clock period), or a
    /// lead whose only readings need a word after it that is not there ("من" opens a year only
    /// before "عام", and a time ago only before a number). True may still read nothing.
    fn opens_expression(&self, i: usize, r: &Reading) -> bool {
        match r.kind {
            K::Shift(_)
            | K::Corresponding
            | K::HijriEra
            | K::GregorianEra
            | K::RangeFrom
            | K::RangeTo
            | K::RangeAnd
            | K::Leading
            | K::NotBeforeAgo
            | K::MinuteWord
            | K::Minus
            | K::ZoneLead
            | K::ZoneWord
            | K::Part(_)
            | K::DayPartLead
            | K::Future
            | K::Past
            | K::MonthPrep => false,
            // `relative_day`: a filler before a relative day ("يوم غد").
            K::RelDayFiller => self.has(r.end, |k| matches!(k, K::RelDay(_))).is_some(),
            // `year`: "من عام 2014", "في هذا العام".
            K::Of | K::InMonth => self.has(r.end, |k| k == K::YearLead || k == K::This).is_some(),
            // `year`, `weekday_expr`, `period_shift`: "هذا العام", "هذا الأحد", "هذا الأسبوع".
            K::This => self
                .has(r.end, |k| {
                    matches!(k, K::YearLead | K::Weekday(..) | K::PeriodNoun(_))
                })
                .is_some(),
            // `offset`: an amount of time after the word ("قبل ثلاثة أيام"); "من" reads a time ago
            // only before a number.
            K::Ago | K::After | K::Within => {
                let Some(next) = self.toks.get(r.end) else {
                    return false;
                };
                if self.toks[i].key == "من" {
                    next.kind == TokenKind::Number || is_number_word(next.key)
                } else {
                    self.may_start_amount(r.end)
                }
            }
            _ => true,
        }
    }

    /// False when [`Scan::amount`] surely reads nothing at token `j`: no qualifier, fraction or
    /// unit word there, and no number in digits or words.
    fn may_start_amount(&self, j: usize) -> bool {
        let Some(t) = self.toks.get(j) else {
            return false;
        };
        t.kind == TokenKind::Number
            || (self.readings(j).iter()).any(|r| matches!(r.kind, K::Qual(_) | K::Frac(_) | K::Unit(..)))
            || (t.kind == TokenKind::Arabic && self.may_be_number_word(j))
    }

    /// A single day right after a clock time ("… من صباح الثلاثاء", "… يوم 5 مايو", "… أمس").
    fn day_after_clock(&self, e: usize, i: usize) -> Option<(TimeValue, usize)> {
        let leads = (self.readings(e).iter())
            .filter(|r| matches!(r.kind, K::Of | K::Leading | K::DayPartLead | K::Part(_)))
            .map(|r| r.end);
        std::iter::once(e).chain(leads).find_map(|s| {
            let o = [self.weekday_expr(s), self.relative_day(s), self.date_expr(s)]
                .into_iter()
                .flatten()
                .max_by_key(|o| o.end)?;
            let value = match &o.val {
                Val::Spec(spec) => spec.resolve(self.ctx.reference, self.forward(i))?,
                Val::Ready(v) => v.time()?.clone(),
            };
            let single = value.grain == Grain::Day && value.start == value.end;
            single.then_some((value, o.end))
        })
    }

    /// "ثالث ثلاثاء بعد كريسماس 2014": the nth weekday after a date (`day` is the day part at `i`).
    fn nth_weekday_after(&self, i: usize, day: Option<(DayP, usize)>) -> Option<Out> {
        let (DayP::NthWeekday(n, weekday), j) = day? else {
            return None;
        };
        let k = self.has(j, |k| k == K::After)?;
        let anchor = self.holiday(k).or_else(|| self.date_expr(k))?;
        let value = match &anchor.val {
            Val::Spec(spec) => spec.resolve(self.ctx.reference, self.forward(i))?,
            Val::Ready(v) => v.time()?.clone(),
        };
        let mut value = match value.start {
            Some(start) if n >= 1 => {
                let first = next_weekday(start.date(), weekday)?;
                let date = add_days(first, 7 * i64::from(n - 1))?;
                TimeValue::days(date, date, Grain::Day)
            }
            _ if n >= 1 => TimeValue::unresolved(Grain::Day, NO_REFERENCE),
            _ => return None,
        };
        value.weekday = Some(weekday);
        Some(Out::ready(anchor.end, MentionValue::Date(value)))
    }

    /// Dates with a day, a month or both, and numeric dates.
    fn date_expr(&self, i: usize) -> Option<Out> {
        self.date_expr_from(i, self.day_part(i))
    }

    /// [`Scan::date_expr`] at `i`, whose day part is `day`.
    fn date_expr_from(&self, i: usize, day: Option<(DayP, usize)>) -> Option<Out> {
        let mut best: Option<Out> = None;
        for o in [
            day.and_then(|day| self.date_dm_from(day)),
            self.date_md(i),
            self.numeric(i, false),
        ]
        .into_iter()
        .flatten()
        {
            if best.as_ref().is_none_or(|b| o.end > b.end) {
                best = Some(o);
            }
        }
        best
    }

    // ---- dates ----

    /// A day of the month: digits 1–31 or an ordinal word.
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((v, digits)) = self.int(i) {
            let clock = self.punct(i + 1, &[':']) && self.adjacent(i + 1);
            return (digits <= 2 && (1..=31).contains(&v) && !clock).then_some((v, i + 1));
        }
        self.ordinal(i).filter(|(v, _)| (1..=31).contains(v))
    }

    /// A month name (paired forms included), "شهر 3", "الشهر الثامن". The flag marks a bare
    /// ambiguous name ("مارس" alone may be a verb).
    fn month(&self, i: usize) -> Option<(MonthSel, usize, bool)> {
        if let Some(j) = self.has(i, |k| k == K::MonthLead) {
            if let Some((m, k, _)) = self.month_name(j) {
                return Some((m, k, false));
            }
            let number = self
                .int(j)
                .map(|(v, _)| (v, j + 1))
                .or_else(|| self.ordinal(j))
                .or_else(|| self.cardinal(j, 1).map(|(v, e)| (v as u32, e)));
            if let Some((v, k)) = number.filter(|(v, _)| (1..=12).contains(v)) {
                return Some((MonthSel::Gregorian(v), k, false));
            }
            return None;
        }
        self.month_name(i)
    }

    fn month_name(&self, i: usize) -> Option<(MonthSel, usize, bool)> {
        let r = self.readings(i).iter().find(|r| matches!(r.kind, K::Month(..)))?;
        let K::Month(name, ambiguous) = r.kind else {
            return None;
        };
        let short = self.toks[i].key.chars().count() <= 3;
        let mut ambiguous = ambiguous || (r.clitic && short);
        let mut end = r.end;
        // Paired names: "يوليو/تموز", "يونيو (حزيران)", "تموز - يوليو".
        if self.punct(end, &['/', '(', '-', '–'])
            && let Some(second) = self
                .readings(end + 1)
                .iter()
                .find(|r| matches!(r.kind, K::Month(..)))
        {
            end = second.end;
            ambiguous = false;
            if self.punct(end, &[')']) {
                end += 1;
            }
        }
        let sel = match name.calendar {
            isnad_parser::calendar::Calendar::Hijri => MonthSel::Hijri(name.month),
            isnad_parser::calendar::Calendar::Gregorian => MonthSel::Gregorian(name.month),
        };
        Some((sel, end, ambiguous))
    }

    /// A month relative to the reference: "هذا الشهر", "الشهر القادم", "الشهر الجاري".
    fn month_rel(&self, i: usize) -> Option<(MonthSel, usize)> {
        let month = |k: K| k == K::PeriodNoun(PeriodUnit::Month);
        if let Some(j) = self.has(i, |k| k == K::This)
            && let Some(e) = self.has(j, month)
        {
            return Some((MonthSel::Rel(0), e));
        }
        let j = self.has(i, month)?;
        let (s, e) = self.find(j, |k| if let K::Shift(s) = k { Some(s) } else { None })?;
        Some((MonthSel::Rel(s), e))
    }

    /// A year: "عام 2018", "2024م", "1445 هـ", "من عام 2014", "السنة القادمة", "من هذا العام";
    /// bare four digits only when `bare_ok` (after a month).
    fn year(&self, i: usize, bare_ok: bool) -> Option<(YearSel, usize)> {
        let year_lead = |k: K| k == K::YearLead;
        let mut j = i;
        if let Some(after) = self.has(j, |k| k == K::Of || k == K::InMonth)
            && (self.has(after, year_lead).is_some() || self.has(after, |k| k == K::This).is_some())
        {
            j = after;
        }
        if let Some(k) = self.has(j, |k| k == K::This)
            && let Some(e) = self.has(k, year_lead)
        {
            return Some((YearSel::Rel(0), e));
        }
        let lead = self.has(j, year_lead);
        if let Some(k) = lead {
            if let Some((s, e)) = self.find(k, |k| if let K::Shift(s) = k { Some(s) } else { None }) {
                return Some((YearSel::Rel(s), e));
            }
            let (v, digits) = self.int(k)?;
            if !(3..=4).contains(&digits) {
                return None;
            }
            return Some(self.era(v as i32, k + 1));
        }
        let (v, digits) = self.int(j)?;
        // "2023/5" or "2023.5.1" is no bare year; "أيار 2023." ends a sentence.
        let joined = self.punct(j + 1, &['/', '-', ':']) && self.adjacent(j + 1)
            || self.punct(j + 1, &['.'])
                && self.adjacent(j + 1)
                && self.adjacent(j + 2)
                && self.int(j + 2).is_some();
        if digits != 4 || joined {
            return None;
        }
        let (sel, e) = self.era(v as i32, j + 1);
        // A one-letter era after a space is too often a unit ("2000 م" = metres) to make a year alone.
        let loose = e == j + 2 && !self.adjacent(j + 1) && self.toks[j + 1].key.chars().count() == 1;
        (bare_ok || (e > j + 1 && !(loose && matches!(sel, YearSel::Abs(_))))).then_some((sel, e))
    }

    /// An era marker after a year number.
    fn era(&self, year: i32, i: usize) -> (YearSel, usize) {
        if let Some(e) = self.has(i, |k| k == K::HijriEra) {
            return (YearSel::Hijri(year), e);
        }
        if let Some(e) = self.has(i, |k| k == K::GregorianEra) {
            return (YearSel::Abs(year), e);
        }
        (YearSel::Abs(year), i)
    }

    /// Which days: "18", "يومي 18 و19", "13 الى 15", "الخامس عشر", "اليوم الثالث", "ثالث يوم",
    /// "آخر يوم", "ثالث ثلاثاء", "الاثنين الأخير", "أول أسبوع", "أوائل".
    fn day_part(&self, i: usize) -> Option<(DayP, usize)> {
        let shift_last = |k: K| k == K::Last;
        let weekday = |j: usize| self.find(j, |k| if let K::Weekday(w, _) = k { Some(w) } else { None });
        let week_unit = |k: K| {
            matches!(
                k,
                K::Unit(
                    UnitDef {
                        unit: DurationUnit::Week,
                        ..
                    },
                    Count::One,
                    _
                )
            )
        };
        let day_unit = |k: K| {
            matches!(
                k,
                K::Unit(
                    UnitDef {
                        unit: DurationUnit::Day,
                        ..
                    },
                    Count::One,
                    _
                )
            )
        };
        if let Some(j) = self.has(i, |k| k == K::DayDual) {
            let (a, k) = self.day_num(j)?;
            let to = self.has(k, |k| k == K::RangeTo || k == K::RangeAnd)?;
            let (b, e) = self.day_num(to)?;
            return Some((DayP::Days(a, b), e));
        }
        if let Some(((first, last), e)) = self.find(i, |k| {
            if let K::MonthPart(a, b) = k {
                Some((a, b))
            } else {
                None
            }
        }) {
            return Some((DayP::Part(first, last), e));
        }
        // "اليوم الثالث", "الأسبوع الأول", "اليوم الأخير", "الاسبوع الاخير".
        if let Some(j) = self.has(i, |k| matches!(k, K::Unit(_, Count::One, true))) {
            let is_week = self.has(i, week_unit).is_some();
            let is_day = self.has(i, day_unit).is_some();
            let n = self
                .ordinal(j)
                .or_else(|| self.has(j, shift_last).map(|e| (0, e)));
            if let Some((n, e)) = n {
                if is_week {
                    return Some((DayP::NthWeek(n), e));
                }
                if is_day {
                    return Some((if n == 0 { DayP::Part(31, 31) } else { DayP::Day(n) }, e));
                }
            }
        }
        // "ثالث ثلاثاء", "ثالث يوم ثلاثاء", "آخر اثنين", "أول أسبوع", "آخر يوم", "ثالث يوم".
        let lead = self
            .ordinal(i)
            .or_else(|| self.has(i, shift_last).map(|e| (0, e)));
        if let Some((n, j)) = lead {
            let after_day = self.has(j, day_unit);
            if let Some((w, e)) = weekday(after_day.unwrap_or(j))
                && n <= 5
            {
                return Some((DayP::NthWeekday(n, w), e));
            }
            if let Some(e) = self.has(j, |k| week_unit(k) && !matches!(k, K::Unit(_, _, true))) {
                return Some((DayP::NthWeek(n), e));
            }
            if let Some(e) = after_day {
                return Some((if n == 0 { DayP::Part(31, 31) } else { DayP::Day(n) }, e));
            }
        }
        // "الاثنين الأخير", "الثلاثاء الثالث" (only before a month: checked by the caller).
        if let Some((w, j)) = weekday(i) {
            let n = self
                .ordinal(j)
                .or_else(|| self.has(j, shift_last).map(|e| (0, e)));
            if let Some((n, e)) = n.filter(|(n, _)| *n <= 5) {
                return Some((DayP::NthWeekday(n, w), e));
            }
        }
        let (a, j) = self.day_num(i)?;
        // "13 الى 15", "13-15", "3 و5".
        let to = self
            .has(j, |k| k == K::RangeTo || k == K::RangeAnd)
            .or_else(|| self.punct(j, &['-', '–']).then_some(j + 1));
        if let Some(to) = to
            && let Some((b, e)) = self.day_num(to)
            && b > a
        {
            return Some((DayP::Days(a, b), e));
        }
        Some((DayP::Day(a), j))
    }

    /// Day part then month, then an optional year: "18 يونيو 2024", "الخامس عشر من أيار",
    /// "يومي 18 و19 يونيو", "منتصف آذار", "اول اسبوع بشهر اكتوبر 2014", "5 رمضان 1445 هـ".
    fn date_dm(&self, i: usize) -> Option<Out> {
        self.date_dm_from(self.day_part(i)?)
    }

    /// [`Scan::date_dm`] after the day part `day` ending at token `j`.
    fn date_dm_from(&self, (day, j): (DayP, usize)) -> Option<Out> {
        let mut month = None;
        let in_ok = matches!(day, DayP::NthWeekday(..) | DayP::NthWeek(_));
        let after_of = self.has(j, |k| k == K::Of || (in_ok && k == K::InMonth));
        for k in std::iter::once(j).chain(after_of) {
            if let Some((m, e, _)) = self.month(k) {
                month = Some((m, e));
                break;
            }
            if let Some((m, e)) = self.month_rel(k) {
                month = Some((m, e));
                break;
            }
            // "مطلع الشهر", "أواخر الشهر": a part of the bare month is of the current one.
            if matches!(day, DayP::Part(..))
                && let Some(e) = self.has(k, |k| k == K::PeriodNoun(PeriodUnit::Month))
            {
                month = Some((MonthSel::Rel(0), e));
                break;
            }
        }
        let (month, mut end) = month?;
        let mut spec = Spec {
            day,
            month: Some(month),
            ..Spec::default()
        };
        if !matches!(month, MonthSel::Rel(_)) {
            let at = if self.punct(end, &[',', '،']) && self.int(end + 1).is_some() {
                end + 1
            } else {
                end
            };
            if let Some((y, e)) = self.year(at, true) {
                spec.year = Some(y);
                end = e;
            }
        }
        Some(Out::spec(end, spec))
    }

    /// Month first: "مارس 2014", "يوليو 13-15", "فبراير من هذا العام", "يوليو/تموز الماضي", "في سبتمبر".
    fn date_md(&self, i: usize) -> Option<Out> {
        let (month, j, ambiguous) = self.month(i)?;
        if matches!(month, MonthSel::Rel(_)) {
            return None;
        }
        let mut spec = Spec {
            month: Some(month),
            ..Spec::default()
        };
        // "يوليو 13-15", "اغسطس 27 الى 29": a day range after the month.
        if let Some((a, k)) = self.day_num(j)
            && let Some(to) = self
                .has(k, |k| k == K::RangeTo)
                .or_else(|| self.punct(k, &['-']).then_some(k + 1))
            && let Some((b, e)) = self.day_num(to)
            && b > a
        {
            spec.day = DayP::Days(a, b);
            let (year, end) = self.year(e, true).map_or((None, e), |(y, e)| (Some(y), e));
            spec.year = year;
            return Some(Out::spec(end, spec));
        }
        if let Some((y, e)) = self.year(j, true) {
            spec.year = Some(y);
            return Some(Out::spec(e, spec));
        }
        if let Some((s, e)) = self.find(j, |k| if let K::Shift(s) = k { Some(s) } else { None }) {
            spec.year = Some(if s == 0 {
                YearSel::Rel(0)
            } else {
                YearSel::MonthShift(s)
            });
            return Some(Out::spec(e, spec));
        }
        let after_prep = i > 0 && self.has(i - 1, |k| k == K::MonthPrep).is_some();
        (!ambiguous || after_prep).then(|| Out::spec(j, spec))
    }

    /// Numeric dates: 15/3/2024, 2024-03-15, 15-03-2024, 15.3.2024, 2/2013; day/month only when
    /// `day_month_ok` (after a weekday).
    fn numeric(&self, i: usize, day_month_ok: bool) -> Option<Out> {
        if self.adjacent(i) && self.punct(i - 1, &['/', '-', '.', ':']) {
            return None;
        }
        let t = self.toks.get(i)?;
        // One token with dots ("15.3.2024").
        if t.kind == TokenKind::Number && t.key.matches('.').count() == 2 {
            let parts: Vec<u32> = t.key.split('.').filter_map(|p| p.parse().ok()).collect();
            if let [d, m, y] = parts[..]
                && y >= 1000
            {
                let spec = Spec {
                    day: DayP::Day(d),
                    month: Some(MonthSel::Gregorian(m)),
                    year: Some(YearSel::Abs(y as i32)),
                    ..Spec::default()
                };
                return (1..=12).contains(&m).then_some(Out::spec(i + 1, spec));
            }
            return None;
        }
        let mut nums = vec![self.int(i)?];
        let mut sep = None;
        let mut j = i + 1;
        while nums.len() < 3 && self.adjacent(j) && self.adjacent(j + 1) {
            let Some(c) = self.toks[j]
                .key
                .chars()
                .next()
                .filter(|c| ['/', '-', '.'].contains(c))
            else {
                break;
            };
            if self.toks[j].kind != TokenKind::Punct || sep.is_some_and(|s| s != c) {
                break;
            }
            let Some(n) = self.int(j + 1) else { break };
            sep = Some(c);
            nums.push(n);
            j += 2;
        }
        // Part of a longer chain (phone numbers, versions).
        if self.adjacent(j) && self.punct(j, &['/', '-', '.', ':']) && self.int(j + 1).is_some() {
            return None;
        }
        let date = |d: (u32, usize), m: (u32, usize), y: Option<(u32, usize)>| {
            let ok = d.1 <= 2 && m.1 <= 2 && (1..=31).contains(&d.0) && (1..=12).contains(&m.0);
            ok.then_some(Spec {
                day: DayP::Day(d.0),
                month: Some(MonthSel::Gregorian(m.0)),
                year: y.map(|y| YearSel::Abs(y.0 as i32)),
                ..Spec::default()
            })
        };
        let spec = match nums[..] {
            [y, m, d] if y.1 == 4 => date(d, m, Some(y)),
            [d, m, y] if y.1 == 4 => date(d, m, Some(y)),
            [m, y] if y.1 == 4 && sep == Some('/') && m.1 <= 2 && (1..=12).contains(&m.0) => Some(Spec {
                month: Some(MonthSel::Gregorian(m.0)),
                year: Some(YearSel::Abs(y.0 as i32)),
                ..Spec::default()
            }),
            [d, m] if day_month_ok && sep == Some('/') => date(d, m, None),
            _ => None,
        }?;
        Some(Out::spec(j, spec))
    }

    /// A year alone: "عام 2018", "2024م", "في 2021" (after في), "بين عامي 2018 و2019".
    fn year_expr(&self, i: usize, after_fi: bool) -> Option<Out> {
        if let Some(j) = self.has(i, |k| k == K::YearDual) {
            let (a, _) = self.int(j).filter(|(_, d)| *d == 4)?;
            let to = self.has(j + 1, |k| k == K::RangeTo || k == K::RangeAnd)?;
            let (b, _) = self.int(to).filter(|(v, d)| *d == 4 && *v > a)?;
            let spec = Spec {
                year: Some(YearSel::Abs(a as i32)),
                year_to: Some(b as i32),
                ..Spec::default()
            };
            return Some(Out::spec(to + 1, spec));
        }
        let after_prep = after_fi || (i > 0 && self.has(i - 1, |k| k == K::MonthPrep).is_some());
        let bare = after_prep
            && self
                .int(i)
                .is_some_and(|(v, d)| d == 4 && (1900..=2100).contains(&v));
        let (year, e) = self.year(i, bare)?;
        matches!(year, YearSel::Abs(_) | YearSel::Hijri(_)).then(|| {
            Out::spec(
                e,
                Spec {
                    year: Some(year),
                    ..Spec::default()
                },
            )
        })
    }

    // ---- weekdays ----

    /// "الثلاثاء", "يوم الأربعاء", "الثلاثاء 20 فبراير", "الأحد الماضي", "اثنين الأسبوع الحالي", "السبت السادس عشر".
    fn weekday_expr(&self, i: usize) -> Option<Out> {
        let mut j = i;
        let mut lead = false;
        let mut this = false;
        if let Some(e) = self.has(j, |k| {
            matches!(
                k,
                K::Unit(
                    UnitDef {
                        unit: DurationUnit::Day,
                        ..
                    },
                    Count::One,
                    false
                )
            )
        }) {
            j = e;
            lead = true;
        } else if let Some(e) = self.has(j, |k| k == K::This) {
            j = e;
            this = true;
        }
        let ((weekday, definite), k) = self.find(j, |k| {
            if let K::Weekday(w, d) = k {
                Some((w, d))
            } else {
                None
            }
        })?;
        // The weekday with its date.
        let mut m = k;
        if self.punct(m, &[',', '،']) {
            m += 1;
        }
        let corresponding = self.has(m, |k| k == K::Corresponding);
        for s in std::iter::once(m).chain(corresponding) {
            let dated = [self.date_dm(s), self.numeric(s, true)]
                .into_iter()
                .flatten()
                .max_by_key(|o| o.end);
            if let Some(mut o) = dated
                && let Val::Spec(spec) = &mut o.val
            {
                spec.weekday = Some(weekday);
                return Some(o);
            }
        }
        // "السبت السادس عشر": a day of this month.
        if let Some((d, e)) = self.ordinal(k).filter(|(d, _)| *d > 5 && *d <= 31) {
            let spec = Spec {
                day: DayP::Day(d),
                weekday: Some(weekday),
                ..Spec::default()
            };
            return Some(Out::spec(e, spec));
        }
        // The weekday of a named week: "اثنين الأسبوع الحالي", "الأحد من الأسبوع الماضي", "الاثنين من هذا الأسبوع".
        let week = |k: K| k == K::PeriodNoun(PeriodUnit::Week);
        let mut w = k;
        if let Some(e) = self.has(w, |k| k == K::Of) {
            w = e;
        }
        let week_ref = if let Some(e) = self.has(w, |k| k == K::This).and_then(|e| self.has(e, week)) {
            Some((0, e))
        } else if let Some(e) = self.has(w, week) {
            self.find(e, |k| if let K::Shift(s) = k { Some(s) } else { None })
        } else {
            None
        };
        let shift = self.find(k, |k| if let K::Shift(s) = k { Some(s) } else { None });
        if !(definite || lead || this || week_ref.is_some()) {
            return None;
        }
        let (end, date) = match (week_ref, shift) {
            (Some((s, e)), _) => (
                e,
                self.ctx.reference.and_then(|r| {
                    let monday = add_days(week_start(r)?, 7 * i64::from(s))?;
                    add_days(monday, i64::from(weekday.num_days_from_monday()))
                }),
            ),
            (None, Some((s, e))) => (
                e,
                self.ctx.reference.and_then(|r| match s {
                    -1 => previous_weekday(r, weekday, true),
                    1 => next_weekday(r, weekday),
                    _ => self.weekday_by_lean(r, weekday, i),
                }),
            ),
            (None, None) => (
                k,
                self.ctx
                    .reference
                    .and_then(|r| self.weekday_by_lean(r, weekday, i)),
            ),
        };
        let mut value = match date {
            Some(d) => TimeValue::days(d, d, Grain::Day),
            None => TimeValue::unresolved(Grain::Day, NO_REFERENCE),
        };
        value.weekday = Some(weekday);
        Some(Out::ready(end, MentionValue::Weekday(value)))
    }

    fn weekday_by_lean(&self, reference: NaiveDate, weekday: Weekday, i: usize) -> Option<NaiveDate> {
        match self.toward(i, false) {
            Toward::Forward => next_weekday(reference, weekday),
            Toward::Back => previous_weekday(reference, weekday, false),
            Toward::Nearest => {
                let back = previous_weekday(reference, weekday, false)?;
                let ahead = next_weekday(reference, weekday)?;
                Some(if ahead - reference < reference - back {
                    ahead
                } else {
                    back
                })
            }
        }
    }

    /// A date spec resolved by the clause's tense; a day and month without a year with no cue is
    /// the occurrence nearest the reference ("يومي 18 و19 يونيو" written on 17 June is this June).
    fn resolve_dated(&self, spec: &Spec, i: usize) -> Option<TimeValue> {
        let reference = self.ctx.reference;
        let day_and_month = spec.year.is_none()
            && spec.day != DayP::Whole
            && matches!(spec.month, Some(MonthSel::Gregorian(_) | MonthSel::Hijri(_)));
        if !day_and_month {
            return spec.resolve(reference, self.forward(i));
        }
        match self.toward(i, true) {
            Toward::Forward => spec.resolve(reference, true),
            Toward::Back => spec.resolve(reference, false),
            Toward::Nearest => {
                let back = spec.resolve(reference, false);
                let ahead = spec.resolve(reference, true);
                let (Some(b), Some(a), Some(r)) = (&back, &ahead, reference) else {
                    return back.or(ahead);
                };
                let distance = |v: &TimeValue| {
                    let (s, e) = (v.start?.date(), v.end?.date());
                    Some(if r < s {
                        (s - r).num_days()
                    } else {
                        (r - e).num_days().max(0)
                    })
                };
                if distance(a) < distance(b) { ahead } else { back }
            }
        }
    }

    /// Which occurrence of a weekday, or of a day and month without a year, the clause before
    /// token `i` means: the next after a future cue; the previous after a past marker ("كان",
    /// "قد"); with neither, the nearest when the clause has a present-tense verb or, for a day
    /// and month (`dated`), always; else the previous one, as news tells of the past.
    fn toward(&self, i: usize, dated: bool) -> Toward {
        if self.forward(i) {
            return Toward::Forward;
        }
        if self.ctx.lean != Lean::Tense {
            return Toward::Back;
        }
        let clause = self.clause_start(i);
        if (clause..i).any(|j| self.has(j, |k| k == K::Past).is_some()) {
            return Toward::Back;
        }
        if dated || (clause..i).any(|j| self.is_present_verb(j)) {
            Toward::Nearest
        } else {
            Toward::Back
        }
    }

    /// The first token of the clause holding token `i`: after the last comma or semicolon before it.
    fn clause_start(&self, i: usize) -> usize {
        (0..i)
            .rev()
            .find(|&j| self.toks[j].kind != TokenKind::Arabic && self.punct(j, &['،', ',', '؛', ';', ':']))
            .map_or(0, |j| j + 1)
    }

    /// A present-tense verb: an imperfect prefix (after و or ف) and a stem of at least three
    /// letters, not a word of the time lexicon nor a listed noun or name of that shape.
    fn is_present_verb(&self, j: usize) -> bool {
        let t = &self.toks[j];
        if t.kind != TokenKind::Arabic || !self.readings(j).is_empty() {
            return false;
        }
        let key = t.key;
        let stem = ["و", "ف", ""].iter().find_map(|p| {
            key.strip_prefix(p)
                .and_then(|k| k.strip_prefix(self.lex.present_prefix.as_str()))
        });
        stem.is_some_and(|rest| rest.chars().count() >= 3)
            && !self.lex.not_present_words.contains(key)
            && !key
                .strip_prefix(['و', 'ف'])
                .is_some_and(|k| self.lex.not_present_words.contains(k))
            && !(self.lex.not_future_endings.iter()).any(|e| ends_with_short(key, e))
    }

    // ---- relative expressions ----

    fn relative(&self, i: usize) -> Option<Out> {
        let mut best: Option<Out> = None;
        let candidates = [
            self.relative_day(i),
            self.period_shift(i),
            self.unit_window(i),
            self.part_of_period(i),
            self.offset(i),
            self.now_or_tonight(i),
        ];
        for o in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| o.end > b.end) {
                best = Some(o);
            }
        }
        best
    }

    fn rel_value(&self, f: impl FnOnce(NaiveDate) -> Option<TimeValue>, grain: Grain) -> Option<TimeValue> {
        match self.ctx.reference {
            Some(r) => f(r),
            None => Some(TimeValue::unresolved(grain, NO_REFERENCE)),
        }
    }

    /// "أمس", "غداً", "يوم غد", "اليوم الذي بعد الغد", "أمس الثلاثاء", "اليوم الأربعاء".
    fn relative_day(&self, i: usize) -> Option<Out> {
        let fillers = (self.readings(i).iter())
            .filter(|r| r.kind == K::RelDayFiller)
            .map(|r| r.end);
        let (offset, mut end) = std::iter::once(i)
            .chain(fillers)
            .filter_map(|s| self.find(s, |k| if let K::RelDay(d) = k { Some(d) } else { None }))
            .max_by_key(|(_, e)| *e)?;
        let mut value = self.rel_value(
            |r| add_days(r, i64::from(offset)).map(|d| TimeValue::days(d, d, Grain::Day)),
            Grain::Day,
        )?;
        let after = if self.punct(end, &[',', '،']) {
            end + 1
        } else {
            end
        };
        if let Some((w, e)) = self.find(after, |k| {
            if let K::Weekday(w, true) = k {
                Some(w)
            } else {
                None
            }
        }) {
            value.weekday = Some(w);
            end = e;
        }
        Some(Out::ready(end, MentionValue::Relative(value)))
    }

    /// The interval of a period around the reference: unit, offset in units.
    fn period_value(&self, unit: PeriodUnit, offset: i32) -> Option<TimeValue> {
        let grain = match unit {
            PeriodUnit::Day => Grain::Day,
            PeriodUnit::Week => Grain::Week,
            PeriodUnit::Month => Grain::Month,
            PeriodUnit::Year => Grain::Year,
            PeriodUnit::Decade => Grain::Decade,
        };
        self.rel_value(
            |r| {
                let (start, end) = match unit {
                    PeriodUnit::Day => {
                        let d = add_days(r, i64::from(offset))?;
                        (d, d)
                    }
                    PeriodUnit::Week => {
                        let s = add_days(week_start(r)?, 7 * i64::from(offset))?;
                        (s, add_days(s, 6)?)
                    }
                    PeriodUnit::Month => {
                        let s = add_months(ymd(r.year(), r.month(), 1)?, offset)?;
                        month_span(s.year(), s.month())?
                    }
                    PeriodUnit::Year => (ymd(r.year() + offset, 1, 1)?, ymd(r.year() + offset, 12, 31)?),
                    PeriodUnit::Decade => {
                        let y = r.year() / 10 * 10 + 10 * offset;
                        (ymd(y, 1, 1)?, ymd(y + 9, 12, 31)?)
                    }
                };
                Some(TimeValue::days(start, end, grain))
            },
            grain,
        )
    }

    /// "الأسبوع الماضي", "العام المقبل", "هذا الشهر", "الشهر الجاري", "اليوم السابق".
    fn period_shift(&self, i: usize) -> Option<Out> {
        let period = |j: usize| self.find(j, |k| if let K::PeriodNoun(p) = k { Some(p) } else { None });
        if let Some(j) = self.has(i, |k| k == K::This)
            && let Some((p, e)) = period(j)
        {
            return Some(Out::ready(e, MentionValue::Relative(self.period_value(p, 0)?)));
        }
        let (p, j) = period(i)?;
        let (s, e) = self.find(j, |k| if let K::Shift(s) = k { Some(s) } else { None })?;
        Some(Out::ready(e, MentionValue::Relative(self.period_value(p, s)?)))
    }

    /// "الأسابيع الثلاثة القادمة", "الأيام الثلاثة الماضية", "العامين الماضيين", "الأشهر الستة الأخيرة".
    fn unit_window(&self, i: usize) -> Option<Out> {
        let ((def, count), j) = self.find(i, |k| match k {
            K::Unit(def, count, true) if count != Count::One => Some((def, count)),
            _ => None,
        })?;
        let (n, j) = match count {
            Count::Two => (2.0, j),
            _ => self.cardinal(j, 3)?,
        };
        let (s, e) = self.find(j, |k| if let K::Shift(s) = k { Some(s) } else { None })?;
        if s == 0 || n < 1.0 || n.fract() != 0.0 {
            return None;
        }
        let amount = n * def.factor;
        let grain = unit_grain(def.unit);
        let value = self.rel_value(
            |r| {
                let (start, end) = if s > 0 {
                    let start = match def.unit {
                        DurationUnit::Week => add_days(week_start(r)?, 7)?,
                        DurationUnit::Month => add_months(ymd(r.year(), r.month(), 1)?, 1)?,
                        DurationUnit::Year => ymd(r.year() + 1, 1, 1)?,
                        _ => add_days(r, 1)?,
                    };
                    (start, add_days(shift_by(start, def.unit, amount)?, -1)?)
                } else {
                    let end = match def.unit {
                        DurationUnit::Week => add_days(week_start(r)?, -1)?,
                        DurationUnit::Month => add_days(ymd(r.year(), r.month(), 1)?, -1)?,
                        DurationUnit::Year => ymd(r.year() - 1, 12, 31)?,
                        _ => add_days(r, -1)?,
                    };
                    (add_days(shift_by(end, def.unit, -amount)?, 1)?, end)
                };
                Some(TimeValue::days(start, end, grain))
            },
            grain,
        )?;
        Some(Out::ready(e, MentionValue::Relative(value)))
    }

    /// "في وقت سابق من هذا العام", "في وقت لاحق من الشهر الجاري".
    fn part_of_period(&self, i: usize) -> Option<Out> {
        let (earlier, j) = self.find(i, |k| match k {
            K::Earlier => Some(true),
            K::Later => Some(false),
            _ => None,
        })?;
        let o = self.period_shift(j)?;
        let MentionValue::Relative(mut value) = o.val_value()? else {
            return None;
        };
        if let (Some(r), Some(start), Some(end)) = (self.ctx.reference, value.start, value.end) {
            let at = r.and_hms_opt(0, 0, 0)?;
            if earlier {
                value.end = Some(at.min(end));
            } else {
                value.start = Some(at.max(start));
            }
            value.grain = Grain::Day;
        }
        Some(Out::ready(o.end, MentionValue::Relative(value)))
    }

    /// "قبل ثلاثة أيام", "منذ عامين", "منذ ما يقرب من ربع قرن", "بعد يومين", "خلال أسبوعين".
    fn offset(&self, i: usize) -> Option<Out> {
        let (dir, j) = self.find(i, |k| match k {
            K::Ago => Some(-1),
            K::After => Some(1),
            K::Within => Some(0),
            _ => None,
        })?;
        // "أكثر من عامين" is a comparison, not "two years ago".
        if i > 0 && self.has(i - 1, |k| k == K::NotBeforeAgo).is_some() && self.toks[i].key == "من" {
            return None;
        }
        // "35% من عقد": "من" before a bare unit word is "of a contract", not "a decade ago";
        // only a number makes it an amount of time.
        if self.toks[i].key == "من"
            && self
                .toks
                .get(j)
                .is_none_or(|t| t.kind != TokenKind::Number && !is_number_word(t.key))
        {
            return None;
        }
        let (qualifier, amount, unit, e) = self.amount(j, true)?;
        if dir == 0 && !self.forward(i) {
            return None;
        }
        // "بعد يومين من اندلاعه"، "قبل ثلاثة أيام من الانتخابات": counted from an event the
        // sentence names, not from the report's date.
        if dir != 0 && self.toks.get(e).is_some_and(|t| matches!(t.key, "من" | "على")) {
            return None;
        }
        let approx = qualifier != Qualifier::Exact || (unit == DurationUnit::Year && amount >= 10.0);
        let grain = match unit {
            DurationUnit::Month => Grain::Month,
            DurationUnit::Year => Grain::Year,
            _ => Grain::Day,
        };
        let mut value = self.rel_value(
            |r| {
                if dir == 0 {
                    let end = add_days(shift_by(r, unit, amount)?, -1)?.max(r);
                    return Some(TimeValue::days(r, end, Grain::Day));
                }
                let at = shift_by(r, unit, amount * f64::from(dir))?;
                let (start, end) = match grain {
                    Grain::Month => month_span(at.year(), at.month())?,
                    Grain::Year => (ymd(at.year(), 1, 1)?, ymd(at.year(), 12, 31)?),
                    _ => (at, at),
                };
                Some(TimeValue::days(start, end, grain))
            },
            grain,
        )?;
        value.approximate = approx;
        Some(Out::ready(e, MentionValue::Relative(value)))
    }

    /// "الآن" (the reference day) and "الليلة" (this evening).
    fn now_or_tonight(&self, i: usize) -> Option<Out> {
        if let Some(e) = self.has(i, |k| k == K::Now) {
            let value = self.rel_value(|r| Some(TimeValue::days(r, r, Grain::Day)), Grain::Day)?;
            return Some(Out::ready(e, MentionValue::Relative(value)));
        }
        let ((first, last), e) = self.find(i, |k| {
            if let K::DaySpan(a, b) = k {
                Some((a, b))
            } else {
                None
            }
        })?;
        // "الليلة الماضية": the night before the reference, not tonight.
        let (back, e) = match self.find(e, |k| if let K::Shift(s) = k { Some(s) } else { None }) {
            Some((-1, after)) => (-1, after),
            _ => (0, e),
        };
        let value = self.rel_value(
            |r| {
                let r = add_days(r, back)?;
                let mut v = TimeValue::days(r, r, Grain::Hour);
                v.start = r.and_hms_opt(first, 0, 0);
                v.end = r.and_hms_opt(last, 0, 0);
                Some(v)
            },
            Grain::Hour,
        )?;
        Some(Out::ready(e, MentionValue::Time(value)))
    }

    // ---- durations ----

    /// An amount of time: "ثلاثة أيام", "12 عاماً", "عامين", "ساعة ونصف", "ربع قرن", "نحو عقد".
    /// Returns the qualifier, amount and unit in the contract's units, and the end.
    fn amount(&self, i: usize, bare_ok: bool) -> Option<(Qualifier, f64, DurationUnit, usize)> {
        let (qualifier, i) = self
            .find(i, |k| if let K::Qual(q) = k { Some(q) } else { None })
            .unwrap_or((Qualifier::Exact, i));
        let unit_at = |j: usize| {
            self.find(j, |k| match k {
                K::Unit(def, count, false) => Some((def, count)),
                _ => None,
            })
        };
        let (amount, def, mut e) = if let Some((f, j)) =
            self.find(i, |k| if let K::Frac(f) = k { Some(f) } else { None })
            && let Some(((def, Count::One), e)) = unit_at(j)
        {
            (f, def, e)
        } else if let Some(((def, count), e)) = unit_at(i) {
            let one_after = self
                .toks
                .get(e)
                .is_some_and(|t| self.lex.one_after_unit.contains(t.key));
            match count {
                Count::Two => (2.0, def, e),
                Count::One if one_after => (1.0, def, e + 1),
                Count::One if bare_ok || def.bare_is_one || qualifier != Qualifier::Exact => (1.0, def, e),
                _ => return None,
            }
        } else {
            let (n, j) = self.cardinal(i, 4)?;
            let ((def, _), e) = unit_at(j)?;
            (n, def, e)
        };
        let mut amount = amount;
        if let Some((f, fe)) = self.find(e, |k| if let K::Frac(f) = k { Some(f) } else { None })
            && self.toks.get(e).is_some_and(|t| t.key.starts_with('و'))
        {
            amount += f;
            e = fe;
        }
        Some((qualifier, amount * def.factor, def.unit, e))
    }

    fn duration(&self, i: usize) -> Option<Out> {
        let (qualifier, amount, unit, e) = self.amount(i, false)?;
        // "سامر، 40 عامًا، …": an age in apposition, read by the number finder as a quantity.
        if let (Some(before), Some(after), Some(last)) =
            (i.checked_sub(1), self.toks.get(e), e.checked_sub(1))
            && is_appositive(self.toks[before].key, after.key)
            && is_age_unit(self.toks[last].key)
        {
            return None;
        }
        Some(Out::ready(
            e,
            MentionValue::Duration(DurationValue {
                amount,
                unit,
                qualifier,
            }),
        ))
    }

    // ---- clock times ----

    /// A clock time, or a range of two ("من الساعة 3 الى الساعة 4 بعد العصر").
    fn clock_expr(&self, i: usize) -> Option<(ClockRange, usize)> {
        let (first, j) = self.clock(i, false)?;
        if let Some(to) = self.has(j, |k| k == K::RangeTo)
            && let Some((second, e)) = self.clock(to, true)
        {
            return Some((
                ClockRange {
                    first,
                    last: Some(second),
                },
                e,
            ));
        }
        Some((ClockRange { first, last: None }, j))
    }

    /// One clock time: "الساعة 10:30 صباحاً", "العاشرة مساءً", "الثالثة وربع", "12 الا ربع", "15:15".
    fn clock(&self, i: usize, in_range: bool) -> Option<(Clock, usize)> {
        let mut j = i;
        let lead = self.has(j, |k| k == K::Clock);
        if let Some(e) = lead {
            j = e;
        }
        let mut clock = Clock {
            hour: 0,
            minute: 0,
            second: None,
            minutes_given: false,
            period: None,
        };
        let digital = self
            .int(j)
            .filter(|(h, d)| *d <= 2 && *h <= 24)
            .and_then(|(h, _)| {
                let colon = |k: usize| self.punct(k, &[':']) && self.adjacent(k) && self.adjacent(k + 1);
                if !colon(j + 1) {
                    return None;
                }
                let (m, md) = self.int(j + 2).filter(|(m, d)| *d == 2 && *m < 60)?;
                let _ = md;
                let second = if colon(j + 3) {
                    self.int(j + 4).filter(|(s, d)| *d == 2 && *s < 60)
                } else {
                    None
                };
                Some((
                    h,
                    m,
                    second.map(|s| s.0),
                    if second.is_some() { j + 5 } else { j + 3 },
                ))
            });
        if let Some((h, m, s, e)) = digital {
            clock.hour = h;
            clock.minute = m;
            clock.second = s;
            clock.minutes_given = true;
            j = e;
        } else {
            let hour = if lead.is_some() {
                self.int(j)
                    .filter(|(h, d)| *d <= 2 && *h <= 24)
                    .map(|(h, _)| (h, j + 1))
                    .or_else(|| self.hour_word(j))
            } else {
                self.ordinal(j).filter(|(h, _)| (1..=12).contains(h))
            };
            let (h, e) = hour?;
            clock.hour = h;
            j = e;
            // Minutes: "وربع", "و18 دقيقة", "وخمس وأربعون دقيقة", "إلا ربعاً", "إلا ثلث".
            let minus = self.has(j, |k| k == K::Minus);
            let conj = self.toks.get(j).is_some_and(|t| t.key.starts_with('و'));
            if minus.is_some() || conj {
                let at = minus.unwrap_or(j);
                let at_word = if self.toks.get(at).is_some_and(|t| t.key == "و") {
                    at + 1
                } else {
                    at
                };
                let minutes = self
                    .find(at, |k| {
                        if let K::Frac(f) = k {
                            Some((f * 60.0).round())
                        } else {
                            None
                        }
                    })
                    .or_else(|| {
                        self.find(at_word, |k| {
                            if let K::Frac(f) = k {
                                Some((f * 60.0).round())
                            } else {
                                None
                            }
                        })
                    })
                    .map(|(m, e)| (m, e, false))
                    .or_else(|| {
                        let (m, e) = self.cardinal(at_word, 4)?;
                        let word = self.has(e, |k| k == K::MinuteWord);
                        // Without "دقيقة" a number after و is only minutes in digits ("و15").
                        (word.is_some() || self.int(at_word).is_some()).then(|| (m, word.unwrap_or(e), true))
                    });
                if let Some((m, e, _)) =
                    minutes.filter(|(m, _, _)| *m >= 1.0 && *m < 60.0 && m.fract() == 0.0)
                {
                    let m = m as u32;
                    if minus.is_some() {
                        clock.hour = if clock.hour == 0 { 23 } else { clock.hour - 1 };
                        clock.minute = 60 - m;
                    } else {
                        clock.minute = m;
                    }
                    clock.minutes_given = true;
                    j = e;
                }
            }
        }
        if let Some((p, e)) = self.find(j, |k| if let K::Part(p) = k { Some(p) } else { None }) {
            clock.period = Some(p);
            j = e;
        }
        // The zone is kept in the span; no conversion.
        if let Some(e) = self.has(j, |k| k == K::ZoneLead) {
            j = e;
            if self.toks.get(j).is_some_and(|t| t.kind == TokenKind::Latin)
                || self.has(j, |k| k == K::ZoneWord).is_some()
            {
                j += 1;
            }
        }
        let _ = in_range;
        (lead.is_some() || digital.is_some() || clock.period.is_some()).then_some((clock, j))
    }

    /// An hour in words after "الساعة": "الثالثة", "الحادية عشرة", "ثلاثة", "خمسة".
    fn hour_word(&self, j: usize) -> Option<(u32, usize)> {
        if let Some(o) = self.ordinal(j).filter(|(h, _)| (1..=12).contains(h)) {
            return Some(o);
        }
        // One word, or two when the second is not joined by و ("ثلاثة عشر").
        let two = self
            .toks
            .get(j + 1)
            .is_some_and(|t| t.kind == TokenKind::Arabic && !t.key.starts_with('و'));
        let (v, e) = self.cardinal(j, if two { 2 } else { 1 })?;
        (v.fract() == 0.0 && (0.0..=24.0).contains(&v)).then_some((v as u32, e))
    }

    fn clock_value(&self, range: ClockRange, date: Option<NaiveDate>) -> TimeValue {
        let ClockRange { first, last } = range;
        let period = first.period.or(last.and_then(|l| l.period));
        let grain = last.map_or(first.grain(), |l| finer(first.grain(), l.grain()));
        let Some(date) = date else {
            return TimeValue::unresolved(grain, NO_REFERENCE);
        };
        let start = first.at(date, period);
        let end = match last {
            Some(l) => l.at(date, l.period.or(period)),
            None => start,
        };
        let mut value = TimeValue::days(date, date, grain);
        value.start = start;
        value.end = end;
        if start.is_none() || end.is_none() || start > end {
            return TimeValue::unresolved(grain, "invalid time");
        }
        value
    }

    // ---- holidays ----

    /// "عيد الفطر", "عيد الأضحى 2013", "عيد الميلاد 2020".
    fn holiday(&self, i: usize) -> Option<Out> {
        let (id, j) = self.find(i, |k| if let K::Holiday(id) = k { Some(id) } else { None })?;
        let rule = *self.lex.holidays.get(id)?;
        let (year, end) = match self.year(j, true) {
            Some((YearSel::Abs(y), e)) => (Some(y), e),
            _ => (None, j),
        };
        let occurrence = |y: i32| -> Option<NaiveDate> {
            match rule {
                HolidayRule::Gregorian(m, d) => ymd(y, m, d),
                HolidayRule::Easter => easter(y),
                HolidayRule::Hijri(m, d) => {
                    let first = hijri_year_of(ymd(y, 1, 1)?)?;
                    (first..=first + 1)
                        .filter_map(|h| hijri_to_gregorian(h, m, d))
                        .find(|g| g.year() == y)
                }
            }
        };
        let date = match (year, self.ctx.reference) {
            (Some(y), _) => occurrence(y),
            (None, Some(r)) => {
                if self.forward(i) {
                    [r.year(), r.year() + 1]
                        .into_iter()
                        .filter_map(occurrence)
                        .find(|d| *d >= r)
                } else {
                    [r.year(), r.year() - 1]
                        .into_iter()
                        .filter_map(occurrence)
                        .find(|d| *d <= r)
                }
            }
            (None, None) => None,
        };
        let value = match date {
            Some(d) if matches!(rule, HolidayRule::Hijri(..)) => widen(d, d, Grain::Day),
            Some(d) => TimeValue::days(d, d, Grain::Day),
            None if year.is_none() && self.ctx.reference.is_none() => {
                TimeValue::unresolved(Grain::Day, NO_REFERENCE)
            }
            None => return None,
        };
        Some(Out::ready(end, MentionValue::Date(value)))
    }
}

/// How far (in tokens) an expression's first strong word may lie from its start
/// ("من الثالث والعشرون وحتى السادس والعشرين من شهر …").
const ANCHOR_WINDOW: usize = 8;

/// Words that make a temporal reading possible nearby; function words do not.
pub(super) fn is_strong(kind: K) -> bool {
    matches!(
        kind,
        K::Month(..)
            | K::Weekday(..)
            | K::RelDay(_)
            | K::Now
            | K::Unit(..)
            | K::DayDual
            | K::YearDual
            | K::PeriodNoun(_)
            | K::Earlier
            | K::Later
            | K::MonthPart(..)
            | K::YearLead
            | K::MonthLead
            | K::HijriEra
            | K::GregorianEra
            | K::Clock
            | K::Part(_)
            | K::DaySpan(..)
            | K::Holiday(_)
    )
}

/// A clock time or a range of two.
#[derive(Debug, Clone, Copy)]
struct ClockRange {
    first: Clock,
    last: Option<Clock>,
}

impl Out {
    fn val_value(&self) -> Option<MentionValue> {
        match &self.val {
            Val::Ready(v) => Some(v.clone()),
            Val::Spec(_) => None,
        }
    }
}

fn time_mut(value: &mut MentionValue) -> Option<&mut TimeValue> {
    match value {
        MentionValue::Date(t)
        | MentionValue::Weekday(t)
        | MentionValue::Relative(t)
        | MentionValue::Time(t) => Some(t),
        _ => None,
    }
}

fn unit_grain(unit: DurationUnit) -> Grain {
    match unit {
        DurationUnit::Week => Grain::Week,
        DurationUnit::Month => Grain::Month,
        DurationUnit::Year => Grain::Year,
        _ => Grain::Day,
    }
}

/// `date` moved by an amount of a unit (fractions of months and years in days; hours and finer
/// leave the day unchanged unless they add up to days).
fn shift_by(date: NaiveDate, unit: DurationUnit, amount: f64) -> Option<NaiveDate> {
    let days = |d: f64| add_days(date, d.round() as i64);
    match unit {
        DurationUnit::Second => days(amount / 86400.0),
        DurationUnit::Minute => days(amount / 1440.0),
        DurationUnit::Hour => days(amount / 24.0),
        DurationUnit::Day => days(amount),
        DurationUnit::Week => days(amount * 7.0),
        DurationUnit::Month if amount.fract() == 0.0 => add_months(date, amount as i32),
        DurationUnit::Month => days(amount * 30.44),
        DurationUnit::Year if amount.fract() == 0.0 => add_months(date, (amount * 12.0) as i32),
        DurationUnit::Year => days(amount * 365.25),
    }
}

/// The readings of token `i`: the whole word first; proclitic-stripped words only when the
/// whole word is unknown (a lexicon hit on the whole word wins).
/// Appends the readings of token `i` to `out`.
fn read_token(lex: &Lexicon, src: &str, toks: &[Tok], i: usize, out: &mut Vec<Reading>) {
    let tok = &toks[i];
    if tok.kind == TokenKind::Punct || tok.kind == TokenKind::Number {
        return;
    }
    let from = out.len();
    if !lex.index_sketch.may_contain(tok.key) {
        return;
    }
    let Some(slot) = lex.index.get(tok.key) else {
        return;
    };
    push_fitting(toks, i, &slot.entries, false, 0, out);
    if out.len() == from && tok.kind == TokenKind::Arabic && !slot.clitic.is_empty() {
        let text = &src[tok.span.range()];
        for hit in &slot.clitic {
            let skip = letters_bytes(text, hit.skip_letters);
            push_fitting(toks, i, &hit.entries, true, skip, out);
        }
    }
}

/// The value of a number token's key without its commas (`"12,500"` is 12500).
fn number_key_value(key: &str) -> Option<f64> {
    // Most are a few plain digits, exact as a float: read without building a string to parse.
    if (1..=15).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_digit()) {
        return Some(key.bytes().fold(0u64, |v, b| v * 10 + u64::from(b - b'0')) as f64);
    }
    key.replace(',', "").parse().ok()
}

/// Bytes taken by the first `letters` letters of `text` (marks attached to them included).
fn letters_bytes(text: &str, letters: usize) -> usize {
    let mut seen = 0;
    for (at, ch) in text.char_indices() {
        if is_ignorable(ch) {
            continue;
        }
        if seen == letters {
            return at;
        }
        seen += 1;
    }
    text.len()
}

/// The readings among `entries` (starting at token `i`) whose further words follow in the text.
fn push_fitting(
    toks: &[Tok],
    i: usize,
    entries: &[Entry],
    clitic: bool,
    skip: usize,
    out: &mut Vec<Reading>,
) {
    for entry in entries {
        let fits = entry
            .rest
            .iter()
            .enumerate()
            .all(|(n, word)| toks.get(i + 1 + n).is_some_and(|t| t.key == word));
        if fits {
            out.push(Reading {
                kind: entry.kind,
                end: i + 1 + entry.rest.len(),
                clitic,
                skip,
            });
        }
    }
}
