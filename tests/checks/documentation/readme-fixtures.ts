/** Realistic READMEs for the documentation checks' table tests. */

/** A real-looking FastAPI model service README: overview, setup, usage, tests, results, license. */
export const FASTAPI_README = `# Credit Risk Scoring API

![CI](https://github.com/jdoe/credit-risk-api/actions/workflows/ci.yml/badge.svg)
[![codecov](https://codecov.io/gh/jdoe/credit-risk-api/branch/main/graph/badge.svg)](https://codecov.io/gh/jdoe/credit-risk-api)

A FastAPI service that scores loan applications with a gradient-boosted model trained on the
German Credit dataset. It exposes a \`/predict\` endpoint with request validation through Pydantic,
logs every prediction as structured JSON, and ships as a small Docker image.

## Features

- Training pipeline with scikit-learn and LightGBM, tracked in MLflow
- \`/predict\` and \`/health\` endpoints, OpenAPI docs at \`/docs\`
- Structured logging and Prometheus metrics

## Project structure

\`\`\`text
app/
  main.py        # FastAPI application
  model.py       # loading and inference
  train.py       # training entry point
tests/
\`\`\`

## Installation

\`\`\`bash
git clone https://github.com/jdoe/credit-risk-api.git
cd credit-risk-api
python -m venv .venv && source .venv/bin/activate
pip install -r requirements.txt
\`\`\`

## Usage

Train the model (writes \`models/model.joblib\`):

\`\`\`bash
python -m app.train --data data/german_credit.csv
\`\`\`

Start the API and send a request:

\`\`\`bash
uvicorn app.main:app --reload
curl -X POST http://localhost:8000/predict -H "Content-Type: application/json" -d '{"age": 35, "amount": 4200, "duration": 24}'
\`\`\`

### Docker

\`\`\`bash
docker compose up --build
\`\`\`

## Running the tests

\`\`\`bash
pytest --cov=app --cov-fail-under=80
\`\`\`

## Results

| Model | ROC AUC | F1 |
| --- | --- | --- |
| Logistic regression | 0.76 | 0.61 |
| LightGBM | 0.81 | 0.66 |

## License

Released under the MIT License; see [LICENSE](LICENSE).
`;

/** create-react-app's README, verbatim (abridged at the end the way it ships). */
export const CRA_README = `# Getting Started with Create React App

This project was bootstrapped with [Create React App](https://github.com/facebook/create-react-app).

## Available Scripts

In the project directory, you can run:

### \`npm start\`

Runs the app in the development mode.\\
Open [http://localhost:3000](http://localhost:3000) to view it in your browser.

The page will reload when you make changes.\\
You may also see any lint errors in the console.

### \`npm test\`

Launches the test runner in the interactive watch mode.\\
See the section about [running tests](https://facebook.github.io/create-react-app/docs/running-tests) for more information.

### \`npm run build\`

Builds the app for production to the \`build\` folder.\\
It correctly bundles React in production mode and optimizes the build for the best performance.

The build is minified and the filenames include the hashes.\\
Your app is ready to be deployed!

See the section about [deployment](https://facebook.github.io/create-react-app/docs/deployment) for more information.

### \`npm run eject\`

**Note: this is a one-way operation. Once you \`eject\`, you can't go back!**

If you aren't satisfied with the build tool and configuration choices, you can \`eject\` at any time. This command will remove the single build dependency from your project.

Instead, it will copy all the configuration files and the transitive dependencies (webpack, Babel, ESLint, etc) right into your project so you have full control over them. All of the commands except \`eject\` will still work, but they will point to the copied scripts so you can tweak them. At this point you're on your own.

You don't have to ever use \`eject\`. The curated feature set is suitable for small and middle deployments, and you shouldn't feel obligated to use this feature. However we understand that this tool wouldn't be useful if you couldn't customize it when you are ready for it.

## Learn More

You can learn more in the [Create React App documentation](https://facebook.github.io/create-react-app/docs/getting-started).

To learn React, check out the [React documentation](https://reactjs.org/).

### Code Splitting

This section has moved here: [https://facebook.github.io/create-react-app/docs/code-splitting](https://facebook.github.io/create-react-app/docs/code-splitting)

### Analyzing the Bundle Size

This section has moved here: [https://facebook.github.io/create-react-app/docs/analyzing-the-bundle-size](https://facebook.github.io/create-react-app/docs/analyzing-the-bundle-size)

### Making a Progressive Web App

This section has moved here: [https://facebook.github.io/create-react-app/docs/making-a-progressive-web-app](https://facebook.github.io/create-react-app/docs/making-a-progressive-web-app)

### Advanced Configuration

This section has moved here: [https://facebook.github.io/create-react-app/docs/advanced-configuration](https://facebook.github.io/create-react-app/docs/advanced-configuration)

### Deployment

This section has moved here: [https://facebook.github.io/create-react-app/docs/deployment](https://facebook.github.io/create-react-app/docs/deployment)

### \`npm run build\` fails to minify

This section has moved here: [https://facebook.github.io/create-react-app/docs/troubleshooting#npm-run-build-fails-to-minify](https://facebook.github.io/create-react-app/docs/troubleshooting#npm-run-build-fails-to-minify)
`;

