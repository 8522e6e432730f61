"""PySide6's scan of every module's source, turned off: cramplog selects no `__feature__`.

Once PySide6 is imported, it reads the source of each module imported after it
(`inspect.getsource`), to learn whether the module uses PySide and so may select a feature
such as `from __feature__ import snake_case`; every line it reads stays in `linecache` for
the life of the process. Measured from launch to the whole list of a 10-year diary: 328
modules read (66 ms), 483 files and 8.5 MB of source text kept.

cramplog selects no feature anywhere, so every type keeps its usual names and nothing is
ever switched: each module is taken as one that selects none ("ignored", PySide's -1),
without reading it. The scan is private to PySide (`shibokensupport.feature`); if it is not
found as expected, nothing is changed and PySide scans as before.

Importing this module turns the scan off: the app's start-up (`ui.startup.app`) and the
GP summary's pages (`render.report_document`) import it first. `render.charts` and the
modules start-up's worker imports never load Qt, so they do not import it.
"""

from __future__ import annotations

import sys

import PySide6  # noqa: F401  (importing it installs the import hook whose scan this turns off)

FEATURE_MODULE = "shibokensupport.feature"
SCAN = "_mod_uses_pyside"


def _selects_no_feature(module: object) -> bool:
    return False


def skip_source_scan() -> bool:
    """Turn the scan off; False when PySide has none where it is looked for."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, SCAN, None)):
        return False
    setattr(feature, SCAN, _selects_no_feature)
    return True


skip_source_scan()
