//! The words the attribution layer reads: verbs of saying, documents, anonymous-source nouns,
//! reasons for anonymity, and the words that make a figure check-worthy. One table, one lookup
//! per word, giving every class the word belongs to.

use crate::article::word_classes::{ClassList, WordClasses};
use std::sync::LazyLock;

/// A verb that attributes words to someone: "said", "told", "wrote", "tweeted".
pub const SPEECH: u32 = 1;
/// A verb that characterises what someone said, so a partial quotation in its sentence is the
/// subject's: "accused … of “…”", "called it “…”".
pub const CHARACTERISE: u32 = 1 << 1;
/// A document that can be quoted: statement, bill, letter, advertisement.
pub const DOCUMENT: u32 = 1 << 2;
/// A word after which a quotation is a title, not speech: "headlined", "titled".
pub const TITLE: u32 = 1 << 3;
/// A personal pronoun that can be a speaker.
pub const PRONOUN: u32 = 1 << 4;
/// A noun an anonymous source is named by: official, source, person.
pub const SOURCE_NOUN: u32 = 1 << 5;
/// Harm that a toll counts: killed, injured, arrested.
pub const HARM: u32 = 1 << 6;
/// A word that makes a figure an approximation: about, some, nearly.
pub const APPROX: u32 = 1 << 7;
/// People a count or a share counts: protesters, voters, residents.
pub const PEOPLE: u32 = 1 << 8;
/// A verb that makes the words of its sentence someone's view: saying ("said", "argued"),
/// calling ("called", "branded"), believing and thinking ("believes", "felt"), reporting
/// ("according", "reported").
pub const VIEW: u32 = 1 << 9;
/// A word that names a report a claim comes from, near it ("the Sunday Times reported",
/// "according to the Hollywood Reporter", "the newspaper said").
pub const SOURCED: u32 = 1 << 21;
/// A verb by which a subject vouches for a figure without saying it aloud: "estimates",
/// "reported", "forecast", "believe".
pub const VOUCH: u32 = 1 << 10;
/// A unit of time or measure: a figure counted in it is background ("for three years").
pub const UNIT: u32 = 1 << 11;
/// A month or weekday name.
pub const CALENDAR: u32 = 1 << 12;
/// A number written as a word.
pub const NUMBER: u32 = 1 << 13;
/// A body whose officials speak for it: "police officials said" is an institution speaking.
pub const INSTITUTION: u32 = 1 << 14;
/// A public setting: what is said there is on the record ("at a hearing", "told reporters").
pub const PUBLIC: u32 = 1 << 15;
/// A verb of saying that is also a noun ("states", "notes", "remarks"): a cue only right
/// after a quotation and its speaker (`“…,” he remarks`).
pub const SPEECH_NOUN: u32 = 1 << 19;
/// A group that is an unnamed source only after "according to" ("two senior staff members").
pub const GROUP: u32 = 1 << 20;
/// A study, survey or data release that vouches for a figure: "figures show", "a poll found".
pub const DATA: u32 = 1 << 16;
/// A superlative a record claim is made of: largest, deadliest.
pub const SUPERLATIVE: u32 = 1 << 17;
/// A word that opens an agentless absolute: "no" (casualties were reported), "it" (has been
/// confirmed).
pub const ABSOLUTE: u32 = 1 << 18;

