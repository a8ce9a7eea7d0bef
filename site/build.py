#!/usr/bin/env python3
"""Build the pages of the course website with Jupyter Book 1 (Sphinx), one book per edition.

    .venv/bin/python site/build.py --executed out --out out/site NAME...

NAME... are the notebooks, as internal/notebooks.List names them and in its order
(English ones, then fr/...): `make site` (internal/cmd/site) has checked that each
executed notebook, EXECUTED/NAME, is fresh and has no failing cell, and calls this with
them. It writes
  OUT/en/, OUT/fr/   a book each: the notebooks in that order, then the teacher's pages
                     (docs/classroom.md, docs/exercises.md) and the glossary
                     (docs/glossary.md, when there is one); full-text search; on every
                     page a link to the same page in the other edition
  OUT/assets/        what both books load from the site itself: ECharts (eif/chart's
                     copy) and MathJax 2.7 (the jupyter-server-mathjax package)
  OUT/index.html     the choice of edition
and, in WORK (default OUT/../site-src), the books' sources. The explorer's files
(OUT/assets/explorer/) are Go's to build (internal/site.BuildWasm); the books load them
from there.

Nothing is fetched: the theme and extensions are the PyPI packages of
site/requirements.txt, and a page that would load anything from another host stops the
build (the check of scripts/run_notebooks.py's HTML export, REMOTE_LOAD).
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

SITE = Path(__file__).resolve().parent
REPO = SITE.parent
sys.path.insert(0, str(REPO / "scripts"))
from run_notebooks import REMOTE_LOAD, without_live_scripts  # noqa: E402

FRENCH = "fr/"  # the French edition's folder in the notebooks' names (internal/notebooks.French)
EDITIONS = {
    "en": {
        "title": "The exponential integrate-and-fire neuron",
        "notebooks": "The notebooks",
        "teacher": "For the teacher",
        "intro": "A course on the EIF neuron, in Go notebooks that run on the GoNB kernel. "
        "This site shows each notebook as it ran, with its outputs: the charts can be "
        "zoomed and the explorer of notebook 4 moves, all without a network or a kernel. "
        "To run and edit the code, open the notebooks in JupyterLab.",
        "other": "La version française",
    },
    "fr": {
        "title": "Le neurone intègre-et-tire exponentiel",
        "notebooks": "Les notebooks",
        "teacher": "Pour l'enseignant",
        "intro": "Un cours sur le neurone EIF, en notebooks Go qui s'exécutent sur le noyau "
        "GoNB. Ce site montre chaque notebook tel qu'il a été exécuté, avec ses sorties\u00a0: "
        "on peut zoomer dans les graphiques et déplacer les curseurs de l'explorateur du "
        "notebook 4, sans réseau ni noyau. Pour exécuter et modifier le code, ouvrez les "
        "notebooks dans JupyterLab.",
        "other": "The English edition",
    },
}
# The teacher's pages and the glossary, from docs/, in every edition (when present).
TEACHER_PAGES = ["classroom.md", "exercises.md"]
GLOSSARY = "glossary.md"
# What the books load from OUT/assets/, relative to a book's _static folder.
ASSETS = "../../assets/"
ECHARTS = REPO / "eif" / "chart" / "assets" / "echarts.min.js"
EXPLORER_JS = "explorer/eif-explorer.js"  # internal/site.PageJSFile, in assets/explorer/
# chart.Init's output: the ECharts library inlined in the notebook; the site loads it once.
CHART_INIT = 'class="eif-chart-init"'


# Links between the repository's folders, which the books flatten: a notebook's link to
# ../docs/glossary.md (../../docs/ from fr/), and a page's link to
# ../notebooks/[fr/]NAME.ipynb, become links to the page of the same book.
REPO_LINK = re.compile(r"\]\((?:\.\./)+(?:docs/|notebooks/(?:fr/)?)([\w.-]+\.(?:md|ipynb))(#[^)\s]*)?\)")


def book_links(text: str) -> str:
    return REPO_LINK.sub(lambda m: "](" + m.group(1) + (m.group(2) or "") + ")", text)


def html_of(output) -> str:
    page = output.get("data", {}).get("text/html", "")
    return "".join(page) if isinstance(page, list) else page


def for_the_site(nb):
    """The executed notebook as the site shows it: without GoNB's connection script
    (no kernel to connect to) and without chart.Init's inlined library (the site loads
    it once for all pages), its code highlighted as Go."""
    nb = without_live_scripts(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", []) if CHART_INIT not in html_of(o)]
        elif cell.cell_type == "markdown":
            cell.source = book_links(cell.source)
    info = nb.metadata.setdefault("language_info", {})
    info["name"] = "go"
    info["pygments_lexer"] = "go"
    return nb


def write_book(lang: str, names: list[str], executed: Path, src: Path) -> None:
    """The sources of one edition's book in src."""
    import nbformat

    e = EDITIONS[lang]
    if src.exists():
        shutil.rmtree(src)
    (src / "_templates").mkdir(parents=True)
    shutil.copy(SITE / "templates" / "eif-lang-switch.html", src / "_templates")
    shutil.copytree(SITE / "static", src / "_static")

    chapters = []
    for name in names:
        nb = nbformat.read(executed / name, as_version=4)
        page = Path(name).name
        nbformat.write(for_the_site(nb), src / page)
        chapters.append(Path(page).stem)
    teacher = []
    for page in TEACHER_PAGES + [GLOSSARY]:
        path = REPO / "docs" / page
        if path.exists():
            (src / page).write_text(book_links(path.read_text(encoding="utf-8")), encoding="utf-8")
            teacher.append(Path(page).stem)
    for image in (REPO / "docs").glob("*.png"):
        shutil.copy(image, src / image.name)

    other = "fr" if lang == "en" else "en"
    (src / "index.md").write_text(
        f"# {e['title']}\n\n{e['intro']}\n\n"
        f'<p><a class="eif-lang-switch" href="../{other}/index.html" hreflang="{other}">{e["other"]}</a></p>\n\n'
        "```{tableofcontents}\n```\n",
        encoding="utf-8",
    )
    toc = {
        "format": "jb-book",
        "root": "index",
        "parts": [
            {"caption": e["notebooks"], "chapters": [{"file": c} for c in chapters]},
            {"caption": e["teacher"], "chapters": [{"file": c} for c in teacher]},
        ],
    }
    (src / "_toc.yml").write_text(json.dumps(toc, ensure_ascii=False, indent=1), encoding="utf-8")
    config = {
        "title": e["title"],
        "author": "EIF Notebooks",
        "copyright": "",
        "only_build_toc_files": True,
        "execute": {"execute_notebooks": "off"},
        "html": {"use_download_button": True, "home_page_in_navbar": True, "favicon": "_static/favicon.svg"},
        "launch_buttons": {"thebe": False},
        "repository": {"url": ""},
        "parse": {"myst_enable_extensions": ["colon_fence", "dollarmath", "amsmath", "substitution", "tasklist"],
                  "myst_heading_anchors": 3},
        "sphinx": {
            "config": {
                # Jupyter Book's extensions without sphinx-thebe and sphinx-comments, which
                # load from public CDNs (and sphinx-thebe declares its settings twice a
                # page, a JavaScript error), and without intersphinx, which fetches.
                "extensions": ["sphinx_togglebutton", "sphinx_copybutton", "myst_nb", "jupyter_book",
                               "sphinx_external_toc", "sphinx_design", "sphinx_book_theme"],
                "language": lang,
                "templates_path": ["_templates"],
                "html_theme_options": {
                    "article_header_end": ["eif-lang-switch.html", "article-header-buttons.html"],
                    "use_download_button": True,
                    # Light: the charts are drawn on white (and pydata-sphinx-theme logs an
                    # error for the empty default).
                    "default_mode": "light",
                    "use_fullscreen_button": True,
                    "home_page_in_toc": True,
                    "search_bar_text": "Rechercher…" if lang == "fr" else "Search…",
                },
                # MathJax 2.7, served by the site (assets/mathjax); TeX in \( \) and \[ \].
                "mathjax_path": ASSETS + "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe",
                # The package ships the STIX-Web fonts only, not MathJax's TeX fonts: the
                # output is told to use them, as in the HTML exports (scripts/nbconvert_templates).
                "mathjax2_config": {
                    "tex2jax": {"inlineMath": [["\\(", "\\)"]], "displayMath": [["\\[", "\\]"]], "processEscapes": True},
                    "HTML-CSS": {"availableFonts": [], "preferredFont": None, "webFont": "STIX-Web", "imageFont": None},
                    "messageStyle": "none",
                },
                # MyST would set MathJax 3's options (a window.MathJax object that stops
                # MathJax 2 from loading its input and output) and hide the pages from
                # MathJax but for its classes: MathJax 2 reads \( \) and \[ \] anywhere.
                "myst_update_mathjax": False,
                "html_js_files": [ASSETS + "echarts.min.js", ASSETS + EXPLORER_JS],
                "html_last_updated_fmt": "",
                "nb_output_stderr": "show",
                "nb_merge_streams": True,
                # GoNB's magics (!*, %%) in the setup cells are not Go: highlighted leniently.
                "suppress_warnings": ["mystnb.unknown_mime_type", "misc.highlighting_failure"],
            }
        },
    }
    (src / "_config.yml").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")


