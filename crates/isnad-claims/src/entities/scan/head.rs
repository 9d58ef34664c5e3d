//! Names after a head noun ("شركة X", "قرية X"): quoted names, places, institutions and teams.

use super::{Raw, Scan};
use crate::entities::index::Payload;
use crate::entities::lexicon::Head;
use crate::entities::text::WordKind;
use crate::entities::types::{EntityType, MatchKind};

impl Scan<'_> {
    pub(super) fn head_rule(&mut self, mi: usize, head: Head, consumed: &mut [bool]) {
        let m = &self.matches[mi];
        // "منطقة الحادث": a place described by what happened there has no name here.
        if m.last < self.st.words.len() && self.lex.event_complements.contains(self.st.word(m.last)) {
            return;
        }
        let (k, _, _, _) = self.complements(m.last);
        if k >= self.st.words.len() {
            return;
        }
        // "عين" may be read as a verb ("appointed"); after a place head it opens the name.
        if self.slot[k].is_some() {
            if let Some(run) = self.place_name(k, head, consumed) {
                self.push_headed(mi, head, run, consumed);
            }
            return;
        }
        if let Some(run) = self
            .quoted_name(k, consumed)
            .or_else(|| self.named_for_its_field(k, head, consumed))
            .or_else(|| self.named_institution(k, head, consumed))
            .or_else(|| self.place_name(k, head, consumed))
        {
            self.push_headed(mi, head, run, consumed);
            return;
        }
        // Nouns ending in ة or ات after a head are common nouns ("قرية حدودية"), not names; but a
        // word in ة agrees only with a feminine head: after a masculine one it is the name the head
        // governs ("ميناء سردانة").
        let feminine_head = self.st.text[self.matches[mi].start..self.matches[mi].end].ends_with('ه');
        let mut run = self.name_run(k, 4, consumed, false);
        if run.is_empty()
            && !feminine_head
            && !head.article
            && self.is_free(k, consumed)
            && self.st.ends_in_taa(k)
            && !self.st.word(k).starts_with('و')
            && self.is_name_word_at(k, false)
        {
            run = k..k + 1;
        }
        // "فريق الوداد الرياضي", "فريق نهضة بركان": a team's name may start with the article or a
        // noun in ة; then come a nisba ("الرياضي") or, after a bare first word, one name word.
        if head.article && run.is_empty() {
            let n = self.st.words.len();
            let usable = |j: usize| {
                // Field by field, not `is_free`: the raws are changed while this is in use.
                j < n
                    && self.slot[j].is_none()
                    && !consumed[j]
                    && self.st.words[j].kind == WordKind::Letters
                    && !self.lex.stop_words.contains(self.st.word(j))
                    && !self.st.word(j).starts_with('و')
            };
            let mut j = k;
            if usable(k) {
                j = k + 1;
                let first_bare = !self.st.word(k).starts_with("ال");
                // "نهضة سطيف": a team named after its town takes the town's name in.
                let town = (j < n)
                    .then(|| self.slot[j])
                    .flatten()
                    .filter(|&mj| self.matches[mj].first == j)
                    .and_then(|mj| self.raw_of[mj].map(|r| (mj, r)))
                    .filter(|&(_, r)| self.raws[r].kind == EntityType::Place);
                if first_bare && let Some((mj, r)) = town {
                    self.raws[r].dead = true;
                    j = self.matches[mj].last;
                } else if first_bare && usable(j) && self.is_name_word_at(j, false) {
                    j += 1;
                }
                while usable(j) && j - k < 3 && self.family_name(j, consumed, true) {
                    j += 1;
                }
            }
            if j > k {
                consumed[k..j].iter_mut().for_each(|c| *c = true);
                let span = self.words_span(k, j);
                let key = self.st.words_text(k, j).to_string();
                self.raws.push(Raw {
                    title: Some(self.span(m.start, m.end)),
                    ..Raw::new_name(span, key, head.kind, MatchKind::Title)
                });
            }
            return;
        }
        // An accusative adjective with words after it ("مستشفى ميدانياً قرب"; a word in ا may be a
        // name: "كاراغندا صباحا") or, after the first word, a word in و ("وادي أمليل ويخلف قتلى") is no
        // part of the name either.
        let end = run.end;
        let plain = (run.start..run.end)
            .take_while(|&j| {
                let w = self.st.word(j);
                let common_noun = (feminine_head && w.ends_with('ه')) || w.ends_with("ات");
                // Words after it: in the run or a function word past it ("ميدانياً قرب").
                let followed = j + 1 < end
                    || self.st.words.get(j + 1).is_some_and(|next| {
                        next.kind == WordKind::Letters && self.lex.stop_words.contains(self.st.word(j + 1))
                    });
                let accusative = followed && w.ends_with("يا") && w.chars().count() >= 5;
                let conjunct = j > run.start && w.starts_with('و');
                !(common_noun || accusative || conjunct)
            })
            .count();
        run.end = run.start + plain;
        // "حي كوم السلطان"، "قرية ميت الغرباوي"، "مستشفى شبرا الريحان العام": a bare word in
        // construct with an article noun is one place name; then an adjective may close it.
        let place_like =
            head.kind == EntityType::Place || (head.kind == EntityType::Organization && head.keep);
        if place_like && (1..=2).contains(&run.len()) && self.construct_noun(run.end, feminine_head, consumed)
        {
            run.end += 1;
            let adjectives = if head.kind == EntityType::Place {
                &self.lex.place_adjectives
            } else {
                &self.lex.institution_adjectives
            };
            if run.end < self.st.words.len()
                && self.is_free(run.end, consumed)
                && adjectives.contains(self.st.word(run.end))
            {
                run.end += 1;
            }
            self.push_headed(mi, head, run, consumed);
            return;
        }
        // An institution's adjective closes its name, whatever follows ("مصرف نيراب المركزي رفع
        // سعر …").
        let adjective = (head.kind == EntityType::Organization)
            .then(|| {
                (run.start + 1..run.end).find(|&j| self.lex.institution_adjectives.contains(self.st.word(j)))
            })
            .flatten();
        let mut run = match adjective {
            Some(adjective) => run.start..adjective + 1,
            None => self.bounded(run, true),
        };
        // "بنك الاستثمار هيلمان كابيتال": a head with a definite complement, then the name.
        if run.is_empty() && !head.keep {
            run = self.after_complement(k, head.kind, consumed);
        }
        if run.is_empty() {
            return;
        }
        self.push_headed(mi, head, run, consumed);
    }

    /// True when article word `j`, right after a head's bare name word, is a noun in construct
    /// with it ("كوم السلطان"، "ميت الغرباوي") rather than an adjective of the head: not listed
    /// as an adjective or function word, no elative ("الأكبر") or participle ("المنكوب"), and not
    /// agreeing with a feminine head by ة ("مدينة X الساحلية") nor with a masculine one by a
    /// nisba ("حي X الشعبي"); a title is a noun here ("باب السلطان"). The name must end after it.
    fn construct_noun(&self, j: usize, feminine_head: bool, consumed: &[bool]) -> bool {
        let n = self.st.words.len();
        if j >= n || consumed[j] || self.st.words[j].kind != WordKind::Letters {
            return false;
        }
        // A title is a noun here ("باب السلطان"); any other phrase is no construct noun.
        let title_only = |mj: usize| {
            let m = &self.matches[mj];
            m.first == j && m.last == j + 1 && m.payloads.iter().all(|p| matches!(p, Payload::Title(_)))
        };
        if self.slot[j].is_some_and(|mj| !title_only(mj)) {
            return false;
        }
        let w = self.st.word(j);
        let lex = self.lex;
        let Some(stem) = w.strip_prefix("ال") else {
            return false;
        };
        let letters = stem.chars().count();
        let listed = lex.stop_words.contains(w)
            || lex.place_adjectives.contains(w)
            || lex.institution_adjectives.contains(w)
            || lex.body_adjectives.contains(w)
            || lex.title_modifiers.contains(w)
            || lex.place_common_complements.contains(w)
            || lex.event_complements.contains(w);
        let elative = letters == 4 && stem.starts_with('ا');
        let participle = letters >= 4 && stem.starts_with('م');
        let agreeing = if feminine_head {
            self.st.ends_in_taa(j)
        } else {
            stem.ends_with('ي')
        };
        // A sound plural is a group of people ("مخيم النازحين") or a common noun ("حي الجامعات").
        let plural = sound_plural(stem) || stem.ends_with("ات");
        !(listed || elative || participle || agreeing || plural || letters < 3)
            && self.ends_after_construct(j + 1)
    }

    /// True when a place's name may end before word `j`: the sentence ends, punctuation, a
    /// function word, a word led by و or a preposition, or an adjective of the name.
    pub(super) fn ends_after_construct(&self, j: usize) -> bool {
        let Some(word) = self.st.words.get(j) else {
            return true;
        };
        if word.kind != WordKind::Letters || self.slot[j].is_some() {
            return true;
        }
        let w = self.st.word(j);
        let lex = self.lex;
        lex.stop_words.contains(w)
            || w.starts_with(['و', 'ب', 'ل', 'ف'])
            || lex.place_adjectives.contains(w)
            || lex.institution_adjectives.contains(w)
            || lex.name_followers.contains(w)
            || lex.reporting_verbs.contains(w)
    }

    /// A name in quotation marks right after a head ("شركة "نوردلينك" للشحن"): its words, at most
    /// four, up to the closing mark.
    fn quoted_name(&self, k: usize, consumed: &[bool]) -> Option<std::ops::Range<usize>> {
        const MAX_WORDS: usize = 4;
        let n = self.st.words.len();
        if !self.lex.name_quotes.contains(self.st.word(k)) {
            return None;
        }
        let close =
            (k + 1..(k + 2 + MAX_WORDS).min(n)).find(|&j| self.lex.name_quotes.contains(self.st.word(j)))?;
        let words = k + 1..close;
        let all_free = words
            .clone()
            .all(|j| self.st.words[j].kind != WordKind::Punct && !consumed[j] && self.slot[j].is_none());
        (!words.is_empty() && all_free).then_some(words)
    }

    /// After a company's head, a name of one to three words and the field it works in after «لل»
    /// ("مجموعة الفيروز للتجارة"، "شركة البناء الحديث للمقاولات العامة"): the field, with its
    /// adjectives and a second field after «و», says that the words before it are a name, even
    /// article words that alone would be a description ("شركة البناء"). People it deals with
    /// ("للمستثمرين") are no field.
    fn named_for_its_field(&self, k: usize, head: Head, consumed: &[bool]) -> Option<std::ops::Range<usize>> {
        const MAX_NAME_WORDS: usize = 3;
        if head.kind != EntityType::Organization {
            return None;
        }
        let n = self.st.words.len();
        let name_word = |j: usize| {
            if j >= n {
                return false;
            }
            let w = self.st.word(j);
            self.is_free(j, consumed)
                && !w.starts_with(['و', 'ل'])
                && if w.starts_with("ال") {
                    !self.lex.stop_words.contains(w) && !self.lex.titles.contains_key(w)
                } else {
                    self.is_name_word_at(j, false)
                }
        };
        // After an article word only article words go on: a bare word opens another phrase
        // ("في مركز الساحلية مصنع النور للسكر").
        let mut j = k;
        while j - k < MAX_NAME_WORDS
            && name_word(j)
            && (j == k || !self.st.word(j - 1).starts_with("ال") || self.st.word(j).starts_with("ال"))
        {
            j += 1;
        }
        let field = self.st.words.get(j).map(|_| self.st.word(j))?;
        let stem = field.strip_prefix("لل")?;
        if j == k || !self.is_free(j, consumed) || stem.chars().count() < 3 || sound_plural(stem) {
            return None;
        }
        Some(k..self.complement_end(j, j + 4, consumed))
    }

    /// After a head that is part of the name, an article word and an adjective an institution's
    /// name ends with ("مستشفى الزيتونة العام"): the name with its adjective.
    fn named_institution(&self, k: usize, head: Head, consumed: &[bool]) -> Option<std::ops::Range<usize>> {
        let n = self.st.words.len();
        if !head.keep || k + 1 >= n {
            return None;
        }
        let w = self.st.word(k);
        let usable =
            |j: usize| self.st.words[j].kind == WordKind::Letters && !consumed[j] && self.slot[j].is_none();
        (usable(k)
            && usable(k + 1)
            && w.starts_with("ال")
            && w.chars().count() >= 5
            && !self.lex.stop_words.contains(w)
            && self.lex.institution_adjectives.contains(self.st.word(k + 1)))
        .then_some(k..k + 2)
    }

    /// After a place head, a name the general run does not take: a common noun that opens a
    /// place's name with the word after it ("عين الخير"، "رأس الوادي") or one article word that is
    /// no description of the place ("قرية المنارة", not "مخيم اللاجئين"), then an adjective the
    /// name may end with ("سد الوحدة الأعلى").
    fn place_name(&self, k: usize, head: Head, consumed: &[bool]) -> Option<std::ops::Range<usize>> {
        // An institution named with its head takes a place's name that opens with a common noun
        // ("مستشفى بئر السلام العام"); nothing else here.
        let institution = head.kind == EntityType::Organization && head.keep;
        if head.kind != EntityType::Place && !institution {
            return None;
        }
        let n = self.st.words.len();
        let lex = self.lex;
        let usable = |j: usize| {
            j < n
                && self.st.words[j].kind == WordKind::Letters
                && !consumed[j]
                && self.slot[j].is_none()
                && !lex.stop_words.contains(self.st.word(j))
        };
        let w = self.st.word(k);
        let particle = lex.place_particles.contains(w)
            && !consumed[k]
            && self.slot[k].is_none_or(|mj| {
                self.matches[mj].last == k + 1
                    && self.matches[mj].payloads.iter().all(|p| *p == Payload::Verb)
            });
        if !(particle || usable(k)) {
            return None;
        }
        let mut end = if particle {
            if !usable(k + 1) || self.st.word(k + 1).starts_with('و') {
                return None;
            }
            k + 2
        } else if institution {
            return None;
        } else if let Some(stem) = w.strip_prefix("ال")
            && stem.chars().count() >= 3
            // A sound masculine plural is a group of people ("مخيم النازحين"), not a place.
            && !sound_plural(stem)
            && !lex.place_common_complements.contains(w)
            && !lex.titles.contains_key(w)
            && !lex.heads.contains_key(stem)
            && !lex.place_adjectives.contains(w)
        {
            k + 1
        } else {
            return None;
        };
        let adjectives = if institution {
            &lex.institution_adjectives
        } else {
            &lex.place_adjectives
        };
        // The adjective may be a function word elsewhere ("العام").
        if end < n
            && self.st.words[end].kind == WordKind::Letters
            && !consumed[end]
            && self.slot[end].is_none()
            && (adjectives.contains(self.st.word(end))
                || (!institution && colour_adjective(self.st.word(end))))
        {
            end += 1;
        }
        Some(k..end)
    }

    /// "بنك الاستثمار هيلمان كابيتال": after one or two article words that complete the head,
    /// a name of words without the article, up to a boundary.
    fn after_complement(&self, k: usize, kind: EntityType, consumed: &[bool]) -> std::ops::Range<usize> {
        let n = self.st.words.len();
        let complement = |j: usize| {
            j < n
                && self.st.words[j].kind == WordKind::Letters
                && !consumed[j]
                && self.slot[j].is_none()
                && self.st.word(j).starts_with("ال")
                && !self.lex.stop_words.contains(self.st.word(j))
        };
        let mut j = k;
        while complement(j) && j - k < 2 {
            j += 1;
        }
        // "شركة النفط الوطنية": the complement with the institution's adjective is the name
        // ("شبكة المياه العامة" is no outlet).
        if kind == EntityType::Organization
            && let Some(adjective) =
                (k + 1..j).find(|&a| self.lex.institution_adjectives.contains(self.st.word(a)))
        {
            return k..adjective + 1;
        }
        if j == k || j >= n {
            return k..k;
        }
        self.bounded(self.name_run(j, 3, consumed, false), true)
    }

    /// Records the name `run` found after head match `mi`.
    fn push_headed(&mut self, mi: usize, head: Head, run: std::ops::Range<usize>, consumed: &mut [bool]) {
        let m = &self.matches[mi];
        // "مصرف نيراب المركزي": an adjective of the institution agrees with the head, so the head
        // is part of the name ("شركة X" alone is a label).
        let keep = head.keep
            || (head.kind == EntityType::Organization
                && self
                    .lex
                    .institution_adjectives
                    .contains(self.st.word(run.end - 1)));
        let start = if keep {
            m.start
        } else {
            self.st.words[run.start].start
        };
        let end = self.st.words[run.end - 1].end;
        let span = self.span(start, end);
        let key = if keep {
            format!(
                "{} {}",
                &self.st.text[m.start..m.end],
                self.st.words_text(run.start, run.end)
            )
        } else {
            self.st.words_text(run.start, run.end).to_string()
        };
        consumed[run].iter_mut().for_each(|c| *c = true);
        self.raws.push(Raw {
            title: (!keep).then(|| self.span(m.start, m.end)),
            ..Raw::new_name(span, key, head.kind, MatchKind::Title)
        });
    }
}

