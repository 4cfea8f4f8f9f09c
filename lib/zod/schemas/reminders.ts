import { z } from 'zod';
import { checkbox } from '../field-helpers';

/** The reminder preferences form: an unchecked box is "don't remind me of this". */
export const reminderPreferencesSchema = z
  .object({
    inspections: checkbox,
    reports: checkbox,
    email: checkbox,
  })
  .strict();

/** "Mark all as read" takes no input. */
export const markNotificationsReadSchema = z.object({}).strict();
