use super::FactKind;
use crate::article::{Article, Format};
use chrono::{Datelike, NaiveDate};

/// What `kind`'s contradictions in `text` say, each as "message @ reported text".
fn conflicts(text: &str, kind: FactKind, date: Option<NaiveDate>) -> Vec<String> {
    let mut article = Article::parse("t.txt", text, Format::Plain);
    article.date = date;
    article
        .facts()
        .conflicts(kind, date)
        .into_iter()
        .map(|c| format!("{} @ {}", c.message, article.text(c.at.span)))
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn an_age_that_changes_is_found_in_every_form() {
    let text = "Fire chief retires\n\nJane Okafor, 46, led the service for a decade.\n\nThe 47-year-old Okafor said she would stay on as an adviser.\n";
    assert_eq!(
        conflicts(text, FactKind::Age, None),
        ["Okafor is 47 here @ 47-year-old Okafor"]
    );
    let same = "Fire chief retires\n\nJane Okafor, 46, led the service.\n\nOkafor, aged 46, will advise.\n";
    assert!(conflicts(same, FactKind::Age, None).is_empty());
}

#[test]
fn an_age_in_words_alone_is_read_as_one_in_figures_is() {
    // Sentences without a figure pass the age reader by: a number in words must still count.
    let before = "Fire chief retires\n\nJane Okafor, 46, led the service.\n\n";
    let year_old = format!("{before}The forty-seven-year-old Okafor will advise.\n");
    assert_eq!(
        conflicts(&year_old, FactKind::Age, None),
        ["Okafor is 47 here @ forty-seven-year-old Okafor"]
    );
    let aged = format!("{before}Okafor, aged fifty, will advise.\n");
    assert_eq!(
        conflicts(&aged, FactKind::Age, None),
        ["Okafor is 50 here @ Okafor, aged fifty"]
    );
}

#[test]
fn two_people_of_one_surname_are_nobody_in_particular() {
    let text = "Couple honoured\n\nMaria Lund, 61, and Erik Lund, 64, ran the shelter.\n\nLund, 64, said the award belonged to volunteers.\n";
    assert!(conflicts(text, FactKind::Age, None).is_empty());
}

#[test]
fn a_birthday_between_two_ages_is_not_a_contradiction() {
    let text = "Runner\n\nTom Berg, 39, won the race.\n\nBerg turned 40 on Sunday, when Berg, 40, ran again.\n";
    assert!(conflicts(text, FactKind::Age, None).is_empty());
}

#[test]
fn a_count_that_changes_is_reported_at_the_later_mention() {
    let text = "Storm kills 12 in coastal towns\n\nThe storm killed 12 people along the coast on Tuesday.\n\nRescuers said 11 people were killed and dozens were hurt.\n";
    assert_eq!(
        conflicts(text, FactKind::Count, None),
        ["11 dead here @ 11 people were killed"]
    );
}

#[test]
fn a_lower_bound_and_an_update_are_not_contradictions() {
    let at_least = "Storm\n\nAt least 12 people were killed on Tuesday.\n\nOfficials said 14 people were killed.\n";
    assert!(conflicts(at_least, FactKind::Count, None).is_empty());
    let below = "Storm\n\nAt least 12 people were killed on Tuesday.\n\nOfficials said 11 people were killed.\n";
    assert_eq!(conflicts(below, FactKind::Count, None).len(), 1);
    let update = "Storm\n\nThe storm killed 12 people on Tuesday.\n\nThe toll rose to 14 on Wednesday, when 14 people were reported dead.\n";
    assert!(conflicts(update, FactKind::Count, None).is_empty());
}

#[test]
fn counts_of_two_places_or_of_a_part_are_not_compared() {
    let places = "Shootings\n\nThe shootings left 31 dead.\n\nIn El Paso, 22 people were killed.\n\nIn Dayton, nine people were killed.\n";
    assert!(conflicts(places, FactKind::Count, None).is_empty());
    let part = "Blast\n\nThe blast killed 12 people, including four children.\n\nFour children were killed and 12 people in all.\n";
    assert!(conflicts(part, FactKind::Count, None).is_empty());
}

#[test]
fn counts_given_to_two_authorities_or_two_scopes_differ_as_sources_do() {
    let authorities = "Attack\n\nInterior Ministry spokesman Omar Haddad said 30 people were killed and 70 wounded.\n\nThe Health Ministry gave the same toll but said 55 were wounded.\n";
    assert!(conflicts(authorities, FactKind::Count, None).is_empty());
    let scopes = "Outbreak\n\nThe virus has killed more than 3,000 people.\n\nTwelve people have died in the country.\n";
    assert!(conflicts(scopes, FactKind::Count, None).is_empty());
    // One authority, two tolls: a contradiction.
    let one = "Attack\n\nThe Interior Ministry said 30 people were killed.\n\nThe Interior Ministry said 29 people were killed.\n";
    assert_eq!(conflicts(one, FactKind::Count, None).len(), 1);
}

#[test]
fn the_group_of_a_toll_reads_through_abbreviations_and_a_headline_takes_the_bodys() {
    let text = "Nine dead in Harbour blast\n\nThe blast killed eight U.S. sailors on Monday.\n";
    assert_eq!(
        conflicts(text, FactKind::Count, None),
        ["8 sailors dead here @ eight U.S. sailors"]
    );
}

#[test]
fn a_title_swapped_for_another_office_is_found() {
    let text = "Talks\n\nSecretary of State Antony Blinken flew to Cairo on Monday.\n\nDefense Secretary Blinken met the president.\n";
    assert_eq!(
        conflicts(text, FactKind::Title, None),
        ["Blinken is Defense Secretary here @ Defense Secretary Blinken"]
    );
    let compatible = "Talks\n\nSen. Mitch McConnell spoke.\n\nSenate Majority Leader Mitch McConnell said no.\n\nFormer President Barack Obama and President Joe Biden met. Vice President Kamala Harris joined.\n";
    assert!(conflicts(compatible, FactKind::Title, None).is_empty());
}

#[test]
fn a_weekday_that_does_not_fall_on_its_date_is_found() {
    let text = "Vote\n\nThe vote was held on Wednesday, March 15, 2023, after weeks of talks.\n";
    assert!(conflicts(text, FactKind::Weekday, None).is_empty());
    let wrong = "Vote\n\nThe vote was held on Thursday, March 15, 2023.\n";
    assert_eq!(
        conflicts(wrong, FactKind::Weekday, None),
        ["March 15, 2023 is a Wednesday, not a Thursday @ Thursday, March 15, 2023"]
    );
    // Without a year the story's date gives one; without either the check is skipped.
    let no_year = "Vote\n\nThe vote is on Thursday, March 15.\n";
    assert_eq!(
        conflicts(no_year, FactKind::Weekday, date(2023, 3, 10)).len(),
        1
    );
    assert!(conflicts(no_year, FactKind::Weekday, None).is_empty());
    let article = Article::parse("t.txt", no_year, Format::Plain);
    assert!(article.facts().needs_story_date(None));
}

#[test]
fn a_relative_date_against_its_absolute_one() {
    let text = "Plant\n\nThe plant closed last month, on March 3, and reopened.\n";
    assert_eq!(
        conflicts(text, FactKind::RelativeDate, date(2023, 3, 20)),
        ["the story is dated March 20, 2023 @ last month, on March 3"]
    );
    assert!(conflicts(text, FactKind::RelativeDate, date(2023, 4, 2)).is_empty());
    let year = "Plant\n\nIt was built in 2017 last year.\n";
    assert_eq!(
        conflicts(year, FactKind::RelativeDate, date(2019, 5, 1)).len(),
        1
    );
}

#[test]
fn a_smaller_toll_of_people_contradicts_the_leads_named_group_but_a_larger_may_be_a_total() {
    let smaller = "Prison fire\n\nThe fire killed 57 prisoners in the north of the state.\n\nGuards ran to the block. Officials said 56 people were killed.\n";
    assert_eq!(
        conflicts(smaller, FactKind::Count, None),
        ["56 dead here @ 56 people were killed"]
    );
    let larger = "Prison fire\n\nThe fire killed 57 prisoners in the north of the state.\n\nGuards ran to the block. Officials said 59 people were killed.\n";
    assert!(conflicts(larger, FactKind::Count, None).is_empty());
}

#[test]
fn a_toll_of_another_place_than_the_leads_is_another_events() {
    // Utah's toll is not the story's: it neither contradicts the later count nor agrees with it.
    let quiet = "Train crash\n\nTwo workers were killed in Ohio when a freight train hit a bus.\n\nThree people were killed in Utah when a train hit a truck.\n\nOfficials said 2 people were killed.\n";
    assert_eq!(
        conflicts(quiet, FactKind::Count, None),
        Vec::<String>::new()
    );
    let changed = "Train crash\n\nTwo people were killed in Ohio when a freight train hit a bus.\n\nThree people were killed in Utah when a train hit a truck.\n\nOfficials said 3 people were killed.\n";
    assert_eq!(
        conflicts(changed, FactKind::Count, None),
        ["3 dead here @ 3 people were killed"]
    );
}

#[test]
fn a_weekday_beside_yesterday_or_today_must_be_that_day() {
    // March 20, 2023 was a Monday.
    let text = "Vote\n\nThe council voted yesterday (Saturday) to close the pool.\n";
    assert_eq!(
        conflicts(text, FactKind::Weekday, date(2023, 3, 20)),
        ["the story is dated Monday, March 20, 2023 @ yesterday (Saturday"]
    );
    let right = "Vote\n\nThe council voted yesterday (Sunday) and meets again today, Monday.\n";
    assert!(conflicts(right, FactKind::Weekday, date(2023, 3, 20)).is_empty());
    assert!(conflicts(text, FactKind::Weekday, None).is_empty());
    assert!(conflicts(text, FactKind::RelativeDate, date(2023, 3, 20)).is_empty());
}

#[test]
fn last_week_or_next_week_beside_a_date_must_fall_near_the_story() {
    let text = "Vote\n\nThe council voted last week, on March 2, to close the pool.\n";
    assert_eq!(
        conflicts(text, FactKind::RelativeDate, date(2023, 3, 20)),
        ["the story is dated March 20, 2023 @ last week, on March 2"]
    );
    let right =
        "Vote\n\nThe council voted last week, on March 14, and meets next week, on March 27.\n";
    assert!(conflicts(right, FactKind::RelativeDate, date(2023, 3, 20)).is_empty());
}

#[test]
fn shares_of_one_whole_over_a_hundred_are_found() {
    let text = "Poll\n\nIn the poll, 52% backed the plan, 41% opposed it and 19% were undecided.\n";
    assert_eq!(
        conflicts(text, FactKind::Shares, None),
        [
            "these shares add up to 112% @ In the poll, 52% backed the plan, 41% opposed it and 19% were undecided."
        ]
    );
    let groups = "Poll\n\nIn the poll, 82% of Democrats and 41% of Republicans backed the plan.\n";
    assert!(conflicts(groups, FactKind::Shares, None).is_empty());
    let rounded = "Poll\n\nThe vote split 50.5% for, 49.6% against.\n";
    assert!(conflicts(rounded, FactKind::Shares, None).is_empty());
}

#[test]
fn shares_compared_within_one_whole_are_read_but_two_times_or_groups_are_not() {
    let one_whole =
        "Poll\n\nThe survey found 71% backed the bypass compared with 38% against it.\n";
    assert_eq!(conflicts(one_whole, FactKind::Shares, None).len(), 1);
    let points = "Poll\n\nThe poll found 60% blamed the council, up 9 points from May, while 45% blamed the mayor.\n";
    assert_eq!(conflicts(points, FactKind::Shares, None).len(), 1);
    for quiet in [
        "Poll\n\nThe survey found 71% backed the bypass, compared with 38% in 2019.\n",
        "Poll\n\nIn the poll, 64% backed it then compared with 54% now.\n",
        "Poll\n\nAmong the over-65s in the survey, 70% vote, compared with 39% of people under 30.\n",
        "Poll\n\nIn the poll, 61% back the plan, up from 48% in spring.\n",
        "Poll\n\nThe vote went 52% for and 53% against, up 5% from the last one.\n",
    ] {
        assert!(
            conflicts(quiet, FactKind::Shares, None).is_empty(),
            "{quiet}"
        );
    }
}

/// Every day of 1900–2100 written as "Weekday, Month D, YYYY": the facts layer finds no
/// contradiction with the weekday `chrono` gives, and finds one with the day after's.
#[test]
fn weekday_of_every_day_from_1900_to_2100_matches_chrono() {
    let mut day = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
    let mut checked = 0;
    while day <= last {
        let right = day
            .format("Vote\n\nIt was held on %A, %B %-d, %Y.\n")
            .to_string();
        let wrong_day = day.succ_opt().unwrap().format("%A").to_string();
        let wrong = day
            .format(&format!(
                "Vote\n\nIt was held on {wrong_day}, %B %-d, %Y.\n"
            ))
            .to_string();
        let read = |text: &str| {
            let article = Article::parse("t.txt", text, Format::Plain);
            let weekdays = article.facts().weekdays.clone();
            (
                weekdays,
                article.facts().conflicts(FactKind::Weekday, None).len(),
            )
        };
        let (weekdays, found) = read(&right);
        assert_eq!(weekdays.len(), 1, "{right}");
        assert_eq!(weekdays[0].date, Some(day));
        assert_eq!(found, 0, "{right}");
        assert_eq!(read(&wrong).1, 1, "{wrong}");
        checked += 1;
        day = day.succ_opt().unwrap();
    }
    assert_eq!(checked, 73_414);
    assert_eq!(last.year() - 1900, 200);
}

#[test]
fn every_title_word_is_found_in_any_case() {
    use super::roles::{OFFICES, QUALIFIERS, ROLE_WORD_MAX, role};
    for &(written, spelled) in OFFICES {
        assert!(written.len() <= ROLE_WORD_MAX, "{written}");
        assert_eq!(role(&written.to_uppercase()).office(), Some(spelled));
    }
    for &qualifier in QUALIFIERS {
        assert!(qualifier.len() <= ROLE_WORD_MAX, "{qualifier}");
        assert!(role(&qualifier.to_ascii_uppercase()).in_title());
    }
    assert!(role("Presidential").office().is_none() && !role("Blinken").in_title());
    assert!(
        role("a-very-long-word-that-is-no-title-at-all")
            .office()
            .is_none()
    );
}
