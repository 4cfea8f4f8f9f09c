/**
 * (c) Provisioning a new organization. The provisioning module (lib/tenancy)
 * is being written by another engineer; until it exports a provisioning
 * function this part reports "pending" rather than timing a stand-in.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ProvisionResult {
  status: 'pending';
  note: string;
}

export function measureProvision(root: string): ProvisionResult {
  const dir = path.join(root, 'lib', 'tenancy');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.')) : [];
  return {
    status: 'pending',
    note: files.length
      ? `lib/tenancy has ${files.join(', ')} but no provisioning entry point is wired into the bench yet`
      : 'lib/tenancy has no provisioning module yet (in progress elsewhere); nothing to time',
  };
}
