import { isOshaType, type InspectionType } from '@/lib/zod/schemas/inspections';

/**
 * The certification a qualified person signs on a stormwater inspection report:
 * the statement of 40 CFR 122.22(d), which the 2022 CGP requires on reports
 * (Part 4.7.1, Appendix I "Certification requirements"). Signed once, on the
 * inspection (not in the crew's form), with the typed name, title and the
 * server's timestamp, and stored verbatim so the record shows what was attested.
 */
export const CERTIFICATION_STATEMENT =
  'I certify under penalty of law that this document and all attachments were prepared under my direction or supervision in accordance with a system designed to assure that qualified personnel properly gathered and evaluated the information submitted. Based on my inquiry of the person or persons who manage the system, or those persons directly responsible for gathering the information, the information submitted is, to the best of my knowledge and belief, true, accurate, and complete. I am aware that there are significant penalties for submitting false information, including the possibility of fine and imprisonment for knowing violations.';

/**
 * OSHA checklists carry no NPDES certification: the reviewer attests the
 * review as the employer's designated competent person (29 CFR 1926.20(b)(2),
 * 1926.32(f)).
 */
export const OSHA_REVIEW_STATEMENT =
  'I am a competent person designated by the employer. I reviewed this checklist; it records the conditions found on the site and the actions taken to correct the hazards found.';

/** The statement signed on an inspection of this type: the server's constant, never the client's text. */
export function certificationStatementFor(type: InspectionType): string {
  return isOshaType(type) ? OSHA_REVIEW_STATEMENT : CERTIFICATION_STATEMENT;
}
