import { ProfileSchema, type Profile, type ProfileInput } from '../../src/shared/contract/profile';

export function profile(input: Partial<ProfileInput> & Pick<ProfileInput, 'id' | 'vendor'>): Profile {
  return ProfileSchema.parse({ name: input.id.toUpperCase(), ...input });
}
