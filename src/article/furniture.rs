//! Web page furniture scraped along with a story: image credits, media-player text, calls to
//! scroll or click, share prompts, newsletter sign-ups, the headings of link lists and poll
//! widgets. Recognised by shape — a line that speaks to the reader about the page, names a
//! part of the page or is a widget's data — rather than by one outlet's wording.
//!
//! Furniture lines become [`BlockKind::Furniture`] blocks: one rule reports them, the rules
//! that measure prose never see them, and a quotation runs on across them.

use super::text::words;
use super::{Block, BlockKind};

/// What a furniture line is, as a rule names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// "Image copyright …", "Image caption …", "Photo credit: …", "© 2019 …".
    Credit,
    /// "Media playback is unsupported on your device", "Now playing", "Duration 2:31".
    Player,
    /// "Scroll down to read more", "Click here for the full report", "Advertisement".
    CallToAction,
    /// "Share this article", "Share on Facebook", "Facebook Twitter Email".
    Share,
    /// "Sign up for our daily newsletter", "Get the headlines in your inbox".
    SignUp,
    /// "Related Topics", "Most read", "Top Stories": the heading of a list of links.
    LinkList,
    /// A poll's options and counts ("Yes 54%", "Total votes: 1,204", "View results").
    Poll,
    /// Where a gallery or an embed stands: "Slideshow (9 Images)". Not copy, but the page's
    /// placeholder for part of the story, so not reported.
    Embed,
}

impl Furniture {
    /// Whether it is boilerplate to delete, rather than a placeholder that stands for part of
    /// the story ([`Furniture::Embed`]).
    pub fn is_boilerplate(self) -> bool {
        self != Furniture::Embed
    }

    /// How a finding names it.
    pub fn name(self) -> &'static str {
        match self {
            Furniture::Credit => "an image credit",
            Furniture::Player => "media-player text",
            Furniture::CallToAction => "a call to scroll, click or read on",
            Furniture::Share => "a share prompt",
            Furniture::SignUp => "a newsletter sign-up",
            Furniture::LinkList => "the heading of a list of links",
            Furniture::Poll => "a poll widget",
            Furniture::Embed => "a gallery's or an embed's placeholder",
        }
    }
}

/// The most words a furniture line has: furniture is short, copy that mentions the same
/// things ("Subscribers to the paper's newsletter fell …") is a sentence.
const MAX_WORDS: usize = 16;

/// The longest furniture line in bytes: [`MAX_WORDS`] words of a dozen letters.
const MAX_BYTES: usize = 200;

/// Words that name a picture, a clip or the page's media.
const MEDIA: &[&str] = &[
    "image",
    "photo",
    "photograph",
    "picture",
    "media",
    "video",
    "audio",
    "graphic",
    "clip",
    "slideshow",
    "gallery",
    "images",
    "photos",
    "pictures",
    "videos",
];

/// Words that, after a media word, make a credit line.
const CREDIT: &[&str] = &["copyright", "caption", "credit", "credits", "source"];

/// Words of a media player's interface.
const PLAYER: &[&str] = &[
    "playback",
    "unsupported",
    "device",
    "browser",
    "player",
    "playing",
    "replay",
    "duration",
    "autoplay",
    "fullscreen",
    "loading",
    "mute",
    "unmute",
    "pause",
];

/// Verbs that ask the reader to do something on the page.
const INTERFACE_VERBS: &[&str] = &[
    "scroll", "click", "tap", "swipe", "continue", "skip", "read", "see", "view", "watch",
    "listen", "download", "like", "join", "visit", "find", "go", "jump", "open", "get",
];

/// Words that name a part of the page, or where on it.
const PAGE: &[&str] = &[
    "here",
    "below",
    "above",
    "down",
    "link",
    "links",
    "button",
    "article",
    "story",
    "page",
    "site",
    "website",
    "app",
    "video",
    "gallery",
    "photos",
    "thread",
    "feed",
    "comments",
    "full",
    "more",
    "main",
    "online",
    "twitter",
    "facebook",
    "instagram",
    "youtube",
];

/// A line that is a page's own word for itself ("Advertisement", "Sponsored content").
const PAGE_MARKERS: &[&str] = &[
    "advertisement",
    "advert",
    "sponsored",
    "sponsored content",
    "story continues below",
    "story continues below advertisement",
    "continue reading the main story",
    "skip advertisement",
    "now playing",
    "up next",
];

/// Where a share prompt sends the story.
const PLATFORMS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "messenger",
    "email",
    "linkedin",
    "pinterest",
    "reddit",
    "telegram",
    "print",
    "copy",
    "link",
];

/// Words of a newsletter or alert sign-up.
const SIGN_UP: &[&str] = &[
    "newsletter",
    "newsletters",
    "inbox",
    "subscribe",
    "alerts",
    "sign-up",
    "email",
];

