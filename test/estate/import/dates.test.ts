// Printed dates: forms, locale order from Intl, and 12-hour clocks.
import { describe, expect, it } from 'vitest';
import { isUnambiguous, localeDateOrder, scanDate, toIso } from '../../../shared/estate/import/dates/printedDate.js';

describe('localeDateOrder (Intl)', () => {
  it('knows the cultures admins run shells in', () => {
    expect(localeDateOrder('en-US')).toBe('MDY');
    expect(localeDateOrder('en-GB')).toBe('DMY');
    expect(localeDateOrder('en-AU')).toBe('DMY');
    expect(localeDateOrder('de-DE')).toBe('DMY');
    expect(localeDateOrder('fr-FR')).toBe('DMY');
    expect(localeDateOrder('ru-RU')).toBe('DMY');
    expect(localeDateOrder('ja-JP')).toBe('YMD');
  });
  it('null for something that is not a tag', () => {
    expect(localeDateOrder('not a locale!')).toBeNull();
  });
});

describe('scanDate / toIso', () => {
  it.each([
    ['11/28/2021 12:23:07 AM', 'MDY', '2021-11-28T00:23:07Z'],
    ['12/02/2018 1:53:00 PM', 'DMY', '2018-02-12T13:53:00Z'],
    ['02.02.2028 4:22:23', 'DMY', '2028-02-02T04:22:23Z'],
    ['2.12.2026 14:05:00', 'DMY', '2026-12-02T14:05:00Z'],
    ['12/8/2023 6:16 AM', 'MDY', '2023-12-08T06:16:00Z'],
    ['11/2/2026 12:00:00 PM', 'MDY', '2026-11-02T12:00:00Z'],
    ['2023-02-03 14:16:02', 'DMY', '2023-02-03T14:16:02Z'],
    ['12/02/2018 1:53:00 pm', 'DMY', '2018-02-12T13:53:00Z'],
    ['12/02/2018 1:53:00 p.m.', 'DMY', '2018-02-12T13:53:00Z'],
    ['02/12/2026 14:05:00', 'DMY', '2026-12-02T14:05:00Z'],
    ['2026/12/02 14:05:00', 'MDY', '2026-12-02T14:05:00Z'],
    ['2026/1/2 2:05:00 PM', 'DMY', '2026-01-02T14:05:00Z'],
  ] as const)('%s read %s → %s', (raw, order, iso) => {
    expect(toIso(scanDate(raw)!, order)).toBe(iso);
  });
  it('an ISO value with an offset is kept as it is', () => {
    expect(toIso(scanDate('2023-02-03T14:16:02+00:00')!, 'MDY')).toBe('2023-02-03T14:16:02+00:00');
  });
  it('refuses what is not a date', () => {
    for (const bad of ['', 'tomorrow', '13/13/2020 10:00', '31/02/2020', '1/1/20', '25:00', '1/1/2020 13:00 PM', '2020-02-30']) {
      const d = scanDate(bad);
      expect(d === null || (toIso(d, 'DMY') === null && toIso(d, 'MDY') === null), bad).toBe(true);
    }
  });
  it('knows which dates need an order', () => {
    expect(isUnambiguous(scanDate('05/05/2025 10:00')!)).toBe(true);
    expect(isUnambiguous(scanDate('13/05/2025 10:00')!)).toBe(true);
    expect(isUnambiguous(scanDate('03/05/2025 10:00')!)).toBe(false);
  });
});
