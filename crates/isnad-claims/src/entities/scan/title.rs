//! Person names after a title ("الرئيس X") or a reporting verb ("وقال X"), and nameless role phrases.

use super::{Raw, Role, Scan, Target};
use crate::entities::index::Payload;
use crate::entities::text::WordKind;
use crate::entities::types::{EntityType, MatchKind, MentionForm};

impl Scan<'_> {
    /// A title in the construct state may govern a chain of nouns before the name: "مدير إدارة
    /// صناعة الذخائر X", "وزير الاقتصاد والمالية X", "المدير التنفيذي لمؤسسة X". From `from`
    /// (just after the title and its complements), skips nouns ending in ة and article nouns
    /// (with adjectives, countries or modifiers between them) and returns the name of two words
    /// or more after them, the end of the title phrase and a country named in it.
    fn after_chain(
        &self,
        title_definite: bool,
        from: usize,
        consumed: &[bool],
    ) -> Option<(std::ops::Range<usize>, usize, Option<u32>)> {
        let n = self.st.words.len();
        let (mut k, mut end, mut country, mut nouns) = (from, from, None, 0);
        for _ in 0..8 {
            if k >= n {
                break;
            }
            let free = self.is_free(k, consumed);
            let w = self.st.word(k);
            let lex = self.lex;
            // "رئيس بلدية عين الجوز X": a place named by a common noun of the land and an article
            // word is one noun of the chain, though the noun is also a verb ("عين").
            let toponym = self.facts(k).toponym_head
                || w.strip_prefix(['ب', 'ل'])
                    .is_some_and(|rest| lex.toponym_heads.contains(rest));
            if free
                && toponym
                && k + 1 < n
                && self.is_free(k + 1, consumed)
                && self.st.word(k + 1).starts_with("ال")
            {
                nouns += 1;
                k += 2;
                end = k;
                continue;
            }
            // A definite title ("الرئيس") governs no noun: only "لـ" + noun continues it.
            let article = w.starts_with("لل")
                || ((w.starts_with("ال") || w.starts_with("وال")) && (nouns > 0 || !title_definite));
            // "باسم الهيئة الفرعية سنية المازري": an indefinite word in ة before a masculine nisba
            // is a given name; the chain ends before it.
            let given_in_taa = !w.starts_with("ال") && self.given_before_nisba(k, consumed);
            let taa = self.st.ends_in_taa(k) && (nouns > 0 || !title_definite) && !given_in_taa;
            // Nouns listed as stop words may still be in the chain ("باسم الحكومة X", "باسم
            // هيئة الإنقاذ X").
            if free
                && (article || taa)
                && (!lex.stop_words.contains(w) || w.starts_with("ال") || taa)
                && !lex.reporting_verbs.contains(w)
                && !lex.titles.contains_key(w)
                && !lex.taa_names.contains(w)
                && !self.family_name(k, consumed, false)
            {
                nouns += 1;
                k += 1;
                end = k;
                continue;
            }
            // "رئيسة قائمته X": a noun with a possessive pronoun is definite and ends the chain.
            if free && self.possessive(k) && !lex.stop_words.contains(w) && !lex.titles.contains_key(w) {
                nouns += 1;
                k += 1;
                end = k;
                break;
            }
            let (k2, end2, c, _) = self.complements(k);
            if k2 > k && nouns > 0 {
                country = country.or(c);
                k = k2;
                end = end2;
                continue;
            }
            break;
        }
        if nouns == 0 {
            return None;
        }
        let run = self.bounded(self.name_run(k, 5, consumed, true), false);
        (run.len() >= 2).then_some((run, end, country))
    }

    /// Skips what may stand between a title and a name: nationality adjectives, a country or
    /// organization, modifiers. Returns (next word, end of the title phrase, country, adjective raws).
    pub(super) fn complements(&self, from: usize) -> (usize, usize, Option<u32>, Vec<usize>) {
        let n = self.st.words.len();
        let (mut k, mut end, mut country, mut adjectives) = (from, from, None, Vec::new());
        for _ in 0..6 {
            if k >= n {
                break;
            }
            if let Some(last) = self.institution[k] {
                k = last;
                end = k;
            } else if let Some(mj) = self.slot[k] {
                let Some(r) = self.raw_of[mj] else { break };
                let raw = &self.raws[r];
                let Target::Entries(ids) = &raw.target else { break };
                let entry = &self.entries[ids[0] as usize];
                let ok = raw.form == MentionForm::Adjective
                    || matches!(
                        entry.kind,
                        EntityType::Country
                            | EntityType::Organization
                            | EntityType::Agency
                            | EntityType::Place
                    );
                if !ok {
                    break;
                }
                if entry.kind == EntityType::Country && country.is_none() {
                    country = Some(ids[0]);
                }
                if raw.form == MentionForm::Adjective {
                    adjectives.push(r);
                }
                k = self.matches[mj].last;
                end = k;
            } else if self.st.words[k].kind == WordKind::Letters
                && self.lex.title_fields.contains(self.st.word(k))
            {
                // "لشؤون الصحة العامة": the field's definite nouns belong to the title.
                k += 1;
                let field_end = (k + 3).min(n);
                while k < field_end
                    && self.st.words[k].kind == WordKind::Letters
                    && self.st.word(k).starts_with("ال")
                    && !self.lex.stop_words.contains(self.st.word(k))
                {
                    k += 1;
                }
                end = k;
            } else if self.st.words[k].kind == WordKind::Letters
                && self.lex.title_modifiers.contains(self.st.word(k))
            {
                k += 1;
                end = k;
            } else {
                break;
            }
        }
        (k, end, country, adjectives)
    }

    /// True for a free definite relative adjective ("الطبي"، "الاقتصادية") that may qualify a title.
    fn title_adjective(&self, j: usize, consumed: &[bool]) -> bool {
        let w = self.st.word(j);
        self.is_free(j, consumed)
            && !self.lex.stop_words.contains(w)
            && w.strip_prefix("ال").is_some_and(|stem| {
                let stem = stem
                    .strip_suffix('ه')
                    .filter(|_| self.st.ends_in_taa(j))
                    .unwrap_or(stem);
                stem.chars().count() >= 3 && stem.ends_with('ي')
            })
    }

    /// True for a free article word shaped as a masculine nisba ("الكتاني"، "الحمايدي"): no
    /// listed modifier, title or function word.
    pub(super) fn masculine_nisba(&self, j: usize, consumed: &[bool]) -> bool {
        let w = self.st.word(j);
        self.is_free(j, consumed)
            && !self.st.ends_in_taa(j)
            && !self.lex.stop_words.contains(w)
            && !self.lex.title_modifiers.contains(w)
            && !self.lex.titles.contains_key(w)
            && w.strip_prefix("ال")
                .is_some_and(|stem| stem.chars().count() >= 3 && stem.ends_with('ي'))
    }

    /// True when word `j` may be a given name in ة because a masculine nisba follows it where a
    /// name ends ("رندة المازري إن"): the nisba cannot qualify a word in ة.
    pub(super) fn given_before_nisba(&self, j: usize, consumed: &[bool]) -> bool {
        j + 1 < self.st.words.len() && self.masculine_nisba(j + 1, consumed) && self.name_ends_at(j + 2)
    }

    /// True for a free article word that may stand inside a name ("المختار"، "الأمين"): no
    /// function word, title or title modifier.
    fn inner_article_word(&self, j: usize, consumed: &[bool]) -> bool {
        let w = self.st.word(j);
        self.is_free(j, consumed)
            && w.starts_with("ال")
            && w.chars().count() >= 4
            && !self.lex.stop_words.contains(w)
            && !self.lex.titles.contains_key(w)
            && !self.lex.title_modifiers.contains(w)
    }

    /// A name in commas after a title phrase ("…، خالد ناصر الفرحان،"): its name words up to
    /// the punctuation that closes it, an article word right before that punctuation being its
    /// family name; empty unless the name is closed there.
    fn apposition(&self, start: usize, consumed: &[bool]) -> std::ops::Range<usize> {
        let n = self.st.words.len();
        let closes = |j: usize| j >= n || self.st.words[j].kind != WordKind::Letters;
        const MAX_WORDS: usize = 5;
        let mut run = self.name_run(start, MAX_WORDS, consumed, true);
        // "…، محمد المختار ولد الداه،"، "…، حمود بن علي الشبلي،": closed by punctuation, a name may
        // hold an article word before more of its words.
        while !run.is_empty()
            && !closes(run.end)
            && run.end + 1 - start < MAX_WORDS
            && self.inner_article_word(run.end, consumed)
        {
            let rest = self.name_run(run.end + 1, MAX_WORDS - (run.end + 1 - start), consumed, false);
            if rest.is_empty() {
                break;
            }
            run.end = rest.end;
        }
        let family = run.len() >= 2
            && !closes(run.end)
            && self.is_free(run.end, consumed)
            && self.st.word(run.end).starts_with("ال")
            && !self.lex.stop_words.contains(self.st.word(run.end))
            && closes(run.end + 1);
        if family {
            run.end += 1;
        }
        if closes(run.end) { run } else { start..start }
    }

    pub(super) fn title_rule(&mut self, mi: usize, class: u16, consumed: &mut [bool]) {
        let m = &self.matches[mi];
        // "محامي X" is X's lawyer: a profession in the construct state names its holder only
        // after a definite complement ("محامي الشركة X") or a known name ("مدرب برشلونة X"); a
        // name right after it is whose the profession is, and often no name ("لاعب حر").
        let complement_next = || {
            m.last < self.st.words.len() && {
                let next = self.st.word(m.last);
                // A nationality after it is its adjective ("لاعب تونسي"), no complement.
                let known_name = self.slot[m.last].is_some_and(|mj| {
                    self.raw_of[mj].is_some_and(|r| self.raws[r].form != MentionForm::Adjective)
                });
                next.starts_with("ال") || next.starts_with("لل") || known_name
            }
        };
        if m.last == m.first + 1
            && self.lex.construct_titles.contains(self.st.word(m.first))
            && !complement_next()
        {
            return;
        }
        let descriptor = self.raw_of[mi].filter(|&r| self.raws[r].form == MentionForm::Descriptor);
        let (mut k, end, country, adjectives) = self.complements(m.last);
        // "عامل إقليم وادي أمليل": a title ending in a place head governs the place's name; the
        // holder's name may follow it in commas.
        let last_word = self.st.word(m.last - 1);
        if k == m.last
            && self
                .lex
                .heads
                .get(last_word)
                .is_some_and(|h| h.kind == EntityType::Place)
        {
            let place = self.bounded(self.name_run(k, 3, consumed, false), false);
            if !place.is_empty() {
                let span = self.words_span(place.start, place.end);
                let key = self.st.words_text(place.start, place.end).to_string();
                consumed[place.clone()].iter_mut().for_each(|c| *c = true);
                self.raws
                    .push(Raw::new_name(span, key, EntityType::Place, MatchKind::Title));
                k = place.end;
            }
        }
        let mut title_span = self.span(m.start, self.st.words[end - 1].end);
        let mut role = (class != u16::MAX).then_some(Role { class, country });
        let n = self.st.words.len();
        if k < n {
            if let Some(r) = self.slot[k].and_then(|mj| self.raw_of[mj])
                && self.raws[r].kind == EntityType::Person
                && self.raws[r].form == MentionForm::Name
            {
                self.raws[r].title = Some(title_span);
                self.raws[r].role = role;
                if let Some(d) = descriptor {
                    self.raws[d].dead = true;
                }
                return;
            }
            let mut run = self.bounded(self.name_run(k, 5, consumed, true), false);
            // "محافظ وادي السلام، خالد العمري،": a place's name after the title (it opens with a
            // common noun of place names), then the holder's name in commas.
            // "والي إينشيري، أحمد سالم ولد اعلي،": one word after the title, then a name of two
            // words or more in commas: the word is the title's complement (a place after a
            // territorial title), the name its holder.
            let holder = (run.len() == 1 && run.end < n && self.st.word(run.end) == "،")
                .then(|| self.apposition(run.end + 1, consumed))
                .filter(|r| r.len() >= 2);
            let territorial = self.lex.territorial_titles.contains(self.st.word(m.first));
            if let Some(holder) = holder.clone().filter(|_| !territorial) {
                title_span = self.span(m.start, self.st.words[run.end - 1].end);
                run = holder;
            }
            if !run.is_empty()
                && (self.lex.place_particles.contains(self.st.word(run.start))
                    || (holder.is_some() && territorial))
            {
                let comma = run.end;
                let r = if comma < n && self.st.word(comma) == "،" {
                    self.apposition(comma + 1, consumed)
                } else {
                    comma..comma
                };
                if r.len() >= 2 {
                    let span = self.words_span(run.start, run.end);
                    let key = self.st.words_text(run.start, run.end).to_string();
                    consumed[run.clone()].iter_mut().for_each(|c| *c = true);
                    self.raws
                        .push(Raw::new_name(span, key, EntityType::Place, MatchKind::Title));
                    title_span = self.span(m.start, self.st.words[comma - 1].end);
                    run = r;
                }
            }
            // "عامل إقليم وادي أمليل، عبد الكريم الزياني،": a name of two words or more in
            // commas right after the title phrase is who holds it.
            if run.is_empty() && self.st.word(k) == "،" {
                let r = self.apposition(k + 1, consumed);
                if r.len() >= 2 {
                    run = r;
                }
            }
            // "محافظ جبل الورد، منير الخياط،": a title with a short complement, then the holder's
            // name of two words or more in commas.
            // The complement may name a body or place itself ("المتحدث باسم وزارة الزراعة، X،"،
            // "مدير مطار وادي الصفصاف، X،") or a field ("الباحث في علم الاقتصاد، X،").
            if run.is_empty() {
                const COMPLEMENT_WORDS: usize = 6;
                let comma = (k..(k + COMPLEMENT_WORDS + 1).min(n))
                    .take_while(|&j| {
                        let w = self.st.word(j);
                        // Not a word that follows a speaker's name ("إن"، "أن") nor a verb of saying.
                        w == "،"
                            || (self.st.words[j].kind == WordKind::Letters
                                && (!self.lex.name_followers.contains(w) || matches!(w, "في" | "من" | "لدى"))
                                && !self.lex.reporting_verbs.contains(w))
                    })
                    .find(|&j| self.st.word(j) == "،");
                if let Some(c) = comma.filter(|&c| c > k) {
                    let r = self.apposition(c + 1, consumed);
                    if r.len() >= 2 {
                        title_span = self.span(m.start, self.st.words[c - 1].end);
                        run = r;
                    }
                }
            }
            // "الوزيرة الكتاني إن": a masculine nisba cannot qualify a feminine title; where the
            // name ends it is her family name.
            if run.is_empty()
                && self.st.ends_in_taa(m.first)
                && self.masculine_nisba(k, consumed)
                && self.name_ends_at(k + 1)
            {
                run = k..k + 1;
            }
            // "المدير الطبي X Y"، "الخبير الاقتصادي X Y": a definite title's adjective, then a name of
            // two words (alone, "الدكتور الحمايدي" is the name itself).
            let head_word = &self.st.text[m.start..m.end];
            if run.is_empty()
                && (head_word.starts_with("ال") || m.elided)
                && k + 1 < n
                && self.title_adjective(k, consumed)
            {
                let r = self.bounded(self.name_run(k + 1, 5, consumed, true), false);
                if r.len() >= 2 {
                    title_span = self.span(m.start, self.st.words[k].end);
                    run = r;
                }
            }
            if run.is_empty() {
                // The head noun of the title: "الرئيس" is definite, "قائد القوات" a construct.
                let head = &self.st.text[m.start..m.end];
                // "الناطق باسم" governs what it speaks for ("الناطق باسم الحكومة X").
                let definite = (head.starts_with("ال") || m.elided) && !head.ends_with("باسم");
                if let Some((r, chain_end, c)) = self.after_chain(definite, k, consumed) {
                    run = r;
                    title_span = self.span(m.start, self.st.words[chain_end - 1].end);
                    role = (class != u16::MAX).then_some(Role {
                        class,
                        country: country.or(c),
                    });
                }
            }
            // "الوزير الأول يعود إلى …": a verb of the trigger lexicon is no one-word name.
            if run.len() == 1 && crate::verb_forms::verb_forms().contains(self.st.word(run.start)) {
                run = run.start..run.start;
            }
            if !run.is_empty() {
                let span = self.words_span(run.start, run.end);
                let key = self.st.words_text(run.start, run.end).to_string();
                // A nationality adjective read as the family name is no country here.
                for j in run.clone() {
                    if let Some(r) = self.slot[j].and_then(|mj| self.raw_of[mj]) {
                        self.raws[r].dead = true;
                    }
                }
                consumed[run].iter_mut().for_each(|c| *c = true);
                if let Some(d) = descriptor {
                    self.raws[d].dead = true;
                }
                self.raws.push(Raw {
                    title: Some(title_span),
                    role,
                    ..Raw::new_name(span, key, EntityType::Person, MatchKind::Title)
                });
                return;
            }
        }
        // A role phrase with a nationality and no name ("الزعيم الروسي"): resolved later to the
        // person introduced with that role.
        if descriptor.is_none() && country.is_some() && class != u16::MAX {
            for a in adjectives {
                self.raws[a].dead = true;
            }
            self.raws.push(Raw {
                span: title_span,
                key: self.st.text[m.start..self.st.words[end - 1].end].to_string(),
                kind: EntityType::Person,
                how: MatchKind::Coreference,
                form: MentionForm::Descriptor,
                target: Target::Role(Role { class, country }),
                title: None,
                role: None,
                dead: false,
            });
        }
    }

    pub(super) fn verb_rule(&mut self, mi: usize, consumed: &mut [bool]) {
        let mut k = self.matches[mi].last;
        let n = self.st.words.len();
        // "كتب محللو X": the speakers are X's people; X is a body.
        let mut kind = EntityType::Person;
        if k + 1 < n && self.st.words[k].kind == WordKind::Letters && self.construct_plural(self.st.word(k)) {
            k += 1;
            kind = EntityType::Organization;
        }
        if k >= n || self.slot[k].is_some() {
            return;
        }
        let mut run = self.name_run(k, 3, consumed, false);
        // "وقال الدرويشي إن": a family name alone, checked by what follows it below.
        if run.is_empty() && self.family_name(k, consumed, true) {
            run = k..k + 1;
        }
        // One word with a possessive pronoun or a plural ending ("وقال سكانها"، "وقال بعضهم"، "وقال
        // مهندسون") is a group of people, not a name.
        let group = run.len() == 1 && {
            let w = self.st.word(run.start);
            ["ها", "هم", "هما", "هن", "ون"].iter().any(|e| w.ends_with(e))
        };
        if run.is_empty() || group {
            return;
        }
        let after = run.end;
        let followed = after >= n
            || self.st.words[after].kind == WordKind::Punct
            || self.lex.name_followers.contains(self.st.word(after))
            || self.slot[after].is_some_and(|mj| self.matches[mj].payloads.contains(&Payload::Verb));
        if !followed {
            return;
        }
        let span = self.words_span(run.start, run.end);
        let key = self.st.words_text(run.start, run.end).to_string();
        consumed[run].iter_mut().for_each(|c| *c = true);
        self.raws
            .push(Raw::new_name(span, key, kind, MatchKind::ReportingVerb));
    }
}

