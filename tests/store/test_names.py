from __future__ import annotations

import random
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from kpi_desktop.domain.names import (
    full_name_sort_key,
    sort_key,
    sort_key_text,
    split_full_name,
)


def _sorted(names: list[str]) -> list[str]:
    return sorted(names, key=full_name_sort_key)


def test_split_full_name() -> None:
    assert split_full_name("  Nguyễn   Thị Minh  Anh ") == ("Nguyễn", "Thị Minh", "Anh")
    assert split_full_name("Lê Văn") == ("Lê", "", "Văn")
    assert split_full_name("Hoa") == ("", "", "Hoa")


def test_split_normalises_nfd_to_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Trần Thị Ánh")
    family, middle, given_name = split_full_name(nfd)
    assert (family, middle, given_name) == ("Trần", "Thị", "Ánh")
    assert unicodedata.is_normalized("NFC", given_name)


def test_sorted_by_given_then_middle_then_family() -> None:
    names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Văn An", "Phạm Minh An", "Lê Thị An"]
    assert _sorted(names) == [
        "Phạm Minh An", "Lê Thị An", "Trần Thị An", "Lê Văn An", "Nguyễn Văn Bình"]


def test_vietnamese_letter_order() -> None:
    # a < ă < â < b … d < đ < e < ê … o < ô < ơ … u < ư
    given_names = ["Ư", "U", "Ơ", "Ô", "O", "Ê", "E", "Đ", "D", "B", "Â", "Ă", "A"]
    keys = sorted(given_names, key=lambda g: sort_key("", "", g))
    assert keys == ["A", "Ă", "Â", "B", "D", "Đ", "E", "Ê", "O", "Ô", "Ơ", "U", "Ư"]


def test_dang_after_duong_because_d_before_dd() -> None:
    # plain d sorts before đ, whatever follows
    assert _sorted(["Lê Văn Đức", "Lê Văn Dũng"]) == ["Lê Văn Dũng", "Lê Văn Đức"]
    assert _sorted(["Trần Thị Ân", "Trần Thị Anh"]) == ["Trần Thị Anh", "Trần Thị Ân"]


def test_tone_only_breaks_ties_in_dictionary_order() -> None:
    # ngang < huyền < hỏi < ngã < sắc < nặng
    tones = ["Mạ", "Má", "Mã", "Mả", "Mà", "Ma"]
    assert sorted(tones, key=lambda g: sort_key("", "", g)) == ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]
    # the letters decide first: "Anh" (any tone) before "Ba"
    assert _sorted(["Lê Ba", "Lê Ánh"]) == ["Lê Ánh", "Lê Ba"]


def test_given_name_decides_before_the_family_name_even_by_tone() -> None:
    assert _sorted(["Lê Thị Ánh", "Phạm Thị Anh"]) == ["Phạm Thị Anh", "Lê Thị Ánh"]
    assert _sorted(["Trần Văn Á", "Lê Vãn A"]) == ["Lê Vãn A", "Trần Văn Á"]


def test_shorter_name_first() -> None:
    assert _sorted(["Lê Anh", "Lê An"]) == ["Lê An", "Lê Anh"]


def test_case_insensitive_and_nfd_equal_to_nfc() -> None:
    a = full_name_sort_key("nguyễn thị hoà")
    b = full_name_sort_key(unicodedata.normalize("NFD", "Nguyễn Thị Hoà"))
    assert a == b


_name_part = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậếềểễệóòỏõọớờởỡợúùủũụứừửữự ",
                     min_size=0, max_size=8)


@given(st.lists(st.tuples(_name_part, _name_part, _name_part), min_size=2, max_size=12))
def test_text_key_orders_like_tuple_key(parts: list[tuple[str, str, str]]) -> None:
    by_tuple = sorted(parts, key=lambda p: sort_key(*p))
    by_text = sorted(parts, key=lambda p: sort_key_text(*p))
    assert [sort_key(*p) for p in by_tuple] == [sort_key(*p) for p in by_text]
    assert all(ch.isdigit() for p in parts for ch in sort_key_text(*p))


def test_shuffled_staff_list_sorts_stably() -> None:
    expected = ["Đặng Thị Ánh", "Hồ Văn Bảo", "Trương Thị Châu", "Lý Văn Dũng", "Phan Đức Đạt",
                "Võ Thị Giang", "Bùi Thị Hương", "Ngô Văn Ơn", "Đinh Thị Ưng"]
    shuffled = expected[:]
    random.Random(7).shuffle(shuffled)
    assert _sorted(shuffled) == expected
