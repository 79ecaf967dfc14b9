import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lei_desktop.domain.uscc import CHARSET, check, check_character


@pytest.mark.parametrize("code", ["91110108551385082Q", "91110000802100433B", "91110108MA01XH7K2R"])
def test_known_valid_codes(code):
    assert check(code).valid


def test_spaces_hyphens_and_lower_case_are_normalised():
    assert check(" 9111 0108-5513 8508 2q ").valid


def test_wrong_length_names_the_length():
    r = check("9111010855138508")
    assert not r.valid and r.reason == "uscc_length" and dict(r.params)["length"] == 16
    assert "16" in r.message("en") and "16" in r.message("zh")


@pytest.mark.parametrize("bad", ["I", "O", "Z", "S", "V", "*", "é"])
def test_characters_outside_the_set_are_named_with_their_position(bad):
    code = "9111010855138508" + bad + "Q"
    r = check(code)
    assert not r.valid and r.reason == "uscc_charset"
    assert dict(r.params) == {"position": 17, "char": bad.upper()}


def test_wrong_check_character_says_what_it_should_be():
    r = check("91110108551385082A")
    assert r.reason == "uscc_check" and dict(r.params) == {"expected": "Q", "actual": "A"}
    assert "Q" in r.message("zh")


def test_a_real_non_conforming_early_code_fails_the_check():
    # an early Fujian pilot code (brief §4.1): real, but its check character does not conform
    r = check("91350100M0001TGQXM")
    assert r.reason == "uscc_check" and dict(r.params)["expected"] == "1"


def test_check_character_by_the_standard_weights():
    # GB 32100-2015: weights 3^(i-1) mod 31, C18 = 31 - (sum mod 31), 31 -> 0
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    body = "91110108551385082"
    total = sum(CHARSET.index(c) * w for c, w in zip(body, weights, strict=True))
    assert check_character(body) == CHARSET[(31 - total % 31) % 31] == "Q"


@given(st.text(alphabet=CHARSET, min_size=17, max_size=17))
def test_exactly_one_check_character_makes_a_code_valid(body):
    valid = [c for c in CHARSET if check(body + c).valid]
    assert valid == [check_character(body)]


@given(st.text(max_size=40))
def test_any_text_gets_an_answer_never_an_exception(s):
    r = check(s)
    assert r.valid or r.reason in {"uscc_length", "uscc_charset", "uscc_check"}


def test_single_character_substitutions_are_caught():
    rng = random.Random(7)
    code = "91110108551385082Q"
    for _ in range(200):
        i = rng.randrange(17)
        c = rng.choice([x for x in CHARSET if x != code[i]])
        assert not check(code[:i] + c + code[i + 1:]).valid