impl Scan<'_> {
    /// A name of two words or more, then a title in commas: the title's holder ("وسامر الحلبي، وزير
    /// المالية، لم يوقع"، "بسجن منير بوسلامة، الرئيس المدير العام السابق،"). A و glued to the
    /// first word is the conjunction, save in given names that begin with it ("وليد").
    pub(super) fn names_before_titles(&mut self, consumed: &mut [bool]) {
        /// Words of the name, and of the title phrase before its closing comma.
        const NAME_WORDS: usize = 4;
        const TITLE_WORDS: usize = 6;
        let n = self.st.words.len();
        for mi in 0..self.matches.len() {
            let m = &self.matches[mi];
            let Some(class) = m.payloads.iter().find_map(|p| match p {
                Payload::Title(c) => Some(*c),
                _ => None,
            }) else {
                continue;
            };
            let Some(comma) = m.first.checked_sub(1).filter(|&c| self.st.word(c) == "،") else {
                continue;
            };
            // The name: the free name words right before the comma, after punctuation or a word
            // that is no name word ("بسجن"، "على"، a verb).
            let mut start = comma;
            while start > 0
                && comma - start <= NAME_WORDS
                && self.is_free(start - 1, consumed)
                && (self.is_name_word_at(start - 1, false) || self.family_name(start - 1, consumed, true))
            {
                start -= 1;
            }
            // "بسجن منير بوسلامة، الرئيس المدير العام،": a first word led by a glued preposition
            // before a name of two words is the verbal noun that governs it.
            let glued = |w: &str| {
                let w = w.strip_prefix('و').unwrap_or(w);
                w.starts_with(['ب', 'ل', 'ك']) && w.chars().count() >= 4
            };
            // "ويعود أنيس القرمازي، رئيس القائمة،": a word with a glued و and an imperfect's prefix
            // opening a sentence is its verb, before a name of two words (a name rarely follows و
            // at a sentence's start).
            let imperfect_verb = |j: usize| {
                let w = self.st.word(j);
                (j == 0 || self.st.words[j - 1].kind != WordKind::Letters)
                    && w.strip_prefix(['و', 'ف'])
                        .is_some_and(|rest| rest.starts_with(['ي', 'ت']) && rest.chars().count() >= 3)
            };
            if comma - start >= 3 && (glued(self.st.word(start)) || imperfect_verb(start)) {
                start += 1;
            }
            // A name word another phrase took ("فيصل" of a listed name) may open this name: no
            // part of it is read alone.
            if start > 0
                && !self.is_free(start - 1, consumed)
                && self.st.words[start - 1].kind == WordKind::Letters
                && self.is_name_word_at(start - 1, false)
            {
                continue;
            }
            if comma - start < 2
                || comma - start > NAME_WORDS
                || self.apposition(start, consumed) != (start..comma)
            {
                continue;
            }
            // A title phrase already given to a holder after it keeps that holder.
            let title_at = self.span(m.start, m.end).start;
            if self
                .raws
                .iter()
                .any(|r| r.title.is_some_and(|t| t.start == title_at))
            {
                continue;
            }
            let first = self.st.word(start);
            let conjunction = first.starts_with('و')
                && first.chars().count() >= 4
                && !self.lex.conjunction_given_names.contains(first);
            let from = self.st.words[start].start + if conjunction { 'و'.len_utf8() } else { 0 };
            if conjunction && !self.is_name_word(&first['و'.len_utf8()..], false) {
                continue;
            }
            let close = (m.first..n.min(m.first + TITLE_WORDS + 1)).find(|&j| self.st.word(j) == "،");
            let title_end = close.map_or(m.end, |c| self.st.words[c - 1].end);
            let end = self.st.words[comma - 1].end;
            let mut raw = Raw::new_name(
                self.span(from, end),
                self.st.text[from..end].to_string(),
                EntityType::Person,
                MatchKind::Title,
            );
            raw.title = Some(self.span(m.start, title_end));
            raw.role = Some(Role { class, country: None });
            if let Some(d) = self.raw_of[mi].filter(|&r| self.raws[r].form == MentionForm::Descriptor) {
                self.raws[d].dead = true;
            }
            consumed[start..comma].iter_mut().for_each(|c| *c = true);
            self.raws.push(raw);
        }
    }
}
