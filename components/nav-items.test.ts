import { describe, expect, it } from 'vitest';
import { permissionsOf } from '@/lib/rbac/permissions';
import { MAX_TABS, splitTabs, visibleNavItems } from './nav-items';

const hrefs = (items: readonly { href: string }[]) => items.map((item) => item.href);

describe('phone tab bar', () => {
  it('shows a crew member every section: six fit', () => {
    const { tabs, more } = splitTabs(visibleNavItems(permissionsOf('crew')));
    expect(tabs.length).toBeLessThanOrEqual(MAX_TABS);
    expect(more).toEqual([]);
    expect(hrefs(tabs)).toContain('/rain-events');
  });

  it('puts an owner’s extra sections behind More, keeping every section reachable once', () => {
    const items = visibleNavItems(permissionsOf('owner'));
    const { tabs, more } = splitTabs(items);
    expect(items.length).toBeGreaterThan(MAX_TABS);
    expect(tabs.length + 1).toBe(MAX_TABS);
    expect([...hrefs(tabs), ...hrefs(more)]).toEqual(hrefs(items));
    expect(hrefs(more)).toContain('/security');
  });
});
