import { describe, expect, it } from 'vitest';
import { keepTokenPrivate, setStatus } from '../../src/server/http-status';

describe('setStatus', () => {
  it('sets the code with its reason phrase', () => {
    const response = { status: 200, statusText: 'OK' };
    setStatus(response, 410);
    expect(response).toEqual({ status: 410, statusText: 'Gone' });
  });
});

describe('keepTokenPrivate', () => {
  it("keeps a token page out of caches and out of other sites' Referer", () => {
    const response = { headers: new Headers() };
    keepTokenPrivate(response);
    expect(Object.fromEntries(response.headers)).toEqual({
      'cache-control': 'no-store',
      'referrer-policy': 'same-origin',
    });
  });
});
