//! The output formats of `check --format`, one line each: the command line reads its
//! `--format` values, their help and what each format can do from [`EMITTERS`], so adding a
//! format is its file (a type implementing [`Emitter`]) and one line here.

use super::emitter::Emitter;

/// Every output format, one line each, in the order `--help` lists them.
pub const EMITTERS: &[&dyn Emitter] = &[
    &super::human::Human,
    &super::concise::Concise,
    &super::json::Json,
    &super::json::JsonLines,
    &super::sarif::Sarif,
    &super::github::Github,
];

/// The format printed when none is asked for.
pub const DEFAULT_EMITTER: &dyn Emitter = &super::human::Human;

/// The output format named `name`.
pub fn emitter_named(name: &str) -> Option<&'static dyn Emitter> {
    EMITTERS.iter().copied().find(|e| e.name() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_the_default_is_in_the_table() {
        for (index, format) in EMITTERS.iter().enumerate() {
            assert!(
                EMITTERS[..index].iter().all(|e| e.name() != format.name()),
                "`{}` is listed twice",
                format.name()
            );
            assert!(
                emitter_named(format.name()).is_some_and(|e| e.help() == format.help()),
                "{}",
                format.name()
            );
        }
        assert!(emitter_named(DEFAULT_EMITTER.name()).is_some());
        assert!(emitter_named("docx").is_none());
    }
}
