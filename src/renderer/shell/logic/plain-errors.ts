/**
 * Validation messages in the agent's words, with the fix where one can be worked out. The
 * contract's messages (zod's defaults, src/shared/core/origin-policy.ts, origin-pattern.ts) are
 * written for logs, IT and check-config; the settings page shows these instead:
 *
 *   "Too small: expected number to be >=1"                    → "Enter at least 1"
 *   '"cc.acme-telecom.com" is not a serialized origin (…)'     → "Add https:// → https://cc.acme-telecom.com"
 *   '"https://x.example.com/desk" is not a serialized origin'  → "Remove the path → https://x.example.com"
 *   '"http://x.example.com": http:// is allowed only for …'    → "Use https:// → https://x.example.com"
 *
 * A message this does not know is kept as it is (already plain: "must not be empty").
 */

type Rule = [RegExp, (m: RegExpExecArray) => string];

const NUMBER_RULES: Rule[] = [
  [/^Too small: expected number to be >=(-?[\d.]+)$/, (m) => `Enter at least ${m[1]}`],
  [/^Too small: expected number to be >(-?[\d.]+)$/, (m) => `Enter more than ${m[1]}`],
  [/^Too big: expected number to be <=(-?[\d.]+)$/, (m) => `Enter at most ${m[1]}`],
  [/^Too big: expected number to be <(-?[\d.]+)$/, (m) => `Enter less than ${m[1]}`],
  [/^Invalid input: expected int, received number$/, () => 'Enter a whole number'],
  [/^Invalid input: expected number, received (?:NaN|undefined|string|null)$/, () => 'Enter a number'],
  [/^Too small: expected string to have >=1 characters?$/, () => 'Fill this in'],
  [/^Too big: expected string to have <=(\d+) characters$/, (m) => `Use at most ${m[1]} characters`],
  [/^Invalid option: expected one of .*$/, () => 'Choose one of the options'],
  [/^must be a time like \d\d:\d\d \(24-hour\)$/i, () => 'Enter a 24-hour time such as 18:00'],
];

/** The origin a person most likely meant by `text`, or null when no plain fix is certain. */
export function originMeant(text: string): { fix: string; origin: string } | null {
  const trimmed = text.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  const steps: string[] = [];
  if (!hasScheme) steps.push('add https://');
  const rest = trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const afterHost = rest.search(/[/?#]/);
  const scheme = hasScheme ? trimmed.slice(0, trimmed.length - rest.length) : '';
  if (/[A-Z]/.test(scheme + (afterHost >= 0 ? rest.slice(0, afterHost) : rest))) steps.push('use lower case');
  if (afterHost >= 0 && rest.slice(afterHost) !== '/') steps.push('remove the path');
  else if (afterHost >= 0) steps.push('remove the final /');
  if (steps.length === 0) return null;
  const fix = steps.length > 1 ? `${steps.slice(0, -1).join(', ')} and ${steps.at(-1)}` : steps[0]!;
  return { fix: fix.charAt(0).toUpperCase() + fix.slice(1), origin: url.origin };
}

const ORIGIN_RULES: Rule[] = [
  [
    /^"(.*)" is not a serialized origin\b.*$/,
    (m) => {
      const meant = originMeant(m[1]!);
      return meant ? `${meant.fix} → ${meant.origin}` : `"${m[1]}" is not a web address such as https://cc.example.com`;
    },
  ],
  [
    /^"(.*)": http:\/\/ is allowed only for localhost.*$/,
    (m) => {
      const host = m[1]!.replace(/^http:\/\//i, '');
      return `Use https:// → https://${host}`;
    },
  ],
];

export function plainError(message: string): string {
  for (const [pattern, say] of [...NUMBER_RULES, ...ORIGIN_RULES]) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  return message;
}

/**
 * A URL field's errors with the fix for the usual slip, worked out from what was typed (the
 * contract's message cannot quote the value): "http://x/desk" → "Use https:// → https://x/desk",
 * "x.example.com/desk" → "Add https:// → https://x.example.com/desk".
 */
export function withUrlFix(errors: readonly string[], typed: string): string[] {
  const value = typed.trim();
  return errors.map((m) => {
    if (!/^must be an https:\/\/ URL/i.test(m) || value === '') return m;
    if (/^http:\/\//i.test(value)) return `Use https:// → https://${value.slice('http://'.length)}`;
    if (!/^[a-z][a-z0-9+.-]*:/i.test(value) && originMeant(value) !== null) return `Add https:// → https://${value}`;
    return m;
  });
}
