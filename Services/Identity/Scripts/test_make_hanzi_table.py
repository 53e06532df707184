"""Tests for make-hanzi-table.py and the committed hanzi-fold.tsv.

Run: python3 -m pytest -q Services/Identity/Scripts
"""

import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent / "make-hanzi-table.py"
_spec = importlib.util.spec_from_file_location("make_hanzi_table", SCRIPT)
mht = importlib.util.module_from_spec(_spec)
sys.modules["make_hanzi_table"] = mht
_spec.loader.exec_module(mht)

TABLE = mht.DEFAULT_OUTPUT
SOURCES_PRESENT = (
    (mht.DEFAULT_UNIHAN_DIR / "Unihan_Readings.txt.bz2").exists()
    or (mht.DEFAULT_UNIHAN_DIR / "Unihan_Readings.txt").exists()
) and (mht.DEFAULT_OPENCC_DIR / "TSCharacters.ocd2").exists() and shutil.which("opencc_dict") is not None
needs_sources = pytest.mark.skipif(not SOURCES_PRESENT,
                                   reason="apt-get install -y unicode-data libopencc1.1 opencc")

# --------------------------------------------------------------------------------------
# Inline samples in the real file formats
# --------------------------------------------------------------------------------------

UNIHAN_SAMPLE = """\
# Unihan_Readings.txt
# Unicode version: 15.0.0
#
U+5F20\tkMandarin\tzhāng
U+5F35\tkMandarin\tzhāng
U+5F35\tkDefinition\tstretch, extend, expand; surname
U+8AB0\tkMandarin\tshuí shéi
U+7EFF\tkMandarin\tlǜ
U+7DA0\tkMandarin\tlǜ
U+5F35\tkSimplifiedVariant\tU+5F20
U+5F20\tkTraditionalVariant\tU+5F35
U+8457\tkSimplifiedVariant\tU+7740 U+8457
U+4E7E\tkSimplifiedVariant\tU+4E7E U+5E72
U+7DA0\tkSimplifiedVariant\tU+7EFF
U+9B31\tkSimplifiedVariant\tU+90C1<kMatthews
"""

OPENCC_SAMPLE = """\
鍊\t炼 链 𫔀
乾\t干 乾
張\t张
綠\t绿
理髮\t理发

瞭\t瞭 了
"""


def unihan():
    return mht.parse_unihan(UNIHAN_SAMPLE.splitlines(keepends=True))


def opencc():
    return mht.parse_opencc(OPENCC_SAMPLE.splitlines(keepends=True))


# --------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------

def test_parse_unihan_fields_and_order():
    u = unihan()
    assert set(u) == {"kMandarin", "kSimplifiedVariant", "kTraditionalVariant"}
    assert u["kMandarin"]["張"] == ["zhāng"]
    assert u["kMandarin"]["誰"] == ["shuí", "shéi"]          # both readings, file order
    assert u["kSimplifiedVariant"]["張"] == ["张"]
    assert u["kTraditionalVariant"]["张"] == ["張"]
    assert u["kSimplifiedVariant"]["著"] == ["着", "著"]
    assert u["kSimplifiedVariant"]["鬱"] == ["郁"]            # '<source' annotation dropped
    assert "kDefinition" not in u                             # unwanted fields skipped


def test_parse_unihan_rejects_malformed_line():
    with pytest.raises(ValueError):
        mht.parse_unihan(["U+5F20 kMandarin zhāng\n"])      # spaces, not tabs
    with pytest.raises(ValueError):
        mht.parse_unihan(["5F20\tkSimplifiedVariant\tU+5F20\n"])


def test_parse_opencc():
    o = opencc()
    assert o["鍊"] == ["炼", "链", "𫔀"]                     # candidate order kept
    assert o["乾"] == ["干", "乾"]
    assert o["瞭"] == ["瞭", "了"]
    assert "理髮" not in o                                   # phrases are not characters
    assert len(o) == 5
    with pytest.raises(ValueError):
        mht.parse_opencc(["張 张\n"])


# --------------------------------------------------------------------------------------
# Pinyin
# --------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("zhāng", "zhang"), ("chén", "chen"), ("liú", "liu"), ("huáng", "huang"), ("guó", "guo"),
    ("lǚ", "lv"), ("lǜ", "lv"), ("nǚ", "nv"), ("lüè", "lve"), ("nü", "nv"), ("lü", "lv"),
    ("ê̄", "e"), ("ḿ", "m"), ("ňg", "ng"), ("ǹ", "n"), ("Wáng", "wang"), ("de", "de"),
])
def test_strip_tone(raw, expected):
    assert mht.strip_tone(raw) == expected


