//! The words of titles and names: offices and the qualifiers of them, by which a title is
//! read ("Secretary of State", "Defense Secretary"), and the words that open a sentence and are
//! never part of a name. Looked up once per capitalised word, in one table.

use foldhash::HashMap;
use std::sync::LazyLock;

/// Words that open a sentence or a phrase and are never part of a name.
pub(super) const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "But", "And", "As", "When", "While", "After", "Before",
    "If", "It", "This", "That", "He", "She", "They", "We", "His", "Her", "Their", "Its", "Mr",
    "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady", "For", "With", "From", "By", "Of", "To",
];

/// Offices, spelled out, with the abbreviations that stand for them. The head word of a title
/// is one of these.
pub(super) const OFFICES: &[(&str, &str)] = &[
    ("president", "president"),
    ("secretary", "secretary"),
    ("minister", "minister"),
    ("senator", "senator"),
    ("sen", "senator"),
    ("representative", "representative"),
    ("rep", "representative"),
    ("governor", "governor"),
    ("gov", "governor"),
    ("mayor", "mayor"),
    ("chancellor", "chancellor"),
    ("speaker", "speaker"),
    ("leader", "leader"),
    ("general", "general"),
    ("gen", "general"),
    ("ambassador", "ambassador"),
    ("judge", "judge"),
    ("commissioner", "commissioner"),
    ("director", "director"),
    ("chairman", "chairman"),
    ("chairwoman", "chairwoman"),
];

/// Words that qualify an office inside a title: portfolios and ranks.
pub(super) const QUALIFIERS: &[&str] = &[
    "vice",
    "prime",
    "deputy",
    "assistant",
    "state",
    "defense",
    "defence",
    "foreign",
    "home",
    "treasury",
    "health",
    "education",
    "justice",
    "labor",
    "labour",
    "interior",
    "energy",
    "commerce",
    "agriculture",
    "transportation",
    "transport",
    "homeland",
    "security",
    "finance",
    "economy",
    "trade",
    "culture",
    "environment",
    "housing",
    "veterans",
    "affairs",
    "brexit",
    "business",
    "work",
    "pensions",
    "exchequer",
    "attorney",
    "chief",
    "senate",
    "house",
    "majority",
    "minority",
    "opposition",
    "party",
    "national",
    "army",
    "navy",
    "air",
    "force",
    "secretary",
    "general",
    "first",
    "us",
    "u.s",
    "federal",
    "cabinet",
    "development",
    "international",
    "northern",
    "ireland",
    "scotland",
    "wales",
    "scottish",
    "welsh",
    "shadow",
];

/// What a word can be in a title: an office, a qualifier of one, or neither; and whether it
/// is a word that is never part of a name as written ([`NOT_NAMES`]).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Role {
    office: Option<&'static str>,
    qualifier: bool,
    not_name: Option<&'static str>,
}

impl Role {
    /// The office the word names, spelled out.
    pub(super) fn office(self) -> Option<&'static str> {
        self.office
    }

    /// Whether the word may stand in a title: an office or a qualifier of one.
    pub(super) fn in_title(self) -> bool {
        self.office.is_some() || self.qualifier
    }

    /// Whether `word`, of this role, may be part of a name.
    pub(super) fn may_be_name(self, word: &str) -> bool {
        self.office.is_none() && !self.qualifier && self.not_name != Some(word)
    }
}

/// The longest word [`role`] looks up: longer words have no role.
pub(super) const ROLE_WORD_MAX: usize = 24;

/// Every word that may stand in a title: the words of [`OFFICES`] and [`QUALIFIERS`].
pub(super) fn title_words() -> impl Iterator<Item = &'static str> {
    OFFICES
        .iter()
        .map(|(written, _)| *written)
        .chain(QUALIFIERS.iter().copied())
}

/// [`OFFICES`], [`QUALIFIERS`] and [`NOT_NAMES`] by lower-case word, built once.
static ROLES: LazyLock<HashMap<Box<[u8]>, Role>> = LazyLock::new(|| {
    let mut roles: HashMap<Box<[u8]>, Role> = HashMap::default();
    for &(written, office) in OFFICES {
        roles.entry(written.as_bytes().into()).or_default().office = Some(office);
    }
    for &qualifier in QUALIFIERS {
        roles
            .entry(qualifier.as_bytes().into())
            .or_default()
            .qualifier = true;
    }
    // Looked up lower-cased, but matched as written: "The" is no name, "THE" may be.
    for &word in NOT_NAMES {
        roles
            .entry(word.to_ascii_lowercase().into_bytes().into())
            .or_default()
            .not_name = Some(word);
    }
    roles
});

/// The role of `word`, ignoring ASCII case: looked up in one table, with the word lower-cased
/// on the stack (every capitalised word of a story is asked about).
pub(super) fn role(word: &str) -> Role {
    let mut buffer = [0u8; ROLE_WORD_MAX];
    let Some(lower) = buffer.get_mut(..word.len()) else {
        return Role::default();
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    ROLES.get(&*lower).copied().unwrap_or_default()
}
