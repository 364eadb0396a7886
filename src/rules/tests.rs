use super::*;

#[test]
fn templates_fill_known_placeholders() {
    assert_eq!(
        fill_template(
            "Use `{preferred}` not `{match}` {x}",
            &[("match", "e-mail"), ("preferred", "email")]
        ),
        "Use `email` not `e-mail` {x}"
    );
    let names: Vec<_> = placeholders("a {b} c {d}").map(|(_, n)| n).collect();
    assert_eq!(names, ["b", "d"]);
}

#[test]
fn keep_case_follows_the_original() {
    assert_eq!(keep_case("E-mail", "email"), "Email");
    assert_eq!(keep_case("E-MAIL", "email"), "EMAIL");
    assert_eq!(keep_case("e-mail", "email"), "email");
    assert_eq!(keep_case("colour", "color"), "color");
}

#[test]
fn scope_is_a_set_of_block_kinds() {
    let scope = Scope::of(&[BlockKind::Headline, BlockKind::Subhead]);
    assert!(scope.contains(BlockKind::Subhead));
    assert!(!scope.contains(BlockKind::Paragraph));
    assert_eq!(scope.kinds().count(), 2);
}