@pytest.mark.parametrize("bad", ["", "zhang1", "ŋ"])
def test_strip_tone_rejects_non_pinyin(bad):
    with pytest.raises(ValueError):
        mht.strip_tone(bad)


def test_primary_pinyin_takes_first_reading():
    assert mht.primary_pinyin(["shuí", "shéi"]) == "shui"
    assert mht.primary_pinyin(["qián", "gān"]) == "qian"
    assert mht.primary_pinyin(None) == ""
    assert mht.primary_pinyin([]) == ""


# --------------------------------------------------------------------------------------
# Simplified form and idempotence
# --------------------------------------------------------------------------------------

def test_choose_simplified_precedence():
    u, o = unihan(), opencc()
    simp = u["kSimplifiedVariant"]
    assert mht.choose_simplified("張", o, simp) == "张"      # both agree
    assert mht.choose_simplified("鍊", o, simp) == "炼"      # OpenCC first candidate
    assert mht.choose_simplified("乾", o, simp) == "干"      # OpenCC beats Unihan (which lists itself)
    assert mht.choose_simplified("瞭", o, simp) == "瞭"      # OpenCC first candidate is itself
    assert mht.choose_simplified("著", o, simp) == "著"      # Unihan lists itself: already simplified
    assert mht.choose_simplified("鬱", o, simp) == "郁"      # Unihan only
    assert mht.choose_simplified("张", o, simp) == "张"      # no mapping


def test_opencc_overrides_conflicting_unihan():
    o = {"鍊": ["炼", "链"]}
    simp = {"鍊": ["𫔀"]}
    assert mht.choose_simplified("鍊", o, simp) == "炼"
    assert mht.choose_simplified("鍊", {}, simp) == "𫔀"
    assert mht.choose_simplified("灠", {}, {"灠": ["漤", "𰜐"]}) == "漤"   # Unihan's first


def test_resolve_chain():
    res = mht.resolve_folding({"薴": "苧", "苧": "苎"})
    assert res.folding == {"薴": "苎", "苧": "苎", "苎": "苎"}
    assert res.chains == [("薴", "苧", "苎")]
    assert res.cycles == []


def test_resolve_cycle_prefers_simplified_member():
    direct = {"甲": "乙", "乙": "丙", "丙": "甲", "丁": "乙"}
    res = mht.resolve_folding(direct, prefer={"丙"})
    assert res.cycles == [("丙", "甲", "乙")]
    assert all(v == "丙" for v in res.folding.values())
    res2 = mht.resolve_folding(direct)                       # no preference: lowest code point
    assert set(res2.folding.values()) == {min("甲乙丙", key=ord)}
    assert res2.cycles[0][0] == min("甲乙丙", key=ord)


def test_resolve_is_idempotent_and_deterministic():
    direct = {"a": "b", "b": "c", "x": "y", "y": "x", "p": "x", "q": "q"}
    first = mht.resolve_folding(direct).folding
    for k, v in first.items():
        assert first.get(v, v) == v
    assert mht.resolve_folding(dict(reversed(list(direct.items())))).folding == first


def test_build_table_rows():
    u, o = unihan(), opencc()
    u["kMandarin"]["𠀀"] = ["hē"]                            # Ext B: kept
    u["kMandarin"]["\U0002B740"] = ["x\u012b"]              # Ext D: outside the ranges
    u["kTraditionalVariant"]["丟"] = ["丟"]                  # no reading, no simplification: dropped
    rows = {c: (s, p) for c, s, p in mht.build_table(u, o).rows}
    assert rows["張"] == ("张", "zhang")
    assert rows["张"] == ("张", "zhang")
    assert rows["綠"] == ("绿", "lv")
    assert rows["誰"] == ("誰", "shui")
    assert rows["鍊"] == ("炼", "")                          # folds, but no reading in the sample
    assert rows["𠀀"] == ("𠀀", "he")
    assert "\U0002B740" not in rows
    assert "丟" not in rows
    table = mht.build_table(u, o)
    assert [r[0] for r in table.rows] == sorted((r[0] for r in table.rows), key=ord)


