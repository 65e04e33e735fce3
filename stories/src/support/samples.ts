/**
 * Text that stresses layouts: a long name (a real queue name on a wide org chart), right-to-left labels
 * with their locales, and markup that must come out as text, never as elements.
 */
export const LONG_NAME =
  'Customer retention and cancellations, priority business accounts (EMEA North, second-line escalations)';
export const LONG_WORD = 'Kundenbindungsverlängerungsrückgewinnungswarteschlange';
export const HOSTILE_LABEL = '<img src=x onerror="document.title=\'pwned\'"> Sales & <b>Support</b>';

export const RTL = {
  ar: { locale: 'ar-EG', lang: 'ar' },
  he: { locale: 'he-IL', lang: 'he' },
} as const;

/** A fixed instant (Monday 2 March 2026, 09:41 UTC) so clocks and screenshots do not drift. */
export const FIXED_TIME = Date.UTC(2026, 2, 2, 9, 41, 0);
