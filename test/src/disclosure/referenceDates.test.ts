// Stocks are published for reference dates only (month ends): two answers a day apart would
// differ by the few persons who moved in between.
import { isStockReferenceDate, latestStockReferenceDate, lastDayOfMonth } from '@hub/core';

describe('stock reference dates', () => {
  it('are the last days of months from January 2017, leap years included', () => {
    expect(['2017-01-31', '2024-02-29', '2023-02-28', '2026-06-30', '2026-12-31'].map(isStockReferenceDate)).toEqual([true, true, true, true, true]);
    expect(['2016-12-31', '2024-02-28', '2026-06-15', '2026-07-01', '2026-04-31'].map(isStockReferenceDate)).toEqual([false, false, false, false, false]);
  });

  it('default to the latest month end on or before today', () => {
    expect(latestStockReferenceDate('2026-12-02')).toBe('2026-11-30');
    expect(latestStockReferenceDate('2026-11-30')).toBe('2026-11-30');
    expect(latestStockReferenceDate('2027-01-15')).toBe('2026-12-31');
    expect(latestStockReferenceDate('2024-03-01')).toBe('2024-02-29');
  });

  it('name the last day of any month', () => {
    expect([1, 2, 4, 12].map((month) => lastDayOfMonth(2025, month))).toEqual(['2025-01-31', '2025-02-28', '2025-04-30', '2025-12-31']);
  });
});
