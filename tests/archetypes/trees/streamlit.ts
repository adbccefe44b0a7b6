/**
 * (h) A Streamlit demo: a movie recommender with a content-based similarity matrix in Git LFS,
 * requirements written by PowerShell (UTF-16 LE), a TMDB key committed in .streamlit/secrets.toml
 * although .gitignore lists it, and a CI workflow whose `needs:` names a job that does not exist.
 */

import { mit } from "../../helpers/licenses.js";
import type { Archetype } from "../archetype.js";
import { utf16le } from "../content.js";

const app = `import streamlit as st
import requests

from recommender import load_data, recommend

st.set_page_config(page_title="Movie Recommender", page_icon="🎬", layout="wide")

movies, similarity = load_data()


def fetch_poster(movie_id):
    """Poster URL of a movie from the TMDB API."""
    url = f"https://api.themoviedb.org/3/movie/{movie_id}?api_key={st.secrets['TMDB_API_KEY']}&language=en-US"
    data = requests.get(url, timeout=10).json()
    return "https://image.tmdb.org/t/p/w500/" + data["poster_path"]


st.title("🎬 Movie Recommender System")
selected = st.selectbox("Type or select a movie", movies["title"].values)

if st.button("Show recommendations"):
    names, ids = recommend(selected, movies, similarity)
    cols = st.columns(5)
    for col, name, movie_id in zip(cols, names, ids):
        with col:
            st.text(name)
            st.image(fetch_poster(movie_id))
`;

const recommender = `import pickle

import pandas as pd


def load_data():
    movies = pd.DataFrame(pickle.load(open("artifacts/movie_dict.pkl", "rb")))
    similarity = pickle.load(open("artifacts/similarity.pkl", "rb"))
    return movies, similarity


def recommend(title, movies, similarity, k=5):
    """The k most similar movies to \`title\` by cosine similarity of their tags."""
    index = movies[movies["title"] == title].index[0]
    distances = sorted(enumerate(similarity[index]), reverse=True, key=lambda x: x[1])
    picks = distances[1 : k + 1]
    return [movies.iloc[i].title for i, _ in picks], [movies.iloc[i].movie_id for i, _ in picks]
`;

const test = `import numpy as np
import pandas as pd

from recommender import recommend


def make_movies():
    movies = pd.DataFrame({"title": ["A", "B", "C", "D", "E", "F", "G"], "movie_id": range(7)})
    similarity = np.eye(7) + 0.1 * np.arange(49).reshape(7, 7) / 49
    return movies, similarity


def test_recommend_returns_k_titles():
    movies, similarity = make_movies()
    names, ids = recommend("A", movies, similarity, k=5)
    assert len(names) == len(ids) == 5


def test_recommend_excludes_the_movie_itself():
    movies, similarity = make_movies()
    names, _ = recommend("A", movies, similarity)
    assert "A" not in names
`;

const workflow = `name: CI

on:
  push:
    branches: [ main ]
  pull_request:
    branches: [ main ]

jobs:
  linting:
    runs-on: ubuntu-latest
    steps:
    - uses: actions/checkout@v3
    - uses: actions/setup-python@v4
      with:
        python-version: "3.10"
    - run: pip install flake8
    - run: flake8 . --count --select=E9,F63,F7,F82 --show-source --statistics

  test:
    needs: lint
    runs-on: ubuntu-latest
    steps:
    - uses: actions/checkout@v3
    - uses: actions/setup-python@v4
      with:
        python-version: "3.10"
    - run: pip install -r requirements.txt pytest
    - run: pytest
`;

