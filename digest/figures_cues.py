"""What the words around a capitalised run say it names: a thing, a place or a firm rather
than a person ("giải Roland Garros", "bang Punjab", "Tập đoàn Hoàng Anh Gia Lai"), and which
lower-case words between a role and a name may say what kind ("HLV thể lực Carlos Lalin"). Shared
by the people rules (`figures_people`, `figures_names`) and the famous-people checks
(`figures_famous`)."""

from __future__ import annotations

import re

from digest.figures_reader import Reader
from digest.figures_words import PLACE_NOUNS, VERB_STOP

# Words before a name that make it an event's, a medium's, a place's or a brand's: "giải Roland
# Garros", "sân Santiago Bernabeu", "tạp chí Marie Claire", "thương hiệu Louis Vuitton".
NOT_A_PERSON_BEFORE = ("giải", "sân", "sân vận động", "thương hiệu", "nhãn hiệu", "hãng", "công ty",
                       "tập đoàn", "khách sạn", "nhà hát", "bảo tàng", "trường", "đại học", "tàu",
                       "sân bay", "cầu", "đường", "phố", "đại lộ", "quỹ", "giải thưởng", "tượng",
                       "tạp chí", "tờ", "báo", "kênh", "đài", "ban nhạc", "nhóm nhạc", "album",
                       "bài hát", "ca khúc", "phim", "bộ phim", "clb", "câu lạc bộ", "chung cư", "căn hộ")
NOT_A_PERSON_CUE = r"(?<![^\W\d_])(?:" + "|".join(NOT_A_PERSON_BEFORE) + r")\s+"
NOT_A_PERSON_OR_PLACE_CUE = r"(?<![^\W\d_])(?:" + "|".join((*NOT_A_PERSON_BEFORE, *PLACE_NOUNS)) + r")\s+"
# Firms and clubs named after people, in words that are no part of a longer one: "Tập đoàn
# Hoàng Anh Gia Lai" (not "nhà báo ...", "đối tượng ...", where "báo" and "tượng" end a word).
FIRM_CUE = r"(?<![^\W\d_])(?:tập đoàn|công ty|clb|câu lạc bộ|đội bóng|ngân hàng|khách sạn|bệnh viện)\s+"
# Words that end the qualifiers of a role: verbs and links, and the heads of an organisation
# whose name comes next ("cầu thủ đội tuyển Arsenal Aaron Ramsey").
NOT_QUALIFIERS = VERB_STOP | frozenset(
    "nhưng còn hay hoặc rồi đội tuyển clb bộ ty đoàn hãng báo đài trường viện ban sở".split())


def named_as_a_thing(reader: Reader, name: str, cue: str = NOT_A_PERSON_CUE) -> bool:
    """Whether the text names `name` after `cue` somewhere: as an event, a medium or a brand
    ("giải Roland Garros"), with NOT_A_PERSON_OR_PLACE_CUE also as a place ("bang Punjab": then
    "Thống đốc Punjab" is the state's governor, unnamed), with FIRM_CUE as a firm or a club.
    The first two are loose ("nhà báo Matthew Herper" reads as "báo ..."; "liên bang Peter
    Frank" as "bang ..."): asked only together with other evidence, or of one-word names."""
    return re.search(cue + re.escape(name) + r"(?![^\W\d_])", reader.text, re.IGNORECASE) is not None
