import { ProfileSchema, type Profile, type ProfileInput } from '../../src/shared/contract/profile';

export function profile(input: Partial<ProfileInput> & Pick<ProfileInput, 'id' | 'vendor'>): Profile {
  return ProfileSchema.parse({ name: input.id.toUpperCase(), ...input });
}

/**
 * A profile with origin patterns no settings or policy can hold any more (ProfileSchema refuses
 * "app://*" and "https://*", src/shared/contract/origin-pattern.ts): for the tests showing the
 * guards behind the schema still hold should such a pattern reach them.
 */
export function profileWithUncheckedOrigins(input: Partial<ProfileInput> & Pick<ProfileInput, 'id' | 'vendor'>, allowedOrigins: string[]): Profile {
  return { ...profile(input), allowedOrigins };
}
