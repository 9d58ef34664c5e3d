//! Numbers written in digits, told apart from phone numbers, clock times, dates and years.

use super::Finder;
use super::lookup::clitic_strip;
use super::scan::Kind;
use crate::mentions::value::Mention;
use crate::mentions::words::{number_from_digits, read_digits};

impl Finder<'_> {
    /// A number written in digits starting at token `first` (`digits` is its first digit run).
    pub(super) fn digits(&mut self, first: usize, digits: usize) -> Option<Mention> {
        if self.latin_chunk(first) {
            return self.skip_glued(first);
        }
        let at = self.span(first).start;
        let read = read_digits(self.source, at, self.limit)?;
        let number = number_from_digits(self.source, &read, self.limit);
        let mut value = number.value;
        let mut end = number.span.end;
        let after = self.index_at(read.span.end);
        // Phone numbers: a leading "+", or seven or more digits starting with 0.
        if digits > 0 && self.key(digits - 1) == "+" && self.glued(digits) {
            return None;
        }
        if read.plain_int_digits >= 7 && read.plain.starts_with('0') {
            return None;
        }
        // Clock times and ratios "10:30", dates "12/5/2024", "1.5.2024", "2024-06-18".
        let glued_digits =
            |k: usize| self.glued(k) && self.kind(k + 1) == Some(Kind::Digits) && self.glued(k + 1);
        if glued_digits(after) {
            match self.key(after) {
                ":" => return self.skip_glued(first),
                "/" | "-" | "." if glued_digits(after + 2) && self.key(after + 2) == self.key(after) => {
                    return self.skip_glued(first);
                }
                "/" if number.span.end == read.span.end => {
                    // "١١/١٠" is a fraction; a date of two parts would be the time finder's (and longer).
                    let denominator = read_digits(self.source, self.span(after + 1).start, self.limit)?;
                    if denominator.value == 0.0 {
                        return None;
                    }
                    value /= denominator.value;
                    end = denominator.span.end;
                }
                "." => return self.skip_glued(first),
                _ => {}
            }
        }
        if digits >= 2
            && self.key(digits - 1) == ":"
            && self.glued(digits)
            && self.kind(digits - 2) == Some(Kind::Digits)
        {
            return None;
        }
        let prev = first.checked_sub(1);
        // A bare year after a year cue, or marked "م"/"هـ", or after a month: the time finder's.
        let year =
            read.plain_int_digits == 4 && (1900.0..=2100.0).contains(&read.value) && end == read.span.end;
        if year {
            let cue = prev.is_some_and(|p| {
                self.kind(p) == Some(Kind::Word)
                    && (self.t.year_cues.contains(self.key(p))
                        || clitic_strip(self.key(p)).is_some_and(|(_, s)| self.t.year_cues.contains(s))
                        || self.is_month_at(p)
                        || (p > 0 && self.is_month_at(p - 1)))
            });
            if cue || self.t.year_marks.contains(self.key(after)) {
                return None;
            }
        }
        if prev.is_some_and(|p| self.t.time_cues.contains(self.key(p))) {
            return None;
        }
        self.amount(first, at, end, value)
    }

    /// Marks the run of glued tokens around `i` (a date "12/5/2024", a time "10:30") as read, so
    /// that none of its digits is taken for an amount; yields no mention.
    fn skip_glued(&mut self, i: usize) -> Option<Mention> {
        let mut end = i;
        while self.glued(end + 1) {
            end += 1;
        }
        self.free = self.free.max(self.span(end).end);
        None
    }

    /// True when the run of glued tokens around `i` has Latin letters (S600, Su-27, URLs).
    fn latin_chunk(&self, i: usize) -> bool {
        let mut start = i;
        while start > 0 && self.glued(start) {
            start -= 1;
        }
        let mut end = i;
        while self.glued(end + 1) {
            end += 1;
        }
        (start..=end).any(|k| self.kind(k) == Some(Kind::Latin))
    }
}