export const streamlit: Archetype = {
  name: "streamlit",
  kind: "a Streamlit demo",
  tree: {
    "README.md":
      '# Movie Recommender System\n\nA content-based movie recommender built on the TMDB 5000 dataset: movie overviews, genres, cast and crew are turned into tags, vectorised with a bag of words and compared with cosine similarity. The web app is built with Streamlit.\n\n![demo](demo.gif)\n\n## Run it\n\n```bash\npip install -r requirements.txt\nstreamlit run app.py\n```\n\nYou need a TMDB API key in `.streamlit/secrets.toml` (`TMDB_API_KEY = "..."`).\n\n## Tests\n\n```bash\npytest\n```\n',
    LICENSE: mit("Rahul Verma", 2023),
    ".gitignore": "__pycache__/\nvenv/\n.env\n.streamlit/secrets.toml\n",
    ".gitattributes": "artifacts/*.pkl filter=lfs diff=lfs merge=lfs -text\n",
    "requirements.txt": utf16le(
      "numpy==1.26.4\npandas==2.1.4\nrequests==2.31.0\nscikit-learn==1.3.2\nstreamlit==1.29.0\n",
    ),
    ".streamlit/config.toml": '[theme]\nprimaryColor = "#E50914"\nbackgroundColor = "#141414"\ntextColor = "#FFFFFF"\n',
    ".streamlit/secrets.toml": 'TMDB_API_KEY = "8265bd1679663a7ea12ac168da84d2e8"\n',
    ".github/workflows/ci.yml": workflow,
    "app.py": app,
    "recommender.py": recommender,
    "tests/test_recommender.py": test,
    "artifacts/movie_dict.pkl":
      "version https://git-lfs.github.com/spec/v1\noid sha256:1f3870be274f6c49b3e31a0c6728957f33f9f8e1b1f5f0b0e45a9bb6f1a1d6f2\nsize 2105411\n",
    "artifacts/similarity.pkl":
      "version https://git-lfs.github.com/spec/v1\noid sha256:9c0f2d6e8b1a4d3c5e7f9a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d\nsize 184321065\n",
    "notebooks/movie_recommender.ipynb":
      '{"cells": [{"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [], "source": ["import pandas as pd\\n", "movies = pd.read_csv(\'tmdb_5000_movies.csv\')\\n"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n',
    "demo.gif": { mode: "file", size: 3_912_004 },
  },
  expected: {
    "testing.tests": ["partial", "two real tests but no runner config, and the only CI workflow is invalid"],
    "testing.coverage": ["fail", "none"],
    "testing.ml_tests": ["partial", "output-shape/minimum-functionality tests of the recommender; no data validation"],
    "documentation.readme": ["pass", "what, how it works, run commands, tests"],
    "documentation.docstrings": ["partial", "2 of 3 public functions documented"],
    "documentation.license": ["pass", "MIT text"],
    "ci_cd.workflows": ["partial", "one workflow, broken: `needs: lint` names no job"],
    "ci_cd.runs_tests": [["partial", "fail"], "pytest is in the workflow, but the workflow is invalid and never runs"],
    "ci_cd.quality_gates": [["partial", "fail"], "flake8 in the invalid workflow"],
    "ci_cd.pinned_actions": [
      "pass",
      "only GitHub's own actions/*, on tags: the rubric asks SHAs of third-party actions",
    ],
    "code_structure.modules": ["partial", "two flat scripts at the root beside artefacts"],
    "code_structure.dependencies": ["pass", "curated == pins (UTF-16 file)"],
    "code_structure.configuration": [
      ["partial", "pass"],
      ".streamlit/config.toml (theme) and st.secrets; k and paths hard-coded",
    ],
    "code_quality.lint_format": ["partial", "flake8 in CI only, no formatter"],
    "code_quality.types": ["fail", "no annotations"],
    "code_quality.precommit": ["fail", "none"],
    "code_quality.gitignore": ["partial", "lists .streamlit/secrets.toml, which is committed"],
    "code_quality.secrets": ["fail", "TMDB API key in .streamlit/secrets.toml"],
    "containerization.dockerfile": ["fail", "none"],
    "monitoring.logging": ["fail", "no logging (st.* output only)"],
    "monitoring.observability": ["fail", "none"],
    "scalability.experiment_tracking": ["fail", "none"],
    "scalability.data_versioning": ["pass", "Git LFS for the artefacts (.gitattributes filter=lfs)"],
    "scalability.serving": ["partial", "an interactive Streamlit demo only"],
    "scalability.distributed": ["fail", "none"],
    "scalability.deployment": ["fail", "no deployment config (Streamlit Cloud is set up by hand)"],
  },
};
