//! The nouns around a figure: what it counts, measure nouns and what they are of, modifiers, changes.

use super::sentence::SentenceFacts;
use super::words::Names;
use crate::facts::lemma::lemma_slice;
use isnad_parser::TokenKind;

impl<'a> SentenceFacts<'a> {
    /// "6 من أفراد الطاقم"، "4 من المصابين"، "17 قطعة منها": a count of part of a named set; "آخر
    /// ثلاث جثث"، "أول 5 حالات": the last or first few of one; "900 أسرة في الحي وحده": of one
    /// place alone.
    pub(super) fn partitive(&self, first: usize, last: usize) -> bool {
        if first
            .checked_sub(1)
            .is_some_and(|b| self.lx.subset_before.contains(self.key(b)))
        {
            return true;
        }
        let grammar = crate::grammar::grammar();
        let candidate = self.counted_candidate(first, last);
        // "17 قطعة منها"، "12 منهم": a part of the set just named; but "23 قطعة منها 14 ختماً"
        // names the parts of this one.
        if let Some(p) = candidate
            .into_iter()
            .flat_map(|c| [c, c + 1])
            .find(|&p| p < self.n() && grammar.is_partitive_pronoun(self.key(p)))
            && !(p + 1 < self.n() && self.is_numeric_mention(p + 1))
        {
            return true;
        }
        // "340 ألف مشترك في المدينة وحدها": of one place or group alone, a part of a wider whole.
        let clause_end = self.words.clause_end[last];
        if (last + 1..clause_end.min(last + 7))
            .take_while(|&i| !self.is_numeric_mention(i) && self.kind(i) != Some(TokenKind::Punct))
            .any(|i| grammar.is_alone(self.key(i)))
        {
            return true;
        }
        let within_or_after = candidate.filter(|&i| self.key(i) == "من");
        let Some(from) = within_or_after else {
            return false;
        };
        let mut head = from + 1;
        if self.lx.partitive_heads.contains(self.key(head)) {
            head += 1;
        }
        let k = self.key(head);
        self.is_arabic(head)
            && (k.starts_with("ال") || k.starts_with("هذه") || k.starts_with("هولاء") || self.is_content(head))
    }

    /// The first token after the number itself: past the last number word or digits of the
    /// mention and the qualifiers after them ("ستة أشخاص على الأقل" → أشخاص; "أكثر من ألف وخمسمئة
    /// عامل" → عامل).
    pub(super) fn counted_candidate(&self, first: usize, last: usize) -> Option<usize> {
        let number = |i: usize| {
            let k = self.key(i);
            let bare = k.strip_prefix('و').unwrap_or(k);
            self.kind(i) == Some(TokenKind::Number)
                || crate::mentions::words::is_number_word(k)
                || crate::mentions::words::is_number_word(bare)
        };
        let end = (first..=last).rev().find(|&i| number(i)).unwrap_or(first);
        let skip = |i: usize| {
            let k = self.key(i);
            number(i)
                || matches!(
                    k,
                    "." | "٫" | "," | "٬" | "-" | "ـ" | "علي" | "الاقل" | "تقريبا" | "فقط" | "ال"
                )
                || (i <= last && self.lx.linking.contains(k))
        };
        (end + 1..(last + 2).min(self.n()).max(end + 2).min(self.n()))
            .find(|&i| !skip(i) && self.is_arabic(i))
    }

    /// A counted noun at `i` (the noun a number counts), unless it is a function word or starts
    /// the next phrase ("مقتل 7 وإصابة 250": و + a noun is the next phrase).
    pub(super) fn counted_noun(&self, i: usize) -> Option<usize> {
        if !self.is_arabic(i) || self.mention_of[i].is_some_and(|m| self.mentions[m].0.value.time().is_some())
        {
            return None;
        }
        let k = self.key(i);
        if self.lx.stopwords.contains(k) || self.lx.linking.contains(k) || k == "من" {
            return None;
        }
        if let Some(rest) = k.strip_prefix(['و', 'ف'])
            && rest.chars().count() >= 3
        {
            // "وفيات" and "ولايات" are words; "وإصابة" and "والمصابين" are و + a word.
            if !self.lx.class_forms.contains(k)
                && (rest.starts_with("ال")
                    || self.lx.class_forms.contains(rest)
                    || self.lx.class(lemma_slice(rest, false)).is_some()
                    || self.lx.measures.contains(lemma_slice(rest, false)))
            {
                return None;
            }
        }
        Some(i)
    }

