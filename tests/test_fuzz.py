"""A short fuzz of the front doors (the long runs are recorded in docs/testing.md)."""

from tests.fuzzing import files_test, gherkin_test, rules_test


def test_fuzz_the_gherkin_runner():
    gherkin_test(100)()


def test_fuzz_the_rule_pack_loader():
    rules_test(25)()


def test_fuzz_what_a_feature_path_can_name():
    files_test(20)()
