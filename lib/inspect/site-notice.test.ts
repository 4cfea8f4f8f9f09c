import { describe, expect, it } from 'vitest';
import { swpppStatement } from './site-notice';

const notice = (swpppLocation: string | null) => ({ npdesPermitId: null, noticeContactName: null, noticeContactPhone: null, swpppLocation });

describe('swpppStatement (EPA 2022 CGP Part 1.5: where the SWPPP can be read)', () => {
  it('the typed location alone when the SWPPP is not published', () => {
    expect(swpppStatement(notice('Site trailer, north gate'))).toBe('Site trailer, north gate');
  });
  it('adds the online copy when it is published: the QR code on the poster, the link on the page', () => {
    expect(swpppStatement(notice('Site trailer, north gate'), 'poster')).toBe(
      'Site trailer, north gate. The current SWPPP can be read online: scan the QR code on this notice.',
    );
    expect(swpppStatement(notice('Ask at the office.'), 'page')).toBe('Ask at the office. The current SWPPP can be read online: see the link below.');
    expect(swpppStatement(notice(null), 'poster')).toBe('The current SWPPP can be read online: scan the QR code on this notice.');
  });
  it('neither: the statement that a copy can be requested from the EPA Regional Office', () => {
    expect(swpppStatement(notice('  '))).toMatch(/contact the EPA Regional Office/);
  });
});
