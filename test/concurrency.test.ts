import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runBin, runMain } from './helpers/cli.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('--concurrency', () => {
  test('worker threads find exactly what one thread finds', () => {
    const cwd = join(FIXTURES, 'cli', 'mixed');
    const single = runBin(['lint', '--format', 'json', '--concurrency', 'off'], cwd);
    const threads = runBin(['lint', '--format', 'json', '--concurrency', '2'], cwd);
    expect(single.code).toBe(1);
    expect(threads).toEqual(single);
  });

  test('with the rule fixtures, hard inputs included', () => {
    const cwd = join(FIXTURES, 'rules');
    const single = runBin(['lint', '.', '--format', 'json', '--concurrency', 'off'], cwd);
    const threads = runBin(['lint', '.', '--format', 'json', '--concurrency', '3'], cwd);
    expect(JSON.parse(threads.stdout)).toEqual(JSON.parse(single.stdout));
    expect(threads.stderr).toBe(single.stderr);
  });

  test.each(['0', 'many', '65'])('--concurrency %s is a usage error', async (value) => {
    const result = await runMain(['lint', '--concurrency', value], join(FIXTURES, 'cli', 'clean'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--concurrency expects auto, off or a number of threads');
  });
});
