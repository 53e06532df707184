#!/usr/bin/env python3
"""Generate the identity service's Hanzi folding table (hanzi-fold.tsv).

The table lets the matcher compare Chinese names and addresses whose source systems
mix simplified and traditional characters (張/张) and homophones (同音字):

    char <TAB> simplified <TAB> pinyin

* ``simplified`` -- the simplified form of ``char`` (``char`` itself when it is already
  simplified or has no mapping).  Chosen by, in order of precedence:
    1. OpenCC's traditional->simplified character table (TSCharacters): its first candidate;
    2. Unihan ``kSimplifiedVariant``: the character itself when Unihan lists it among its
       own simplified forms (it is then already a simplified character), else the first;
    3. the character itself.
  Chains (A->B, B->C) are followed to their end and cycles are collapsed onto one member
  (see ``resolve_folding``), so folding is idempotent: fold(fold(c)) == fold(c).
* ``pinyin`` -- the first (primary, mainland) Unihan ``kMandarin`` reading of ``char``,
  tone marks removed, u-umlaut written ``v`` (张 -> zhang, 绿 -> lv), lowercase ASCII;
  empty when Unihan has no reading.

One line per character in the BMP (CJK Unified Ideographs, the unified ideographs of the
Compatibility block), Extension A or Extension B that has a simplified form other than
itself or a Mandarin reading, sorted by code point.

Sources (Debian packages; no network access is needed):
  * unicode-data:  /usr/share/unicode/Unihan_Readings.txt(.bz2), Unihan_Variants.txt(.bz2)
                   (a plain .txt, .bz2, .gz or a Unihan.zip are all accepted)
  * libopencc1.1:  /usr/share/opencc/TSCharacters.ocd2 -- on Debian 12 the dictionaries ship
                   in libopencc1.1, libopencc-data has only the JSON configs.  A plain
                   TSCharacters.txt next to it is used if present; otherwise the .ocd2 is
                   dumped to text with
  * opencc:        /usr/bin/opencc_dict

Usage:
    python3 Services/Identity/Scripts/make-hanzi-table.py            # (re)write the table
    python3 Services/Identity/Scripts/make-hanzi-table.py --check    # exit 1 if stale
    python3 Services/Identity/Scripts/make-hanzi-table.py --stats    # also print diagnostics

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import bz2
import difflib
import gzip
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

SCRIPT_DIR = Path(__file__).resolve().parent
DEFAULT_OUTPUT = SCRIPT_DIR.parent / "Sources" / "IdentityNormalization" / "Resources" / "hanzi-fold.tsv"
DEFAULT_UNIHAN_DIR = Path("/usr/share/unicode")
DEFAULT_OPENCC_DIR = Path("/usr/share/opencc")

UNIHAN_PACKAGE = "unicode-data"
OPENCC_DICT_PACKAGE = "libopencc1.1"
OPENCC_TOOL_PACKAGE = "opencc"

# Code-point ranges kept in the table.
RANGES: tuple[tuple[int, int, str], ...] = (
    (0x3400, 0x4DBF, "CJK Unified Ideographs Extension A"),
    (0x4E00, 0x9FFF, "CJK Unified Ideographs"),
    (0xF900, 0xFAFF, "CJK Compatibility Ideographs (only those Unihan gives readings/variants)"),
    (0x20000, 0x2A6DF, "CJK Unified Ideographs Extension B"),
)

TOOL_ROLE = "tool: "

UNIHAN_FIELDS = ("kMandarin", "kSimplifiedVariant", "kTraditionalVariant")


class SourceMissing(Exception):
    """A source file or tool is missing; the message names the Debian package to install."""


# --------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------

def in_ranges(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi, _ in RANGES)


def parse_codepoint(token: str) -> str:
    """'U+5F20' (optionally followed by a '<source' annotation) -> '张'."""
    token = token.split("<", 1)[0].strip()
    if not token.startswith("U+"):
        raise ValueError(f"not a code point: {token!r}")
    return chr(int(token[2:], 16))


def parse_unihan(lines: Iterable[str], fields: Iterable[str] = UNIHAN_FIELDS) -> dict[str, dict[str, list[str]]]:
    """Parse Unihan_*.txt lines ('U+5F35<TAB>kMandarin<TAB>zhāng').

    Returns {field: {char: [value, ...]}}, values in file order.  Code-point valued fields
    (k*Variant) are converted to characters.  Comments and unwanted fields are skipped.
    """
    wanted = set(fields)
    out: dict[str, dict[str, list[str]]] = {f: {} for f in wanted}
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"Unihan line {lineno}: expected 3 tab-separated fields: {line!r}")
        cp, key, value = parts
        if key not in wanted:
            continue
        ch = parse_codepoint(cp)
        values = value.split()
        if key.endswith("Variant"):
            values = [parse_codepoint(v) for v in values]
        out[key].setdefault(ch, []).extend(values)
    return out


def parse_opencc(lines: Iterable[str]) -> dict[str, list[str]]:
    """Parse an OpenCC text dictionary ('鍊<TAB>炼 链 𫔀'): {char: [candidates in order]}.

    Only single-character keys and candidates are kept (TSCharacters has no others).
    A key seen twice keeps its first line's candidates followed by any new ones.
    """
    out: dict[str, list[str]] = {}
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"OpenCC line {lineno}: expected key<TAB>values: {line!r}")
        key, values = parts[0].strip(), parts[1].split()
        if len(key) != 1:
            continue
        cands = out.setdefault(key, [])
        for v in values:
            if len(v) == 1 and v not in cands:
                cands.append(v)
        if not cands:
            del out[key]
    return out


# --------------------------------------------------------------------------------------
# Pinyin
# --------------------------------------------------------------------------------------

def strip_tone(syllable: str) -> str:
    """'zhāng' -> 'zhang', 'lǜ' -> 'lv', 'ê̄' -> 'e', 'ḿ' -> 'm'.  Raises on non-pinyin input."""
    s = unicodedata.normalize("NFD", syllable.strip().lower())
    s = s.replace("u\u0308", "v")            # ü (with any tone) -> v
    s = "".join(c for c in s if not unicodedata.combining(c))
    if not s or not s.isascii() or not s.isalpha():
        raise ValueError(f"unexpected pinyin syllable {syllable!r} -> {s!r}")
    return s


def primary_pinyin(readings: list[str] | None) -> str:
    """The first kMandarin reading (Unicode lists the mainland reading first), toneless."""
    if not readings:
        return ""
    return strip_tone(readings[0])


# --------------------------------------------------------------------------------------
# Simplified form
# --------------------------------------------------------------------------------------

def choose_simplified(ch: str, opencc_ts: dict[str, list[str]],
                      unihan_simplified: dict[str, list[str]]) -> str:
    """The direct simplified form of ch (before chain resolution); see module docstring."""
    cands = opencc_ts.get(ch)
    if cands:
        return cands[0]
    cands = unihan_simplified.get(ch)
    if cands:
        return ch if ch in cands else cands[0]
    return ch


@dataclass
class Resolution:
    folding: dict[str, str]                                   # char -> final simplified form
    chains: list[tuple[str, ...]] = field(default_factory=list)   # a->b->c (len >= 3) collapsed
    cycles: list[tuple[str, ...]] = field(default_factory=list)   # members, rotated to the representative


def resolve_folding(direct: dict[str, str], prefer: set[str] | None = None) -> Resolution:
    """Make a char->simplified map idempotent.

    Chains are followed to their fixed point.  A cycle is collapsed onto one member: the
    lowest code point among members in ``prefer`` (characters considered simplified, i.e.
    not keys of OpenCC's traditional->simplified table) if any, else the lowest code point.
    Characters absent from ``direct`` are their own simplified form.
    """
    prefer = prefer or set()
    final: dict[str, str] = {}
    res = Resolution(folding=final)
    for start in sorted(direct, key=ord):
        path: list[str] = []
        index: dict[str, int] = {}
        cur = start
        while cur not in final:
            nxt = direct.get(cur, cur)
            if nxt == cur:                                     # fixed point
                final[cur] = cur
                break
            if cur in index:                                   # back on the path: a cycle
                members = path[index[cur]:]
                preferred = [m for m in members if m in prefer]
                rep = min(preferred or members, key=ord)
                i = members.index(rep)
                res.cycles.append(tuple(members[i:] + members[:i]))
                for m in members:
                    final[m] = rep
                break
            index[cur] = len(path)
            path.append(cur)
            cur = nxt
        for ch in path:
            final.setdefault(ch, final[cur])
    in_cycle = {m for c in res.cycles for m in c}
    for ch in sorted(direct, key=ord):
        if ch not in in_cycle and final[ch] != direct[ch]:
            hops = [ch]
            while hops[-1] != final[ch]:
                hops.append(direct[hops[-1]])
            res.chains.append(tuple(hops))
    return res


# --------------------------------------------------------------------------------------
# Table
# --------------------------------------------------------------------------------------

@dataclass
class Table:
    rows: list[tuple[str, str, str]]
    resolution: Resolution
    notes: dict[str, list[str]]


def build_table(unihan: dict[str, dict[str, list[str]]], opencc_ts: dict[str, list[str]]) -> Table:
    readings = unihan.get("kMandarin", {})
    simp = unihan.get("kSimplifiedVariant", {})
    trad = unihan.get("kTraditionalVariant", {})

    universe = {c for src in (readings, simp, trad, opencc_ts) for c in src if in_ranges(c)}
    direct = {c: choose_simplified(c, opencc_ts, simp) for c in universe}
    direct = {c: s for c, s in direct.items() if s != c}
    prefer = {c for c in universe | set(direct.values()) if c not in opencc_ts}
    resolution = resolve_folding(direct, prefer)

    rows = []
    for ch in sorted(universe, key=ord):
        s = resolution.folding.get(ch, ch)
        py = primary_pinyin(readings.get(ch))
        if s != ch or py:
            rows.append((ch, s, py))

    # Diagnostics (reported by --stats; they do not change the table).
    notes: dict[str, list[str]] = {}
    for ch in sorted(universe, key=ord):
        o, u = opencc_ts.get(ch), simp.get(ch)
        if o and u and o[0] not in u:
            notes.setdefault("opencc_vs_unihan", []).append(f"{ch} OpenCC {''.join(o)} / Unihan {''.join(u)}")
        if ch in simp and ch in trad and ch not in simp[ch] and ch not in trad[ch]:
            notes.setdefault("both_simp_and_trad_variant", []).append(
                f"{ch} simp {''.join(simp[ch])} trad {''.join(trad[ch])}")
        if u and ch in u and len(u) > 1 and not o:
            notes.setdefault("unihan_self_kept", []).append(f"{ch} Unihan simp {''.join(u)}")
        if u and ch not in u and len(u) > 1 and not o:
            notes.setdefault("unihan_multi_first_taken", []).append(f"{ch} Unihan simp {''.join(u)}")
        if o and len(o) > 1:
            notes.setdefault("opencc_multi", []).append(f"{ch} {''.join(o)}")
        f = resolution.folding.get(ch, ch)
        if f != ch and not in_ranges(f):
            notes.setdefault("target_outside_ranges", []).append(f"{ch}->{f} U+{ord(f):X}")
        if f != ch and not readings.get(ch) and readings.get(f):
            notes.setdefault("no_reading_but_simplified_has", []).append(f"{ch}->{f}")
        if o and ch not in readings and ch not in simp and ch not in trad:
            notes.setdefault("opencc_key_not_in_unihan", []).append(ch)
        if readings.get(ch) and len(readings[ch]) > 1 and \
                strip_tone(readings[ch][0]) != strip_tone(readings[ch][1]):
            notes.setdefault("mainland_vs_taiwan_reading", []).append(f"{ch} {' '.join(readings[ch])}")
    for ch, targets in sorted(opencc_ts.items()):
        if in_ranges(ch) and targets[0] in opencc_ts and opencc_ts[targets[0]][0] != targets[0]:
            notes.setdefault("opencc_target_is_key", []).append(f"{ch}->{targets[0]}->{opencc_ts[targets[0]][0]}")
    return Table(rows=rows, resolution=resolution, notes=notes)


# --------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------

@dataclass
class Source:
    role: str          # human description
    path: Path
    package: str
    version: str
    sha256: str        # first 16 hex digits; empty for tools (binaries differ per architecture)


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".bz2":
        return io.TextIOWrapper(bz2.open(path, "rb"), encoding="utf-8")
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8")


def find_unihan_file(directory: Path, name: str) -> tuple[Path, str | None]:
    """Locate Unihan_<x>.txt as .txt/.bz2/.gz, or inside Unihan.zip -> (path, member|None)."""
    for suffix in ("", ".bz2", ".gz"):
        p = directory / (name + suffix)
        if p.is_file():
            return p, None
    z = directory / "Unihan.zip"
    if z.is_file():
        with zipfile.ZipFile(z) as zf:
            if name in zf.namelist():
                return z, name
    raise SourceMissing(
        f"{name} not found in {directory} (looked for {name}, {name}.bz2, {name}.gz, Unihan.zip). "
        f"Install the Debian package: apt-get install -y {UNIHAN_PACKAGE}")


def read_unihan_lines(path: Path, member: str | None) -> list[str]:
    if member is not None:
        with zipfile.ZipFile(path) as zf, zf.open(member) as f:
            return io.TextIOWrapper(f, encoding="utf-8").read().splitlines()
    with _open_text(path) as f:
        return f.read().splitlines()


def read_opencc_ts(directory: Path, tmpdir: Path) -> tuple[list[str], list[tuple[str, Path]]]:
    """TSCharacters as text lines, plus the (role, path) of every file/tool used."""
    for name in ("TSCharacters.txt", "TSCharacters.txt.gz", "TSCharacters.txt.bz2"):
        p = directory / name
        if p.is_file():
            with _open_text(p) as f:
                return f.read().splitlines(), [("OpenCC traditional->simplified characters", p)]
    ocd2 = directory / "TSCharacters.ocd2"
    if not ocd2.is_file():
        raise SourceMissing(
            f"OpenCC TSCharacters.txt/.ocd2 not found in {directory}. Install the Debian package: "
            f"apt-get install -y {OPENCC_DICT_PACKAGE} (Debian ships the .ocd2 dictionaries there; "
            f"libopencc-data only has the JSON configs)")
    tool = shutil.which("opencc_dict")
    if tool is None:
        raise SourceMissing(
            f"{ocd2} is a binary dictionary and the opencc_dict tool to read it is not installed. "
            f"Install the Debian package: apt-get install -y {OPENCC_TOOL_PACKAGE}")
    out = tmpdir / "TSCharacters.txt"
    proc = subprocess.run([tool, "-i", str(ocd2), "-f", "ocd2", "-o", str(out), "-t", "text"],
                          capture_output=True, text=True)
    if proc.returncode != 0 or not out.is_file():
        raise SourceMissing(f"opencc_dict failed on {ocd2}: {proc.stderr.strip() or proc.returncode}")
    with open(out, encoding="utf-8") as f:
        lines = f.read().splitlines()
    return lines, [("OpenCC traditional->simplified characters", ocd2),
                   (TOOL_ROLE + "OpenCC .ocd2 -> text converter", Path(os.path.realpath(tool)))]


def dpkg_package_version(path: Path) -> tuple[str, str]:
    """(package, version) owning path according to dpkg, or ('unknown', 'unknown')."""
    try:
        owner = subprocess.run(["dpkg-query", "-S", str(path)], capture_output=True, text=True, check=True)
        pkg = owner.stdout.splitlines()[0].split(":", 1)[0].split(",")[0].strip()
        ver = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg],
                             capture_output=True, text=True, check=True).stdout.strip()
        return pkg, ver or "unknown"
    except (OSError, subprocess.CalledProcessError, IndexError):
        return "unknown", "unknown"


def describe(role: str, path: Path, hash_it: bool = True) -> Source:
    pkg, ver = dpkg_package_version(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16] if hash_it else ""
    return Source(role=role, path=path, package=pkg, version=ver, sha256=digest)


def load_sources(unihan_dir: Path, opencc_dir: Path, tmpdir: Path):
    unihan_lines: list[str] = []
    used: list[tuple[str, Path]] = []
    unicode_version = "unknown"
    for name, role in (("Unihan_Readings.txt", "Unihan kMandarin"),
                       ("Unihan_Variants.txt", "Unihan kSimplifiedVariant/kTraditionalVariant")):
        path, member = find_unihan_file(unihan_dir, name)
        lines = read_unihan_lines(path, member)
        for line in lines[:20]:
            if line.startswith("# Unicode version:"):
                unicode_version = line.split(":", 1)[1].strip()
        unihan_lines.extend(lines)
        used.append((role, path))
    ts_lines, ts_used = read_opencc_ts(opencc_dir, tmpdir)
    used.extend(ts_used)
    sources = [describe(role, path, hash_it=not role.startswith(TOOL_ROLE)) for role, path in used]
    return parse_unihan(unihan_lines), parse_opencc(ts_lines), sources, unicode_version


# --------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------

def render(table: Table, sources: list[Source], unicode_version: str) -> str:
    res = table.resolution
    head = [
        "# hanzi-fold.tsv -- Hanzi folding table for identity matching (simplified/traditional, pinyin).",
        "# GENERATED by Services/Identity/Scripts/make-hanzi-table.py -- do not edit by hand;",
        "# regenerate: python3 Services/Identity/Scripts/make-hanzi-table.py  (verify: --check)",
        "# Columns: char<TAB>simplified<TAB>pinyin (toneless, u-umlaut as v, empty if no reading).",
        "# simplified: OpenCC TSCharacters first candidate, else Unihan kSimplifiedVariant (itself if",
        "#   listed, else first), else itself; chains/cycles resolved so fold(fold(c)) == fold(c).",
        "# pinyin: first Unihan kMandarin reading.",
        f"# Unicode (Unihan) version: {unicode_version}",
        "# Sources:",
    ]
    for s in sources:
        digest = f"; sha256 {s.sha256}..." if s.sha256 else ""
        head.append(f"#   {s.path}  ({s.role}; Debian {s.package} {s.version}{digest})")
    head.append("# Ranges: " + ", ".join(f"U+{lo:04X}..U+{hi:04X}" for lo, hi, _ in RANGES))
    head.append(f"# Rows: {len(table.rows)}; folded to another char: "
                f"{sum(1 for c, s, _ in table.rows if s != c)}; chains resolved: {len(res.chains)}; "
                f"cycles resolved: {len(res.cycles)}")
    body = [f"{c}\t{s}\t{p}" for c, s, p in table.rows]
    return "\n".join(head + body) + "\n"


def generate(unihan_dir: Path, opencc_dir: Path) -> tuple[str, Table]:
    with tempfile.TemporaryDirectory(prefix="hanzi-table-") as tmp:
        unihan, opencc_ts, sources, uver = load_sources(unihan_dir, opencc_dir, Path(tmp))
    table = build_table(unihan, opencc_ts)
    return render(table, sources, uver), table


def print_stats(table: Table, out=sys.stderr) -> None:
    res = table.resolution
    print(f"rows: {len(table.rows)}", file=out)
    print(f"chains resolved ({len(res.chains)}): " + " ".join("->".join(c) for c in res.chains), file=out)
    print(f"cycles resolved ({len(res.cycles)}): " + " ".join("->".join(c) + "->" + c[0] for c in res.cycles),
          file=out)
    for key in sorted(table.notes):
        items = table.notes[key]
        print(f"{key} ({len(items)}): " + "; ".join(items[:40]) + (" ..." if len(items) > 40 else ""), file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temporary file and diff against the committed table; exit 1 on difference")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help=f"table path (default: {DEFAULT_OUTPUT})")
    ap.add_argument("--unihan-dir", type=Path, default=DEFAULT_UNIHAN_DIR)
    ap.add_argument("--opencc-dir", type=Path, default=DEFAULT_OPENCC_DIR)
    ap.add_argument("--stats", action="store_true", help="print chains, cycles and source conflicts to stderr")
    args = ap.parse_args(argv)

    try:
        text, table = generate(args.unihan_dir, args.opencc_dir)
    except SourceMissing as e:
        print(f"make-hanzi-table: error: {e}", file=sys.stderr)
        return 2
    if args.stats:
        print_stats(table)

    if args.check:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".tsv", delete=False) as tmp:
            tmp.write(text)
            tmp_path = Path(tmp.name)
        try:
            fresh = tmp_path.read_text(encoding="utf-8")
            if not args.output.is_file():
                print(f"make-hanzi-table: {args.output} does not exist; run without --check", file=sys.stderr)
                return 1
            current = args.output.read_text(encoding="utf-8")
            if current != fresh:
                diff = difflib.unified_diff(current.splitlines(), fresh.splitlines(),
                                            str(args.output), "regenerated", lineterm="", n=1)
                for i, line in enumerate(diff):
                    if i >= 60:
                        print("... (diff truncated)", file=sys.stderr)
                        break
                    print(line, file=sys.stderr)
                print(f"make-hanzi-table: {args.output} is out of date; "
                      f"regenerate with python3 Services/Identity/Scripts/make-hanzi-table.py", file=sys.stderr)
                return 1
            print(f"make-hanzi-table: {args.output} is up to date ({len(table.rows)} rows)")
            return 0
        finally:
            tmp_path.unlink(missing_ok=True)

    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp_out = args.output.with_name(args.output.name + ".tmp")
    tmp_out.write_text(text, encoding="utf-8")
    os.replace(tmp_out, args.output)
    print(f"make-hanzi-table: wrote {args.output} ({len(table.rows)} rows, {len(text.encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
