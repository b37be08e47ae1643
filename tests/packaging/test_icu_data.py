"""What packaging/icu_data.py leaves out of Qt's ICU data (fast: the rules, no build)."""

from __future__ import annotations

import importlib.util

import pytest

from tests.packaging.conftest import ROOT

_spec = importlib.util.spec_from_file_location("icu_data", ROOT / "packaging" / "icu_data.py")
icu = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icu)  # by path: "packaging" is also the name of a library


@pytest.mark.parametrize(
    "item",
    [
        "id.res", "id_ID.res", "in.res", "en.res", "en_GB.res", "en_001.res", "root.res",
        "coll/id.res", "coll/root.res", "coll/ucadata.icu", "zone/id.res", "zone/en_GB.res",
        "curr/pool.res", "res_index.res", "lang/res_index.res", "zone/tzdbNames.res",
        "supplementalData.res", "likelySubtags.res", "zoneinfo64.res", "metaZones.res",
        "plurals.res", "nfkc.nrm", "uts46.nrm", "cnvalias.icu", "brkitr/word.brk",
        "brkitr/id.res",
    ],
)  # fmt: skip
def test_kept(item):
    assert not icu.dropped(item, 1000)


@pytest.mark.parametrize(
    "item",
    [
        "fr.res", "zh_Hant_TW.res", "coll/zh.res", "zone/ja.res", "unit/de_CH.res",
        "curr/yue.res", "rbnf/th.res", "translit/Latin_Katakana.res", "brkitr/cjdict.dict",
        "brkitr/thaidict.dict", "brkitr/ja.res",
    ],
)  # fmt: skip
def test_dropped(item):
    assert icu.dropped(item, 1000)


def test_converters_single_byte_kept_multi_byte_dropped():
    assert not icu.dropped("ibm-5348_P100-1997.cnv", 1_500)  # windows-1252
    assert icu.dropped("ibm-943_P15A-2003.cnv", 200_000)  # Shift_JIS
