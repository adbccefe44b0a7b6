/** The shapes of a parsed GitHub Actions workflow (see workflows.ts for the parser). */

/** One step of a job: a shell `run` or an action `uses`. */
export interface WorkflowStep {
  readonly name?: string;
  readonly run?: string;
  /** 1-based line of the first line of the `run` script (the line after `|` for a block scalar). */
  readonly runLine?: number;
  readonly uses?: string;
  /** The `with:` inputs, scalars as strings. */
  readonly with?: Readonly<Record<string, string>>;
  /** `working-directory` of the step, else of the job's or workflow's `defaults.run`. */
  readonly workingDirectory?: string;
  /** `shell:` of the step: `python` or `node` scripts are not shell commands. */
  readonly shell?: string;
  /** `continue-on-error: true` on the step or its job: a failure does not fail the run. */
  readonly continueOnError?: boolean;
  readonly line: number;
}

/** One job: steps on a runner, or a call to a reusable workflow (`uses`). */
export interface WorkflowJob {
  readonly id: string;
  readonly name?: string;
  readonly line: number;
  /** A reusable workflow: `./.github/workflows/x.yml` or `org/repo/.github/workflows/x.yml@ref`. */
  readonly uses?: string;
  readonly needs: readonly string[];
  readonly steps: readonly WorkflowStep[];
  /** `if: false` (or `false && ...`): the job never runs. */
  readonly disabled?: boolean;
}

/** A workflow that GitHub would accept. */
export interface Workflow {
  readonly path: string;
  readonly name?: string;
  /** Event names from `on`, in any of its forms (string, list, mapping). */
  readonly triggers: readonly string[];
  /** Line of the `on` key. */
  readonly triggersLine?: number;
  readonly jobs: readonly WorkflowJob[];
}

/** A workflow file GitHub would refuse, with why and where. */
export interface BrokenWorkflow {
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  /**
   * What the file says, when it is well-formed and GitHub refuses it only for how its jobs hang
   * together (a `needs:` naming no job, a cycle): one fix away from running.
   */
  readonly workflow?: Workflow;
}

/** Every workflow of a repository, split into the usable and the broken ones. */
export interface Workflows {
  readonly parsed: readonly Workflow[];
  readonly broken: readonly BrokenWorkflow[];
}
