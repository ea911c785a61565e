import { encodeCursor, pageWindow, toConnection, MAX_PAGE_SIZE } from '@hub/core';

describe('pageWindow', () => {
  it('accepts a page of 1 to the maximum, with or without a cursor', () => {
    expect(pageWindow({ first: 1 })).toEqual({ limit: 1, afterKey: null });
    expect(pageWindow({ first: MAX_PAGE_SIZE, after: encodeCursor('jerne') })).toEqual({
      limit: MAX_PAGE_SIZE,
      afterKey: 'jerne',
    });
  });

  it.each([0, -3, MAX_PAGE_SIZE + 1, 2.5])('rejects first = %p with BAD_USER_INPUT on "first"', (first) => {
    expect(() => pageWindow({ first })).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'first' } }),
    );
  });

  it.each(['', '%%%', 'not base64url!'])('rejects the cursor %p it never gave out', (after) => {
    expect(() => pageWindow({ first: 10, after })).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } }),
    );
  });
});

describe('toConnection', () => {
  const keyOf = (row: { code: string }) => row.code;

  it('uses the extra row only to say that another page exists', () => {
    const rows = [{ code: 'a' }, { code: 'b' }, { code: 'c' }];
    const connection = toConnection(rows, { limit: 2, afterKey: null }, keyOf, 7);
    expect(connection.edges.map((edge) => edge.node.code)).toEqual(['a', 'b']);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('b') });
    expect(connection.totalCount).toBe(7);
  });

  it('ends without a cursor when the page is empty', () => {
    const connection = toConnection([], { limit: 5, afterKey: 'z' }, keyOf, 3);
    expect(connection.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
