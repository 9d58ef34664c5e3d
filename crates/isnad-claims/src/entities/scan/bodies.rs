//! Bodies and institutions named by a head and the nouns and adjectives after it ("وزارة الزراعة").

use super::{Raw, Scan, listed_at};
use crate::entities::text::WordKind;
use crate::entities::types::{EntityType, MatchKind, MentionForm};

impl Scan<'_> {
    /// Public bodies and associations named by the words after their head: "وزارة الزراعة والري"،
    /// "نقابة الصيادلة" (construct with article nouns, «و» + article joining them), "نقابة عمال
    /// النظافة" (indefinite nouns in construct up to a definite one), "الهيئة الوطنية للتأمينات"،
    /// "المديرية العامة للجمارك" (the article, an adjective, a complement with ل), and a field after a
    /// participle of competence ("محكمة الجنح المكلفة بقضايا الفساد").
    pub(super) fn bodies(&mut self, consumed: &mut [bool]) {
        const MAX_NOUNS: usize = 3;
        const MAX_CHAIN: usize = 2;
        let n = self.st.words.len();
        let free = |j: usize, consumed: &[bool]| {
            j < n && self.slot[j].is_none() && !consumed[j] && self.st.words[j].kind == WordKind::Letters
        };
        // An institution's word names a body's field though it is never a name alone ("جهاز
        // الأمن الوطني").
        let article = |j: usize| {
            let w = self.st.word(j);
            (w.starts_with("ال") || w.starts_with("وال"))
                && (!self.lex.stop_words.contains(w) || self.lex.institutions.contains(w))
        };
        // A noun in construct before the definite one ("عمال"، "مزارعي"): no verb of a headline
        // ("نقابة تطالب"، "نقابة طالبت"), no conjunct, no function word.
        let chain_word = |j: usize, consumed: &[bool]| {
            let w = self.st.word(j);
            free(j, consumed)
                && !w.starts_with(['و', 'ي', 'ت'])
                && !w.starts_with("لل")
                && !w.ends_with('ت')
                && w.chars().count() >= 3
                && !self.lex.stop_words.contains(w)
                && !self.lex.titles.contains_key(w)
        };
        for i in 0..n.saturating_sub(1) {
            // Every body's name goes on with an article word within its first words: the cheap
            // test first.
            if !(i + 1..(i + 2 + MAX_CHAIN).min(n)).any(|j| self.st.words[j].article) || !free(i, consumed) {
                continue;
            }
            let Some((skip, definite)) = self.facts(i).body_head else {
                continue;
            };
            let mut end = i + 1;
            if definite {
                // The article head, its adjectives, then a complement with ل and its article nouns.
                // A relative adjective no list holds ("الإدارية") names a body only with the field
                // after it: "الشركة الكورية" alone is a company described, not named.
                let mut described = false;
                while free(end, consumed) && end - i <= 2 && self.starts_body_name(self.st.word(end)) {
                    described |= !self.lex.body_adjectives.contains(self.st.word(end));
                    end += 1;
                }
                if end == i + 1 {
                    continue;
                }
                if free(end, consumed)
                    && self.st.word(end).starts_with('ل')
                    && self.st.word(end).chars().count() >= 4
                    && !self.lex.stop_words.contains(self.st.word(end))
                {
                    end = self.complement_end(end, i + 6, consumed);
                } else if let Some(listed) = self.listed_body_after_lam(end) {
                    // "الجمعية الوطنية للهلال الأحمر": a body named after a listed organization is a
                    // body of its own, not that organization.
                    let (mj, raw) = listed;
                    self.raws[raw].dead = true;
                    end = self.matches[mj].last;
                } else if described {
                    continue;
                }
            } else {
                // Indefinite nouns in construct, then the definite noun that ends the chain.
                let mut chain = end;
                while chain - end < MAX_CHAIN && chain_word(chain, consumed) && !article(chain) {
                    chain += 1;
                }
                if chain > end
                    && free(chain, consumed)
                    && article(chain)
                    && !self.st.word(chain).starts_with('و')
                {
                    end = chain + 1;
                } else if free(end, consumed) && article(end) && !self.st.word(end).starts_with('و') {
                    // "وزارة والداخلية" starts no name: its first noun has no «و».
                    end += 1;
                } else {
                    continue;
                }
                while free(end, consumed) && end - i <= MAX_NOUNS + MAX_CHAIN && self.goes_on_definite(end) {
                    end += 1;
                }
            }
            // "المكلفة بقضايا الفساد": a participle of competence takes its field after ب.
            if self.lex.body_competence.contains(self.st.word(end - 1))
                && free(end, consumed)
                && self.st.word(end).starts_with('ب')
                && self.st.word(end).chars().count() >= 4
            {
                end = self.complement_end(end, end + 4, consumed);
            }
            let (end, seat) = self.seat_end(end, consumed);
            if let Some(raw) = seat {
                self.raws[raw].dead = true;
            }
            let start = self.st.words[i].start + skip;
            let last = self.st.words[end - 1].end;
            consumed[i..end].iter_mut().for_each(|c| *c = true);
            self.raws.push(Raw::new_name(
                self.span(start, last),
                self.st.text[start..last].to_string(),
                EntityType::Organization,
                MatchKind::Title,
            ));
        }
    }

    /// True when folded word `w` may follow a body's head with the article as its adjective: a
    /// listed one ("الوطنية"، "العليا") or a relative adjective in ي or ية ("الإدارية"، "الولائية"،
    /// "الفرعية"), not an ordinal ("الثانية"), a function word ("الحالي") or a participle of
    /// competence ("المعنية", which points back at a body named before).
    fn starts_body_name(&self, w: &str) -> bool {
        /// Fewest letters of a relative adjective, its article included ("البلدي").
        const NISBA_LETTERS: usize = 6;
        if self.lex.body_adjectives.contains(w) {
            return true;
        }
        w.starts_with("ال")
            && (w.ends_with('ي') || w.ends_with("يه"))
            && w.chars().count() >= NISBA_LETTERS
            && !self.lex.stop_words.contains(w)
            && !self.lex.body_competence.contains(w)
            && crate::lexical::numbers::lexicon().ordinal_part(w).is_none()
    }

    /// The end of a body's name with where it sits, after «ب» ("المحكمة الابتدائية بالمنستير"،
    /// "اللجنة الجهوية بعين الصفا"): a listed place, or a common noun that opens a place's name
    /// and the word after it (with the listed place's mention, which the name takes). Otherwise
    /// `end`.
    fn seat_end(&self, end: usize, consumed: &[bool]) -> (usize, Option<usize>) {
        let n = self.st.words.len();
        let Some(rest) = (end < n).then(|| self.st.word(end).strip_prefix('ب')).flatten() else {
            return (end, None);
        };
        if let Some(mj) = self.slot[end] {
            let Some(raw) = self.raw_of[mj] else {
                return (end, None);
            };
            let r = &self.raws[raw];
            if self.matches[mj].first == end
                && r.kind == EntityType::Place
                && r.form == MentionForm::Name
                && !r.dead
            {
                return (self.matches[mj].last, Some(raw));
            }
            return (end, None);
        }
        let next_free = end + 1 < n && self.is_free(end + 1, consumed) && !consumed[end];
        if next_free
            && self.lex.place_particles.contains(rest)
            && !self.lex.stop_words.contains(self.st.word(end + 1))
        {
            return (end + 2, None);
        }
        (end, None)
    }

    /// The listed organization right after ل at word `at` ("للهلال الأحمر"، "للأمم المتحدة"), as
    /// its phrase match and its mention.
    fn listed_body_after_lam(&self, at: usize) -> Option<(usize, usize)> {
        let mj = self.slot.get(at).copied().flatten()?;
        let raw = self.raw_of[mj]?;
        let r = &self.raws[raw];
        (self.matches[mj].first == at
            && self.st.word(at).starts_with('ل')
            && r.kind == EntityType::Organization
            && r.form == MentionForm::Name
            && !r.dead)
            .then_some((mj, raw))
    }

    /// The end of a complement after a preposition glued to word `at` ("للتأمينات"، "لمكافحة
    /// الفساد"، "بقضايا الفساد"), at most up to word `limit`: an indefinite complement is in construct
    /// with the article noun after it; then only adjectives and conjuncts go on.
    pub(super) fn complement_end(&self, at: usize, limit: usize, consumed: &[bool]) -> usize {
        let n = self.st.words.len();
        let free = |j: usize| {
            j < n && self.slot[j].is_none() && !consumed[j] && self.st.words[j].kind == WordKind::Letters
        };
        let word = self.st.word(at);
        let definite = word.starts_with("لل") || word.starts_with("بال");
        let mut end = at + 1;
        if !definite
            && free(end)
            && self.st.word(end).starts_with("ال")
            && !self.lex.stop_words.contains(self.st.word(end))
        {
            end += 1;
        }
        while end < limit && free(end) && self.goes_on_definite(end) {
            end += 1;
        }
        end
    }

    /// True when word `j` may follow a definite noun inside a body's name: an adjective in ي or
    /// ية or a listed one ("للتأمينات الاجتماعية"، "المجلس الأعلى"), or an article noun after «و»
    /// ("للثقافة والفنون"); not another noun ("أحال المجلس الأعلى للتعليم الملف").
    fn goes_on_definite(&self, j: usize) -> bool {
        let w = self.st.word(j);
        if self.lex.stop_words.contains(w) {
            return false;
        }
        if w.starts_with("وال") {
            return true;
        }
        w.starts_with("ال")
            && (w.ends_with('ي')
                || w.ends_with("يه")
                || w.ends_with("يات")
                || w.ends_with("يين")
                || self.lex.body_adjectives.contains(w)
                || self.lex.institution_adjectives.contains(w)
                || self.lex.body_competence.contains(w))
    }

    /// Institutions named by a head noun and a nationality adjective ("وزارة الخارجية
    /// البرازيلية"): one organization mention instead of a bare adjective.
    pub(super) fn institutions(&mut self, consumed: &mut [bool]) {
        let n = self.st.words.len();
        for i in 0..n {
            if !self.is_free(i, consumed) {
                continue;
            }
            // Up to two article nouns, then the adjective: looked for before the head noun is
            // looked up, as nearly every word has no nationality adjective after it.
            let mut k = i + 1;
            while k < n && k - i <= 2 && self.slot[k].is_none() && !consumed[k] && self.st.words[k].article {
                k += 1;
            }
            let Some(adj) = self.slot.get(k).copied().flatten().and_then(|mj| self.raw_of[mj]) else {
                continue;
            };
            if self.raws[adj].form != MentionForm::Adjective {
                continue;
            }
            let Some(skip) = listed_at(self.st.word(i), &self.lex.institutions) else {
                continue;
            };
            let start = self.st.words[i].start + skip;
            let mut last = self.matches[self.slot[k].unwrap_or_default()].last;
            self.raws[adj].dead = true;
            // More nationality adjectives ("الأردنية الموريتانية") and feminine article
            // adjectives agreeing with a feminine head ("اللجنة ... المشتركة").
            while let Some(next) = self
                .slot
                .get(last)
                .copied()
                .flatten()
                .and_then(|mj| self.raw_of[mj])
                && self.raws[next].form == MentionForm::Adjective
            {
                self.raws[next].dead = true;
                last = self.matches[self.slot[last].unwrap_or_default()].last;
            }
            let feminine_head = self.st.ends_in_taa(i);
            let mut agreeing = 0;
            while feminine_head
                && agreeing < 2
                && last < n
                && self.slot[last].is_none()
                && !consumed[last]
                && self.st.word(last).starts_with("ال")
                && self.st.ends_in_taa(last)
            {
                consumed[last] = true;
                last += 1;
                agreeing += 1;
            }
            let end = self.st.words[last - 1].end;
            consumed[i..k].iter_mut().for_each(|c| *c = true);
            self.raws.push(Raw::new_name(
                self.span(start, end),
                self.st.text[start..end].to_string(),
                EntityType::Organization,
                MatchKind::Title,
            ));
            (i..last).for_each(|j| self.institution[j] = Some(last));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::{EntityType, Gazetteer, find_entities};
    use isnad_parser::{ParseOptions, parse_document};

    /// The organizations found in a body sentence under a headline.
    fn organizations(body: &str) -> Vec<String> {
        let text = format!("خبر عن الأحداث الجارية اليوم\n{body}\n");
        let (doc, _) = parse_document("t.txt", text.as_bytes(), &ParseOptions::default()).unwrap();
        let found = find_entities(&doc, &Gazetteer::builtin());
        (found.mentions.iter())
            .filter(|m| m.kind == EntityType::Organization)
            .map(|m| m.text.to_string())
            .collect()
    }

    #[test]
    fn a_head_with_the_article_and_a_relative_adjective_names_a_body() {
        assert_eq!(
            organizations("وأعلنت اللجنة الجهوية لمراقبة الأسعار نتائج حملتها."),
            ["اللجنة الجهوية لمراقبة الأسعار"]
        );
        assert_eq!(
            organizations("وطعن المترشح أمام المحكمة الإدارية في الحكم."),
            ["المحكمة الإدارية"]
        );
        assert_eq!(
            organizations("وقالت النقابة المهنية للصيادلة إن الأدوية متوفرة."),
            ["النقابة المهنية للصيادلة"]
        );
    }

    /// Units and services are bodies too, and an institution's word ("الأمن") names their field.
    #[test]
    fn services_departments_and_branches_are_bodies() {
        assert_eq!(
            organizations("وتمكنت قوة من جهاز الأمن الوطني من استعادة الشاحنة."),
            ["جهاز الأمن الوطني"]
        );
        assert_eq!(
            organizations("وراجعت دائرة الأراضي والمساحة سجلات القطعة، فيما حققت شعبة المعلومات في البلاغ."),
            ["دائرة الأراضي والمساحة", "شعبة المعلومات"]
        );
    }

    #[test]
    fn where_a_body_sits_after_ba_is_part_of_its_name() {
        assert_eq!(
            organizations("وأعلنت اللجنة الجهوية للانتخابات بعين الصفا مساء الأحد النتائج."),
            ["اللجنة الجهوية للانتخابات بعين الصفا"]
        );
    }

    #[test]
    fn an_ordinal_a_participle_or_a_bare_description_names_no_body() {
        assert!(organizations("وعقدت اللجنة الثانية اجتماعها أمس.").is_empty());
        assert!(organizations("وطالب النواب الوزارة المعنية بالرد.").is_empty());
        // A company described by where it works, and "for the first time" is no field.
        assert!(organizations("وفازت الشركة الجنوبية للمرة الأولى بالعقد.").is_empty());
    }

    #[test]
    fn institutions_every_state_has_are_organizations() {
        assert_eq!(
            organizations("وتمكنت فرق الدفاع المدني من إخماد الحريق، فيما فتحت النيابة العمومية تحقيقا."),
            ["الدفاع المدني", "النيابة العمومية"]
        );
        assert_eq!(
            organizations("وأنقذ خفر السواحل ثلاثة صيادين وسلمهم إلى الدرك الوطني."),
            ["خفر السواحل", "الدرك الوطني"]
        );
    }
}
