import { describe, expect, it } from 'vitest';
import { CHART, chartGeometry } from '../src/agreementChart';

describe('chartGeometry', () => {
  const points = [
    { key: '2026-W48', value: 0.9, lower: 0.85, upper: 0.95 },
    { key: '2026-W49', value: null, lower: null, upper: null },
    { key: '2026-W50', value: 0.4, lower: 0.3, upper: 0.5 },
    { key: '2026-W51', value: 0.5, lower: 0.4, upper: 0.6 },
  ];

  it('breaks the line and the band where a week has no value', () => {
    const g = chartGeometry(points, []);
    expect(g.line.match(/M/g)).toHaveLength(2);
    expect(g.band.match(/Z/g)).toHaveLength(2);
    expect(g.y(1)).toBe(CHART.top);
    expect(g.yMin).toBe(0);
  });

  it('puts markers at the week of their change, several in one label, and drops those outside the chart', () => {
    const g = chartGeometry(points, [
      { key: '2026-W50', label: 'G2' },
      { key: '2026-W50', label: 'T4' },
      { key: '2025-W01', label: 'G1' },
    ]);
    expect(g.markers).toEqual([{ x: g.x(2), label: 'G2 T4' }]);
  });

  it('extends the axis below zero for negative agreement', () => {
    const g = chartGeometry([{ key: 'a', value: -0.3, lower: -0.5, upper: 0 }], []);
    expect(g.yMin).toBe(-0.6);
    expect(g.ticks[0]).toBe(-0.6);
    expect(g.ticks[g.ticks.length - 1]).toBe(1);
  });
});