/** create-next-app's README, verbatim. */
export const NEXT_README = `This is a [Next.js](https://nextjs.org) project bootstrapped with [\`create-next-app\`](https://nextjs.org/docs/app/api-reference/cli/create-next-app).

## Getting Started

First, run the development server:

\`\`\`bash
npm run dev
# or
yarn dev
# or
pnpm dev
# or
bun dev
\`\`\`

Open [http://localhost:3000](http://localhost:3000) with your browser to see the result.

You can start editing the page by modifying \`app/page.tsx\`. The page auto-updates as you edit the file.

This project uses [\`next/font\`](https://nextjs.org/docs/app/building-your-application/optimizing/fonts) to automatically optimize and load [Geist](https://vercel.com/font), a new font family for Vercel.

## Learn More

To learn more about Next.js, take a look at the following resources:

- [Next.js Documentation](https://nextjs.org/docs) - learn about Next.js features and API.
- [Learn Next.js](https://nextjs.org/learn) - an interactive Next.js tutorial.

You can check out [the Next.js GitHub repository](https://github.com/vercel/next.js) - your feedback and contributions are welcome!

## Deploy on Vercel

The easiest way to deploy your Next.js app is to use the [Vercel Platform](https://vercel.com/new?utm_medium=default-template&filter=next.js&utm_source=create-next-app&utm_campaign=create-next-app-readme) from the creators of Next.js.

Check out our [Next.js deployment documentation](https://nextjs.org/docs/app/building-your-application/deploying) for more details.
`;

/** Vite's react-ts template README, verbatim (first part). */
export const VITE_README = `# React + TypeScript + Vite

This template provides a minimal setup to get React working in Vite with HMR and some ESLint rules.

Currently, two official plugins are available:

- [@vitejs/plugin-react](https://github.com/vitejs/vite-plugin-react/blob/main/packages/plugin-react) uses [Babel](https://babeljs.io/) for Fast Refresh
- [@vitejs/plugin-react-swc](https://github.com/vitejs/vite-plugin-react/blob/main/packages/plugin-react-swc) uses [SWC](https://swc.rs/) for Fast Refresh

## Expanding the ESLint configuration

If you are developing a production application, we recommend updating the configuration to enable type-aware lint rules:

\`\`\`js
export default tseslint.config({
  extends: [
    ...tseslint.configs.recommendedTypeChecked,
  ],
  languageOptions: {
    parserOptions: {
      project: ['./tsconfig.node.json', './tsconfig.app.json'],
      tsconfigRootDir: import.meta.dirname,
    },
  },
})
\`\`\`
`;

/** Cookiecutter Data Science's README as generated. */
export const CCDS_README = `# churn_model

<a target="_blank" href="https://cookiecutter-data-science.drivendata.org/">
    <img src="https://img.shields.io/badge/CCDS-Project%20template-328F97?logo=cookiecutter" />
</a>

A short description of the project.

## Project Organization

\`\`\`
├── LICENSE            <- Open-source license if one is chosen
├── Makefile           <- Makefile with convenience commands like \`make data\` or \`make train\`
├── README.md          <- The top-level README for developers using this project.
├── data
│   ├── external       <- Data from third party sources.
│   ├── processed      <- The final, canonical data sets for modeling.
│   └── raw            <- The original, immutable data dump.
├── models             <- Trained and serialized models, model predictions, or model summaries
├── notebooks          <- Jupyter notebooks.
└── churn_model        <- Source code for use in this project.
\`\`\`

--------
`;

