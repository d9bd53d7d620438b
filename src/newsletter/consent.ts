/** The consent line beside the form. Stored with each signup, so we can show what a reader agreed to. */
export const CONSENT_TEXT =
  'One email a week about backend frameworks. We send a confirmation link first, every email has an unsubscribe link, and we use your address for nothing else.';
