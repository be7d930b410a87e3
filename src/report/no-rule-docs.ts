// Stand-in for `eslint-rule-docs`, which eslint-formatter-pretty uses to link ESLint plugin rules
// to their docs. kubelint's rule ids are not ESLint rules (a lookup could only link to the wrong
// page), and the real table costs start-up time, so the bundle gets this empty one instead.
export default function getRuleDocs(): { exactMatch: boolean; url?: string } {
  return { exactMatch: false };
}
