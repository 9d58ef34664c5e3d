//! Counts without a numeral: vague amounts ("عشرات"، "بضعة آلاف") and feminine dual nouns ("سيارتين").

use super::Finder;
use super::data::Trigger;
use super::lookup::clitic_match;
use super::scan::Kind;
use crate::mentions::value::{Mention, MentionValue, NumberValue, Qualifier, QuantityValue};
use crate::mentions::words::{self, PROCLITIC_LETTERS, ScaleForm, Term, letters_span, lexicon};
use crate::short::ends_with_short;
use isnad_parser::Span;

/// The last letters of the dual endings "تين", "تان" and "تي".
pub(super) const DUAL_LAST_LETTERS: [char; 2] = ['ن', 'ي'];

impl Finder<'_> {
    /// A vague amount: "عشرات"، "بضعة آلاف"، "مئات الآلاف"، "آلاف".
    pub(super) fn vague(&mut self, i: usize, trigger: &Trigger) -> Option<Mention> {
        let lex = lexicon();
        let start = letters_span(self.source, self.span(i), trigger.clitic_letters, 0).start;
        // "آلاف" folds to "الاف": try the word as written before dropping an article.
        let plural_scale = |key: &str| match lex.term(key).or_else(|| lex.term(words::strip_article(key))) {
            Some(Term::Scale(v, ScaleForm::Plural)) => Some(v),
            _ => None,
        };
        let mut end = self.span(i).end;
        let mut next = i + 1;
        let (mut low, mut high) = match self.t.vague.get(&trigger.base) {
            Some(&(low, high)) => (low, high),
            None => {
                let scale = plural_scale(&trigger.base)?;
                (2.0 * scale, 999.0 * scale)
            }
        };
        if self.t.vague.contains_key(&trigger.base)
            && let Some(scale) = plural_scale(self.key(i + 1))
        {
            low *= scale;
            high *= scale;
            end = self.span(i + 1).end;
            next = i + 2;
        }
        if self.match_forward(next, &self.t.durations, false).is_some() || self.is_month_at(next) {
            return None;
        }
        let amount = NumberValue {
            value: None,
            low,
            high: Some(high),
            qualifier: Qualifier::Vague,
        };
        let value = match self.unit_after(next) {
            Some(u) => {
                end = self.span(u.next - 1).end;
                let amount = NumberValue {
                    low: low * u.factor,
                    high: Some(high * u.factor),
                    ..amount
                };
                MentionValue::Quantity(QuantityValue { amount, unit: u.code })
            }
            None => MentionValue::Number(amount),
        };
        Some(self.mention(Span::new(start, end), value))
    }

    /// A counted noun in the feminine dual: "سيارتين", "زيارتان", "سيارتي ليموزين".
    pub(super) fn dual(&mut self, i: usize) -> Option<Mention> {
        let key = self.key(i);
        // Most words end otherwise: leave before any table is consulted.
        if !key.ends_with(DUAL_LAST_LETTERS) {
            return None;
        }
        if !(key.ends_with("تين") || key.ends_with("تان") || key.ends_with("تي")) {
            return None;
        }
        if ["ال", "وال", "بال", "فال", "كال", "لل"]
            .iter()
            .any(|p| key.starts_with(p))
        {
            return None;
        }
        if self.t.dual_words.iter().any(|w| clitic_match(key, w).is_some()) {
            return Some(self.mention(self.span(i), MentionValue::Number(NumberValue::exact(2.0))));
        }
        // A first letter that may be a proclitic ("وباسل" = و + باسل) does not count toward the
        // stem: three letters before the ending, beyond any such letter.
        let letters = key.chars().count() - usize::from(key.starts_with(PROCLITIC_LETTERS));
        let dual = if key.ends_with("تين") || key.ends_with("تان") {
            letters >= 6 && !self.t.dual_not.iter().any(|d| ends_with_short(key, d))
        } else if key.ends_with("تي") {
            // The construct dual, before an indefinite noun; "my X" reads the same, so the stem
            // must not end in a long vowel (nisba adjectives: "كويتي", "إماراتي").
            let stem_last = key.chars().rev().nth(2);
            letters >= 5
                && !matches!(stem_last, Some('ي' | 'و' | 'ا'))
                && self.kind(i + 1) == Some(Kind::Word)
                && !self.key(i + 1).starts_with("ال")
                && !self.t.dual_construct_not_before.contains(self.key(i + 1))
                && self.trigger(i + 1).is_none()
        } else {
            false
        };
        if !dual || self.t.dual_not.iter().any(|d| d == key) {
            return None;
        }
        // "جثتين جديدتين": an adjective agrees with the dual noun before it; the noun is the count.
        if i.checked_sub(1).is_some_and(|p| {
            self.kind(p) == Some(Kind::Word) && (self.key(p).ends_with("تين") || self.key(p).ends_with("تان"))
        }) {
            return None;
        }
        Some(self.mention(self.span(i), MentionValue::Number(NumberValue::exact(2.0))))
    }
}