    /// True when the word at `i` is shaped as an indefinite verbal noun: ending in ة, or shaped
    /// تفعيل، إفعال or افتعال ("توقيف"، "إنقاذ"، "انتشال").
    pub(super) fn is_verbal_noun(&self, i: usize) -> bool {
        let letters: Vec<char> = self.key(i).chars().collect();
        let iftial = letters.len() == 6 && letters[0] == 'ا' && letters[2] == 'ت' && letters[4] == 'ا';
        iftial || self.governs_a_number(i)
    }

    /// True when the word at `i` reads as a verbal noun in construct with the number after it
    /// ("بإدانة 11"، "توقيف 23"): indefinite in form, and ending in ة or shaped تفعيل/إفعال. A verb
    /// ("سخّرت 23") or a definite noun ("شملت المحاكمة 17") does not qualify what is counted.
    pub(super) fn governs_a_number(&self, i: usize) -> bool {
        let key = self.key(i);
        let mut stem = key;
        for _ in 0..2 {
            if stem.chars().count() > 4
                && let Some(rest) = stem.strip_prefix(['و', 'ف', 'ب', 'ل', 'ك'])
            {
                stem = rest;
            }
        }
        if stem.starts_with("ال") {
            return false;
        }
        let letters: Vec<char> = stem.chars().collect();
        let n = letters.len();
        let feminine = n >= 4 && letters[n - 1] == 'ه';
        let tafil = n == 5 && letters[0] == 'ت' && letters[3] == 'ي';
        let ifal = n == 5 && letters[0] == 'ا' && letters[3] == 'ا';
        feminine || tafil || ifal
    }

    /// What the lexicon names by the word at `i` (read once per distinct Arabic word); nothing by a
    /// function word, whose lemma may be a class's ("وفيها" reads as «وفي», as "وفيات" does).
    fn names(&self, i: usize) -> Names {
        if self.words.flags[i].has(crate::lexical::lexicon::WordFlags::FUNCTION) {
            Names::default()
        } else if self.is_arabic(i) {
            self.words.names[i]
        } else {
            Names::of(self.lx, self.key(i), self.lemma(i))
        }
    }

