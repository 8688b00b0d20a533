import { runAction } from './run.js';
import { workflowCommand } from './workflow.js';

// The entry of the GitHub Action: `action.yml` runs `node dist/action.js` in the workspace.
runAction({ cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stdout.write(workflowCommand('error', { title: 'scs-standards' }, `internal error: ${detail}`));
    process.exitCode = 2;
  },
);