def test_render_is_deterministic():
    u, o = unihan(), opencc()
    src = [mht.Source("Unihan kMandarin", Path("/x/Unihan_Readings.txt"), "unicode-data", "1", "ab")]
    a = mht.render(mht.build_table(u, o), src, "15.0.0")
    b = mht.render(mht.build_table(unihan(), opencc()), src, "15.0.0")
    assert a == b
    assert "unicode-data 1" in a


# --------------------------------------------------------------------------------------
# Missing sources and --check
# --------------------------------------------------------------------------------------

def test_missing_unihan_names_package(tmp_path, capsys):
    rc = mht.main(["--unihan-dir", str(tmp_path), "--output", str(tmp_path / "out.tsv")])
    assert rc == 2
    err = capsys.readouterr().err
    assert "Unihan_Readings.txt" in err and "apt-get install -y unicode-data" in err
    assert not (tmp_path / "out.tsv").exists()


@pytest.mark.skipif(not (mht.DEFAULT_UNIHAN_DIR / "Unihan_Readings.txt.bz2").exists(), reason="unicode-data")
def test_missing_opencc_names_package(tmp_path, capsys):
    rc = mht.main(["--opencc-dir", str(tmp_path), "--output", str(tmp_path / "out.tsv")])
    assert rc == 2
    assert "apt-get install -y libopencc1.1" in capsys.readouterr().err


@needs_sources
def test_check_mode(tmp_path, capsys):
    out = tmp_path / "hanzi-fold.tsv"
    assert mht.main(["--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == TABLE.read_text(encoding="utf-8")   # committed table is current
    assert mht.main(["--check", "--output", str(out)]) == 0
    out.write_text(out.read_text(encoding="utf-8").replace("\t张\tzhang", "\t張\tzhang"), encoding="utf-8")
    assert mht.main(["--check", "--output", str(out)]) == 1
    assert "out of date" in capsys.readouterr().err
    assert mht.main(["--check", "--output", str(tmp_path / "absent.tsv")]) == 1


# --------------------------------------------------------------------------------------
# The committed table
# --------------------------------------------------------------------------------------

def load_table():
    rows = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        char, simplified, pinyin = line.split("\t")
        assert char not in rows, f"duplicate row for {char}"
        rows[char] = (simplified, pinyin)
    return rows


@pytest.fixture(scope="module")
def table():
    assert TABLE.is_file(), f"{TABLE} missing: run make-hanzi-table.py"
    return load_table()


@pytest.mark.parametrize("char, simplified, pinyin", [
    ("張", "张", "zhang"), ("张", "张", "zhang"),
    ("陳", "陈", "chen"), ("劉", "刘", "liu"), ("黃", "黄", "huang"), ("國", "国", "guo"),
    ("吕", "吕", "lv"), ("呂", "吕", "lv"), ("绿", "绿", "lv"), ("綠", "绿", "lv"),
    ("王", "王", "wang"), ("李", "李", "li"), ("趙", "赵", "zhao"), ("楊", "杨", "yang"),
    ("鄭", "郑", "zheng"), ("區", "区", "qu"), ("廣", "广", "guang"), ("東", "东", "dong"),
    ("著", "著", "zhe"), ("女", "女", "nv"),
])
def test_spot_checks(table, char, simplified, pinyin):
    assert table[char] == (simplified, pinyin)


def test_table_format(table):
    assert len(table) > 40000
    pinyin_re = re.compile(r"^[a-z]*$")
    for char, (simplified, pinyin) in table.items():
        assert len(char) == 1 and mht.in_ranges(char), char
        assert len(simplified) == 1, char
        assert pinyin_re.match(pinyin), (char, pinyin)
        assert simplified != char or pinyin, char            # row has a reason to exist
    chars = [line.split("\t")[0] for line in TABLE.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    assert chars == sorted(chars, key=ord)
    assert TABLE.stat().st_size < 600_000


def test_table_folding_is_idempotent(table):
    offenders = []
    for char, (simplified, _) in table.items():
        again = table.get(simplified, (simplified, ""))[0]
        if again != simplified:
            offenders.append(f"{char}->{simplified}->{again}")
    assert offenders == []


def test_homophone_surnames_share_pinyin(table):
    # 同音字: the pinyin level lets 张/章 and 刘/柳 meet in blocking.
    assert table["张"][1] == table["章"][1] == "zhang"
    assert table["劉"][1] == table["柳"][1] == "liu"
