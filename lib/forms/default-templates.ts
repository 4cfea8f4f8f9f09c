import type { TemplateDefinition } from './template-definition';

/** BMP checklist items shared by the EPA report; categories match the provisioned bmp_categories keys. */
const bmpItems = [
  { key: 'silt_fence', label: 'Silt fence / perimeter controls intact', category: 'sediment_control' },
  { key: 'inlet_protection', label: 'Storm drain inlet protection in place and clean', category: 'sediment_control' },
  { key: 'construction_entrance', label: 'Stabilized construction entrance; no track-out', category: 'sediment_control' },
  { key: 'sediment_basin', label: 'Sediment basins/traps below half capacity', category: 'sediment_control' },
  { key: 'stabilization', label: 'Disturbed areas stabilized within deadlines', category: 'erosion_control' },
  { key: 'slope_protection', label: 'Slopes protected (blankets, mulch, seeding)', category: 'erosion_control' },
  { key: 'stockpiles', label: 'Stockpiles covered or contained', category: 'good_housekeeping' },
  { key: 'washout', label: 'Concrete washout contained, not overflowing', category: 'good_housekeeping' },
  { key: 'waste', label: 'Waste and chemicals stored and covered', category: 'good_housekeeping' },
];

export const epaCgpInspection: TemplateDefinition = {
  title: 'EPA CGP site inspection report',
  description: 'Construction General Permit inspection (2022 CGP Part 4): conditions, BMPs, discharges, corrective actions.',
  sections: [
    {
      key: 'general',
      title: 'General',
      fields: [
        { key: 'inspection_date', label: 'Date of inspection', type: 'date', required: true },
        { key: 'inspection_type', label: 'Type of inspection', type: 'choice', required: true, multiple: false, options: [
          { value: 'routine', label: 'Routine (7 or 14 day)' },
          { value: 'storm_event', label: 'After a 0.25 in storm event' },
          { value: 'follow_up', label: 'Corrective follow-up' },
          { value: 'final', label: 'Final stabilization' },
        ] },
        { key: 'weather', label: 'Weather at time of inspection', type: 'text', required: true, multiline: false, maxLength: 500 },
        { key: 'rain_gauge_inches', label: 'Rain gauge reading', type: 'number', required: false, min: 0, max: 50, unit: 'in' },
        { key: 'discharge_occurring', label: 'Is a discharge occurring now?', type: 'yes_no_na', required: true },
      ],
    },
    {
      key: 'bmps',
      title: 'Stormwater controls (BMPs)',
      fields: [{ key: 'bmp_results', label: 'BMP checklist', type: 'bmp_checklist', required: true, items: bmpItems }],
    },
    {
      key: 'findings',
      title: 'Findings',
      fields: [
        { key: 'conditions_requiring_action', label: 'Conditions requiring corrective action', type: 'text', required: false, multiline: true, maxLength: 5000 },
        { key: 'areas_not_inspected', label: 'Areas not inspected and why', type: 'text', required: false, multiline: true, maxLength: 2000 },
        { key: 'photos', label: 'Photos', type: 'photo', required: false, maxPhotos: 8 },
      ],
    },
    {
      key: 'certification',
      title: 'Certification',
      fields: [
        {
          key: 'signature',
          label: 'Inspector signature',
          type: 'signature',
          required: true,
          statement:
            'I certify under penalty of law that this document and all attachments were prepared under my direction or supervision in accordance with a system designed to assure that qualified personnel properly gathered and evaluated the information submitted.',
        },
      ],
    },
  ],
};

const yesNo = (key: string, label: string, required = true) => ({ key, label, type: 'yes_no_na' as const, required });

const oshaDailyChecklist: TemplateDefinition = {
  title: 'OSHA daily site safety checklist',
  sections: [
    {
      key: 'daily',
      title: 'Daily walk',
      fields: [
        { key: 'date', label: 'Date', type: 'date', required: true },
        yesNo('ppe', 'Crew wearing required PPE (hard hats, vests, eye protection)'),
        yesNo('fall_protection', 'Fall protection in place above 6 ft (29 CFR 1926.501)'),
        yesNo('ladders', 'Ladders and scaffolds inspected and secured'),
        yesNo('excavations', 'Excavations over 5 ft protected (sloping, shoring or trench box)'),
        yesNo('housekeeping', 'Walkways clear; debris removed'),
        yesNo('electrical', 'GFCI protection and cords in good condition'),
        { key: 'notes', label: 'Hazards found and actions taken', type: 'text', required: false, multiline: true, maxLength: 5000 },
        { key: 'signature', label: 'Competent person', type: 'signature', required: true, statement: 'I inspected the site today and recorded the conditions above.' },
      ],
    },
  ],
};

const oshaWeeklyChecklist: TemplateDefinition = {
  title: 'OSHA weekly site inspection',
  sections: [
    {
      key: 'weekly',
      title: 'Weekly inspection',
      fields: [
        { key: 'week_of', label: 'Week of', type: 'date', required: true },
        yesNo('fire_extinguishers', 'Fire extinguishers charged and accessible'),
        yesNo('first_aid', 'First-aid kit stocked; emergency numbers posted'),
        yesNo('hazcom', 'SDS available; containers labeled (HazCom)'),
        yesNo('equipment', 'Heavy equipment inspected; back-up alarms work'),
        yesNo('training', 'Toolbox talk held this week'),
        { key: 'corrective_actions', label: 'Corrective actions', type: 'text', required: false, multiline: true, maxLength: 5000 },
        { key: 'signature', label: 'Superintendent', type: 'signature', required: true, statement: 'I reviewed this week\'s site conditions.' },
      ],
    },
  ],
};

/** Provisioned into every new organization (version 1 each). */
export const defaultTemplates = [
  { key: 'epa_cgp_inspection', kind: 'epa' as const, name: epaCgpInspection.title, definition: epaCgpInspection },
  { key: 'osha_daily', kind: 'osha' as const, name: oshaDailyChecklist.title, definition: oshaDailyChecklist },
  { key: 'osha_weekly', kind: 'osha' as const, name: oshaWeeklyChecklist.title, definition: oshaWeeklyChecklist },
];
