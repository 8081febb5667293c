import { describe, expect, it } from 'vitest';
import { CHILD_ENV, childLaunch } from '../../src/batch/supervise.js';

describe('batch child launch', () => {
  it('marks the child, tunes glibc malloc and starts its thread with a small young generation', () => {
    const { env, execArgv } = childLaunch({ PATH: '/bin' }, ['--enable-source-maps']);
    expect(env).toEqual({ PATH: '/bin', [CHILD_ENV]: '1', MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536' });
    expect(execArgv).toEqual(['--enable-source-maps', '--max-semi-space-size=1']);
  });

  it("keeps the user's own malloc settings", () => {
    const { env } = childLaunch({ MALLOC_ARENA_MAX: '8', MALLOC_MMAP_THRESHOLD_: '1048576' }, []);
    expect(env.MALLOC_ARENA_MAX).toBe('8');
    expect(env.MALLOC_MMAP_THRESHOLD_).toBe('1048576');
  });
});
