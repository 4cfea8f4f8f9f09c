import { defaultTemplates } from '@/lib/forms/default-templates';

/**
 * What every new organization starts with. Changing a default here affects
 * organizations provisioned afterwards only; existing tenants keep theirs.
 */
export const tenantDefaults = {
  organization: { plan: 'trial' as const, userLimit: 10 },
  complianceSettings: {
    /** EPA CGP: inspect within 24 h of a storm event of 0.25 in or more. */
    rainThresholdInches: '0.25',
    inspectionDeadlineHours: 24,
    /** CGP Part 4.8: keep records at least 3 years after permit coverage ends. */
    retentionYears: 3,
  },
  bmpCategories: [
    { key: 'erosion_control', name: 'Erosion control', description: 'Keep soil in place: stabilization, mulch, blankets, seeding, slope protection.' },
    { key: 'sediment_control', name: 'Sediment control', description: 'Catch soil that moves: silt fence, inlet protection, sediment basins, construction entrances.' },
    { key: 'good_housekeeping', name: 'Good housekeeping', description: 'Pollution prevention: stockpiles, concrete washout, waste, fuel and chemical storage.' },
  ],
  violationTypes: [
    { key: 'sediment_discharge', name: 'Sediment discharge off site', severity: 'high' as const, defaultDeadlineDays: 1 },
    { key: 'bmp_not_maintained', name: 'BMP missing or not maintained', severity: 'medium' as const, defaultDeadlineDays: 7 },
    { key: 'stabilization_late', name: 'Stabilization deadline missed', severity: 'medium' as const, defaultDeadlineDays: 7 },
    { key: 'inspection_missed', name: 'Required inspection missed', severity: 'high' as const, defaultDeadlineDays: 1 },
    { key: 'housekeeping', name: 'Housekeeping / pollution prevention', severity: 'low' as const, defaultDeadlineDays: 7 },
    { key: 'osha_fall_protection', name: 'Fall protection (OSHA 1926.501)', severity: 'critical' as const, defaultDeadlineDays: 0 },
    { key: 'osha_ppe', name: 'PPE not worn (OSHA 1926.95)', severity: 'medium' as const, defaultDeadlineDays: 1 },
    { key: 'osha_excavation', name: 'Excavation protection (OSHA 1926.652)', severity: 'critical' as const, defaultDeadlineDays: 0 },
  ],
  formTemplates: defaultTemplates.map((t) => ({ key: t.key, version: 1, name: t.name, kind: t.kind, schema: t.definition })),
};

export type TenantDefaults = typeof tenantDefaults;