/// The headings of lists of links, lower case, words separated by one space.
const LINK_LISTS: &[&str] = &[
    "related",
    "related coverage",
    "related topics",
    "related stories",
    "related links",
    "related content",
    "related articles",
    "related internet links",
    "related video",
    "more on this story",
    "more on this",
    "most read",
    "most popular",
    "most watched",
    "most shared",
    "most viewed",
    "top stories",
    "you may also like",
    "you might also like",
    "recommended for you",
    "around the web",
    "trending",
    "trending now",
    "editor's picks",
    "editors' picks",
    "features & analysis",
    "features and analysis",
];

/// Lines of a poll widget that are not its options.
const POLL_MARKERS: &[&str] = &[
    "vote",
    "vote now",
    "poll",
    "poll closed",
    "results",
    "view results",
    "show results",
    "see results",
];

/// The furniture a body line is, if it is any.
pub fn line_furniture(line: &str) -> Option<Furniture> {
    let line = line.trim();
    // The cheap test first: most lines are paragraphs, longer than any furniture.
    if line.len() > MAX_BYTES {
        return None;
    }
    let lower: Vec<String> = words(line)
        .take(MAX_WORDS + 1)
        .map(|w| line[w.range()].to_lowercase())
        .collect();
    let first = lower.first()?;
    if lower.len() > MAX_WORDS {
        return None;
    }
    let phrase = lower.join(" ");
    let has = |set: &[&str]| lower.iter().any(|w| set.contains(&w.as_str()));
    if line.starts_with('©') || credit_line(line) {
        Some(Furniture::Credit)
    } else if PAGE_MARKERS.contains(&phrase.as_str()) && !line.ends_with('.') {
        Some(Furniture::CallToAction)
    } else if LINK_LISTS.contains(&phrase.trim_end_matches(':')) && !line.ends_with('.') {
        Some(Furniture::LinkList)
    } else if embed_line(line, &lower) {
        Some(Furniture::Embed)
    } else if player_line(line, &lower) {
        Some(Furniture::Player)
    } else if share_line(&lower) || lower.starts_with(&["follow".into(), "us".into()]) {
        Some(Furniture::Share)
    } else if has(SIGN_UP) && asks_reader(first, &phrase) {
        Some(Furniture::SignUp)
    } else if INTERFACE_VERBS.contains(&first.as_str()) && has(PAGE) && lower.len() <= 10 {
        Some(Furniture::CallToAction)
    } else if poll_marker(line, &phrase) {
        Some(Furniture::Poll)
    } else {
        None
    }
}

/// "Image copyrightGETTY IMAGES", "Photo credit: …", "Media caption The minister …": a media
/// word first, then a credit word, glued to what follows or not.
fn credit_line(line: &str) -> bool {
    let Some(first) = words(line).next() else {
        return false;
    };
    let media = line[first.range()].to_lowercase();
    let rest = line[first.end..].trim_start().to_lowercase();
    MEDIA.contains(&media.as_str()) && CREDIT.iter().any(|credit| rest.starts_with(credit))
}

/// A media player's interface ("Media playback is unsupported on your device") or a clip's
/// running time with nothing but player words beside it ("Duration 2:31", "0:45"; never
/// "4:05 p.m.").
fn player_line(line: &str, lower: &[String]) -> bool {
    let interface = lower
        .iter()
        .filter(|w| PLAYER.contains(&w.as_str()))
        .count();
    let media = lower.iter().filter(|w| MEDIA.contains(&w.as_str())).count();
    let duration = line
        .split_whitespace()
        .any(|w| is_duration(w.trim_matches(|c: char| !c.is_ascii_digit())));
    let lettered = lower
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    let only_player_words = interface + media == lettered;
    (media >= 1 && interface >= 1 || interface >= 2 || duration && only_player_words)
        && lower.len() <= 8
}

/// "Slideshow (9 Images)", "Gallery: 12 photos": where a gallery or an embed stands, named by
/// its media words and a count and nothing else.
fn embed_line(line: &str, lower: &[String]) -> bool {
    let lettered: Vec<&String> = lower
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    !lettered.is_empty()
        && lettered.len() <= 3
        && lettered.iter().all(|w| MEDIA.contains(&w.as_str()))
        && line.bytes().any(|b| b.is_ascii_digit())
}

