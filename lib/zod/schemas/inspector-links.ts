import { z } from 'zod';
import { blankToNull, optionalIsoDate, optionalText, uuidField } from '../field-helpers';

/** A new QR link: which project, an optional label ("Gate 2 sign") and an optional last day. */
export const createInspectorLinkSchema = z.object({
  projectId: uuidField('Choose a project.'),
  label: optionalText(80, 'Label').optional(),
  expiresOn: optionalIsoDate('Expiry date').optional(),
});

export const revokeInspectorLinkSchema = z.object({ id: uuidField('Choose a link.') });

/** A blank date removes the expiry. */
export const setInspectorLinkExpirySchema = z.object({
  id: uuidField('Choose a link.'),
  expiresOn: optionalIsoDate('Expiry date').optional(),
});

const phone = z.preprocess(
  blankToNull,
  z
    .string({ error: 'Phone must be text.' })
    .trim()
    .max(40, 'Phone must be at most 40 characters.')
    .regex(/^[0-9+().\- ]*[0-9][0-9+().\- x]*$/, 'Enter a phone number (digits, spaces, + ( ) - . and x only).')
    .nullable(),
);

/** The posted notice's own fields (EPA 2022 CGP Part 1.5) on the project. */
export const updateSiteNoticeSchema = z.object({
  projectId: uuidField('Choose a project.'),
  // Absent: unchanged; blank: cleared.
  noticeContactName: optionalText(120, 'Contact name').optional(),
  noticeContactPhone: phone.optional(),
  swpppLocation: optionalText(300, 'Where to read the SWPPP').optional(),
});

/** The audited choice to link the project's current SWPPP from the public page (or to stop). */
export const setPublicSwpppSchema = z.object({
  projectId: uuidField('Choose a project.'),
  show: z.enum(['show', 'hide'], { error: 'Choose whether to show the SWPPP.' }),
});
