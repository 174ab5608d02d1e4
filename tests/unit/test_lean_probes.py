"""Which modules the lean runtime leaves out: those only probed for, read from the sources alone."""

from __future__ import annotations

from textwrap import dedent

import pytest

from generator.site.lean_probes import module_name, probed_only

# Each case: the sources (zip path → code), then the modules left out. "main.py" is imported by
# nothing, as the runtime's own entry points are (Python's start-up, Pyodide's C code, the widget).
CASES = {
    "an import under except ImportError": (
        {"main.py": "try:\n    import bz2\nexcept ImportError:\n    bz2 = None\n", "bz2.py": ""},
        ["bz2"],
    ),
    "the same module imported outright elsewhere": (
        {"main.py": "try:\n    import bz2\nexcept ImportError:\n    pass\nimport helper\n", "helper.py": "import bz2\n", "bz2.py": ""},
        [],
    ),
    "a handler that raises another error": (
        {"main.py": "try:\n    import _ssl\nexcept ImportError:\n    raise RuntimeError('needs ssl')\n", "_ssl.py": ""},
        [],
    ),
    "a handler for some other error": (
        {"main.py": "try:\n    import bz2\nexcept ValueError:\n    pass\n", "bz2.py": ""},
        [],
    ),
    "a tuple of handlers, and ModuleNotFoundError": (
        {"main.py": "try:\n    import a\nexcept (AttributeError, ImportError):\n    pass\n"
                    "try:\n    import b\nexcept ModuleNotFoundError:\n    pass\n", "a.py": "", "b.py": ""},
        ["a", "b"],
    ),
    "a bare except and except Exception": (
        {"main.py": "try:\n    import a\nexcept:\n    pass\ntry:\n    import b\nexcept Exception:\n    pass\n", "a.py": "", "b.py": ""},
        ["a", "b"],
    ),
    "the fallback in the handler is needed": (
        {"main.py": "try:\n    import fast\nexcept ImportError:\n    import slow\n", "fast.py": "", "slow.py": ""},
        ["fast"],
    ),
    "an inner try for another error, inside a tolerant one": (
        {"main.py": "try:\n    try:\n        import a\n    except ValueError:\n        pass\nexcept ImportError:\n    pass\n", "a.py": ""},
        ["a"],
    ),
    "an import in a function counts as one made": (
        {"main.py": "def later():\n    import a\n", "a.py": ""},
        [],
    ),
    "what only a probed-for module imports goes with it": (
        {
            "main.py": "import io\ntry:\n    from compression import zstd\nexcept ImportError:\n    pass\n",
            "compression/__init__.py": "",
            "compression/zstd/__init__.py": "from compression.zstd._zstdfile import ZstdFile\nfrom . import _zstdfile\n",
            "compression/zstd/_zstdfile.py": "from compression._common import _streams\nimport compression.zstd\n",
            "compression/_common/__init__.py": "",
            "compression/_common/_streams.py": "import io\n",
            "io.py": "",
        },
        ["compression", "compression._common", "compression._common._streams", "compression.zstd", "compression.zstd._zstdfile"],
    ),
    "a needed submodule keeps its packages": (
        {"main.py": "import a.b.c\ntry:\n    import a\nexcept ImportError:\n    pass\n",
         "a/__init__.py": "", "a/b/__init__.py": "", "a/b/c.py": ""},
        [],
    ),
    "relative imports are read from the package": (
        {"main.py": "import pkg\n", "pkg/__init__.py": "from . import needed\ntry:\n    from .optional import x\nexcept ImportError:\n    x = None\n",
         "pkg/needed.py": "", "pkg/optional.py": "x = 1\n"},
        ["pkg.optional"],
    ),
    "a function defined in a tolerant try runs outside it": (
        {"main.py": "try:\n    import fast\n    def helper():\n        import other\nexcept ImportError:\n    pass\n",
         "fast.py": "", "other.py": ""},
        ["fast"],
    ),
    "the else and finally of a tolerant try are not in it": (
        {"main.py": "try:\n    pass\nexcept ImportError:\n    pass\nelse:\n    import a\nfinally:\n    import b\n", "a.py": "", "b.py": ""},
        [],
    ),
    "except* and a dotted exception name": (
        {"main.py": "import builtins\ntry:\n    import a\nexcept* ImportError:\n    pass\n"
                    "try:\n    import b\nexcept builtins.ImportError:\n    pass\n", "builtins.py": "", "a.py": "", "b.py": ""},
        ["a", "b"],
    ),
    "import a.b as c loads a and a.b": (
        {"main.py": "import a.b as c\ntry:\n    import a.d\nexcept ImportError:\n    pass\n",
         "a/__init__.py": "", "a/b.py": "", "a/d.py": ""},
        ["a.d"],
    ),
    "a relative import two levels up": (
        {"main.py": "import pkg.sub\n", "pkg/__init__.py": "", "pkg/sub/__init__.py": "from .. import sibling\n", "pkg/sibling.py": ""},
        [],
    ),
    "a relative import above the top package loads nothing": (
        {"main.py": "import pkg\ntry:\n    import x\nexcept ImportError:\n    pass\n",
         "pkg/__init__.py": "def later():\n    from ...x import y\n", "x.py": ""},
        ["x"],
    ),
    "a module nobody imports is loaded another way, so it stays": (
        {"main.py": "", "loaded_by_c.py": "try:\n    import a\nexcept ImportError:\n    pass\n", "a.py": ""},
        ["a"],
    ),
}


@pytest.mark.parametrize(("sources", "left_out"), CASES.values(), ids=CASES.keys())
def test_probed_only(sources: dict[str, str], left_out: list[str]) -> None:
    assert probed_only({path: dedent(code).encode() for path, code in sources.items()}) == left_out


@pytest.mark.parametrize(("path", "name"), [
    ("bz2.py", "bz2"),
    ("compression/zstd/__init__.py", "compression.zstd"),
    ("compression/zstd/_zstdfile.py", "compression.zstd._zstdfile"),
    ("offer_engine/bridge.py", "offer_engine.bridge"),
])
def test_module_name(path: str, name: str) -> None:
    assert module_name(path) == name
