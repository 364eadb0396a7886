"""The README's Python example runs as written and prints what it shows."""

import doctest

from conftest import REPO

MARKER = "<!-- python doctest"


def test_the_readme_example_prints_what_it_shows(tmp_path, monkeypatch):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert MARKER in readme, "README should mark its Python example"
    block = readme.split(MARKER, 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)  # no copydesk.toml to find: the defaults, as in the example
    test = doctest.DocTestParser().get_doctest(block, {}, "README", "README.md", 0)
    assert len(test.examples) >= 5
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
