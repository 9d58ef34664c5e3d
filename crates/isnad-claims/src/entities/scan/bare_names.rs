//! Names with no title or head before them: lineage-particle names and transliterated runs.

use super::{Raw, Scan};
use crate::entities::types::{EntityType, MatchKind};

impl Scan<'_> {
    /// Names opened by a lineage particle, with no title before them ("ولد سيدي عالي", "بن
    /// سلمان"): the particle and one or two name words.
    pub(super) fn particle_names(&mut self, consumed: &mut [bool]) {
        let n = self.st.words.len();
        for i in 0..n {
            if !self.is_free(i, consumed) {
                continue;
            }
            // The particle, bare or after one proclitic ("لولد").
            let Some(skip) = self.facts(i).name_opener.map(usize::from) else {
                continue;
            };
            // Bounded with its particle: "بن سلامة التعليق" is a name of two words and its object.
            let words = self.name_run_after(i + 1, 2, consumed, false, true);
            let run = i + 1..self.bounded(i..words.end, false).end.max(i + 1);
            if run.is_empty() {
                continue;
            }
            // "خليفة بن سعيد": a free name word right before a bare particle is the bearer's given
            // name (not a verb of the trigger lexicon, a title or a verbal noun: "زيارة ولد …").
            let given = (skip == 0).then(|| i.checked_sub(1)).flatten().filter(|&g| {
                let w = self.st.word(g);
                self.is_free(g, consumed)
                    && (!self.st.ends_in_taa(g) || self.lex.taa_names.contains(w))
                    && !crate::verb_forms::verb_forms().contains(w)
                    && self.is_name_word_at(g, false)
            });
            let i = given.unwrap_or(i);
            let start = self.st.words[i].start + if given.is_some() { 0 } else { skip };
            let end = self.st.words[run.end - 1].end;
            consumed[i..run.end].iter_mut().for_each(|c| *c = true);
            self.raws.push(Raw::new_name(
                self.span(start, end),
                self.st.text[start..end].to_string(),
                EntityType::Person,
                MatchKind::Title,
            ));
        }
    }

    /// Places with no head before them whose first word is a common noun of the land ("من رأس
    /// المنيخ"، "إلى مرسى الكداوة"): after a preposition of place, the noun and one article noun,
    /// where the name ends.
    pub(super) fn toponyms(&mut self, consumed: &mut [bool]) {
        let n = self.st.words.len();
        for i in 1..n.saturating_sub(1) {
            if !self.is_free(i, consumed) || !self.facts(i).toponym_head {
                continue;
            }
            let before = i - 1;
            let after_place_word = self.st.words[before].kind == crate::entities::text::WordKind::Letters
                && self.lex.place_prepositions.contains(self.st.word(before));
            let name = i + 1;
            let w = self.st.word(name);
            let noun = self.is_free(name, consumed)
                && w.strip_prefix("ال").is_some_and(|stem| stem.chars().count() >= 3)
                && !self.lex.stop_words.contains(w)
                && !self.lex.place_common_complements.contains(w)
                && !self.lex.event_complements.contains(w)
                && !self.lex.place_adjectives.contains(w);
            if !(after_place_word && noun && self.ends_after_construct(name + 1)) {
                continue;
            }
            let (start, end) = (self.st.words[i].start, self.st.words[name].end);
            consumed[i..=name].iter_mut().for_each(|c| *c = true);
            self.raws.push(Raw::new_name(
                self.span(start, end),
                self.st.text[start..end].to_string(),
                EntityType::Place,
                MatchKind::Title,
            ));
        }
    }

    /// Runs of transliterated-looking words no pattern took.
    pub(super) fn transliterated(&mut self, consumed: &mut [bool]) {
        let n = self.st.words.len();
        let mut i = 0;
        while i < n {
            let free = |j: usize| self.is_free(j, consumed);
            if !free(i) {
                i += 1;
                continue;
            }
            let Some((kind, span_start)) = self.foreign_reading(i) else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < n && j - i < 4 && free(j) && self.facts(j).looks_foreign {
                j += 1;
            }
            let end = self.st.words[j - 1].end;
            let span = self.span(span_start, end);
            let key = self.st.text[span_start..end].to_string();
            consumed[i..j].iter_mut().for_each(|c| *c = true);
            self.raws
                .push(Raw::new_name(span, key, kind, MatchKind::Transliterated));
            i = j;
        }
    }

    /// The kind and start byte of a foreign-looking word, trying it without a proclitic too.
    fn foreign_reading(&self, i: usize) -> Option<(EntityType, usize)> {
        let (kind, skip) = self.facts(i).foreign?;
        // A case ending written out ("مضيفاً") is Arabic grammar, not a foreign name.
        if self.st.has_tanween(i) {
            return None;
        }
        Some((kind, self.st.words[i].start + usize::from(skip)))
    }
}
