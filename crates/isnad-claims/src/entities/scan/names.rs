//! Which words make a name: name-word tests, runs of name words and where a name must end.

use super::Scan;
use crate::entities::index::Payload;
use crate::entities::lexicon::Lexicon;
use crate::entities::text::WordKind;
use crate::entities::types::MentionForm;

/// Whether folded word `w` may be part of a name as far as the lexicon tells, whatever stands
/// before it (see [`Scan::is_name_word`]): read once per distinct word of the scan's memo.
pub(super) fn may_be_name_word(lex: &Lexicon, w: &str) -> bool {
    if w.chars().count() < 2 || w.chars().any(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    if lex.stop_words.contains(w)
        || lex.reporting_verbs.contains(w)
        || lex.titles.contains_key(w)
        || lex.is_verbal_noun(w)
        || lex.is_derived_past_verb(w)
        || crate::mentions::words::is_number_word(w)
    {
        return false;
    }
    if construct_plural(lex, w) || preposition_and_verbal_noun(w) {
        return false;
    }
    // "وأكد" is و + a stop word; "فيصل" is a name.
    if let Some(rest) = w.strip_prefix('و').or_else(|| w.strip_prefix('ف'))
        && (lex.stop_words.contains(rest) || lex.reporting_verbs.contains(rest))
        && !lex.conjunction_given_names.contains(w)
    {
        return false;
    }
    !reporting_verb_with_object(lex, w)
}

/// True for «ب» or «ل» glued to a verbal noun of the derived forms that open on alef ("بإغلاق"،
/// "لاعتقال"، "باستئناف": إفعال، افتعال، استفعال), the object of a verb after a title ("أمر الوزير
/// بإغلاق"), never a name ("بإسماعيل" has no such pattern).
fn preposition_and_verbal_noun(w: &str) -> bool {
    let Some(rest) = w
        .strip_prefix(['و', 'ف'])
        .unwrap_or(w)
        .strip_prefix(['ب', 'ل'])
        .filter(|rest| rest.starts_with('ا'))
    else {
        return false;
    };
    let letters: Vec<char> = rest.chars().collect();
    match letters.len() {
        // إفعال: "اغلاق"، "انشاء".
        5 => letters[3] == 'ا',
        // افتعال: "اعتقال"، "انتخاب".
        6 => letters[4] == 'ا' && !rest.starts_with("ال"),
        // استفعال: "استئناف"، "استقبال".
        7 => rest.starts_with("است") && letters[5] == 'ا',
        _ => false,
    }
}

/// True for a word that starts with the article, or with a letter before it ("للديوان" is ل +
/// the article with its alef elided; "والقرى" is و + the article).
fn article_led(w: &str) -> bool {
    w.starts_with("ال") || w.starts_with("لل") || w.starts_with("وال")
}

/// True for a reporting verb with its object pronoun ("قالها"، "أكده"): no name word, and where a
/// name before it ends.
fn reporting_verb_with_object(lex: &Lexicon, w: &str) -> bool {
    crate::lexical::lemma::PRONOUNS.iter().any(|p| {
        w.strip_suffix(p)
            .is_some_and(|rest| rest.chars().count() >= 3 && lex.reporting_verbs.contains(rest))
    })
}

/// True for a plural title or role noun in the construct state ("محللو"، "مسؤولو"): it names
/// whose people they are, not a person.
fn construct_plural(lex: &Lexicon, w: &str) -> bool {
    w.strip_suffix('و')
        .is_some_and(|stem| lex.titles.contains_key(stem) || lex.stop_words.contains(&format!("{stem}ون")))
}

impl Scan<'_> {
    /// True for a word that can be part of a name (an article before it only `after_particle`).
    pub(super) fn is_name_word(&self, w: &str, after_particle: bool) -> bool {
        (after_particle || !article_led(w)) && may_be_name_word(self.lex, w)
    }

    /// [`Scan::is_name_word`] of word `j` of the sentence, its lexicon tests read from the memo.
    /// A word with a case ending written out ("قراراً") is a noun in a clause, never a name.
    pub(super) fn is_name_word_at(&self, j: usize, after_particle: bool) -> bool {
        self.facts(j).name_word
            && (after_particle || !article_led(self.st.word(j)))
            && !self.st.has_tanween(j)
    }

    /// True for a plural title or role noun in the construct state (see [`construct_plural`]).
    pub(super) fn construct_plural(&self, w: &str) -> bool {
        construct_plural(self.lex, w)
    }

    /// The free name words from `k`, at most `max`; particles only inside the run. With
    /// `given_first` (after a title), a first word ending in ة followed by another name word is a
    /// given name ("حمزة", "أسامة") rather than a noun.
    pub(super) fn name_run(
        &self,
        k: usize,
        max: usize,
        consumed: &[bool],
        given_first: bool,
    ) -> std::ops::Range<usize> {
        self.name_run_after(k, max, consumed, given_first, false)
    }

    /// [`Self::name_run`] of the words after a name particle when `after_opener` ("بن سلامة": a
    /// word in ة right after it is a name, as inside a run; a word with the article is not).
    pub(super) fn name_run_after(
        &self,
        k: usize,
        max: usize,
        consumed: &[bool],
        given_first: bool,
        after_opener: bool,
    ) -> std::ops::Range<usize> {
        let n = self.st.words.len();
        let mut j = k;
        let mut after_particle = false;
        while j < n
            && j - k < max
            && (self.slot[j].is_none() || self.nisba_family(j, k, given_first))
            && !consumed[j]
        {
            if self.st.words[j].kind != WordKind::Letters {
                break;
            }
            let w = self.st.word(j);
            // "عطية الله"، "نصر الله": a word before «الله» makes one name with it, like عبد.
            let before_allah = j + 1 < n && self.st.word(j + 1) == "الله";
            let particle = self.lex.name_particles.contains(w) || before_allah;
            let family = self.family_name(j, consumed, j > k);
            // "إلياس": the alef carries a hamza, so «ال» is part of the name, not the article.
            // "الحبيب الزواري": a given name that takes the article, first after a title.
            let article_given = given_first && j == k && self.lex.article_given_names.contains(w);
            let no_article = after_particle || self.st.hamza_initial(j) || article_given;
            if !(particle || family || self.is_name_word_at(j, no_article)) {
                break;
            }
            // "بسجن رجل الأعمال X Y ست سنوات": a number word is past the name, and so is an
            // ordinal ("ويعد X Y ثالث لاعب"), but right after a particle ("آل ثاني").
            if j > k
                && (crate::mentions::words::is_number_word(w)
                    || (!after_particle && crate::mentions::words::may_start_ordinal(w)))
            {
                break;
            }
            // "ولاية أمن X توقيف 23 شخصاً": a word right before a figure governs it. Not after a
            // person's title: a person's name governs no figure ("بسجن الوزير X Y 12 سنة").
            if j > k
                && !given_first
                && self
                    .st
                    .words
                    .get(j + 1)
                    .is_some_and(|next| next.kind == WordKind::Digits)
            {
                break;
            }
            // "هند سلامه،": after a title and a given name, a word in ه where the name must end is
            // the family name written with ه, not a noun with a pronoun ("وصوله").
            let family_in_ha = given_first && j == k + 1 && !w.starts_with('و') && self.name_ends_at(j + 1);
            if self.possessive(j) && !family_in_ha {
                break;
            }
            // "العطار بتشكيل": a preposition-led word after an article family name is past the name
            // ("عبد اللطيف بنعمر،": not a family name joined to ابن where the name ends).
            if j > k
                && self.st.word(j - 1).starts_with("ال")
                && self.preposition_led(j)
                && !self.joined_ibn(j)
            {
                break;
            }
            // "و" + a noun with a possessive pronoun ("ونظيره") starts the next conjunct.
            if j > k
                && w.strip_prefix('و')
                    .is_some_and(|r| r.ends_with('ه') && r.chars().count() >= 4)
                && !self.st.ends_in_taa(j)
            {
                break;
            }
            // A word ending in ة is a noun or adjective, unless it is a listed given name, a
            // family name or (right after a title) another name word follows it.
            // After a title and a given name, a word in ة where the name must end is the family
            // name ("مساعدة المدير هند سلامة هي التي"، "النقيب سامر حلاوة، قائد …").
            let family_in_taa = given_first
                && j == k + 1
                && !self.st.ends_in_taa(k)
                && !w.starts_with('و')
                && self.name_ends_at(j + 1);
            let given = self.lex.taa_names.contains(w)
                || family
                || before_allah
                || self.joined_ibn(j)
                || family_in_taa
                || (given_first
                    && j == k
                    && !w.starts_with('و')
                    && (self.name_token(j + 1, consumed) || self.given_before_nisba(j, consumed)));
            let right_after_particle = after_particle || (after_opener && j == k);
            if !right_after_particle && self.st.ends_in_taa(j) && !given {
                break;
            }
            after_particle = particle;
            j += 1;
        }
        while j > k && self.lex.name_particles.contains(self.st.word(j - 1)) {
            j -= 1;
        }
        // Alone it is the word it also is ("الأمين"، "الطيب"): a family name must follow.
        if j == k + 1 && given_first && self.lex.article_given_names.contains(self.st.word(k)) {
            return k..k;
        }
        k..j
    }

    /// True when word `j`, read as a nationality adjective ("المصري"، "السويدي"), is the family
    /// name of the given name at `k` after a title: right after it, where the name must end.
    fn nisba_family(&self, j: usize, k: usize, given_first: bool) -> bool {
        given_first
            && j == k + 1
            && self.slot[k].is_none()
            && self.slot[j].is_some_and(|mj| {
                let m = &self.matches[mj];
                m.first == j
                    && m.last == j + 1
                    && self.raw_of[mj].is_some_and(|r| self.raws[r].form == MentionForm::Adjective)
            })
            && self.st.word(j).starts_with("ال")
            && self.name_ends_at(j + 1)
    }

    /// True for a name word with the article: after a given name a nisba ("الحمايدي",
    /// "الشناوي") or a tribal plural ("الحمايدة", "الطراونة"); anywhere, an article word before a
    /// name particle ("محمد الأمين ولد ...", "الناني ولد أحمدو"). Other article words after a name are its object or an
    /// adjective ("التقى الوزير سامر الوفد").
    pub(super) fn family_name(&self, j: usize, consumed: &[bool], after_given: bool) -> bool {
        let w = self.st.word(j);
        let Some(stem) = w.strip_prefix("ال") else {
            return false;
        };
        let lex = self.lex;
        if lex.stop_words.contains(w) || lex.title_modifiers.contains(w) || lex.titles.contains_key(w) {
            return false;
        }
        let count = stem.chars().count();
        let nisba = count >= 3 && stem.ends_with('ي');
        let tribal = count == 6
            && stem.chars().nth(2) == Some('ا')
            && !stem.starts_with('م')
            && self.st.ends_in_taa(j);
        let before_particle = j + 2 < self.st.words.len()
            && self.st.words[j + 1].kind == WordKind::Letters
            && lex.name_particles.contains(self.st.word(j + 1))
            && self.name_token(j + 2, consumed);
        // "وزير النقل عادل النجار إن"، "محافظ الإقليم، منير الخياط،": after a given name, an
        // article word where the name must end (a comma, "إن", a preposition) is the family
        // name; an object or adjective goes on ("التقى الوزير سامر الوفد الأوروبي").
        // The given name must open the name: in "رامي يوسف فرق الإطفاء" the name ends before "فرق".
        // "عبد العزيز الراشد": عبد or أبو with an article word is one given name.
        let compound_given = j >= 2
            && self.slot[j - 1].is_none()
            && self.slot[j - 2].is_none()
            && self.st.words[j - 1].kind == WordKind::Letters
            && self.st.word(j - 1).starts_with("ال")
            && self.lex.compound_given_heads.contains(self.st.word(j - 2));
        let given = if compound_given {
            j - 2
        } else {
            j.saturating_sub(1)
        };
        let opens = given < 1
            || self.slot[given - 1].is_some()
            || self.st.words[given - 1].kind != WordKind::Letters
            || !self.is_name_word_at(given - 1, false)
            || self.lex.name_particles.contains(self.st.word(given - 1));
        let after_a_given_name = j > 0
            && opens
            && (compound_given
                || (self.slot[j - 1].is_none()
                    && self.st.words[j - 1].kind == WordKind::Letters
                    && self.is_name_word_at(j - 1, false)));
        let ends_the_name = count >= 3 && after_a_given_name && !self.st.ends_in_taa(j) && {
            // Not at the sentence's end: "ونفى الناطق X الخبر." ends on the verb's object.
            match self.st.words.get(j + 1) {
                None => false,
                Some(next) if next.kind != WordKind::Letters => matches!(self.st.word(j + 1), "،" | ","),
                Some(_) => {
                    let next = self.st.word(j + 1);
                    // "أمر الوزير سامر العطار بتشكيل لجنة"، "تمكن القائد ماهر الزين من": a
                    // preposition, alone or glued to a noun, ends the name too.
                    // "رئيس البلدية كريم الحلاق ومدير الأشغال": و + a title starts the next person.
                    let next_title = next.starts_with('و')
                        && self.slot[j + 1].is_some_and(|mj| {
                            self.matches[mj].first == j + 1
                                && self.matches[mj]
                                    .payloads
                                    .iter()
                                    .any(|p| matches!(p, Payload::Title(_)))
                        });
                    next_title
                        || (self.slot[j + 1].is_none()
                            && (lex.name_followers.contains(next)
                                || lex.reporting_verbs.contains(next)
                                || self.preposition_led(j + 1)))
                }
            }
        };
        // First in a name only before a particle ("الناني ولد أحمدو").
        (after_given && (nisba || tribal || ends_the_name)) || before_particle
    }

    /// True when a name may end before word `j`: the sentence ends, punctuation, a word that
    /// follows speakers' names, a pronoun of a cleft ("هي التي") or a preposition.
    pub(super) fn name_ends_at(&self, j: usize) -> bool {
        let Some(word) = self.st.words.get(j) else {
            return true;
        };
        if word.kind != WordKind::Letters {
            return matches!(self.st.word(j), "،" | "," | "." | ":");
        }
        let w = self.st.word(j);
        // "والوزيرة X ردت بأن": a verb the index knows ends it too.
        let verb =
            |mj: usize| self.matches[mj].first == j && self.matches[mj].payloads.contains(&Payload::Verb);
        match self.slot[j] {
            Some(mj) => verb(mj),
            None => {
                self.lex.name_followers.contains(w)
                    || self.lex.reporting_verbs.contains(w)
                    || matches!(w, "هي" | "هو")
                    || self.preposition_led(j)
            }
        }
    }

    /// True for "من" or a word led by a glued preposition ("بتشكيل"، "لإجراء"), which no name continues.
    fn preposition_led(&self, j: usize) -> bool {
        let w = self.st.word(j);
        w == "من" || (w.starts_with(['ب', 'ل']) && !w.starts_with("لل") && w.chars().count() >= 5)
    }

    /// True for a family name with بن ("son of") joined to it, as the Maghreb writes them
    /// ("بنعمر"، "بنكيران"), right after a name word and where the name ends: not ب + a noun
    /// ("بنشر صورة"، "بنسبة 5%"), which goes on to its complement.
    fn joined_ibn(&self, j: usize) -> bool {
        let w = self.st.word(j);
        j > 0
            && w.strip_prefix("بن").is_some_and(|rest| rest.chars().count() >= 3)
            && !self.possessive(j)
            && self.st.words[j - 1].kind == WordKind::Letters
            && self.name_ends_at(j + 1)
    }

    /// A long word ending in ه that is no ة carries a possessive pronoun ("وصوله", "حكومته").
    pub(super) fn possessive(&self, j: usize) -> bool {
        let w = self.st.word(j);
        // Foreign names end in يه ("أندريه"); possessives rarely do. The article and a pronoun
        // never meet on one noun ("ولد الداه").
        let singular = w.ends_with('ه') && !w.ends_with("يه") && !self.st.ends_in_taa(j);
        // "حكومتها"، "مكتبهم": a feminine or plural pronoun, on a noun of three letters or more.
        let other = ["ها", "هم", "هما"]
            .iter()
            .any(|p| w.strip_suffix(p).is_some_and(|stem| stem.chars().count() >= 3));
        (singular || other) && !w.starts_with("ال") && w.chars().count() >= 5
    }

    /// True when word `j` is a free word that can be part of a name and is no noun in ة.
    fn name_token(&self, j: usize, consumed: &[bool]) -> bool {
        if j >= self.st.words.len()
            || self.slot[j].is_some()
            || consumed[j]
            || self.st.words[j].kind != WordKind::Letters
        {
            return false;
        }
        let w = self.st.word(j);
        !self.possessive(j)
            && (self.lex.name_particles.contains(w) || self.is_name_word_at(j, false))
            && (!self.st.ends_in_taa(j) || self.lex.taa_names.contains(w))
    }

    /// True when word `j` can end a name: the sentence ends, or punctuation, a phrase, a
    /// function word, a conjunction-led word or a digit follows.
    fn is_boundary(&self, j: usize, objects: bool) -> bool {
        let Some(word) = self.st.words.get(j) else {
            return true;
        };
        if word.kind != WordKind::Letters || self.slot[j].is_some() {
            return true;
        }
        let w = self.st.word(j);
        self.lex.stop_words.contains(w)
            || self.lex.name_followers.contains(w)
            || reporting_verb_with_object(self.lex, w)
            || w.starts_with('و')
            || self.preposition_led(j)
            // "بسجن الوزير X Y خمس سنوات": a number ends a name.
            || crate::mentions::words::is_number_word(w)
            || (self.st.ends_in_taa(j) && !w.starts_with("ال"))
            // A case ending written out ("قراراً") marks a noun of the clause after the name.
            || self.st.has_tanween(j)
            // After a head noun ("بلدة X الأكثر", "مجموعة X القابضة") an article word agrees with
            // the head; after a title it may be a noun's complement ("أشغال اللجنة").
            || (objects && w.starts_with("ال"))
            || (objects && self.accusative(j))
    }

    /// An indefinite accusative ("اتفاقا", "رسميا") is an object or adverb after a name.
    fn accusative(&self, j: usize) -> bool {
        let w = self.st.word(j);
        let glides = w.chars().filter(|c| matches!(c, 'و' | 'ي')).count();
        w.ends_with('ا') && w.chars().count() >= 5 && glides <= 1 && self.lex.looks_foreign(w).is_none()
    }

    /// The longest prefix of a run that ends at a boundary ("مدير إدارة صناعة الذخائر" has none).
    /// With `objects`, an accusative noun after the name also ends it (after head nouns:
    /// "وقعت شركة X اتفاقا").
    pub(super) fn bounded(&self, run: std::ops::Range<usize>, objects: bool) -> std::ops::Range<usize> {
        let mut end = run.end;
        // After a name of two words or more, an article noun is its object ("... سيدي عالي
        // الاجتماع"); after one word it may be a noun's complement ("أشغال اللجنة").
        let object_after = |end: usize| {
            end - run.start >= 2 && end < self.st.words.len() && self.st.word(end).starts_with("ال")
        };
        while end > run.start
            && (!(self.is_boundary(end, objects) || object_after(end))
                || (objects && end - run.start > 1 && self.accusative(end - 1)))
        {
            end -= 1;
        }
        // "وافتتح الوزير نبيل الشامي قسم الطوارئ": after a family name with the article, a bare
        // noun in construct with an article noun is the verb's object, not more of the name.
        let n = self.st.words.len();
        if end - run.start >= 3
            && end < n
            && self.st.word(end).starts_with("ال")
            && self.st.word(end - 2).starts_with("ال")
            && !self.st.word(end - 1).starts_with("ال")
            && !self.lex.name_particles.contains(self.st.word(end - 1))
        {
            end -= 1;
        }
        run.start..end
    }
}
