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
      // The type of inspection is chosen once, when it is started, and lives on the inspection row.
      fields: [
        { key: 'inspection_date', label: 'Date of inspection', type: 'date', required: true },
        { key: 'performed_by', label: 'Inspected by', help: 'Name and title of the person who walked the site (CGP Part 4.7.1).', type: 'performer', required: true },
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
        { key: 'performed_by', label: 'Competent person', help: 'Who walked the site before work (29 CFR 1926.32(f)).', type: 'performer', required: true },
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
        { key: 'performed_by', label: 'Inspected by', type: 'performer', required: true },
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
