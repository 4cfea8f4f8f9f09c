// The BMP items of the seeded EPA CGP inspection template (lib/forms/default-templates.ts), as a
// person reads them on the form: the specs find each row by its label.
export const BMP_ITEMS = [
  'Silt fence / perimeter controls intact',
  'Storm drain inlet protection in place and clean',
  'Stabilized construction entrance; no track-out',
  'Sediment basins/traps below half capacity',
  'Disturbed areas stabilized within deadlines',
  'Slopes protected (blankets, mulch, seeding)',
  'Stockpiles covered or contained',
  'Concrete washout contained, not overflowing',
  'Waste and chemicals stored and covered',
];
