import { describe, expect, it } from 'vitest';
import { auditQuery, detailsText } from '../src/auditLog';

describe('audit log page logic', () => {
  it('turns a filter into the query string, leaving out what is empty', () => {
    expect(auditQuery({}, 1, 50)).toBe('page=1&page_size=50');
    expect(auditQuery({ action: 'erasure', actor: ' mona ', projectId: '3', since: '2026-12-01' }, 2, 50)).toBe(
      'action=erasure&actor=mona&project_id=3&since=2026-12-01T00%3A00%3A00Z&page=2&page_size=50',
    );
  });

  it('shows details as key: value pairs', () => {
    expect(detailsText({ from: 'member', to: 'admin', gone: null })).toBe('from: member, to: admin');
    expect(detailsText({ item_ids: [1, 2] })).toBe('item_ids: [1,2]');
    expect(detailsText(null)).toBe('');
  });
});