    /// The class of the word at `i`, also after a conjunction or preposition glued to a short word
    /// ("وفُقد" is و + فقد).
    pub(super) fn class_at(&self, i: usize) -> Option<&'static crate::facts::lexicon::Class> {
        self.names(i).class.map(|c| &self.lx.classes[c])
    }

    /// The class a word after a counted noun names: its own, or one it names only there ("عمال
    /// أحياء" are survivors).
    pub(super) fn class_after(&self, i: usize) -> Option<&'static crate::facts::lexicon::Class> {
        self.class_at(i)
            .or_else(|| (self.lx.class_after_counted.get(self.lemma(i))).map(|&c| &self.lx.classes[c]))
    }

    /// The lemma of a measure noun at `i`, also after an attached preposition ("بطول"، "بقيمة").
    pub(super) fn measure_lemma(&self, i: usize) -> Option<&'a str> {
        let (start, end) = self.names(i).measure?;
        self.toks.key(i).get(start..end)
    }

    /// What a measure noun at `h` is of: the content word after it (its genitive or adjective,
    /// not past the value at `value`), the noun before a ب-measure ("جسراً بطول")، or the noun a
    /// relative clause hangs on ("للجسر الذي يبلغ طوله").
    pub(super) fn measure_qualifiers(&self, h: usize, value: usize) -> Vec<&'a str> {
        let mut out = Vec::new();
        let after = h + 1;
        // The genitive or definite adjective after it ("نسبة التغطية"، "قوة الزلزال"), not a verb.
        if after < value
            && self.is_content(after)
            && !self.named[after]
            && self
                .key(after)
                .trim_start_matches(['و', 'ف', 'ب', 'ل'])
                .starts_with("ال")
        {
            out.push(self.lemma(after));
        }
        let key = self.key(h);
        let before = h.checked_sub(1);
        // "صافي الربح"، "صافي ربح": the construct noun before the head (indefinite, no case ending,
        // no attached pronoun: "أدائه غرامة" is his paying a fine, not a kind of fine).
        if let Some(b) = before
            && self.measure_lemma(h).is_some()
            && self.is_content(b)
            && !self.has_attached_pronoun(b)
            && !self.key(b).starts_with("ال")
            && !self.key(b).starts_with('ي')
            && !self.key(b).ends_with('ا')
            && !self.lx.modifiers.contains_key(self.lemma(b))
            && self.words.clause_start[b] == self.words.clause_start[h]
            && !self.lx.change.contains(self.lemma(b))
        {
            out.push(self.lemma(b));
        }
        let with_preposition =
            key.starts_with('ب') && !key.starts_with("بال") && self.measure_lemma(h).is_some();
        if with_preposition
            && let Some(b) = before
            && self.is_content(b)
            && self.words.clause_start[b] == self.words.clause_start[h]
        {
            out.push(self.lemma(b));
        }
        let has_pronoun = ["ه", "ها", "هم"].iter().any(|p| key.ends_with(p)) && key.chars().count() >= 4;
        if has_pronoun {
            // "… للجسر الذي يبلغ طوله": the noun before the relative pronoun.
            if let Some(r) = (self.words.clause_start[h].saturating_sub(1)..h)
                .rev()
                .take(4)
                .find(|&i| crate::grammar::grammar().is_relative_pronoun(self.key(i)))
                && let Some(b) = r.checked_sub(1)
                && self.is_content(b)
            {
                out.push(self.lemma(b));
            }
        }
        out
    }

    /// True for a relational adjective right after the noun it describes ("زيادة شهرية"، "غرامة
    /// مالية"): the noun, not the adjective, says what a figure is.
    pub(super) fn is_adjective_after_noun(&self, i: usize) -> bool {
        let key = self.key(i).trim_start_matches(['و', 'ف']);
        let key = key.strip_prefix("ال").unwrap_or(key);
        i > 0
            && self.is_content(i - 1)
            && !self.named[i - 1]
            && key.chars().count() >= 4
            && (key.ends_with("يه") || key.ends_with("يا"))
    }

    /// True when word `i` as written ends in an attached pronoun ("أدائه"، "حصتها"، "أموالهم"): a
    /// taa marbuta is no pronoun, and the folded key no longer tells them apart.
    pub(super) fn has_attached_pronoun(&self, i: usize) -> bool {
        let Some(piece) = self.toks.pieces.get(i) else {
            return false;
        };
        let written = self.source.get(piece.span().range()).unwrap_or("");
        let written = written.trim_end_matches(|c: char| isnad_parser::is_word_mark(c));
        written.chars().count() >= 4
            && ["ه", "ها", "هم", "هما", "هن", "كم"]
                .iter()
                .any(|p| written.ends_with(p))
    }

    /// A modifier named by a word before the value in its clause: a capacity ("تتسع لـ 600")، a
    /// target ("المستهدف 90%")، a forecast ("يتوقع 5%").
    pub(super) fn modifier_before(&self, first: usize) -> Option<&'static str> {
        let start = self.words.clause_start[first].max(first.saturating_sub(6));
        let (at, modifier) = (start..first)
            .rev()
            .filter(|&i| self.names(i).modifier_before)
            .find_map(|i| {
                self.lx
                    .modifiers_before
                    .get(self.lemma(i))
                    .map(|m| (i, m.as_str()))
            })?;
        // "كشف الرحلة يضم 65 راكباً": what a collective or a record holds is its members' count.
        let collective_holder = || {
            (at.saturating_sub(2)..first.min(at + 3))
                .any(|i| i != at && self.is_content(i) && self.lx.collectives.contains(self.lemma(i)))
        };
        (modifier != "stock" || !collective_holder()).then_some(modifier)
    }

    /// True when the figure is a change, not a level: "بمقدار 75 نقطة"، or a change word before it
    /// in its clause ("ارتفعت الإيرادات بنسبة 31%"، "زيادة قدرها 850") with no "إلى" ("to") right
    /// before the value.
    pub(super) fn is_delta(
        &self,
        first: usize,
        last: usize,
        head: Option<usize>,
        by_change_word: bool,
    ) -> bool {
        let key = |k: usize| self.key(k);
        if self.phrase_before(&self.lx.delta_before, first).is_some()
            || (first..=last).any(|i| self.lx.delta_before.at(&key, i, self.n()).is_some())
        {
            return true;
        }
        if !by_change_word {
            return false;
        }
        let Some(change) = (self.words.clause_start[first]..first)
            .rev()
            .find(|&i| Some(i) != head && self.names(i).change)
        else {
            return false;
        };
        // "ارتفعت الحصيلة إلى 19 قتيلاً و34 مفقوداً": a level, up to the last figure of the list.
        !(change..=last).any(|i| {
            let k = self.key(i);
            self.lx.to_level.contains(k) || k.strip_prefix('و').is_some_and(|r| self.lx.to_level.contains(r))
        })
    }
}
