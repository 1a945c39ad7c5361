"""Vietnamese personal names: splitting, NFC, and the sort order of Vietnamese staff lists.

Lists are sorted by given name (tên), then middle name (tên đệm), then family name (họ). Within a
part, letters follow the Vietnamese alphabet — a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v
x y (the foreign f j w z slot in at their Latin places) — and the tones break ties between parts with
the same letters, in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.

`sort_key()` gives a Python tuple; `sort_key_text()` gives the same order as a string of digits, so a
database can ORDER BY it under any collation (digits compare alike in every locale).
"""

from __future__ import annotations

import unicodedata

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
LETTER_RANK = {ch: i for i, ch in enumerate(ALPHABET)}
_RANK = LETTER_RANK

_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_SHAPE = {  # letter modifiers that make a different letter
    ("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư",
}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean_name(text: str) -> str:
    """NFC, single spaces, no leading/trailing blanks."""
    return " ".join(nfc(text).split())


def split_full_name(full_name: str) -> tuple[str, str, str]:
    """'Nguyễn Thị Minh Anh' → ('Nguyễn', 'Thị Minh', 'Anh'). A single word is a given name."""
    words = clean_name(full_name).split(" ")
    if not words or words == [""]:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def base_and_tone(ch: str) -> tuple[str, int]:
    """A lower-case character's base letter — ă â ê ô ơ ư đ count as letters of their own — and its
    tone (0 ngang, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng)."""
    if ch == "đ":
        return "đ", 0
    decomposed = unicodedata.normalize("NFD", ch)
    base, tone = decomposed[0], 0
    for mark in decomposed[1:]:
        if mark in _TONES:
            tone = _TONES[mark]
        elif (base, mark) in _SHAPE:
            base = _SHAPE[(base, mark)]
    return base, tone


def _letters(word: str) -> tuple[list[int], list[int]]:
    """Base-letter ranks and per-letter tones of a word (case-insensitive)."""
    ranks: list[int] = []
    tones: list[int] = []
    for ch in nfc(word).lower():
        base, tone = base_and_tone(ch)
        if base in _RANK:
            ranks.append(20 + _RANK[base])  # letters 20–52
        elif base.isdigit():
            ranks.append(2 + int(base) % 10)  # digits 2–11, before letters
        elif base in " -'":
            ranks.append(1)  # word breaks inside a part
        else:
            ranks.append(60 + ord(base) % 39)  # anything else after the letters, stable
        tones.append(tone)
    return ranks, tones


def sort_key(family: str, middle: str, given: str) -> tuple[tuple[int, ...], ...]:
    """A key that sorts names the Vietnamese way: the given name (letters, then its tones), then the
    middle name, then the family name. So every "Anh" comes before every "Ánh", and "Lê Thị Anh"
    before "Phạm Thị Anh"."""
    key: list[tuple[int, ...]] = []
    for part in (given, middle, family):
        ranks, tones = _letters(part)
        key.append(tuple(ranks))
        key.append(tuple(tones))
    return tuple(key)


def sort_key_text(family: str, middle: str, given: str) -> str:
    """The same order as `sort_key()` as a digit string: per part, two digits per letter and '00' after
    the letters, then one digit per tone and '0' after the tones."""
    out = []
    for part in (given, middle, family):
        ranks, tones = _letters(part)
        out.append("".join(f"{r:02d}" for r in ranks) + "00")
        out.append("".join(str(t + 1) for t in tones) + "0")
    return "".join(out)


def full_name_sort_key(full_name: str) -> tuple[tuple[int, ...], ...]:
    return sort_key(*split_full_name(full_name))


def text_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Vietnamese order for any text (place names, titles): letters first, tones break ties."""
    ranks, tones = _letters(" ".join(text.split()))
    return tuple(ranks), tuple(tones)