/// "2:31", "12:05", "1:02:44": a running time, with no "am"/"pm" or date around it.
fn is_duration(word: &str) -> bool {
    let parts: Vec<&str> = word.split(':').collect();
    parts.len() >= 2
        && parts[0].len() <= 2
        && parts[1..].iter().all(|p| p.len() == 2)
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// "Share this article", "Share on Facebook", "Facebook Twitter WhatsApp Email".
fn share_line(lower: &[String]) -> bool {
    let platforms = lower
        .iter()
        .filter(|w| PLATFORMS.contains(&w.as_str()))
        .count();
    let opens_with_share = lower
        .first()
        .is_some_and(|w| matches!(w.as_str(), "share" | "tweet" | "email" | "print"));
    lower.len() <= 8
        && (opens_with_share && (lower.len() == 1 || platforms >= 1 || shares_page(lower))
            || platforms >= 3)
}

/// "Share this story": a share verb whose object is the page.
fn shares_page(lower: &[String]) -> bool {
    lower
        .iter()
        .any(|w| matches!(w.as_str(), "article" | "story" | "page" | "this" | "link"))
}

/// Whether a line opens by asking the reader to do something ("Sign up …", "Get …", "Enter
/// your email …", "Want more? …", "Never miss …").
fn asks_reader(first: &str, phrase: &str) -> bool {
    matches!(
        first,
        "sign"
            | "subscribe"
            | "get"
            | "enter"
            | "join"
            | "receive"
            | "register"
            | "never"
            | "don't"
            | "want"
            | "like"
            | "stay"
            | "keep"
    ) || phrase.contains("sign up for") && phrase.contains(" our ")
}

/// "Total votes: 1,204", "3,210 votes", "Vote", "View results".
fn poll_marker(line: &str, phrase: &str) -> bool {
    let numeral = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b',');
    let lower = line.to_lowercase();
    let parts: Vec<&str> = lower
        .trim_start_matches("total ")
        .split([' ', ':'])
        .filter(|w| !w.is_empty())
        .collect();
    let counted_votes = matches!(parts.as_slice(), ["votes", n] | [n, "votes"] if numeral(n));
    POLL_MARKERS.contains(&phrase) && !line.ends_with('.') || counted_votes
}

/// A poll's option: a few words and a share ("Yes 54%", "No - 46%", "31% Undecided").
fn poll_option(line: &str) -> bool {
    const MAX_BYTES: usize = 48;
    let line = line.trim();
    // The cheap test first: an option is a short line with a percent sign.
    if line.len() > MAX_BYTES || !line.contains('%') {
        return false;
    }
    let words = words(line).count();
    let has_share = line.split_whitespace().any(|w| {
        w.ends_with('%')
            && w[..w.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.')
    });
    has_share && words <= 5 && !line.ends_with('.')
}

/// The options of a poll widget: short lines with a share, next to a poll's marker line
/// ("Vote", "Total votes: 1,204") or one another in a run that a marker closes or opens.
/// Run once over a body's blocks, after each line is classified.
pub fn mark_polls(source: &str, blocks: &mut [Block]) {
    let is_marker = |b: &Block| {
        b.kind == BlockKind::Furniture
            && line_furniture(&source[b.span.range()]) == Some(Furniture::Poll)
    };
    let mut i = 0;
    while i < blocks.len() {
        let run_end = (i..blocks.len())
            .find(|&j| !poll_option(&source[blocks[j].span.range()]))
            .unwrap_or(blocks.len());
        let beside_marker = run_end > i
            && (i.checked_sub(1).is_some_and(|p| is_marker(&blocks[p]))
                || blocks.get(run_end).is_some_and(is_marker));
        if beside_marker && run_end - i >= 2 {
            for block in &mut blocks[i..run_end] {
                block.kind = BlockKind::Furniture;
            }
        }
        i = run_end.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_known_by_its_shape() {
        for (line, what) in [
            ("Image copyrightGETTY IMAGES", Furniture::Credit),
            (
                "Image caption Crowds waited outside the court",
                Furniture::Credit,
            ),
            ("Photo credit: Dana Ross", Furniture::Credit),
            ("© 2024 Harbour Press", Furniture::Credit),
            (
                "Media playback is unsupported on your device",
                Furniture::Player,
            ),
            ("Duration 2:31", Furniture::Player),
            ("Slideshow (12 Images)", Furniture::Embed),
            ("Now playing", Furniture::CallToAction),
            ("Scroll down to read more", Furniture::CallToAction),
            ("Click here for the full ruling", Furniture::CallToAction),
            ("Advertisement", Furniture::CallToAction),
            ("Share this article", Furniture::Share),
            ("Share on Facebook", Furniture::Share),
            ("Follow us on Instagram", Furniture::Share),
            ("Facebook Twitter WhatsApp Email", Furniture::Share),
            ("Sign up for our morning newsletter", Furniture::SignUp),
            ("Get the day's headlines in your inbox", Furniture::SignUp),
            ("Related Topics", Furniture::LinkList),
            ("Most read", Furniture::LinkList),
            ("Total votes: 1,204", Furniture::Poll),
            ("View results", Furniture::Poll),
        ] {
            assert_eq!(line_furniture(line), Some(what), "{line}");
        }
    }

    #[test]
    fn copy_about_the_same_things_is_copy() {
        for line in [
            "The photo was taken in 2019, the agency said.",
            "Subscribers to the paper's newsletter fell by a third last year.",
            "He told viewers to watch the video before judging him.",
            "She shared the post on Facebook on Monday.",
            "The vote is due on Thursday.",
            "Results were mixed for the carmaker.",
            "Labour is on 32% and the Conservatives on 29%, the poll found.",
            "Police said the clip showed the car at 10:45 on Friday.",
            "4:05 p.m.",
            "Follow Dana Ross on Twitter at https://twitter.com/danaross",
            "Trending lower, the shares closed at 112 pence.",
            "Get out of the way, he shouted at the crowd, according to witnesses.",
            "Read the full judgment, lawyers for both sides urged reporters on the steps of the court.",
        ] {
            assert_eq!(line_furniture(line), None, "{line}");
        }
    }
}