const CLASSES: &ClassList = &[
    (GROUP, "members employees workers witnesses"),
    (
        SPEECH_NOUN,
        "states posts notes claims comments remarks reports answers counters promises demands \
         laments tweets boasts jokes warns",
    ),
    (
        SUPERLATIVE,
        "largest biggest deadliest worst highest lowest longest fastest",
    ),
    (ABSOLUTE, "no it"),
    (
        SOURCED,
        "reported reports report according told newspaper newspapers magazine tabloid",
    ),
    (
        VIEW,
        "said says say saying told tells telling added adds wrote writes asked asks tweeted \
         stated declared explained insisted insists argued argues warned warns claimed claims \
         alleged alleges contended contends maintained maintains acknowledged admitted \
         conceded suggested suggests noted according believe believes believed think thinks \
         thought feel feels felt consider considers considered fear fears feared regard regards \
         regarded deem deems deemed called calls calling accused accuses described describes \
         branded brands labelled labeled dubbed termed denounced denounces condemned condemns call \
         criticized criticised criticizes criticises praised hailed reported reportedly \
         estimated estimates predicted predicts testified replied responded wondered",
    ),
    (
        SPEECH,
        "said says say saying told tells tell telling added adds asked asks wrote writes \
         writing tweeted posted stated declared declares explained explains \
         recalled recalls insisted insists argued argues warned replied replies testified \
         continued continues noted announced announces claimed vowed vows pledged \
         promised denied denies admitted admits conceded concedes suggested suggests \
         exclaimed asserted asserts acknowledged acknowledges countered cautioned \
         predicted predicts complained complains boasted joked quipped shouted \
         chanted recounted recounts remarked commented observed emphasized \
         emphasised stressed stresses read reads mused laughed cried yelled screamed whispered \
         agreed agrees responded responds texted emailed messaged demanded lamented \
         alleged alleges maintained maintains contended contends reiterated reiterates \
         wondered wonders answered interjected sang sings reported confided \
         confirmed confirms informed advised advises briefed spoke speaks saying tweeting writing \
         adding asking telling noting posting shouting chanting singing reading yelling put \
         charged retorted prodded",
    ),
    (
        CHARACTERISE,
        "accused accuses accusing called calls calling described describes describing dubbed \
         dubs branded brands labeled labelled labels termed terms characterized characterised \
         likened compared praised praises hailed hails criticized criticised criticizes \
         condemned condemns denounced denounces blamed blames welcomed welcomes urged urges \
         defended defends thanked thanks referred refers urging warning promising vowing \
         pledging insisting arguing saying adding asking claiming noting writing citing cited \
         quoted quoting invoked invoking echoed echoing mocked mocking ridiculed slammed blasted \
         attacked attacks rejected rejects dismissed dismisses decried decries questioned \
         challenged promised pledged vowed signed endorsed touted touts boasted framed frames \
         portrayed portrays depicted depicts",
    ),
    (
        DOCUMENT,
        "statement quote quotation meme report letter bill law order ruling filing complaint lawsuit indictment \
         memo email e-mail tweet post advertisement ad ads sign banner placard note document \
         release text message notice website transcript decision judgment verdict opinion \
         policy manifesto communique declaration resolution guidelines guidance rule rules \
         rulebook constitution treaty agreement headline caption label poster slogan petition \
         motion proposal plan budget contract charter warrant affidavit summons subpoena \
         editorial column blog handbook manual leaflet flyer brochure video footage recording \
         script lyrics citation definition dictionary announcement bulletin pamphlet book \
         novel film movie album song show series play poem memoir documentary podcast signs \
         messages banners placards slogans graffiti written painted sprayed spraying scrawled \
         inscribed emblazoned printed",
    ),
    (
        TITLE,
        "headlined titled entitled called dubbed named nicknamed billed slogan hashtag \
         catchphrase motto",
    ),
    (PRONOUN, "he she they it we i"),
    (
        SOURCE_NOUN,
        "official officials source sources person people diplomat diplomats aide aides insider \
         insiders adviser advisers advisor advisors staffer staffers",
    ),
    (
        HARM,
        "killed dead died deaths death injured wounded hurt arrested detained missing \
         displaced evacuated infected casualties victims hospitalised hospitalized rescued \
         trapped fatalities injuries toll homeless stranded",
    ),
    (
        APPROX,
        "about around some nearly almost roughly approximately estimated least upwards",
    ),
    (
        PEOPLE,
        "people protesters demonstrators residents migrants refugees troops soldiers fighters \
         militants civilians jobs homes families students workers employees staff supporters \
         voters customers users visitors fans children passengers pupils patients members \
         adults americans britons respondents households businesses companies homeowners \
         tenants doctors nurses teachers officers police rebels insurgents prisoners inmates \
         detainees spectators attendees marchers strikers",
    ),
    (
        VOUCH,
        "estimates estimate estimated believe believes believed forecast forecasts expects \
         expect projected projects put puts reported reports posted posts counted recorded \
         recorded confirmed confirms registered showed shows show found finds find revealed \
         reveals cited citing according",
    ),
    (
        UNIT,
        "year years month months week weeks day days hour hours minute minutes second seconds \
         decade decades century centuries mile miles km kilometres kilometers kilometre \
         kilometer metre metres meter meters feet foot ft inch inches yard yards acre acres \
         hectares pounds kg kilograms grams tonnes tons degrees mph storey story floors times \
         p.m a.m gmt bst et pt",
    ),
    (
        CALENDAR,
        "january february march april may june july august september october november \
         december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday \
         thursday friday saturday sunday",
    ),
    (
        NUMBER,
        "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty \
         forty fifty hundred hundreds thousand thousands million millions billion billions \
         dozens dozen scores",
    ),
    (
        INSTITUTION,
        "police city county state school fire hospital health airport park company club team \
         league election court prison town village council local district campus university \
         college military army navy pentagon ministry department agency",
    ),
    (
        PUBLIC,
        "conference hearing briefing rally meeting interview speech testimony reporters \
         broadcast podcast televised",
    ),
    (
        DATA,
        "data figures statistics survey surveys poll polls study studies census estimates \
         research analysis report tally count records",
    ),
];

/// [`CLASSES`] by word, built once.
static TABLE: LazyLock<WordClasses> = LazyLock::new(|| WordClasses::new(CLASSES));

/// The classes of `word` (0 for none), compared ASCII-case-insensitively. Curly apostrophes
/// and anything past 24 bytes make no match.
pub fn classes(word: &str) -> u32 {
    TABLE.of(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_has_every_class_it_is_listed_in() {
        assert_eq!(classes("Said") & SPEECH, SPEECH);
        assert_ne!(classes("called") & CHARACTERISE, 0);
        assert_ne!(classes("called") & TITLE, 0);
        assert_eq!(classes("Statement"), DOCUMENT);
        assert_eq!(classes("mayor"), 0);
        assert_eq!(classes("9"), 0);
    }
}
