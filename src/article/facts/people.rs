//! People's ages and titles, each tied to one person.
//!
//! A person is known by their full name ("Antony Blinken"); a surname alone ("Blinken") is
//! that person when the story names only one person of that surname, and nobody otherwise (two
//! Trumps make "Trump" nobody in particular).

use super::model::{Age, Titled};
use super::number;
use super::words::{Sentence, Word, class};
use foldhash::HashMap;

/// Words that make two ages in a sentence one person's past and present.
pub(super) const BIRTHDAY: &[&str] = &["turned", "turns", "birthday"];

/// Offices one person holds at most one of at a time, so two of them in one story are two
/// different titles for one person. Other titles (leader, general, director …) are held
/// beside an office.
const EXCLUSIVE: &[&str] = &[
    "president",
    "vice president",
    "prime minister",
    "secretary",
    "minister",
    "senator",
    "representative",
    "governor",
    "mayor",
    "attorney general",
];

/// Words before a title that say it is not held now.
const NOT_NOW: &[&str] = &[
    "former",
    "then",
    "late",
    "future",
    "incoming",
    "outgoing",
    "acting",
    "ex",
    "would-be",
    "interim",
    "next",
    "new",
    "previous",
    "onetime",
    "erstwhile",
];

/// The people of the story: full names by surname, indexed the first time a surname is asked
/// about (most stories give no age or title to tie to one).
pub struct Names<'s, 'a> {
    sentences: &'s [Sentence<'a>],
    /// The first full name of each surname, and whether the story names another.
    by_surname: std::cell::OnceCell<HashMap<String, (String, bool)>>,
}

