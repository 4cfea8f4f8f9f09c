import { z } from 'zod';
import { ROLES } from '@/lib/rbac/permissions';
import { FILE_RULES } from '@/lib/storage/rules';
import { checkbox, decimal2, optionalText, uuidField } from '../field-helpers';
import { isTimeZone } from '@/lib/format/when';
import { hour } from './security';

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `Enter the ${label} as a number.` })
    .int(`Enter the ${label} as a whole number.`)
    .min(min, `The ${label} must be at least ${min}.`)
    .max(max, `The ${label} can be at most ${max}.`);

/** /settings, organization profile: the name and the operator of record printed on notices and reports. */
export const organizationProfileSchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter the organization’s name.').max(120, 'The name must be at most 120 characters.'),
  operatorName: optionalText(200, 'Operator name'),
  operatorAddress: optionalText(300, 'Operator address'),
  operatorPhone: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z
      .string()
      .trim()
      .max(40, 'The phone number must be at most 40 characters.')
      .regex(/^[0-9+().\-\s]+$/, 'Enter a phone number (digits, spaces, + ( ) - .).')
      .nullable(),
  ),
  operatorEmail: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z.email('Enter an email address.').max(254, 'The email must be at most 254 characters.').nullable(),
  ),
});

/**
 * /settings, compliance rules and the organization's clock. The rain threshold
 * triggers storm inspections (CGP Part 4.2: 0.25 in by default), the deadline
 * is how long after it the inspection is due, retention is the org's own rule
 * on top of the permit's minimum (docs/settings.md).
 */
export const complianceSettingsSchema = z
  .strictObject({
    rainThresholdInches: decimal2({ label: 'rain threshold', unit: 'inches', min: 0.01, max: 10 }),
    inspectionDeadlineHours: wholeNumber('inspection deadline', 1, 168),
    retentionYears: wholeNumber('retention period', 3, 50),
    timezone: z.string().trim().min(1, 'Choose a time zone.').max(64).refine(isTimeZone, 'Choose a valid time zone.'),
    businessHoursStart: hour('start of business hours'),
    businessHoursEnd: hour('end of business hours'),
    fixedRequiresPhoto: checkbox,
    failedBmpRequiresPhoto: checkbox,
  })
  .refine((v) => v.businessHoursStart !== v.businessHoursEnd, {
    path: ['businessHoursEnd'],
    message: 'Business hours must end at a different hour than they start (turn off-hours alerts off on Security instead).',
  });

const invitableRoles = ROLES;

/** /members (local mode): invite someone by email with a role. */
export const inviteMemberSchema = z.strictObject({
  email: z.string().trim().max(254, 'The email must be at most 254 characters.').pipe(z.email('Enter an email address.')),
  role: z.enum(invitableRoles, { message: 'Choose a role.' }),
});

export const changeMemberRoleSchema = z.strictObject({
  membershipId: uuidField('Choose a member.'),
  role: z.enum(ROLES, { message: 'Choose a role.' }),
});

export const removeMemberSchema = z.strictObject({ membershipId: uuidField('Choose a member.') });

export const revokeInvitationSchema = z.strictObject({ invitationId: uuidField('Choose an invitation.') });

/** /usage: the period the charts group by. */
export const usageQuerySchema = z.object({
  period: z.enum(['day', 'month'], { message: 'Choose day or month.' }).default('day'),
});

const LOGO_MAX_KB = FILE_RULES.logos.maxBytes / 1024;

/**
 * /settings, the organization's logo as a data URL (the form reads the chosen file in the browser):
 * PNG or JPEG, at most 512 KB once decoded. The handler checks the bytes themselves (magic bytes,
 * lib/files/check-object.ts), as it does for every uploaded file.
 */
export const organizationLogoSchema = z.strictObject({
  logo: z
    .string({ message: 'Choose a PNG or JPEG image.' })
    .max(Math.ceil((FILE_RULES.logos.maxBytes * 4) / 3) + 32, `The logo must be at most ${LOGO_MAX_KB} KB.`)
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/, 'Choose a PNG or JPEG image.'),
});

/** /settings, removing the logo: nothing to send. */
export const removeOrganizationLogoSchema = z.strictObject({});