/** A Kaggle competition writeup: thorough, but nothing on how to run it. */
export const KAGGLE_README = `# House Prices: Advanced Regression Techniques

My solution to the Kaggle competition [House Prices](https://www.kaggle.com/c/house-prices-advanced-regression-techniques),
which ranked in the top 8% of the public leaderboard. The goal is to predict the final sale price of
residential homes in Ames, Iowa from 79 explanatory variables describing almost every aspect of the house.

## Dataset

The training set has 1,460 houses and the test set 1,459. Several features have many missing values
(PoolQC, MiscFeature, Alley, Fence), which mostly mean the house has no such feature rather than an
unknown value, so they were filled with "None" rather than dropped.

## Exploratory Data Analysis

SalePrice is right-skewed, so the target was log-transformed. OverallQual, GrLivArea and GarageCars are
the features most correlated with the price. Two houses with a very large living area and a low price
were removed as outliers, as the dataset documentation suggests.

## Feature Engineering

- Total square footage (basement + first + second floor)
- Age of the house and years since remodelling
- Box-Cox transform of skewed numerical features
- One-hot encoding of the categorical features

## Models

I compared Lasso, ElasticNet, kernel ridge regression, gradient boosting, XGBoost and LightGBM with
5-fold cross-validation, then averaged the best four and stacked them with a Lasso meta-model.

## Results

| Model | CV RMSE (log) |
| --- | --- |
| Lasso | 0.1115 |
| XGBoost | 0.1162 |
| Stacked ensemble | 0.1081 |

The stacked ensemble scored 0.1149 on the public leaderboard.

## Conclusion

Careful handling of missing values and outliers mattered more than the choice of model.
`;

/** A course project proposal: motivation and plan, no setup, no usage. */
export const PROPOSAL_README = `# Detecting Diabetic Retinopathy from Fundus Images

## Motivation

Diabetic retinopathy is a leading cause of blindness among working-age adults. Screening requires an
ophthalmologist to grade fundus photographs, which is slow and unavailable in many regions. An
automated grader could triage patients and send only the likely cases to a specialist.

## Problem Statement

Given a colour fundus photograph, predict the severity grade (0-4) of diabetic retinopathy.

## Proposed Approach

We will fine-tune a pretrained convolutional network (EfficientNet-B3) on the APTOS 2019 dataset,
using quadratic weighted kappa as the evaluation metric, with test-time augmentation and class
rebalancing. We will compare it against a logistic regression baseline on handcrafted features.

## Timeline

- Week 1-2: data exploration and baseline
- Week 3-5: model training and tuning
- Week 6: evaluation and report

## Team

Jane Doe, John Smith
`;

/** A reStructuredText README of a small library. */
export const RST_README = `========
churnlib
========

.. image:: https://img.shields.io/pypi/v/churnlib.svg
   :target: https://pypi.org/project/churnlib

.. image:: https://img.shields.io/badge/license-BSD--3--Clause-blue.svg
   :target: LICENSE

churnlib trains and serves customer churn models for subscription businesses. It wraps feature
extraction from event logs, calibrated gradient boosting and a small prediction API, so a data team
can go from raw events to a deployed model in an afternoon.

Installation
============

Install the latest release from PyPI::

    pip install churnlib

Usage
=====

.. code-block:: python

   import churnlib

   model = churnlib.fit(events, horizon_days=30)
   model.predict(customers)

Development
===========

Run the test suite with \`\`pytest\`\` from the repository root.

License
=======

BSD 3-Clause, see LICENSE.
`;

/** A plain-text README with setext headings. */
export const TXT_README = `Sentiment Classifier
====================

A command-line tool that classifies the sentiment of product reviews with a fine-tuned DistilBERT
model. It reads a CSV of reviews and writes the predicted label and confidence for each row.

Installation
------------

    pip install -r requirements.txt

Usage
-----

    python classify.py --input reviews.csv --output predictions.csv

Tests
-----

    pytest tests/
`;

/** A very short README with a command or two. */
export const SHORT_README = `# fraud-api

FastAPI service for fraud scoring.

## Setup

\`\`\`bash
pip install -r requirements.txt
\`\`\`

## Run

\`\`\`bash
uvicorn app.main:app
\`\`\`
`;

/** Headings and badges in HTML, as many portfolio READMEs are written. */
export const HTML_README = `<h1 align="center">Plant Disease Detector</h1>
<p align="center">
  <img src="https://img.shields.io/badge/python-3.11-blue" alt="python">
  <a href="LICENSE"><img src="https://img.shields.io/badge/license-MIT-green" alt="License: MIT"></a>
</p>

<p>Plant Disease Detector identifies 38 diseases of crop leaves from a smartphone photo. A ResNet-50
fine-tuned on PlantVillage runs behind a Streamlit app, so farmers can check a leaf in seconds.</p>

<h2>Installation</h2>

\`\`\`bash
conda env create -f environment.yml
conda activate plant
\`\`\`

<h2>Usage</h2>

\`\`\`bash
streamlit run app.py
\`\`\`

<h2>Results</h2>

Top-1 accuracy of 97.8% on the held-out test split.
`;