/// True for a stem with the ending of a sound masculine plural ("نازحين"، "مواطنون"), not a
/// broken plural of the pattern فواعيل that ends in ين by its root ("طواحين"، "بساتين").
fn sound_plural(stem: &str) -> bool {
    let letters: Vec<char> = stem.chars().collect();
    let broken = letters.len() == 6 && letters[2] == 'ا' && letters[4] == 'ي';
    // "تعدين"، "تأمين"، "تخزين": verbal nouns shaped تفعيل end in ين too.
    let tafil = letters.len() == 5 && letters[0] == 'ت' && letters[3] == 'ي';
    (stem.ends_with("ين") || stem.ends_with("ون")) && !broken && !tafil
}

/// "الأحمر"، "البيضاء": an adjective of colour (أفعل، فعلاء), which may end a place's name ("الكدية
/// البيضاء"، "الجبل الأخضر").
fn colour_adjective(word: &str) -> bool {
    let Some(stem) = word.strip_prefix("ال") else {
        return false;
    };
    let letters: Vec<char> = stem.chars().collect();
    match letters.as_slice() {
        ['ا', _, _, last] => !matches!(last, 'ه' | 'ي' | 'ا'),
        [_, _, _, 'ا', 'ء'] => true,
        _ => false,
    }
}