def build_book(src: Path, dest: Path) -> None:
    """Run Jupyter Book on src into dest (replaced)."""
    jb = Path(sys.executable).parent / "jupyter-book"
    if not jb.exists():
        sys.exit(f"site/build.py: {jb} is missing: `make site` installs site/requirements.txt")
    build = src.parent / f"_build-{src.name}"
    if build.exists():  # Sphinx keeps the pages of documents that are gone: start clean
        shutil.rmtree(build)
    r = subprocess.run([str(jb), "build", str(src), "--path-output", str(build), "--builder", "html", "--quiet"],
                       capture_output=True, text=True)
    warnings = [l for l in (r.stdout + r.stderr).splitlines() if "WARNING" in l or "ERROR" in l]
    for w in warnings:
        print("   ", w, file=sys.stderr)
    if r.returncode != 0:
        print(r.stdout[-4000:], r.stderr[-4000:], file=sys.stderr)
        sys.exit(f"site/build.py: jupyter-book build {src} failed")
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(build / "_build" / "html", dest)
    shutil.rmtree(dest / ".doctrees", ignore_errors=True)
    (dest / ".buildinfo").unlink(missing_ok=True)


def copy_assets(assets: Path) -> None:
    """ECharts and MathJax, which every page loads from the site."""
    import jupyter_server_mathjax

    assets.mkdir(parents=True, exist_ok=True)
    shutil.copy(ECHARTS, assets / "echarts.min.js")
    if not (assets / "mathjax" / "MathJax.js").exists():
        shutil.copytree(Path(jupyter_server_mathjax.__file__).parent / "static", assets / "mathjax")


