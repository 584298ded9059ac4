import { describe, expect, it } from 'vitest';
import { formatPath, formatProblem } from './errors.js';

describe('formatProblem', () => {
  it('puts file:line:column first', () => {
    expect(
      formatProblem({ code: 'invalid', message: 'bad weight', file: 'a.yaml', line: 3, column: 7 }),
    ).toBe('a.yaml:3:7: bad weight');
  });
  it('falls back to the path when there is no file position', () => {
    expect(
      formatProblem({ code: 'invalid', message: 'must be >= 0', path: ['parties', 1, 'weights', 'price'] }),
    ).toBe('parties[1].weights.price: must be >= 0');
  });
  it('adds the path after a file position', () => {
    expect(formatProblem({ code: 'invalid', message: 'm', file: 'f', line: 1, path: ['a'] })).toBe(
      'f:1: m (at a)',
    );
  });
  it('formatPath handles leading indices', () => {
    expect(formatPath([0, 'a', 2])).toBe('[0].a[2]');
  });
});
