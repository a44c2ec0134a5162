"""Rule packs: the bundled law loads; bad packs are refused with file, line and what is accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

from constraint_engine.errors import InputError, InputErrors
from constraint_engine.loading import default_rules_dir, load_rulebook

BUNDLED = default_rules_dir()


def test_every_bundled_provision_cites_its_authority_with_status_and_sources():
    book = load_rulebook()
    assert len(book.provisions) >= 9
    for prov in book.provisions.values():
        assert prov.citation and prov.status in {"verified", "reported", "uncertain"}
        assert prov.sources and all(s.url.startswith("http") for s in book.source_list(prov.id, prov.sources))
        assert prov.text and prov.summary
        # A prohibition says what would lift it; a duty says what it requires, of whom, by when.
        assert prov.cure if prov.kind == "prohibition" else True
        assert prov.duty is not None if prov.kind == "duty" else True


def test_vocabulary_citations_and_aliases_are_carried():
    book = load_rulebook()
    cites = {p.citation for p in book.provisions.values()}
    aliases = {a for p in book.provisions.values() for a in p.aliases}
    assert {
        "22 U.S.C. 1928f(a)",
        "22 U.S.C. 1928f(b)",
        "22 U.S.C. 1928f(c)(1)",
        "22 U.S.C. 1928f(c)(2)",
        "Pub. L. 119-60, § 1249",
        "North Atlantic Treaty, Art. 13",
    } <= cites
    assert {"Pub. L. 118-31, § 1250A(a)", "Pub. L. 118-31, § 1250A(c)(2)", "NDAA FY2026 § 1249"} <= aliases


def test_parameters_are_dated_values_with_sources():
    book = load_rulebook()
    floor = book.parameters["ndaa-fy2026.1249.troop-floor"]
    assert floor.values[0].value == 76000 and floor.values[0].status == "reported"
    assert str(book.parameters["nsa.senate-fraction"].values[0].value) == "2/3"


def _pack_dir(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    for f in BUNDLED.glob("*.yaml"):
        (folder / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def _errors(folder: Path) -> list[InputError]:
    with pytest.raises((InputError, InputErrors)) as info:
        load_rulebook(folder)
    exc = info.value
    return exc.errors if isinstance(exc, InputErrors) else [exc]


def _edit(name: str, old: str, new: str) -> str:
    text = (BUNDLED / name).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path):
    errors = _errors(_pack_dir(tmp_path, "bad.yaml", "pack: bad\ntitle: [unclosed\n"))
    assert errors[0].file and errors[0].file.endswith("bad.yaml") and errors[0].line == 3


def test_python_object_tags_are_refused_and_run_nothing(tmp_path: Path):
    text = "pack: evil\ntitle: !!python/object/apply:os.system ['touch pwned']\n"
    errors = _errors(_pack_dir(tmp_path, "evil.yaml", text))
    assert errors[0].line == 2 and "refused" in errors[0].message()
    assert not Path("pwned").exists()


def test_unknown_key_is_named_with_its_line(tmp_path: Path):
    text = _edit(
        "north-atlantic-treaty.yaml",
        "    title: Denunciation only",
        "    titel: x\n    title: Denunciation only",
    )
    folder = _pack_dir(tmp_path, "north-atlantic-treaty.yaml", text)
    errors = _errors(folder)
    message = "\n".join(e.message() for e in errors)
    assert "titel: unknown key" in message
    line = next(e.line for e in errors if "titel" in e.message())
    assert (folder / "north-atlantic-treaty.yaml").read_text().splitlines()[line - 1].strip() == "titel: x"


def test_provision_without_citation_or_status_is_refused(tmp_path: Path):
    text = _edit("north-atlantic-treaty.yaml", "    citation: North Atlantic Treaty, Art. 13\n", "")
    text = text.replace(
        "    status: verified\n    sources: [NATO, S27, S28]\n    in_force",
        "    sources: [NATO, S27, S28]\n    in_force",
    )
    message = "\n".join(e.message() for e in _errors(_pack_dir(tmp_path, "north-atlantic-treaty.yaml", text)))
    assert "provisions.0.citation: required key is missing" in message
    assert "provisions.0.status: required key is missing" in message


def test_impossible_date_is_refused(tmp_path: Path):
    text = _edit(
        "north-atlantic-treaty.yaml", "in_force: {since: 1949-08-24}", "in_force: {since: 1949-02-30}"
    )
    folder = _pack_dir(tmp_path, "north-atlantic-treaty.yaml", text)
    (error,) = _errors(folder)
    assert "day is out of range" in error.message() and "calendar date" in error.message()
    assert (
        "1949-02-30"
        in (folder / "north-atlantic-treaty.yaml").read_text().splitlines()[(error.line or 0) - 1]
    )


def test_parameter_of_the_wrong_type_is_refused(tmp_path: Path):
    text = _edit("nato-support-act.yaml", 'value: "2/3"', 'value: "two thirds"')
    errors = _errors(_pack_dir(tmp_path, "nato-support-act.yaml", text))
    assert any("not a fraction" in e.message() for e in errors)


def test_duplicate_ids_across_packs_are_refused(tmp_path: Path):
    text = (
        (BUNDLED / "north-atlantic-treaty.yaml")
        .read_text()
        .replace("pack: north-atlantic-treaty", "pack: copy")
    )
    errors = _errors(_pack_dir(tmp_path, "copy.yaml", text))
    assert any("duplicate id 'nat.art13'" in e.message() and "already used at" in e.message() for e in errors)


def test_condition_on_an_unknown_fact_field_is_refused(tmp_path: Path):
    text = _edit("north-atlantic-treaty.yaml", "- date: {lt:", "- dated: {lt:")
    errors = _errors(_pack_dir(tmp_path, "north-atlantic-treaty.yaml", text))
    assert any(
        "unknown field 'dated' of action" in e.message() and "fields of action" in e.message() for e in errors
    )


def test_unknown_parameter_reference_is_refused(tmp_path: Path):
    text = _edit("north-atlantic-treaty.yaml", "{param: nat.art13.available-from}", "{param: nat.art13.nope}")
    errors = _errors(_pack_dir(tmp_path, "north-atlantic-treaty.yaml", text))
    assert any("unknown parameter 'nat.art13.nope'" in e.message() for e in errors)


def test_a_duplicate_key_names_the_line_of_the_repeated_key():
    from constraint_engine.errors import InputError
    from constraint_engine.safe_yaml import load_yaml

    text = "pack: x\nparameters:\n  - {since: 2023-12-22, value: 180,\n     value: 1}\n"
    with pytest.raises(InputError) as caught:
        load_yaml(text, "p.yaml")
    assert caught.value.line == 4 and "first given on line 3" in caught.value.problem


def test_a_verified_provision_needs_a_primary_source(tmp_path):
    from constraint_engine.errors import InputErrors

    for pack in default_rules_dir().glob("*.yaml"):
        (tmp_path / pack.name).write_text(pack.read_text(encoding="utf-8"), encoding="utf-8")
    treaty = tmp_path / "north-atlantic-treaty.yaml"
    treaty.write_text(
        treaty.read_text(encoding="utf-8").replace("sources: [NATO, S27, S28]", "sources: [S27, S28]")
    )
    with pytest.raises(InputErrors) as caught:
        load_rulebook(tmp_path)
    assert "nat.art13 is marked verified but cites no primary or official source" in str(caught.value)


def test_a_source_must_be_a_web_address(tmp_path):
    from constraint_engine.errors import InputErrors

    for pack in default_rules_dir().glob("*.yaml"):
        text = pack.read_text(encoding="utf-8")
        (tmp_path / pack.name).write_text(text.replace("https://www.nato.int", "javascript:alert(1)//"))
    with pytest.raises(InputErrors, match="is not a web address"):
        load_rulebook(tmp_path)
