/** Realistic files shared by the scalability tests. */

/** A notebook as nbformat 4 JSON, with code cells given as source strings. */
export function notebook(cells: readonly (string | object)[]): string {
  return JSON.stringify(
    {
      cells: cells.map((c) =>
        typeof c === "string"
          ? { cell_type: "code", execution_count: 1, metadata: {}, outputs: [], source: c.split(/(?<=\n)/) }
          : c,
      ),
      metadata: {
        kernelspec: { display_name: "Python 3", language: "python", name: "python3" },
        language_info: { name: "python" },
      },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

/** A code cell whose output is a PNG: its base64 holds the letters "dvc", "mlflow", "ray". */
export const plotCell = {
  cell_type: "code",
  execution_count: 7,
  metadata: {},
  source: ["import matplotlib.pyplot as plt\n", "plt.plot(history['loss'])"],
  outputs: [
    {
      output_type: "display_data",
      metadata: {},
      data: {
        "image/png":
          "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg+dvc/mlflow/ray/import+dvc",
        "text/plain": ["<Figure size 640x480 with 1 Axes>"],
      },
    },
  ],
};

/** A `pip freeze` of a whole environment: package names are not usage. */
export const frozenRequirements = [
  "anyio==4.4.0",
  "dask==2024.8.0",
  "dvc==3.53.0",
  "jupyterlab==4.2.4",
  "mlflow==2.15.1",
  "pyspark==3.5.2",
  "ray==2.34.0",
  "streamlit==1.37.1",
  "wandb==0.17.6",
  "",
].join("\n");

/** A training script with no tracking, distribution or serving. */
export const plainTraining = `"""Train the churn classifier."""
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
import joblib


def main() -> None:
    """Fit the model and save it."""
    df = pd.read_csv("data/churn.csv")
    model = RandomForestClassifier(n_estimators=200)
    model.fit(df.drop(columns=["churn"]), df["churn"])
    joblib.dump(model, "models/model.joblib")
    print("saved")  # mlflow would go here


if __name__ == "__main__":
    main()
`;