def write_index(out: Path) -> None:
    (out / "index.html").write_text(
        """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="fr/_static/favicon.svg">
<title>Le neurone EIF · The EIF neuron</title>
<style>body{font:18px/1.5 sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#222}
a{display:block;margin:1em 0;padding:.8em 1em;border:1px solid #ccc;border-radius:6px;text-decoration:none}
a:hover{background:#f3f6fa}small{color:#666}</style></head>
<body><h1>Le neurone intègre-et-tire exponentiel<br><small>The exponential integrate-and-fire neuron</small></h1>
<a href="fr/index.html" hreflang="fr">Lire le cours en français</a>
<a href="en/index.html" hreflang="en" lang="en">Read the course in English</a>
</body></html>
""",
        encoding="utf-8",
    )


def check_offline(out: Path) -> None:
    """Stop if a page would load anything from another host."""
    bad = []
    for page in out.rglob("*.html"):
        if "assets/mathjax" in page.as_posix():
            continue
        for m in REMOTE_LOAD.findall(page.read_text(encoding="utf-8", errors="replace")):
            bad.append(f"{page.relative_to(out)}: {m}")
    if bad:
        sys.exit("site/build.py: pages that would load from the network:\n  " + "\n  ".join(bad[:20]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="+", help="the notebooks, as internal/notebooks.List names them")
    parser.add_argument("--executed", type=Path, required=True, help="the folder of the executed notebooks")
    parser.add_argument("--out", type=Path, required=True, help="the site's folder")
    parser.add_argument("--work", type=Path, help="the books' sources (default: OUT/../site-src)")
    args = parser.parse_args()
    work = args.work or args.out.parent / "site-src"
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in EDITIONS:
        names = [n for n in args.names if n.startswith(FRENCH) == (lang == "fr")]
        if not names:
            sys.exit(f"site/build.py: no notebook of the {lang} edition")
        print(f"== {lang}: {len(names)} notebooks", flush=True)
        write_book(lang, names, args.executed, work / lang)
        build_book(work / lang, args.out / lang)
    copy_assets(args.out / "assets")
    write_index(args.out)
    check_offline(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
