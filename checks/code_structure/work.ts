/**
 * Calls that do real work (I/O, training, plotting) rather than define things: what makes a
 * module a script when it runs at import time, shared by the modules and configuration checks.
 */

const WORK_ANY = new Set([
  "read_csv",
  "read_parquet",
  "read_excel",
  "read_table",
  "read_sql",
  "read_pickle",
  "load",
  "load_model",
  "from_pretrained",
  "fit",
  "fit_transform",
  "train",
  "predict",
  "to_csv",
  "to_parquet",
  "to_pickle",
  "dump",
  "savefig",
  "show",
  "system",
  "urlretrieve",
  "start_run",
  "log_metric",
  "sleep",
]);
const WORK_BARE = new Set(["print", "open", "input", "main", "exec"]);

/** True for a callee (as written: "pd.read_csv", "print") that does work when it runs. */
export function isWork(callee: string): boolean {
  if (WORK_BARE.has(callee)) return true;
  const last = callee.slice(callee.lastIndexOf(".") + 1);
  return callee.includes(".") && WORK_ANY.has(last);
}
