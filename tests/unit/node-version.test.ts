import { describe, expect, it } from 'vitest';

describe('runtime', () => {
  it('npm scripts run on Node >= 22.12 (the node devDependency, not the machine default)', () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    expect(major > 22 || (major === 22 && minor >= 12), `running on Node ${process.versions.node}`).toBe(true);
  });
});
