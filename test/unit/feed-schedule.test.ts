import { describe, expect, it } from 'vitest';
import { backoffMs, daysAgoLabel, daysBetween, DAY_MS, HOUR_MS, isDue, nextCheckAt } from '@/lib/feed-schedule';

const DAY = 24 * HOUR_MS;

describe('back-off', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 4],
    [4, 8],
    [5, 16],
    [6, 24],
    [7, 24],
    [100, 24],
  ])('after %i failures it waits %i h (capped at a 24 h interval)', (failures, hours) => {
    expect(backoffMs(failures, DAY)).toBe(hours * HOUR_MS);
  });

  it('never waits longer than a short interval', () => {
    expect(backoffMs(1, 30 * 60 * 1000)).toBe(30 * 60 * 1000);
    expect(backoffMs(3, 2 * HOUR_MS)).toBe(2 * HOUR_MS);
  });
});

describe('when a check is due', () => {
  const at = 1_000_000_000_000;
  it('never checked: due at once', () => {
    expect(isDue({ lastAttemptAt: null, lastSuccessAt: null, failures: 0 }, DAY, at)).toBe(true);
  });
  it('after a success: one interval later', () => {
    const history = { lastAttemptAt: at, lastSuccessAt: at, failures: 0 };
    expect(nextCheckAt(history, DAY)).toBe(at + DAY);
    expect(isDue(history, DAY, at + DAY - 1)).toBe(false);
    expect(isDue(history, DAY, at + DAY)).toBe(true);
  });
  it('after failures: the back-off', () => {
    expect(nextCheckAt({ lastAttemptAt: at, lastSuccessAt: null, failures: 3 }, DAY)).toBe(at + 4 * HOUR_MS);
  });
  it('overdue at browser start', () => {
    expect(isDue({ lastAttemptAt: at, lastSuccessAt: at, failures: 0 }, DAY, at + 3 * DAY)).toBe(true);
  });
});

describe('days ago', () => {
  it.each([
    [0, 'today'],
    [1, '1 day ago'],
    [91, '91 days ago'],
  ])('%i → %s', (days, label) => expect(daysAgoLabel(days)).toBe(label));
  it('counts whole days and never goes negative', () => {
    expect(daysBetween(0, DAY_MS * 2.5)).toBe(2);
    expect(daysBetween(DAY_MS, 0)).toBe(0);
  });
});