impl<'s, 'a> Names<'s, 'a> {
    pub fn new(sentences: &'s [Sentence<'a>]) -> Self {
        Names {
            sentences,
            by_surname: std::cell::OnceCell::new(),
        }
    }

    /// Every run of two or three capitalised words in the story, as a full name by its surname.
    fn index(sentences: &[Sentence<'_>]) -> HashMap<String, (String, bool)> {
        let mut by_surname: HashMap<String, (String, bool)> = HashMap::default();
        for sentence in sentences {
            let words = &sentence.words;
            let mut i = 0;
            while i < words.len() {
                let run = name_run(words, i);
                if run.len() >= 2 && run.len() <= 3 {
                    let full = full_name(&words[run.clone()]);
                    let surname = surname(words[run.end - 1].text);
                    match by_surname.get_mut(&surname) {
                        Some((first, others)) => *others |= *first != full,
                        None => {
                            by_surname.insert(surname, (full, false));
                        }
                    }
                }
                i = run.end.max(i + 1);
            }
        }
        by_surname
    }

    /// Who the name `words` is: itself when it is a full name, the one full name of that
    /// surname when it is a surname alone.
    fn key(&self, words: &[Word<'_>]) -> Option<String> {
        match words {
            [] => None,
            [one] => {
                let by_surname = self.by_surname.get_or_init(|| Self::index(self.sentences));
                let (full, others) = by_surname.get(&surname(one.text))?;
                (!others).then(|| full.clone())
            }
            _ => Some(full_name(words)),
        }
    }
}

/// The run of capitalised name words that starts at `at` (empty when none does): no title,
/// no opener, each following the last with only a space between.
fn name_run(words: &[Word<'_>], at: usize) -> std::ops::Range<usize> {
    let mut end = at;
    while let Some(word) = words.get(end) {
        let name_like = word.capitalised()
            && !word.quoted
            && !word.text.bytes().any(|b| b.is_ascii_digit())
            && word.role().may_be_name(word.text);
        if !name_like || (end > at && !word.follows_closely()) || end - at == 4 {
            break;
        }
        end += 1;
    }
    at..end
}

fn full_name(words: &[Word<'_>]) -> String {
    let names: Vec<String> = words.iter().map(|w| surname(w.text)).collect();
    names.join(" ")
}

/// A name word lower-cased, without a possessive ending.
fn surname(word: &str) -> String {
    let bare = word
        .strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word);
    bare.to_lowercase()
}

fn display(words: &[Word<'_>]) -> String {
    let names: Vec<&str> = words.iter().map(|w| w.text).collect();
    names.join(" ")
}

/// The ages the story gives people: "Smith, 46,", "46-year-old Smith", "Smith, a 46-year-old
/// teacher,", "Smith, aged 46".
pub fn ages(sentences: &[Sentence<'_>], names: &Names<'_, '_>) -> Vec<Age> {
    let mut found = Vec::new();
    for sentence in sentences {
        // A birthday in the sentence makes two ages one person's past and present.
        if sentence.has(class::BIRTHDAY) {
            continue;
        }
        // Every age is a number, in figures or words, or follows "aged".
        if !sentence.holds(class::FIGURE | class::NUMBER | class::AGED) {
            continue;
        }
        let words = &sentence.words;
        let mut i = 0;
        while i < words.len() {
            let run = name_run(words, i);
            if run.is_empty() {
                if let Some(age) = age_before_name(sentence, i, names) {
                    found.push(age);
                }
                i += 1;
                continue;
            }
            if let Some((years, last)) = age_after_name(words, run.end)
                && let Some(key) = names.key(&words[run.clone()])
            {
                found.push(Age {
                    person: display(&words[run.clone()]),
                    key,
                    years,
                    place: sentence.place(run.start, last),
                });
            }
            i = run.end;
        }
    }
    found
}

/// The age in "N-year-old", "forty-six-year-old".
fn year_old(word: &Word<'_>) -> Option<u32> {
    // Every such word is a figure by its shape ("46-…", "forty-six-…"): the rest pass at once.
    if !word.is_a(class::FIGURE) {
        return None;
    }
    let number = word.text.strip_suffix("-year-old")?;
    let years = number::read(
        &[Word {
            text: number,
            ..*word
        }],
        0,
    )?
    .0;
    (1..=120).contains(&years).then_some(years)
}

/// "Smith, 46," / "Smith, aged 46" / "Smith, a 46-year-old teacher": the age after the name
/// that ends before `at`, and the index of its last word.
fn age_after_name(words: &[Word<'_>], at: usize) -> Option<(u32, usize)> {
    let first = words.get(at)?;
    if first.before.trim() != "," || first.quoted {
        return None;
    }
    if let Some((years, last)) = number::read(words, at) {
        // The number stands alone between commas (or ends the sentence).
        let closed = words
            .get(last + 1)
            .is_none_or(|next| matches!(next.before.trim(), "," | ")" | ";" | "—" | "–"));
        return (closed && (1..=120).contains(&years) && first.text.len() <= 3)
            .then_some((years, last));
    }
    if first.is("aged") {
        let (years, last) = number::read(words, at + 1)?;
        return (1..=120).contains(&years).then_some((years, last));
    }
    if first.is_any(&["a", "an", "the"]) {
        let years = year_old(words.get(at + 1)?)?;
        return Some((years, at + 1));
    }
    None
}

/// "46-year-old Jane Smith": an age at word `at` right before a name.
fn age_before_name(sentence: &Sentence<'_>, at: usize, names: &Names<'_, '_>) -> Option<Age> {
    let words = &sentence.words;
    let word = words.get(at)?;
    if word.quoted {
        return None;
    }
    let years = year_old(word)?;
    let run = name_run(words, at + 1);
    if run.is_empty() || !words[run.start].follows_closely() {
        return None;
    }
    let key = names.key(&words[run.clone()])?;
    Some(Age {
        person: display(&words[run.clone()]),
        key,
        years,
        place: sentence.place(at, run.end - 1),
    })
}

/// The titles written before people's names.
pub fn titles(sentences: &[Sentence<'_>], names: &Names<'_, '_>) -> Vec<Titled> {
    let mut found = Vec::new();
    // A title opens with a capitalised office or qualifier outside quotations.
    for sentence in sentences.iter().filter(|s| s.has(class::TITLE)) {
        let words = &sentence.words;
        let mut i = 0;
        while i < words.len() {
            match title_at(sentence, i, names) {
                Some((titled, next)) => {
                    found.extend(titled);
                    i = next;
                }
                None => i += 1,
            }
        }
    }
    found
}

/// The title that starts at word `at`, with the name after it, and the word after the name.
fn title_at(
    sentence: &Sentence<'_>,
    at: usize,
    names: &Names<'_, '_>,
) -> Option<(Option<Titled>, usize)> {
    let words = &sentence.words;
    let start = &words[at];
    if start.quoted || !start.capitalised() || !start.role().in_title() {
        return None;
    }
    // The title: capitalised office and qualifier words, with "of" inside.
    let mut end = at;
    while let Some(word) = words.get(end) {
        let in_title = word.capitalised() && word.role().in_title() || word.is("of") && end > at;
        if !in_title || (end > at && !joined(&words[end - 1], word)) {
            break;
        }
        end += 1;
    }
    let (office_at, office_name) = (at..end)
        .rev()
        .find_map(|i| words[i].role().office().map(|o| (i, o)))?;
    let run = name_run(words, end);
    if run.is_empty() || !joined(&words[end - 1], &words[end]) {
        return Some((None, end));
    }
    let before = at.checked_sub(1).map(|i| &words[i]);
    let not_now = before.is_some_and(|w| w.is_any(NOT_NOW)) || start.text.contains('-');
    let key = names.key(&words[run.clone()]);
    let titled = key.filter(|_| !not_now).map(|key| {
        let (office, portfolio) =
            office_and_portfolio(&words[at..end], office_at - at, office_name);
        Titled {
            person: display(&words[run.clone()]),
            key,
            title: display(&words[at..end]),
            office,
            portfolio,
            place: sentence.place(at, run.end - 1),
            sentence: sentence.span,
        }
    });
    Some((titled, run.end))
}

/// Whether `next` follows `word` as the next word of one title and name: a space between, or
/// the stop of an abbreviated title ("Sen. Smith").
fn joined(word: &Word<'_>, next: &Word<'_>) -> bool {
    next.follows_closely()
        || next.before == ". " && word.role().office().is_some() && word.text.len() <= 4
}

/// The office a title names (with "vice", "prime" and "attorney" kept as part of it) and what
/// it is of (the other qualifiers, lower-cased and sorted).
fn office_and_portfolio(title: &[Word<'_>], head: usize, office: &str) -> (String, String) {
    let mut office = office.to_owned();
    let mut skip = None;
    if let Some(before) = head.checked_sub(1).map(|i| &title[i])
        && before.is_any(&["vice", "prime", "attorney", "general"])
    {
        office = format!("{} {office}", before.text.to_lowercase());
        skip = Some(head - 1);
    }
    let mut portfolio: Vec<String> = title
        .iter()
        .enumerate()
        .filter(|&(i, w)| {
            i != head && Some(i) != skip && !w.is_any(&["of", "the", "us", "u.s", "affairs"])
        })
        .map(|(_, w)| match w.text.to_lowercase().as_str() {
            "defence" => "defense".to_owned(),
            "labour" => "labor".to_owned(),
            other => other.to_owned(),
        })
        .collect();
    // A deputy's, an assistant's or a shadow's office is not the office itself.
    if let Some(rank) = portfolio
        .iter()
        .position(|w| matches!(w.as_str(), "deputy" | "assistant" | "shadow"))
    {
        office = format!("{} {office}", portfolio.remove(rank));
    }
    portfolio.sort();
    (office, portfolio.join(" "))
}

/// Whether two titles of one person contradict each other: two exclusive offices, or one office
/// with two different portfolios.
pub fn titles_conflict(a: &Titled, b: &Titled) -> bool {
    if a.office == b.office {
        return !a.portfolio.is_empty() && !b.portfolio.is_empty() && a.portfolio != b.portfolio;
    }
    EXCLUSIVE.contains(&a.office.as_str()) && EXCLUSIVE.contains(&b.office.as_str())
}
